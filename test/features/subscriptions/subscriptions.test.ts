import { prismaAuditLog } from "../../../src/audit/audit-log.js";
import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { aDraft } from "../../leads/fixtures.js";
import { buttonsOf, chattingBot, NOW, textOf } from "../lead-services.js";
import { subscriptionService, SUBSCRIPTION_CONSENT_VERSION } from "../../../src/broadcast/subscriptions.js";
import { campaignService } from "../../../src/broadcast/campaigns.js";
import { staffAccount } from "../../support/staff-accounts.js";

const CHAT = 77;
const db = useMigratedDatabase();

function subscribingBot() {
  const subscriptions = subscriptionService({ prisma: db.prisma, now: () => NOW });
  const broadcasts = campaignService({
    prisma: db.prisma,
    audit: prismaAuditLog(db.prisma),
    deliverable: () => ["telegram"],
  });
  const chat = chattingBot(db.prisma, undefined, () => ({ subscriptions, broadcasts }));
  return {
    ...chat,
    broadcasts,
    say: (text: string) => chat.say(CHAT, text),
    press: (data: string) => chat.press(CHAT, data),
  };
}

/** Subscribes to one topic through the buttons, no commune, consent given. */
async function subscribeWithoutCommune(chat: ReturnType<typeof subscribingBot>, topic: string) {
  for (const data of ["sub:start", `sub:t:${topic}`, "sub:t:done", "sub:p:any", "sub:c:agree"]) await chat.press(data);
}

const stored = () =>
  db.prisma.subscription.findUnique({ where: { channel_chatId: { channel: "telegram", chatId: String(CHAT) } } });

