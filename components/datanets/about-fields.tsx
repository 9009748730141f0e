"use client";

import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { CreateDatanet, CreateDatanetInput } from "@/lib/datanets/schemas";
import { DescriptionEditor } from "./description-editor";

type AboutFieldsProps = {
  control: Control<CreateDatanetInput, unknown, CreateDatanet>;
  register: UseFormRegister<CreateDatanetInput>;
  errors: FieldErrors<CreateDatanetInput>;
};

/** Name, summary and the markdown description. */
export function AboutFields({ control, register, errors }: AboutFieldsProps) {
  return (
    <>
      <Field
        label="Name"
        description="What people will call it, 3–80 characters. Its web address is made from it."
        error={errors.name?.message}
        required
      >
        <Input autoComplete="off" maxLength={80} placeholder="e.g. Security weaknesses Q&A" {...register("name")} />
      </Field>
      <Field
        label="Summary"
        description="One or two sentences shown on the list of Datanets, 10–200 characters."
        error={errors.summary?.message}
        required
      >
        <Textarea rows={2} maxLength={200} className="min-h-16" {...register("summary")} />
      </Field>
      <Controller
        control={control}
        name="description"
        render={({ field, fieldState }) => (
          <Field
            label="Description"
            description="The full story in markdown: where rows should come from, what a good row looks like, what to leave out. Links open in a new tab; images are shown as links."
            error={fieldState.error?.message}
          >
            {(fieldControl) => (
              <DescriptionEditor
                control={fieldControl}
                value={field.value ?? ""}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          </Field>
        )}
      />
    </>
  );
}
