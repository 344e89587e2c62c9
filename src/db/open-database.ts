import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { startPGliteThread } from "./pglite-thread.js";
import { PrismaClient } from "../generated/prisma/client.js";
import { errorReason } from "./error-reason.js";
import { countedAdapter } from "./counted-adapter.js";
import { metrics } from "../metrics.js";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/**
 * Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) fail a farmer's
 * message during a burst, when every pooled connection is briefly busy; waiting longer queues it.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

const ACCEPTED_FORMS =
  "pglite:memory, pglite:<directory> (for example pglite:./data/db), pglite:memory:<dump file> or " +
  "postgres://user:password@host:5432/database";

const MEMORY = "memory";

/**
 * Opens the database named by a DATABASE_URL value:
 * - `pglite:memory`: embedded PostgreSQL in memory (tests);
 * - `pglite:memory:<dump file>`: in memory, starting from a copy of a database saved with PGlite's
 *   `dumpDataDir` (tests start from one migrated database: a new one costs seconds of initdb);
 * - `pglite:<directory>`: embedded PostgreSQL stored in that directory (single process only);
 * - `postgres://…` / `postgresql://…`: a PostgreSQL server.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return openPostgres(url);
  }
  if (url.startsWith("pglite:")) {
    const location = url.slice("pglite:".length);
    if (location !== "") return openPGlite(location);
  }
  throw new Error(`DATABASE_URL ${describeUnsupported(url)} is not supported; use ${ACCEPTED_FORMS}.`);
}

async function openPGlite(location: string): Promise<Database> {
  let dataDir: string | undefined;
  let dump: string | undefined;
  if (location.startsWith(`${MEMORY}:`)) dump = resolve(location.slice(MEMORY.length + 1));
  else if (location !== MEMORY) {
    dataDir = resolve(location);
    // PGlite creates its data directory but not the directories above it.
    await mkdir(dirname(dataDir), { recursive: true });
  }
  const thread = await startPGliteThread(dataDir, dump);
  const prisma = new PrismaClient({
    adapter: countedAdapter(thread.adapter, metrics.database),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return {
    prisma,
    kind: "pglite",
    async close() {
      await prisma.$disconnect();
      await thread.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const prisma = new PrismaClient({
    adapter: countedAdapter(new PrismaPg({ connectionString: url }), metrics.database),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  // The pool connects lazily; asking now makes a wrong host or password fail at startup
  // rather than on a farmer's first message.
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    await prisma.$disconnect();
    throw new Error(`Cannot use the PostgreSQL database in DATABASE_URL: ${errorReason(error)}`, { cause: error });
  }
  return {
    prisma,
    kind: "postgres",
    close: () => prisma.$disconnect(),
  };
}

/** Names only the scheme of a rejected URL: the rest may hold a password. */
function describeUnsupported(url: string): string {
  if (url === "") return "(empty)";
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
  return scheme ? `with scheme "${scheme}"` : "of this form";
}
