/** The model card (README.md of a catalog folder), written only from a run's measured report. */
import { dimensions, type ModelConfig } from "../../lib/ml";
import { formatDuration } from "./progress";
import type { PretrainReport } from "./report";

const int = (n: number) => n.toLocaleString("en-US");
const fixed = (n: number, digits = 4) => n.toFixed(digits);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

function architecture(config: ModelConfig): string[] {
  const d = dimensions(config);
  const common = [
    `| layers | ${d.layers} |`,
    `| hidden size (d_model) | ${d.hiddenSize} |`,
    `| attention heads | ${d.heads} (head size ${d.headDim}) |`,
  ];
  if (config.model_type === "gpt2") {
    return [
      "| family | GPT-2 (`GPT2LMHeadModel`) |",
      ...common,
      `| MLP | ${d.mlpSize}, ${config.activation_function} |`,
      `| positions | learned, ${d.maxPositions} |`,
      `| normalisation | LayerNorm (ε ${config.layer_norm_epsilon}), pre-norm |`,
      "| LM head | tied to the token embedding |",
    ];
  }
  return [
    "| family | Llama (`LlamaForCausalLM`) |",
    ...common,
    `| key/value heads | ${d.kvHeads} |`,
    `| MLP | SwiGLU, ${d.mlpSize} |`,
    `| positions | rotary (θ ${config.rope_theta}), ${d.maxPositions} |`,
    `| normalisation | RMSNorm (ε ${config.rms_norm_eps}) |`,
    `| LM head | ${config.tie_word_embeddings ? "tied to the token embedding" : "separate matrix"} |`,
  ];
}

function dataSection(report: PretrainReport): string[] {
  const rows = report.corpora.map(
    (c) =>
      `| ${c.title} | \`${c.source}\` | [${c.license.spdx}](${c.license.url}) | ${int(c.trainDocuments)} / ${int(c.validationDocuments)} | ` +
      `${int(c.trainBytes)} / ${int(c.validationBytes)} |`,
  );
  const skipped = report.corpora
    .filter((c) => c.skippedDocuments > 0)
    .map(
      (c) =>
        `${c.title}: ${int(c.skippedDocuments)} document${c.skippedDocuments === 1 ? "" : "s"} over the recipe's ` +
        "size limit left out.",
    );
  return [
    "| corpus | source | licence | documents (train / validation) | bytes (train / validation) |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    ...report.corpora.map((c) => `- **${c.title}**: ${c.description} Licence: ${c.license.name}.`),
    ...(skipped.length > 0 ? ["", ...skipped] : []),
    "",
    "Each corpus is split by a hash of its document ids (the corpus's own deterministic split), so the split is " +
      `the same on every machine. Documents are encoded as UTF-8 bytes and joined with \`<|eos|>\` (id 257): ` +
      `${int(report.tokens.train)} training and ${int(report.tokens.validation)} validation tokens.`,
  ];
}

function resultsSection(report: PretrainReport): string[] {
  const { train, validation } = report.final;
  const row = (name: string, loss: number, weight: number) =>
    `| ${name} | ${fixed(loss)} | ${fixed(Math.exp(loss), 3)} | ${fixed(loss / Math.LN2, 3)} | ${int(weight)} |`;
  return [
    "Measured after training on the written float16 weights, over windows spread evenly across each split:",
    "",
    "| split | loss (nats/byte) | perplexity per byte | bits per byte | tokens scored |",
    "|---|---|---|---|---|",
    row("train", train.loss, train.weight),
    row("validation", validation.loss, validation.weight),
    "",
    `A model that has learnt nothing scores ln ${report.entry.vocabSize} = ${fixed(Math.log(report.entry.vocabSize))}. ` +
      "A token is one byte (the few `<|eos|>` tokens aside), so these are per-byte figures.",
    "",
    "During training (validation on a fixed set of windows; train loss = mean over the steps since the previous validation):",
    "",
    "| step | train loss | validation loss |",
    "|---|---|---|",
    ...report.evaluations.map((e) => `| ${e.step} | ${fixed(e.trainLoss)} | ${fixed(e.validationLoss)} |`),
  ];
}

