import type { TwinDatanet } from "@/lib/datanets/contributions/twin-names";
import type { FlagType, RowFlag } from "@/lib/datanets/quality/report";
import type { ExistingRowRef, RowRef } from "@/lib/datanets/quality/types";

/** How serious a flag is, for its colour: problems stop a row being useful, warnings ask for a look. */
export type FlagTone = "problem" | "warning" | "notice" | "privacy";

export const FLAG_INFO: Record<FlagType, { label: string; tone: FlagTone; explains: string }> = {
  ingest: {
    label: "Ingest problems",
    tone: "problem",
    explains: "Lines that could not become a row: empty, too long, wrong encoding or not fitting the schema.",
  },
  duplicate_in_contribution: {
    label: "Duplicates here",
    tone: "warning",
    explains: "Rows repeating an earlier row of these files (same text once case and spacing are normalised).",
  },
  duplicate_in_datanet: {
    label: "In this Datanet",
    tone: "warning",
    explains: "Rows this Datanet already holds.",
  },
  duplicate_in_other_datanet: {
    label: "In other Datanets",
    tone: "warning",
    explains: "Rows that already exist in another Datanet you can see.",
  },
  near_duplicate: {
    label: "Near-duplicates",
    tone: "notice",
    explains: "Rows at least 80% similar (MinHash Jaccard) to another row.",
  },
  pii: {
    label: "PII and secrets",
    tone: "privacy",
    explains: "E-mail addresses, phone and card numbers, API keys or private keys found in the text.",
  },
};

/**
 * The flag types in report order (the same as lib's FLAG_TYPES, which lives beside the hashing and MinHash code
 * and would pull it into the browser bundle).
 */
export const FLAG_ORDER = Object.keys(FLAG_INFO) as FlagType[];

const INGEST_LABELS: Record<string, string> = {
  invalid_encoding: "Invalid encoding",
  empty_row: "Empty",
  empty: "Empty",
  row_too_long: "Too long",
  too_long: "Too long",
  schema: "Schema violation",
  parse_error: "Unreadable",
  column_count: "Wrong column count",
};

const PII_LABELS: Record<string, string> = {
  email: "E-mail address",
  phone: "Phone number",
  card: "Card number",
  api_key: "API key",
  private_key: "Private key",
};

/** Where a row of this contribution is, read from the file of the row that mentions it. */
function where(ref: RowRef, from: string): string {
  return ref.file === from ? `row ${ref.line} of this file` : `${ref.file}, row ${ref.line}`;
}

/** Where the flags point: the Datanet contributed to, and the name and slug of every Datanet a twin lives in. */
export interface FlagContext {
  datanetId: string;
  slug: string;
  /** From the preview (`twinDatanets`), by Datanet id. */
  twins: Readonly<Record<string, TwinDatanet>>;
}

/** A piece of a flag's sentence: text, or a link to the stored row it points at. */
export type DetailPart = string | { text: string; href: string };

/** The Rows tab of the Datanet a stored row lives in, if its name is known. */
function storedRow(ref: ExistingRowRef, context: FlagContext): { here: boolean; twin?: TwinDatanet } {
  const here = ref.datanetId === context.datanetId;
  const twin = context.twins[ref.datanetId] ?? (here ? { name: "", slug: context.slug } : undefined);
  return { here, ...(twin ? { twin } : {}) };
}

/** The Rows tab showing one row, whatever its contribution's status (a twin may still be pending review). */
const rowsTab = (slug: string, rowId: string) =>
  `/datanets/${encodeURIComponent(slug)}?${new URLSearchParams({ tab: "rows", row: rowId })}`;

/** "row 123 in Spam or ham" (a link) or "row 123 already in this Datanet", as sentence parts. */
function storedRowParts(ref: ExistingRowRef, context: FlagContext): DetailPart[] {
  const { here, twin } = storedRow(ref, context);
  if (here) {
    return twin
      ? [{ text: `row ${ref.rowId}`, href: rowsTab(twin.slug, ref.rowId) }, " already in this Datanet"]
      : [`row ${ref.rowId} already in this Datanet`];
  }
  return twin
    ? [{ text: `row ${ref.rowId} in ${twin.name}`, href: rowsTab(twin.slug, ref.rowId) }]
    : [`row ${ref.rowId} in another Datanet`];
}

/** A flag's sentence as plain text (for titles and tests). */
export function detailText(parts: readonly DetailPart[]): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}

/**
 * A flag as a short badge label and a sentence that explains it, e.g. "Duplicate" / "Duplicate of row 12 of this
 * file."; rows already stored elsewhere are named with their Datanet, linked to its Rows tab.
 */
export function describeFlag(
  flag: RowFlag,
  rowFile: string,
  context: FlagContext,
): { label: string; detail: DetailPart[] }[] {
  switch (flag.type) {
    case "ingest":
      return [
        {
          label: INGEST_LABELS[flag.code] ?? flag.code.replace(/_/g, " "),
          detail: [flag.message],
        },
      ];
    case "duplicate_in_contribution":
      return [{ label: "Duplicate", detail: [`Duplicate of ${where(flag.first, rowFile)}.`] }];
    case "duplicate_in_datanet":
      return [{ label: "In this Datanet", detail: ["Duplicate of ", ...storedRowParts(flag.existing, context), "."] }];
    case "duplicate_in_other_datanet":
      return [
        { label: "In another Datanet", detail: ["Duplicate of ", ...storedRowParts(flag.existing, context), "."] },
      ];
    case "near_duplicate": {
      const percent = `${Math.round(flag.similarity * 100)}%`;
      const twin: DetailPart[] =
        flag.twin.source === "contribution" ? [where(flag.twin, rowFile)] : storedRowParts(flag.twin, context);
      return [
        { label: `Near-duplicate ${percent}`, detail: [`Near-duplicate (${percent} similar) of `, ...twin, "."] },
      ];
    }
    case "pii":
      return flag.findings.map((finding) => ({
        label: PII_LABELS[finding.kind] ?? finding.kind,
        detail: [`${PII_LABELS[finding.kind] ?? finding.kind} in “${finding.field}”: ${finding.preview}`],
      }));
  }
}

/** The tone of a flag type, for its badge. */
export function flagTone(flag: RowFlag): FlagTone {
  return FLAG_INFO[flag.type].tone;
}
