import type { FieldError } from "react-hook-form";

type NestedError = FieldError | (FieldError | undefined)[] | { message?: unknown } | undefined;

/**
 * The message of a field's error, also for arrays: their own error (e.g. too few invited
 * reviewers) or the first of their items' (one bad address).
 */
export function firstError(error: NestedError): string | undefined {
  if (!error) return undefined;
  if (Array.isArray(error)) return error.find((item) => item?.message)?.message;
  const own = (error as { message?: unknown }).message;
  if (typeof own === "string") return own;
  const root = (error as { root?: { message?: string } }).root?.message;
  return root;
}
