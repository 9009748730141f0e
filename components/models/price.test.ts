import { describe, expect, it } from "vitest";
import { pricePer1kSchema, MAX_PRICE_PER_1K_OPEN as SERVER_MAX } from "@/lib/factory/publish/publish-args";
import { MAX_PRICE_PER_1K_OPEN, priceProblem } from "./price";

describe("the publish form's price check", () => {
  it("accepts and refuses exactly what the server's pricePer1kSchema does", () => {
    expect(MAX_PRICE_PER_1K_OPEN).toBe(SERVER_MAX);
    const inputs = ["0", "0.25", " 12.000000000000000001 ", "1000000", "1000000.5", "2000000", "-1", "1e3", "abc", ""];
    for (const input of [...inputs, "0.1234567890123456789", ".5", "1.", "007"]) {
      expect(priceProblem(input) === null, input).toBe(pricePer1kSchema.safeParse(input).success);
    }
  });
});
