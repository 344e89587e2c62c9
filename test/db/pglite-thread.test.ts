import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { startPGliteThread } from "../../src/db/pglite-thread.js";

// One column of every kind of type our schema and raw queries use, arrays included (their parsers
// are the instance's own, added per array type at start), plus an enum array created here.
const EVERY_TYPE = `
  SELECT 1::int2 AS a, 2::int4 AS b, 9007199254740993::int8 AS c, 1.50::numeric AS d, 2.5::float8 AS e,
         true AS f, 'chào'::text AS g, 'x'::varchar(3) AS h, '{"a":[1,"b"]}'::jsonb AS i, '{"a":1}'::json AS j,
         '2026-12-02T07:00:00.123456Z'::timestamptz AS k, '2026-12-02 07:00:00'::timestamp AS l,
         '2026-12-02'::date AS m, '07:30:00'::time AS n, '\\x01ff'::bytea AS o,
         ARRAY['a', NULL, 'c"d']::text[] AS p, ARRAY[1, 2]::int4[] AS q, ARRAY[3]::int8[] AS r,
         ARRAY[1.25]::numeric[] AS s, ARRAY['2026-12-02T07:00:00Z']::timestamptz[] AS t, ARRAY[true, false] AS u,
         ARRAY['{"a":1}']::jsonb[] AS v, NULL::text[] AS w, '00000000-0000-0000-0000-000000000001'::uuid AS x,
         ARRAY['pending', 'done']::parse_check_status[] AS y, 'done'::parse_check_status AS z`;

async function everyType(adapter: SqlDriverAdapter) {
  await adapter.executeScript(`CREATE TYPE parse_check_status AS ENUM ('pending', 'done')`);
  const plain = await adapter.queryRaw({ sql: EVERY_TYPE, args: [], argTypes: [] });
  const tx = await adapter.startTransaction();
  const inTransaction = await tx.queryRaw({ sql: EVERY_TYPE, args: [], argTypes: [] });
  await tx.commit();
  return { plain, inTransaction };
}

describe("the embedded database thread", () => {
  let thread: Awaited<ReturnType<typeof startPGliteThread>>;
  beforeAll(async () => {
    thread = await startPGliteThread(undefined);
  });
  afterAll(() => thread.close());

  it("returns every column type as the Prisma adapter does on PGlite in this thread", { timeout: 60_000 }, async () => {
    const local = new PGlite();
    try {
      const expected = await everyType(await new PrismaPGlite(local).connect());
      const actual = await everyType(await thread.adapter.connect());
      expect(actual.plain).toEqual(expected.plain);
      expect(actual.inTransaction).toEqual(expected.plain);
      // Array elements go through their element type's parser: numbers, not the texts "1" and "2".
      expect(actual.plain.rows[0]).toContainEqual([1, 2]);
    } finally {
      await local.close();
    }
  });
});
