import type { Hex } from "viem";

/** A version as GET /api/datanets/:id/versions lists it. */
export interface VersionJson {
  id: string;
  number: number;
  parentNumber: number | null;
  merkleRoot: Hex;
  rowCount: number;
  contributorCount: number;
  changelog: string;
  metadataHash: Hex;
  status: "draft" | "pending" | "confirmed" | "failed";
  txHash: Hex | null;
  blockNumber: string | null;
  createdAt: string;
  confirmedAt: string | null;
}

/** GET /api/datanets/:id/versions. */
export interface VersionsResponse {
  versions: VersionJson[];
  /** What a next version would publish, as of the same read. */
  stats: { acceptedRows: number; unpublishedChanges: number };
}

/** POST /api/datanets/:id/versions → 201: the draft and the addVersion call to send. */
export interface DraftResponse {
  version: { id: string; number: number; merkleRoot: Hex };
  call: {
    datanetId: string;
    merkleRoot: Hex;
    rowCount: number;
    contributorCount: number;
    parentVersion: number;
    metadataHash: Hex;
  };
  registry: Hex;
}

/** GET /api/datanets/:id/registration. */
export interface RegistrationResponse {
  registry: Hex;
  onchainId: string | null;
  txHash: Hex | null;
  call: { metadataHash: Hex; metadataURI: string; license: string };
}

/** What the Versions tab knows of its Datanet. */
export interface VersionsDatanet {
  id: string;
  slug: string;
  kind: string;
  onchainId: string | null;
  ownerAddress: string;
  acceptedRows: number;
  /** Rows a new version would add or drop compared with the latest published one. */
  unpublishedChanges: number;
  /** Confirmed versions, numbered 1…n: the next one is n + 1. */
  publishedVersions: number;
}
