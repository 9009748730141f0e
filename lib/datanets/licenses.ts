import spdx from "spdx-license-list";

/** A licence a Datanet can carry: its SPDX identifier and full name. */
export interface LicenseOption {
  id: string;
  name: string;
}

/** Data licences people pick most, offered first. */
const COMMON = ["CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0", "MIT", "Apache-2.0"];

const licenses = spdx as Record<string, { name: string }>;

/** SPDX's form for a licence outside its list, e.g. "LicenseRef-MITRE-CWE-Terms-of-Use". */
const LICENSE_REF = /^LicenseRef-[A-Za-z0-9.-]{1,64}$/;

/** Whether `id` is an SPDX licence identifier (exact case, as SPDX writes it) or an SPDX LicenseRef-. */
export function isSpdxLicense(id: string): boolean {
  return Object.hasOwn(licenses, id) || LICENSE_REF.test(id);
}

/** Every SPDX licence: the common data licences first, then the rest by identifier. */
export function licenseOptions(): LicenseOption[] {
  const rest = Object.keys(licenses)
    .filter((id) => !COMMON.includes(id))
    .sort((a, b) => a.localeCompare(b));
  return [...COMMON.filter(isSpdxLicense), ...rest].map((id) => ({ id, name: licenses[id]?.name ?? id }));
}
