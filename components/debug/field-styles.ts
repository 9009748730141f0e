/** Shared looks for the debug forms' controls (the app has no input primitive yet). */
export const controlClass =
  "w-full min-w-0 rounded-lg border border-input bg-background px-3 text-sm shadow-xs outline-none transition-[border-color,box-shadow] placeholder:text-muted-foreground/70 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive aria-invalid:ring-destructive/20";

export const inputClass = `${controlClass} h-9`;
export const textareaClass = `${controlClass} min-h-16 resize-y py-2 font-mono text-[13px] leading-relaxed`;
export const selectClass = `${controlClass} h-9 cursor-pointer appearance-none pr-9`;

/** A small text button beside a field (×10¹⁸, Me, Hash). */
export const helperClass =
  "inline-flex h-9 shrink-0 items-center justify-center rounded-lg border border-input bg-card px-2.5 font-medium text-muted-foreground text-xs shadow-xs transition-colors hover:bg-accent hover:text-accent-foreground disabled:pointer-events-none disabled:opacity-50";
