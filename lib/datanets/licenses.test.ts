import { describe, expect, it } from "vitest";
import { isSpdxLicense, licenseOptions } from "./licenses";

describe("licences", () => {
  it("accepts SPDX identifiers in SPDX's case and LicenseRef- names, nothing else", () => {
    expect(isSpdxLicense("CC-BY-4.0")).toBe(true);
    expect(isSpdxLicense("MIT")).toBe(true);
    expect(isSpdxLicense("LicenseRef-MITRE-CWE-Terms-of-Use")).toBe(true);
    expect(isSpdxLicense("mit")).toBe(false);
    expect(isSpdxLicense("LicenseRef-")).toBe(false);
    expect(isSpdxLicense("constructor")).toBe(false);
  });

  it("offers the common data licences first, then all of SPDX's", () => {
    const options = licenseOptions();
    expect(options.slice(0, 2).map((o) => o.id)).toEqual(["CC0-1.0", "CC-BY-4.0"]);
    expect(options.length).toBeGreaterThan(500);
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
  });
});
