/** Command-line options of `npm run pretrain`. */
import path from "node:path";
import { parseArgs } from "node:util";
import { type BackendChoice, catalogModelFolder, parseBackendChoice } from "../../lib/ml";
import { RECIPES } from "./recipes";

/** Parsed options. */
export interface PretrainArgs {
  model: string;
  /** Folder to write: the catalog folder unless --out says otherwise. */
  out: string;
  /** Steps instead of the recipe's (a smoke run). */
  steps?: number;
  backend: BackendChoice;
  logEvery: number;
}

export const USAGE = `usage: npm run pretrain -- --model <${Object.keys(RECIPES).join("|")}> [--steps N] [--out DIR] [--backend wasm|cpu|tensorflow|auto] [--log-every N]`;

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

/** Parses argv (without node and the script); throws with the usage on a bad command line. */
export function parsePretrainArgs(argv: readonly string[]): PretrainArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      model: { type: "string" },
      steps: { type: "string" },
      out: { type: "string" },
      backend: { type: "string" },
      "log-every": { type: "string", default: "10" },
    },
  });
  if (!values.model) throw new Error(`--model is required\n${USAGE}`);
  if (!RECIPES[values.model]) throw new Error(`unknown model "${values.model}"\n${USAGE}`);
  return {
    model: values.model,
    out: values.out ? path.resolve(values.out) : catalogModelFolder(values.model),
    ...(values.steps !== undefined ? { steps: positiveInt("steps", values.steps) } : {}),
    backend: parseBackendChoice(values.backend ?? process.env.ML_BACKEND),
    logEvery: positiveInt("log-every", values["log-every"]),
  };
}
