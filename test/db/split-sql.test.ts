import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "../../src/db/split-sql.js";

describe("splitSqlStatements", () => {
  it("splits on semicolons and drops comment-only fragments", () => {
    const script =
      "-- CreateTable\nCREATE TABLE a (x int);\n\n-- CreateIndex\nCREATE INDEX i ON a(x);\n-- trailing note\n";
    expect(splitSqlStatements(script)).toEqual([
      "-- CreateTable\nCREATE TABLE a (x int)",
      "-- CreateIndex\nCREATE INDEX i ON a(x)",
    ]);
  });

  it("keeps semicolons inside quotes, identifiers and comments", () => {
    const script = `INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT "odd;name" FROM t /* x; /* nested; */ y; */; SELECT E'\\'; still';`;
    expect(splitSqlStatements(script)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
      `SELECT "odd;name" FROM t /* x; /* nested; */ y; */`,
      "SELECT E'\\'; still'",
    ]);
  });

  it("keeps dollar-quoted bodies whole", () => {
    const body = "DO $do$ BEGIN PERFORM 1; RAISE NOTICE $$a;b$$; END $do$";
    expect(splitSqlStatements(`${body};\nSELECT $1;`)).toEqual([body, "SELECT $1"]);
  });

  it("returns nothing for an empty or comment-only script", () => {
    expect(splitSqlStatements("  \n-- nothing;\n/* here; */ ;")).toEqual([]);
  });
});
