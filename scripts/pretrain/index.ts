/**
 * `npm run pretrain -- --model <id> [--steps N] [--out DIR]`: pretrains a catalog base model from scratch
 * on its offline corpora (seeded, so reproducible) and writes its folder — float16 Hugging Face weights,
 * training.json and the model card — by default into lib/ml/catalog/models/<id>/.
 */
import { initBackend } from "../../lib/ml";
import { parsePretrainArgs } from "./args";
import { pretrain } from "./pretrain";
import { recipeFor } from "./recipes";

async function main(): Promise<void> {
  const args = parsePretrainArgs(process.argv.slice(2));
  const backend = await initBackend({ backend: args.backend });
  await pretrain(recipeFor(args.model), {
    out: args.out,
    backend,
    logEvery: args.logEvery,
    ...(args.steps !== undefined ? { steps: args.steps } : {}),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
