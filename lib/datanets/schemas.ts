import { isAddress } from "viem";
import { z } from "zod";
import { DATANET_KINDS } from "./kinds";
import { isSpdxLicense } from "./licenses";

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "tags are lowercase letters, digits and dashes, up to 32 characters");

/** What it takes to create a Datanet (POST /api/datanets and the create form). */
export const createDatanetSchema = z
  .object({
    name: z.string().trim().min(3, "at least 3 characters").max(80, "at most 80 characters"),
    summary: z.string().trim().min(10, "at least 10 characters").max(200, "at most 200 characters"),
    description: z.string().max(20_000, "at most 20,000 characters").default(""),
    tags: z.array(tag).max(10, "at most 10 tags").default([]),
    domain: z.string().trim().min(2, "at least 2 characters").max(40, "at most 40 characters"),
    license: z
      .string()
      .refine(isSpdxLicense, "must be an SPDX licence identifier (e.g. CC-BY-4.0) or LicenseRef-<name>"),
    kind: z.enum(DATANET_KINDS),
    visibility: z.enum(["public", "private"]).default("public"),
    review: z.object({
      minReviews: z.number().int().min(1, "at least 1 review").max(9, "at most 9 reviews"),
      approvalThreshold: z.number().gt(0, "above 0").max(1, "at most 1 (every review approves)"),
      reviewers: z.enum(["stakers", "invited"]),
      invited: z
        .array(z.string().refine((a) => isAddress(a, { strict: false }), "must be a 0x address"))
        .max(100, "at most 100 invited reviewers")
        .default([]),
    }),
  })
  .refine((d) => d.review.reviewers !== "invited" || d.review.invited.length >= d.review.minReviews, {
    path: ["review", "invited"],
    message: "invite at least as many reviewers as the minimum number of reviews",
  });

export type CreateDatanetInput = z.input<typeof createDatanetSchema>;
export type CreateDatanet = z.output<typeof createDatanetSchema>;

/** Query of GET /api/datanets. */
export const listDatanetsSchema = z.object({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(32).optional(),
  domain: z.string().trim().max(40).optional(),
  kind: z.enum(DATANET_KINDS).optional(),
  sort: z.enum(["newest", "rows", "contributors", "name"]).default("newest"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ListDatanetsQuery = z.output<typeof listDatanetsSchema>;
