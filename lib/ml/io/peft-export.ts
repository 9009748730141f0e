/**
 * Writes LoRA adapters in PEFT's folder layout (adapter_config.json + adapter_model.safetensors).
 *
 * GPT-2: PEFT adapts the fused c_attn with one A and one B. Separate q, k, v adapters are written as one
 * of rank 3r: A = [A_q | A_k | A_v] (a module that is not targeted contributes zeros) and a
 * block-diagonal B, with rank_pattern {c_attn: 3r} and alpha_pattern {c_attn: 3·alpha} so alpha/rank is
 * unchanged; importPeftAdapter (peft-import.ts) splits it back exactly.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { adapterSpecs, type LoraAdapter } from "../lora/adapter";
import { validateLoraConfig } from "../lora/config";
import { dimensions, type ModelConfig } from "../model/config";
import { CLASSIFIER, loraA, loraB } from "../model/param-names";
import { projectionShapes } from "../model/param-specs";
import { CheckpointError } from "./hf-checkpoint";
import { peftKey, QKV, SCORE_KEY, targetName } from "./peft-keys";
import { saveSafetensors, type TensorInput } from "./safetensors";
import { fromTfTensor } from "./safetensors-tf";

/** Options of exportPeftAdapter. */
export interface PeftExportOptions {
  /** Written as base_model_name_or_path (the base checkpoint's hub id or folder). */
  baseModelNameOrPath: string;
  /** The base model's configuration. */
  config: ModelConfig;
}

/**
 * Writes a LoRA adapter as a PEFT folder (created if needed): adapter_config.json (peft_type "LORA",
 * task_type "CAUSAL_LM", or "SEQ_CLS" with modules_to_save ["score"] when the adapter has a classifier)
 * and adapter_model.safetensors with PEFT key names. GPT-2's q, k, v become one fused c_attn LoRA of
 * rank 3r (see this file's comment). importPeftAdapter(dir, config) gives identical logits back.
 */
export async function exportPeftAdapter(dir: string, adapter: LoraAdapter, options: PeftExportOptions): Promise<void> {
  const { config } = options;
  const lora = validateLoraConfig(adapter.config, config);
  const classifierHead = adapter.params.get(CLASSIFIER);
  for (const spec of adapterSpecs(config, lora, classifierHead ? (classifierHead.shape[1] as number) : undefined)) {
    const tensor = adapter.params.get(spec.name);
    if (!tensor) throw new CheckpointError(`adapter is missing parameter "${spec.name}"`);
    if (tensor.shape.join() !== spec.shape.join()) {
      throw new CheckpointError(
        `adapter parameter "${spec.name}" has shape [${tensor.shape.join(", ")}], expected [${spec.shape.join(", ")}]`,
      );
    }
  }
  const get = (name: string) => adapter.params.get(name) as tf.Variable;
  const out = new Map<string, TensorInput>();
  const put = async (key: string, make: () => tf.Tensor) => {
    const tensor = tf.tidy(make);
    try {
      out.set(key, await fromTfTensor(tensor, { name: key }));
    } finally {
      tensor.dispose();
    }
  };
  const gpt2 = config.model_type === "gpt2";
  const fused = gpt2 && lora.targetModules.some((m) => QKV.includes(m));
  const shapes = projectionShapes(config);
  const r = lora.rank;
  for (let layer = 0; layer < dimensions(config).layers; layer++) {
    if (fused) {
      await put(peftKey(config, layer, "q", "A"), () =>
        tf
          .concat(
            QKV.map((m) => (lora.targetModules.includes(m) ? get(loraA(layer, m)) : tf.zeros([shapes[m][0], r]))),
            1,
          )
          .transpose(),
      );
      await put(peftKey(config, layer, "q", "B"), () => {
        const width = QKV.reduce((sum, m) => sum + shapes[m][1], 0);
        let offset = 0;
        const rows = QKV.map((m) => {
          const b = lora.targetModules.includes(m) ? get(loraB(layer, m)) : tf.zeros([r, shapes[m][1]]);
          const padded = tf.pad(b, [
            [0, 0],
            [offset, width - offset - shapes[m][1]],
          ]);
          offset += shapes[m][1];
          return padded;
        });
        return tf.concat(rows, 0).transpose();
      });
    }
    for (const module of lora.targetModules) {
      if (fused && QKV.includes(module)) continue;
      await put(peftKey(config, layer, module, "A"), () => tf.transpose(get(loraA(layer, module))));
      await put(peftKey(config, layer, module, "B"), () => tf.transpose(get(loraB(layer, module))));
    }
  }
  if (classifierHead) await put(SCORE_KEY, () => tf.transpose(classifierHead));
  const targets = [...new Set(lora.targetModules.map((m) => targetName(config, m)))];
  const adapterConfig = {
    peft_type: "LORA",
    task_type: classifierHead ? "SEQ_CLS" : "CAUSAL_LM",
    base_model_name_or_path: options.baseModelNameOrPath,
    r,
    lora_alpha: lora.alpha,
    lora_dropout: lora.dropout,
    target_modules: targets,
    bias: "none",
    fan_in_fan_out: gpt2,
    modules_to_save: classifierHead ? ["score"] : null,
    rank_pattern: fused ? { c_attn: 3 * r } : {},
    alpha_pattern: fused ? { c_attn: 3 * lora.alpha } : {},
    init_lora_weights: true,
    inference_mode: true,
    use_rslora: false,
    use_dora: false,
  };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "adapter_config.json"), `${JSON.stringify(adapterConfig, null, 2)}\n`);
  await saveSafetensors(path.join(dir, "adapter_model.safetensors"), out, { metadata: { format: "pt" } });
}
