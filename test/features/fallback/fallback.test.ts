import { describe, expect, it } from "vitest";
import { chatDriver, MAIN_MENU, testBot } from "../../support/test-bot.js";
import { buttonsOf, textOf } from "../lead-services.js";

const CHAT = 61;

describe("fallback", () => {
  it("says a button of a step already answered is old, in a message with the menu (the web chat shows no toast)", async () => {
    const wired = testBot();
    const chat = chatDriver(wired);
    const calls = await chat.press(CHAT, "reg:consent:agree");
    expect(calls.map((c) => c.method)).toContain("answerCallbackQuery");
    expect(textOf(calls)).toContain("Nút này đã cũ");
    expect(buttonsOf(calls)).toEqual(MAIN_MENU);
  });

  it("in the middle of a flow, says the flow's question still waits instead of offering the menu", async () => {
    const chat = chatDriver(testBot());
    await chat.press(CHAT, "menu:register");
    const calls = await chat.press(CHAT, "something:old");
    expect(textOf(calls)).toContain("Nút này đã cũ");
    expect(textOf(calls)).toContain("đang làm dở một việc");
    expect(buttonsOf(calls)).toEqual([]);
  });
});
