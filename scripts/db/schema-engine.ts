import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/*
 * Drives Prisma's schema engine compiled to Wasm: the CLI's native engine cannot be downloaded
 * here. The package is internal to Prisma and pinned exactly in package.json; its API may change
 * with any version.
 */

let ready: Promise<void> | undefined;

/** The glue module holds one Wasm instance for the process, so it is instantiated once. */
function loadEngine(): Promise<void> {
  ready ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return ready;
}

/**
 * Runs `work` with a schema engine backed by one in-memory PGlite, closed afterwards.
 * The engine connects a main and a shadow database; only the shadow one matters for diffing and
 * each PGlite costs about two seconds to start, so both connections share the instance.
 * Do not use this for operations on a real database.
 */
export async function withSchemaEngine<T>(
  datamodels: [path: string, content: string][],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngine();
  const pglite = new PGlite();
  const connectInMemory = () => connectPGlite(pglite);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-in-memory",
    connect: connectInMemory,
    connectToShadowDb: connectInMemory,
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
    return await work(engine);
  } finally {
    engine?.free();
    await pglite.close();
  }
}

/**
 * pglite-prisma-adapter 0.7.2 starts `exec` in executeScript without awaiting it, so a failing
 * migration script became an unhandled rejection instead of an engine error.
 */
async function connectPGlite(pglite: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  adapter.executeScript = async (script) => {
    try {
      await pglite.exec(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  return adapter;
}

function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== "string") return error;
  const pgError = error as Error & { code: string; severity?: string; detail?: string; column?: string; hint?: string };
  return new DriverAdapterError({
    kind: "postgres",
    code: pgError.code,
    severity: pgError.severity ?? "ERROR",
    message: pgError.message,
    detail: pgError.detail,
    column: pgError.column,
    hint: pgError.hint,
  });
}
