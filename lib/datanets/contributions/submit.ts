import type { Address, Hex } from "viem";
import { type Db, poolOf } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { DatanetKind } from "../kinds";
import type { RowFlag } from "../quality";
import { verifyContributionSignature } from "../versions";
import {
  type ContributionInput,
  type PreparedContribution,
  type PrepareProgress,
  prepareContribution,
} from "./prepare";
import { datanetSigningId } from "./signing-id";
import { storeContribution } from "./store";

/** Submitting's progress: the checks' phases, then the transactional store. */
export type SubmitProgress = PrepareProgress | { phase: "store"; done: number; total: number };

/** What the contributor signed (EIP-712 "Contribution"), as sent with the files. */
export interface SignedContribution {
  contentRoot: string;
  rowCount: number;
  license: string;
  nonce: string;
  /** Unix seconds. */
  deadline: number;
  signature: string;
  /** The EIP-712 domain the wallet signed under. */
  chainId: number;
  verifyingContract: string;
}

/** The Datanet being contributed to, as far as submitting needs it. */
export interface ContributionTarget {
  id: string;
  kind: DatanetKind;
  license: string;
  visibility: "public" | "private";
  ownerId: string;
  invited: string[];
}

function assertMayContribute(datanet: ContributionTarget, contributor: { userId: string; address: string }) {
  if (datanet.visibility === "public" || datanet.ownerId === contributor.userId) return;
  if (datanet.invited.includes(contributor.address.toLowerCase())) return;
  throw new DomainError("not_allowed", "This Datanet is private: only its owner and invited people contribute.", 403);
}

function assertSignedContent(prepared: PreparedContribution, signed: SignedContribution, license: string) {
  const mismatches: Record<string, { signed: unknown; received: unknown }> = {};
  if (signed.contentRoot.toLowerCase() !== prepared.contentRoot.toLowerCase()) {
    mismatches.contentRoot = { signed: signed.contentRoot, received: prepared.contentRoot };
  }
  if (signed.rowCount !== prepared.rowCount)
    mismatches.rowCount = { signed: signed.rowCount, received: prepared.rowCount };
  if (signed.license !== license) mismatches.license = { signed: signed.license, received: license };
  if (Object.keys(mismatches).length > 0) {
    throw new DomainError(
      "content_mismatch",
      `The signed contribution does not match the files received (${Object.keys(mismatches).join(", ")}): preview the files again and sign the new content root.`,
      422,
      mismatches,
    );
  }
}

/**
 * Stores a signed contribution: parses and checks the files again, checks that they give exactly the
 * content root, row count and licence that were signed, verifies the EIP-712 signature (signer = the
 * signed-in address, nonce unused, deadline ahead, this chain and registry), then writes the
 * contribution and all its rows in one transaction. Any failure stores nothing.
 */
export async function submitContribution(
  db: Db,
  input: {
    datanet: ContributionTarget;
    contributor: { userId: string; address: Address };
    contribution: ContributionInput;
    signed: SignedContribution;
    domain: { chainId: number; verifyingContract: Address };
    now?: Date;
    /** The checks' progress (as for a preview), then the store's. */
    onProgress?: (progress: SubmitProgress) => void;
  },
) {
  const { datanet, contributor, signed } = input;
  assertMayContribute(datanet, contributor);
  const prepared = await prepareContribution(db, datanet, input.contribution, {
    viewerId: contributor.userId,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  if (prepared.rowCount === 0) {
    throw new DomainError("no_rows", "The files hold no usable row: see the report for the problems found.", 422, {
      problems: prepared.report.counts,
    });
  }
  assertSignedContent(prepared, signed, datanet.license);
  const now = input.now ?? new Date();
  const datanetId = datanetSigningId(datanet.id);
  await verifyContributionSignature({
    domain: { chainId: signed.chainId, verifyingContract: signed.verifyingContract as Address },
    expectedDomain: input.domain,
    message: {
      datanetId,
      contentRoot: signed.contentRoot as Hex,
      rowCount: BigInt(signed.rowCount),
      license: signed.license,
      nonce: BigInt(signed.nonce),
      deadline: BigInt(signed.deadline),
    },
    expectedMessage: {
      datanetId,
      contentRoot: prepared.contentRoot,
      rowCount: BigInt(prepared.rowCount),
      license: datanet.license,
    },
    signature: signed.signature as Hex,
    expectedSigner: contributor.address,
    now,
    isNonceUsed: async (_signer, nonce) =>
      (await db.contribution.count({ where: { contributorId: contributor.userId, nonce: nonce.toString() } })) > 0,
  });

  const flagsByPosition = new Map<number, RowFlag[]>();
  for (const flagged of prepared.report.rows)
    if (flagged.index !== null) flagsByPosition.set(flagged.index, flagged.flags);
  input.onProgress?.({ phase: "store", done: 0, total: prepared.rowCount });
  const id = await storeContribution(poolOf(db), {
    datanetId: datanet.id,
    contributorId: contributor.userId,
    contentRoot: prepared.contentRoot,
    rowCount: prepared.rowCount,
    license: signed.license,
    nonce: BigInt(signed.nonce).toString(),
    deadline: new Date(signed.deadline * 1000),
    signature: signed.signature,
    files: prepared.files,
    qualityReport: { ...prepared.report, redactedRows: prepared.redactedRows },
    rows: prepared.rows,
    flagsOf: (position) => flagsByPosition.get(position) ?? [],
  });
  const contribution = await db.contribution.findUniqueOrThrow({ where: { id } });
  return { contribution, prepared };
}
