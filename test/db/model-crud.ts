import { expect } from "vitest";
import { OutboundJobStatus, Prisma, type PrismaClient } from "../../src/db/index.js";

/** Writes, reads, updates and deletes a row of every model; shared by the PGlite and PostgreSQL tests. */
export async function exerciseEveryModel(prisma: PrismaClient): Promise<void> {
  await prisma.chatSession.create({ data: { key: "telegram:123", value: JSON.stringify({ step: 1 }) } });
  const session = await prisma.chatSession.update({ where: { key: "telegram:123" }, data: { value: '{"step":2}' } });
  expect(JSON.parse(session.value)).toEqual({ step: 2 });
  expect(session.updatedAt).toBeInstanceOf(Date);
  await prisma.chatSession.delete({ where: { key: "telegram:123" } });
  expect(await prisma.chatSession.count()).toBe(0);

  await prisma.processedUpdate.create({ data: { channel: "telegram", updateId: "42" } });
  const redelivery = prisma.processedUpdate.create({ data: { channel: "telegram", updateId: "42" } });
  await expect(redelivery).rejects.toMatchObject({ code: "P2002" });
  await prisma.processedUpdate.create({ data: { channel: "zalo", updateId: "42" } });
  expect(await prisma.processedUpdate.count()).toBe(2);

  await prisma.webChatMessage.create({ data: { session: "abc", messageId: 1, fromBot: false, text: "Chào" } });
  await prisma.webChatMessage.create({
    data: { session: "abc", messageId: 2, fromBot: true, text: "Xin chào!", buttons: [[{ text: "Hỏi", data: "ask" }]] },
  });
  const duplicate = prisma.webChatMessage.create({ data: { session: "abc", messageId: 2, fromBot: true, text: "x" } });
  await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  const edited = await prisma.webChatMessage.update({
    where: { session_messageId: { session: "abc", messageId: 2 } },
    data: { text: "Xin chào bà con!", editedAt: new Date() },
  });
  expect(edited.editedAt).toBeInstanceOf(Date);
  const history = await prisma.webChatMessage.findMany({ where: { session: "abc" }, orderBy: { id: "asc" } });
  expect(history.map((m) => [m.messageId, m.text, m.buttons])).toEqual([
    [1, "Chào", null],
    [2, "Xin chào bà con!", [[{ text: "Hỏi", data: "ask" }]]],
  ]);

  const due = new Date("2026-01-01T00:00:00Z");
  const job = await prisma.outboundJob.create({
    data: { channel: "zalo", chatId: "u1", payload: { text: "Hạn nộp hồ sơ" }, notBefore: due },
  });
  expect(job).toMatchObject({ status: OutboundJobStatus.pending, attempts: 0, lockedBy: null });
  const claimed = await prisma.outboundJob.updateMany({
    where: { status: "pending", notBefore: { lte: new Date() } },
    data: { status: "sending", lockedBy: "instance-1", lockedAt: new Date(), attempts: { increment: 1 } },
  });
  expect(claimed.count).toBe(1);
  const sent = await prisma.outboundJob.update({ where: { id: job.id }, data: { status: "sent" } });
  expect(sent).toMatchObject({
    status: "sent",
    attempts: 1,
    lockedBy: "instance-1",
    payload: { text: "Hạn nộp hồ sơ" },
  });
  await prisma.outboundJob.delete({ where: { id: job.id } });
  expect(await prisma.outboundJob.count()).toBe(0);
}
