import { randomBytes } from "node:crypto";

/** A URL slug from a name: lowercase words joined by dashes, with a short random suffix so names may repeat. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return `${base || "datanet"}-${randomBytes(3).toString("hex")}`;
}
