import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { aDraft, anonymisedLead } from "../../leads/fixtures.js";
import { buttonsOf, chattingBot, NOW, textOf } from "../lead-services.js";

const CHAT = 42;
const OTHER = 43;
const CONSENT = { version: "2026-11-v1", hash: "a".repeat(64) };
const db = useMigratedDatabase();

const address = (chatId: number) => ({ channel: "telegram", chatId: String(chatId) });

/** Eligibility checks of a chat, made on these dates. */
async function checks(chatId: number, ...dates: string[]) {
  for (const asOf of dates) {
    await db.prisma.eligibilityCheck.create({
      data: {
        ...address(chatId),
        asOf: new Date(asOf),
        createdAt: new Date(asOf),
        answers: { member_count: 3 },
        results: [],
        rulesVersion: "test",
      },
    });
  }
}

/**
 * From CHAT: a lead with an officer's note in its history, a question, two eligibility checks and
 * messages to the chat; from OTHER the same kinds of data, which must stay untouched.
 */
async function seed(chat: ReturnType<typeof chattingBot>) {
  const mine = await chat.leads.submit({
    draft: aDraft({ note: "Nhà gần chợ" }),
    consent: CONSENT,
    from: address(CHAT),
  });
  const theirs = await chat.leads.submit({
    draft: aDraft({ phone: { e164: "+84987654321", display: "0987 654 321" }, fullName: "Trần Thị Bé" }),
    consent: CONSENT,
    from: address(OTHER),
  });
  const lead = await db.prisma.lead.findUniqueOrThrow({ where: { reference: mine.reference! } });
  await db.prisma.leadEvent.create({
    data: { leadId: lead.id, kind: "note", note: "Anh An hẹn gọi lại số vợ 0987 111 222", at: NOW },
  });
  const question = await db.prisma.officerQuestion.create({
    data: { ...address(CHAT), text: "HTX cần vốn điều lệ bao nhiêu?", origin: "contact", createdAt: NOW },
  });
  // An officer published an FAQ entry made from this farmer's question; another one came from no farmer.
  await db.prisma.faqEntry.create({
    data: {
      questionId: question.id,
      question: "Vốn điều lệ HTX bao nhiêu?",
      answer: "Do thành viên góp.",
      published: true,
      publishedAt: NOW,
    },
  });
  await db.prisma.faqEntry.create({
    data: { question: "HTX là gì?", answer: "Tổ chức kinh tế tập thể.", published: true, publishedAt: NOW },
  });
  await checks(CHAT, "2026-11-20T03:00:00Z", "2026-11-27T01:00:00Z");
  await checks(OTHER, "2026-11-21T03:00:00Z");
  for (const chatId of [CHAT, OTHER]) {
    await db.prisma.outboundJob.create({
      data: { ...address(chatId), payload: { text: "Trả lời: vốn điều lệ do các thành viên góp" } },
    });
  }
  return { mine: mine.reference!, theirs: theirs.reference! };
}

