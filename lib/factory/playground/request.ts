import { z } from "zod";
import { DEFAULT_TEMPLATE } from "@/lib/ml/data/template";

/** What the playground sends: a prompt, which model answers it, and the sampling settings. */
export const playgroundRequestSchema = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, "prompt: write something to complete")
      .max(8_000, "prompt: at most 8,000 characters"),
    /** The fine-tuned adapter, or the base model it was trained from (side by side in the page). */
    variant: z.enum(["tuned", "base"]).default("tuned"),
    maxTokens: z.number().int().min(1).max(256).default(96),
    temperature: z.number().min(0).max(2).default(0.8),
    topP: z.number().gt(0).max(1).default(0.95),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict();

export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>;

/**
 * The text the model sees: an instruction run was trained on the Alpaca-style template (lib/ml/data/template),
 * so its prompt is wrapped the same way; a language-model run continues the text as it is.
 */
export function modelPrompt(task: "causal_lm" | "instruction" | "classification", prompt: string): string {
  if (task !== "instruction") return prompt;
  return `${DEFAULT_TEMPLATE.instruction}${prompt}${DEFAULT_TEMPLATE.response}`;
}
