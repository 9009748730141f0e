import { DATANET_KINDS, type DatanetKind } from "@/lib/datanets/kinds";
import type { CreateDatanetInput } from "@/lib/datanets/schemas";

/** The form's values before validation: the kind may still be unchosen. */
export type CreateFormDraft = Omit<CreateDatanetInput, "kind"> & { kind?: DatanetKind };

/** What a new form starts with: every review setting at a sensible default, nothing else chosen. */
export const EMPTY_CREATE_FORM: CreateFormDraft = {
  name: "",
  summary: "",
  description: "",
  tags: [],
  domain: "",
  license: "",
  kind: undefined,
  visibility: "public",
  review: { minReviews: 2, approvalThreshold: 0.67, reviewers: "stakers", invited: [] },
};

/** Form fields a server issue can point at; deeper paths ("tags.2") land on their field. */
export const CREATE_FORM_FIELDS = [
  "name",
  "summary",
  "description",
  "tags",
  "domain",
  "license",
  "kind",
  "visibility",
  "review.minReviews",
  "review.approvalThreshold",
  "review.reviewers",
  "review.invited",
] as const;

export type CreateFormField = (typeof CREATE_FORM_FIELDS)[number];

/** The form field an issue path ("review.invited.1") belongs to, or null for one the form does not show. */
export function fieldForIssuePath(path: string): CreateFormField | null {
  const found = CREATE_FORM_FIELDS.find((field) => path === field || path.startsWith(`${field}.`));
  return found ?? null;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;

/** A saved draft read back defensively: whatever does not have the right type is left at its default. */
export function restoreDraft(saved: unknown): CreateFormDraft | null {
  if (!saved || typeof saved !== "object") return null;
  const d = saved as Record<string, unknown>;
  const r = (d.review && typeof d.review === "object" ? d.review : {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  const base = EMPTY_CREATE_FORM;
  const typed = [d.name, d.summary, d.description, d.domain, d.license, d.kind].some((v) => typeof v === "string" && v);
  if (!typed && !strings(d.tags)?.length) return null;
  return {
    name: text(d.name, base.name),
    summary: text(d.summary, base.summary),
    description: text(d.description, ""),
    tags: strings(d.tags) ?? [],
    domain: text(d.domain, base.domain),
    license: text(d.license, base.license),
    kind: DATANET_KINDS.find((kind) => kind === d.kind),
    visibility: d.visibility === "private" ? "private" : "public",
    review: {
      minReviews: typeof r.minReviews === "number" ? r.minReviews : base.review.minReviews,
      approvalThreshold: typeof r.approvalThreshold === "number" ? r.approvalThreshold : base.review.approvalThreshold,
      reviewers: r.reviewers === "invited" ? "invited" : "stakers",
      invited: strings(r.invited) ?? [],
    },
  };
}
