import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { errorBody } from "./responses";

describe("errorBody", () => {
  it("lists field problems the same way whether the schema or a later check found them", () => {
    const schema = z.object({ rank: z.number().min(1, "rank must be at least 1") });
    const parsed = schema.safeParse({ rank: 0 });
    const fromSchema = errorBody(parsed.error);
    const issues = [{ path: "baseModel", message: 'no base model "x"' }];
    const fromCheck = errorBody(
      new DomainError("invalid_run_config", "baseModel: no", 422, { field: "baseModel", issues }),
    );
    expect(fromSchema).toMatchObject({ status: 422, body: { error: { issues: [{ path: "rank" }] } } });
    expect(fromCheck).toMatchObject({ status: 422, body: { error: { issues, details: { issues } } } });
  });

  it("adds no issues to a domain error that names none", () => {
    expect(errorBody(new DomainError("not_found", "No run.", 404)).body.error).toEqual({
      code: "not_found",
      message: "No run.",
    });
  });
});
