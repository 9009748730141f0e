/** What a finished run's evaluation holds: base model against the fine-tuned adapter on held-out rows. */

/** Loss and perplexity of one model on the held-out set. */
export interface HeldOutScore {
  loss: number;
  perplexity: number;
}

/** A held-out prompt answered by both models, with what the data says. */
export interface SampleCompletion {
  prompt: string;
  reference: string;
  base: string;
  tuned: string;
}

export type RunEvaluation =
  | {
      task: "causal_lm" | "instruction";
      heldOutExamples: number;
      base: HeldOutScore;
      tuned: HeldOutScore;
      samples: SampleCompletion[];
    }
  | {
      task: "classification";
      heldOutExamples: number;
      labels: string[];
      /** The adapter's head before training (what the base model gives without fine-tuning). */
      base: HeldOutScore & { accuracy: number; macroF1: number };
      tuned: HeldOutScore & { accuracy: number; macroF1: number };
      /** Always answering the most frequent training label (`majorityLabel`), scored on the held-out rows. */
      majorityAccuracy: number;
      majorityLabel: string;
      /** confusion[actual][predicted], in `labels` order, for the fine-tuned model. */
      confusion: number[][];
      perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
    };
