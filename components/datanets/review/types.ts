/** GET /api/datanets/:id/review-queue (lib/datanets/reviews/queue.ts), as JSON. */
export interface ReviewQueueJson {
  eligibility: { ok: true } | { ok: false; reason: "not_invited" | "not_staker"; message: string };
  settings: { minReviews: number; approvalThreshold: number; reviewers: "stakers" | "invited"; invited?: string[] };
  items: QueueItemJson[];
  total: number;
  ownPending: number;
  reviewedPending: number;
}

export interface QueueItemJson {
  id: string;
  contributor: string;
  rowCount: number;
  createdAt: string;
  quality: {
    totalRows: number;
    flaggedRows: number;
    cleanRows: number;
    score: number;
    counts: Record<string, number>;
    redactedRows: number;
  };
  reviews: { count: number; approvals: number; rejections: number; reviewsNeeded: number };
  sample: SampleRowJson[];
}

export interface SampleRowJson {
  position: number;
  file: string;
  line: number;
  fields: Record<string, string>;
  flags: { type: string }[];
  twins: {
    type: string;
    similarity: number | null;
    where: {
      datanetId: string;
      datanetSlug: string | null;
      datanetName: string | null;
      file: string;
      line: number;
    } | null;
    fields: Record<string, string> | null;
  }[];
}

/** A contribution's decision (lib/datanets/versions/review.ts Decision). */
export interface DecisionJson {
  status: "pending" | "accepted" | "rejected";
  approvals: number;
  rejections: number;
  needed: number;
  reviewsNeeded: number;
  why: string;
}

/** POST /api/contributions/:id/reviews → 201. */
export interface ReviewResultJson {
  review: { id: string; verdict: "approve" | "reject" };
  decision: DecisionJson;
  excludedRows: number;
}

/** GET /api/datanets/:id/my-contributions. */
export interface MyContributionJson {
  id: string;
  status: "pending" | "accepted" | "rejected";
  rowCount: number;
  rejectedRows: number;
  qualityScore: number;
  createdAt: string;
  decidedAt: string | null;
  decision: DecisionJson;
  reviews: {
    reviewer: string;
    verdict: "approve" | "reject";
    reason: string;
    rowRejections: { position: number; reason: string }[];
    createdAt: string;
  }[];
}

/** GET /api/datanets/:id/agreement. */
export interface AgreementJson {
  alpha: number | null;
  kappa: number | null;
  contributions: number;
  reviews: number;
  level: "strong" | "tentative" | "weak" | "undefined";
}
