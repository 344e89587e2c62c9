import { describe, expect, it } from "vitest";
import { createChatLinkCode } from "../../../src/staff/chat-link.js";
import { prismaQuestionQueue } from "../../../src/questions/prisma-question-queue.js";
import { translator } from "../../../src/i18n/translate.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { messageFarmer } from "../../../src/leads/lead-workflow.js";
import { insertLead } from "../../support/lead-rows.js";
import { memoryOutbox } from "../../support/memory-outbox.js";
import type { OutboundMessage } from "../../../src/outbound/outbox.js";
import { NOW, buttonsOf, chattingBot, textOf } from "../lead-services.js";

const FARMER = 42;
const OFFICER = 900;
const db = useMigratedDatabase();

/** A bot over the real question queue and lead service (for the officer link), with a recording outbox. */
function officerBot() {
  return chattingBot(db.prisma, undefined, ({ outbox }) => ({
    outbox,
    questions: prismaQuestionQueue(db.prisma, { outbox, translate: translator() }),
  }));
}

async function linkOfficer(chat: ReturnType<typeof officerBot>) {
  const officer = await db.prisma.staffUser.create({
    data: { username: "hanh", displayName: "Cán bộ Hạnh", passwordHash: "x", role: "officer" },
  });
  const { code } = await createChatLinkCode(db.prisma, officer.id, NOW);
  await chat.say(OFFICER, `/canbo ${code}`);
  return officer;
}

