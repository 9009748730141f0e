import type { RowFields } from "../kinds";
import type { PiiFinding, PiiKind } from "./pii";

export const REDACTION_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = {
  email: "[EMAIL]",
  phone: "[PHONE]",
  card: "[CARD]",
  api_key: "[API_KEY]",
  private_key: "[PRIVATE_KEY]",
};

/**
 * The row with each finding's span replaced by its placeholder ([EMAIL], [PHONE], [CARD], [API_KEY],
 * [PRIVATE_KEY]). Findings must come from scanning these same fields; overlapping spans are merged into the
 * first. Returns a new object of the same shape; the input is not modified.
 */
export function redact<T extends RowFields>(fields: T, findings: readonly PiiFinding[]): T {
  const out = { ...fields } as Record<string, unknown>;
  const byField = new Map<string, PiiFinding[]>();
  for (const f of findings) {
    const list = byField.get(f.field);
    if (list) list.push(f);
    else byField.set(f.field, [f]);
  }
  for (const [field, list] of byField) {
    const value = out[field];
    if (typeof value !== "string") throw new RangeError(`finding for unknown field "${field}"`);
    const sorted = [...list].sort((a, b) => a.start - b.start);
    let result = "";
    let cursor = 0;
    for (const f of sorted) {
      if (f.start < 0 || f.end > value.length || f.start > f.end) {
        throw new RangeError(`finding ${f.start}–${f.end} is outside field "${field}"`);
      }
      if (f.start < cursor) continue; // overlaps the previous span
      result += value.slice(cursor, f.start) + REDACTION_PLACEHOLDERS[f.kind];
      cursor = f.end;
    }
    out[field] = result + value.slice(cursor);
  }
  return out as T;
}
