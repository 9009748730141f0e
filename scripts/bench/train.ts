/**
 * `npm run bench:train [-- --json] [--rounds N] [--steps N] [--warmup N] [--no-torch] [--backend wasm]
 *  [--models id,… | none] [--model-rounds N] [--model-steps N] [--model-batch N]`:
 * training throughput (tokens/s) of the ML engine on the reference configuration — GPT-2 family, byte
 * vocabulary 256, d_model 128, 4 heads, 2 layers, context 64, batch 16; full fine-tuning and LoRA rank 8
 * on q, k, v, o — and, in the same run, of the PyTorch reference (scripts/bench/torch_reference.py, one
 * thread), with the ratio engine/PyTorch per mode.
 *
 * The engine's step is the one lib/ml/train's `train()` runs (randomWindowSource batch,
 * accumulateGradients, clipByGlobalNorm, AdamW.apply), minus the loop's callbacks, validation and the
 * setImmediate yield between steps, so rounds of the two modes can alternate with one optimizer each.
 * After a warm-up, each round times `--steps` engine steps per mode, then one PyTorch process per mode
 * (its own warm-up and `--torch-steps` steps); figures are medians over the rounds.
 * Then the same step on each shipped base model (lib/ml's catalog) at its context length, engine only.
 */
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { memory } from "@tensorflow/tfjs";
import { type BackendInfo, initBackend, initParams, parseBackendChoice } from "../../lib/ml";
import { benchBaseModels } from "./base-models";
import {
  BATCH,
  CONTEXT,
  describeBackend,
  median,
  positiveInt,
  printTable,
  REFERENCE_LORA,
  referenceConfig,
} from "./common";
import { engineTrainer } from "./trainer";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    steps: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    "torch-steps": { type: "string", default: "30" },
    "no-torch": { type: "boolean", default: false },
    backend: { type: "string" },
    json: { type: "boolean", default: false },
    models: { type: "string", default: "" },
    "model-rounds": { type: "string", default: "3" },
    "model-steps": { type: "string", default: "2" },
    "model-batch": { type: "string", default: "8" },
  },
});

type Mode = "full" | "lora";
const MODES: readonly Mode[] = ["full", "lora"];
/** The interpreter with torch: Debian's (a pyenv python3 on PATH usually lacks it); BENCH_PYTHON overrides it. */
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const TORCH_SCRIPT = fileURLToPath(new URL("./torch_reference.py", import.meta.url));
const INSTALL_HINT = "apt-get install -y python3-torch libopenblas0-pthread";
const config = referenceConfig();

/** One engine trainer on the reference config: its own model, data stream and AdamW. */
function referenceTrainer(mode: Mode) {
  const params = initParams(config, { seed: mode === "full" ? 1 : 2 });
  return engineTrainer({
    config,
    params,
    ...(mode === "lora" ? { lora: REFERENCE_LORA } : {}),
    batch: BATCH,
    length: CONTEXT,
  });
}

interface TorchResult {
  tokensPerSecond: number;
  loss: number;
  matmulGflops: number;
  torch: string;
}

/** Whether /usr/bin/python3 can import torch; the reason when it cannot. */
function torchAvailable(): { ok: true; version: string } | { ok: false; reason: string } {
  try {
    const version = execFileSync(PYTHON, ["-c", "import torch; print(torch.__version__)"], {
      encoding: "utf8",
      env: { ...process.env, ...ONE_THREAD },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    }).trim();
    return { ok: true, version };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").pop();
    return { ok: false, reason: stderr || (error as Error).message };
  }
}

const run = promisify(execFile);

/**
 * torch.set_num_threads(1) does not cap Debian's pthread OpenBLAS, which otherwise runs its matmuls on
 * every core (measured here: 512² matmul ~330 vs ~170 GFLOP/s, LoRA ~33,000 vs ~27,500 tokens/s on 2 cores).
 */
const ONE_THREAD = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

async function torchRound(mode: Mode, steps: number): Promise<TorchResult> {
  const { stdout } = await run(PYTHON, [TORCH_SCRIPT, "--mode", mode, "--steps", String(steps), "--warmup", "5"], {
    timeout: 120_000,
    env: { ...process.env, ...ONE_THREAD },
  });
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as TorchResult;
}

