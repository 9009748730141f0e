import type { Address, Hex } from "viem";
import { z } from "zod";
import type { ContributionDomainInput, ContributionMessage } from "./signature";

/** A non-negative integer sent as a decimal string or a safe JSON number, parsed to bigint. */
const uint = z.union([
  z.string().regex(/^\d{1,78}$/, "expected a non-negative integer"),
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
]);
const toBigInt = (v: string | number) => BigInt(v);

/** The signed fields as they arrive in a request (bigints as strings), parsed to a ContributionMessage. */
export const contributionMessageSchema = z
  .object({
    datanetId: uint.transform(toBigInt),
    contentRoot: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "expected 32 bytes of hex")
      .transform((v) => v as Hex),
    rowCount: uint.transform(toBigInt),
    license: z.string().min(1).max(100),
    nonce: uint.transform(toBigInt),
    deadline: uint.transform(toBigInt),
  })
  .transform((m): ContributionMessage => m);

export const contributionDomainInputSchema = z
  .object({
    chainId: z.number().int().positive(),
    verifyingContract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "expected an address"),
  })
  .transform(
    (d): ContributionDomainInput => ({ chainId: d.chainId, verifyingContract: d.verifyingContract as Address }),
  );

export const signatureSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{130}$/, "expected a 65-byte signature")
  .transform((v) => v as Hex);
