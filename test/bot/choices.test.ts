import { describe, expect, it } from "vitest";
import {
  inlineKeyboardMarkup,
  keyChoices,
  listChoicesInText,
  matchTypedChoice,
  typedStepChoice,
  renderAsButtons,
  renderForListing,
  LISTED_CHOICES,
  type ChoiceRows,
} from "../../src/bot/choices.js";
import { translator } from "../../src/i18n/translate.js";

const t = translator();
const yesNo: ChoiceRows = [
  [
    { text: "Có", data: "q:yes", means: "yes" },
    { text: "Không", data: "q:no", means: "no" },
    { text: "Không biết", data: "q:unknown" },
  ],
  [{ text: "⬅️ Quay lại", data: "q:back" }],
];
const menu: ChoiceRows = [
  [{ text: "📘 Tìm hiểu Luật HTX 2023", data: "menu:law" }],
  [{ text: "✅ Kiểm tra điều kiện vay vốn / hỗ trợ", data: "menu:check" }],
  [{ text: "👤 Gặp cán bộ", data: "menu:officer" }],
];

describe("channel-neutral choices", () => {
  it("render as an inline keyboard for button channels, and are handed over whole to text channels", () => {
    expect(renderAsButtons("Chọn:", yesNo, {}).other).toEqual({ reply_markup: inlineKeyboardMarkup(yesNo) });
    expect(inlineKeyboardMarkup(yesNo).inline_keyboard[0]![1]).toEqual({ text: "Không", callback_data: "q:no" });
    expect(renderForListing("Chọn:", yesNo, { numbersAreAnswers: true }).other).toEqual({
      [LISTED_CHOICES]: { rows: yesNo, options: { numbersAreAnswers: true } },
    });
    expect(renderAsButtons("Xong", [[]], {}).other).toEqual({});
  });

  it("are numbered in the text, or lettered where typed numbers are the answer", () => {
    const numbered = keyChoices({ rows: menu, options: {} });
    expect(listChoicesInText("Bà con chọn việc cần làm:", numbered, {}, t)).toBe(
      "Bà con chọn việc cần làm:\n\n1. 📘 Tìm hiểu Luật HTX 2023\n2. ✅ Kiểm tra điều kiện vay vốn / hỗ trợ\n3. 👤 Gặp cán bộ\n\nBà con trả lời số 1, 2 hoặc 3 (hoặc gõ chữ của lựa chọn).",
    );
    const lettered = keyChoices({
      rows: [[{ text: "Không biết", data: "m:unknown" }], [{ text: "Quay lại", data: "m:back" }]],
      options: { numbersAreAnswers: true },
    });
    expect(lettered.map((c) => c.key)).toEqual(["a", "b"]);
    expect(
      listChoicesInText("Tổ hợp tác có bao nhiêu thành viên?", lettered, { numbersAreAnswers: true }, t),
    ).toContain("gõ chữ a hoặc b");
    // A second message of the same reply goes on where the first stopped.
    expect(keyChoices({ rows: menu, options: {} }, 4).map((c) => c.key)).toEqual(["5", "6", "7"]);
  });

  it("read a typed key, a label without diacritics, a unique prefix or a southern yes/no word as the choice", () => {
    const offered = keyChoices({ rows: yesNo, options: {} });
    const pick = (typed: string) => matchTypedChoice(typed, offered)?.data;
    expect(pick("1")).toBe("q:yes");
    expect(pick(" 3 ")).toBe("q:unknown");
    expect(pick("co")).toBe("q:yes");
    expect(pick("khong")).toBe("q:no");
    expect(pick("khong biet")).toBe("q:unknown");
    expect(pick("quay")).toBe("q:back");
    for (const no of ["hông", "hổng", "hong", "k", "ko", "hem"]) expect(pick(no)).toBe("q:no");
    for (const yes of ["dạ", "ừ", "uh", "có", "được"]) expect(pick(yes)).toBe("q:yes");
    // Not a choice: ordinary text goes to the step (or becomes a question).
    expect(pick("5")).toBeUndefined();
    expect(pick("htx can may nguoi")).toBeUndefined();
    expect(pick("kh")).toBeUndefined();
    const menuOffered = keyChoices({ rows: menu, options: {} });
    expect(matchTypedChoice("gap can bo", menuOffered)?.data).toBe("menu:officer");
    expect(matchTypedChoice("kiem tra", menuOffered)?.data).toBe("menu:check");
    // Yes/no words only mean something where the choices mark a yes and a no.
    expect(matchTypedChoice("ừ", menuOffered)).toBeUndefined();
    // The last words of one label name it, unless the label negates them.
    const ends = [
      { key: "1", text: "Vẫn lập HTX", data: "htx" },
      { key: "2", text: "Lập tổ hợp tác", data: "tht" },
      { key: "3", text: "Không biết", data: "unknown" },
    ];
    expect(["to hop tac", "htx", "biết"].map((typed) => matchTypedChoice(typed, ends)?.data)).toEqual([
      "tht",
      "htx",
      undefined,
    ]);
  });

  it("read a typed label on a button channel too, with its polite tail: 'gửi đi' sends, 'ok' is the marked yes", () => {
    const rows = [
      [{ text: "✅ Gửi cho cán bộ", data: "officer:send", means: "yes" as const }],
      [
        { text: "✏️ Viết lại", data: "officer:rewrite" },
        { text: "✖️ Thôi", data: "officer:cancel" },
      ],
    ];
    for (const typed of ["gui", "gửi đi", "gui luon nha", "ok", "dung roi"])
      expect(typedStepChoice(typed, rows, "officer:"), typed).toBe("send");
    expect(typedStepChoice("thoi", rows, "officer:")).toBe("cancel");
    expect(typedStepChoice("tui muon hoi them", rows, "officer:")).toBeUndefined();
  });

  it("never take a typed number for a lettered option: '2' is the quantity, 'b' the option", () => {
    const offered = keyChoices({
      rows: [[{ text: "✅ 12", data: "reg:members:12" }], [{ text: "Quay lại", data: "reg:members:back" }]],
      options: { numbersAreAnswers: true },
    });
    expect(matchTypedChoice("2", offered)).toBeUndefined();
    expect(matchTypedChoice("b", offered)?.data).toBe("reg:members:back");
    expect(matchTypedChoice("a", offered)?.data).toBe("reg:members:12");
  });
});
