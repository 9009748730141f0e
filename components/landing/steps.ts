import { Coins, Database, type LucideIcon, ReceiptText, ServerCog, WandSparkles } from "lucide-react";

export type FlowStep = {
  verb: string;
  product: string;
  icon: LucideIcon;
  /** Static class names (so Tailwind sees them): the tinted icon tile, and the plain text colour. */
  tone: string;
  text: string;
  title: string;
  description: string;
  points: string[];
  /** What this step hands to the next one, shown on the diagram's connector. */
  handsOn?: string;
};

export const flowSteps: FlowStep[] = [
  {
    verb: "Curate",
    product: "Datanets",
    icon: Database,
    tone: "text-step-1 bg-step-1/10 ring-step-1/25",
    text: "text-step-1",
    title: "Communities curate the data",
    description:
      "A Datanet is a shared dataset for one domain. Anyone can contribute files; each contribution is checked, reviewed and signed with the contributor's wallet, so it is always clear who added what.",
    points: [
      "Schema, duplicate and PII checks before review",
      "Contributions signed by wallet, approved by reviewers",
      "Published versions are immutable, anchored on-chain",
    ],
    handsOn: "versioned data",
  },
  {
    verb: "Train",
    product: "ModelFactory",
    icon: WandSparkles,
    tone: "text-step-2 bg-step-2/10 ring-step-2/25",
    text: "text-step-2",
    title: "Fine-tune without code",
    description:
      "A guided wizard: pick a base model, choose Datanet versions, set the LoRA options and launch. Progress streams live, and the result is a small LoRA adapter instead of a whole new model.",
    points: [
      "Base model, data, settings, launch",
      "Live loss, throughput and time remaining",
      "Try it in a playground before publishing",
    ],
    handsOn: "LoRA adapter",
  },
  {
    verb: "Serve",
    product: "OpenLoRA",
    icon: ServerCog,
    tone: "text-step-3 bg-step-3/10 ring-step-3/25",
    text: "text-step-3",
    title: "Thousands of adapters, one base model",
    description:
      "OpenLoRA keeps a single base model in memory and applies the right adapter per request, so a niche model costs little to host and anyone can query it.",
    points: ["Adapters load on demand and share batches", "Each model lists its data lineage and price per 1k tokens"],
    handsOn: "answers",
  },
  {
    verb: "Attribute",
    product: "Proof of Attribution",
    icon: ReceiptText,
    tone: "text-step-4 bg-step-4/10 ring-step-4/25",
    text: "text-step-4",
    title: "Every answer carries a receipt",
    description:
      "Each answer is traced back to the contributions that shaped it. Its receipt names that data, so credit follows measured influence rather than guesswork.",
    points: [
      "Receipts name the exact contributions behind an answer",
      "Influence is measured per answer, not per dataset",
    ],
    handsOn: "receipts",
  },
  {
    verb: "Get paid",
    product: "Rewards",
    icon: Coins,
    tone: "text-step-5 bg-step-5/10 ring-step-5/25",
    text: "text-step-5",
    title: "Fees flow back to contributors",
    description:
      "Every paid request's fee is split between the model's owner, the contributors its receipt names and the protocol. Balances settle on-chain each epoch and are claimed in OPEN.",
    points: ["Owner, contributors and protocol each get a share", "Settled per epoch, claimed from your wallet"],
  },
];
