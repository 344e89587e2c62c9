import { describe, expect, it } from "vitest";
import { prismaAuditLog } from "../../../src/audit/audit-log.js";
import { campaignService } from "../../../src/broadcast/campaigns.js";
import { createChatLinkCode } from "../../../src/staff/chat-link.js";
import type { StaffRole } from "../../../src/staff/roles.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { buttonsOf, chattingBot, NOW, textOf } from "../lead-services.js";

const OFFICER = 900;
const db = useMigratedDatabase();

function officerBot() {
  const broadcasts = campaignService({
    prisma: db.prisma,
    audit: prismaAuditLog(db.prisma),
    deliverable: () => ["telegram", "webchat"],
  });
  const chat = chattingBot(db.prisma, undefined, ({ outbox }) => ({ outbox, broadcasts, now: () => NOW }));
  return {
    ...chat,
    say: (text: string) => chat.say(OFFICER, text),
    press: (data: string) => chat.press(OFFICER, data),
  };
}

async function link(chat: ReturnType<typeof officerBot>, role: StaffRole) {
  const user = await db.prisma.staffUser.create({
    data: { username: `u-${role}`, displayName: "Cán bộ Hạnh", passwordHash: "x", role },
  });
  const { code } = await createChatLinkCode(db.prisma, user.id, NOW);
  await chat.say(`/canbo ${code}`);
  return user;
}

const subscribe = (channel: string, chatId: string, topics: string[]) =>
  db.prisma.subscription.create({
    data: { channel, chatId, topics, consentVersion: "v", consentHash: "h", consentAt: NOW },
  });

describe("/broadcast in an officer's chat", () => {
  it(
    "picks a topic, shows the count, confirms, sends (audited) and keeps a status message up to date",
    { timeout: 120_000 },
    async () => {
      const chat = officerBot();
      const officer = await link(chat, "officer");
      await subscribe("telegram", "1", ["training"]);
      await subscribe("webchat", "2", ["training", "credit"]);
      await subscribe("telegram", "3", ["credit"]);

      const start = await chat.say("/broadcast");
      expect(buttonsOf(start)).toEqual([
        "ocbc:t:training",
        "ocbc:t:credit",
        "ocbc:t:fairs",
        "ocbc:t:law",
        "ocbc:t:all",
      ]);
      expect(textOf(await chat.press("ocbc:t:training"))).toContain("Sẽ gửi tới 2 người");
      // Too long for an announcement: said at once, with the length, and the officer types again.
      const tooLong = await chat.say("Lớp tập huấn. ".repeat(120));
      expect(textOf(tooLong)).toContain("dài 1.679 ký tự, quá mức 1.500");
      expect(buttonsOf(tooLong)).toEqual([]);
      const confirm = await chat.say("Lớp tập huấn trồng lúa sáng thứ Bảy");
      expect(textOf(confirm)).toContain("Lớp tập huấn trồng lúa sáng thứ Bảy");
      expect(textOf(confirm)).toContain("Gửi cho 2 bà con luôn nha?");
      expect(buttonsOf(confirm)).toContain("ocbc:w:send");
      const sent = await chat.press("ocbc:w:send");
      expect(textOf(sent)).toContain("Bắt đầu gửi thông báo #1");

      const campaign = await db.prisma.broadcastCampaign.findUniqueOrThrow({ where: { id: 1 } });
      expect(campaign).toMatchObject({
        status: "sending",
        text: "Lớp tập huấn trồng lúa sáng thứ Bảy",
        sentById: officer.id,
      });
      expect(await db.prisma.broadcastDelivery.count({ where: { campaignId: 1 } })).toBe(2);
      const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "broadcast.send" } });
      expect(audit).toMatchObject({ actorId: officer.id, target: "broadcast:1" });
      expect(audit.details).toMatchObject({ via: "chat", recipients: 2 });

      // The delivery engine settles the rows (here by hand); the status message follows, and the end is told.
      await db.prisma.broadcastDelivery.updateMany({ where: { campaignId: 1 }, data: { status: "sent", sentAt: NOW } });
      await campaignService({
        prisma: db.prisma,
        audit: prismaAuditLog(db.prisma),
        deliverable: () => [],
      }).finishSettled(NOW);
      await expect
        .poll(() => chat.outbox.sent.map((s) => s.message.text).join("\n"), { timeout: 60_000 })
        .toContain("Xong thông báo #1: đã gửi 2");
      const edits = chat.api.calls.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
      expect(edits.at(-1)).toContain("đã gửi 2/2");
    },
  );

  it("refuses staff, who may only draft", async () => {
    const chat = officerBot();
    await link(chat, "staff");
    expect(textOf(await chat.say("/broadcast"))).toContain("chỉ xem");
    expect(await db.prisma.broadcastCampaign.count()).toBe(0);
  });

  it("does not turn a topic it no longer knows into everyone", async () => {
    const chat = officerBot();
    await link(chat, "officer");
    await subscribe("telegram", "1", ["training"]);
    await chat.say("/broadcast");
    expect(textOf(await chat.press("ocbc:t:harvest"))).toContain("không còn trong danh sách nên chưa gửi gì");
    expect(textOf(await chat.say("Thông báo cho mọi người"))).not.toContain("Gửi cho");
    expect(await db.prisma.broadcastCampaign.count()).toBe(0);
  });
});
