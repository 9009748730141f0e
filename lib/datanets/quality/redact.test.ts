import { describe, expect, it } from "vitest";
import { scanRow } from "./pii";
import { redact } from "./redact";

describe("redact", () => {
  it("replaces each finding with its placeholder, per field", () => {
    const row = {
      prompt: "My mail is jane@example.org and my card 4111 1111 1111 1111.",
      completion: "Call +44 20 7946 0958; key AKIAIOSFODNN7EXAMPLE",
    };
    const out = redact(row, scanRow(row));
    expect(out).toEqual({
      prompt: "My mail is [EMAIL] and my card [CARD].",
      completion: "Call [PHONE]; key [API_KEY]",
    });
    expect(row.prompt).toContain("jane@example.org");
  });

  it("redacts private keys and keeps rows without findings unchanged", () => {
    const row = { text: "x -----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY----- y", label: "code" };
    expect(redact(row, scanRow(row))).toEqual({ text: "x [PRIVATE_KEY] y", label: "code" });
    expect(redact({ text: "nothing" }, [])).toEqual({ text: "nothing" });
  });

  it("rejects findings that do not fit the fields", () => {
    const finding = { kind: "email", detector: "email", field: "text", start: 0, end: 99, preview: "" } as const;
    expect(() => redact({ text: "short" }, [finding])).toThrow(RangeError);
    expect(() => redact({ text: "short" }, [{ ...finding, field: "nope", end: 1 }])).toThrow(RangeError);
  });
});
