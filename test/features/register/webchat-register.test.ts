import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, webChatClient, type WebMessage } from "../../support/in-process-app.js";

/** The bot message that carries a button with this data (the page sends its messageId back). */
function carrying(messages: WebMessage[] | undefined, data: string): number {
  const found = (messages ?? []).filter((m) => m.buttons.flat().some((b) => b.data === data)).at(-1);
  if (!found) throw new Error(`no message with button ${data} in ${JSON.stringify(messages?.map((m) => m.text))}`);
  return found.messageId;
}

const texts = (messages: WebMessage[] | undefined) => (messages ?? []).map((m) => m.text).join("\n");

describe("registration through the web chat JSON API, typed without diacritics", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("saves a lead a farmer typed on a phone without Vietnamese keyboard", async () => {
    const chat = webChatClient(app.url, "session-register-01");
    const start = await chat.say("/start");
    const opened = await chat.press("menu:register", carrying(start.messages, "menu:register"));
    expect(texts(opened.messages)).toContain("Bước 1/9");

    expect(texts((await chat.say("thanh lap htx moi")).messages)).toContain("Bước 2/9");
    expect(texts((await chat.say("tran thi be")).messages)).toContain("Bước 3/9");
    const wrongPhone = texts((await chat.say("0912 345")).messages);
    expect(wrongPhone).not.toContain("Bước 4/9");
    expect(wrongPhone).toMatch(/số điện thoại/i);
    expect(texts((await chat.say("0912 345 678")).messages)).toContain("Bước 4/9");
    const places = await chat.say("vinh loi soc trang");
    expect(carrying(places.messages, "reg:place:31777")).toBeGreaterThan(0);
    expect(places.messages!.at(-1)!.text).toContain("1. Xã Vĩnh Lợi, Thành phố Cần Thơ");
    // Typing the number of the list works like pressing its button.
    expect(texts((await chat.say("1")).messages)).toContain("Bước 5/9");
    expect(texts((await chat.say("trong lua")).messages)).toContain("Bước 6/9");
    expect(texts((await chat.say("muoi hai nguoi")).messages)).toContain("Bước 7/9");
    expect(texts((await chat.say("3 cong")).messages)).toContain("Bước 8/9");
    expect(texts((await chat.say("luc nao cung duoc")).messages)).toContain("Bước 9/9");
    const summary = await chat.say("goi em nha");
    const shown = texts(summary.messages);
    for (const part of [
      "Tran Thi Be",
      "Xã Vĩnh Lợi",
      "Lúa (trong lua)",
      "Số người: 12",
      "0,3 ha",
      "Lúc nào cũng được",
      "goi em nha",
    ])
      expect(shown).toContain(part);

    const consent = await chat.press("reg:summary:submit", carrying(summary.messages, "reg:summary:submit"));
    expect(texts(consent.messages)).toContain("/xoa");
    const saved = texts((await chat.say("dong y")).messages);
    expect(saved).toMatch(/Mã hồ sơ: HTX-[2-9A-Z]{5}/);

    const mine = texts((await chat.say("/dulieu")).messages);
    expect(mine).toContain(/HTX-[2-9A-Z]{5}/.exec(saved)![0]);
    expect(mine).toContain("0912 345 678");
  });

  it("answers a question typed mid-registration and registers a farmer without a phone", async () => {
    const chat = webChatClient(app.url, "session-register-03");
    const start = await chat.say("/start");
    await chat.press("menu:register", carrying(start.messages, "menu:register"));
    expect(texts((await chat.say("thanh lap htx moi")).messages)).toContain("✅ Nhu cầu: Thành lập hợp tác xã mới");
    const offer = await chat.say("lap htx can bao nhieu nguoi?");
    expect(texts(offer.messages)).toContain("Bà con muốn hỏi");
    const answered = texts((await chat.say("u")).messages);
    expect(answered).toMatch(/Điều \d+/);
    expect(answered).toContain("Bước 2/9");
    const phone = await chat.say("hai van nam");
    const none = await chat.press("reg:phone:none", carrying(phone.messages, "reg:phone:none"));
    expect(texts(none.messages)).toContain("hẹn qua UBND xã/phường");
    for (const text of ["vinh loi soc trang", "1", "lua + nuoi tom", "khong biet", "10"]) await chat.say(text);
    // No phone: the commune office arranges the call-back, so no time to call is asked.
    expect(texts((await chat.say("cong")).messages)).toContain("✅ Diện tích: 10 công (khoảng 1 ha)\nBước 8/8");
    const summary = await chat.say("hong co");
    const shown = texts(summary.messages);
    for (const part of [
      "Hai Van Nam",
      "Không có điện thoại: hẹn qua UBND xã/phường",
      "Lúa + Thủy sản (lua + nuoi tom)",
      "Số người: Chưa rõ",
      "1 ha",
      "Lời nhắn: (không có)",
    ])
      expect(shown).toContain(part);
    await chat.press("reg:summary:submit", carrying(summary.messages, "reg:summary:submit"));
    const saved = await chat.say("dong y");
    expect(texts(saved.messages)).toMatch(/Mã hồ sơ: HTX-[2-9A-Z]{5}/);
    expect(saved.messages!.flatMap((m) => m.buttons.flat().map((b) => b.data))).toContain("menu:check");
  });

  it("keeps none of the typed answers in the transcript after a declined consent or /huy", async () => {
    const chat = webChatClient(app.url, "session-register-02");
    const start = await chat.say("/start");
    await chat.press("menu:register", carrying(start.messages, "menu:register"));
    await chat.say("thanh lap htx moi");
    await chat.say("le van tam");
    await chat.say("0912 345 679");
    await chat.say("1");
    expect(texts(await chat.history())).toContain("le van tam");
    await chat.say("/huy");
    let kept = texts(await chat.history());
    expect(kept).not.toContain("le van tam");
    expect(kept).not.toContain("0912 345 679");
    expect(kept).toContain("Đã thôi việc đang làm");

    const again = await chat.say("/start");
    await chat.press("menu:register", carrying(again.messages, "menu:register"));
    for (const text of [
      "thanh lap htx moi",
      "le van tam",
      "0912 345 679",
      "vinh loi soc trang",
      "1",
      "trong lua",
      "6",
      "3 cong",
      "luc nao cung duoc",
    ])
      await chat.say(text);
    const summary = await chat.say("khong");
    const consent = await chat.press("reg:summary:submit", carrying(summary.messages, "reg:summary:submit"));
    expect(texts(consent.messages)).toContain("/xoa");
    expect(texts((await chat.say("khong dong y")).messages)).toContain("không lưu thông tin nào");
    kept = texts(await chat.history());
    expect(kept).not.toContain("le van tam");
    expect(kept).not.toContain("Le Van Tam");
    expect(kept).not.toContain("0912 345 679");
    expect(kept).toContain("không lưu thông tin nào");
  });
});
