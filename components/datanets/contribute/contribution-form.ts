import type { DroppedFile, ReadOptions } from "./types";

/** The fields of a contribution signature as the API takes them ("signed", JSON). */
export interface SignedFields {
  contentRoot: string;
  rowCount: number;
  license: string;
  nonce: string;
  deadline: number;
  signature: string;
  chainId: number;
  verifyingContract: string;
}

/** The multipart body of a preview ("files", "options") or, with `signed`, of a submission. */
export function contributionForm(files: readonly DroppedFile[], options: ReadOptions, signed?: SignedFields): FormData {
  const form = new FormData();
  for (const { file } of files) form.append("files", file, file.name);
  const mappings = Object.fromEntries(
    Object.entries(options.mappings).filter(
      ([name, mapping]) => files.some((f) => f.file.name === name) && Object.keys(mapping).length > 0,
    ),
  );
  form.append(
    "options",
    JSON.stringify({ ...(Object.keys(mappings).length > 0 ? { mappings } : {}), redactPii: options.redactPii }),
  );
  if (signed) form.append("signed", JSON.stringify(signed));
  return form;
}

/** A random uint256 in decimal: a signature's nonce, never reused. */
export function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let hex = "0x";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return BigInt(hex).toString();
}
