import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Limits that catch a hang, not a slow machine: a loaded 2-core CI machine takes a minute or more
    // to start an app in a hook (a 60 s limit failed several files in a run at load 20).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["test/support/build-app.ts", "test/support/run-fixtures.ts"],
    // Vitest's default on 2 cores is one file at a time; most files wait on child processes,
    // HTTP and timers, so two at a time nearly halves the suite without starving either.
    maxWorkers: 2,
  },
});
