import * as tf from "@tensorflow/tfjs";

/** What a custom op's forward pass returns: its value and the gradient of each input (in order). */
export interface CustomOpResult<T extends tf.Tensor> {
  value: T;
  gradFunc: (dy: T, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[];
}

/**
 * tf.customGrad with typed arguments. The gradient may use only `dy` and what `save` kept: tensors
 * captured from outside may be disposed by the time backprop runs.
 */
export function customOp<T extends tf.Tensor, I extends tf.Tensor[]>(
  inputs: [...I],
  forward: (inputs: I, save: tf.GradSaveFunc) => CustomOpResult<T>,
): T {
  const op = tf.customGrad<T>((...args) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    return forward(args.slice(0, -1) as I, save);
  });
  return op(...inputs);
}
