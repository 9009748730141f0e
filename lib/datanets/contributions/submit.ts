import type { Address, Hex } from "viem";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import type { DatanetKind } from "../kinds";
import type { RowFlag } from "../quality";
import { verifyContributionSignature } from "../versions";
import { type ContributionInput, type PreparedContribution, type PreparedRow, prepareContribution } from "./prepare";
import { datanetSigningId } from "./signing-id";

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

/**
 * Inserts a batch of rows in one statement: each column travels as one array parameter and
 * PostgreSQL unnests them (an ORM insert of thousands of JSON rows spends most of its time serializing).
 */
async function insertRows(
  tx: Prisma.TransactionClient,
  input: {
    datanetId: string;
    contributionId: string;
    rows: readonly PreparedRow[];
    flags: (row: PreparedRow) => RowFlag[];
  },
): Promise<{ id: bigint; position: number }[]> {
  const { rows } = input;
  return tx.$queryRaw<{ id: bigint; position: number }[]>`
    INSERT INTO datanet_rows (datanet_id, contribution_id, position, file, line, fields, row_hash, norm_hash, minhash, flags)
    SELECT ${input.datanetId}, ${input.contributionId}, u.position, u.file, u.line, u.fields::jsonb, u.row_hash,
           u.norm_hash, decode(u.minhash, 'hex'), u.flags::jsonb
      FROM unnest(
        ${rows.map((r) => r.position)}::int[],
        ${rows.map((r) => r.file)}::text[],
        ${rows.map((r) => r.line)}::int[],
        ${rows.map((r) => JSON.stringify(r.fields))}::text[],
        ${rows.map((r) => r.rowHash)}::text[],
        ${rows.map((r) => r.normHash)}::text[],
        ${rows.map((r) => Buffer.from(r.minhash).toString("hex"))}::text[],
        ${rows.map((r) => JSON.stringify(input.flags(r)))}::text[]
      ) AS u(position, file, line, fields, row_hash, norm_hash, minhash, flags)
    RETURNING id, position`;
}

/** Each row's LSH band keys, as (key, row id) pairs in one statement per batch (arrays unnested by PostgreSQL). */
async function insertBands(
  tx: Prisma.TransactionClient,
  stored: readonly { id: bigint; position: number }[],
  rows: readonly PreparedRow[],
) {
  const keys: number[] = [];
  const ids: bigint[] = [];
  for (const { id, position } of stored) {
    for (const key of new Set((rows[position] as PreparedRow).bandKeys)) {
      keys.push(key);
      ids.push(id);
    }
  }
  await tx.$executeRaw`INSERT INTO datanet_row_bands (band_key, row_id) SELECT * FROM unnest(${keys}::int[], ${ids}::bigint[])`;
}

/** Rows are inserted in batches this large (one statement each, inside the transaction). */
const INSERT_BATCH = 2_000;

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
  },
) {
  const { datanet, contributor, signed } = input;
  assertMayContribute(datanet, contributor);
  const prepared = await prepareContribution(db, datanet, input.contribution, { viewerId: contributor.userId });
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
  try {
    return await db.$transaction(
      async (tx) => {
        const contribution = await tx.contribution.create({
          data: {
            datanetId: datanet.id,
            contributorId: contributor.userId,
            contentRoot: prepared.contentRoot,
            rowCount: prepared.rowCount,
            license: signed.license,
            nonce: BigInt(signed.nonce).toString(),
            deadline: new Date(signed.deadline * 1000),
            signature: signed.signature,
            files: prepared.files as unknown as Prisma.InputJsonValue,
            qualityReport: {
              ...prepared.report,
              redactedRows: prepared.redactedRows,
            } as unknown as Prisma.InputJsonValue,
          },
        });
        for (let start = 0; start < prepared.rows.length; start += INSERT_BATCH) {
          const batch = prepared.rows.slice(start, start + INSERT_BATCH);
          const stored = await insertRows(tx, {
            datanetId: datanet.id,
            contributionId: contribution.id,
            rows: batch,
            flags: (row) => flagsByPosition.get(row.position) ?? [],
          });
          await insertBands(tx, stored, prepared.rows);
        }
        return { contribution, prepared };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // The unique (contributor, nonce) index: a concurrent replay of the same signature.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("nonce_used", "This signature's nonce was already used: sign the contribution again.", 409);
    }
    throw error;
  }
}
