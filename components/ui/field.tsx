"use client";

import { Slot } from "radix-ui";
import { type ReactElement, type ReactNode, useId } from "react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** What a field hands its control so the label, description and error are wired for assistive tech. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
  disabled?: true;
};

type FieldProps = {
  label: ReactNode;
  /** A muted hint line under the control. */
  description?: ReactNode;
  /**
   * The validation message, e.g. react-hook-form's `fieldState.error?.message`; a list shows one
   * line each. Present and non-empty, it marks the control `aria-invalid`.
   */
  error?: string | string[] | null;
  /** Marks the control invalid without a message (e.g. `fieldState.invalid`). */
  invalid?: boolean;
  /** Adds a required marker and `aria-required` (validation stays the form's job). */
  required?: boolean;
  /** Disables the control (handed over with the other props) and dims the label. */
  disabled?: boolean;
  /** The control's id; generated when left out. */
  id?: string;
  /** "horizontal" puts the control before the label: checkboxes and switches. */
  orientation?: "vertical" | "horizontal";
  className?: string;
  /**
   * Either one control element, which receives id/aria props by merging (Input, Textarea,
   * Checkbox, Switch, Combobox), or a function that places them itself, for composite controls:
   * `{(control) => <Select …><SelectTrigger {...control} /></Select>}`. Its second argument
   * carries the label's id, for groups labelled with `aria-labelledby` (RadioGroup, Slider).
   */
  children: ReactElement | ((control: FieldControlProps, ids: { labelId: string }) => ReactNode);
};

/** A form field: label, control, description and error, wired with aria-describedby/aria-invalid. */
export function Field({
  label,
  description,
  error,
  invalid,
  required,
  disabled,
  id,
  orientation = "vertical",
  className,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const labelId = `${controlId}-label`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const messages = (Array.isArray(error) ? error : [error]).filter((m): m is string => !!m);
  const isInvalid = invalid === true || messages.length > 0;
  const describedBy =
    [description ? descriptionId : null, messages.length > 0 ? errorId : null].filter(Boolean).join(" ") || undefined;
  const control: FieldControlProps = {
    id: controlId,
    "aria-describedby": describedBy,
    "aria-invalid": isInvalid ? true : undefined,
    "aria-required": required ? true : undefined,
    disabled: disabled ? true : undefined,
  };
  const controlNode =
    typeof children === "function" ? children(control, { labelId }) : <Slot.Root {...control}>{children}</Slot.Root>;
  const labelNode = (
    <Label
      id={labelId}
      htmlFor={controlId}
      className={cn(isInvalid && "text-destructive", disabled && "cursor-not-allowed opacity-60")}
    >
      {label}
      {required ? (
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      ) : null}
    </Label>
  );

  const descriptionNode = description ? (
    <p id={descriptionId} data-slot="field-description" className="text-muted-foreground text-xs leading-relaxed">
      {description}
    </p>
  ) : null;
  const errorNode =
    messages.length > 0 ? (
      <div id={errorId} data-slot="field-error" className="text-destructive text-xs leading-relaxed">
        {messages.length === 1 ? (
          <p>{messages[0]}</p>
        ) : (
          <ul className="list-disc pl-4">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    ) : null;

  return (
    <div
      data-slot="field"
      data-invalid={isInvalid || undefined}
      data-disabled={disabled || undefined}
      data-orientation={orientation}
      className={cn(
        "group/field flex min-w-0 gap-2",
        orientation === "horizontal" ? "flex-row items-start gap-2.5" : "flex-col",
        className,
      )}
    >
      {orientation === "horizontal" ? (
        <>
          <div className="flex min-h-4 items-center">{controlNode}</div>
          <div className="flex min-w-0 flex-col gap-1.5 pt-px">
            {labelNode}
            {descriptionNode}
            {errorNode}
          </div>
        </>
      ) : (
        <>
          {labelNode}
          {controlNode}
          {descriptionNode}
          {errorNode}
        </>
      )}
    </div>
  );
}
