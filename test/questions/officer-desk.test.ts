import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import type { PrismaClient } from "../../src/db/index.js";
import type { OutboundMessage } from "../../src/outbound/outbox.js";
import { insertLead } from "../support/lead-rows.js";
import {
  answerOfficerQuestion,
  findOfficerQuestion,
  listOfficerQuestions,
  tellOfficerAnswerUndeliverable,
} from "../../src/questions/officer-desk.js";
import { prismaOutbox } from "../../src/outbound/prisma-outbox.js";
import { deliverDueJobs } from "../../src/outbound/delivery-worker.js";
import { createLogger } from "../../src/logger.js";
import { useMigratedDatabase } from "../staff/migrated-database.js";
import { staffAccount } from "../support/staff-accounts.js";

const db = useMigratedDatabase();
let officerId: number;
beforeEach(async () => {
  officerId = (await staffAccount(db.prisma, { username: "canbo.an", displayName: "Cán bộ An" })).id;
});

const t0 = new Date("2026-11-27T08:00:00Z");
const translate = translator();
/** The outbox jobs queued so far, oldest first. */
const queued = async () =>
  (await db.prisma.outboundJob.findMany({ orderBy: { id: "asc" } })).map((job) => ({
    chat: [job.channel, job.chatId],
    message: job.payload as unknown as OutboundMessage,
  }));
const ask = (text: string, minutes: number, chatId = "farmer-1") =>
  db.prisma.officerQuestion.create({
    data: { channel: "webchat", chatId, text, origin: "contact", createdAt: new Date(t0.getTime() + minutes * 60_000) },
  });

