import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeZaloBot, zaloUpdate, type FakeZaloBot } from "../../support/fake-zalo-bot-server.js";
import { startTestApp } from "../../support/in-process-app.js";
import { prismaChannelChats } from "../../../src/channels/channel-chats.js";
import { staffAccount } from "../../support/staff-accounts.js";

const TOKEN = "8123:fake-zalo-bot-secret";

/** A farmer on Zalo: types a message, waits for the bot's message matching `expected`, returns the reply texts. */
function zaloFarmer(zalo: FakeZaloBot, userId: string) {
  let n = 0;
  return async (text: string, expected: RegExp): Promise<string> => {
    const before = zalo.calls.length;
    zalo.push(zaloUpdate({ messageId: `${userId}-${++n}`, userId, text }));
    await zalo.waitFor(
      (c) => c.method === "sendMessage" && c.payload.chat_id === userId && expected.test(String(c.payload.text)),
      30_000,
      before,
    );
    return zalo.textsTo(userId, before).join("\n---\n");
  };
}

/** The key a listed choice has in the text ("3. 📝 Đăng ký …" → "3"). */
function keyOf(text: string, label: string): string {
  const line = text.split("\n").find((l) => /^[0-9a-z]+\. /.test(l) && l.includes(label));
  if (!line) throw new Error(`no listed choice "${label}" in:\n${text}`);
  return line.slice(0, line.indexOf("."));
}

