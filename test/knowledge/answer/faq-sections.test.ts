import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeService, type KnowledgeService } from "../../../src/knowledge/answer/knowledge-service.js";
import { ingestKnowledge } from "../../../src/knowledge/ingest/ingest.js";
import { prismaAuditLog } from "../../../src/audit/audit-log.js";
import { faqProvider, saveFaq, setFaqPublished } from "../../../src/questions/faq.js";
import type { FaqInput } from "../../../src/knowledge/types.js";
import { createStaffUser } from "../../../src/staff/users.js";
import { migratedDatabase } from "../../staff/migrated-database.js";
import { fixtureKnowledge } from "../knowledge-dir.js";

const QUESTION = "Máy sấy lúa của HTX cho xã viên thuê giá bao nhiêu?";
const ANSWER =
  "Giá thuê máy sấy lúa do Đại hội thành viên quyết định hằng năm; bà con xem biên bản đại hội gần nhất ở văn phòng HTX.";
const ASKED = "may say lua htx cho thue gia nhieu";

let kb: ReturnType<typeof fixtureKnowledge>;
let db: Awaited<ReturnType<typeof migratedDatabase>>;
let service: KnowledgeService;

beforeAll(async () => {
  kb = fixtureKnowledge();
  await ingestKnowledge(kb);
  db = await migratedDatabase();
  service = await createKnowledgeService({ ...kb, faqs: faqProvider(db.prisma) });
});
afterAll(async () => {
  kb.cleanup();
  await db.close();
});

describe("officers' FAQ entries as sections", () => {
  it("answers from an entry once it is published and stops when it is withdrawn, without a restart", async () => {
    const deps = { prisma: db.prisma, audit: prismaAuditLog(db.prisma) };
    const now = new Date("2026-12-01T03:00:00Z");
    const officer = await createStaffUser(db.prisma, {
      username: "canbo",
      displayName: "Cán bộ",
      password: "mat khau that dai",
      role: "officer",
    });
    if (!officer.ok) throw new Error(officer.problem);
    const editorId = officer.value.id;
    const saved = await saveFaq(deps, { question: QUESTION, answer: ANSWER, editorId, now }).then((r) =>
      r.ok ? r.entry : null,
    );
    expect(saved).not.toBeNull();
    await service.refresh();
    const unpublished = await service.answer(ASKED);
    expect(unpublished.answer).not.toContain("biên bản đại hội gần nhất");

    await setFaqPublished(deps, { id: saved!.id, published: true, editorId, now });
    await service.refresh();
    const published = await service.answer(ASKED);
    expect(published.declined).toBe(false);
    expect(published.answer).toContain("do Đại hội thành viên quyết định hằng năm");
    expect(published.answer).toContain(
      `Nguồn: Cán bộ HTX trả lời (HD-${String(saved!.id).padStart(4, "0")}, 01/12/2026).`,
    );
    expect((await service.section(published.sources[0]!.sectionId))?.heading).toBe(QUESTION);

    await setFaqPublished(deps, { id: saved!.id, published: false, editorId, now });
    await service.refresh();
    expect((await service.answer(ASKED)).answer).not.toContain("biên bản đại hội gần nhất");
  });

  it("reads the entries again at question time once the loaded list is older than allowed (another instance published)", async () => {
    const entries: FaqInput[] = [];
    const fresh = await createKnowledgeService({ ...kb, faqs: { load: async () => entries, maxAgeMs: 0 } });
    expect((await fresh.answer(ASKED)).answer).not.toContain("biên bản đại hội gần nhất");
    entries.push({
      id: 7,
      reference: "HD-0007",
      question: QUESTION,
      answer: ANSWER,
      publishedAt: new Date("2026-12-01T03:00:00Z"),
    });
    expect((await fresh.answer(ASKED)).answer).toContain("biên bản đại hội gần nhất");
  });

  it("keeps answering from the files when the entries cannot be read", async () => {
    const broken = await createKnowledgeService({
      ...kb,
      faqs: { load: () => Promise.reject(new Error("database down")), maxAgeMs: 0 },
    });
    const result = await broken.answer("htx can may nguoi");
    expect(result.answer).toContain("05 thành viên");
  });
});
