"use client";

import { type Control, Controller, type FieldErrors, type UseFormRegister, useWatch } from "react-hook-form";
import { isAddress } from "viem";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Slider } from "@/components/ui/slider";
import { TagInput } from "@/components/ui/tag-input";
import type { CreateDatanet, CreateDatanetInput } from "@/lib/datanets/schemas";
import { firstError } from "./form-errors";

type ReviewSettingsFieldsProps = {
  control: Control<CreateDatanetInput, unknown, CreateDatanet>;
  register: UseFormRegister<CreateDatanetInput>;
  errors: FieldErrors<CreateDatanetInput>;
};

const REVIEWERS = [
  { value: "stakers", label: "Stakers", about: "Accounts that stake OPEN may review." },
  { value: "invited", label: "Invited addresses", about: "Only the wallets you list here may review." },
] as const;

/** Minimum reviews, approval threshold and who may review, with the invite list for "invited". */
export function ReviewSettingsFields({ control, register, errors }: ReviewSettingsFieldsProps) {
  const reviewers = useWatch({ control, name: "review.reviewers" });
  const minReviews = useWatch({ control, name: "review.minReviews" });
  return (
    <div className="grid gap-6">
      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          label="Minimum reviews"
          description="How many reviewers must look at a contribution before it is decided (1–9)."
          error={firstError(errors.review?.minReviews)}
          required
        >
          <Input type="number" min={1} max={9} step={1} {...register("review.minReviews", { valueAsNumber: true })} />
        </Field>
        <Controller
          control={control}
          name="review.approvalThreshold"
          render={({ field, fieldState }) => {
            const percent = Math.round((field.value ?? 0) * 100);
            return (
              <Field
                label={`Approval threshold: ${percent}%`}
                description="The share of reviews that must approve for a contribution to be accepted."
                error={fieldState.error?.message}
              >
                {(fieldControl, { labelId }) => (
                  <Slider
                    value={[percent]}
                    onValueChange={([next]) => field.onChange((next ?? percent) / 100)}
                    onBlur={field.onBlur}
                    min={1}
                    max={100}
                    step={1}
                    aria-labelledby={labelId}
                    aria-describedby={fieldControl["aria-describedby"]}
                    className="h-9"
                  />
                )}
              </Field>
            );
          }}
        />
      </div>
      <Controller
        control={control}
        name="review.reviewers"
        render={({ field, fieldState }) => (
          <Field
            label="Who may review"
            description="Reviewers approve or reject each contribution; nobody reviews their own."
            error={fieldState.error?.message}
          >
            {(fieldControl, { labelId }) => (
              <RadioGroup
                value={field.value}
                onValueChange={field.onChange}
                aria-labelledby={labelId}
                aria-describedby={fieldControl["aria-describedby"]}
                className="grid gap-3 sm:grid-cols-2"
              >
                {REVIEWERS.map((option) => (
                  <Label
                    key={option.value}
                    htmlFor={`reviewers-${option.value}`}
                    className="flex cursor-pointer items-start gap-2.5 rounded-lg border bg-card p-3 font-normal has-data-[state=checked]:border-primary"
                  >
                    <RadioGroupItem
                      value={option.value}
                      id={`reviewers-${option.value}`}
                      aria-labelledby={`reviewers-${option.value}-name`}
                      aria-describedby={`reviewers-${option.value}-about`}
                    />
                    <span className="flex flex-col gap-1">
                      <span id={`reviewers-${option.value}-name`} className="font-medium">
                        {option.label}
                      </span>
                      <span
                        id={`reviewers-${option.value}-about`}
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
      {reviewers === "invited" ? (
        <Controller
          control={control}
          name="review.invited"
          render={({ field, fieldState }) => (
            <Field
              label="Invited reviewers"
              description={`Wallet addresses (0x…), one at a time or pasted comma-separated. Invite at least ${
                Number.isFinite(minReviews) ? minReviews : 1
              }, the minimum number of reviews.`}
              error={firstError(fieldState.error)}
              required
            >
              <TagInput
                value={field.value ?? []}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                tagNoun="reviewer"
                placeholder="0x…"
                normalize={(raw) => raw.trim().toLowerCase()}
                validate={(address) =>
                  isAddress(address, { strict: false }) ? null : `“${address}” is not a 0x address.`
                }
                maxTags={100}
              />
            </Field>
          )}
        />
      ) : null}
    </div>
  );
}
