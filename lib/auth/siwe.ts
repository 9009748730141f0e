import { type Address, getAddress, type Hex, type PublicClient, recoverMessageAddress } from "viem";
import { parseSiweMessage } from "viem/siwe";
import { SignInError } from "./errors";

export interface SignInCheck {
  message: string;
  signature: Hex;
  /** Domains (host[:port]) the message may be bound to. */
  allowedDomains: readonly string[];
  chainId: number;
  now?: Date;
  /** Verifies smart-contract wallet signatures (ERC-1271/6492) when plain recovery fails. */
  chainClient?: Pick<PublicClient, "verifyMessage">;
}

export interface VerifiedSignIn {
  address: Address;
  chainId: number;
  nonce: string;
  expiresAt?: Date | undefined;
}

/**
 * Checks an EIP-4361 message and its signature: fields, domain, chain, validity window, signer.
 * It does not consume the nonce; the caller does that last, atomically.
 */
export async function verifySignInMessage(check: SignInCheck): Promise<VerifiedSignIn> {
  const now = check.now ?? new Date();
  const fields = parseSiweMessage(check.message);
  if (!fields.address || !fields.domain || !fields.nonce || !fields.chainId || !fields.uri || fields.version !== "1") {
    throw new SignInError("malformed_message", "The sign-in message is not a valid EIP-4361 message.");
  }
  if (!check.allowedDomains.includes(fields.domain)) {
    throw new SignInError("wrong_domain", `The message is for ${fields.domain}, not this site.`);
  }
  if (fields.chainId !== check.chainId) {
    throw new SignInError(
      "wrong_chain",
      `The message is for chain ${fields.chainId}; this app runs on chain ${check.chainId}.`,
    );
  }
  if (fields.expirationTime && fields.expirationTime.getTime() <= now.getTime()) {
    throw new SignInError("expired_message", "The sign-in message has expired. Sign in again.");
  }
  if (fields.notBefore && fields.notBefore.getTime() > now.getTime()) {
    throw new SignInError("not_yet_valid", "The sign-in message is not valid yet.");
  }
  const address = getAddress(fields.address);
  if (!(await signedBy(address, check))) {
    throw new SignInError("bad_signature", "The signature does not match the message's address.");
  }
  return { address, chainId: fields.chainId, nonce: fields.nonce, expiresAt: fields.expirationTime };
}

async function signedBy(address: Address, check: SignInCheck): Promise<boolean> {
  try {
    const recovered = await recoverMessageAddress({ message: check.message, signature: check.signature });
    if (recovered === address) return true;
  } catch {
    // Not a 65-byte ECDSA signature: may still be a contract wallet's.
  }
  if (!check.chainClient) return false;
  try {
    return await check.chainClient.verifyMessage({ address, message: check.message, signature: check.signature });
  } catch {
    return false;
  }
}
