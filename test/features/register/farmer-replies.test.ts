import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "../../staff/migrated-database.js";
import { buttonsOf, chattingBot, textOf } from "../lead-services.js";

const CHAT = 42;
const db = useMigratedDatabase();

type Chat = ReturnType<typeof chattingBot>;

/** Up to the phone step (step 3). */
async function toPhone(chat: Chat) {
  await chat.press(CHAT, "menu:register");
  await chat.press(CHAT, "reg:purpose:found_htx");
  return chat.say(CHAT, "Trần Văn Bảy");
}

async function submit(chat: Chat) {
  await chat.press(CHAT, "reg:summary:submit");
  return chat.press(CHAT, "reg:consent:agree");
}

describe("Registration as farmers actually reply", () => {
  it("offers to answer a question typed mid-flow, answers it, and goes on where it was", async () => {
    const chat = chattingBot(db.prisma);
    await chat.press(CHAT, "menu:register");
    const named = await chat.press(CHAT, "reg:purpose:found_htx");
    // Step 1's choice is echoed: its keyboard is gone once pressed.
    expect(textOf(named)).toContain("✅ Nhu cầu: Thành lập hợp tác xã mới\nBước 2/9");

    const offered = await chat.say(CHAT, "HTX cần mấy người vậy?");
    expect(textOf(offered)).toContain("Bà con muốn hỏi: «HTX cần mấy người vậy?»");
    expect(textOf(offered)).toContain("/huy");
    expect(buttonsOf(offered)).toEqual(["flowq:answer", "flowq:continue"]);

    const answered = await chat.press(CHAT, "flowq:answer");
    const text = textOf(answered);
    expect(text).toContain("Điều 4"); // the knowledge answer (the test knowledge base)
    expect(text.indexOf("Điều 4")).toBeLessThan(text.lastIndexOf("Bước 2/9"));
    expect(textOf(await chat.say(CHAT, "Trần Văn Bảy"))).toContain("Bước 3/9");

    // Going on without an answer, at the summary too.
    const place = await chat.say(CHAT, "cán bộ gọi lúc mấy giờ?");
    expect(buttonsOf(place)).toEqual(["flowq:answer", "flowq:continue"]);
    const again = await chat.press(CHAT, "flowq:continue");
    expect(textOf(again)).toContain("Bước 3/9");
    expect(textOf(again)).not.toContain("Điều 4");
  });

  it("does not take a question without '?' as a name or a trade", async () => {
    const chat = chattingBot(db.prisma);
    await chat.press(CHAT, "menu:register");
    await chat.press(CHAT, "reg:purpose:found_htx");
    const offered = await chat.say(CHAT, "lap htx thi tui phai gop von nhiu");
    expect(buttonsOf(offered)).toEqual(["flowq:answer", "flowq:continue"]);
    expect(textOf(await chat.press(CHAT, "flowq:continue"))).toContain("Bước 2/9");
    expect(textOf(await chat.say(CHAT, "Trần Văn Bảy"))).toContain("✅ Họ tên: Trần Văn Bảy\nBước 3/9");
  });

  it("reads a typed 'ừ' as yes to the offer, and takes an answer typed instead of a press", async () => {
    const chat = chattingBot(db.prisma);
    await toPhone(chat);
    await chat.say(CHAT, "đăng ký rồi thì bao lâu cán bộ gọi?");
    expect(textOf(await chat.say(CHAT, "ừ"))).toContain("Điều 4");
    await chat.say(CHAT, "số này có cần đúng chủ không?");
    expect(textOf(await chat.say(CHAT, "0912 345 678"))).toContain("✅ Số điện thoại: 0912 345 678\nBước 4/9");
  });

  it("registers a farmer without a mobile: a relative's number, or a call-back at the commune office", async () => {
    const chat = chattingBot(db.prisma);
    const phone = await toPhone(chat);
    expect(buttonsOf(phone)).toEqual(["reg:phone:relative", "reg:phone:none", "reg:phone:back"]);
    const relative = await chat.press(CHAT, "reg:phone:relative");
    expect(textOf(relative)).toContain("số di động của người thân");
    expect(buttonsOf(relative)).toEqual(["reg:phone:none", "reg:phone:back"]);
    expect(textOf(await chat.say(CHAT, "0987 654 321"))).toContain("✅ Số điện thoại: 0987 654 321 (số người thân)");
    await chat.say(CHAT, "Vĩnh Lợi");
    await chat.press(CHAT, "reg:place:31777");
    await chat.press(CHAT, "reg:sector:lua");
    await chat.say(CHAT, "6");
    await chat.say(CHAT, "0");
    await chat.press(CHAT, "reg:callTime:any");
    expect(textOf(await chat.press(CHAT, "reg:note:skip"))).toContain("Số điện thoại: 0987 654 321 (số người thân)");
    await submit(chat);
    expect(await db.prisma.lead.findFirstOrThrow()).toMatchObject({ contact: "relative_phone", phone: "+84987654321" });

    // Another farmer of the same chat with no phone at all.
    await db.clear();
    await toPhone(chat);
    // Reached through the commune office: no time to call is asked, one step fewer.
    const none = await chat.press(CHAT, "reg:phone:none");
    expect(textOf(none)).toContain("✅ Số điện thoại: Không có điện thoại: hẹn qua UBND xã/phường\nBước 4/8");
    await chat.say(CHAT, "Vĩnh Lợi");
    await chat.press(CHAT, "reg:place:31777");
    await chat.press(CHAT, "reg:sector:lua");
    await chat.say(CHAT, "6");
    const note = await chat.say(CHAT, "0");
    expect(textOf(note)).toContain("Bước 8/8");
    expect(buttonsOf(note)).not.toContain("reg:callTime:any");
    const summary = await chat.press(CHAT, "reg:note:skip");
    expect(buttonsOf(summary)).not.toContain("reg:summary:callTime");
    expect(textOf(await submit(chat))).toContain("Đã gửi đăng ký");
    expect(await db.prisma.lead.findFirstOrThrow()).toMatchObject({
      contact: "commune_office",
      phone: null,
      fullName: "Trần Văn Bảy",
      callTime: "any",
    });
  });

  it("takes 'không có số' typed at the phone step, in any spelling, as no phone", async () => {
    const chat = chattingBot(db.prisma);
    for (const typed of ["không có số", "ko co dt", "tui hong co dien thoai", "Không có số điện thoại ạ"]) {
      await db.clear();
      await toPhone(chat);
      expect(textOf(await chat.say(CHAT, typed))).toContain(
        "✅ Số điện thoại: Không có điện thoại: hẹn qua UBND xã/phường\nBước 4/8",
      );
      await chat.say(CHAT, "/huy");
    }
    // A phone number is still a phone number, and a relative's step reads it the same way.
    await db.clear();
    await toPhone(chat);
    await chat.press(CHAT, "reg:phone:relative");
    expect(textOf(await chat.say(CHAT, "khong co so luon"))).toContain("Không có điện thoại: hẹn qua UBND xã/phường");
  });

  it("keeps a mixed sector as both, reads a guessed and an unknown member count, asks a bare area's unit and skips on 'hông có'", async () => {
    const chat = chattingBot(db.prisma);
    await toPhone(chat);
    await chat.say(CHAT, "0912 345 678");
    await chat.say(CHAT, "Vĩnh Lợi");
    await chat.press(CHAT, "reg:place:31777");
    const members = await chat.say(CHAT, "lua + nuoi tom");
    expect(textOf(members)).toContain("✅ Nghề chính: Lúa + Thủy sản (lua + nuoi tom)");
    expect(buttonsOf(members)).toEqual(["reg:members:unknown", "reg:members:back"]);
    // A guess is its number.
    expect(textOf(await chat.say(CHAT, "chac 6 nguoi"))).toContain("✅ Số người: 6\nBước 7/9");
    await chat.press(CHAT, "reg:landArea:back");
    expect(textOf(await chat.say(CHAT, "hổng biết"))).toContain("✅ Số người: Chưa rõ\nBước 7/9");

    const unit = await chat.say(CHAT, "10");
    expect(textOf(unit)).toContain("10 là công, hecta hay mét vuông?");
    expect(buttonsOf(unit).slice(0, 3)).toEqual(["reg:landArea:10 công", "reg:landArea:10 ha", "reg:landArea:10 m²"]);
    // Read back in the farmer's own unit, hectares beside it.
    expect(textOf(await chat.say(CHAT, "công"))).toContain("✅ Diện tích: 10 công (khoảng 1 ha)\n");
    expect(textOf(await chat.press(CHAT, "reg:callTime:back"))).toContain("Bước 7/9");
    expect(textOf(await chat.say(CHAT, "3 cong ruong"))).toContain("✅ Diện tích: 3 công (khoảng 0,3 ha)\n");
    await chat.press(CHAT, "reg:callTime:back");
    expect(textOf(await chat.say(CHAT, "hông có"))).toContain("✅ Diện tích: (không có)");
    await chat.press(CHAT, "reg:callTime:any");
    const summary = textOf(await chat.say(CHAT, "hong co"));
    expect(summary).toContain("Lời nhắn: (không có)");
    expect(summary).toContain("Số người: Chưa rõ");
    // The summary's button named in words, as a farmer types it instead of pressing.
    expect(textOf(await chat.say(CHAT, "gui di"))).toContain("đồng ý");
    await chat.press(CHAT, "reg:consent:agree");

    expect(await db.prisma.lead.findFirstOrThrow()).toMatchObject({
      sector: "lua",
      sectorLabel: "lua + nuoi tom",
      members: null,
      landAreaHa: null,
      note: null,
    });
  });

  it("takes 'ok' as yes to the one place offered, and ends with the main menu", async () => {
    const chat = chattingBot(db.prisma);
    await toPhone(chat);
    await chat.say(CHAT, "0912 345 678");
    const list = await chat.say(CHAT, "vinh loi");
    expect(buttonsOf(list).filter((b) => /^reg:place:\d+$/.test(b)).length).toBeGreaterThan(1);
    // "ok" to a list of several is not a choice, nor thanks: the list again.
    const which = await chat.say(CHAT, "ok");
    expect(textOf(which)).toContain("trong các nơi sau");
    expect(buttonsOf(which)).toContain("reg:place:31777");

    await chat.press(CHAT, "reg:place:retype");
    const one = await chat.say(CHAT, "Vĩnh Lợi, Thạnh Trị");
    expect(buttonsOf(one).filter((b) => /^reg:place:\d+$/.test(b))).toEqual(["reg:place:31777"]);
    expect(textOf(await chat.say(CHAT, "ok"))).toContain("✅ Xã/phường: Xã Vĩnh Lợi, Thành phố Cần Thơ\nBước 5/9");

    await chat.press(CHAT, "reg:sector:lua");
    await chat.say(CHAT, "5");
    await chat.say(CHAT, "2 công");
    await chat.press(CHAT, "reg:callTime:any");
    await chat.press(CHAT, "reg:note:skip");
    const done = await submit(chat);
    expect(textOf(done)).toContain("Đã gửi đăng ký");
    expect(buttonsOf(done)).toEqual(
      expect.arrayContaining(["menu:law", "menu:check", "menu:register", "menu:ask", "menu:officer"]),
    );
  });
  it("offers announcements once: at the end of a first registration, not again after the next answer", async () => {
    const chat = chattingBot(db.prisma);
    await toPhone(chat);
    await chat.say(CHAT, "0912 345 678");
    await chat.say(CHAT, "Vĩnh Lợi, Thạnh Trị");
    await chat.say(CHAT, "ok");
    await chat.press(CHAT, "reg:sector:lua");
    await chat.say(CHAT, "5");
    await chat.say(CHAT, "2 công");
    await chat.press(CHAT, "reg:callTime:any");
    await chat.press(CHAT, "reg:note:skip");
    expect(buttonsOf(await submit(chat))).toContain("sub:offer:yes");
    const answered = await chat.say(CHAT, "htx can may nguoi");
    expect(textOf(answered)).toContain("Nguồn: Điều 4");
    expect(buttonsOf(answered)).not.toContain("sub:offer:yes");
    // Another farmer's first useful answer does bring the offer.
    expect(buttonsOf(await chat.say(CHAT + 1, "htx can may nguoi"))).toContain("sub:offer:yes");
  });
});
