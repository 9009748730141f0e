import { describe, expect, it } from "vitest";
import { encodeInstruction } from "@/lib/ml/data/template";
import { createByteTokenizer } from "@/lib/ml/tokenizers/byte";
import type { Tokenizer } from "@/lib/ml/tokenizers/types";
import { type ChatMessage, chatFormat, renderChat } from "./chat-template";
import { ServingError } from "./errors";

const tokenizer = createByteTokenizer();
const render = (messages: ChatMessage[], format: "instruction" | "transcript", contextLength = 1024, maxTokens = 16) =>
  renderChat(messages, { format, tokenizer, contextLength, maxTokens });

const conversation: ChatMessage[] = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "What is XSS?" },
  { role: "assistant", content: "Script injection." },
  { role: "user", content: "And CWE-89?" },
];

function refusal(attempt: () => unknown): { code: string; status: number; message: string } {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ServingError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("chat template", () => {
  it("renders an instruction run's chat exactly as the trainer encoded its pairs, EOS after each answer", () => {
    const rendered = render(conversation, "instruction");
    expect(rendered.text).toBe(
      "Be brief.\n\n### Instruction:\nWhat is XSS?\n\n### Response:\nScript injection.<|eos|>" +
        "### Instruction:\nAnd CWE-89?\n\n### Response:\n",
    );
    const pair = encodeInstruction(tokenizer, { prompt: "What is XSS?", completion: "Script injection." });
    const last = encodeInstruction(tokenizer, { prompt: "And CWE-89?", completion: "" }, { addEos: false });
    expect(rendered.ids).toEqual([...tokenizer.encode("Be brief.\n\n"), ...pair.ids, ...last.ids]);
    expect(rendered.stop).toContain("### Instruction:");
    expect(rendered.truncatedTurns).toBe(0);
  });

  it("renders a language-model run or the base model as a plain transcript", () => {
    const rendered = render(conversation, "transcript");
    expect(rendered.text).toBe(
      "Be brief.\n\nUser: What is XSS?\nAssistant: Script injection.\nUser: And CWE-89?\nAssistant: ",
    );
    expect(rendered.ids).toEqual(tokenizer.encode(rendered.text));
    expect(rendered.stop).toEqual(["\nUser:"]);
    expect(render([{ role: "user", content: "Hi" }], "transcript").text).toBe("User: Hi\nAssistant: ");
  });

  it("starts with BOS when the tokenizer's models were trained so, and joins consecutive messages of a role", () => {
    const withBos: Tokenizer = { ...tokenizer, addBos: true };
    const rendered = renderChat(
      [
        { role: "user", content: "One" },
        { role: "user", content: "Two" },
      ],
      { format: "transcript", tokenizer: withBos, contextLength: 256, maxTokens: 8 },
    );
    expect(rendered.ids[0]).toBe(tokenizer.bosId);
    expect(rendered.text).toBe("User: One\n\nTwo\nAssistant: ");
  });

  it("drops the oldest turns that do not fit the context less max_tokens, keeping the system and last user turn", () => {
    const long: ChatMessage[] = [{ role: "system", content: "Sys." }];
    for (let i = 0; i < 10; i++) {
      long.push({ role: "user", content: `Question ${i}` }, { role: "assistant", content: `Answer ${i}` });
    }
    long.push({ role: "user", content: "Last?" });
    // Each earlier exchange is "User: Question i\nAssistant: Answer i\n" = 37 tokens; the head "Sys.\n\n" 6,
    // the last turn "User: Last?\nAssistant: " 23: room 256 − 128 = 128 keeps 2 exchanges (6 + 23 + 74 = 103).
    const rendered = render(long, "transcript", 256, 128);
    expect(rendered.truncatedTurns).toBe(16);
    expect(rendered.text).toBe(
      "Sys.\n\nUser: Question 8\nAssistant: Answer 8\nUser: Question 9\nAssistant: Answer 9\nUser: Last?\nAssistant: ",
    );
    expect(rendered.ids.length).toBeLessThanOrEqual(256 - 128);
    // A max_tokens beyond the context still leaves the last turn.
    const tight = render(long, "instruction", 256, 512);
    expect(tight.truncatedTurns).toBe(20);
    expect(tight.text).toBe("Sys.\n\n### Instruction:\nLast?\n\n### Response:\n");
  });

  it("refuses what cannot be answered: no user turn last, a last turn beyond the context, a classifier", () => {
    expect(refusal(() => render([{ role: "system", content: "Sys." }], "transcript"))).toMatchObject({
      code: "invalid_request",
      status: 400,
      message: expect.stringMatching(/^messages: /),
    });
    expect(
      refusal(() =>
        render(
          [
            { role: "user", content: "Hi" },
            { role: "assistant", content: "Hello" },
          ],
          "instruction",
        ),
      ).message,
    ).toMatch(/last message must be a user message/);
    expect(refusal(() => render([{ role: "user", content: "x".repeat(300) }], "transcript", 256)).code).toBe(
      "context_length_exceeded",
    );
    expect(chatFormat("instruction")).toBe("instruction");
    expect(chatFormat("causal_lm")).toBe("transcript");
    expect(chatFormat(undefined)).toBe("transcript");
    expect(refusal(() => chatFormat("classification"))).toMatchObject({ code: "not_a_chat_model", status: 400 });
  });
});
