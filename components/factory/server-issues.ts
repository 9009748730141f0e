import type { ApiError } from "@/components/datanets/versions/api-client";
import type { ConfigIssue } from "./wizard-draft";

const isIssue = (value: unknown): value is ConfigIssue =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ConfigIssue).path === "string" &&
  typeof (value as ConfigIssue).message === "string";

/**
 * The fields a refused launch names: a 422's `details.issues` (bad input, or a config the database refuses), else
 * its one `details.field` with the error's message; none for other errors.
 */
export function serverIssuesOf(error: Pick<ApiError, "message" | "details">): ConfigIssue[] {
  const issues = error.details?.issues;
  if (Array.isArray(issues)) return issues.filter(isIssue);
  const field = error.details?.field;
  return typeof field === "string" ? [{ path: field, message: error.message }] : [];
}
