import { z } from "zod";

/** Body of POST /api/contributions/:id/reviews. */
export const reviewSchema = z
  .object({
    verdict: z.enum(["approve", "reject"]),
    reason: z.string().trim().max(2_000, "at most 2,000 characters").default(""),
    /** Rows (by position in the contribution) this reviewer rejects, each with a reason. */
    rowRejections: z
      .array(
        z.object({
          position: z.number().int().min(0),
          reason: z.string().trim().min(3, "say why, in at least 3 characters").max(500),
        }),
      )
      .max(10_000)
      .default([]),
  })
  .refine((r) => r.verdict === "approve" || r.reason.length >= 3, {
    path: ["reason"],
    message: "a rejection needs a reason the contributor can act on (at least 3 characters)",
  });

export type ReviewInput = z.output<typeof reviewSchema>;