async function main() {
  const info: BackendInfo = await initBackend({
    backend: parseBackendChoice(args.backend ?? process.env.ML_BACKEND),
  });
  const rounds = positiveInt("rounds", args.rounds);
  const steps = positiveInt("steps", args.steps);
  const torchSteps = positiveInt("torch-steps", args["torch-steps"]);
  const warmup = Number(args.warmup);
  const say = (text: string) => {
    if (!args.json) console.log(text);
  };

  let torch: ReturnType<typeof torchAvailable> | undefined;
  if (!args["no-torch"]) {
    torch = torchAvailable();
    if (!torch.ok) {
      const message =
        `PyTorch reference skipped: ${PYTHON} cannot import torch (${torch.reason}). ` +
        `Install it with: ${INSTALL_HINT}`;
      if (args.json) console.log(JSON.stringify({ bench: "train", skipped: "pytorch", reason: message }));
      else console.log(message);
    }
  }
  const withTorch = torch?.ok === true;

  const trainers = { full: referenceTrainer("full"), lora: referenceTrainer("lora") };
  for (const mode of MODES) for (let i = 0; i < warmup; i++) trainers[mode].step();
  say(
    `reference config, batch ${BATCH} × context ${CONTEXT}; ${rounds} rounds × ${steps} engine steps` +
      (withTorch ? ` and ${torchSteps} PyTorch steps per mode, alternating` : "") +
      ` (${describeBackend(info)})`,
  );

  const engineRates: Record<Mode, number[]> = { full: [], lora: [] };
  const engineLoss: Partial<Record<Mode, number>> = {};
  const torchRates: Record<Mode, number[]> = { full: [], lora: [] };
  const torchLoss: Partial<Record<Mode, number>> = {};
  const gflops: number[] = [];
  let torchVersion = "";
  for (let round = 0; round < rounds; round++) {
    for (const mode of MODES) {
      const started = performance.now();
      for (let i = 0; i < steps; i++) engineLoss[mode] = trainers[mode].step();
      engineRates[mode].push((steps * BATCH * CONTEXT) / ((performance.now() - started) / 1000));
      if (withTorch) {
        const result = await torchRound(mode, torchSteps);
        torchRates[mode].push(result.tokensPerSecond);
        torchLoss[mode] = result.loss;
        gflops.push(result.matmulGflops);
        torchVersion = result.torch;
      }
    }
    say(
      `  round ${round + 1}/${rounds}: engine full ${Math.round(engineRates.full[round] ?? 0)}, lora ${Math.round(engineRates.lora[round] ?? 0)}` +
        (withTorch ? `; pytorch full ${torchRates.full[round]}, lora ${torchRates.lora[round]} tokens/s` : " tokens/s"),
    );
  }

  const engine = { full: Math.round(median(engineRates.full)), lora: Math.round(median(engineRates.lora)) };
  const reference = { full: Math.round(median(torchRates.full)), lora: Math.round(median(torchRates.lora)) };
  const ratio = withTorch
    ? {
        full: Number((engine.full / reference.full).toFixed(3)),
        lora: Number((engine.lora / reference.lora).toFixed(3)),
      }
    : null;
  const matmulGflops = withTorch ? Number(median(gflops).toFixed(1)) : null;

  if (args.json) {
    for (const mode of MODES) {
      console.log(
        JSON.stringify({
          bench: "train",
          mode,
          backend: info.name,
          tokensPerSecond: engine[mode],
          rounds,
          steps,
          loss: Number(engineLoss[mode]?.toFixed(4)),
          samples: engineRates[mode].map(Math.round),
          simd: info.simd,
          accelerators: info.accelerators,
        }),
      );
      if (withTorch) {
        console.log(
          JSON.stringify({
            bench: "train",
            mode,
            backend: "pytorch-cpu",
            tokensPerSecond: reference[mode],
            threads: 1,
            rounds,
            steps: torchSteps,
            loss: torchLoss[mode],
            samples: torchRates[mode],
            matmulGflops,
            torch: torchVersion,
          }),
        );
      }
    }
    console.log(
      JSON.stringify({
        bench: "train",
        summary: { engine, ...(withTorch ? { pytorch: reference, matmulGflops, torch: torchVersion } : {}) },
        ratio,
      }),
    );
    return;
  }

  const rows = MODES.map((mode) => [
    mode,
    String(engine[mode]),
    withTorch ? String(reference[mode]) : "-",
    ratio ? `${ratio[mode].toFixed(2)}×` : "-",
    engineLoss[mode]?.toFixed(3) ?? "-",
  ]);
  console.log("");
  printTable(["mode", `engine (${info.name}) tok/s`, "pytorch tok/s", "engine/pytorch", "engine loss"], rows);
  if (withTorch) {
    const blas =
      matmulGflops !== null && matmulGflops >= 50 ? "OpenBLAS in use" : "LOW: torch may not be using OpenBLAS";
    console.log(
      `\nPyTorch ${torchVersion}, 1 thread (OPENBLAS_NUM_THREADS=1): 512×512 float32 matmul ${matmulGflops} GFLOP/s (${blas}; expect near or above 100)`,
    );
  }
  console.log(`tensors alive: ${memory().numTensors}`);
}

await main();
if (args.models !== "none") {
  await benchBaseModels({
    ids: args.models ? args.models.split(",") : [],
    rounds: positiveInt("model-rounds", args["model-rounds"]),
    steps: positiveInt("model-steps", args["model-steps"]),
    batch: positiveInt("model-batch", args["model-batch"]),
    json: Boolean(args.json),
  });
}
