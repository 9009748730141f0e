import { type Address, getAddress, type Hex, isAddress, isAddressEqual, isHex, recoverTypedDataAddress } from "viem";
import { DomainError } from "@/lib/errors";

/**
 * EIP-712 contribution signatures. The contributor's wallet signs `contributionTypedData(...)`
 * (wagmi's signTypedData takes it as is); the server checks it with `verifyContributionSignature`.
 */

export const CONTRIBUTION_DOMAIN_NAME = "ModelFactory Datanets";
export const CONTRIBUTION_DOMAIN_VERSION = "1";
/** The furthest ahead a deadline may be: a signature is a short-lived upload ticket, not a standing permit. */
export const MAX_DEADLINE_AHEAD_SECONDS = 24 * 60 * 60;

export const contributionTypes = {
  Contribution: [
    { name: "datanetId", type: "uint256" },
    { name: "contentRoot", type: "bytes32" },
    { name: "rowCount", type: "uint64" },
    { name: "license", type: "string" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export type ContributionMessage = {
  datanetId: bigint;
  /** contentRoot(rowHashes) of the contribution's rows. */
  contentRoot: Hex;
  rowCount: bigint;
  /** SPDX identifier of the licence the contributor grants (the Datanet's). */
  license: string;
  nonce: bigint;
  /** Unix seconds. */
  deadline: bigint;
};

/** Where the signature is valid: the chain and the DatanetRegistry deployment. */
export type ContributionDomainInput = { chainId: number; verifyingContract: Address };

export type ContributionDomain = {
  name: typeof CONTRIBUTION_DOMAIN_NAME;
  version: typeof CONTRIBUTION_DOMAIN_VERSION;
  chainId: number;
  verifyingContract: Address;
};

export function contributionDomain(input: ContributionDomainInput): ContributionDomain {
  return {
    name: CONTRIBUTION_DOMAIN_NAME,
    version: CONTRIBUTION_DOMAIN_VERSION,
    chainId: input.chainId,
    verifyingContract: input.verifyingContract,
  };
}

/** The typed data the wallet signs: `signTypedData(contributionTypedData(domain, message))`. */
export function contributionTypedData(domainInput: ContributionDomainInput, message: ContributionMessage) {
  return {
    domain: contributionDomain(domainInput),
    types: contributionTypes,
    primaryType: "Contribution" as const,
    message,
  };
}

export type ContributionSignatureErrorCode =
  | "invalid_message"
  | "wrong_chain"
  | "wrong_contract"
  | "invalid_signature"
  | "signer_mismatch"
  | "message_mismatch"
  | "deadline_passed"
  | "deadline_too_far"
  | "nonce_used";

/** A rejected contribution signature; `code` says which check failed. */
export class ContributionSignatureError extends DomainError {
  constructor(
    override readonly code: ContributionSignatureErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, code === "nonce_used" ? 409 : 400, details);
    this.name = "ContributionSignatureError";
  }
}

export type VerifyContributionInput = {
  /** The domain the client says it signed under. */
  domain: ContributionDomainInput;
  /** The server's own chain id and DatanetRegistry address. */
  expectedDomain: ContributionDomainInput;
  message: ContributionMessage;
  signature: Hex;
  /** The session's address: the only account allowed to contribute on this request. */
  expectedSigner: Address;
  /**
   * Fields the server computed itself (datanet from the URL, content root and row count from the
   * uploaded rows, the Datanet's licence): each must equal the signed value.
   */
  expectedMessage?: Partial<Pick<ContributionMessage, "datanetId" | "contentRoot" | "rowCount" | "license">>;
  now: Date;
  /** Whether this signer already used this nonce (the database answers). */
  isNonceUsed: (signer: Address, nonce: bigint) => boolean | Promise<boolean>;
  maxDeadlineAheadSeconds?: number;
};

const UINT64_MAX = (1n << 64n) - 1n;
const UINT256_MAX = (1n << 256n) - 1n;

function checkMessage(m: ContributionMessage): void {
  const bad = (field: string, reason: string) =>
    new ContributionSignatureError("invalid_message", `The signed contribution's ${field} ${reason}`, { field });
  const inRange = (v: unknown, max: bigint) => typeof v === "bigint" && v >= 0n && v <= max;
  if (!inRange(m.datanetId, UINT256_MAX)) throw bad("datanetId", "is not a uint256");
  if (typeof m.contentRoot !== "string" || !isHex(m.contentRoot, { strict: true }) || m.contentRoot.length !== 66) {
    throw bad("contentRoot", "is not 32 bytes of hex");
  }
  if (!inRange(m.rowCount, UINT64_MAX) || m.rowCount === 0n) throw bad("rowCount", "is not a positive uint64");
  if (typeof m.license !== "string" || m.license.length === 0) throw bad("license", "is empty");
  if (!inRange(m.nonce, UINT256_MAX)) throw bad("nonce", "is not a uint256");
  if (!inRange(m.deadline, UINT256_MAX)) throw bad("deadline", "is not a uint256");
}

/**
 * Checks a contribution signature, in this order: message well-formed; domain chain id and
 * verifying contract equal the server's; the signature recovers to the session address; the signed
 * fields equal what the server computed; the deadline is ahead of `now` and at most
 * `maxDeadlineAheadSeconds` (default one day) ahead; the nonce is unused. Returns the signer;
 * throws ContributionSignatureError otherwise. A tampered message recovers another address, so it
 * fails as "signer_mismatch".
 */
export async function verifyContributionSignature(input: VerifyContributionInput): Promise<{ signer: Address }> {
  const { domain, expectedDomain, message, signature, now } = input;
  checkMessage(message);
  if (domain.chainId !== expectedDomain.chainId) {
    throw new ContributionSignatureError(
      "wrong_chain",
      `Signed for chain ${domain.chainId}, expected ${expectedDomain.chainId}`,
      {
        chainId: domain.chainId,
        expected: expectedDomain.chainId,
      },
    );
  }
  if (
    !isAddress(domain.verifyingContract, { strict: false }) ||
    !isAddressEqual(domain.verifyingContract, expectedDomain.verifyingContract)
  ) {
    throw new ContributionSignatureError("wrong_contract", "Signed for another DatanetRegistry", {
      verifyingContract: domain.verifyingContract,
      expected: expectedDomain.verifyingContract,
    });
  }
  let recovered: Address;
  try {
    recovered = await recoverTypedDataAddress({ ...contributionTypedData(expectedDomain, message), signature });
  } catch {
    throw new ContributionSignatureError("invalid_signature", "The signature is malformed");
  }
  if (!isAddressEqual(recovered, input.expectedSigner)) {
    throw new ContributionSignatureError("signer_mismatch", "The signature is not from the signed-in address", {
      expected: getAddress(input.expectedSigner),
    });
  }
  for (const [field, expected] of Object.entries(input.expectedMessage ?? {})) {
    const signed = message[field as keyof ContributionMessage];
    const same =
      typeof expected === "string" && typeof signed === "string" && field === "contentRoot"
        ? expected.toLowerCase() === signed.toLowerCase()
        : expected === signed;
    if (expected !== undefined && !same) {
      throw new ContributionSignatureError("message_mismatch", `The signed ${field} does not match the upload`, {
        field,
        signed: String(signed),
        expected: String(expected),
      });
    }
  }
  const nowSeconds = BigInt(Math.floor(now.getTime() / 1000));
  if (message.deadline <= nowSeconds) {
    throw new ContributionSignatureError("deadline_passed", "The signature's deadline has passed", {
      deadline: message.deadline.toString(),
      now: nowSeconds.toString(),
    });
  }
  const maxAhead = BigInt(input.maxDeadlineAheadSeconds ?? MAX_DEADLINE_AHEAD_SECONDS);
  if (message.deadline > nowSeconds + maxAhead) {
    throw new ContributionSignatureError("deadline_too_far", `The deadline is more than ${maxAhead} s ahead`, {
      deadline: message.deadline.toString(),
      max: (nowSeconds + maxAhead).toString(),
    });
  }
  if (await input.isNonceUsed(recovered, message.nonce)) {
    throw new ContributionSignatureError("nonce_used", "This signature's nonce was already used", {
      nonce: message.nonce.toString(),
    });
  }
  return { signer: getAddress(recovered) };
}
