import { describe, expect, it } from "vitest";
import { buttonUpdate, textUpdate } from "../../support/recording-fetch.js";
import { buttonData, sentTexts, testBot } from "../../support/test-bot.js";

const CHAT = 7;

describe("a typed request to an officer that says what about", () => {
  it("keeps the farmer's words as the question, shows it with «Gửi cho cán bộ», and sends it", async () => {
    for (const typed of [
      "tui muon hoi can bo ve chuyen vay von lam chuong bo",
      "Cho tui gặp cán bộ, hỏi chuyện đất ruộng khi vô HTX",
      "em xin noi chuyen voi can bo xa de hoi thu tuc lap to hop tac",
    ]) {
      const { bot, api, knowledge, questions } = testBot();
      await bot.handleUpdate(textUpdate(1, CHAT, typed));
      const shown = api.take();
      expect(sentTexts(shown).join("\n"), typed).toContain(`«${typed}»\nGửi cho cán bộ nha?`);
      expect(buttonData(shown.find((c) => c.method === "sendMessage"))[0], typed).toBe("officer:send");
      expect(knowledge.asked, typed).toEqual([]);
      await bot.handleUpdate(buttonUpdate(2, CHAT, "officer:send"));
      expect(sentTexts(api.take())[0], typed).toContain("Đã gửi câu hỏi cho cán bộ");
      expect(questions.all(), typed).toMatchObject([{ text: typed, origin: "contact" }]);
    }
  });

  it("asks what about when the request says nothing more, and leaves questions about officers to the bot", async () => {
    const bare = testBot();
    await bare.bot.handleUpdate(textUpdate(1, CHAT, "tui muon gap can bo nha"));
    expect(sentTexts(bare.api.take())[0]).toContain("Bà con muốn hỏi cán bộ điều gì?");

    for (const question of ["hoi can bo ve vay von duoc khong", "can bo xa noi tui phai gop 10 trieu, dung hong"]) {
      const asked = testBot();
      await asked.bot.handleUpdate(textUpdate(1, CHAT, question));
      expect(asked.knowledge.asked, question).toEqual([question]);
    }
  });
});
