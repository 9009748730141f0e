import * as tf from "@tensorflow/tfjs";
import { backendKernel, type EngineKernel, runEngineKernel } from "./registry";

/**
 * Row lookup table[ids]. Forward is the backend's Gather; the gradient scatters dy back into the
 * table's rows with ScatterNd (duplicate ids add up), because tf.gather's gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks. A frozen table costs nothing.
 */
const EMBEDDING: EngineKernel = {
  name: "LibMlEmbedding",
  forward: (backendName) => (args) =>
    backendKernel("GatherV2", backendName).kernelFunc({
      inputs: { x: args.inputs.table, indices: args.inputs.ids },
      backend: args.backend,
      attrs: { axis: 0, batchDims: 0 },
    }),
  gradient: {
    inputsToSave: ["ids"],
    gradFunc: (dy, saved, attrs) => {
      const [ids] = saved as [tf.Tensor];
      const dy2 = dy as tf.Tensor;
      const rows = attrs.rows as number;
      const width = dy2.shape[dy2.rank - 1] as number;
      return {
        table: () => tf.scatterND(ids.reshape([-1, 1]), dy2.reshape([-1, width]), [rows, width]),
        ids: () => tf.zerosLike(ids),
      };
    },
  },
};

/** table [rows, width] looked up at int32 ids of any shape → [...ids.shape, width]. */
export function embedding(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor {
  if (table.rank !== 2) throw new Error(`embedding table must be [rows, width], got [${table.shape}]`);
  if (ids.dtype !== "int32") throw new Error(`embedding ids must be int32, got ${ids.dtype}`);
  return runEngineKernel(EMBEDDING, { table, ids }, { rows: table.shape[0] });
}
