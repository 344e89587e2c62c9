import { describe, expect, it } from "vitest";
import { createChatLinkCode } from "../../../src/staff/chat-link.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { aDraft } from "../../leads/fixtures.js";
import { buttonsOf, chattingBot, NOW, textOf } from "../lead-services.js";

const FARMER = 42;
const OFFICER = 900;
const CONSENT = { version: "2026-11-v1", hash: "a".repeat(64) };
const db = useMigratedDatabase();

async function staffUser(username: string, role: "officer" | "staff" = "officer") {
  return db.prisma.staffUser.create({ data: { username, displayName: `Cán bộ ${username}`, passwordHash: "x", role } });
}

async function farmerLead(chat: ReturnType<typeof chattingBot>) {
  const { reference } = await chat.leads.submit({
    draft: aDraft({ note: "Gọi trước 9 giờ" }),
    consent: CONSENT,
    from: { channel: "telegram", chatId: String(FARMER) },
  });
  return reference;
}

describe("officers in chat", () => {
  it("refuses officer commands and buttons to a farmer's chat, politely", async () => {
    const chat = chattingBot(db.prisma);
    const reference = await farmerLead(chat);

    expect(textOf(await chat.say(FARMER, "/leads"))).toContain("chỉ dành cho cán bộ");
    expect(textOf(await chat.press(FARMER, `oc:claim:${reference}`))).toContain("chỉ dành cho cán bộ");
    expect(textOf(await chat.press(FARMER, `oc:contacted:${reference}`))).toContain("chỉ dành cho cán bộ");
    expect(await db.prisma.lead.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      assignedToId: null,
      status: "new",
    });
    expect(await db.prisma.leadEvent.count({ where: { actorId: { not: null } } })).toBe(0);
  });

  it("links an officer's chat with /canbo, then notifies it, lists leads and acts on the buttons", async () => {
    const chat = chattingBot(db.prisma);
    const an = await staffUser("an");
    expect(textOf(await chat.say(OFFICER, "/canbo"))).toContain("/canbo <mã liên kết>");
    expect(textOf(await chat.say(OFFICER, "/canbo SAIMA123"))).toContain("không đúng hoặc đã hết hạn");
    const { code } = await createChatLinkCode(db.prisma, an.id, NOW);
    expect(textOf(await chat.say(OFFICER, `/canbo ${code}`))).toContain(
      "Đã liên kết khung chat này với tài khoản Cán bộ an",
    );

    const reference = await farmerLead(chat);
    expect(chat.outbox.sent.map((s) => s.to)).toEqual([{ channel: "telegram", chatId: String(OFFICER) }]);

    const listed = await chat.say(OFFICER, "/leads");
    expect(textOf(listed)).toContain("1 hồ sơ");
    expect(textOf(listed)).toContain("0912 *** 678");
    expect(buttonsOf(listed)).toEqual([`oc:claim:${reference}`, `oc:contacted:${reference}`]);

    const claimed = textOf(await chat.press(OFFICER, `oc:claim:${reference}`));
    expect(claimed).toContain(`Đã nhận xử lý hồ sơ ${reference}`);
    expect(claimed).toContain("0912 345 678");
    expect(claimed).toContain("Gọi trước 9 giờ");
    expect(textOf(await chat.press(OFFICER, `oc:contacted:${reference}`))).toContain("đã liên hệ");
    expect(textOf(await chat.press(OFFICER, `oc:contacted:${reference}`))).toContain("«Đã liên hệ»");

    const lead = await db.prisma.lead.findUniqueOrThrow({
      where: { reference },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(lead).toMatchObject({ status: "contacted", assignedToId: an.id });
    expect(lead.events.map((e) => [e.kind, e.actorId])).toEqual([
      ["created", null],
      ["assigned", an.id],
      ["status", an.id],
    ]);
  });

  it("tells a second officer who already has the lead", async () => {
    const chat = chattingBot(db.prisma);
    const [an, binh] = [await staffUser("an"), await staffUser("binh")];
    await chat.say(OFFICER, `/canbo ${(await createChatLinkCode(db.prisma, an.id, NOW)).code}`);
    await chat.say(OFFICER + 1, `/canbo ${(await createChatLinkCode(db.prisma, binh.id, NOW)).code}`);
    const reference = await farmerLead(chat);
    expect(chat.outbox.sent).toHaveLength(2);

    await chat.press(OFFICER, `oc:claim:${reference}`);
    const late = textOf(await chat.press(OFFICER + 1, `oc:claim:${reference}`));
    expect(late).toContain("Cán bộ an nhận xử lý");
    expect(late).not.toContain("0912 345 678");
    expect(textOf(await chat.say(OFFICER + 1, "/leads"))).toContain("Hiện không có hồ sơ nào");
  });

  it("gives read-only staff notifications without buttons and refuses their actions, even forged ones", async () => {
    const chat = chattingBot(db.prisma);
    const [viewer, an] = [await staffUser("xem", "staff"), await staffUser("an")];
    expect(
      textOf(await chat.say(OFFICER, `/canbo ${(await createChatLinkCode(db.prisma, viewer.id, NOW)).code}`)),
    ).toContain("chỉ xem");
    await chat.say(OFFICER + 1, `/canbo ${(await createChatLinkCode(db.prisma, an.id, NOW)).code}`);
    const reference = await farmerLead(chat);

    const [toViewer, toOfficer] = [chat.outbox.sent[0]!, chat.outbox.sent[1]!];
    expect(toViewer.to).toEqual({ channel: "telegram", chatId: String(OFFICER) });
    expect(toViewer.message.text).toContain(reference);
    expect(toViewer.message.buttons).toBeUndefined();
    expect(toOfficer.message.buttons?.flat().map((b) => b.data)).toEqual([
      `oc:claim:${reference}`,
      `oc:contacted:${reference}`,
    ]);

    const listed = await chat.say(OFFICER, "/leads");
    expect(textOf(listed)).toContain(reference);
    expect(buttonsOf(listed)).toEqual([]);
    expect(textOf(await chat.press(OFFICER, `oc:claim:${reference}`))).toContain("chỉ xem");
    expect(textOf(await chat.press(OFFICER, `oc:contacted:${reference}`))).toContain("chỉ xem");
    expect(textOf(await chat.press(OFFICER, "oc:qa:1"))).toContain("chỉ xem");

    expect(await db.prisma.lead.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      assignedToId: null,
      status: "new",
    });
    expect(await db.prisma.leadEvent.count({ where: { actorId: { not: null } } })).toBe(0);
    expect(await db.prisma.auditEntry.count({ where: { action: { in: ["lead.claim", "lead.status"] } } })).toBe(0);
  });
});
