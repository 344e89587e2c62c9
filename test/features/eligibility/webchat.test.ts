import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, webChatClient, type WebMessage } from "../../support/in-process-app.js";
import { loadProgrammes } from "../../../src/eligibility/index.js";
import { QUALIFYING_HTX_TAPS } from "./qualifying-taps.js";

type App = Awaited<ReturnType<typeof startTestApp>>;
/** Per question id: the label of the button to tap, or `{ type }` for text the farmer types. */
type Script = Record<string, string | { type: string }>;

/** A farmer in the web chat: opens the check from the menu and answers each question from `script`. */
async function runCheck(app: App, session: string, script: Script) {
  const chat = webChatClient(app.url, session);
  const menu = (await chat.say("/start")).messages![0]!;
  let reply = await chat.press("menu:check", menu.messageId);
  const asked: string[] = [];
  let question: WebMessage | undefined;
  for (let guard = 0; guard < 25; guard++) {
    const messages = reply.messages ?? [];
    expect(reply.status).toBe(200);
    const results = messages.filter((m) => !m.edited && m.fromBot);
    if (results[0]?.text.startsWith("Kết quả")) {
      const checkId = results
        .flatMap((m) => m.buttons.flat())
        .find((b) => b.data.startsWith("elig:again:"))!
        .data.split(":")[2]!;
      return { chat, asked, fit: results[0], rest: results[1]!, checkId };
    }
    question =
      [...messages].reverse().find((m) => !m.edited && m.buttons.flat().some((b) => b.data.startsWith("elig:q:"))) ??
      question;
    const id = question!.buttons.flat()[0]!.data.split(":")[2]!;
    const action = script[id];
    if (action === undefined) throw new Error(`unexpected question ${id}: ${question!.text}`);
    asked.push(id);
    if (typeof action === "string") {
      const button = question!.buttons.flat().find((b) => b.text === action);
      if (!button) throw new Error(`no button "${action}" on ${id}`);
      reply = await chat.press(button.data, question!.messageId);
    } else {
      reply = await chat.say(action.type);
    }
  }
  throw new Error(`the questions never ended: ${asked.join(", ")}`);
}

const HTX_LOAN: Script = {
  ...QUALIFYING_HTX_TAPS,
  applicant_type: "Hợp tác xã",
  member_count: { type: "12 người" },
  works_in_agriculture: "Có",
  commune: { type: "xa ke sach" },
};

const HOUSEHOLD: Script = {
  interest: "Tất cả",
  applicant_type: "Cá nhân, hộ gia đình",
  works_in_agriculture: "Có",
  commune: { type: "An Lạc Thôn" },
  organic_or_circular: "Không",
  high_tech_zone: "Không",
  value_chain: "Không",
  coop_member: "Không",
  adult: "Có",
  has_business_plan: "Có",
  own_capital_20: "Có",
  has_bad_debt: "Không",
  poor_household: "Không",
  farmers_union_member: "Không",
  compulsory_insurance_group: "Không",
};

/** Card of one programme in a results message (cards are separated by a blank line). */
const card = (message: WebMessage, name: string) => message.text.split("\n\n").find((c) => c.includes(name)) ?? "";