describe("officers answer farmers' questions in chat", () => {
  it("notifies linked officers of a new question; the answer written in chat reaches the farmer's chat", async () => {
    const chat = officerBot();
    const officer = await linkOfficer(chat);

    await chat.press(FARMER, "menu:officer");
    await chat.say(FARMER, "HTX tui muon vay 1 ty thi can gi?");
    await chat.press(FARMER, "officer:send");
    const notice = chat.outbox.sent.find((s) => s.to.chatId === String(OFFICER))!;
    expect(notice.message.text).toContain("HTX tui muon vay 1 ty thi can gi?");
    const answerButton = notice.message.buttons![0]![0]!.data;

    const asked = await chat.press(OFFICER, answerButton);
    expect(textOf(asked)).toContain("Trả lời câu hỏi CH-");
    expect(textOf(await chat.say(OFFICER, "Bà con mang phương án vay đến ngân hàng ở xã nha."))).toContain(
      "Gửi cho bà con nha?",
    );
    expect(textOf(await chat.press(OFFICER, "ocans:send"))).toContain("Đã gửi câu trả lời");

    const reply = await db.prisma.outboundJob.findFirstOrThrow({ where: { chatId: String(FARMER) } });
    expect((reply.payload as unknown as OutboundMessage).text).toContain(
      "Bà con mang phương án vay đến ngân hàng ở xã nha.",
    );
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({
      status: "answered",
      answeredById: officer.id,
    });

    // A second officer (or a second tap) cannot answer it again.
    expect(textOf(await chat.press(OFFICER, answerButton))).toContain("đã được trả lời");
  });

  it("takes a farmer's answer to an officer's message about their lead to the officers and the lead's history", async () => {
    const chat = officerBot();
    const officer = await linkOfficer(chat);
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    const deps = { prisma: db.prisma, translate: translator() };
    await messageFarmer(deps, { lead, text: "Mai cán bộ gọi được không?", actorId: officer.id, now: NOW });
    const job = await db.prisma.outboundJob.findFirstOrThrow({ where: { chatId: String(FARMER) } });
    const message = job.payload as unknown as OutboundMessage;
    expect(message.text).toContain("Mai cán bộ gọi được không?");
    const replyButton = message.buttons![0]![0]!;
    expect(replyButton).toEqual({ text: "✍️ Trả lời cán bộ", data: "lr:HTX-7K3Q9" });

    expect(textOf(await chat.press(FARMER, replyButton.data))).toContain("lời trả lời cán bộ (mã HTX-7K3Q9)");
    expect(textOf(await chat.say(FARMER, "Dạ chiều mai tui ở nhà"))).toContain("Gửi cho cán bộ nha?");
    expect(textOf(await chat.press(FARMER, "officer:send"))).toContain("Đã gửi lời nhắn cho cán bộ (mã CH-00001)");

    const notice = chat.outbox.sent.filter((s) => s.to.chatId === String(OFFICER)).at(-1)!;
    expect(notice.message.text).toContain("Bà con của hồ sơ HTX-7K3Q9 trả lời tin nhắn của cán bộ (CH-00001)");
    expect(notice.message.text).toContain("Dạ chiều mai tui ở nhà");
    const events = await db.prisma.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.note])).toEqual([
      ["assigned", null],
      ["status", null],
      ["message_to_farmer", "Mai cán bộ gọi được không?"],
      ["farmer_reply", "Dạ chiều mai tui ở nhà"],
    ]);
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({ origin: "lead_reply", leadId: lead.id });

    // The officer answers it from chat: the farmer reads an answer to their reply and can answer again.
    await chat.press(OFFICER, notice.message.buttons![0]![0]!.data);
    await chat.say(OFFICER, "Dạ, 3 giờ chiều cán bộ ghé.");
    await chat.press(OFFICER, "ocans:send");
    const answer = (await db.prisma.outboundJob.findMany({ where: { chatId: String(FARMER) }, orderBy: { id: "asc" } }))
      .map((j) => j.payload as unknown as OutboundMessage)
      .at(-1)!;
    expect(answer.text).toContain("Cán bộ Hội Nông dân trả lời lời nhắn của bà con (hồ sơ HTX-7K3Q9, mã CH-00001)");
    expect(answer.buttons).toEqual([[replyButton]]);
    expect(await db.prisma.leadEvent.findFirst({ where: { leadId: lead.id }, orderBy: { id: "desc" } })).toMatchObject({
      kind: "message_to_farmer",
      note: "Dạ, 3 giờ chiều cán bộ ghé.",
      actorId: officer.id,
    });

    // Another chat pressing a copied button reaches the officers, but not this lead's history.
    await chat.press(FARMER + 1, replyButton.data);
    await chat.say(FARMER + 1, "Tui đâu có đăng ký");
    // Typed instead of pressed: «Gửi» named in words sends.
    expect(textOf(await chat.say(FARMER + 1, "gui di"))).toContain("Đã gửi");
    expect(await db.prisma.leadEvent.count({ where: { leadId: lead.id } })).toBe(5);
    const copied = chat.outbox.sent.filter((s) => s.to.chatId === String(OFFICER)).at(-1)!;
    expect(copied.message.text).toContain("Tui đâu có đăng ký");
    expect(copied.message.text).not.toContain("HTX-7K3Q9");
  });

  it("stores a replayed submission once (question and lead history) and tells the officers again", async () => {
    const chat = officerBot();
    await linkOfficer(chat);
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    const outbox = memoryOutbox();
    const queue = prismaQuestionQueue(db.prisma, { outbox, translate: translator() });
    const press = {
      channel: "telegram",
      chatId: String(FARMER),
      text: "Dạ chiều mai tui ở nhà",
      origin: "contact" as const,
      at: NOW,
      replyTo: "HTX-7K3Q9",
      submission: "telegram:77",
    };
    const first = await queue.submit(press);
    const replayed = await queue.submit(press);
    expect(replayed).toMatchObject({ id: first.id, reference: first.reference, origin: "lead_reply" });
    expect(await db.prisma.officerQuestion.count()).toBe(1);
    expect(await db.prisma.leadEvent.count({ where: { leadId: lead.id, kind: "farmer_reply" } })).toBe(1);
    // The crash may have come before the notice: it goes again, naming the lead both times.
    expect(outbox.sent.map((s) => s.message.text.includes("HTX-7K3Q9"))).toEqual([true, true]);
    await queue.submit({ ...press, submission: "telegram:78" });
    expect(await db.prisma.officerQuestion.count()).toBe(2);
  });

  it("lists open questions with /cauhoi, and refuses it and the answer button to a farmer", async () => {
    const chat = officerBot();
    await linkOfficer(chat);
    expect(textOf(await chat.say(OFFICER, "/cauhoi"))).toContain("không có câu hỏi");
    await chat.press(FARMER, "menu:officer");
    await chat.say(FARMER, "cho hoi ve quy ho tro nong dan");
    await chat.press(FARMER, "officer:send");
    const listed = await chat.say(OFFICER, "/cauhoi");
    expect(textOf(listed)).toContain("cho hoi ve quy ho tro nong dan");
    expect(buttonsOf(listed)).toEqual([expect.stringMatching(/^oc:qa:\d+$/)]);

    expect(textOf(await chat.say(FARMER, "/cauhoi"))).toContain("chỉ dành cho cán bộ");
    expect(textOf(await chat.press(FARMER, buttonsOf(listed)[0]!))).toContain("chỉ dành cho cán bộ");
  });
});
