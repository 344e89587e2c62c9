import { describe, expect, it } from "vitest";
import { buttonUpdate, stickerUpdate, textUpdate, type ApiCall } from "../../support/recording-fetch.js";
import { buttonData, sentTexts, testBot } from "../../support/test-bot.js";
import { memoryKeyValueStore } from "../../../src/bot/key-value-store.js";
import { loadProgrammes } from "../../../src/eligibility/index.js";
import { knownForRegistration } from "../../../src/features/eligibility/index.js";
import { createPlaceResolver } from "../../../src/places/resolver.js";
import { QUALIFYING_HTX_TAPS } from "./qualifying-taps.js";

const CHAT = 42;

type Button = { text: string; callback_data: string };
const buttonsOf = (call: ApiCall | undefined): Button[] =>
  ((call?.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

/** Drives one chat and remembers the latest question, so a test can answer by label. */
function farmer(bot = testBot()) {
  let updateId = 0;
  let question: ApiCall | undefined;
  const seen = (calls: ApiCall[]) => {
    question =
      calls
        .filter((c) => c.method === "sendMessage" && buttonsOf(c).some((b) => b.callback_data.startsWith("elig:q:")))
        .at(-1) ?? question;
    return calls;
  };
  return {
    ...bot,
    say: async (text: string) => {
      await bot.bot.handleUpdate(textUpdate(++updateId, CHAT, text));
      return seen(bot.api.take());
    },
    press: async (data: string, chat = CHAT) => {
      await bot.bot.handleUpdate(buttonUpdate(++updateId, chat, data));
      return seen(bot.api.take());
    },
    sticker: async () => {
      await bot.bot.handleUpdate(stickerUpdate(++updateId, CHAT));
      return bot.api.take();
    },
    questionId: () => buttonsOf(question)[0]?.callback_data.split(":")[2],
    questionText: () => String(question?.payload.text),
    /** Taps the current question's button with this label. */
    tap: async function (label: string) {
      const button = buttonsOf(question).find((b) => b.text === label);
      if (!button) throw new Error(`no button "${label}" on: ${String(question?.payload.text)}`);
      return this.press(button.callback_data);
    },
  };
}

const taps = QUALIFYING_HTX_TAPS;

/** Answers every remaining question from `taps` until the results arrive. */
async function answerTheRest(f: ReturnType<typeof farmer>, first: ApiCall[]): Promise<ApiCall[]> {
  let calls = first;
  for (let guard = 0; guard < 20; guard++) {
    if (sentTexts(calls).some((t) => t.startsWith("Kết quả"))) return calls;
    const id = f.questionId()!;
    if (!taps[id]) throw new Error(`unexpected question ${id}: ${f.questionText()}`);
    calls = await f.tap(taps[id]);
  }
  throw new Error("the questions never ended");
}

const results = (calls: ApiCall[]) => calls.filter((c) => c.method === "sendMessage").slice(-2);

describe("Kiểm tra điều kiện vay vốn / hỗ trợ, through the bot", () => {
  it("counts questions against a total that never moves, and offers to answer a question typed instead of an answer", async () => {
    const f = farmer();
    await f.press("menu:check");
    const counters: [number, number][] = [];
    const counter = () => {
      const [, current, total] = /^Câu (\d+)\/(\d+):/.exec(f.questionText())!;
      counters.push([Number(current), Number(total)]);
    };
    counter();
    await f.tap("Tất cả");
    counter();
    await f.tap("Hợp tác xã");
    counter();

    const offer = await f.say("HTX vay được bao nhiêu tiền?");
    expect(sentTexts(offer).join("\n")).toContain("Bà con muốn hỏi: «HTX vay được bao nhiêu tiền?»");
    const answered = sentTexts(await f.press("flowq:answer"));
    expect(answered.join("\n")).toContain("Điều 4");
    // The flow goes on: no offer of announcements in the middle of it.
    expect(answered.join("\n")).not.toContain("nhận thông báo");
    // Then the same question again, with its buttons: nothing answered meanwhile.
    expect(answered.at(-1)).toMatch(/^Câu 3\/\d+: /);
    expect(f.questionId()).toBe("member_count");

    await f.say("12");
    for (let guard = 0; guard < 20 && f.questionId() && taps[f.questionId()!]; guard++) {
      counter();
      const before = f.questionId();
      await f.tap(taps[f.questionId()!]!);
      if (f.questionId() === before) break;
    }
    const totals = new Set(counters.map(([, total]) => total));
    expect(totals.size).toBe(1);
    counters.forEach(([current], i) => expect(current).toBe(i + 1));
  });

  it("walks the questions with back, Không biết, farmer numbers and a commune, then shows, explains and re-runs the result", async () => {
    const f = farmer();
    const opened = await f.press("menu:check");
    expect(sentTexts(opened)[0]).toContain("Không biết");
    expect(f.questionText()).toMatch(/^Câu 1\/\d+: Bà con muốn tìm hiểu về gì\?/);
    await f.tap("Tất cả");
    expect(f.questionText()).toMatch(/^Câu 2\/\d+: Bà con hỏi cho ai\?/);
    // Words no option has: the reason comes with the options' buttons again, under it.
    const unclear = await f.say("abc xyz");
    expect(sentTexts(unclear)[0]).toContain("Bà con chọn một trong các mục");
    expect(buttonsOf(unclear.at(-1)).map((b) => b.text)).toContain("Hợp tác xã");

    await f.tap("Hợp tác xã");
    expect(f.questionId()).toBe("member_count");
    expect(f.questionText()).toMatch(/^Câu 3\/\d+/);

    // A sticker and an unreadable number: polite reminders, the question stays.
    expect(sentTexts(await f.sticker())[0]).toContain("nhắn bằng chữ");
    expect(sentTexts(await f.say("nhiều lắm"))[0]).toContain("chưa hiểu con số");
    expect(f.questionId()).toBe("member_count");
    const twelve = await f.say("12 người");
    expect(twelve.find((c) => c.method === "editMessageText")?.payload.text).toMatch(/👉 12 người$/);
    expect(f.questionId()).toBe("works_in_agriculture");

    // Quay lại: the member count is asked again, and a new answer replaces the old one.
    await f.tap("Quay lại");
    expect(f.questionId()).toBe("member_count");
    await f.say("mười hai");
    expect(f.questionId()).toBe("works_in_agriculture");

    await f.tap("Không biết");
    expect(f.questionId()).toBe("commune");
    // An answer button of an earlier question does not answer this one.
    expect(sentTexts(await f.press("elig:q:works_in_agriculture:0"))[0]).toContain("câu hỏi trước");
    // Without diacritics, and without "xã".
    const commune = await f.say("ke sach");
    expect(commune.find((c) => c.method === "editMessageText")?.payload.text).toMatch(
      /👉 Xã Kế Sách, Thành phố Cần Thơ$/,
    );

    const done = await answerTheRest(f, commune);
    const [fit, rest] = results(done);
    const fitText = String(fit!.payload.text);
    expect(fitText).toMatch(/^Kết quả, theo quy định áp dụng ngày 27\/11\/2026:/);
    // Eligible first: every ✅ comes before any ❓, and what does not fit is in the second message.
    expect(fitText).not.toMatch(/❓[\s\S]*✅/);
    expect(fitText).toContain("Vay ngân hàng không cần tài sản bảo đảm");
    expect(fitText).toContain(
      "tối đa 5 tỷ đồng, áp dụng từ 01/07/2025 (điểm d khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP))",
    );
    expect(fitText).not.toContain("Đã kết thúc");
    const restText = String(rest!.payload.text);
    expect(restText).toMatch(/⚠ Có thể chưa phù hợp, nên hỏi lại: Vay vốn Quỹ Hỗ trợ nông dân/);
    expect(restText).toContain(
      "Đề án mô hình HTX kiểu mới hiệu quả giai đoạn 2021–2025\nChỉ áp dụng từ 03/02/2021 đến hết 31/12/2025 (Quyết định 167/QĐ-TTg)",
    );
    expect(restText).toContain("đến hết 31/12/2023 (Nghị định 31/2022/NĐ-CP");
    expect(restText.indexOf("❌")).toBeLessThan(restText.indexOf("⏹"));

    const check = f.checks.all()[0]!;
    expect(check).toMatchObject({
      channel: "telegram",
      chatId: String(CHAT),
      asOf: new Date("2026-11-27T08:00:00Z"),
      rulesVersion: loadProgrammes("knowledge/programmes").version,
      answers: {
        applicant_type: "cooperative",
        member_count: 12,
        works_in_agriculture: "unknown",
        commune: "Xã Kế Sách, Thành phố Cần Thơ",
      },
    });
    const fitButtons = buttonData(fit);
    expect(fitButtons).toContain(`elig:why:${check.id}:tin-dung-55`);
    expect(buttonData(rest)).toEqual(
      expect.arrayContaining([`elig:again:${check.id}`, `elig:reg:${check.id}`, "menu:officer"]),
    );

    // The result buttons read the stored check: they work after the flow has ended.
    const why = sentTexts(await f.press(`elig:why:${check.id}:tin-dung-55`))[0]!;
    expect(why).toMatch(/^Vì sao\? Vay ngân hàng/);
    expect(why).toContain("(Điều 2 Nghị định 55/2015/NĐ-CP)");
    expect(why).toContain("Lưu ý, nên hỏi lại");
    expect(sentTexts(await f.press(`elig:docs:${check.id}:tin-dung-55`))[0]).toContain(
      "Giấy chứng nhận đăng ký hợp tác xã",
    );
    expect(sentTexts(await f.press(`elig:where:${check.id}:tin-dung-55`))[0]).toContain("Agribank");
    // Another chat cannot read this check by forging the button.
    expect(sentTexts(await f.press(`elig:why:${check.id}:tin-dung-55`, 77))[0]).toContain("không tìm thấy");

    // Kiểm tra lại: pick the member count, see the old answer, change it; the rest is kept.
    const again = sentTexts(await f.press(`elig:again:${check.id}`))[0]!;
    expect(again).toContain("3. Số thành viên: 12 người");
    expect(again).toContain("5. Nơi ở (xã hay phường): Xã Kế Sách, Thành phố Cần Thơ");
    await f.press("elig:e:2");
    expect(f.questionId()).toBe("member_count");
    expect(f.questionText()).toContain("Lần trước: 12 người");
    const rerun = results(await f.say("3"));
    expect(f.checks.all()).toHaveLength(2);
    expect(f.checks.all()[1]!.answers).toMatchObject({
      member_count: 3,
      commune: "Xã Kế Sách, Thành phố Cần Thơ",
      has_bad_debt: false,
    });
    expect(String(rerun[1]!.payload.text)).toMatch(
      /❌ Chưa phù hợp: Vay vốn Quỹ hỗ trợ phát triển hợp tác xã\n• ✘ HTX phải có ít nhất 5 thành viên/,
    );
    // Three members is no HTX (Luật HTX Điều 4 khoản 7): no 5 tỷ bank ceiling either.
    expect(String(rerun[0]!.payload.text)).not.toContain("tối đa 5 tỷ đồng");
    expect(String(rerun[1]!.payload.text)).toMatch(
      /❌ Chưa phù hợp: Vay ngân hàng không cần tài sản bảo đảm[^\n]*\n• ✘ HTX phải có ít nhất 5 thành viên/,
    );
  });

  it("offers did-you-mean buttons for an unclear commune and maps an old Sóc Trăng name to the new commune", async () => {
    const f = farmer();
    await f.press("menu:check");
    await f.tap("Tất cả");
    await f.tap("Cá nhân, hộ gia đình");
    await f.tap("Không biết");
    expect(f.questionId()).toBe("commune");

    const unclear = await f.say("vinh loi");
    const offer = unclear.find((c) => c.method === "sendMessage")!;
    expect(String(offer.payload.text)).toContain("nơi nào");
    const [canTho, caMau] = buttonsOf(offer);
    expect([canTho!.text, caMau!.text]).toEqual(["Xã Vĩnh Lợi, Cần Thơ", "Xã Vĩnh Lợi, Cà Mau"]);
    expect(sentTexts(await f.say("khong co xa nao ten vay het"))[0]).toContain("chưa tìm thấy");

    const old = await f.say("xa vinh thanh thanh tri");
    expect(sentTexts(old)[0]).toBe(
      "Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng) nay là Xã Vĩnh Lợi, Thành phố Cần Thơ.",
    );
    expect(f.questionId()).not.toBe("commune");

    // Back to the commune, and this time a tap on a suggestion.
    await f.tap("Quay lại");
    expect(f.questionId()).toBe("commune");
    await f.say("vinh loi");
    const picked = await f.press(canTho!.callback_data);
    expect(picked.map((c) => c.method)).toContain("editMessageReplyMarkup");
    expect(f.questionId()).not.toBe("commune");
  });

  it("lets result buttons of an earlier check work in the middle of a new check", async () => {
    const f = farmer();
    await f.press("menu:check");
    await f.tap("Tất cả");
    await f.tap("Doanh nghiệp hoặc loại khác");
    for (let guard = 0; guard < 10 && f.checks.all().length === 0; guard++) await f.tap("Không biết");
    const first = f.checks.all()[0]!;

    await f.press("menu:check");
    const asked = f.questionId();
    const why = await f.press(`elig:why:${first.id}:tin-dung-55`);
    expect(sentTexts(why)[0]).toContain("Vì sao?");
    expect(f.questionId()).toBe(asked);
    await f.tap("Tất cả");
    await f.tap("Hợp tác xã");
    expect(f.questionId()).toBe("member_count");
  });

  it("continues a check after a restart with the same store", async () => {
    const store = memoryKeyValueStore();
    const before = farmer(testBot(store));
    await before.press("menu:check");
    await before.tap("Tất cả");
    await before.tap("Hợp tác xã");
    const after = testBot(store);
    await after.bot.handleUpdate(textUpdate(100, CHAT, "12"));
    expect(after.api.take().find((c) => c.method === "sendMessage")?.payload.text).toMatch(/^Câu 4\/\d+: Việc làm ăn/);
  });

  it("hands Đăng ký để cán bộ liên hệ over to the registration flow with what the check already knows", async () => {
    const f = farmer();
    const answers = { applicant_type: "cooperative", member_count: 12, commune: "Xã Kế Sách, Thành phố Cần Thơ" };
    const check = await f.checks.insert({
      channel: "telegram",
      chatId: String(CHAT),
      asOf: new Date("2026-11-27T08:00:00Z"),
      answers,
      results: [],
      rulesVersion: "test",
    });
    expect(sentTexts(await f.press(`elig:reg:${check.id}`))[0]).toContain("Tôi hỏi 9 câu");
    expect(knownForRegistration(answers, createPlaceResolver())).toEqual({
      members: 12,
      place: { code: "31528", name: "Xã Kế Sách", provinceCode: "92", provinceName: "Thành phố Cần Thơ" },
    });
    // A person's own member count is not a group's, and "Không biết" is no place.
    expect(
      knownForRegistration(
        { applicant_type: "individual", member_count: 3, commune: "unknown" },
        createPlaceResolver(),
      ),
    ).toEqual({});
  });
});
