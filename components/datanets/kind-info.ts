import type { DatanetKind } from "@/lib/datanets/kinds";

/** How each kind of Datanet is named and explained, with a tiny example row of its schema. */
export interface KindInfo {
  label: string;
  /** The row's fields, as people read them: "{prompt, completion}". */
  schema: string;
  description: string;
  example: Record<string, string>;
}

export const KIND_INFO: Record<DatanetKind, KindInfo> = {
  text: {
    label: "Plain text",
    schema: "{text}",
    description: "Passages of free text, for teaching a model a domain's language and facts.",
    example: { text: "Call me Ishmael. Some years ago, never mind how long precisely…" },
  },
  instruction: {
    label: "Instruction pairs",
    schema: "{prompt, completion}",
    description: "A request and the answer you want, for teaching a model to follow instructions.",
    example: { prompt: "What is CWE-79?", completion: "Cross-site scripting: untrusted input rendered as HTML." },
  },
  labelled: {
    label: "Labelled examples",
    schema: "{text, label}",
    description: "Text with the category it belongs to, for teaching a model to classify.",
    example: { text: "You have won a free cruise! Reply now.", label: "spam" },
  },
};
