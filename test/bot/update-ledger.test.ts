import { describe, expect, it } from "vitest";
import { claimedAhead, memoryUpdateLedger } from "../../src/bot/update-ledger.js";
import { memoryKeyValueStore } from "../../src/bot/key-value-store.js";

describe("a ledger holding claims made ahead", () => {
  it("hands the held claim to the update's begin once, and asks the ledger for anything else", async () => {
    const ledger = memoryUpdateLedger(memoryKeyValueStore());
    const claims = claimedAhead(ledger);
    const request = { channel: "webchat", updateId: "7", exclusive: true, readKeys: [] };
    const held = { kind: "run" as const, attempt: 1, state: new Map([["session:webchat:1", { a: 1 }]]) };
    const seen = await claims.holding(request, held, async () => [
      await claims.ledger.begin("webchat", "7", { exclusive: true }),
      await claims.ledger.begin("webchat", "8", { exclusive: true }),
      await claims.ledger.begin("webchat", "7", { exclusive: true }),
    ]);
    // The second begin of update 7 reached the ledger, which never saw it: a claim of its own.
    expect(seen).toEqual([
      held,
      expect.objectContaining({ kind: "run", attempt: 1 }),
      expect.objectContaining({ kind: "run", attempt: 1 }),
    ]);
    expect(seen[0]).toBe(held);
    await claims.ledger.finish("webchat", "8", []);
    expect(await claims.ledger.state("webchat", "8")).toBe("done");
    // Not held any more once the task ended, even if its begin never came.
    await claims.holding({ ...request, updateId: "9" }, held, async () => undefined);
    expect(await claims.ledger.begin("webchat", "9", { exclusive: true })).not.toBe(held);
  });
});
