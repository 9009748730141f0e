"use client";

import { Sparkles } from "lucide-react";
import { useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils/cn";
import { PlaygroundChat } from "./playground-chat";
import { FINISH_NOTES, streamPlayground } from "./playground-stream";
import { StreamButtons } from "./stream-buttons";

type Variant = "base" | "tuned";
interface Output {
  text: string;
  state: "idle" | "streaming" | "done" | "error";
  note?: string;
}

const idle: Output = { text: "", state: "idle" };

/**
 * Try the fine-tuned adapter next to its base model: one prompt, both answers streamed token by token, with
 * temperature, top-p and a token limit; or (language-model and instruction runs) a chat with both, side by
 * side (playground-chat). Runs on the inference server (the web app only relays).
 */
export function PlaygroundPanel({ runId, task, ready }: { runId: string; task: string; ready: boolean }) {
  const [prompt, setPrompt] = useState(
    task === "instruction" ? "What does CWE-79 describe?" : "It was a cold morning when",
  );
  const [temperature, setTemperature] = useState("0.8");
  const [topP, setTopP] = useState("0.95");
  const [maxTokens, setMaxTokens] = useState("96");
  const [outputs, setOutputs] = useState<Record<Variant, Output>>({ base: idle, tuned: idle });
  const canChat = task === "causal_lm" || task === "instruction";
  const [mode, setMode] = useState<"complete" | "chat">("complete");
  const chat = canChat && mode === "chat";
  const abort = useRef<AbortController | null>(null);
  const streaming = outputs.base.state === "streaming" || outputs.tuned.state === "streaming";
  const settings = { temperature: Number(temperature), topP: Number(topP), maxTokens: Number(maxTokens) };
  const invalid =
    !(settings.temperature >= 0 && settings.temperature <= 2) ||
    !(settings.topP > 0 && settings.topP <= 1) ||
    !(Number.isInteger(settings.maxTokens) && settings.maxTokens >= 1 && settings.maxTokens <= 256);

  const generate = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const seed = Math.floor(Math.random() * 2 ** 31);
    const variants: Variant[] = ready ? ["base", "tuned"] : ["base"];
    setOutputs((current) => {
      const next = { ...current };
      for (const variant of variants) next[variant] = { text: "", state: "streaming" };
      return next;
    });
    // One after the other, same seed: the inference server has one CPU thread to share.
    for (const variant of variants) {
      const update = (change: Partial<Output>) =>
        setOutputs((current) => ({ ...current, [variant]: { ...current[variant], ...change } }));
      try {
        const finish = await streamPlayground(
          runId,
          { prompt, variant, ...settings, seed },
          (text) =>
            setOutputs((current) => ({
              ...current,
              [variant]: { ...current[variant], text: current[variant].text + text },
            })),
          controller.signal,
        );
        update({ state: "done", note: FINISH_NOTES[finish] ?? finish });
      } catch (error) {
        if (controller.signal.aborted) {
          update({ state: "done", note: "stopped" });
          for (const rest of variants) {
            setOutputs((current) =>
              current[rest].state === "streaming"
                ? { ...current, [rest]: { ...current[rest], state: "done", note: "stopped" } }
                : current,
            );
          }
          return;
        }
        update({ state: "error", note: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  return (
    <section aria-labelledby="playground-heading" className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs">
      <div className="grid gap-1">
        <h2 id="playground-heading" className="font-medium">
          Playground
        </h2>
        <p className="text-muted-foreground text-sm">
          {ready
            ? "The same prompt, answered by the base model and by your fine-tuned adapter."
            : "The fine-tuned adapter can be tried once the run succeeds; the base model answers now."}
          {task === "instruction"
            ? chat
              ? " The fine-tuned chat uses the instruction template the run trained on; the base model reads a plain transcript."
              : " Your prompt is wrapped in the instruction template the run trained on."
            : ""}
        </p>
      </div>
      {canChat ? (
        <div
          role="radiogroup"
          aria-label="Playground mode"
          className="inline-flex w-fit items-center gap-1 rounded-lg bg-muted p-1 text-muted-foreground"
        >
          {(
            [
              ["complete", "Complete"],
              ["chat", "Chat"],
            ] as const
          ).map(([value, label]) => (
            // biome-ignore lint/a11y/useSemanticElements: a segmented switch, styled as the tabs are
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={mode === value}
              disabled={streaming}
              onClick={() => setMode(value)}
              className={cn(
                "inline-flex h-7 items-center rounded-md px-3 font-medium text-sm outline-none transition-[color,background-color,box-shadow] hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-50",
                mode === value && "bg-background text-foreground shadow-sm dark:bg-input/50",
              )}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
      {chat ? null : (
        <Field label="Prompt">
          <Textarea value={prompt} onChange={(event) => setPrompt(event.target.value)} rows={3} maxLength={8000} />
        </Field>
      )}
      <div className="grid grid-cols-3 gap-3 sm:max-w-xl">
        <Field label="Temperature" description="0 always picks the likeliest token">
          <Input inputMode="decimal" value={temperature} onChange={(event) => setTemperature(event.target.value)} />
        </Field>
        <Field label="Top-p" description="sample from this share of probability">
          <Input inputMode="decimal" value={topP} onChange={(event) => setTopP(event.target.value)} />
        </Field>
        <Field label="Max tokens" description="1 to 256">
          <Input inputMode="numeric" value={maxTokens} onChange={(event) => setMaxTokens(event.target.value)} />
        </Field>
      </div>
      {canChat ? (
        // Kept mounted while completing, so the conversation is still there on the way back.
        <div className={cn(!chat && "hidden")}>
          <PlaygroundChat runId={runId} ready={ready} settings={settings} invalid={invalid} />
        </div>
      ) : null}
      <div className={cn("flex flex-wrap gap-2", chat && "hidden")}>
        <StreamButtons
          label="Generate"
          icon={Sparkles}
          streaming={streaming}
          disabled={invalid || prompt.trim() === ""}
          onStart={() => void generate()}
          onStop={() => abort.current?.abort()}
        />
        {invalid ? (
          <p className="self-center text-destructive text-sm">
            Temperature 0–2, top-p above 0 up to 1, max tokens 1–256.
          </p>
        ) : null}
      </div>
      <div className={cn("grid gap-3 md:grid-cols-2", chat && "hidden")}>
        {(
          [
            ["base", "Base model"],
            ["tuned", "Fine-tuned"],
          ] as const
        ).map(([variant, label]) => {
          const output = outputs[variant];
          return (
            <section
              key={variant}
              className="grid min-h-28 content-start gap-1.5 rounded-lg border bg-muted/40 p-3"
              aria-live="polite"
              aria-busy={output.state === "streaming"}
              aria-label={`${label} answer`}
            >
              <span className="font-medium text-xs">{label}</span>
              {variant === "tuned" && !ready ? (
                <p className="text-muted-foreground text-sm">Available when the run succeeds.</p>
              ) : (
                <p className="whitespace-pre-wrap break-words font-mono text-sm">
                  {output.text}
                  {output.state === "streaming" ? <span className="animate-pulse">▍</span> : null}
                </p>
              )}
              {output.note ? (
                <p className={`text-xs ${output.state === "error" ? "text-destructive" : "text-muted-foreground"}`}>
                  {output.note}
                </p>
              ) : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}
