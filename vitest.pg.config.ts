import { defineConfig } from "vitest/config";

/**
 * The reliability suite against a real PostgreSQL server (`npm run test:pg`): several app processes,
 * fake Bot API deliveries, crashes and outages. Separate from `npm test`, which needs no server.
 * Files run one after another: each starts its own server and instances.
 */
export default defineConfig({
  test: {
    include: ["test-pg/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["test/support/build-app.ts", "test/support/run-fixtures.ts"],
    fileParallelism: false,
  },
});
