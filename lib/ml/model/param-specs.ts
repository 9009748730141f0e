import { dimensions, type ModelConfig } from "./config";
import {
  ATTENTION_MODULES,
  CLASSIFIER,
  FINAL_NORM_BIAS,
  FINAL_NORM_WEIGHT,
  GPT2_MLP_MODULES,
  LLAMA_MLP_MODULES,
  LM_HEAD,
  type NormSite,
  normBias,
  normWeight,
  POSITION_EMBEDDING,
  type ProjectionModule,
  projectionBias,
  projectionWeight,
  TOKEN_EMBEDDING,
} from "./param-names";

/** How a parameter starts: Hugging Face's _init_weights for the family. */
export type ParamInit = { kind: "normal"; std: number } | { kind: "zeros" } | { kind: "ones" };

/** One parameter of a model: its engine name, shape and initialisation. */
export interface ParamSpec {
  name: string;
  shape: number[];
  init: ParamInit;
}

/** The [in, out] shape of each projection module. */
export function projectionShapes(config: ModelConfig): Record<ProjectionModule, [number, number]> {
  const { hiddenSize, heads, kvHeads, headDim, mlpSize } = dimensions(config);
  return {
    q: [hiddenSize, heads * headDim],
    k: [hiddenSize, kvHeads * headDim],
    v: [hiddenSize, kvHeads * headDim],
    o: [heads * headDim, hiddenSize],
    fc: [hiddenSize, mlpSize],
    proj: [mlpSize, hiddenSize],
    gate: [hiddenSize, mlpSize],
    up: [hiddenSize, mlpSize],
    down: [mlpSize, hiddenSize],
  };
}

/** The projection modules of a family, attention first. */
export function projectionModules(config: ModelConfig): ProjectionModule[] {
  return [...ATTENTION_MODULES, ...(config.model_type === "gpt2" ? GPT2_MLP_MODULES : LLAMA_MLP_MODULES)];
}

/** Whether a projection of this family has a bias. */
export function hasBias(config: ModelConfig, module: ProjectionModule): boolean {
  if (config.model_type === "gpt2") return true;
  return (ATTENTION_MODULES as readonly string[]).includes(module) ? config.attention_bias : config.mlp_bias;
}

/** Every parameter of the model, in a stable order (embeddings, layers, final norm, head). */
export function parameterSpecs(config: ModelConfig): ParamSpec[] {
  const dims = dimensions(config);
  const gpt2 = config.model_type === "gpt2";
  const normal = (std: number): ParamInit => ({ kind: "normal", std });
  const weightInit = normal(config.initializer_range);
  // GPT-2 scales the residual-branch output projections by 1/√(2·layers) (HF's c_proj special case).
  const residualInit = gpt2 ? normal(config.initializer_range / Math.sqrt(2 * dims.layers)) : weightInit;
  const shapes = projectionShapes(config);
  const specs: ParamSpec[] = [{ name: TOKEN_EMBEDDING, shape: [dims.vocabSize, dims.hiddenSize], init: weightInit }];
  if (gpt2) specs.push({ name: POSITION_EMBEDDING, shape: [dims.maxPositions, dims.hiddenSize], init: weightInit });
  const norm = (weight: string, bias: string) => {
    specs.push({ name: weight, shape: [dims.hiddenSize], init: { kind: "ones" } });
    if (gpt2) specs.push({ name: bias, shape: [dims.hiddenSize], init: { kind: "zeros" } });
  };
  const projections = (layer: number, modules: readonly ProjectionModule[]) => {
    for (const module of modules) {
      const residual = module === "o" || module === "proj";
      specs.push({
        name: projectionWeight(layer, module),
        shape: shapes[module],
        init: residual ? residualInit : weightInit,
      });
      if (hasBias(config, module)) {
        specs.push({ name: projectionBias(layer, module), shape: [shapes[module][1]], init: { kind: "zeros" } });
      }
    }
  };
  const sublayers: [NormSite, readonly ProjectionModule[]][] = [
    ["attn_norm", ATTENTION_MODULES],
    ["mlp_norm", gpt2 ? GPT2_MLP_MODULES : LLAMA_MLP_MODULES],
  ];
  for (let layer = 0; layer < dims.layers; layer++) {
    for (const [site, modules] of sublayers) {
      norm(normWeight(layer, site), normBias(layer, site));
      projections(layer, modules);
    }
  }
  norm(FINAL_NORM_WEIGHT, FINAL_NORM_BIAS);
  if (!dims.tiedEmbeddings) specs.push({ name: LM_HEAD, shape: [dims.hiddenSize, dims.vocabSize], init: weightInit });
  return specs;
}

/** A sequence-classification head's weight [hidden, labels] (no bias, as HF's `score`). */
export function classifierSpec(config: ModelConfig, numLabels: number): ParamSpec {
  if (!Number.isInteger(numLabels) || numLabels < 2)
    throw new Error(`numLabels must be an integer ≥ 2, got ${numLabels}`);
  return {
    name: CLASSIFIER,
    shape: [dimensions(config).hiddenSize, numLabels],
    init: { kind: "normal", std: config.initializer_range },
  };
}
