import { describe, expect, it } from "vitest";
import { chatAct } from "../../../src/knowledge/answer/small-talk.js";
import { englishQuestion, hasEnglish } from "../../../src/knowledge/answer/english.js";

describe("chatAct", () => {
  it.each([
    ["Chào em", "greeting"],
    ["xin chao bot", "greeting"],
    // Chat spellings: drawn-out letters, forms of "hello", asking how one is with "hem"/"ko".
    ["hellu bot, khoe hem", "greeting"],
    ["chaooo ad", "greeting"],
    ["bot khỏe hông", "greeting"],
    ["alo alo bot oi, co ai hong zay", "greeting"],
    ["helu, co ai ko", "greeting"],
    ["bot nay tra loi hay qua troi luon", "compliment"],
    ["alo, có ai không", "greeting"],
    // A call to a group in chat forms of address ("ae" anh em, "ace" anh chị em).
    ["chao ace nha", "greeting"],
    ["hello ae", "greeting"],
    ["Cảm ơn nhiều nha!", "thanks"],
    ["ok hieu roi, cam on em", "thanks"],
    ["Tạm biệt nhé", "goodbye"],
    ["bye bot", "goodbye"],
    ["Thôi tui đi làm đồng đây, tạm biệt nha", "goodbye"],
    ["ok vay duoc roi, cam on bot nhieu", "thanks"],
    ["bot ngu qua", "insult"],
    ["trả lời vô dụng", "insult"],
    // Compliments, southern and without diacritics.
    ["tro ly gioi ghe", "compliment"],
    ["Bot trả lời chuẩn luôn", "compliment"],
    // Leaving for sleep or the field: "ngu" after "đi"/"buồn" is "ngủ", not an insult.
    ["buon ngu qua, thoi de mai hoi tiep nha", "goodbye"],
    ["tui ra ruong nghen", "goodbye"],
    // Complaints about the answers, in a message without a subject of ours.
    ["sao tra loi lung tung het vay", "insult"],
    ["nói trật lất hết trơn", "insult"],
    // Questions about the assistant itself.
    ["tro ly ten la gi", "about-bot"],
    ["bạn có phải là robot không", "about-bot"],
    ["em ho tro duoc nhung gi", "about-bot"],
    ["ai tao ra tro ly nay vay", "about-bot"],
    ["hoi bot co ton phi khong", "about-bot"],
    // An opener before the question comes.
    ["bot oi cho hoi chut", "greeting"],
  ])("reads %j as %s", (message, act) => {
    expect(chatAct(message)).toBe(act);
  });

  it.each([
    "Chào em, HTX cần mấy người?",
    "cam on, cho hoi them vay von duoc bao nhieu",
    "Cảm ơn, mà HTX có phải nộp thuế không?",
    "tam biet thi nop don ra khoi htx o dau",
    "Ngư dân có được vào HTX không?",
    "ngu nghiep co duoc ho tro khong",
    "HTX ngũ cốc đăng ký ở đâu",
    // A subject of ours makes these questions, whatever else they say.
    "giam doc htx lam an tao lao qua, thanh vien co quyen gi",
    "em biet lam gi khi htx khong tra von gop",
    "ngu dan di ngu som co duoc vay von khong",
    "",
  ])("leaves %j to the knowledge service", (message) => {
    expect(chatAct(message)).toBeNull();
  });
});

describe("englishQuestion", () => {
  it("maps our topic words to Vietnamese, in order", () => {
    expect(englishQuestion("How many members does a cooperative need?")).toEqual({
      vietnamese: "bao nhiêu thành viên hợp tác xã cần",
    });
    expect(englishQuestion("Can I get a loan without collateral?")).toEqual({ vietnamese: "vay vốn tài sản bảo đảm" });
  });

  it("recognises a short English question by our topic words when it has few common ones", () => {
    expect(englishQuestion("Can a foreigner become a member of a cooperative?")).toEqual({
      vietnamese: "người nước ngoài thành viên hợp tác xã",
    });
  });

  it("knows English it cannot map", () => {
    expect(englishQuestion("What is the weather like in your town?")).toEqual({ vietnamese: null });
  });

  it.each(["htx can may nguoi", "Tổ hợp tác có tư cách pháp nhân không?", "do ngu", "hop online gui video duoc khong"])(
    "leaves Vietnamese %j alone",
    (text) => {
      expect(englishQuestion(text)).toBeNull();
    },
  );
});

describe("hasEnglish", () => {
  it.each(["good evening", "hello bot", "thanks a lot"])("notes English in %j", (text) => {
    expect(hasEnglish(text)).toBe(true);
  });

  it.each(["bot co that khong", "HTX Mỹ Tú", "chào bot"])("reads %j as Vietnamese", (text) => {
    expect(hasEnglish(text)).toBe(false);
  });
});
