import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPGliteThread } from "../../src/db/pglite-thread.js";
import { countedQueries, EXPECTED_WORK } from "./counted-queries.js";

describe("a counted driver adapter on the embedded database", () => {
  let thread: Awaited<ReturnType<typeof startPGliteThread>>;
  beforeAll(async () => {
    thread = await startPGliteThread(undefined);
  });
  afterAll(() => thread.close());

  it("reports each statement and each transaction, and still answers", async () => {
    const { log, answer } = await countedQueries(thread.adapter);
    expect(answer).toEqual([{ one: 1 }]);
    expect(log).toEqual(EXPECTED_WORK);
  });
});
