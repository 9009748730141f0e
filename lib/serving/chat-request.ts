import { z } from "zod";
import { CHAT_ROLES } from "./chat-template";
import { completionRequestSchema } from "./completion-request";

/** One message of a chat request. */
export const chatMessageSchema = z
  .object({
    role: z.enum(CHAT_ROLES, { error: "a message's role is system, user or assistant" }),
    content: z.string().max(100_000, "at most 100,000 characters"),
  })
  .strict();

/**
 * An OpenAI-style chat request (`POST /v1/chat/completions`): the completion request's model, `adapter`
 * extension and sampling settings, with `messages` in place of `prompt`.
 */
export const chatCompletionRequestSchema = completionRequestSchema
  .omit({ prompt: true })
  .extend({
    messages: z.array(chatMessageSchema).min(1, "send at least one message").max(256, "at most 256 messages"),
  })
  .strict();

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
