"use client";

import { XIcon } from "lucide-react";
import { type ClipboardEvent, type ComponentProps, type KeyboardEvent, useId, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

type TagInputProps = Omit<ComponentProps<"input">, "value" | "defaultValue" | "onChange"> & {
  value: string[];
  onValueChange: (tags: string[]) => void;
  /** Returns why a tag is refused (shown under the input), or nothing to accept it. Duplicates are refused before it runs. */
  validate?: (tag: string, current: string[]) => string | null | undefined;
  /** Cleans typed text before validation; trims by default (e.g. `(t) => t.trim().toLowerCase()`). */
  normalize?: (raw: string) => string;
  maxTags?: number;
  /** Names the chips' remove buttons: "Remove tag nlp". */
  tagNoun?: string;
};

/** Free-form tags: Enter or comma adds, Backspace on an empty box removes the last, paste splits on commas. */
export function TagInput({
  value,
  onValueChange,
  validate,
  normalize = (raw) => raw.trim(),
  maxTags,
  tagNoun = "tag",
  className,
  disabled,
  placeholder,
  "aria-describedby": describedBy,
  ...inputProps
}: TagInputProps) {
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const problemId = `${useId()}-problem`;
  const full = maxTags !== undefined && value.length >= maxTags;

  /** Adds what it can of `raws`; returns the text that was refused, to keep in the box. */
  function add(raws: string[]): string {
    const next = [...value];
    let refused = "";
    let message: string | null = null;
    for (const raw of raws) {
      const tag = normalize(raw);
      if (!tag) continue;
      const why =
        maxTags !== undefined && next.length >= maxTags
          ? `At most ${maxTags} ${tagNoun}s.`
          : next.includes(tag)
            ? `“${tag}” is already added.`
            : (validate?.(tag, next) ?? null);
      if (why) {
        message = why;
        refused = raw.trim();
      } else {
        next.push(tag);
      }
    }
    if (next.length !== value.length) onValueChange(next);
    setProblem(message);
    return refused;
  }

  function remove(index: number) {
    onValueChange(value.filter((_, i) => i !== index));
    setProblem(null);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    inputProps.onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === "Enter" || event.key === ",") {
      // Enter never submits the surrounding form while a tag is being typed.
      if (event.key === "," || draft.trim()) event.preventDefault();
      if (draft.trim()) setDraft(add([draft]));
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      remove(value.length - 1);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    inputProps.onPaste?.(event);
    const text = event.clipboardData.getData("text");
    if (!/[,\n]/.test(text)) return;
    event.preventDefault();
    setDraft(add(`${draft}${text}`.split(/[,\n]/)));
  }

  return (
    <div data-slot="tag-input" className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click on the frame only moves focus into its input */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the input inside is the keyboard path */}
      <div
        onClick={() => inputRef.current?.focus()}
        data-disabled={disabled || undefined}
        className="flex min-h-9 w-full min-w-0 cursor-text flex-wrap items-center gap-1.5 rounded-lg border border-input bg-background px-2 py-1.5 text-sm shadow-xs transition-[border-color,box-shadow] focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/30 has-aria-invalid:border-destructive has-aria-invalid:ring-destructive/20 data-disabled:cursor-not-allowed data-disabled:opacity-60 dark:bg-input/20"
      >
        {value.length > 0 ? (
          <ul className="contents" aria-label={`${tagNoun}s`}>
            {value.map((tag, index) => (
              <li
                key={tag}
                className="inline-flex h-6 max-w-full items-center gap-1 rounded-md border border-primary/20 bg-accent pr-0.5 pl-2 font-medium text-accent-foreground text-xs"
              >
                <span className="truncate">{tag}</span>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={(event) => {
                    event.stopPropagation();
                    remove(index);
                  }}
                  aria-label={`Remove ${tagNoun} ${tag}`}
                  className="inline-flex size-5 shrink-0 items-center justify-center rounded-sm text-accent-foreground/70 outline-none transition-colors hover:bg-primary/15 hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring/60 disabled:pointer-events-none"
                >
                  <XIcon className="size-3" aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          type="text"
          enterKeyHint="enter"
          autoComplete="off"
          disabled={disabled || full}
          placeholder={full ? `${maxTags} ${tagNoun}s added` : placeholder}
          aria-describedby={[describedBy, problem ? problemId : null].filter(Boolean).join(" ") || undefined}
          {...inputProps}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={(event) => {
            inputProps.onBlur?.(event);
            if (draft.trim()) setDraft(add([draft]));
          }}
          className="h-6 min-w-24 flex-1 bg-transparent px-1 outline-none placeholder:text-muted-foreground/70 disabled:cursor-not-allowed"
        />
      </div>
      <p id={problemId} aria-live="polite" className="text-destructive text-xs empty:hidden">
        {problem ?? ""}
      </p>
    </div>
  );
}
