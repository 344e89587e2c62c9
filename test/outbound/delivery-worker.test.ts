import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase, type Database } from "../../src/db/index.js";
import { prismaOutbox } from "../../src/outbound/prisma-outbox.js";
import { claimNextDeliveries, deliverDueJobs } from "../../src/outbound/delivery-worker.js";
import { RetryLater, type OutboundMessage, type OutboundSender } from "../../src/outbound/outbox.js";
import { createLogger } from "../../src/logger.js";

describe("outbound delivery", () => {
  let db: Database;
  const logger = createLogger("silent");
  // Enqueued jobs are due from the database clock (now), so the worker's clock runs ahead of it.
  const t0 = new Date(Date.now() + 10 * 60_000);

  beforeAll(async () => {
    db = await openDatabase("pglite:memory");
    await applyMigrations(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.prisma.outboundJob.deleteMany();
  });

  const recorder = () => {
    const sent: Array<{ chatId: string; message: OutboundMessage }> = [];
    const sender: OutboundSender = { send: async (chatId, message) => void sent.push({ chatId, message }) };
    return { sent, sender };
  };

  it("delivers queued messages through the channel's sender, once", async () => {
    const outbox = prismaOutbox(db.prisma);
    await outbox.enqueue(
      { channel: "webchat", chatId: "11" },
      { text: "Cán bộ trả lời: được ạ", buttons: [[{ text: "Menu", data: "menu:ask" }]] },
    );
    const { sent, sender } = recorder();
    const options = {
      prisma: db.prisma,
      senders: new Map([["webchat", sender]]),
      logger,
      workerId: "w1",
      now: () => t0,
    };
    expect(await deliverDueJobs(options)).toBe(1);
    expect(await deliverDueJobs(options)).toBe(0);
    expect(sent).toEqual([
      { chatId: "11", message: { text: "Cán bộ trả lời: được ạ", buttons: [[{ text: "Menu", data: "menu:ask" }]] } },
    ]);
    expect((await db.prisma.outboundJob.findFirstOrThrow()).status).toBe("sent");
  });

  it("waits for notBefore", async () => {
    await prismaOutbox(db.prisma).enqueue(
      { channel: "webchat", chatId: "1" },
      { text: "sau" },
      { notBefore: new Date(t0.getTime() + 60_000) },
    );
    const { sent, sender } = recorder();
    await deliverDueJobs({
      prisma: db.prisma,
      senders: new Map([["webchat", sender]]),
      logger,
      workerId: "w1",
      now: () => t0,
    });
    expect(sent).toHaveLength(0);
    await deliverDueJobs({
      prisma: db.prisma,
      senders: new Map([["webchat", sender]]),
      logger,
      workerId: "w1",
      now: () => new Date(t0.getTime() + 61_000),
    });
    expect(sent).toHaveLength(1);
  });

  it("backs off after a failure, honours RetryLater, and gives up after maxAttempts", async () => {
    await prismaOutbox(db.prisma).enqueue({ channel: "telegram", chatId: "5" }, { text: "x" });
    let mode: "fail" | "later" = "later";
    const sender: OutboundSender = {
      send: async () => {
        throw mode === "later" ? new RetryLater(30_000) : new Error("Forbidden: bot was blocked by the user");
      },
    };
    const base = {
      prisma: db.prisma,
      senders: new Map([["telegram", sender]]),
      logger,
      workerId: "w1",
      maxAttempts: 2,
    };
    await deliverDueJobs({ ...base, now: () => t0 });
    let job = await db.prisma.outboundJob.findFirstOrThrow();
    expect(job).toMatchObject({ status: "pending", attempts: 0 });
    expect(job.notBefore.getTime()).toBe(t0.getTime() + 30_000);

    mode = "fail";
    await deliverDueJobs({ ...base, now: () => new Date(t0.getTime() + 31_000) });
    job = await db.prisma.outboundJob.findFirstOrThrow();
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: "Forbidden: bot was blocked by the user" });
    await deliverDueJobs({ ...base, now: () => new Date(t0.getTime() + 3_600_000) });
    expect(await db.prisma.outboundJob.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("lets two instances claim different jobs, and reclaims a job left by a dead instance", async () => {
    const outbox = prismaOutbox(db.prisma);
    for (const chatId of ["1", "2", "3"]) await outbox.enqueue({ channel: "webchat", chatId }, { text: chatId });
    const first = await claimNextDeliveries(db.prisma, "a", 2, t0);
    const second = await claimNextDeliveries(db.prisma, "b", 2, t0);
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((j) => j.id)).size).toBe(3);
    expect(await claimNextDeliveries(db.prisma, "c", 5, new Date(t0.getTime() + 60_000))).toHaveLength(0);
    expect(await claimNextDeliveries(db.prisma, "c", 5, new Date(t0.getTime() + 6 * 60_000))).toHaveLength(3);
  });

  it("records a job for a channel without a sender as a failure instead of losing it", async () => {
    await prismaOutbox(db.prisma).enqueue({ channel: "zalo", chatId: "9" }, { text: "x" });
    await deliverDueJobs({ prisma: db.prisma, senders: new Map(), logger, workerId: "w1", now: () => t0 });
    expect(await db.prisma.outboundJob.findFirstOrThrow()).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "no sender for channel zalo",
    });
  });

  it("records a message the channel's rules forbid as undeliverable, once, and tells who sent it", async () => {
    await prismaOutbox(db.prisma).enqueue(
      { channel: "zalo-oa", chatId: "7" },
      { text: "quá hạn" },
      { origin: { questionId: undefined, senderId: undefined } },
    );
    const told: unknown[] = [];
    const sender: OutboundSender = { send: async () => ({ notDeliverable: "oa-window-closed" }) };
    const options = {
      prisma: db.prisma,
      senders: new Map([["zalo-oa", sender]]),
      logger,
      workerId: "w1",
      now: () => t0,
      onUndeliverable: async (job: unknown) => void told.push(job),
    };
    expect(await deliverDueJobs(options)).toBe(1);
    expect(await deliverDueJobs({ ...options, now: () => new Date(t0.getTime() + 3_600_000) })).toBe(0);
    expect(await db.prisma.outboundJob.findFirstOrThrow()).toMatchObject({
      status: "undeliverable",
      attempts: 0,
      lastError: "oa-window-closed",
    });
    expect(told).toEqual([
      expect.objectContaining({
        channel: "zalo-oa",
        chatId: "7",
        reason: "oa-window-closed",
        questionId: null,
        senderId: null,
      }),
    ]);
  });
});
