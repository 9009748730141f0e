"use client";

import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { plural } from "../format";

/** Asks the server to replace PII and secrets with placeholders ([EMAIL], [CARD]…) in the rows to sign. */
export function RedactSwitch({
  checked,
  disabled,
  piiRows,
  redactedRows,
  onChange,
}: {
  checked: boolean;
  disabled?: boolean;
  piiRows: number;
  redactedRows: number;
  onChange: (checked: boolean) => void;
}) {
  const description = checked
    ? `${plural(redactedRows, "row")} redacted: each finding is replaced by a placeholder such as [EMAIL] or [API_KEY] in the rows you sign. The check ran again on the redacted rows.`
    : `${plural(piiRows, "row")} ${piiRows === 1 ? "contains" : "contain"} personal data or secrets. Redacting replaces each finding with a placeholder such as [EMAIL] before the rows are hashed and signed.`;
  return (
    <div className="rounded-xl border border-step-2/30 bg-step-2/5 p-4">
      <Field
        label={<span className="leading-snug">Redact PII and secrets before submitting</span>}
        description={description}
        orientation="horizontal"
      >
        <Switch checked={checked} onCheckedChange={onChange} disabled={disabled} />
      </Field>
    </div>
  );
}
