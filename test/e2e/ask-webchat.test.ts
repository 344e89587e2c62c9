import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, webChatClient, type WebMessage } from "../support/in-process-app.js";

/** The answer itself: after the first useful one the bot also offers announcements in a message of its own. */
const answerOf = (messages: WebMessage[]) =>
  messages.findLast((m) => m.buttons.flat().some((b) => b.data.startsWith("qa:")))!;

describe("cited answers in the web chat (real offline index)", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    await app.stop();
  });

  it.each([
    ["Hợp tác xã cần tối thiểu bao nhiêu thành viên?", "session-ask-diacritics"],
    ["htx can toi thieu bao nhieu thanh vien", "session-ask-plain-text"],
  ])("answers %j shortly, with Luật HTX 2023 as the source", async (question, session) => {
    const chat = webChatClient(app.url, session);
    const reply = await chat.say(question);
    const answer = answerOf(reply.messages!);
    expect(answer.text).toMatch(/\b05?\b/);
    expect(answer.text).toContain("17/2023/QH15");
    expect(answer.text.length).toBeLessThan(1200);
    expect(answer.buttons.flat().some((b) => b.data.startsWith("law:s:"))).toBe(true);
  });

  it("answers a generic question with the overview, not one borrower type's ceiling", async () => {
    const chat = webChatClient(app.url, "session-ask-generic1");
    const answer = answerOf((await chat.say("vay khong the chap duoc bao nhieu")).messages!).text;
    expect(answer).toContain("300 triệu");
    expect(answer).toMatch(/05 tỷ/);
    expect(answer).toContain("55/2015/NĐ-CP");
  });

  it("opens the full section from the answer", async () => {
    const chat = webChatClient(app.url, "session-ask-fullsec");
    const reply = await chat.say("to hop tac co tu cach phap nhan khong");
    const answer = answerOf(reply.messages!);
    const read = answer.buttons.flat().find((b) => b.data.startsWith("law:s:"))!;
    const full = await chat.press(read.data, answer.messageId);
    expect(full.messages!.at(-1)!.text).toMatch(/^📖 /);
    expect(full.messages!.at(-1)!.text).toContain("Nguồn:");
  });

  it("declines an out-of-scope question politely", async () => {
    const chat = webChatClient(app.url, "session-ask-declined");
    const reply = await chat.say("gia lua hom nay bao nhieu");
    expect(reply.messages!.at(-1)!.text).toMatch(/ngoài phạm vi|không tư vấn/);
  });
});