describe("/dulieu and /xoa", () => {
  it("shows a farmer their leads, consent and questions, and audits the view without personal data", async () => {
    const chat = chattingBot(db.prisma);
    expect(textOf(await chat.say(CHAT, "/dulieu"))).toContain("không lưu thông tin cá nhân nào");
    const { mine, theirs } = await seed(chat);

    const shown = textOf(await chat.say(CHAT, "/dulieu"));
    for (const part of [
      mine,
      "Nguyễn Văn An",
      "0912 345 678",
      "Xã Vĩnh Lợi",
      "Nhà gần chợ",
      "Bà con đồng ý cho lưu ngày 27/11/2026",
      "Mới",
      "CH-",
      "HTX cần vốn điều lệ bao nhiêu?",
      "Kiểm tra điều kiện vay vốn/hỗ trợ (lưu câu trả lời và kết quả): 2 lần, ngày 20/11/2026, 27/11/2026",
      "/xoa",
    ]) {
      expect(shown).toContain(part);
    }
    expect(shown).not.toContain(theirs);
    expect(shown).not.toContain("Trần Thị Bé");

    const audits = await db.prisma.auditEntry.findMany({ where: { action: "farmer.data_view" } });
    expect(audits.map((a) => [a.channel, a.chatId, a.details])).toEqual([
      ["telegram", String(CHAT), { leads: 0, questions: 0, eligibilityChecks: 0, subscriptions: 0 }],
      ["telegram", String(CHAT), { leads: 1, questions: 1, eligibilityChecks: 2, subscriptions: 0 }],
    ]);
  });

  it("shows an announcement subscription alone, with its topics, commune and consent", async () => {
    const chat = chattingBot(db.prisma);
    await db.prisma.subscription.create({
      data: {
        ...address(CHAT),
        topics: ["training", "law"],
        communeCode: "31777",
        communeName: "Xã Vĩnh Lợi",
        consentVersion: "sub-v1",
        consentHash: "b".repeat(64),
        consentAt: NOW,
      },
    });
    const shown = textOf(await chat.say(CHAT, "/dulieu"));
    expect(shown).not.toContain("không lưu thông tin cá nhân nào");
    for (const part of [
      "Nhận thông báo về: 🎓 Lớp tập huấn, 📜 Luật, chính sách mới, ở Xã Vĩnh Lợi",
      "Bà con đồng ý cho lưu ngày 27/11/2026",
      "/xoa",
    ])
      expect(shown).toContain(part);
    expect(textOf(await chat.say(OTHER, "/dulieu"))).toContain("không lưu thông tin cá nhân nào");
    expect(textOf(await chat.say(CHAT, "/xoa"))).toContain("đăng ký nhận thông báo");
  });

  it("erases personal data after the confirmation button, keeping anonymous counts", async () => {
    const chat = chattingBot(db.prisma);
    const { mine, theirs } = await seed(chat);

    const asked = await chat.say(CHAT, "/xoa");
    expect(buttonsOf(asked)).toEqual(["mydata:erase", "mydata:keep"]);
    expect(textOf(await chat.press(CHAT, "mydata:keep"))).toContain("giữ nguyên");
    expect(await db.prisma.lead.count({ where: { erasedAt: null } })).toBe(2);
    expect(await db.prisma.eligibilityCheck.count()).toBe(3);

    await chat.say(CHAT, "/xoa");
    expect(textOf(await chat.press(CHAT, "mydata:erase"))).toContain(
      "Đã xóa: 1 hồ sơ đăng ký, 1 câu hỏi, 2 lần kiểm tra điều kiện",
    );

    const erased = await db.prisma.lead.findUniqueOrThrow({
      where: { reference: mine },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(erased).toMatchObject(anonymisedLead(NOW));
    expect(erased.events.map((e) => [e.kind, e.note])).toEqual([
      ["created", null],
      ["note", null],
      ["erased_by_farmer", null],
    ]);
    expect(await db.prisma.lead.findUniqueOrThrow({ where: { reference: theirs } })).toMatchObject({
      fullName: "Trần Thị Bé",
      erasedAt: null,
    });
    expect(await db.prisma.officerQuestion.findMany()).toEqual([
      expect.objectContaining({ text: "", answer: null, chatId: "", status: "closed" }),
    ]);
    expect(await db.prisma.eligibilityCheck.findMany()).toEqual([expect.objectContaining(address(OTHER))]);
    expect(await db.prisma.outboundJob.findMany()).toEqual([expect.objectContaining(address(OTHER))]);

    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "farmer.erase" } });
    expect(audit).toMatchObject({
      channel: "telegram",
      chatId: String(CHAT),
      details: { leads: 1, questions: 1, faqEntries: 1, eligibilityChecks: 2, outboundMessages: 1, chatMessages: 0 },
    });
    expect((await db.prisma.faqEntry.findMany()).map((f) => f.question)).toEqual(["HTX là gì?"]);
    expect(textOf(await chat.say(CHAT, "/dulieu"))).toContain("không lưu thông tin cá nhân nào");
  });

  it("works in the middle of a registration, and erasing drops the answers typed so far", async () => {
    const chat = chattingBot(db.prisma);
    await chat.say(CHAT, "/start");
    await chat.press(CHAT, "menu:register");
    await chat.press(CHAT, "reg:purpose:found_htx");
    await chat.say(CHAT, "Lê Văn Tám");
    expect(JSON.stringify(await chat.store.read(`conversation:telegram:${CHAT}`))).toContain("Lê Văn Tám");

    expect(textOf(await chat.say(CHAT, "/dulieu"))).toContain("không lưu thông tin cá nhân nào");
    // /dulieu did not end the flow: the phone question is still waiting.
    expect(textOf(await chat.say(CHAT, "0912345678"))).toContain("Bước 4/9");

    await chat.say(CHAT, "/xoa");
    await chat.press(CHAT, "mydata:erase");
    expect(await chat.store.read(`conversation:telegram:${CHAT}`)).toBeUndefined();
    expect(Object.keys((await chat.store.read(`session:telegram:${CHAT}`)) as object)).toEqual(["firstSeenAt"]);
    expect(await db.prisma.lead.count()).toBe(0);
  });
});
