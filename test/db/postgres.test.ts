import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase } from "../../src/db/index.js";
import { readMigrationFiles } from "../../src/db/migration-files.js";
import { startPostgres, type PostgresServer } from "../support/postgres-server.js";
import { exerciseEveryModel } from "./model-crud.js";
import { PrismaPg } from "@prisma/adapter-pg";
import { countedQueries, EXPECTED_WORK } from "./counted-queries.js";

// A missing server must fail loudly (startPostgres says how to install it); skipping is opt-in.
describe.skipIf(process.env.SKIP_POSTGRES_TESTS === "1")("on a PostgreSQL server", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  it("migrates once when two instances start together, then stores every model", async () => {
    const instances = await Promise.all([openDatabase(server.url), openDatabase(server.url)]);
    try {
      expect(instances.map((db) => db.kind)).toEqual(["postgres", "postgres"]);
      const runs = await Promise.all(instances.map((db) => applyMigrations(db)));
      const names = (await readMigrationFiles()).map((file) => file.name);
      expect(runs.flatMap((run) => run.applied).sort()).toEqual(names);
      expect(await applyMigrations(instances[0]!)).toEqual({ applied: [] });

      await exerciseEveryModel(instances[1]!.prisma);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
  });

  it("counts statements and transactions as on the embedded database: BEGIN and COMMIT belong to the transaction", async () => {
    const { log, answer } = await countedQueries(new PrismaPg({ connectionString: server.url }));
    expect(answer).toEqual([{ one: 1 }]);
    expect(log).toEqual(EXPECTED_WORK);
  });
});
