import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createKnowledgeService, type KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { ingestKnowledge } from "../../../src/knowledge/ingest/ingest.js";
import { asksForRule, asksNationwide, isLocalSection } from "../../../src/knowledge/answer/scope.js";
import { translator } from "../../../src/i18n/translate.js";
import type { fixtureKnowledge } from "../knowledge-dir.js";
import { knowledgeWithGuide } from "../knowledge-dir.js";

const t = translator();

/** A province's own figures: the only counts of cooperatives the knowledge holds. */
const LOCAL_GUIDE = `---
title: Kinh tế tập thể Sóc Trăng cũ (số liệu năm 2023)
topic: dia-phuong
---

## Sóc Trăng cũ có bao nhiêu hợp tác xã, bao nhiêu thành viên?
<!-- cite
doc: "Báo cáo tỉnh 2023"
doc_title: Báo cáo kinh tế tập thể của tỉnh
article: null
effective: 2023-08-31
status: in_force
-->

Tính đến cuối tháng 8/2023, tỉnh có 227 hợp tác xã đang được theo dõi, với 31.969 thành viên.
`;

/** The rule on members, written without a place: shares "bao nhiêu … hợp tác xã … thành viên" with the figures. */
const RULE_GUIDE = `---
title: Thành lập hợp tác xã
topic: thanh-lap
---

## Hợp tác xã cần ít nhất mấy thành viên?
<!-- cite
doc: 17/2023/QH15
doc_title: Luật Hợp tác xã 2023
article: "4"
effective: 2024-07-01
status: in_force
-->

Hợp tác xã cần ít nhất 05 thành viên chính thức.
`;

describe("scope of a question and a passage", () => {
  it.each(["cả nước có bao nhiêu htx", "o Viet Nam co may hop tac xa", "toan quoc co bao nhieu thanh vien htx"])(
    "reads %j as a question about the whole country",
    (question) => expect(asksNationwide(question)).toBe(true),
  );

  it.each(["htx can may nguoi", "Sóc Trăng cũ có bao nhiêu HTX?"])(
    "reads %j as no country-level question",
    (question) => expect(asksNationwide(question)).toBe(false),
  );

  it("tells a question asking what the law requires from one asking how things are", () => {
    for (const q of ["Việt Nam lập HTX cần mấy người", "o viet nam phai co it nhat may nguoi"])
      expect(asksForRule(q), q).toBe(true);
    for (const q of ["cả nước có bao nhiêu HTX", "can bo o Viet Nam co bao nhieu"])
      expect(asksForRule(q), q).toBe(false);
  });

  it("knows a section about one province by its heading or its guide's title", () => {
    expect(isLocalSection({ heading: "Có bao nhiêu HTX?", topicTitle: "Số liệu Sóc Trăng cũ" })).toBe(true);
    expect(isLocalSection({ heading: "Lập HTX cần mấy người?", topicTitle: "Thành lập HTX" })).toBe(false);
  });
});

describe("a country-level question answered from local figures", () => {
  let kb: ReturnType<typeof fixtureKnowledge>;
  let service: KnowledgeService;

  beforeAll(async () => {
    ({ kb, service } = await knowledgeWithGuide("dia-phuong", "so-lieu.md", LOCAL_GUIDE));
  });
  afterAll(() => kb.cleanup());

  it("says first that only local figures are held, and hedges", async () => {
    const result = await service.answer("cả nước có bao nhiêu hợp tác xã vậy");
    expect(result.hedged).toBe(true);
    expect(result.answer.split("\n")[0]).toBe(t("ask-local-only"));
    expect(result.answer).toContain("227");
  });

  it("does the same for an English question about Vietnam", async () => {
    const result = await service.answer("How many cooperatives are there in Vietnam?");
    expect(result.answer).toContain(t("ask-local-only"));
  });

  it("answers a question naming no place with the rule before the province's figures", async () => {
    writeFileSync(join(kb.knowledgeDir, "dia-phuong", "quy-tac.md"), RULE_GUIDE);
    await ingestKnowledge(kb);
    const withRule = await createKnowledgeService(kb);
    const result = await withRule.answer("hop tac xa co bao nhieu thanh vien");
    expect(result.answer).toContain("ít nhất 05 thành viên");
    expect(result.answer).not.toContain("227");
    expect((await withRule.answer("tỉnh mình có bao nhiêu hợp tác xã")).answer).toContain("227");
  });

  it("answers a country-level question about what the law requires with the rule, not the local-only hedge", async () => {
    writeFileSync(join(kb.knowledgeDir, "dia-phuong", "quy-tac.md"), RULE_GUIDE);
    await ingestKnowledge(kb);
    const rules = await createKnowledgeService(kb);
    for (const question of [
      "How many members does a cooperative need in Vietnam?",
      "Ở Việt Nam lập HTX cần ít nhất mấy người?",
    ]) {
      const result = await rules.answer(question);
      expect(result.answer, question).toContain("ít nhất 05 thành viên");
      expect(result.answer, question).not.toContain(t("ask-local-only"));
    }
    expect((await rules.answer("cả nước có bao nhiêu hợp tác xã")).answer).toContain(t("ask-local-only"));
  });

  it("answers a question about the province itself plainly", async () => {
    const result = await service.answer("Sóc Trăng cũ có bao nhiêu hợp tác xã?");
    expect(result.answer).not.toContain(t("ask-local-only"));
    expect(result.answer).toContain("227");
  });
});
