import { keccak256, stringToBytes } from "viem";

/**
 * The uint256 a Datanet is known by in contribution signatures: keccak256 of its database id. It exists
 * before the Datanet is registered on-chain and never changes, so a signature stays verifiable.
 */
export function datanetSigningId(datanetId: string): bigint {
  return BigInt(keccak256(stringToBytes(`modelfactory:datanet:${datanetId}`)));
}