describe("eligibility through the web chat JSON API, whole app in-process", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("an HTX with 12 members asking for a loan: 5 tỷ without collateral, the fund, the state support, with their Điều", async () => {
    const { chat, fit, rest, checkId } = await runCheck(app, "elig-htx-loan-01", HTX_LOAN);
    const bank = card(fit, "Vay ngân hàng không cần tài sản bảo đảm");
    expect(bank).toMatch(/✅ Phù hợp/);
    expect(bank).toContain(
      "tối đa 5 tỷ đồng, áp dụng từ 01/07/2025 (điểm d khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP))",
    );
    expect(card(fit, "Quỹ hỗ trợ phát triển hợp tác xã")).toMatch(/✅ Phù hợp/);
    expect(card(fit, "Chính sách hỗ trợ của Nhà nước")).toMatch(/✅ Phù hợp/);
    // The fund's conditions rest on a summary of NĐ 37/2023: "may not fit, ask", not a firm no.
    expect(card(rest, "Quỹ Hỗ trợ nông dân")).toMatch(/⚠ Có thể chưa phù hợp, nên hỏi lại[\s\S]*Hội Nông dân xã/);
    expect(card(rest, "Đề án mô hình HTX kiểu mới")).toContain("đến hết 31/12/2025 (Quyết định 167/QĐ-TTg)");
    expect(card(rest, "Hỗ trợ lãi suất 2%")).toContain("đến hết 31/12/2023 (Nghị định 31/2022/NĐ-CP");

    const why = (await chat.press(`elig:why:${checkId}:quy-ho-tro-phat-trien-htx`, fit.messageId)).messages![0]!.text;
    expect(why).toContain(
      "✔ HTX có từ 5 thành viên chính thức trở lên, đúng quy định của Luật Hợp tác xã. (khoản 7 Điều 4 Luật 17/2023/QH15)",
    );
    expect(why).toContain("✔ Không có nợ xấu ở ngân hàng. (khoản 6 Điều 22 Nghị định 45/2021/NĐ-CP)");
    const papers = (await chat.press(`elig:docs:${checkId}:tin-dung-55`, fit.messageId)).messages![0]!.text;
    expect(papers).toContain(
      "Giấy chứng nhận đăng ký hợp tác xã (hoặc liên hiệp HTX), điều lệ và báo cáo tài chính gần nhất.",
    );

    // Stored with the rule version and the date, readable after the flow ended.
    const stored = await app.services.eligibility.find(Number(checkId));
    expect(stored).toMatchObject({
      channel: "webchat",
      rulesVersion: app.services.eligibility.rules.version,
      answers: { applicant_type: "cooperative", member_count: 12, works_in_agriculture: true },
    });
    expect(stored!.results.find((r) => r.id === "tin-dung-55")?.outcome).toBe("eligible");
  });

  it("a household asking about unsecured credit: 300 triệu from 01/07/2025, no state support for organisations", async () => {
    const { fit, rest, asked } = await runCheck(app, "elig-household-01", HOUSEHOLD);
    // Working in agriculture settles the rural test: the commune is not asked.
    expect(asked).not.toContain("commune");
    expect(asked).not.toContain("member_count");
    const bank = card(fit, "Vay ngân hàng không cần tài sản bảo đảm");
    expect(bank).toMatch(/✅ Phù hợp/);
    expect(bank).toContain(
      "tối đa 300 triệu đồng, áp dụng từ 01/07/2025 (điểm a khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP (sửa đổi bởi 156/2025/NĐ-CP))",
    );
    expect(card(rest, "Chính sách hỗ trợ của Nhà nước")).toMatch(/❌ Chưa phù hợp[\s\S]*✘/);
  });

  it("a farmer who answers Không biết twice: maybe, with what is still unknown and the amount that applies anyway", async () => {
    const { fit, asked } = await runCheck(app, "elig-dont-know-1", {
      ...HOUSEHOLD,
      works_in_agriculture: "Không biết",
      commune: "Không biết",
      farmers_union_member: "Có",
      group_plan: "Có",
      household_fund_debt: "Không",
    });
    expect(asked.slice(0, 4)).toEqual(["interest", "applicant_type", "works_in_agriculture", "commune"]);
    const bank = card(fit, "Vay ngân hàng không cần tài sản bảo đảm");
    expect(bank).toMatch(/^\d+\. ❓ Có thể phù hợp/);
    expect(bank).toContain(
      "tối đa 300 triệu đồng, áp dụng từ 01/07/2025 (điểm a khoản 2 Điều 9 Nghị định 55/2015/NĐ-CP",
    );
    expect(bank).toContain(
      "? Chưa rõ vì chưa có câu trả lời về: có làm nông nghiệp không, nơi ở (xã hay phường). (Điều 2 Nghị định 55/2015/NĐ-CP)",
    );
    expect(card(fit, "Quỹ Hỗ trợ nông dân")).toMatch(/❓ Có thể phù hợp/);
  });
});

describe("rules are data", () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "elig-rules-"));
    await cp("knowledge", dir, { recursive: true });
    const file = join(dir, "programmes", "tin-dung-55.yaml");
    const yaml = await readFile(file, "utf8");
    const ceiling = 'amount: 5 tỷ\n            cite: { doc: 55/2015/NĐ-CP, article: "9", clause: "2", point: "d"';
    expect(yaml.split(ceiling)).toHaveLength(3);
    await writeFile(file, yaml.replace(ceiling, ceiling.replace("5 tỷ", "7 tỷ")));
    app = await startTestApp({ KNOWLEDGE_DIR: dir });
  });
  afterAll(async () => {
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("a changed ceiling in the rules folder changes the chat's answer, with no code change", async () => {
    const { fit, checkId } = await runCheck(app, "elig-rules-copy-1", HTX_LOAN);
    expect(card(fit, "Vay ngân hàng không cần tài sản bảo đảm")).toContain(
      "tối đa 7 tỷ đồng, áp dụng từ 01/07/2025 (điểm d khoản 2 Điều 9",
    );
    const stored = await app.services.eligibility.find(Number(checkId));
    expect(stored!.rulesVersion).not.toBe(loadProgrammes("knowledge/programmes").version);
  });
});
