"use client";

import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TagInput } from "@/components/ui/tag-input";
import type { CreateDatanet, CreateDatanetInput } from "@/lib/datanets/schemas";
import { firstError } from "./form-errors";

type DiscoveryFieldsProps = {
  control: Control<CreateDatanetInput, unknown, CreateDatanet>;
  register: UseFormRegister<CreateDatanetInput>;
  errors: FieldErrors<CreateDatanetInput>;
  licences: ComboboxOption[];
};

const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Tags, domain and licence: how people find the Datanet and what they may do with its rows. */
export function DiscoveryFields({ control, register, errors, licences }: DiscoveryFieldsProps) {
  return (
    <>
      <Controller
        control={control}
        name="tags"
        render={({ field, fieldState }) => (
          <Field
            label="Tags"
            description="Up to 10 words people can filter by: lowercase letters, digits and dashes. Press Enter or a comma after each."
            error={firstError(fieldState.error)}
          >
            <TagInput
              value={field.value ?? []}
              onValueChange={field.onChange}
              onBlur={field.onBlur}
              placeholder="e.g. security"
              maxTags={10}
              normalize={(raw) => raw.trim().toLowerCase()}
              validate={(tag) => (TAG.test(tag) ? null : `“${tag}”: use letters, digits and dashes (up to 32).`)}
            />
          </Field>
        )}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          label="Domain"
          description="The field it covers, in a word or two: medicine, law, security…"
          error={errors.domain?.message}
          required
        >
          <Input autoComplete="off" maxLength={40} placeholder="e.g. security" {...register("domain")} />
        </Field>
        <Controller
          control={control}
          name="license"
          render={({ field, fieldState }) => (
            <Field
              label="Licence"
              description="What others may do with the rows: contributors agree to it when they sign. Common data licences come first."
              error={fieldState.error ? (field.value ? fieldState.error.message : "Choose a licence.") : undefined}
              required
            >
              <Combobox
                options={licences}
                value={field.value || null}
                onValueChange={(value) => field.onChange(value ?? "")}
                onBlur={field.onBlur}
                placeholder="Choose a licence…"
                searchPlaceholder="Search licences by id or name…"
                listLabel="Licences"
              />
            </Field>
          )}
        />
      </div>
    </>
  );
}
