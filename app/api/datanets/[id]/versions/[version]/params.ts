import { DomainError } from "@/lib/errors";

/** The version number of a route segment; 404 for anything that is not a positive integer. */
export function versionNumber(segment: string): number {
  const number = Number(segment);
  if (!Number.isInteger(number) || number < 1) {
    throw new DomainError("version_not_found", `"${segment}" is not a version number.`, 404, { version: segment });
  }
  return number;
}
