import { describe, expect, it } from "vitest";
import { translator } from "../../../src/i18n/translate.js";
import { messageFarmer } from "../../../src/leads/lead-workflow.js";
import { answerOfficerQuestion } from "../../../src/questions/officer-desk.js";
import { prismaQuestionQueue } from "../../../src/questions/prisma-question-queue.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { insertLead } from "../../support/lead-rows.js";
import { staffAccount } from "../../support/staff-accounts.js";
import { NOW, buttonsOf, chattingBot, textOf } from "../lead-services.js";

const FARMER = 42;
const db = useMigratedDatabase();

function farmerBot() {
  return chattingBot(db.prisma, undefined, ({ outbox }) => ({
    questions: prismaQuestionQueue(db.prisma, { outbox, translate: translator() }),
  }));
}

/** An officer's message from the dashboard about this lead, `minutes` after NOW. */
async function officerWrites(
  lead: { id: number; reference: string; channel: string; chatId: string | null },
  minutes: number,
) {
  const officer =
    (await db.prisma.staffUser.findFirst()) ?? (await staffAccount(db.prisma, { username: "canbo.hanh" }));
  const now = new Date(NOW.getTime() + minutes * 60_000);
  await messageFarmer(
    { prisma: db.prisma, translate: translator() },
    { lead, text: `Tin nhắn lúc ${minutes}`, actorId: officer.id, now },
  );
}

describe("«Trả lời cán bộ» typed instead of pressed", () => {
  it("opens the reply to the officers' latest message to this chat, with or without diacritics", async () => {
    const chat = farmerBot();
    const older = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    const newer = await insertLead(db.prisma, {
      reference: "HTX-M4P2X",
      channel: "telegram",
      chatId: String(FARMER),
      phone: "+84912000111",
      purpose: "join_htx",
    });
    const elsewhere = await insertLead(db.prisma, {
      reference: "HTX-Z9Z9Z",
      channel: "telegram",
      chatId: String(FARMER + 1),
      phone: "+84912000222",
    });
    // The officers wrote about HTX-M4P2X, then HTX-7K3Q9, then to another chat: HTX-7K3Q9 is answered.
    await officerWrites(newer, 5);
    await officerWrites(older, 10);
    await officerWrites(elsewhere, 20);

    expect(textOf(await chat.say(FARMER, "tra loi can bo"))).toContain("lời trả lời cán bộ (mã HTX-7K3Q9)");
    await chat.say(FARMER, "/huy");
    await officerWrites(newer, 30);
    expect(textOf(await chat.say(FARMER, "Trả lời cán bộ"))).toContain("lời trả lời cán bộ (mã HTX-M4P2X)");
    await chat.say(FARMER, "Dạ tui đồng ý");
    expect(textOf(await chat.press(FARMER, "officer:send"))).toContain("Đã gửi lời nhắn cho cán bộ");
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({
      origin: "lead_reply",
      leadId: newer.id,
      text: "Dạ tui đồng ý",
    });
  });

  it("answers the officers' answer to a question from a farmer with no lead, as its button does", async () => {
    const chat = farmerBot();
    await chat.say(FARMER, "tui muon hoi can bo ve vay von");
    await chat.press(FARMER, "officer:send");
    const asked = await db.prisma.officerQuestion.findFirstOrThrow();
    const officer = await staffAccount(db.prisma, { username: "canbo.hanh" });
    await answerOfficerQuestion(
      { prisma: db.prisma, translate: translator() },
      { id: asked.id, answer: "Bà con ra ngân hàng ở xã nha.", officerId: officer.id, now: NOW },
    );

    expect(textOf(await chat.say(FARMER, "tra loi can bo"))).toContain("lời trả lời cán bộ (mã CH-00001)");
    await chat.say(FARMER, "/huy");
    // Later the farmer registers and an officer writes about the lead: that is the latest word now.
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    await officerWrites(lead, 10);
    expect(textOf(await chat.say(FARMER, "tra loi can bo"))).toContain("lời trả lời cán bộ (mã HTX-7K3Q9)");
  });

  it("takes the reply typed after the words in the same message, shown back to be sent", async () => {
    const chat = farmerBot();
    const lead = await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    await officerWrites(lead, 10);

    const shown = await chat.say(FARMER, "tra loi can bo: chieu mai tui o nha");
    expect(textOf(shown)).toContain("«chieu mai tui o nha»");
    expect(textOf(await chat.press(FARMER, "officer:send"))).toContain("Đã gửi lời nhắn cho cán bộ");
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({
      origin: "lead_reply",
      leadId: lead.id,
      text: "chieu mai tui o nha",
    });

    await officerWrites(lead, 20);
    expect(textOf(await chat.say(FARMER, "Trả lời cán bộ, dạ được con"))).toContain("«dạ được con»");
  });

  it("reads words after 'trả lời cán bộ' with no officer word to answer as an ordinary message", async () => {
    const chat = farmerBot();
    const reply = await chat.say(FARMER, "tra loi can bo: cam on nhieu");
    expect(textOf(reply)).not.toContain("Lời nhắn của bà con");
    expect(textOf(reply)).not.toContain("Cán bộ chưa nhắn gì");
    expect(await db.prisma.officerQuestion.count()).toBe(0);
  });

  it("says politely that no officer wrote yet, with the menu", async () => {
    const chat = farmerBot();
    await insertLead(db.prisma, { reference: "HTX-7K3Q9", channel: "telegram", chatId: String(FARMER) });
    const none = await chat.say(FARMER, "tra loi can bo");
    expect(textOf(none)).toContain("Cán bộ chưa nhắn gì cho bà con để trả lời");
    expect(buttonsOf(none)).toContain("menu:officer");
    expect(await db.prisma.officerQuestion.count()).toBe(0);
  });
});
