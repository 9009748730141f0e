/**
 * Reads LoRA adapters in PEFT's folder layout (adapter_config.json + adapter_model.safetensors).
 *
 * GPT-2: PEFT adapts the fused c_attn with one A and one B. Import of a fused c_attn LoRA of rank R:
 *  - R = 3r at the same scale and B block-diagonal (as exportPeftAdapter writes it, or any B = 0): split
 *    back into q, k, v of rank r; a block whose A and B are all zero is dropped (that module was not
 *    targeted).
 *  - otherwise, when c_attn is the only target, or its rank and alpha equal the other targets' (PEFT's
 *    usual c_attn + c_proj + c_fc at one r): q, k and v each take the whole A and their third of B's rows,
 *    with rank R and c_attn's alpha — exact, since the three outputs are B's thirds of one product.
 *  - otherwise (a c_attn rank or alpha unlike the other targets', not block-structured as above) it is
 *    refused with a CheckpointError: the engine has one rank and alpha for all modules.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { adapterSpecs, type LoraAdapter } from "../lora/adapter";
import { type LoraConfig, validateLoraConfig } from "../lora/config";
import { dimensions, type ModelConfig } from "../model/config";
import { CLASSIFIER, loraA, loraB, type ProjectionModule } from "../model/param-names";
import { projectionModules, projectionShapes } from "../model/param-specs";
import { CheckpointError } from "./hf-checkpoint";
import { peftKey, QKV, SCORE_KEY, targetName } from "./peft-keys";
import { loadSafetensors } from "./safetensors";
import { toTfTensor } from "./safetensors-tf";

type Raw = Record<string, unknown>;

/** A pattern map's value for a module (exact key or a key the module name ends with). */
function patternValue(pattern: unknown, module: string): number | undefined {
  if (typeof pattern !== "object" || pattern === null) return undefined;
  for (const [key, value] of Object.entries(pattern as Raw)) {
    if ((key === module || key.endsWith(`.${module}`) || module.endsWith(key)) && typeof value === "number") {
      return value;
    }
  }
  return undefined;
}

const isZero = (tensor: tf.Tensor) => tf.tidy(() => tf.any(tf.notEqual(tensor, 0)).dataSync()[0] === 0);

/**
 * Reads a PEFT LoRA folder (adapter_config.json + adapter_model.safetensors) for a base model of this
 * configuration into an engine adapter. Targets are read from the tensors present; rsLoRA, DoRA, bias
 * other than "none", per-module ranks and a fused GPT-2 c_attn that cannot be mapped exactly are refused
 * with a CheckpointError (see this file's comment). The caller disposes the adapter.
 */
