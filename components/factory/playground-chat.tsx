"use client";

import { Eraser, Send } from "lucide-react";
import { type KeyboardEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { FINISH_NOTES, streamPlayground } from "./playground-stream";
import { StreamButtons } from "./stream-buttons";

type Variant = "base" | "tuned";

/** One bubble of a column's transcript. */
export interface Turn {
  id: number;
  role: "user" | "assistant";
  content: string;
  state?: "streaming" | "done" | "error";
  note?: string;
}

type Message = { role: "system" | "user" | "assistant"; content: string };

/** Most history messages sent with a turn (the request takes 64; the server keeps what fits the context). */
const MAX_HISTORY = 60;

const COLUMNS = [
  ["base", "Base model"],
  ["tuned", "Fine-tuned"],
] as const;

/** The conversation a column sends: the system prompt, its answered exchanges, then the new user turn. */
export function messagesFor(system: string, turns: readonly Turn[], content: string): Message[] {
  const history: Message[] = [];
  for (let i = 0; i + 1 < turns.length; i += 2) {
    const [user, answer] = [turns[i] as Turn, turns[i + 1] as Turn];
    // An answer that failed or came out empty is left out with its question.
    if (answer.state === "error" || answer.content === "") continue;
    history.push({ role: "user", content: user.content }, { role: "assistant", content: answer.content });
  }
  return [
    ...(system.trim() === "" ? [] : [{ role: "system" as const, content: system.trim() }]),
    ...history.slice(-MAX_HISTORY),
    { role: "user", content },
  ];
}

/**
 * Chat with the fine-tuned adapter next to its base model: each user turn goes to both, and each column keeps
 * its own history (the base model is answered with its own earlier answers), so the two conversations can be
 * compared side by side. Answers stream token by token; the sampling settings come from the panel.
 */
export function PlaygroundChat({
  runId,
  ready,
  settings,
  invalid,
}: {
  runId: string;
  ready: boolean;
  settings: { temperature: number; topP: number; maxTokens: number };
  invalid: boolean;
}) {
  const [system, setSystem] = useState("");
  const [draft, setDraft] = useState("");
  const [histories, setHistories] = useState<Record<Variant, Turn[]>>({ base: [], tuned: [] });
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const nextId = useRef(0);

  const send = async () => {
    const content = draft.trim();
    if (content === "" || busy) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setDraft("");
    const seed = Math.floor(Math.random() * 2 ** 31);
    const variants: Variant[] = ready ? ["base", "tuned"] : ["base"];
    const conversations = { base: messagesFor(system, histories.base, content), tuned: [] as Message[] };
    if (ready) conversations.tuned = messagesFor(system, histories.tuned, content);
    setHistories((current) => {
      const next = { ...current };
      for (const variant of variants) {
        next[variant] = [
          ...current[variant],
          { id: nextId.current++, role: "user", content },
          { id: nextId.current++, role: "assistant", content: "", state: "streaming" },
        ];
      }
      return next;
    });
    const update = (variant: Variant, change: (turn: Turn) => Partial<Turn>) =>
      setHistories((current) => {
        const turns = current[variant];
        const last = turns.at(-1);
        if (last?.role !== "assistant") return current;
        return { ...current, [variant]: [...turns.slice(0, -1), { ...last, ...change(last) }] };
      });
    // One after the other, same seed: the inference server has one CPU thread to share.
    for (const variant of variants) {
      let truncated = 0;
      try {
        const finish = await streamPlayground(
          runId,
          { messages: conversations[variant], variant, ...settings, seed },
          (text) => update(variant, (turn) => ({ content: turn.content + text })),
          controller.signal,
          (end) => {
            truncated = end.truncatedTurns ?? 0;
          },
        );
        const note = FINISH_NOTES[finish] ?? finish;
        update(variant, () => ({
          state: "done",
          note: truncated > 0 ? `${note}; ${truncated} earlier messages did not fit the context` : note,
        }));
      } catch (error) {
        if (controller.signal.aborted) {
          for (const rest of variants) {
            update(rest, (turn) => (turn.state === "streaming" ? { state: "done", note: "stopped" } : {}));
          }
          break;
        }
        update(variant, () => ({ state: "error", note: error instanceof Error ? error.message : String(error) }));
      }
    }
    if (abort.current === controller) abort.current = null;
    setBusy(false);
  };

  const clear = () => {
    abort.current?.abort();
    setHistories({ base: [], tuned: [] });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!invalid) void send();
    }
  };

  const empty = histories.base.length === 0 && histories.tuned.length === 0;
  return (
    <div className="grid gap-4">
      <Field label="System prompt" description="Optional: put before the conversation, for both models">
        <Textarea value={system} onChange={(event) => setSystem(event.target.value)} rows={2} maxLength={8000} />
      </Field>
      <div className="grid gap-3 md:grid-cols-2">
        {COLUMNS.map(([variant, label]) => {
          const turns = histories[variant];
          return (
            <section
              key={variant}
              aria-label={`${label} chat`}
              className="grid min-h-40 content-start gap-2 rounded-lg border bg-muted/40 p-3"
            >
              <span className="font-medium text-xs">{label}</span>
              {variant === "tuned" && !ready ? (
                <p className="text-muted-foreground text-sm">Available when the run succeeds.</p>
              ) : turns.length === 0 ? (
                <p className="text-muted-foreground text-sm">No messages yet.</p>
              ) : null}
              <ol
                role="log"
                aria-label={`${label} conversation`}
                aria-live="polite"
                aria-busy={turns.at(-1)?.state === "streaming"}
                className="grid gap-2"
              >
                {turns.map((turn) => (
                  <li
                    key={turn.id}
                    aria-label={turn.role === "user" ? "You" : label}
                    className={
                      turn.role === "user"
                        ? "ml-8 grid justify-self-end rounded-lg bg-primary px-3 py-2 text-primary-foreground"
                        : "mr-8 grid gap-1 justify-self-start rounded-lg border bg-background px-3 py-2"
                    }
                  >
                    <p className="whitespace-pre-wrap break-words text-sm">
                      {turn.content}
                      {turn.state === "streaming" ? <span className="animate-pulse">▍</span> : null}
                    </p>
                    {turn.note ? (
                      <p className={`text-xs ${turn.state === "error" ? "text-destructive" : "text-muted-foreground"}`}>
                        {turn.note}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
      <Field label="Message" description="Enter sends, Shift+Enter starts a new line">
        <Textarea
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={8000}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <StreamButtons
          label="Send"
          icon={Send}
          streaming={busy}
          disabled={invalid || draft.trim() === ""}
          onStart={() => void send()}
          onStop={() => abort.current?.abort()}
        />
        <Button variant="ghost" onClick={clear} disabled={empty}>
          <Eraser aria-hidden="true" />
          Clear chat
        </Button>
        {invalid ? (
          <p className="self-center text-destructive text-sm">
            Temperature 0–2, top-p above 0 up to 1, max tokens 1–256.
          </p>
        ) : null}
      </div>
    </div>
  );
}
