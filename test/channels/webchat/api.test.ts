import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, webChatClient } from "../../support/in-process-app.js";

describe("web chat JSON API", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("serves the Vietnamese, mobile-first page", async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain("width=device-width");
    expect((await fetch(`${app.url}/webchat/chat.js`)).headers.get("content-type")).toContain("javascript");
  });

  it("answers /start with the menu and opens a flow with a button", async () => {
    const chat = webChatClient(app.url, "session-start-01");
    const start = await chat.say("/start");
    expect(start.status).toBe(200);
    const menu = start.messages![0]!;
    expect(menu.text).toContain("Trợ lý HTX");
    expect(menu.buttons.flat().map((b) => b.text)).toEqual([
      "📘 Tìm hiểu Luật HTX 2023",
      "✅ Kiểm tra điều kiện vay vốn / hỗ trợ",
      "📝 Đăng ký thành lập / tham gia HTX",
      "❓ Hỏi đáp",
      "👤 Gặp cán bộ",
      "📢 Nhận thông báo",
    ]);
    const flow = await chat.press("menu:officer", menu.messageId);
    expect(flow.messages![0]!.text).toContain("hỏi cán bộ");
    const confirm = await chat.say("HTX can may nguoi?");
    expect(confirm.messages![0]!.text).toContain("HTX can may nguoi?");
    const sent = await chat.press("officer:send", confirm.messages![0]!.messageId);
    expect(sent.messages!.map((m) => m.text).join("\n")).toMatch(/CH-\d{5}/);
    // The pressed message lost its buttons: the edit is part of the reply and of the history.
    expect(
      sent.messages!.some((m) => m.edited && m.messageId === confirm.messages![0]!.messageId && m.buttons.length === 0),
    ).toBe(true);
  });

  it("ticks announcement topics on the list itself: the message is edited, no new one", async () => {
    const chat = webChatClient(app.url, "session-topics-1");
    const status = (await chat.say("/thongbao")).messages![0]!;
    const topics = (await chat.press("sub:start", status.messageId)).messages!.find((m) => !m.edited)!;
    expect(topics.text).toContain("Bà con muốn nhận tin về gì?");
    const ticked = await chat.press("sub:t:training", topics.messageId);
    expect(ticked.messages).toEqual([
      expect.objectContaining({
        messageId: topics.messageId,
        edited: true,
        text: expect.stringContaining("Đang chọn"),
      }),
    ]);
    expect(ticked.messages![0]!.buttons[0]![0]!.text).toBe("✅ 🎓 Lớp tập huấn");
    await chat.press("sub:t:law", topics.messageId);
    const lists = (await chat.history()).filter(
      (m) => m.fromBot && m.buttons.flat().some((b) => b.data === "sub:t:done"),
    );
    expect(lists).toHaveLength(1);
    expect(lists[0]!.text).toBe(
      "Đang chọn: 🎓 Lớp tập huấn, 📜 Luật, chính sách mới. Chọn thêm, bỏ chọn, hoặc bấm «Xong».",
    );
  });

  it("keeps the whole conversation for a reload, in order", async () => {
    const chat = webChatClient(app.url, "session-history-1");
    await chat.say("/start");
    await chat.say("/help");
    const history = await chat.history();
    expect(history.map((m) => [m.fromBot, m.text.slice(0, 6)])).toEqual([
      [false, "/start"],
      [true, "Chào b"],
      [false, "/help"],
      [true, "Cách d"],
    ]);
    expect(await chat.history(history[1]!.seq)).toHaveLength(2);
  });

  it("runs a resent input once and returns the replies it had", async () => {
    const chat = webChatClient(app.url, "session-resend-01");
    const first = await chat.say("/start", "client-1");
    const again = await chat.say("/start", "client-1");
    expect(again.messages!.map((m) => m.text)).toEqual(first.messages!.map((m) => m.text));
    expect((await chat.history()).filter((m) => !m.fromBot)).toHaveLength(1);
  });

  it("answers a resent button press with the replies of the first press, without pressing again", async () => {
    const chat = webChatClient(app.url, "session-resend-02");
    const menu = (await chat.say("/start")).messages![0]!;
    const first = await chat.post({ button: "menu:officer", messageId: menu.messageId, clientId: "press-1" });
    const again = await chat.post({ button: "menu:officer", messageId: menu.messageId, clientId: "press-1" });
    expect(again.status).toBe(200);
    expect(again.messages!.map((m) => m.text)).toEqual(first.messages!.filter((m) => !m.edited).map((m) => m.text));
    expect((await chat.history()).filter((m) => m.fromBot && /hỏi cán bộ/.test(m.text))).toHaveLength(1);
  });

  it("accepts only a button the bot put on that message", async () => {
    const chat = webChatClient(app.url, "session-forged-1");
    const menu = (await chat.say("/start")).messages![0]!;
    const forged = await chat.press("reg:phone:skip", menu.messageId);
    expect(forged.status).toBe(400);
    expect(forged.error).toMatch(/Bà con/);
    expect((await chat.press("menu:ask", menu.messageId)).status).toBe(200);
  });

  it("rejects bad input with a polite Vietnamese message", async () => {
    const chat = webChatClient(app.url, "session-bad-in-1");
    // Each cause its own words, so the farmer knows what to do.
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ text: "" }, /chưa gõ chữ nào/],
      [{ text: "   \u0000 " }, /chưa gõ chữ nào/],
      [{ text: "x".repeat(2001) }, /dài quá 2000 chữ/],
      [{ button: "menu:law" }, /Nút này không còn dùng được/],
      [{ button: "menu:law", messageId: 999 }, /Nút này không còn dùng được/],
      [{ text: "hi", extra: 1 }, /Tin nhắn không hợp lệ/],
    ];
    for (const [body, words] of refusals) {
      const response = await chat.post(body);
      expect(response.status).toBe(400);
      expect(response.error).toMatch(words);
    }
    const raw = (body: string) =>
      fetch(`${app.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const badSession = await raw(JSON.stringify({ session: "a b", text: "hi" }));
    expect(badSession.status).toBe(400);
    expect(((await badSession.json()) as { error: string }).error).toMatch(/Phiên trò chuyện không hợp lệ/);
    const notJson = await raw("{");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/không đọc được tin nhắn/);
  });

  it("refuses ids beyond the integer range, empty and oversized bodies without a 500", async () => {
    const chat = webChatClient(app.url, "session-bad-in-2");
    await chat.say("/start");
    for (const body of [
      { button: "menu:law", messageId: 2 ** 31 },
      { button: "menu:law", messageId: 1e20 },
    ]) {
      const response = await chat.post(body);
      expect(response.status).toBe(400);
      expect(response.error).toMatch(/Bà con/);
    }
    const post = (body: string) =>
      fetch(`${app.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post("")).status).toBe(400);
    const huge = await post(JSON.stringify({ session: "session-bad-in-2", text: "x".repeat(100_000) }));
    expect(huge.status).toBe(413);
    // The next request must not go out on the socket of the refused body (it used to fail, now and then).
    expect(huge.headers.get("connection")).toBe("close");
    expect(((await huge.json()) as { error: string }).error).toContain("dài quá");
    for (const after of ["99999999999", "2147483648", "-1", "1e3", "abc"]) {
      const response = await fetch(`${app.url}/api/chat/history?session=session-bad-in-2&after=${after}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/Không tải được các tin nhắn trước/);
    }
    expect(((await (await fetch(`${app.url}/api/chat/history?session=x`)).json()) as { error: string }).error).toMatch(
      /Phiên trò chuyện/,
    );
    expect((await fetch(`${app.url}/api/chat/history?session=session-bad-in-2&after=2147483647`)).status).toBe(200);
  });

  it("shows a message queued for the chat later (e.g. an officer's reply) in the history", async () => {
    const chat = webChatClient(app.url, "session-outbox-1");
    await chat.say("/start");
    const seq = chat.lastSeq();
    await app.services.outbox.enqueue(
      { channel: "webchat", chatId: String(app.webchat!.chatIdOf("session-outbox-1")) },
      { text: "Cán bộ trả lời: bà con cần 5 thành viên." },
    );
    for (let i = 0; i < 50; i++) {
      const later = await chat.history(seq);
      if (later.length > 0) {
        expect(later[0]).toMatchObject({ fromBot: true, text: "Cán bộ trả lời: bà con cần 5 thành viên." });
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("queued message never reached the web chat history");
  });

  it("erases the web chat transcript with /xoa", async () => {
    const chat = webChatClient(app.url, "session-erase-01");
    await chat.say("Tui ten Nguyen Van Ba, so 0912345678");
    const asked = await chat.say("/xoa");
    const confirm = asked.messages!.at(-1)!;
    await chat.press("mydata:erase", confirm.messageId);
    const left = await chat.history();
    expect(left.map((m) => m.text).join("\n")).not.toContain("0912345678");
    expect(left.every((m) => m.fromBot)).toBe(true);
    // Message ids are never reused, so the page cannot mistake new messages for erased ones.
    expect(Math.min(...left.map((m) => m.messageId))).toBeGreaterThan(confirm.messageId);
  });

  it("keeps sessions apart", async () => {
    const a = webChatClient(app.url, "session-apart-aa");
    const b = webChatClient(app.url, "session-apart-bb");
    await a.say("/start");
    expect(await b.history()).toEqual([]);
  });
});
