import { z } from "zod";

/** Most tokens one completion may ask for: the shipped models' context is 256 tokens. */
export const MAX_COMPLETION_TOKENS = 512;

/**
 * An OpenAI-style completion request (`POST /v1/completions`), with one extension: `adapter`, the folder of
 * a LoRA adapter (PEFT layout, below the server's adapter root) applied to the base model `model`.
 */
export const completionRequestSchema = z
  .object({
    model: z.string().min(1, "model: name a base model of the catalog"),
    prompt: z.string().max(100_000, "prompt: at most 100,000 characters"),
    adapter: z.string().min(1).optional(),
    max_tokens: z.number().int().min(1).max(MAX_COMPLETION_TOKENS).default(64),
    temperature: z.number().min(0).max(2).default(1),
    top_p: z.number().gt(0).max(1).default(1),
    seed: z.number().int().min(0).optional(),
    stop: z.union([z.string().min(1), z.array(z.string().min(1)).max(4)]).optional(),
    stream: z.boolean().default(false),
  })
  .strict();

export type CompletionRequest = z.infer<typeof completionRequestSchema>;
export type CompletionRequestInput = z.input<typeof completionRequestSchema>;