describe("officer question desk", () => {
  it("lists open questions oldest first with their reference", async () => {
    await ask("Câu thứ hai", 2);
    await ask("Câu thứ nhất", 1);
    const { questions, total } = await listOfficerQuestions(db.prisma, { status: "open", page: 1, pageSize: 10 });
    expect(total).toBe(2);
    expect(questions.map((q) => [q.reference, q.text])).toEqual([
      ["CH-00002", "Câu thứ nhất"],
      ["CH-00001", "Câu thứ hai"],
    ]);
  });

  it("stores the answer and queues it to the farmer's chat, quoting the question", async () => {
    const question = await ask("HTX cần mấy người?", 0, "farmer-9");
    const result = await answerOfficerQuestion(
      { prisma: db.prisma, translate },
      { id: question.id, answer: "  Ít nhất 5 thành viên.  ", officerId, now: t0 },
    );
    expect(result).toMatchObject({
      ok: true,
      question: { status: "answered", answer: "Ít nhất 5 thành viên.", answeredByName: "Cán bộ An" },
    });
    expect(await queued()).toEqual([
      {
        chat: ["webchat", "farmer-9"],
        message: {
          text: expect.stringMatching(
            /CH-00001[\s\S]*«HTX cần mấy người\?»[\s\S]*Ít nhất 5 thành viên\.\n\(Bà con bấm/,
          ),
          buttons: [[{ text: "✍️ Trả lời cán bộ", data: "lr:CH-00001" }]],
        },
      },
    ]);
    expect(await db.prisma.auditEntry.count({ where: { action: "question.answer" } })).toBe(1);
  });

  it("answers a farmer's reply about their lead as a reply, in the lead's history, with «Trả lời cán bộ»", async () => {
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "webchat", chatId: "farmer-9" });
    const reply = await db.prisma.officerQuestion.create({
      data: {
        channel: "webchat",
        chatId: "farmer-9",
        text: "Dạ chiều mai tui ở nhà",
        origin: "lead_reply",
        leadId: lead.id,
        createdAt: t0,
      },
    });
    const result = await answerOfficerQuestion(
      { prisma: db.prisma, translate },
      { id: reply.id, answer: "Dạ, 3 giờ chiều cán bộ ghé.", officerId, now: t0 },
    );
    expect(result.ok).toBe(true);
    const [sent] = await queued();
    expect(sent!.message.text).toMatch(
      /^👤 Cán bộ Hội Nông dân trả lời lời nhắn của bà con \(hồ sơ HTX-7K3Q9, mã CH-00001\)/,
    );
    expect(sent!.message.text).not.toContain("câu hỏi");
    expect(sent!.message.buttons).toEqual([[{ text: "✍️ Trả lời cán bộ", data: "lr:HTX-7K3Q9" }]]);
    const events = await db.prisma.leadEvent.findMany({ where: { leadId: lead.id } });
    // Answering takes the unassigned new lead up, as a message from the lead page does.
    expect(events.map((e) => [e.kind, e.note, e.actorId])).toEqual([
      ["assigned", null, officerId],
      ["status", null, officerId],
      ["message_to_farmer", "Dạ, 3 giờ chiều cán bộ ghé.", officerId],
    ]);
  });

  it("shows an answer the farmer's channel refused on the question and in the officer's linked chat", async () => {
    await db.prisma.staffUser.update({ where: { id: officerId }, data: { chatChannel: "telegram", chatId: "4242" } });
    const question = await db.prisma.officerQuestion.create({
      data: { channel: "zalo-oa", chatId: "77", text: "Hỏi từ Zalo", origin: "contact", createdAt: t0 },
    });
    const outbox = prismaOutbox(db.prisma);
    await answerOfficerQuestion(
      { prisma: db.prisma, translate },
      { id: question.id, answer: "Trả lời trễ", officerId, now: t0 },
    );
    expect((await findOfficerQuestion(db.prisma, question.id))?.delivery).toEqual({ status: "pending", reason: null });

    const sentToOfficer: string[] = [];
    const senders = new Map([
      ["zalo-oa", { send: async () => ({ notDeliverable: "oa-window-closed" }) }],
      [
        "telegram",
        { send: async (_chatId: string, message: { text: string }) => void sentToOfficer.push(message.text) },
      ],
    ]);
    const worker = {
      prisma: db.prisma,
      senders,
      logger: createLogger("silent"),
      workerId: "w",
      now: () => new Date(Date.now() + 60_000),
    };
    await deliverDueJobs({
      ...worker,
      onUndeliverable: (job) => tellOfficerAnswerUndeliverable({ prisma: db.prisma, outbox, translate }, job),
    });
    await deliverDueJobs(worker);

    expect((await findOfficerQuestion(db.prisma, question.id))?.delivery).toEqual({
      status: "undeliverable",
      reason: "oa-window-closed",
    });
    expect(sentToOfficer).toEqual([expect.stringMatching(/CH-00001 CHƯA tới được bà con: đã quá 48 giờ/)]);
  });

  it("answers once when two officers reply at the same time", async () => {
    const question = await ask("Vay vốn ở đâu?", 0);
    const deps = { prisma: db.prisma, translate };
    const results = await Promise.all(
      ["Ngân hàng NN&PTNT", "Quỹ hỗ trợ nông dân"].map((answer) =>
        answerOfficerQuestion(deps, { id: question.id, answer, officerId, now: t0 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: "admin-error-question-answered" });
    expect(await queued()).toHaveLength(1);
  });

  it("rejects empty answers, and stores nothing when queueing fails", async () => {
    const question = await ask("Hỏi gì đó", 0);
    const deps = { prisma: db.prisma, translate };
    expect(await answerOfficerQuestion(deps, { id: question.id, answer: "   ", officerId, now: t0 })).toEqual({
      ok: false,
      problem: "admin-error-answer-empty",
    });
    const failing = db.prisma.$extends({
      query: { outboundJob: { create: () => Promise.reject(new Error("database down")) } },
    }) as unknown as PrismaClient;
    await expect(
      answerOfficerQuestion({ prisma: failing, translate }, { id: question.id, answer: "Trả lời", officerId, now: t0 }),
    ).rejects.toThrow("database down");
    expect(await db.prisma.officerQuestion.findUnique({ where: { id: question.id } })).toMatchObject({
      status: "open",
      answer: null,
    });
    expect(await db.prisma.auditEntry.count({ where: { action: "question.answer" } })).toBe(0);
  });
});
