import { describe, expect, it } from "vitest";
import { avatarColours } from "./address-avatar";

describe("avatarColours", () => {
  it("is stable for an address whatever its case", () => {
    const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(avatarColours(address)).toEqual(avatarColours(address.toLowerCase()));
  });

  it("differs between addresses", () => {
    expect(avatarColours("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).not.toEqual(
      avatarColours("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
    );
  });
});
