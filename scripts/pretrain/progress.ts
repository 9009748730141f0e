/** Progress lines of a pretraining run: step, loss, learning rate, validation loss, tokens/s and ETA. */
import type { EvalReport, StepReport } from "../../lib/ml";

/** "1h02m", "12m05s" or "42s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** A line per `every` steps (and the last), a line per validation; `print` receives each line. */
export function progressPrinter(options: { every: number; tokensPerStep: number; print: (line: string) => void }) {
  const { every, tokensPerStep, print } = options;
  return {
    onStep(report: StepReport): void {
      if (report.step % every !== 0 && report.step !== report.totalSteps) return;
      // Mean over the run so far (validation passes included), so the ETA is what the clock will say.
      const perStep = report.elapsedMs / report.step;
      const rate = (tokensPerStep * report.step) / (report.elapsedMs / 1000);
      print(
        `step ${String(report.step).padStart(String(report.totalSteps).length)}/${report.totalSteps}` +
          `  loss ${report.loss.toFixed(3)}  lr ${report.learningRate.toExponential(2)}` +
          `  ${Math.round(rate).toLocaleString("en-US")} tok/s` +
          `  elapsed ${formatDuration(report.elapsedMs)}  ETA ${formatDuration(perStep * (report.totalSteps - report.step))}`,
      );
    },
    onEval(report: EvalReport): void {
      print(
        `  validation at step ${report.step}: loss ${report.loss.toFixed(4)}` +
          `  (${(report.loss / Math.LN2).toFixed(3)} bits/byte, best ${report.best.toFixed(4)})`,
      );
    },
  };
}
