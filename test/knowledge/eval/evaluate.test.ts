import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeService, type KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { citationMatches, evaluate, loadCases, scoreCase, summarize } from "../../../src/knowledge/eval/evaluate.js";
import { ingestKnowledge } from "../../../src/knowledge/ingest/ingest.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const DEV_SET = join(repo, "../shared/eval/dev.jsonl");
const EXTRA_SET = join(repo, "test/eval/extra.jsonl");
const PARAPHRASE_SET = join(repo, "test/eval/paraphrase.jsonl");

/** A law question whose answer must say "5 người" and cite Điều 4 of the law. */
const MEMBERS_CASE = {
  id: "x",
  question: "?",
  expect_any: ["5 người"],
  cite: { doc: "17/2023/QH15", article: 4 },
  kind: "law",
};

describe("scoring", () => {
  it("matches documents and articles loosely but exactly enough", () => {
    const cite = { doc: "92/2024/NĐ-CP", article: 12 };
    expect(citationMatches(cite, { doc: "92/2024/ND-CP", article: "12" })).toBe(true);
    expect(citationMatches(cite, { doc: "92/2024/NĐ-CP", article: "1" })).toBe(false);
    expect(citationMatches({ doc: "55/2015/NĐ-CP", article: "15a" }, { doc: "55/2015/NĐ-CP", article: "15A" })).toBe(
      true,
    );
    expect(citationMatches({ doc: "37/2023/NĐ-CP", article: null }, { doc: "37/2023/NĐ-CP", article: null })).toBe(
      true,
    );
  });

  it("accepts NĐ 156/2025 for NĐ 55/2015 Điều 9 only", () => {
    expect(citationMatches({ doc: "55/2015/NĐ-CP", article: 9 }, { doc: "156/2025/NĐ-CP", article: null })).toBe(true);
    expect(citationMatches({ doc: "55/2015/NĐ-CP", article: 10 }, { doc: "156/2025/NĐ-CP", article: null })).toBe(
      false,
    );
  });

  it("checks facts on word boundaries, without diacritics, and counts hit@5 and declines", () => {
    const source = { doc: "17/2023/QH15", article: "4", title: "", score: 1, status: "in_force", sectionId: "s" };
    const miss = scoreCase(MEMBERS_CASE, { answer: "cần 15 người", declined: false, sources: [] });
    const hit = scoreCase(MEMBERS_CASE, { answer: "Cần 5 NGUOI.", declined: false, sources: Array(5).fill(source) });
    const late = scoreCase(MEMBERS_CASE, {
      answer: "",
      declined: true,
      sources: [...Array(5).fill({ ...source, article: "1" }), source],
    });
    expect(miss).toMatchObject({ factHit: false, citationHit: false, declineCorrect: true });
    expect(hit).toMatchObject({ factHit: true, citationHit: true });
    expect(late).toMatchObject({ citationHit: false, declineCorrect: false });
    expect(summarize([miss, hit, late])).toMatchObject({
      cases: 3,
      hitAt5: 1 / 3,
      factAccuracy: 1 / 3,
      declineAccuracy: 2 / 3,
    });
  });

  it("counts confident-but-wrong answers: wrong and neither declined nor hedged", () => {
    const trap = { ...MEMBERS_CASE, expect_any: ["ngoài phạm vi"], cite: null, kind: "out_of_scope" };
    const wrong = scoreCase(MEMBERS_CASE, { answer: "cần 7 người", declined: false, sources: [] });
    const hedged = scoreCase(MEMBERS_CASE, { answer: "cần 7 người", declined: false, hedged: true, sources: [] });
    const answeredTrap = scoreCase(trap, { answer: "Có.", declined: false, sources: [] });
    const declinedTrap = scoreCase(trap, { answer: "Ngoài phạm vi.", declined: true, sources: [] });
    expect([wrong, hedged, answeredTrap, declinedTrap].map((s) => s.confidentWrong)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(summarize([wrong, hedged, answeredTrap, declinedTrap]).confidentWrong).toBe(2);
  });
});

describe("quality on the knowledge guides", () => {
  let dataDir: string;
  let service: KnowledgeService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "knowledge-eval-"));
    const options = { dataDir, knowledgeDir: join(repo, "knowledge") };
    await ingestKnowledge(options);
    service = await createKnowledgeService(options);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function run(file: string) {
    return evaluate((q) => service.answer(q), await loadCases(file));
  }

  it.skipIf(!existsSync(DEV_SET))("meets the targets on the shared dev set", async () => {
    const { summary } = await run(DEV_SET);
    expect(summary.hitAt5).toBeGreaterThanOrEqual(0.9);
    expect(summary.factAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(summary.declineAccuracy).toBe(1);
    expect(summary.medianAnswerChars).toBeLessThanOrEqual(600);
  });

  it("meets the targets on our own wording variants", async () => {
    const { summary, scores } = await run(EXTRA_SET);
    expect(scores.length).toBeGreaterThanOrEqual(60);
    expect(summary.hitAt5).toBeGreaterThanOrEqual(0.95);
    expect(summary.factAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.declineAccuracy).toBe(1);
    expect(summary.medianAnswerChars).toBeLessThanOrEqual(600);
  });

  // Written from the law by someone who had not read knowledge/: a regression floor at what we reach
  // (hit@5 0.868, fact 0.675, decline 0.975 on 2026-12-01), below the targets of issue 10.
  it("does not fall back on the paraphrase set", async () => {
    const { summary } = await run(PARAPHRASE_SET);
    expect(summary.hitAt5).toBeGreaterThanOrEqual(0.85);
    expect(summary.factAccuracy).toBeGreaterThanOrEqual(0.65);
    expect(summary.declineAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.medianAnswerChars).toBeLessThanOrEqual(600);
  });
});
