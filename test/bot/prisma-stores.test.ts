import { describe, expect, it } from "vitest";
import { prismaKeyValueStore, prismaUpdateLedger } from "../../src/bot/prisma-stores.js";
import { deferredWrites } from "../../src/bot/key-value-store.js";
import { useMigratedDatabase } from "../staff/migrated-database.js";

const db = useMigratedDatabase();

describe("update ledger on the database", () => {
  it("marks an update done together with its state writes and deletes", async () => {
    const store = prismaKeyValueStore(db.prisma);
    const ledger = prismaUpdateLedger(db.prisma);
    await store.write("session:webchat:1", { step: "old" });
    await store.write("conversation:webchat:1", { flow: "register" });

    const claim = await ledger.begin("webchat", "7", {
      exclusive: true,
      readKeys: ["session:webchat:1", "conversation:webchat:1", "session:webchat:2"],
    });
    // The chat's state comes with the claim: stored values, and undefined for a key never written.
    expect(claim).toEqual({
      kind: "run",
      attempt: 1,
      state: new Map<string, unknown>([
        ["session:webchat:1", { step: "old" }],
        ["conversation:webchat:1", { flow: "register" }],
        ["session:webchat:2", undefined],
      ]),
    });
    expect(await ledger.state("webchat", "7")).toBe("processing");
    await ledger.finish("webchat", "7", [
      { key: "session:webchat:1", value: { step: "new", text: "it's 'quoted'" } },
      { key: "session:webchat:2", value: { fresh: true } },
      { key: "conversation:webchat:1", value: undefined },
    ]);

    expect(await ledger.state("webchat", "7")).toBe("done");
    expect(await store.read("session:webchat:1")).toEqual({ step: "new", text: "it's 'quoted'" });
    expect(await store.read("session:webchat:2")).toEqual({ fresh: true });
    expect(await store.read("conversation:webchat:1")).toBeUndefined();
    expect(await ledger.begin("webchat", "7", { exclusive: true })).toEqual({ kind: "done" });
  });

  it("writes nothing for an update that was never claimed", async () => {
    const store = prismaKeyValueStore(db.prisma);
    const ledger = prismaUpdateLedger(db.prisma);
    await expect(ledger.finish("webchat", "8", [{ key: "session:webchat:1", value: { lost: true } }])).rejects.toThrow(
      /not claimed/,
    );
    expect(await store.read("session:webchat:1")).toBeUndefined();
    expect(await ledger.state("webchat", "8")).toBeUndefined();
  });

  it("finishes an update without writes", async () => {
    const ledger = prismaUpdateLedger(db.prisma);
    await ledger.begin("telegram", "9", { exclusive: false });
    await ledger.finish("telegram", "9", []);
    expect(await ledger.state("telegram", "9")).toBe("done");
  });
});

describe("state read ahead and held writes", () => {
  it("hands out each value read ahead once and skips writing back unchanged values", async () => {
    const store = prismaKeyValueStore(db.prisma);
    await store.write("session:webchat:1", { lastQuestion: "a" });
    await store.write("session:webchat:3", { lastQuestion: "c" });
    const state = deferredWrites(store);

    const readAhead = new Map<string, unknown>([
      ["session:webchat:1", await store.read("session:webchat:1")],
      ["conversation:webchat:1", undefined],
    ]);
    const writes = await state.collect(async () => {
      // Changed by another update meanwhile: the value read ahead is what this update sees once...
      await store.write("session:webchat:1", { lastQuestion: "changed" });
      expect(await state.store.read("session:webchat:1")).toEqual({ lastQuestion: "a" });
      expect(await state.store.read("conversation:webchat:1")).toBeUndefined();
      // ...and a second read asks the store again.
      expect(await state.store.read("session:webchat:1")).toEqual({ lastQuestion: "changed" });

      await state.store.write("session:webchat:1", { lastQuestion: "changed" });
      await state.store.delete("conversation:webchat:1");
      expect(await state.store.read("session:webchat:3")).toEqual({ lastQuestion: "c" });
      await state.store.write("session:webchat:3", { lastQuestion: "c2" });
      // Back to what is stored, after a change within the update: still written.
      await state.store.write("session:webchat:3", { lastQuestion: "c" });
    }, readAhead);

    expect(writes).toEqual([{ key: "session:webchat:3", value: { lastQuestion: "c" } }]);
  });
});
