"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Loader2, Plus, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ComboboxOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/components/wallet/session-context";
import { type CreateDatanet, type CreateDatanetInput, createDatanetSchema } from "@/lib/datanets/schemas";
import { AboutFields } from "./about-fields";
import { EMPTY_CREATE_FORM, fieldForIssuePath } from "./create-form-values";
import { DiscoveryFields } from "./discovery-fields";
import { FormErrorCallout } from "./form-error-callout";
import { FormSection } from "./form-section";
import { KindChoice } from "./kind-choice";
import { type ApiError, postDatanet } from "./post-datanet";
import { ReviewSettingsFields } from "./review-settings-fields";
import { SignInPrompt } from "./sign-in-prompt";
import { useFormDraft } from "./use-form-draft";
import { VisibilityChoice } from "./visibility-choice";

const DRAFT_KEY = "modelfactory.datanets.createDraft";

/** The create-a-Datanet form; a signed-out visitor is asked to sign in instead. */
export function CreateDatanetForm({ licences }: { licences: ComboboxOption[] }) {
  const { status } = useSession();
  if (status === "loading") return <Skeleton className="h-96 w-full rounded-xl" />;
  if (status !== "authenticated") return <SignInPrompt action="create a Datanet" />;
  return <SignedInCreateForm licences={licences} />;
}

function SignedInCreateForm({ licences }: { licences: ComboboxOption[] }) {
  const router = useRouter();
  const [serverError, setServerError] = useState<{ error: ApiError; unplaced: string[] } | null>(null);
  const form = useForm<CreateDatanetInput, unknown, CreateDatanet>({
    resolver: zodResolver(createDatanetSchema),
    defaultValues: EMPTY_CREATE_FORM,
  });
  const { control, register, handleSubmit, setError, reset, formState } = form;
  const { errors, isSubmitting } = formState;
  const draft = useFormDraft(form, DRAFT_KEY);

  const createDatanet = handleSubmit(async (input) => {
    setServerError(null);
    const result = await postDatanet(input);
    if (result.ok) {
      draft.clear();
      toast.success(`Created “${result.name}”.`, { description: "Next: contributors can add rows." });
      router.push(`/datanets/${result.slug}`);
      return;
    }
    const unplaced: string[] = [];
    for (const issue of result.error.issues ?? []) {
      const field = fieldForIssuePath(issue.path);
      if (field) setError(field, { type: "server", message: issue.message }, { shouldFocus: true });
      else unplaced.push(`${issue.path}: ${issue.message}`);
    }
    setServerError({ error: result.error, unplaced });
  });

  const startOver = () => {
    draft.clear();
    reset(EMPTY_CREATE_FORM);
    setServerError(null);
  };

  return (
    <form onSubmit={createDatanet} noValidate className="grid gap-6" aria-label="New Datanet">
      {draft.restored ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-muted/50 px-3 py-2 text-sm">
          <p className="text-muted-foreground">Picked up the draft you left in this browser.</p>
          <Button variant="ghost" size="sm" onClick={startOver}>
            <RotateCcw aria-hidden="true" />
            Start over
          </Button>
        </div>
      ) : null}
      <FormSection title="About" description="What the Datanet is for, in the words contributors will read first.">
        <AboutFields control={control} register={register} errors={errors} />
      </FormSection>
      <FormSection title="Discovery and licence" description="How people find it, and what they may do with its rows.">
        <DiscoveryFields control={control} register={register} errors={errors} licences={licences} />
      </FormSection>
      <FormSection
        title="Rows"
        description="What every row holds. This fixes the row schema for good: contributions are checked against it."
      >
        <Controller
          control={control}
          name="kind"
          render={({ field, fieldState }) => (
            <Field
              label="Kind"
              description="Pick the shape that matches how the model will learn from it."
              error={fieldState.error ? "Choose what the rows hold." : undefined}
              required
            >
              {(fieldControl, { labelId }) => (
                <KindChoice
                  value={field.value}
                  onChange={field.onChange}
                  labelId={labelId}
                  describedBy={fieldControl["aria-describedby"]}
                  invalid={fieldState.invalid}
                />
              )}
            </Field>
          )}
        />
      </FormSection>
      <FormSection
        title="Access and review"
        description="Who can see it, and how contributions are accepted before they count."
      >
        <VisibilityChoice control={control} />
        <ReviewSettingsFields control={control} register={register} errors={errors} />
      </FormSection>
      {serverError ? <FormErrorCallout error={serverError.error} unplaced={serverError.unplaced} /> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-muted-foreground text-xs">Creating a Datanet costs nothing and sends no transaction.</p>
        <Button type="submit" size="lg" disabled={isSubmitting}>
          {isSubmitting ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Plus aria-hidden="true" />}
          Create Datanet
        </Button>
      </div>
    </form>
  );
}
