import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["test/support/build-app.ts", "test/support/run-fixtures.ts"],
    // Vitest's default on 2 cores is one file at a time; most files wait on child processes,
    // HTTP and timers, so two at a time nearly halves the suite without starving either.
    maxWorkers: 2,
  },
});
