import type { DatanetKind } from "@/lib/datanets/kinds";

/** The fields of a row of each kind, in the order the table shows them. */
export const KIND_FIELDS: Record<DatanetKind, { key: string; label: string }[]> = {
  text: [{ key: "text", label: "Text" }],
  instruction: [
    { key: "prompt", label: "Prompt" },
    { key: "completion", label: "Completion" },
  ],
  labelled: [
    { key: "text", label: "Text" },
    { key: "label", label: "Label" },
  ],
};
