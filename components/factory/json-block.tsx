import { CopyButton } from "@/components/debug/copy-button";

/** A JSON value, pretty-printed in a scrollable block with a copy button. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <figure aria-label={label} className="relative min-w-0 rounded-lg border bg-muted/40">
      <CopyButton value={text} label={`Copy ${label}`} className="absolute top-2 right-2 bg-background/80" />
      <pre className="max-h-[28rem] overflow-auto p-3 pr-10 font-mono text-foreground text-xs leading-relaxed">
        {text}
      </pre>
    </figure>
  );
}
