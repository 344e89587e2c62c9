import { describe, expect, it } from "vitest";
import { memoryKeyValueStore } from "../../src/bot/key-value-store.js";
import { useMigratedDatabase } from "../staff/migrated-database.js";
import { buttonsOf, chattingBot, textOf } from "../features/lead-services.js";

const CHAT = 51;
const KEY = `conversation:telegram:${CHAT}`;
const db = useMigratedDatabase();

describe("a flow saved by an older version of the flows", () => {
  it("is dropped with an apology and the menu instead of being replayed into the wrong step", async () => {
    const store = memoryKeyValueStore();
    const chat = chattingBot(db.prisma, store);
    await chat.press(CHAT, "menu:register");
    await chat.press(CHAT, "reg:purpose:found_htx");
    const saved = (await store.read(KEY)) as { version: [number, number]; state: unknown };
    expect(saved.version).toHaveLength(2);
    // The same registration as stored before the deploy that changed its steps.
    await store.write(KEY, { ...saved, version: [saved.version[0], saved.version[1] - 1] });

    const reply = await chat.say(CHAT, "nguyễn văn an");
    expect(textOf(reply)).toContain("trợ lý vừa được cập nhật");
    expect(buttonsOf(reply)).toContain("menu:register");
    expect(await store.read(KEY)).toBeUndefined();

    const again = await chat.press(CHAT, "menu:register");
    expect(textOf(again)).toContain("Bước 1/9");
  });

  it("of the current version goes on where it was", async () => {
    const store = memoryKeyValueStore();
    const chat = chattingBot(db.prisma, store);
    await chat.press(CHAT, "menu:register");
    await chat.press(CHAT, "reg:purpose:found_htx");
    const reply = await chat.say(CHAT, "nguyễn văn an");
    expect(textOf(reply)).not.toContain("cập nhật");
    expect(textOf(reply)).toContain("Bước 3/9");
  });
});
