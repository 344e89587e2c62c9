import { describe, expect, it } from "vitest";
import { FOLLOW_UP_LABEL_CHARS, followUpLabel } from "../../../src/knowledge/answer/follow-up-label.js";
import { splitLegalText } from "../../../src/knowledge/sources/legal-splitter.js";

const DECREE = [
  "Điều 51. Đăng ký giải thể bắt buộc đối với hợp tác xã, liên hiệp hợp tác xã trong trường hợp bị thu hồi Giấy chứng nhận đăng ký",
  "1. Cơ quan đăng ký kinh doanh gửi thông báo về việc giải thể bắt buộc.",
].join("\n");
const LAW = ["Điều 29. Quỹ hỗ trợ phát triển hợp tác xã", "1. Quỹ hỗ trợ phát triển hợp tác xã cho vay."].join("\n");

const [decree] = splitLegalText("van-ban/nd.txt", DECREE, {
  doc: "92/2024/NĐ-CP",
  docTitle: "Nghị định 92/2024 về đăng ký tổ hợp tác, HTX",
  status: "in_force",
});
const [law] = splitLegalText("van-ban/luat.txt", LAW, {
  doc: "17/2023/QH15",
  docTitle: "Luật Hợp tác xã 2023",
  status: "in_force",
});

describe("a follow-up button's label", () => {
  it("names an official text's document short before its article, within the label length", () => {
    const label = followUpLabel(decree!);
    expect(label.startsWith("NĐ 92/2024 Đ.51: Đăng ký giải thể bắt buộc")).toBe(true);
    expect(label.length).toBeLessThanOrEqual(FOLLOW_UP_LABEL_CHARS);
    expect(label.endsWith("…")).toBe(true);
    expect(followUpLabel(law!)).toBe("Luật HTX 2023 Đ.29: Quỹ hỗ trợ phát triển hợp tác xã");
  });

  it("keeps a guide's heading, a farmer's question already", () => {
    const guide = {
      kind: "guide" as const,
      heading: "Ai được vay Quỹ hỗ trợ phát triển HTX?",
      citations: law!.citations,
    };
    expect(followUpLabel(guide)).toBe("Ai được vay Quỹ hỗ trợ phát triển HTX?");
  });
});
