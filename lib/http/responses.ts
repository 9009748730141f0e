import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { DomainError } from "@/lib/errors";
import { log } from "@/lib/log";

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
    /** Invalid input: each problem with the path of the field it concerns (also in details.issues). */
    issues?: { path: string; message: string }[];
  };
}

/** A thrown error as the status and body an API answers: domain errors keep their status, bad input is 422, the rest 500. */
export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const details = error.details ? { details: error.details } : {};
    // Field problems found past the schema (against the database, a base model…) read like the schema's own.
    const issues = Array.isArray(error.details?.issues)
      ? { issues: error.details.issues as ErrorBody["error"]["issues"] }
      : {};
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...details, ...issues } },
    };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    return {
      status: 422,
      body: { error: { code: "invalid_request", message: summary, details: { issues }, issues } },
    };
  }
  log.error({ err: error }, "unhandled error in route handler");
  return {
    status: 500,
    body: { error: { code: "internal_error", message: "Something went wrong on the server. It has been logged." } },
  };
}

/** Maps a thrown error to a JSON response: domain errors keep their status, bad input is 422, the rest 500. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body } = errorBody(error);
  return NextResponse.json(body, { status });
}

/** Reads and validates a JSON body; a body that is not JSON is reported like any other invalid input. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return schema.parse(await readJsonBody(request));
}

/** The request's JSON body, unchecked; 400 invalid_json when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError("invalid_json", "The request body must be JSON.", 400);
  }
}

export const noStore = { "Cache-Control": "no-store" } as const;
