import type { PreviewProgress } from "@/lib/datanets/contributions/preview";
import { formatCount } from "../format";

/** What the progress bar says while the server checks the files: the step in plain words and how far it is. */
export interface CheckStep {
  /** The step, for screen readers (announced once per step, not per count). */
  step: string;
  /** The step with how far it is, shown next to the bar, e.g. "Checking rows… 12,000 / 100,000". */
  label: string;
  /** 0–100, or null while the length of the step is unknown. */
  percent: number | null;
}

const percentOf = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.max(0, Math.floor((100 * done) / total))) : null;

const STORED_DUPLICATES = "Looking for duplicates in stored data…";

/** The server's latest progress line as a bar; no line yet means it is still reading the files. */
export function checkStep(progress: PreviewProgress | undefined): CheckStep {
  if (!progress) return { step: "Reading files…", label: "Reading files…", percent: null };
  const { phase, done, total } = progress;
  switch (phase) {
    case "parse": {
      const percent = percentOf(done, total);
      return { step: "Reading files…", label: `Reading files… ${percent ?? 0}%`, percent };
    }
    case "rows":
      // Every row checked: the next step (stored duplicates) reports only when it is done.
      if (done >= total) return { step: STORED_DUPLICATES, label: STORED_DUPLICATES, percent: null };
      return {
        step: "Checking rows…",
        label: `Checking rows… ${formatCount(done)} / ${formatCount(total)}`,
        percent: percentOf(done, total),
      };
    case "existing_duplicates":
      return { step: STORED_DUPLICATES, label: STORED_DUPLICATES, percent: null };
    case "existing_near_duplicates": {
      const step = "Looking for near-duplicates in stored data…";
      if (done >= total)
        return { step: "Putting the report together…", label: "Putting the report together…", percent: null };
      return { step, label: `${step} ${formatCount(done)} / ${formatCount(total)}`, percent: percentOf(done, total) };
    }
  }
}
