import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { offlinePostgresAdapterFactory } from "./offline-adapter";

/** A Prisma schema file: its path (for error messages) and content. */
export interface SchemaFile {
  path: string;
  content: string;
}

let engineBindings: Promise<typeof bindings> | undefined;

/**
 * Instantiates the schema engine's WebAssembly module once. The package's entry point imports the
 * .wasm file as an ES module, which Node 20 only allows behind --experimental-wasm-modules, so the
 * module is compiled here and handed to the generated bindings the way that entry point would.
 */
function loadBindings(): Promise<typeof bindings> {
  engineBindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindingsFile), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineBindings;
}

/**
 * The SQL that turns a database built from `from` into one built from `to` (PostgreSQL), or null when
 * the two datamodels describe the same database. Pure datamodel-to-datamodel: no database is used.
 */
export async function diffDatamodels(from: SchemaFile, to: SchemaFile): Promise<string | null> {
  const { SchemaEngine } = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory(offlinePostgresAdapterFactory());
  const engine = await withAdapterErrors(factory, () => SchemaEngine.new({ datamodels: undefined }, () => {}, factory));
  try {
    const result = await withAdapterErrors(factory, () =>
      engine.diff({
        from: { tag: "schemaDatamodel", files: [from] },
        to: { tag: "schemaDatamodel", files: [to] },
        script: true,
        // With exitCode set, the engine answers 2 when the diff is not empty and 0 when it is.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    return result.exitCode === 2 && result.stdout ? result.stdout : null;
  } finally {
    engine.free();
  }
}

/** The engine reports adapter failures as "External error id#N"; this puts the original message back. */
async function withAdapterErrors<T>(
  factory: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const original = id === undefined ? undefined : factory.errorRegistry.consumeError(Number(id))?.error;
    if (original instanceof Error) throw original;
    throw error;
  }
}
