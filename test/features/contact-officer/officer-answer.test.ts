import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/translate.js";
import type { OutboundMessage } from "../../../src/outbound/outbox.js";
import { answerOfficerQuestion } from "../../../src/questions/officer-desk.js";
import { prismaQuestionQueue } from "../../../src/questions/prisma-question-queue.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { insertLead } from "../../support/lead-rows.js";
import { staffAccount } from "../../support/staff-accounts.js";
import { NOW, chattingBot, textOf } from "../lead-services.js";

const FARMER = 42;
const db = useMigratedDatabase();

function farmerBot() {
  return chattingBot(db.prisma, undefined, ({ outbox }) => ({
    questions: prismaQuestionQueue(db.prisma, { outbox, translate: translator() }),
  }));
}

/** The farmer asks through Gặp cán bộ in their own words and an officer answers on the dashboard. */
async function askedAndAnswered(chat: ReturnType<typeof farmerBot>): Promise<OutboundMessage> {
  await chat.say(FARMER, "tui muon hoi can bo ve vay von");
  expect(textOf(await chat.press(FARMER, "officer:send"))).toContain("Đã gửi câu hỏi cho cán bộ");
  const officer = await staffAccount(db.prisma, { username: "canbo.hanh" });
  const question = await db.prisma.officerQuestion.findFirstOrThrow();
  const answered = await answerOfficerQuestion(
    { prisma: db.prisma, translate: translator() },
    { id: question.id, answer: "Bà con mang phương án vay đến ngân hàng ở xã nha.", officerId: officer.id, now: NOW },
  );
  expect(answered.ok).toBe(true);
  const job = await db.prisma.outboundJob.findFirstOrThrow({ where: { chatId: String(FARMER) } });
  return job.payload as unknown as OutboundMessage;
}

async function replies(chat: ReturnType<typeof farmerBot>, button: string, expected: string) {
  expect(textOf(await chat.press(FARMER, button))).toContain(`lời trả lời cán bộ (mã ${expected})`);
  await chat.say(FARMER, "Dạ vay 50 triệu được không?");
  expect(textOf(await chat.press(FARMER, "officer:send"))).toContain("Đã gửi lời nhắn cho cán bộ");
  return db.prisma.officerQuestion.findFirstOrThrow({ where: { text: "Dạ vay 50 triệu được không?" } });
}

describe("an officer's answer to a question sent through Gặp cán bộ", () => {
  it("goes with the question into the asker's lead history and carries «Trả lời cán bộ» about that lead", async () => {
    const chat = farmerBot();
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    const answer = await askedAndAnswered(chat);
    expect(answer.text).toMatch(/^👤 Cán bộ Hội Nông dân trả lời câu hỏi CH-00001 của bà con:/);
    expect(answer.buttons).toEqual([[{ text: "✍️ Trả lời cán bộ", data: "lr:HTX-7K3Q9" }]]);
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({ origin: "contact", leadId: lead.id });

    const reply = await replies(chat, "lr:HTX-7K3Q9", "HTX-7K3Q9");
    expect(reply).toMatchObject({ origin: "lead_reply", leadId: lead.id });
    const events = await db.prisma.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.note])).toEqual([
      ["farmer_question", "tui muon hoi can bo ve vay von"],
      ["assigned", null],
      ["status", null],
      ["message_to_farmer", "Bà con mang phương án vay đến ngân hàng ở xã nha."],
      ["farmer_reply", "Dạ vay 50 triệu được không?"],
    ]);
  });

  it("carries «Trả lời cán bộ» about the question when the farmer never registered", async () => {
    const chat = farmerBot();
    const answer = await askedAndAnswered(chat);
    expect(answer.buttons).toEqual([[{ text: "✍️ Trả lời cán bộ", data: "lr:CH-00001" }]]);
    const reply = await replies(chat, "lr:CH-00001", "CH-00001");
    expect(reply).toMatchObject({ origin: "answer_reply", leadId: null, repliesToId: 1, chatId: String(FARMER) });
  });

  it("tells the officers a reply to that answer as a reply, with the earlier exchange", async () => {
    const chat = farmerBot();
    await staffAccount(db.prisma, { username: "canbo.lan", chat: { channel: "telegram", chatId: "9001" } });
    await askedAndAnswered(chat);
    chat.outbox.sent.length = 0;
    await replies(chat, "lr:CH-00001", "CH-00001");
    expect(chat.outbox.sent.map((m) => [m.to.chatId, m.message.text])).toEqual([
      [
        "9001",
        [
          "↩️ Bà con trả lời câu trả lời của cán bộ cho câu hỏi CH-00001 (CH-00002):",
          "«Dạ vay 50 triệu được không?»",
          "Trước đó bà con hỏi: «tui muon hoi can bo ve vay von»",
          "Cán bộ đã trả lời: «Bà con mang phương án vay đến ngân hàng ở xã nha.»",
        ].join("\n"),
      ],
    ]);
  });
});