describe("announcements for farmers (/thongbao, /dunggui)", () => {
  it("subscribes with topics, the commune of a registration and a consent of its own, then stops at once", async () => {
    const chat = subscribingBot();
    const lead = aDraft();
    await chat.leads.submit({
      draft: lead,
      consent: { version: "2026-11-v1", hash: "a".repeat(64) },
      from: { channel: "telegram", chatId: String(CHAT) },
    });

    const status = await chat.say("/thongbao");
    expect(textOf(status)).toContain("chưa đăng ký nhận thông báo");
    expect(buttonsOf(status)).toEqual(["sub:start"]);

    const topics = await chat.press("sub:start");
    expect(buttonsOf(topics)).toEqual([
      "sub:t:training",
      "sub:t:credit",
      "sub:t:fairs",
      "sub:t:law",
      "sub:t:done",
      "sub:t:cancel",
    ]);
    const none = await chat.press("sub:t:done");
    expect(none.find((call) => call.method === "editMessageText")?.payload.text).toContain("ít nhất một chủ đề");
    // A tick edits the list in place: no new message each time.
    const ticked = await chat.press("sub:t:training");
    expect(ticked.filter((call) => call.method === "sendMessage")).toEqual([]);
    const edit = ticked.find((call) => call.method === "editMessageText")!;
    expect(edit.payload.text).toBe("Đang chọn: 🎓 Lớp tập huấn. Chọn thêm, bỏ chọn, hoặc bấm «Xong».");
    expect(JSON.stringify(edit.payload.reply_markup)).toContain("✅ 🎓 Lớp tập huấn");
    await chat.press("sub:t:credit");
    await chat.press("sub:t:law");
    await chat.press("sub:t:law");
    const place = await chat.press("sub:t:done");
    // The commune from the registration is one tap away.
    expect(buttonsOf(place)).toEqual([`sub:p:${lead.place.code}`, "sub:p:any"]);
    const consent = await chat.press(`sub:p:${lead.place.code}`);
    expect(textOf(consent)).toContain("Mục đích: chỉ để gửi thông báo");
    expect(textOf(await chat.say("hmm"))).toContain("Đồng ý");
    expect(await stored()).toBeNull();
    const saved = await chat.press("sub:c:agree");
    expect(textOf(saved)).toContain("Đã đăng ký nhận thông báo");
    expect(await stored()).toMatchObject({
      topics: ["training", "credit"],
      communeCode: lead.place.code,
      // Named as a typed commune is, so the announcement form lists one name per commune.
      communeName: `${lead.place.name}, ${lead.place.provinceName}`,
      consentVersion: SUBSCRIPTION_CONSENT_VERSION,
    });

    const shown = await chat.say("/thongbao");
    expect(textOf(shown)).toContain("Lớp tập huấn");
    expect(buttonsOf(shown)).toEqual(["sub:start", "sub:stop"]);

    expect(textOf(await chat.say("/dunggui"))).toContain("Đã ngừng gửi mọi thông báo");
    expect(await stored()).toBeNull();
    expect(textOf(await chat.say("/dunggui"))).toContain("chưa đăng ký");
  });

  it("types a commune when none is known, and declining consent stores nothing", async () => {
    const chat = subscribingBot();
    await chat.press("sub:offer:yes");
    await chat.press("sub:t:fairs");
    const place = await chat.press("sub:t:done");
    expect(buttonsOf(place)).toEqual(["sub:p:any"]);
    // Not a commune: what to type, with an example, and *Bỏ qua* at hand.
    const unknown = await chat.say("nha toi gan cho noi");
    expect(textOf(unknown)).toContain("Tôi chưa nhận ra tên xã/phường trong «nha toi gan cho noi»");
    expect(textOf(unknown)).toContain("ví dụ: Kế Sách");
    expect(buttonsOf(unknown)).toEqual(["sub:p:any"]);
    // Near names are offered to pick.
    const near = await chat.say("Phu Tan");
    expect(buttonsOf(near).length).toBeGreaterThan(1);
    // An address with its hamlet is read like a registration reads it: the commune is taken.
    const consent = await chat.say("ap 3 ke sach");
    expect(textOf(consent)).toContain("Mục đích: chỉ để gửi thông báo");
    expect(textOf(await chat.press("sub:c:decline"))).toContain("chưa đăng ký gì");
    expect(await stored()).toBeNull();
  });

  it("takes a commune by its name from before 2025, saying what it is called now", async () => {
    const chat = subscribingBot();
    await chat.press("sub:offer:yes");
    await chat.press("sub:t:credit");
    await chat.press("sub:t:done");
    const named = await chat.say("xa vinh thanh huyen thanh tri");
    expect(textOf(named)).toContain(
      "Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng) nay là Xã Vĩnh Lợi, Thành phố Cần Thơ.",
    );
    expect(textOf(await chat.press("sub:c:agree"))).toContain("ở Xã Vĩnh Lợi, Thành phố Cần Thơ");
    expect(await stored()).toMatchObject({ topics: ["credit"], communeName: "Xã Vĩnh Lợi, Thành phố Cần Thơ" });
  });

  it("opens the topics straight from the menu when not subscribed, and what is received once subscribed", async () => {
    const chat = subscribingBot();
    const topics = await chat.press("menu:subscribe");
    expect(textOf(topics)).toContain("Bà con muốn nhận tin về gì?");
    expect(buttonsOf(topics)).toContain("sub:t:training");
    await chat.press("sub:t:training");
    await chat.press("sub:t:done");
    await chat.press("sub:p:any");
    await chat.press("sub:c:agree");
    const status = await chat.press("menu:subscribe");
    expect(textOf(status)).toContain("Bà con đang nhận thông báo về");
    expect(buttonsOf(status)).toEqual(["sub:start", "sub:stop"]);
  });

  it("/xoa erases the subscription too", async () => {
    const chat = subscribingBot();
    await subscribeWithoutCommune(chat, "law");
    expect(await stored()).toMatchObject({ topics: ["law"], communeCode: null });
    expect(await chat.farmerData.erase({ channel: "telegram", chatId: String(CHAT) })).toMatchObject({
      subscriptions: 1,
    });
    expect(await stored()).toBeNull();
  });
});

describe("the «Đăng ký» choice under an announcement", () => {
  it("counts the press for the report and opens the registration", async () => {
    const chat = subscribingBot();
    await subscribeWithoutCommune(chat, "training");
    const officer = await staffAccount(db.prisma, { username: "canbo" });
    const draft = await chat.broadcasts.createDraft(
      {
        text: "Lớp tập huấn trồng lúa thứ Bảy",
        signupChoice: true,
        segment: { topics: [], communes: [], sectors: [], channels: [] },
      },
      officer.id,
    );
    if (!draft.ok) throw new Error(draft.problem);
    await chat.broadcasts.send(draft.id, officer.id, NOW);

    const pressed = await chat.press(`bc:signup:${draft.id}`);
    expect(textOf(pressed)).toContain("Tôi hỏi 9 câu ngắn");
    const delivery = await db.prisma.broadcastDelivery.findFirstOrThrow({ where: { campaignId: draft.id } });
    expect(delivery.pressedAt).toEqual(NOW);
  });
});
