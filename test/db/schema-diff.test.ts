import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR } from "../../src/db/migration-files.js";
import { DEFAULT_SCHEMA_PATH, diffSchemaAgainstMigrations } from "../../scripts/db/schema-diff.js";

describe("diffSchemaAgainstMigrations", () => {
  it("finds nothing missing: the checked-in migrations produce exactly prisma/schema.prisma", async () => {
    // If this fails, schema.prisma changed without a migration: run `npm run db:migration -- <name>`.
    expect(await diffSchemaAgainstMigrations()).toBeNull();
  });

  describe("on a copy of the project", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "schema-diff-"));
      await cp(DEFAULT_MIGRATIONS_DIR, join(dir, "migrations"), { recursive: true });
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("returns the SQL for a model added to the schema", async () => {
      const schemaPath = join(dir, "schema.prisma");
      const schema = await readFile(DEFAULT_SCHEMA_PATH, "utf8");
      await writeFile(schemaPath, `${schema}\nmodel SchemaDiffProbe {\n  id Int @id\n  note String\n}\n`);

      const sql = await diffSchemaAgainstMigrations({ schemaPath, migrationsDir: join(dir, "migrations") });

      expect(sql).toContain('CREATE TABLE "SchemaDiffProbe"');
      expect(sql).not.toContain("chat_session");
    });

    it("reports a migration that does not apply on the shadow database", async () => {
      const broken = join(dir, "migrations", "99990101000000_broken");
      await mkdir(broken);
      await writeFile(join(broken, "migration.sql"), "ALTER TABLE no_such_table ADD COLUMN x INT;");

      await expect(diffSchemaAgainstMigrations({ migrationsDir: join(dir, "migrations") })).rejects.toThrow(
        /99990101000000_broken[\s\S]*no_such_table/,
      );
    });
  });
});
