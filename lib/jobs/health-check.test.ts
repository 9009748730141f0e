import { describe, expect, it } from "vitest";
import { answerHealthCheck } from "./health-check";

describe("answerHealthCheck", () => {
  it("answers with the worker's id and times", () => {
    const now = new Date("2026-11-25T12:00:01Z");
    const result = answerHealthCheck("w1", { requestedAt: "2026-11-25T12:00:00.000Z", requestedBy: "test" }, now);
    expect(result).toEqual({ workerId: "w1", requestedAt: "2026-11-25T12:00:00.000Z", answeredAt: now.toISOString() });
  });

  it("rejects a payload that is not a health check", () => {
    expect(() => answerHealthCheck("w1", { hello: "world" })).toThrow();
  });
});
