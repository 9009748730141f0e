import type { DatanetKind } from "../kinds";
import { IngestError } from "./errors";
import type { ColumnMapping, RowField } from "./types";

/** The row-schema fields each kind needs, in display order. */
export const KIND_FIELDS: Record<DatanetKind, readonly RowField[]> = {
  text: ["text"],
  instruction: ["prompt", "completion"],
  labelled: ["text", "label"],
};

/** Column names recognised for each field, most specific first. */
export const FIELD_SYNONYMS: Record<RowField, readonly string[]> = {
  text: ["text", "content", "body", "sentence", "document", "passage"],
  prompt: ["prompt", "instruction", "question", "input", "query"],
  completion: ["completion", "response", "answer", "output", "target_text"],
  label: ["label", "class", "category", "target", "labels"],
};

const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** Guesses, from column names, the columns for the kind's fields; fields it cannot place are left out. */
export function guessMapping(columns: readonly string[], kind: DatanetKind): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const field of KIND_FIELDS[kind]) {
    for (const synonym of FIELD_SYNONYMS[field]) {
      const column = columns.find((c) => !taken.has(c) && normalize(c) === synonym);
      if (column !== undefined) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  // A one-column file for a text Datanet: that column is the text, whatever its name, if it reads like a name
  // (a sentence there means the file has no header, and its first row must not vanish into one).
  const only = columns.length === 1 ? columns[0] : undefined;
  if (kind === "text" && mapping.text === undefined && only !== undefined && /^[\p{L}\p{N}_ .-]{1,40}$/u.test(only)) {
    mapping.text = only;
  }
  return mapping;
}

/**
 * The caller's mapping completed by guesses; every field the kind needs must end up on a present column.
 * Throws a 422 naming the field, the column and the columns present.
 */
export function resolveMapping(
  file: string,
  columns: readonly string[],
  kind: DatanetKind,
  given: ColumnMapping = {},
): ColumnMapping {
  const guessed = guessMapping(columns, kind);
  const mapping: ColumnMapping = {};
  const present = columns.length ? columns.map((c) => `"${c}"`).join(", ") : "(none)";
  for (const field of KIND_FIELDS[kind]) {
    const wanted = given[field];
    if (wanted !== undefined) {
      if (!columns.includes(wanted)) {
        throw new IngestError(
          "missing_column",
          `${file} has no column "${wanted}" (mapped to ${field}). Columns present: ${present}. Change the mapping or the file.`,
          422,
          { file, field, column: wanted, columns: [...columns] },
        );
      }
      mapping[field] = wanted;
    } else if (guessed[field] !== undefined) mapping[field] = guessed[field];
    else {
      throw new IngestError(
        "missing_column",
        `${file} has no column for "${field}": name one ${FIELD_SYNONYMS[field].map((s) => `"${s}"`).join(", ")} or map one yourself. Columns present: ${present}.`,
        422,
        { file, field, columns: [...columns] },
      );
    }
  }
  return mapping;
}
