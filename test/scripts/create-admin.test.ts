import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "create-admin-"));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("npm run admin:create", () => {
  it("refuses clearly, and writes nothing, while the app holds the embedded database", async () => {
    // This test process plays the running app: its pid is in the lock file, and it is alive.
    await writeFile(join(dataDir, "app.pid"), String(process.pid));
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      ADMIN_PASSWORD: "mat khau that dai",
      LOG_LEVEL: "silent",
    };
    const failed = await run("npx", ["tsx", "scripts/create-admin.ts", "quantri"], { env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`Trợ lý đang chạy (tiến trình ${process.pid})`);
    expect(existsSync(join(dataDir, "db"))).toBe(false);
  });
});
