import { describe, expect, it } from "vitest";
import { startAppProcess, tempDataDir } from "./support/app-process.js";

describe("src/main.ts", () => {
  it("a SIGTERM while the app is still starting lets the start finish, then shuts down cleanly", async () => {
    const app = startAppProcess({ DATA_DIR: tempDataDir() });
    try {
      // Migrations are done; the knowledge index and the channels are still to come (seconds).
      await app.waitForOutput(/database migrated/);
      expect(app.output()).not.toMatch(/listening on/);
      // Exit code null would mean the signal killed it outright, updates in flight and all.
      expect(await app.stop()).toBe(0);
      expect(app.output()).toMatch(/shutting down/);
    } finally {
      await app.kill();
    }
  }, 240_000);
});
