/**
 * lib/ml: a TensorFlow.js engine for small decoder-only transformer language models with LoRA,
 * trained and served on CPUs. Public exports of the backend, kernels, models and LoRA.
 */

// Backends and the kernel-override seam for accelerations (pure-JS wasm kernels now, native ones later).
export {
  type Accelerator,
  installAccelerator,
  installedAccelerators,
  type KernelOverride,
  kernelProvider,
  uninstallAccelerator,
} from "./backend/accelerators";
export {
  type BackendChoice,
  type BackendInfo,
  type BackendName,
  backendCandidates,
  defaultAccelerators,
  type InitBackendOptions,
  initBackend,
  parseBackendChoice,
} from "./backend/init";
export { installedTensorflowPackages, TENSORFLOW_PACKAGES } from "./backend/tensorflow";
export { wasmBinaryFolder } from "./backend/wasm";
// Shipped base models: the catalog, their folders and loading them.
export { CATALOG, CatalogError, catalogModel, listCatalog } from "./catalog/catalog";
export { loadCatalogModel } from "./catalog/load";
// Local checkpoints (Hugging Face folders under a root the caller names) as base models.
export {
  BUILTIN_TOKENIZER_VOCAB,
  inspectLocalCheckpoint,
  LOCAL_ID_PREFIX,
  LOCAL_NAME_PATTERN,
  LOCAL_NAME_RULE,
  type LocalCheckpoint,
  LocalCheckpointError,
  type LocalCheckpointProblem,
  type LocalCheckpointScan,
  type LocalTokenizer,
  localCheckpointName,
  scanLocalCheckpoints,
  UNKNOWN_LICENSE,
} from "./catalog/local";
export { loadLocalCheckpoint } from "./catalog/local-load";
export { catalogModelFolder, catalogRoot } from "./catalog/paths";
export type { CatalogFamily, CatalogLicense, CatalogModel } from "./catalog/types";
// Generation: sampling, streaming with the KV cache, stop conditions, batches.
export { generateBatch } from "./generate/batch";
export { generate, generateText } from "./generate/generate";
export type {
  FinishReason,
  GenerateOptions,
  GenerationModel,
  StopConditions,
} from "./generate/options";
export { argmax, type SamplingOptions, sampleToken } from "./generate/sampling";
export type { GeneratedToken, GenerationResult } from "./generate/sequence";
export { StopText } from "./generate/stop-text";
// Files: Hugging Face checkpoints (GPT-2, Llama) and PEFT LoRA adapters.
export {
  CheckpointError,
  exportHfCheckpoint,
  type HfCheckpoint,
  type HfCheckpointExport,
  importHfCheckpoint,
} from "./io/hf-checkpoint";
export {
  type HfTensorEntry,
  type HfTransform,
  hfModelPrefix,
  hfModulePath,
  hfTensorEntries,
  isIgnoredHfTensor,
} from "./io/hf-checkpoint-names";
export { exportPeftAdapter, type PeftExportOptions } from "./io/peft-export";
export { importPeftAdapter } from "./io/peft-import";
export { PEFT_PREFIX, peftKey, targetName } from "./io/peft-keys";
// Kernels that train well on wasm.
export { geluErf, geluTanh, silu } from "./kernels/activations";
export { groupedAttention } from "./kernels/attention";
export { addRow, mulRow } from "./kernels/broadcast";
export { crossEntropy } from "./kernels/cross-entropy";
export { dropout } from "./kernels/dropout";
export { embedding } from "./kernels/embedding";
export { linear } from "./kernels/linear";
export { matMul } from "./kernels/matmul";
export { nativeKernels } from "./kernels/native/accelerator";
export { NATIVE_ACCELERATOR } from "./kernels/native/name";
export { layerNorm, rmsNorm } from "./kernels/norms";
export { hashString, mixSeeds, uniformGenerator } from "./kernels/random";
export { transpose2d } from "./kernels/transpose";
export { product, transposedProductsAreFree } from "./kernels/transposed-products";
export { wasmHeapViewKernels } from "./kernels/wasm/accelerator";
export { PINNED_TFJS_VERSION } from "./kernels/wasm/internals";
// LoRA adapters.
export {
  adapterSpecs,
  type CreateAdapterOptions,
  createLoraAdapter,
  disposeAdapter,
  type LoraAdapter,
} from "./lora/adapter";
export { type LoraConfig, LoraConfigError, loraScale, validateLoraConfig } from "./lora/config";
export { mergeAdapter } from "./lora/merge";
// Models: configuration, parameters, forward passes, KV cache, classification head.
export { type ClassifyOptions, classify, lastTokenIndices } from "./model/classify";
export {
  dimensions,
  type Gpt2Activation,
  type Gpt2Config,
  type LlamaConfig,
  type ModelConfig,
  type ModelDimensions,
  type RopeScaling,
  type SpecialTokenIds,
} from "./model/config";
export { ModelConfigError, parseModelConfig } from "./model/config-parse";
export { type ForwardOptions, forward, hiddenStates } from "./model/forward";
export { createKvCache, KvCache } from "./model/kv-cache";
export * from "./model/param-names";
export {
  classifierSpec,
  hasBias,
  type ParamInit,
  type ParamSpec,
  parameterSpecs,
  projectionModules,
  projectionShapes,
} from "./model/param-specs";
export {
  countParameters,
  createVariables,
  disposeParams,
  initialValue,
  initParams,
  type ModelParams,
  type ReadonlyParams,
  requireParam,
} from "./model/params";
export { ropeInverseFrequencies } from "./model/rope";
// Training: AdamW, schedule, clipping, accumulation, validation, checkpoints, the loop.
export { AdamW, type AdamWOptions, type AdamWState } from "./train/adamw";
export {
  type BatchSource,
  batchWeight,
  cyclicSource,
  type JsonValue,
  type RandomWindowOptions,
  randomWindowSource,
  type TrainBatch,
} from "./train/batch";
export {
  CHECKPOINT_METADATA_KEY,
  type Checkpoint,
  loadCheckpoint,
  restoreWeights,
  saveCheckpoint,
  snapshotWeights,
} from "./train/checkpoint";
// Sequence classification: batches, loss, validation metrics and the training entry point.
export {
  type ClassificationBatch,
  type ClassificationBatchOptions,
  type ClassificationSourceOptions,
  classificationBatches,
  classificationSource,
  type LabelledExample,
  packClassificationBatch,
} from "./train/classification-batch";
export {
  type ClassificationEvaluation,
  classificationLoss,
  classificationLossSpec,
  evaluateClassifier,
} from "./train/classification-loss";
export { type ClassifierTrainOptions, trainClassifier } from "./train/classifier";
export { clipByGlobalNorm, type Gradients, globalNorm } from "./train/clip";
export { type ExampleSourceOptions, epochOrder, exampleBatches, exampleSource } from "./train/example-source";
export {
  accumulateGradients,
  accumulateLossGradients,
  LM_LOSS,
  type LossSpec,
  type StepGradients,
} from "./train/gradients";
export {
  examplesFromInstructions,
  examplesFromWindows,
  type LmBatchOptions,
  type LmExample,
  type LmSourceOptions,
  lmBatches,
  lmSource,
  packLmBatch,
} from "./train/lm-examples";
export {
  type EvalReport,
  runTraining,
  type StepReport,
  type TrainCallbacks,
  type TrainingTask,
  type TrainOptions,
  type TrainSummary,
  train,
} from "./train/loop";
export { batchLoss, type Evaluation, evaluate, type LossModel } from "./train/loss";
export {
  accuracy,
  type ClassificationMetrics,
  type ClassMetrics,
  classificationMetrics,
  confusionMatrix,
  macroF1,
  perClassMetrics,
} from "./train/metrics";
export { learningRateAt, type ScheduleOptions } from "./train/schedule";
