import { describe, expect, it } from "vitest";
import { createChatLinkCode } from "../../../src/staff/chat-link.js";
import { prismaQuestionQueue } from "../../../src/questions/prisma-question-queue.js";
import { prismaAuditLog } from "../../../src/audit/audit-log.js";
import { translator } from "../../../src/i18n/translate.js";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { NOW, buttonsOf, chattingBot, textOf } from "../lead-services.js";

const FARMER = 42;
const OFFICER = 900;
const db = useMigratedDatabase();

/** A bot over the real question queue and lead service (for the officer link), with a recording outbox. */
function officerBot() {
  return chattingBot(db.prisma, undefined, ({ outbox }) => ({
    outbox,
    questions: prismaQuestionQueue(db.prisma, { outbox, translate: translator(), audit: prismaAuditLog(db.prisma) }),
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

    const reply = chat.outbox.sent.find((s) => s.to.chatId === String(FARMER))!;
    expect(reply.message.text).toContain("Bà con mang phương án vay đến ngân hàng ở xã nha.");
    expect(await db.prisma.officerQuestion.findFirstOrThrow()).toMatchObject({
      status: "answered",
      answeredById: officer.id,
    });

    // A second officer (or a second tap) cannot answer it again.
    expect(textOf(await chat.press(OFFICER, answerButton))).toContain("đã được trả lời");
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
