import type { Hex } from "viem";
import type { ExportFormat } from "./export";

export const MANIFEST_FORMAT = "modelfactory.datanet-version/1";

export type ManifestFile = { name: string; format: ExportFormat; rows: number; bytes?: number; sha256?: string };

export type VersionManifestInput = {
  datanet: {
    id: string | number | bigint;
    name: string;
    slug?: string;
    kind?: string;
    chainId?: number;
    registry?: string;
  };
  version: number;
  root: Hex;
  rowCount: number;
  contributorCount: number;
  license: string;
  /** 0 or null when the version has no parent. */
  parentVersion: number | null;
  createdAt: Date | string;
  files: readonly ManifestFile[];
  changelog?: string;
  txHash?: Hex;
};

export type VersionManifest = {
  format: typeof MANIFEST_FORMAT;
  datanet: {
    id: string;
    name: string;
    slug: string | null;
    kind: string | null;
    chainId: number | null;
    registry: string | null;
  };
  version: number;
  merkle: { root: Hex; leafEncoding: ["address", "bytes32"]; leaf: string; tree: string };
  rowCount: number;
  contributorCount: number;
  license: string;
  parentVersion: number | null;
  createdAt: string;
  changelog: string | null;
  txHash: Hex | null;
  files: ManifestFile[];
};

/**
 * The manifest shipped beside an export: which Datanet and version, the Merkle root registered
 * on-chain and how to recompute it, counts, licence, lineage and the exported files. Plain JSON
 * with a fixed key order, so JSON.stringify of it is stable.
 */
export function versionManifest(input: VersionManifestInput): VersionManifest {
  const d = input.datanet;
  return {
    format: MANIFEST_FORMAT,
    datanet: {
      id: String(d.id),
      name: d.name,
      slug: d.slug ?? null,
      kind: d.kind ?? null,
      chainId: d.chainId ?? null,
      registry: d.registry ?? null,
    },
    version: input.version,
    merkle: {
      root: input.root,
      leafEncoding: ["address", "bytes32"],
      leaf: "keccak256(bytes.concat(keccak256(abi.encode(contributor, rowHash))))",
      tree: "OpenZeppelin StandardMerkleTree (sorted leaves, sorted-pair hashing)",
    },
    rowCount: input.rowCount,
    contributorCount: input.contributorCount,
    license: input.license,
    parentVersion: input.parentVersion ? input.parentVersion : null,
    createdAt: new Date(input.createdAt).toISOString(),
    changelog: input.changelog ?? null,
    txHash: input.txHash ?? null,
    files: input.files.map((f) => ({ ...f })),
  };
}
