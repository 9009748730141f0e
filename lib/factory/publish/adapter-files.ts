import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Hex, keccak256, stringToBytes } from "viem";
import { zipFiles } from "./zip";

/** The files of a PEFT adapter folder: its config and its weights. */
export const PEFT_FILES = ["adapter_config.json", "adapter_model.safetensors"] as const;

/** sha256 of bytes as a 0x-prefixed bytes32 (the adapter's content hash, as ModelRegistry stores it). */
export function sha256Hex(bytes: Uint8Array): Hex {
  return `0x${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * Reads an adapter folder in PEFT layout: its weights' sha256 (what identifies the adapter on-chain: the
 * same weights always give the same hash, whatever the config says) and a reproducible ZIP of the folder
 * (the download). Files other than PEFT's are left out; both PEFT files must be there.
 */
export async function packAdapter(folder: string): Promise<{ adapterHash: Hex; zip: Uint8Array; bytes: number }> {
  const present = new Set(await readdir(folder));
  const missing = PEFT_FILES.filter((name) => !present.has(name));
  if (missing.length > 0) throw new Error(`the adapter folder ${folder} lacks ${missing.join(" and ")}`);
  const files = await Promise.all(
    PEFT_FILES.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(folder, name))) })),
  );
  const weights = files[1]?.bytes as Uint8Array;
  return { adapterHash: sha256Hex(weights), zip: zipFiles(files), bytes: weights.length };
}

/** ModelRegistry's base model id of a catalog model: keccak256 of its catalog id ("mf-prose-byte"). */
export function baseModelId(catalogId: string): Hex {
  return keccak256(stringToBytes(catalogId));
}
