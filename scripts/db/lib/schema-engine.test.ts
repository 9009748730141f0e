import { describe, expect, it } from "vitest";
import { EMPTY_DATAMODEL } from "./migration-folder";
import { diffDatamodels } from "./schema-engine";

const userModel = `model User {
  id      String @id
  address String @unique

  @@map("users")
}
`;
const withUser = `${EMPTY_DATAMODEL}\n${userModel}`;
const withEmail = withUser.replace("address String @unique", "address String @unique\n  email   String?");
const file = (content: string, name = "schema.prisma") => ({ path: name, content });

// Runs Prisma's schema engine (wasm) for real: no database is involved.
describe("diffDatamodels", () => {
  it("creates tables, keys and indexes from an empty datamodel", async () => {
    const sql = await diffDatamodels(file(EMPTY_DATAMODEL), file(withUser));
    expect(sql).toContain('CREATE TABLE "users"');
    expect(sql).toContain('CONSTRAINT "users_pkey" PRIMARY KEY ("id")');
    expect(sql).toContain('CREATE UNIQUE INDEX "users_address_key" ON "users"("address");');
    expect(sql).not.toContain("CREATE SCHEMA");
  });

  it("writes only the change between two datamodels", async () => {
    const sql = await diffDatamodels(file(withUser), file(withEmail));
    expect(sql?.trim()).toBe('-- AlterTable\nALTER TABLE "users" ADD COLUMN     "email" TEXT;');
  });

  it("answers null when nothing changed", async () => {
    expect(await diffDatamodels(file(withUser), file(`// a comment only\n${withUser}`))).toBeNull();
  });

  it("reports schema errors with the file name", async () => {
    await expect(
      diffDatamodels(file(withUser), file(`${withUser}\nmodel Broken {\n  id Strin @id\n}\n`, "mine.prisma")),
    ).rejects.toThrow(/mine\.prisma/);
  });
});
