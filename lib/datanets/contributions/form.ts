import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { ColumnMapping, SourceFile } from "../ingest";
import type { ContributionInput } from "./prepare";
import type { SignedContribution } from "./submit";

const mappingSchema = z
  .object({
    text: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    completion: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
  })
  .strict();

const optionsSchema = z.object({
  mapping: mappingSchema.optional(),
  mappings: z.record(z.string(), mappingSchema).optional(),
  redactPii: z.boolean().default(false),
});

const signedSchema = z.object({
  contentRoot: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex root"),
  rowCount: z.coerce.number().int().min(1),
  license: z.string().min(1),
  nonce: z.string().regex(/^\d{1,78}$/, "must be a uint256 in decimal"),
  deadline: z.coerce.number().int().positive(),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, "must be a 65-byte hex signature"),
  chainId: z.coerce.number().int().positive(),
  verifyingContract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x address"),
});

function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== "string")
    throw new DomainError("invalid_field", `Field "${name}" must be text.`, 422, { field: name });
  try {
    return JSON.parse(value);
  } catch {
    throw new DomainError("invalid_field", `Field "${name}" must be JSON.`, 422, { field: name });
  }
}

/** The dropped files and reading options of a multipart contribution request ("files", "options" as JSON). */
export async function readContributionForm(form: FormData): Promise<ContributionInput> {
  const entries = form.getAll("files");
  if (entries.length === 0) {
    throw new DomainError("no_files", 'Attach at least one file in the "files" field.', 422, { field: "files" });
  }
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (typeof entry === "string") {
      throw new DomainError("invalid_field", 'Each "files" entry must be a file upload.', 422, { field: "files" });
    }
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const options = optionsSchema.parse(jsonField(form, "options") ?? {});
  return {
    files,
    ...(options.mapping ? { mapping: options.mapping as ColumnMapping } : {}),
    ...(options.mappings ? { mappings: options.mappings as Record<string, ColumnMapping> } : {}),
    redactPii: options.redactPii,
  };
}

/** The signature fields of a contribution request ("signed" as JSON). */
export function readSignedFields(form: FormData): SignedContribution {
  const signed = jsonField(form, "signed");
  if (signed === undefined) {
    throw new DomainError("missing_signature", 'Sign the contribution and send it in the "signed" field.', 422, {
      field: "signed",
    });
  }
  return signedSchema.parse(signed);
}
