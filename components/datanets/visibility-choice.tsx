"use client";

import { type Control, Controller } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { CreateDatanet, CreateDatanetInput } from "@/lib/datanets/schemas";

const OPTIONS = [
  { value: "public", label: "Public", about: "Listed for everyone to browse and contribute to." },
  { value: "private", label: "Private", about: "Hidden from everyone but you, the owner." },
] as const;

/** Public or private, as two radio cards. */
export function VisibilityChoice({ control }: { control: Control<CreateDatanetInput, unknown, CreateDatanet> }) {
  return (
    <Controller
      control={control}
      name="visibility"
      render={({ field, fieldState }) => (
        <Field label="Visibility" description="Who can find and open the Datanet." error={fieldState.error?.message}>
          {(fieldControl, { labelId }) => (
            <RadioGroup
              value={field.value ?? "public"}
              onValueChange={field.onChange}
              aria-labelledby={labelId}
              aria-describedby={fieldControl["aria-describedby"]}
              className="grid gap-3 sm:grid-cols-2"
            >
              {OPTIONS.map((option) => (
                <Label
                  key={option.value}
                  htmlFor={`visibility-${option.value}`}
                  className="flex cursor-pointer items-start gap-2.5 rounded-lg border bg-card p-3 font-normal has-data-[state=checked]:border-primary"
                >
                  <RadioGroupItem
                    value={option.value}
                    id={`visibility-${option.value}`}
                    aria-labelledby={`visibility-${option.value}-name`}
                    aria-describedby={`visibility-${option.value}-about`}
                  />
                  <span className="flex flex-col gap-1">
                    <span id={`visibility-${option.value}-name`} className="font-medium">
                      {option.label}
                    </span>
                    <span
                      id={`visibility-${option.value}-about`}
                      className="text-muted-foreground text-xs leading-relaxed"
                    >
                      {option.about}
                    </span>
                  </span>
                </Label>
              ))}
            </RadioGroup>
          )}
        </Field>
      )}
    />
  );
}
