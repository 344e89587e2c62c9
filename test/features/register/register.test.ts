import { describe, expect, it } from "vitest";
import { currentConsent } from "../../../src/leads/consent.js";
import { translator } from "../../../src/i18n/translate.js";
import { memoryKeyValueStore } from "../../../src/bot/key-value-store.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { buttonsOf, chattingBot, textOf } from "../lead-services.js";

const CHAT = 42;
const db = useMigratedDatabase();

type Chat = ReturnType<typeof chattingBot>;

/** Answers every question with buttons where there are some, up to the summary. */
async function fillIn(chat: Chat, answers: { phone?: string; members?: string; chatId?: number } = {}) {
  const id = answers.chatId ?? CHAT;
  await chat.press(id, "menu:register");
  await chat.press(id, "reg:purpose:found_htx");
  await chat.say(id, "nguyễn văn an");
  await chat.say(id, answers.phone ?? "0912 345 678");
  await chat.say(id, "Vĩnh Lợi");
  await chat.press(id, "reg:place:31777");
  await chat.press(id, "reg:sector:lua");
  await chat.say(id, answers.members ?? "6");
  await chat.say(id, "2 công");
  await chat.press(id, "reg:callTime:morning");
  return chat.press(id, "reg:note:skip");
}

describe("Đăng ký thành lập / tham gia HTX", () => {
  it("walks the nine steps with a wrong phone, a place without diacritics, a sticker, back, an edit and consent", async () => {
    const chat = chattingBot(db.prisma);
    const opened = await chat.press(CHAT, "menu:register");
    expect(textOf(opened)).toContain("Bước 1/9");
    expect(buttonsOf(opened)).toEqual([
      "reg:purpose:found_htx",
      "reg:purpose:join_htx",
      "reg:purpose:found_tht",
      "reg:purpose:found_union",
    ]);

    expect(textOf(await chat.press(CHAT, "reg:purpose:found_htx"))).toContain("Bước 2/9");
    const named = await chat.say(CHAT, "nguyen van an");
    expect(textOf(named)).toContain("Bước 3/9");
    expect(buttonsOf(named)).toEqual(["reg:phone:relative", "reg:phone:none", "reg:phone:back"]);

    expect(textOf(await chat.say(CHAT, "09123"))).toContain("Số điện thoại hơi ngắn");
    expect(textOf(await chat.say(CHAT, "sdt 0912.345.678 nha"))).toContain("Bước 4/9");

    const guessed = await chat.say(CHAT, "vinh loi soc trang");
    expect(textOf(guessed)).toContain("Xã Vĩnh Lợi, Thành phố Cần Thơ");
    expect(buttonsOf(guessed)).toContain("reg:place:31777");
    expect(buttonsOf(guessed).slice(-2)).toEqual(["reg:place:retype", "reg:place:back"]);
    expect(textOf(await chat.press(CHAT, "reg:place:retype"))).toContain("nhắn lại tên xã");
    expect(textOf(await chat.say(CHAT, "qwzxv"))).toContain("chưa tìm thấy");
    await chat.say(CHAT, "vinh loi soc trang");
    const sector = await chat.press(CHAT, "reg:place:31777");
    expect(textOf(sector)).toContain("Bước 5/9");
    expect(buttonsOf(sector)).toEqual(
      expect.arrayContaining([
        "reg:sector:lua",
        "reg:sector:trai_cay",
        "reg:sector:thuy_san",
        "reg:sector:hanh_tim",
        "reg:sector:chan_nuoi",
        "reg:sector:back",
      ]),
    );

    // Back to the place, and forward again.
    expect(textOf(await chat.press(CHAT, "reg:sector:back"))).toContain("Bước 4/9");
    await chat.say(CHAT, "Vĩnh Lợi");
    await chat.press(CHAT, "reg:place:31777");
    expect(textOf(await chat.say(CHAT, "nuoi tom cang xanh"))).toContain("Bước 6/9");

    expect(textOf(await chat.sticker(CHAT))).toContain("nhắn bằng chữ");
    expect(textOf(await chat.say(CHAT, "nhieu lam"))).toContain("ghi số người bằng số");
    expect(textOf(await chat.say(CHAT, "bay nguoi"))).toContain("Bước 7/9");
    const time = await chat.say(CHAT, "nua hecta");
    expect(textOf(time)).toContain("Bước 8/9");
    expect(buttonsOf(time)).toContain("reg:callTime:any");
    const note = await chat.say(CHAT, "buoi chieu");
    expect(buttonsOf(note)).toEqual(["reg:note:skip", "reg:note:back"]);
    const summary = await chat.say(CHAT, "Xin goi sau 5 gio");

    const text = textOf(summary);
    for (const shown of [
      "Nguyen Van An",
      "0912 345 678",
      "Xã Vĩnh Lợi, Thành phố Cần Thơ",
      "Thủy sản (nuoi tom cang xanh)",
      "Số người: 7",
      "0,5 ha",
      "Buổi chiều",
      "Xin goi sau 5 gio",
    ]) {
      expect(text).toContain(shown);
    }
    expect(buttonsOf(summary)).toEqual(
      expect.arrayContaining(["reg:summary:members", "reg:summary:phone", "reg:summary:submit", "reg:summary:cancel"]),
    );
    expect(await db.prisma.lead.count()).toBe(0);

    // Sửa: the number of members.
    expect(textOf(await chat.press(CHAT, "reg:summary:members"))).toContain("✏️ Số người");
    const edited = await chat.say(CHAT, "9");
    expect(textOf(edited)).toContain("Số người: 9");

    const consent = await chat.press(CHAT, "reg:summary:submit");
    expect(textOf(consent)).toContain("/dulieu");
    expect(textOf(consent)).toContain("/xoa");
    expect(buttonsOf(consent)).toEqual(["reg:consent:agree", "reg:consent:decline"]);
    expect(await db.prisma.lead.count()).toBe(0);
    // Unclear is not consent.
    expect(textOf(await chat.say(CHAT, "de xem da"))).toContain("Tôi đồng ý");

    const done = textOf(await chat.press(CHAT, "reg:consent:agree"));
    const reference = /HTX-[2-9A-Z]{5}/.exec(done)?.[0];
    expect(reference).toBeDefined();
    const expected = currentConsent(translator()("reg-data-controller"));
    expect(await db.prisma.lead.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      fullName: "Nguyen Van An",
      phone: "+84912345678",
      communeCode: "31777",
      sector: "thuy_san",
      members: 9,
      landAreaHa: 0.5,
      callTime: "afternoon",
      note: "Xin goi sau 5 gio",
      channel: "telegram",
      chatId: String(CHAT),
      consentVersion: expected.version,
      consentHash: expected.hash,
    });
    // The finished flow leaves no answers behind in the conversation state.
    expect(await chat.store.read(`conversation:telegram:${CHAT}`)).toBeUndefined();
  });

  it("stores nothing without consent and offers an anonymous question instead", async () => {
    const chat = chattingBot(db.prisma);
    await fillIn(chat);
    await chat.press(CHAT, "reg:summary:submit");
    const declined = await chat.press(CHAT, "reg:consent:decline");
    expect(textOf(declined)).toContain("không lưu");
    expect(buttonsOf(declined)).toEqual(["menu:officer"]);
    expect(await db.prisma.lead.count()).toBe(0);
    expect(await db.prisma.leadEvent.count()).toBe(0);
    expect(chat.outbox.sent).toEqual([]);
    expect(JSON.stringify((await chat.store.read(`conversation:telegram:${CHAT}`)) ?? null)).not.toContain("0912");
  });

  it("updates the earlier registration of the same phone and purpose and says so", async () => {
    const chat = chattingBot(db.prisma);
    await fillIn(chat);
    await chat.press(CHAT, "reg:summary:submit");
    const first = /HTX-[2-9A-Z]{5}/.exec(textOf(await chat.press(CHAT, "reg:consent:agree")))![0];

    await fillIn(chat, { phone: "+84 912 345 678", members: "9" });
    await chat.press(CHAT, "reg:summary:submit");
    const again = textOf(await chat.press(CHAT, "reg:consent:agree"));
    expect(again).toContain("đã đăng ký trước đây");
    expect(again).toContain(first);
    const leads = await db.prisma.lead.findMany({ include: { events: { orderBy: { id: "asc" } } } });
    expect(leads).toHaveLength(1);
    expect(leads[0]!.members).toBe(9);
    expect(leads[0]!.events.map((e) => e.kind)).toEqual(["created", "updated_by_farmer"]);
  });

  it("takes nothing over when another chat types a registered phone, and reveals nothing to it", async () => {
    const chat = chattingBot(db.prisma);
    await fillIn(chat);
    await chat.press(CHAT, "reg:summary:submit");
    const first = /HTX-[2-9A-Z]{5}/.exec(textOf(await chat.press(CHAT, "reg:consent:agree")))![0];

    const STRANGER = 77;
    await fillIn(chat, { chatId: STRANGER, members: "8" });
    await chat.press(STRANGER, "reg:summary:submit");
    const reply = textOf(await chat.press(STRANGER, "reg:consent:agree"));
    expect(reply).toContain("Đã ghi nhận đăng ký");
    expect(reply).not.toMatch(/HTX-|trước đây|cập nhật/);

    expect(await db.prisma.lead.findMany()).toEqual([
      expect.objectContaining({ reference: first, chatId: String(CHAT), members: 6 }),
    ]);
    expect(textOf(await chat.say(STRANGER, "/dulieu"))).not.toContain(first);
  });

  it("honours Bỏ qua and Quay lại only on the steps that show them", async () => {
    const chat = chattingBot(db.prisma);
    await chat.press(CHAT, "menu:register");
    // Step 1 has no way back.
    const early = await chat.press(CHAT, "reg:purpose:back");
    expect(textOf(early)).toContain("Nút đó thuộc câu hỏi trước");
    expect(buttonsOf(early)).toContain("reg:purpose:found_htx");
    await chat.press(CHAT, "reg:purpose:found_htx");
    await chat.say(CHAT, "nguyễn văn an");
    // The phone is required: a forged skip is not an answer.
    const skipped = await chat.press(CHAT, "reg:phone:skip");
    expect(textOf(skipped)).toContain("Nút đó thuộc câu hỏi trước");
    expect(textOf(skipped)).not.toContain("Bước 4/9");
    expect(buttonsOf(skipped)).toEqual(["reg:phone:relative", "reg:phone:none", "reg:phone:back"]);
    expect(textOf(await chat.say(CHAT, "0912 345 678"))).toContain("Bước 4/9");
    expect(textOf(await chat.press(CHAT, "reg:place:skip"))).toContain("Nút đó thuộc câu hỏi trước");
    expect(textOf(await chat.press(CHAT, "reg:place:back"))).toContain("Bước 3/9");
  });

  it("keeps /huy and /help working and stores nothing after /huy", async () => {
    const chat = chattingBot(db.prisma);
    await fillIn(chat);
    expect(textOf(await chat.say(CHAT, "/help"))).toContain("làm dở");
    expect(textOf(await chat.say(CHAT, "/huy"))).toContain("Đã thôi");
    expect(textOf(await chat.press(CHAT, "reg:summary:submit"))).toContain("Nút này đã cũ");
    expect(await db.prisma.lead.count()).toBe(0);
  });

  it("offers what an eligibility check already knows as one-tap answers", async () => {
    const chat = chattingBot(db.prisma);
    const answers = { applicant_type: "cooperative", member_count: 12, commune: "Xã Kế Sách, Thành phố Cần Thơ" };
    const check = await chat.checks.insert({
      channel: "telegram",
      chatId: String(CHAT),
      asOf: new Date("2026-11-27T08:00:00Z"),
      answers,
      results: [],
      rulesVersion: "test",
    });
    expect(textOf(await chat.press(CHAT, `elig:reg:${check.id}`))).toContain("Bước 1/9");
    await chat.press(CHAT, "reg:purpose:join_htx");
    await chat.say(CHAT, "Lê Thị Hoa");
    const place = await chat.say(CHAT, "0987654321");
    expect(buttonsOf(place)).toEqual(["reg:place:31528", "reg:place:back"]);
    await chat.press(CHAT, "reg:place:31528");
    const members = await chat.press(CHAT, "reg:sector:lua");
    expect(buttonsOf(members)).toEqual(["reg:members:12", "reg:members:unknown", "reg:members:back"]);
    expect(textOf(await chat.press(CHAT, "reg:members:12"))).toContain("Bước 7/9");
    await chat.say(CHAT, "0");
    await chat.press(CHAT, "reg:callTime:any");
    const summary = textOf(await chat.say(CHAT, "khong"));
    expect(summary).toContain("Xã Kế Sách, Thành phố Cần Thơ");
    expect(summary).toContain("Số người: 12");
    expect(summary).toContain("Lời nhắn: (không có)");
  });

  it("resumes the flow after a restart with the same store", async () => {
    const store = memoryKeyValueStore();
    await chattingBot(db.prisma, store).press(CHAT, "menu:register");
    const restarted = chattingBot(db.prisma, store);
    expect(textOf(await restarted.press(CHAT, "reg:purpose:join_htx"))).toContain("Bước 2/9");
  });
});