/** README.md of a pretrained model's folder. */
export function modelCard(report: PretrainReport): string {
  const { entry, training, summary, machine } = report;
  const d = dimensions(report.config);
  const smoke =
    training.steps !== training.recipeSteps
      ? [
          `> **Smoke run**: ${training.steps} steps instead of the recipe's ${training.recipeSteps}; not the shipped model.`,
          "",
        ]
      : [];
  const tokensPerSecond = summary.tokens / (summary.trainingMs / 1000);
  return [
    `# ${entry.title}`,
    "",
    ...smoke,
    `\`${entry.id}\`: ${entry.description}`,
    "",
    "## Model",
    "",
    "| | |",
    "|---|---|",
    ...architecture(report.config),
    `| vocabulary | ${d.vocabSize}: byte values 0–255, \`<|bos|>\` 256, \`<|eos|>\` 257, \`<|pad|>\` 258 (tokenizer \`"${entry.tokenizer}"\`) |`,
    `| context length | ${d.maxPositions} tokens |`,
    `| parameters | ${int(report.parameters)} |`,
    `| weights | \`${report.weights.file}\`, ${report.weights.dtype}, ${mib(report.weights.bytes)} |`,
    "",
    "The folder is a Hugging Face checkpoint (`config.json`, `model.safetensors`); it has no `tokenizer.json`: " +
      "ids are UTF-8 bytes, as the engine's byte tokenizer gives them.",
    "",
    "## Training data",
    "",
    ...dataSection(report),
    "",
    "## Training",
    "",
    "| | |",
    "|---|---|",
    `| steps | ${int(summary.steps)} (${summary.status}) |`,
    `| batch | ${training.batch} windows × ${training.context} tokens, sampled at random offsets of the train split |`,
    `| tokens trained on | ${int(summary.tokens)} (${fixed(summary.tokens / report.tokens.train, 2)} passes over the train split) |`,
    `| optimizer | AdamW, β₁ 0.9, β₂ ${training.beta2}, weight decay ${training.weightDecay} (matrices only), gradient clipping at norm ${training.clipNorm} |`,
    `| learning rate | ${training.peakLearningRate} peak, ${training.warmupSteps} warmup steps, cosine to ${training.floorRatio} × peak |`,
    `| seed | ${training.seed} |`,
    `| validation | every ${training.evalEvery} steps on ${training.evalWindows} windows |`,
    "",
    "## Results",
    "",
    ...resultsSection(report),
    "",
    "## Training time and machine",
    "",
    "| | |",
    "|---|---|",
    `| training loop | ${formatDuration(summary.trainingMs)} (validation included), ${int(Math.round(tokensPerSecond))} tokens/s |`,
    `| whole run | ${formatDuration(summary.totalMs)} (data, training, writing, final measurement) |`,
    `| CPU | ${machine.cpu}, ${machine.cores} cores (the engine uses ${machine.threads === 1 ? "one thread" : `${machine.threads} threads`}) |`,
    `| software | Node ${machine.node}, TensorFlow.js ${machine.tfjs}, backend ${machine.backend} |`,
    `| platform | ${machine.platform} |`,
    `| finished | ${report.finishedAt} |`,
    "",
    "## Reproduce",
    "",
    "```sh",
    `npm run pretrain -- --model ${entry.id}`,
    "```",
    "",
    "The recipe (architecture and every hyperparameter) is in `scripts/pretrain/recipes.ts`. Runs are seeded: " +
      "the same recipe on the same backend gives the same weights; this card and `training.json` are written " +
      "by the run from its own measurements.",
    "",
    "## Use",
    "",
    "```ts",
    'import { loadCatalogModel } from "@/lib/ml";',
    "",
    `const { config, params, tokenizer } = await loadCatalogModel("${entry.id}");`,
    "```",
    "",
    "## Licences",
    "",
    `- Weights: [${entry.weightsLicense.name}](${entry.weightsLicense.url}) (${entry.weightsLicense.spdx}).`,
    ...entry.dataLicenses.map((l) => `- Training data: [${l.name}](${l.url}) (${l.spdx}).`),
    "",
    "## Limitations",
    "",
    `A ${int(report.parameters)}-parameter byte-level model trained for minutes on one CPU core: it continues ` +
      "text in the style of its corpus but knows few facts and is not an assistant. It is meant as a base for " +
      "LoRA fine-tuning and classification on small datasets.",
    "",
  ].join("\n");
}