describe("Zalo Bot Platform channel (app in-process, fake Zalo over HTTP)", () => {
  let zalo: FakeZaloBot;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    zalo = await startFakeZaloBot(TOKEN);
    app = await startTestApp({ ZALO_BOT_TOKEN: TOKEN, ZALO_API_ROOT: zalo.apiRoot, ZALO_POLL_TIMEOUT: "1" });
  }, 180_000); // starting the app builds the retrieval index: slow on a loaded machine
  afterAll(async () => {
    await app.stop();
    await zalo.close();
  });

  it("shows the menu as a numbered list and runs the eligibility check and a registration on typed numbers and words", async () => {
    const say = zaloFarmer(zalo, "zalo-user-1");
    const menu = await say("xin chao", /trả lời số/);
    expect(menu).toContain("1. 📘 Tìm hiểu Luật HTX 2023\n2. ✅ Kiểm tra điều kiện vay vốn / hỗ trợ");
    expect(menu).toContain("Bà con trả lời số 1, 2, 3, 4, 5 hoặc 6");

    expect(await say("2", /Câu 1\//)).toContain("4. Tất cả");
    expect(await say("vay von", /Câu 2\//)).toContain("5. Hợp tác xã");
    // A number question: choices are lettered, and "12" is the member count.
    const members = await say("5", /Câu 3\//);
    expect(members).toMatch(/a\. Không biết/);
    expect(members).toContain("gõ chữ a hoặc b");
    expect(await say("12", /Câu 4\//)).toContain("1. Có");
    await say("co", /Câu 5\//);
    await say("hong", /Câu 6\//);
    await say("k", /Câu 7\//);
    await say("dạ", /Câu 8\//);
    await say("ừ", /Câu 9\//);
    // Câu 10: bad debt, which the bank loan's result depends on too.
    await say("ko", /Câu 10\//);
    const results = await say("khong", /Đăng ký để cán bộ liên hệ/);
    expect(results).toContain("Kết quả");
    expect(results).toContain("✅ Phù hợp");

    // The results' choices are numbered on across both messages; a unique prefix picks one.
    const step1 = await say("dang ky", /Bước 1\/9/);
    expect(step1).toContain("1. Thành lập hợp tác xã mới");
    await say("1", /Bước 2\/9/);
    // Typed digits are the phone number: the step's choices are lettered.
    expect(await say("tran van tu", /Bước 3\/9/)).toContain(
      "a. 📱 Dùng số người thân\nb. ☎️ Không có điện thoại, hẹn qua UBND xã/phường\nc. ⬅️ Quay lại",
    );
    await say("0912 345 678", /Bước 4\/9/);
    const places = await say("vinh loi soc trang", /Xã Vĩnh Lợi/);
    await say(keyOf(places, "Xã Vĩnh Lợi, Thành phố Cần Thơ"), /Bước 5\/9/);
    await say("trong lua", /Bước 6\/9/);
    // The check's member count is offered as a choice, lettered: typed "2" is two members, not option 2.
    const memberStep = await say("muoi hai", /Bước 7\/9/);
    expect(memberStep).not.toContain("Số người: 2");
    await say("3 cong", /Bước 8\/9/);
    await say("luc nao cung duoc", /Bước 9\/9/);
    const summary = await say("goi buoi sang", /Gửi đăng ký/);
    expect(summary).toContain("Số người: 12");
    const consent = await say(keyOf(summary, "Gửi đăng ký"), /\/xoa/);
    expect(consent).toContain("1. ✅ Tôi đồng ý");
    const saved = await say("dong y", /HTX-[2-9A-Z]{5}/);
    expect(saved).toMatch(/Mã hồ sơ: HTX-[2-9A-Z]{5}/);
  }, 240_000);

  it("takes '2' as the quantity where numbers are answers, and 'b' as the option", async () => {
    const say = zaloFarmer(zalo, "zalo-user-2");
    await say("menu", /trả lời số/);
    await say("dang ky", /Bước 1\/9/);
    await say("2", /Bước 2\/9/);
    await say("le thi hai", /Bước 3\/9/);
    await say("0913 222 333", /Bước 4\/9/);
    const places = await say("phuong 5 soc trang", /Phường 5|Phường|nhập lại/i);
    await say(keyOf(places, "Phường"), /Bước 5\/9/);
    await say("nuoi tom", /Bước 6\/9/);
    const twoMembers = await say("2", /Bước 7\/9/);
    expect(twoMembers).toContain("Bước 7/9");
    // "b" on the land-area step is its second listed choice: Bỏ qua ... or Quay lại.
    const landArea = zalo.textsTo("zalo-user-2").at(-1)!;
    expect(landArea).toMatch(/^a\. /m);
    const back = await say(keyOf(landArea, "Quay lại"), /Bước 6\/9/);
    expect(back).toContain("Bước 6/9");
  }, 180_000);

  it("ticks announcement topics with a short confirmation, not a new list, and reads a typed address", async () => {
    const say = zaloFarmer(zalo, "zalo-user-4");
    const status = await say("/thongbao", /chưa đăng ký nhận thông báo/);
    const topics = await say(keyOf(status, "Đăng ký nhận thông báo"), /Bà con muốn nhận tin về gì/);
    const ticked = await say(keyOf(topics, "Lớp tập huấn"), /Đang chọn/);
    expect(ticked).toBe(
      "✅ Đang chọn: 🎓 Lớp tập huấn. Gõ số của chủ đề khác để chọn thêm hoặc bỏ chọn; xong thì gõ «xong».",
    );
    // The list sent first still answers: its keys keep working after the confirmation.
    expect(await say(keyOf(topics, "Hội chợ"), /Đang chọn/)).toContain("🎓 Lớp tập huấn, 🛒 Hội chợ");
    const place = await say("xong", /xã\/phường nào/);
    const unknown = await say("hem biet nua", /chưa nhận ra tên xã/);
    expect(unknown).toContain(`${keyOf(place, "Bỏ qua")}. Bỏ qua, không chọn xã`);
    const consent = await say("ap 3 ke sach", /Đồng ý nhận thông báo/);
    const saved = await say(keyOf(consent, "Đồng ý"), /Đã đăng ký nhận thông báo/);
    expect(saved).toContain("🎓 Lớp tập huấn, 🛒 Hội chợ, tiêu thụ nông sản, ở Xã Kế Sách, Thành phố Cần Thơ");
  }, 120_000);

  it("delivers an officer's reply to the Zalo farmer, and a 3,000-character message in parts under 2,000", async () => {
    const say = zaloFarmer(zalo, "zalo-user-3");
    await say("menu", /trả lời số/);
    await say("gap can bo", /cán bộ/);
    const confirm = await say("Cho hoi thu tuc vay von HTX", /Gửi cho cán bộ/);
    await say(keyOf(confirm, "Gửi cho cán bộ"), /CH-\d{5}/);
    const question = (await app.services.questions.open(10)).questions.find(
      (q) => q.text === "Cho hoi thu tuc vay von HTX",
    )!;
    const officer = await staffAccount(app.prisma, { username: "canbo.zalo" });
    const sentence =
      "Bà con mang theo căn cước, giấy chứng nhận đăng ký HTX và phương án sản xuất đến ngân hàng để được hướng dẫn. ";
    // Numbered sentences, so each part of the text is found in one place only.
    const long = (length: number) =>
      Array.from({ length: Math.ceil(length / sentence.length) }, (_, i) => `${i + 1}. ${sentence}`)
        .join("")
        .trim();

    let before = zalo.calls.length;
    const answer = long(1500);
    expect(
      (await app.services.questions.answer({ id: question.id, answer, officerId: officer.id, at: new Date() })).ok,
    ).toBe(true);
    await zalo.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        c.payload.chat_id === "zalo-user-3" &&
        String(c.payload.text).includes(answer.slice(-sentence.length - 4)),
      30_000,
      before,
    );
    expect(zalo.textsTo("zalo-user-3", before).join("\n")).toContain("CH-");

    // Announcements go out the same way (the outbox and the Zalo sender): 3,000 characters in two parts.
    before = zalo.calls.length;
    const announcement = long(3000);
    expect(announcement.length).toBeGreaterThanOrEqual(3000);
    const chatId = String(await prismaChannelChats(app.prisma, "zalo").chatIdFor("zalo-user-3"));
    await app.services.outbox.enqueue({ channel: "zalo", chatId }, { text: announcement });
    await zalo.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        c.payload.chat_id === "zalo-user-3" &&
        String(c.payload.text).endsWith(announcement.slice(-sentence.length - 4)),
      30_000,
      before,
    );
    const parts = zalo.textsTo("zalo-user-3", before);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    // Cut between sentences, and nothing lost.
    expect(parts[0]).toMatch(/\.$/);
    expect(parts.join(" ")).toBe(announcement);
  }, 180_000);
});
