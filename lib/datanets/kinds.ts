/** What a Datanet holds; fixes the row schema. */
export const DATANET_KINDS = ["text", "instruction", "labelled"] as const;
export type DatanetKind = (typeof DATANET_KINDS)[number];
/** A row's fields by kind: text {text}; instruction {prompt, completion}; labelled {text, label}. */
export type TextRow = { text: string };
export type InstructionRow = { prompt: string; completion: string };
export type LabelledRow = { text: string; label: string };
export type RowFields = TextRow | InstructionRow | LabelledRow;
