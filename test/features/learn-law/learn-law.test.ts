import { describe, expect, it } from "vitest";
import { buttonUpdate } from "../../support/recording-fetch.js";
import { buttonData, sentTexts, testBot } from "../../support/test-bot.js";

const CHAT = 78;

describe("learn-law feature", () => {
  it("browses topics, a topic's questions, a section in full and the next one", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(buttonUpdate(1, CHAT, "menu:law"));
    let calls = api.take();
    expect(buttonData(calls.find((c) => c.method === "sendMessage"))).toEqual(["law:t:khai-niem:0"]);

    await bot.handleUpdate(buttonUpdate(2, CHAT, "law:t:khai-niem:0"));
    calls = api.take();
    expect(sentTexts(calls)[0]).toContain("Khái niệm");
    expect(buttonData(calls.find((c) => c.method === "sendMessage"))).toEqual([
      "law:s:luat-htx-khai-niem-a1",
      "law:s:luat-htx-khai-niem-b2",
      "law:topics",
    ]);

    await bot.handleUpdate(buttonUpdate(3, CHAT, "law:s:luat-htx-khai-niem-a1"));
    calls = api.take();
    const text = sentTexts(calls)[0]!;
    expect(text).toContain("Hợp tác xã cần mấy người?");
    expect(text).toContain("Nguồn: Điều 4");
    expect(buttonData(calls.find((c) => c.method === "sendMessage"))).toEqual([
      "law:s:luat-htx-khai-niem-b2",
      "law:t:khai-niem:0",
      "menu:officer",
    ]);
  });

  it("explains politely when a section no longer exists", async () => {
    const { bot, api } = testBot();
    await bot.handleUpdate(buttonUpdate(1, CHAT, "law:s:gone-123"));
    expect(sentTexts(api.take())[0]).toContain("không còn");
  });
});
