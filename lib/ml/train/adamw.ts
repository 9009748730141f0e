import * as tf from "@tensorflow/tfjs";

/** Hyperparameters of {@link AdamW}. */
export interface AdamWOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Decoupled weight decay λ: p ← p − lr·λ·p before the Adam step (default 0.01). */
  weightDecay?: number;
  /** Which parameters decay; default: matrices (rank ≥ 2), not biases, norms or scalars. */
  decays?: (name: string, shape: readonly number[]) => boolean;
}

/** AdamW's state as plain data: the step count and first/second moments by parameter name. */
export interface AdamWState {
  step: number;
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
}

/**
 * AdamW (Loshchilov & Hutter), as PyTorch's torch.optim.AdamW: bias-corrected moments and weight decay
 * decoupled from the gradient. Moments are tf variables keyed by parameter name, so they can be
 * checkpointed ({@link AdamW.state}) and restored ({@link AdamW.load}). Call {@link AdamW.dispose} when done.
 */
export class AdamW {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
  private readonly decays: (name: string, shape: readonly number[]) => boolean;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  /** Updates applied so far (t of the bias correction). */
  step = 0;

  constructor(options: AdamWOptions = {}) {
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0.01;
    this.decays = options.decays ?? ((_, shape) => shape.length >= 2);
  }

  private moment(store: Map<string, tf.Variable>, name: string, like: tf.Tensor): tf.Variable {
    let slot = store.get(name);
    if (!slot) {
      slot = tf.tidy(() => tf.variable(tf.zerosLike(like), false));
      store.set(name, slot);
    }
    return slot;
  }

  /** One update of every parameter that has a gradient, at learning rate `lr`. Gradients stay the caller's. */
  apply(params: ReadonlyMap<string, tf.Variable>, grads: ReadonlyMap<string, tf.Tensor>, lr: number): void {
    this.step += 1;
    const { beta1, beta2, epsilon } = this;
    const correction1 = 1 - beta1 ** this.step;
    const correction2 = 1 - beta2 ** this.step;
    for (const [name, g] of grads) {
      const p = params.get(name);
      if (!p) throw new Error(`AdamW: gradient for unknown parameter "${name}"`);
      const m = this.moment(this.m, name, p);
      const v = this.moment(this.v, name, p);
      const decay = this.weightDecay > 0 && this.decays(name, p.shape) ? this.weightDecay : 0;
      tf.tidy(() => {
        const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        const update = tf.div(tf.div(m1, correction1), tf.add(tf.sqrt(tf.div(v1, correction2)), epsilon));
        const decayed = decay > 0 ? tf.mul(p, 1 - lr * decay) : p;
        m.assign(m1);
        v.assign(v1);
        p.assign(tf.sub(decayed, tf.mul(update, lr)));
      });
    }
  }

  /** The state as plain data (reads the moments back from the backend). */
  state(): AdamWState {
    const read = (store: Map<string, tf.Variable>) =>
      new Map([...store].map(([name, t]) => [name, Float32Array.from(t.dataSync() as Float32Array)]));
    return { step: this.step, m: read(this.m), v: read(this.v) };
  }

  /** Replaces the state with a saved one; shapes are taken from `params`. */
  load(state: AdamWState, params: ReadonlyMap<string, tf.Tensor>): void {
    this.disposeMoments();
    this.step = state.step;
    const restore = (from: Map<string, Float32Array>, to: Map<string, tf.Variable>) => {
      for (const [name, data] of from) {
        const p = params.get(name);
        if (!p) throw new Error(`AdamW state for unknown parameter "${name}"`);
        if (data.length !== p.size)
          throw new Error(`AdamW state for "${name}" has ${data.length} values, not ${p.size}`);
        to.set(
          name,
          tf.tidy(() => tf.variable(tf.tensor(data, p.shape, "float32"), false)),
        );
      }
    };
    restore(state.m, this.m);
    restore(state.v, this.v);
  }

  private disposeMoments(): void {
    for (const t of this.m.values()) t.dispose();
    for (const t of this.v.values()) t.dispose();
    this.m.clear();
    this.v.clear();
  }

  /** Frees the moment variables. */
  dispose(): void {
    this.disposeMoments();
  }
}
