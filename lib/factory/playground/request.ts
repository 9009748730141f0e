import { z } from "zod";
import { DEFAULT_TEMPLATE } from "@/lib/ml/data/template";

/** One chat message the playground sends (the system prompt, the user's turns and the model's answers). */
export const playgroundMessageSchema = z
  .object({
    role: z.enum(["system", "user", "assistant"], { error: "a message's role is system, user or assistant" }),
    content: z.string().max(8_000, "at most 8,000 characters"),
  })
  .strict();

/**
 * What the playground sends: a prompt to complete or the messages of a chat (one of them), which model
 * answers it, and the sampling settings.
 */
export const playgroundRequestSchema = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, "prompt: write something to complete")
      .max(8_000, "prompt: at most 8,000 characters")
      .optional(),
    /** A chat instead of a prompt: the conversation so far, ending with the user's turn. */
    messages: z
      .array(playgroundMessageSchema)
      .min(1, "messages: send at least the user's message")
      .max(64, "messages: at most 64 messages (clear the chat)")
      .optional(),
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
  .strict()
  .superRefine((request, context) => {
    if (request.prompt === undefined && request.messages === undefined) {
      context.addIssue({
        code: "custom",
        path: ["prompt"],
        message: "prompt: write a prompt, or send messages to chat",
      });
    } else if (request.prompt !== undefined && request.messages !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["messages"],
        message: "messages: send a prompt or messages, not both",
      });
    }
  });

export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>;

/**
 * The text the model sees: an instruction run was trained on the Alpaca-style template (lib/ml/data/template),
 * so its prompt is wrapped the same way; a language-model run continues the text as it is.
 */
export function modelPrompt(task: "causal_lm" | "instruction" | "classification", prompt: string): string {
  if (task !== "instruction") return prompt;
  return `${DEFAULT_TEMPLATE.instruction}${prompt}${DEFAULT_TEMPLATE.response}`;
}
