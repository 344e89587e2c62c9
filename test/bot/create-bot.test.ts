import { describe, expect, it } from "vitest";
import { buttonUpdate, stickerUpdate, textUpdate } from "../support/recording-fetch.js";
import { buttonData, MAIN_MENU, sentTexts, testBot } from "../support/test-bot.js";
import { memoryKeyValueStore } from "../../src/bot/key-value-store.js";

const CHAT = 42;

describe("createBot", () => {
  it("answers /start with a greeting and the six menu buttons", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "/start"));
    const calls = api.take();
    expect(sentTexts(calls)[0]).toContain("Trợ lý HTX");
    expect(buttonData(calls.find((c) => c.method === "sendMessage"))).toEqual(MAIN_MENU);
  });

  it("greets a returning farmer differently", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(1, CHAT, "/start"));
    api.take();
    await bot.handleUpdate(textUpdate(2, CHAT, "/start"));
    expect(sentTexts(api.take())[0]).toContain("quay lại");
  });

  it("runs the Gặp cán bộ flow with a sticker, a rewrite and a send", async () => {
    const { bot, api, questions } = testBot();
    await bot.handleUpdate(buttonUpdate(1, CHAT, "menu:officer"));
    expect(sentTexts(api.take())[0]).toContain("hỏi cán bộ");

    await bot.handleUpdate(stickerUpdate(2, CHAT));
    expect(sentTexts(api.take())[0]).toContain("nhắn bằng chữ");

    await bot.handleUpdate(textUpdate(3, CHAT, "HTX cua tui muon vay von"));
    const confirm = api.take();
    expect(sentTexts(confirm)[0]).toContain("HTX cua tui muon vay von");
    expect(buttonData(confirm.find((c) => c.method === "sendMessage"))).toEqual([
      "officer:send",
      "officer:rewrite",
      "officer:cancel",
    ]);

    await bot.handleUpdate(textUpdate(4, CHAT, "gõ chữ thay vì bấm nút"));
    expect(sentTexts(api.take())[0]).toContain("bấm một nút");

    await bot.handleUpdate(buttonUpdate(5, CHAT, "officer:rewrite"));
    expect(sentTexts(api.take())[0]).toContain("nhắn lại");
    await bot.handleUpdate(textUpdate(6, CHAT, "Xin cán bộ gọi lại giúp"));
    api.take();
    await bot.handleUpdate(buttonUpdate(7, CHAT, "officer:send"));
    expect(sentTexts(api.take())[0]).toMatch(/CH-00001/);
    expect(questions.all()).toMatchObject([
      { text: "Xin cán bộ gọi lại giúp", origin: "contact", chatId: String(CHAT), channel: "telegram" },
    ]);
  });

  it("lets /help and /huy work in the middle of a flow", async () => {
    const { bot, api, questions } = testBot();
    await bot.handleUpdate(buttonUpdate(1, CHAT, "menu:officer"));
    await bot.handleUpdate(textUpdate(2, CHAT, "/help"));
    const help = sentTexts(api.take());
    expect(help.some((t) => t.includes("/huy"))).toBe(true);
    expect(help.at(-1)).toContain("làm dở");

    await bot.handleUpdate(textUpdate(3, CHAT, "/huy"));
    expect(sentTexts(api.take())[0]).toContain("Đã thôi");
    // After cancelling, free text is a question again, not an answer to the flow.
    await bot.handleUpdate(textUpdate(4, CHAT, "htx can may nguoi"));
    expect(questions.all()).toHaveLength(0);
  });

  it("continues a flow after a restart with the same store", async () => {
    const store = memoryKeyValueStore();
    const first = testBot(store);
    await first.bot.handleUpdate(buttonUpdate(1, CHAT, "menu:officer"));
    const second = testBot(store);
    await second.bot.handleUpdate(textUpdate(2, CHAT, "Câu hỏi sau khi khởi động lại"));
    expect(sentTexts(second.api.take())[0]).toContain("Câu hỏi sau khi khởi động lại");
  });

  it("processes a duplicate update once", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(textUpdate(9, CHAT, "/start"));
    await bot.handleUpdate(textUpdate(9, CHAT, "/start"));
    expect(sentTexts(api.take())).toHaveLength(1);
  });

  it("answers media outside a flow politely and old buttons without error", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(stickerUpdate(1, CHAT));
    expect(sentTexts(api.take())[0]).toContain("chữ và nút bấm");
    await bot.handleUpdate(buttonUpdate(2, CHAT, "something:old"));
    // The press is answered and the old button said to be old in a message (see the fallback feature).
    const calls = api.take();
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(sentTexts(calls)[0]).toContain("Nút này đã cũ");
  });

  it("apologises instead of crashing when a service fails", async () => {
    const { bot, api, questions } = testBot();
    questions.submit = async () => {
      throw new Error("database down");
    };
    await bot.handleUpdate(buttonUpdate(1, CHAT, "menu:officer"));
    await bot.handleUpdate(textUpdate(2, CHAT, "hỏi"));
    api.take();
    await bot.handleUpdate(buttonUpdate(3, CHAT, "officer:send"));
    expect(sentTexts(api.take()).at(-1)).toContain("trục trặc");
  });
});
