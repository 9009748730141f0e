import { z } from "zod";

/** Body of POST /api/auth/verify. */
export const signInRequestSchema = z.object({
  message: z.string().min(1, "message is required").max(4_000, "message is longer than 4,000 characters"),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]+$/, "signature must be 0x-prefixed hex")
    .max(20_000)
    .transform((value) => value as `0x${string}`),
});