export async function importPeftAdapter(dir: string, config: ModelConfig): Promise<LoraAdapter> {
  const raw = JSON.parse(await readFile(path.join(dir, "adapter_config.json"), "utf8")) as Raw;
  if (raw.peft_type !== "LORA")
    throw new CheckpointError(`adapter peft_type must be "LORA", got ${String(raw.peft_type)}`);
  if (raw.bias !== undefined && raw.bias !== "none")
    throw new CheckpointError(`adapter bias "${String(raw.bias)}" is not supported`);
  if (raw.use_rslora === true || raw.use_dora === true)
    throw new CheckpointError("rsLoRA and DoRA adapters are not supported");
  const r = raw.r;
  const alpha = raw.lora_alpha ?? r;
  if (typeof r !== "number" || typeof alpha !== "number")
    throw new CheckpointError("adapter_config.json needs numeric r and lora_alpha");
  const dropout = typeof raw.lora_dropout === "number" ? raw.lora_dropout : 0;
  const { tensors } = await loadSafetensors(path.join(dir, "adapter_model.safetensors"));
  const source = new Map<string, tf.Tensor>();
  const built = new Map<string, tf.Tensor>();
  try {
    for (const [name, tensor] of tensors) source.set(name, toTfTensor(tensor, name));
    const consumed = new Set<string>();
    const take = (key: string) => {
      const tensor = source.get(key);
      if (!tensor) throw new CheckpointError(`adapter is missing tensor "${key}"`);
      consumed.add(key);
      return tensor;
    };
    const layers = dimensions(config).layers;
    const gpt2 = config.model_type === "gpt2";
    const present = projectionModules(config).filter((m) => source.has(peftKey(config, 0, m, "A")));
    const plain = present.filter((m) => !(gpt2 && QKV.includes(m)));
    for (const module of plain) {
      for (let layer = 0; layer < layers; layer++) {
        const a = take(peftKey(config, layer, module, "A"));
        if (a.shape[0] !== r) {
          throw new CheckpointError(
            `tensor "${peftKey(config, layer, module, "A")}" has rank ${a.shape[0]}, but r is ${r}: per-module ranks are not supported`,
          );
        }
        if (patternValue(raw.alpha_pattern, targetName(config, module)) !== undefined) {
          throw new CheckpointError(`alpha_pattern for ${targetName(config, module)} is not supported`);
        }
        built.set(loraA(layer, module), tf.transpose(a));
        built.set(loraB(layer, module), tf.transpose(take(peftKey(config, layer, module, "B"))));
      }
    }
    let rank = r;
    let loraAlpha = alpha;
    const targets = new Set<ProjectionModule>(plain);
    if (gpt2 && present.includes("q")) {
      const shapes = projectionShapes(config);
      const first = take(peftKey(config, 0, "q", "A"));
      const fusedRank = first.shape[0] as number;
      const fusedAlpha = patternValue(raw.alpha_pattern, "c_attn") ?? alpha;
      const width = QKV.reduce((sum, m) => sum + shapes[m][1], 0);
      for (let layer = 0; layer < layers; layer++) {
        for (const [factor, expected] of [
          ["A", [fusedRank, shapes.q[0]]],
          ["B", [width, fusedRank]],
        ] as const) {
          const key = peftKey(config, layer, "q", factor);
          const shape = take(key).shape;
          if (shape.join() !== expected.join()) {
            throw new CheckpointError(
              `tensor "${key}" has shape [${shape.join(", ")}], expected [${expected.join(", ")}]`,
            );
          }
        }
      }
      const blocks = (layer: number) => {
        const a = take(peftKey(config, layer, "q", "A")); // [R, in]
        const b = take(peftKey(config, layer, "q", "B")); // [3d, R]
        const as = tf.split(a, 3, 0);
        const bRows = tf.split(
          b,
          QKV.map((m) => shapes[m][1]),
          0,
        );
        const bs = bRows.map((rowsOfModule) => tf.split(rowsOfModule, 3, 1));
        return { as, bs, bRows };
      };
      let blockDiagonal = fusedRank === 3 * r && Math.abs(fusedAlpha / fusedRank - alpha / r) <= 1e-12 * (alpha / r);
      for (let layer = 0; layer < layers && blockDiagonal; layer++) {
        const { as, bs, bRows } = blocks(layer);
        blockDiagonal = bs.every((row, i) => row.every((block, j) => i === j || isZero(block)));
        tf.dispose([...as, ...bRows, ...bs.flat()]);
      }
      if (blockDiagonal) {
        const kept = new Set<ProjectionModule>();
        const split: { as: tf.Tensor[]; bs: tf.Tensor[][]; bRows: tf.Tensor[] }[] = [];
        for (let layer = 0; layer < layers; layer++) {
          const parts = blocks(layer);
          split.push(parts);
          QKV.forEach((m, i) => {
            if (!isZero(parts.as[i] as tf.Tensor) || !isZero(parts.bs[i]?.[i] as tf.Tensor)) kept.add(m);
          });
        }
        if (kept.size === 0) for (const m of QKV) kept.add(m);
        split.forEach((parts, layer) => {
          QKV.forEach((m, i) => {
            if (!kept.has(m)) return;
            built.set(loraA(layer, m), tf.transpose(parts.as[i] as tf.Tensor));
            built.set(loraB(layer, m), tf.transpose(parts.bs[i]?.[i] as tf.Tensor));
          });
          tf.dispose([...parts.as, ...parts.bRows, ...parts.bs.flat()]);
        });
        for (const m of kept) targets.add(m);
      } else if (plain.length === 0 || (fusedRank === r && fusedAlpha === alpha)) {
        rank = fusedRank;
        loraAlpha = fusedAlpha;
        for (let layer = 0; layer < layers; layer++) {
          const a = take(peftKey(config, layer, "q", "A"));
          const bRows = tf.split(
            take(peftKey(config, layer, "q", "B")),
            QKV.map((m) => shapes[m][1]),
            0,
          );
          QKV.forEach((m, i) => {
            built.set(loraA(layer, m), tf.transpose(a));
            built.set(loraB(layer, m), tf.transpose(bRows[i] as tf.Tensor));
          });
          tf.dispose(bRows);
        }
        for (const m of QKV) targets.add(m);
      } else {
        throw new CheckpointError(
          `fused c_attn LoRA of rank ${fusedRank} (alpha ${fusedAlpha}) is not block-diagonal over q, k, v at rank ${r}: ` +
            "the engine has one rank and alpha for all modules, and the other targets have a different one",
        );
      }
    }
    if (targets.size === 0)
      throw new CheckpointError(`adapter in ${dir} holds no LoRA tensors for a ${config.model_type} model`);
    const score = source.get(SCORE_KEY);
    if (score) built.set(CLASSIFIER, tf.transpose(take(SCORE_KEY)));
    const unexpected = [...source.keys()].filter((key) => !consumed.has(key));
    if (unexpected.length > 0) {
      throw new CheckpointError(
        `adapter holds tensors the engine cannot map (other layers, embeddings or modules): ${unexpected.slice(0, 5).join(", ")}` +
          (unexpected.length > 5 ? ` and ${unexpected.length - 5} more` : ""),
      );
    }
    const lora: LoraConfig = validateLoraConfig(
      { rank, alpha: loraAlpha, dropout, targetModules: [...targets] },
      config,
    );
    const params = new Map<string, tf.Variable>();
    try {
      for (const spec of adapterSpecs(config, lora, score ? (score.shape[0] as number) : undefined)) {
        const tensor = built.get(spec.name);
        if (!tensor) throw new CheckpointError(`adapter is missing a tensor for "${spec.name}"`);
        if (tensor.shape.join() !== spec.shape.join()) {
          throw new CheckpointError(
            `adapter tensor for "${spec.name}" has shape [${tensor.shape.join(", ")}], expected [${spec.shape.join(", ")}]`,
          );
        }
        params.set(spec.name, tf.variable(tensor, true));
      }
    } catch (error) {
      tf.dispose([...params.values()]);
      throw error;
    }
    return { config: lora, params };
  } finally {
    tf.dispose([...source.values(), ...built.values()]);
  }
}
