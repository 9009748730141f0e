import { describe, expect, it } from "vitest";
import { playgroundRequestSchema } from "./request";

const fieldOf = (body: unknown) => {
  const parsed = playgroundRequestSchema.safeParse(body);
  expect(parsed.success).toBe(false);
  return parsed.error?.issues.map((issue) => issue.path.join("."));
};

describe("playground request", () => {
  it("takes a prompt to complete, or the messages of a chat, with the sampling defaults", () => {
    expect(playgroundRequestSchema.parse({ prompt: " The sea " })).toEqual({
      prompt: "The sea",
      variant: "tuned",
      maxTokens: 96,
      temperature: 0.8,
      topP: 0.95,
    });
    const messages = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "Who are you?" },
    ] as const;
    expect(playgroundRequestSchema.parse({ messages, variant: "base", maxTokens: 32 })).toMatchObject({
      messages,
      variant: "base",
      maxTokens: 32,
    });
  });

  it("wants exactly one of prompt and messages, and names the field", () => {
    expect(fieldOf({})).toEqual(["prompt"]);
    expect(fieldOf({ prompt: "x", messages: [{ role: "user", content: "Hi" }] })).toEqual(["messages"]);
    expect(fieldOf({ messages: [] })).toEqual(["messages"]);
    expect(fieldOf({ messages: [{ role: "robot", content: "Hi" }] })).toEqual(["messages.0.role"]);
    expect(fieldOf({ messages: [{ role: "user", content: "x".repeat(8_001) }] })).toEqual(["messages.0.content"]);
    expect(fieldOf({ messages: [{ role: "user", content: "Hi", name: "me" }] })).toEqual(["messages.0"]);
    expect(fieldOf({ prompt: "x", extra: 1 })).toEqual([""]);
  });
});
