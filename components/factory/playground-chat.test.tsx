import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor, PlaygroundChat, type Turn } from "./playground-chat";
import { PlaygroundPanel } from "./playground-panel";

const settings = { temperature: 0.8, topP: 0.95, maxTokens: 96 };

describe("playground chat", () => {
  it("sends a column's own answered exchanges, leaving out failed or empty answers with their question", () => {
    const turns: Turn[] = [
      { id: 0, role: "user", content: "Hi" },
      { id: 1, role: "assistant", content: "Hello.", state: "done" },
      { id: 2, role: "user", content: "Broken?" },
      { id: 3, role: "assistant", content: "", state: "error", note: "The inference server does not answer" },
      { id: 4, role: "user", content: "Stopped?" },
      { id: 5, role: "assistant", content: "", state: "done", note: "stopped" },
    ];
    expect(messagesFor("  Be brief. ", turns, "Who are you?")).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "Who are you?" },
    ]);
    expect(messagesFor("", [], "Hi")).toEqual([{ role: "user", content: "Hi" }]);
  });

  it("names its controls and transcripts for assistive tech", () => {
    const html = renderToStaticMarkup(<PlaygroundChat runId="r1" ready settings={settings} invalid={false} />);
    for (const text of [
      ">System prompt<",
      ">Message<",
      ">Send<",
      ">Clear chat<",
      'aria-label="Base model chat"',
      'aria-label="Fine-tuned chat"',
      'role="log" aria-label="Fine-tuned conversation"',
      'role="log" aria-label="Base model conversation"',
    ]) {
      expect(html).toContain(text);
    }
  });

  it("offers the Complete | Chat switch to text runs only", () => {
    const panel = (task: string) => renderToStaticMarkup(<PlaygroundPanel runId="r1" task={task} ready />);
    expect(panel("instruction")).toContain('role="radiogroup" aria-label="Playground mode"');
    expect(panel("causal_lm")).toMatch(/role="radio" aria-checked="true"[^>]*>Complete</);
    expect(panel("classification")).not.toContain("Playground mode");
  });
});
