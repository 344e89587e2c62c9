import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishedFaqs } from "../../src/questions/faq.js";
import { ensureSetupLink } from "../../src/staff/setup-link.js";
import { processChatLock } from "../../src/bot/chat-lock.js";
import { adminHarness } from "./admin-harness.js";
import { insertLead, leadRow } from "../support/lead-rows.js";
import { prismaQuestionQueue } from "../../src/questions/prisma-question-queue.js";
import { translator } from "../../src/i18n/translate.js";
import type { OutboundMessage } from "../../src/outbound/outbox.js";

let h: Awaited<ReturnType<typeof adminHarness>>;
let officer: ReturnType<typeof h.agent>;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.clear();
  h.outbox.sent.length = 0;
  await h.user("canbo", "officer");
  officer = h.agent();
  await officer.login("canbo");
});

const html = async (path: string, agent = officer) => (await agent.get(path)).text();
/** Messages queued in the database outbox, oldest first (answers commit with the question). */
const queued = async () =>
  (await h.db.prisma.outboundJob.findMany({ orderBy: { id: "asc" } })).map((job) => ({
    chat: [job.channel, job.chatId],
    message: job.payload as unknown as OutboundMessage,
  }));
const references = (page: string) => [...page.matchAll(/<a href="\/admin\/leads\/([\w-]+)">/g)].map((m) => m[1]);
const submit = async (path: string, form: Record<string, string>, agent = officer) =>
  agent.post(path, { ...form, _csrf: await agent.csrf() });

describe("leads list", () => {
  beforeEach(async () => {
    await insertLead(h.db.prisma, {
      reference: "HTX-A0001",
      fullName: "Nguyễn Văn Đức",
      members: 3,
      createdAt: new Date("2026-11-01T02:00:00Z"),
      phone: "+84912345678",
    });
    await insertLead(h.db.prisma, {
      reference: "HTX-A0002",
      fullName: "Trần Thị Mai",
      members: 9,
      purpose: "join_htx",
      status: "contacted",
      createdAt: new Date("2026-11-10T02:00:00Z"),
    });
    await insertLead(h.db.prisma, {
      reference: "HTX-A0003",
      fullName: "Lê Văn Đức",
      members: 1,
      communeCode: "31801",
      communeName: "Xã Hòa Tú 2",
      sector: "thuy_san",
      sectorLabel: "tôm",
      createdAt: new Date("2026-11-20T16:30:00Z"),
    });
  });

  it("filters by status, purpose, commune, sector and Vietnam-time dates", async () => {
    expect(references(await html("/admin/leads?status=contacted"))).toEqual(["HTX-A0002"]);
    expect(references(await html("/admin/leads?purpose=found_htx"))).toEqual(["HTX-A0003", "HTX-A0001"]);
    expect(references(await html("/admin/leads?commune=31801"))).toEqual(["HTX-A0003"]);
    expect(references(await html("/admin/leads?sector=lua"))).toEqual(["HTX-A0002", "HTX-A0001"]);
    // 16:30 UTC on 20/11 is 23:30 in Vietnam: still the 20th; the 21st starts an hour later.
    expect(references(await html("/admin/leads?from=2026-11-20&to=2026-11-20"))).toEqual(["HTX-A0003"]);
    expect(references(await html("/admin/leads?from=2026-11-21"))).toEqual([]);
    expect(references(await html("/admin/leads?status=bogus"))).toHaveLength(3);
  });

  it("searches without diacritics, by any case, and by reference", async () => {
    expect(references(await html("/admin/leads?q=van%20duc"))).toEqual(["HTX-A0003", "HTX-A0001"]);
    expect(references(await html("/admin/leads?q=TR%E1%BA%A6N%20mai"))).toEqual(["HTX-A0002"]);
    expect(references(await html("/admin/leads?q=hoa%20tu"))).toEqual(["HTX-A0003"]);
    expect(references(await html("/admin/leads?q=htx-a0002"))).toEqual(["HTX-A0002"]);
  });

  it("searches by reference without HTX-, by a phone number or a piece of one in any format, and by whole words", async () => {
    expect(references(await html("/admin/leads?q=a0002"))).toEqual(["HTX-A0002"]);
    for (const phone of ["0912%20345", "%2B84%20912.345.678", "345-678", "84912345678"])
      expect(references(await html(`/admin/leads?q=${phone}`))).toEqual(["HTX-A0001"]);
    await insertLead(h.db.prisma, {
      reference: "HTX-A0004",
      fullName: "Phạm Văn Anh",
      searchText: "pham van anh xa vinh loi",
    });
    expect(references(await html("/admin/leads?q=van%20an"))).toEqual([]);
    expect(references(await html("/admin/leads?q=van%20anh"))).toEqual(["HTX-A0004"]);
    await insertLead(h.db.prisma, {
      reference: "HTX-A0005",
      fullName: "Nguyễn Văn An",
      searchText: "nguyen van an xa vinh loi",
    });
    expect(references(await html("/admin/leads?q=nguyen%20van%20an"))).toEqual(["HTX-A0005"]);
  });

  it("shows every sector a farmer named, on the list and the lead page, and filters by each", async () => {
    await insertLead(h.db.prisma, { reference: "HTX-A0004", sector: "lua", sectorLabel: "lua + nuoi tom" });
    expect(await html("/admin/leads")).toContain("Lúa + Thủy sản (lua + nuoi tom)");
    expect(await html("/admin/leads/HTX-A0004")).toMatch(/Nghề chính<\/dt><dd>Lúa \+ Thủy sản \(lua \+ nuoi tom\)/);
    expect(references(await html("/admin/leads?sector=thuy_san"))).toEqual(["HTX-A0003", "HTX-A0004"]);
    expect(references(await html("/admin/leads?sector=lua")).sort()).toEqual(["HTX-A0001", "HTX-A0002", "HTX-A0004"]);
    // Every sector can be chosen, also one that is nobody's main sector.
    expect(await html("/admin/leads")).toContain('<option value="mia"');
  });

  it("shows who handles each lead and filters by it", async () => {
    const canbo = await h.db.prisma.staffUser.findUniqueOrThrow({ where: { username: "canbo" } });
    await h.db.prisma.lead.update({ where: { reference: "HTX-A0002" }, data: { assignedToId: canbo.id } });
    expect(await html("/admin/leads")).toContain("Tên canbo");
    expect(references(await html(`/admin/leads?assignee=${canbo.id}`))).toEqual(["HTX-A0002"]);
    expect(references(await html("/admin/leads?assignee=none"))).toEqual(["HTX-A0003", "HTX-A0001"]);
    expect(await html("/admin/leads/HTX-A0002")).toMatch(/Người xử lý<\/dt><dd>Tên canbo/);
  });

  it("sorts, and masks phone numbers in the list but not on the audited detail page", async () => {
    expect(references(await html("/admin/leads?sort=members"))).toEqual(["HTX-A0002", "HTX-A0001", "HTX-A0003"]);
    expect(references(await html("/admin/leads?sort=oldest"))).toEqual(["HTX-A0001", "HTX-A0002", "HTX-A0003"]);
    const list = await html("/admin/leads");
    expect(list).toContain("0912 *** 678");
    expect(list).not.toContain("0912 345 678");
    expect(await html("/admin/leads/HTX-A0001")).toContain("0912 345 678");
    expect(await h.db.prisma.auditEntry.findFirst({ where: { action: "lead.view" } })).toMatchObject({
      target: "HTX-A0001",
    });
  });

  it("pages 25 at a time", async () => {
    for (let i = 0; i < 25; i++) await insertLead(h.db.prisma, { createdAt: new Date(Date.UTC(2026, 9, 1, i)) });
    const first = await html("/admin/leads");
    expect(references(first)).toHaveLength(25);
    expect(first).toContain("Trang 1/2");
    const second = references(await html("/admin/leads?page=2"));
    expect(second).toHaveLength(3);
    expect(second).not.toContain(references(first)[0]);
  });

  it("exports what is filtered as CSV, and records the export", async () => {
    const response = await officer.get("/admin/leads/export.csv?q=duc");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="dang-ky-htx-2026-11-27\.csv"/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(3);
    expect(text).toContain("Nguyễn Văn Đức");
    expect(text).not.toContain("Trần Thị Mai");
    const entry = await h.db.prisma.auditEntry.findFirst({ where: { action: "lead.export" } });
    expect(entry?.details).toMatchObject({ format: "csv", count: 2, search: true });
    expect(JSON.stringify(entry?.details)).not.toContain("duc");
  });
});

describe("lead detail", () => {
  beforeEach(() => insertLead(h.db.prisma, { reference: "HTX-B0001" }));

  it("follows the status workflow and keeps notes in the history", async () => {
    const skip = await submit("/admin/leads/HTX-B0001/status", { from: "new", to: "founded" });
    expect(skip.headers.get("location")).toContain("error=admin-error-status-transition");
    const stale = await submit("/admin/leads/HTX-B0001/status", { from: "contacted", to: "supporting" });
    expect(stale.headers.get("location")).toContain("error=admin-error-status-changed");
    await submit("/admin/leads/HTX-B0001/status", { from: "new", to: "contacted" });
    await submit("/admin/leads/HTX-B0001/notes", { note: "Đã gọi, hẹn thứ Hai <b>gặp</b>" });
    const page = await html("/admin/leads/HTX-B0001");
    expect(page).toContain("Đổi trạng thái: Mới → Đã liên hệ");
    expect(page).toContain("Đã gọi, hẹn thứ Hai &lt;b&gt;gặp&lt;/b&gt;");
    expect(page).toContain("Chuyển sang: Đang hỗ trợ");
    expect(page).toContain("0,5");
    expect(
      (await h.db.prisma.auditEntry.findMany({ where: { action: { in: ["lead.status", "lead.note"] } } })).map(
        (e) => e.action,
      ),
    ).toEqual(["lead.status", "lead.note"]);
  });

  it("asks a reason to close or step back, confirms final statuses, and offers no workflow on an erased lead", async () => {
    expect(await html("/admin/leads/HTX-B0001")).toMatch(
      /name="reason" required[^>]*>\s*<button type="submit" name="to" value="closed" data-confirm=/,
    );
    const noReason = await submit("/admin/leads/HTX-B0001/status", { from: "new", to: "closed" });
    expect(noReason.headers.get("location")).toContain("error=admin-error-status-reason");
    await submit("/admin/leads/HTX-B0001/status", { from: "new", to: "contacted" });
    expect(await html("/admin/leads/HTX-B0001")).toContain("Lùi về: Mới");
    await submit("/admin/leads/HTX-B0001/status", { from: "contacted", to: "new", reason: "Bấm nhầm" });
    const page = await html("/admin/leads/HTX-B0001");
    expect(page).toContain("Đổi trạng thái: Đã liên hệ → Mới");
    expect(page).toContain("Bấm nhầm");

    await insertLead(h.db.prisma, {
      reference: "HTX-B0002",
      fullName: null,
      phone: null,
      chatId: null,
      erasedAt: new Date("2026-11-25T01:00:00Z"),
    });
    const erased = await html("/admin/leads/HTX-B0002");
    expect(erased).not.toContain('action="/admin/leads/HTX-B0002/status"');
    expect(erased).toContain("không xử lý tiếp được");
    const refused = await submit("/admin/leads/HTX-B0002/status", { from: "new", to: "contacted" });
    expect(refused.headers.get("location")).toContain("error=admin-error-lead-erased");
  });

  it("names the farmer's own events in Vietnamese", async () => {
    const lead = await h.db.prisma.lead.findUniqueOrThrow({ where: { reference: "HTX-B0001" } });
    const kinds = ["created", "updated_by_farmer", "duplicate_from_other_chat", "erased_after_retention"];
    await h.db.prisma.leadEvent.createMany({ data: kinds.map((kind) => ({ leadId: lead.id, kind })) });
    const page = await html("/admin/leads/HTX-B0001");
    expect(page).toContain("Bà con đăng ký");
    expect(page).toContain("Bà con đăng ký lại, cập nhật thông tin");
    expect(page).toContain("khung chat khác");
    expect(page).toContain("Hết thời hạn lưu");
    for (const kind of kinds) expect(page).not.toContain(kind);
  });
});

describe("overview and pools", () => {
  it("counts erased leads apart from Mới, formats numbers as the list does, and groups farmers' own sectors under Khác", async () => {
    await h.db.prisma.lead.createMany({
      data: Array.from({ length: 1200 }, (_, i) =>
        leadRow({
          reference: `HTX-N${String(i).padStart(4, "0")}`,
          chatId: `bulk-${i}`,
          fullName: "Bà con",
          phone: `+8490${String(i).padStart(7, "0")}`,
          members: 1,
          landAreaHa: null,
          callTime: "any",
        }),
      ),
    });
    await insertLead(h.db.prisma, {
      fullName: null,
      phone: null,
      chatId: null,
      erasedAt: new Date("2026-11-25T01:00:00Z"),
    });
    await insertLead(h.db.prisma, { sector: "other", sectorLabel: "nuôi ếch" });
    await insertLead(h.db.prisma, { sector: "other", sectorLabel: "trồng nấm" });
    const overview = await html("/admin");
    expect(overview).toMatch(/<b>1\.202<\/b>Mới/);
    expect(overview).toMatch(/<b>1<\/b>Đã xóa dữ liệu/);
    expect(overview).toContain("1.203</text>");
    expect(overview).toMatch(/>Khác<\/text>[\s\S]*?>2<\/text>/);
    expect(overview).not.toContain("nuôi ếch");
    expect(await html("/admin/leads?status=new")).toContain("Tìm thấy 1.202 hồ sơ.");
    const erased = await html("/admin/leads?status=erased");
    expect(erased).toContain("Tìm thấy 1 hồ sơ.");
    expect(erased).toContain('class="status status-erased">Đã xóa dữ liệu');
  });

  it("charts leads and lists commune + sector groups that reach 5 members", async () => {
    await insertLead(h.db.prisma, { members: 3 });
    await insertLead(h.db.prisma, { members: 2, purpose: "found_tht" });
    await insertLead(h.db.prisma, { members: 9, purpose: "join_htx" });
    await h.db.prisma.poolAlert.create({
      data: { key: "31777|lua", members: 5, notifiedAt: new Date("2026-11-26T01:00:00Z") },
    });
    const overview = await html("/admin");
    expect(overview.match(/<svg/g)).toHaveLength(3);
    expect(overview).toContain("Xã Vĩnh Lợi");
    const pools = await html("/admin/pools");
    expect(pools).toMatch(
      /Xã Vĩnh Lợi<\/td><td[^>]*>Lúa<\/td>\s*<td class="num"[^>]*><a href="\/admin\/leads\?commune=31777&amp;sector=lua">2<\/a><\/td><td class="num"[^>]*>5<\/td>\s*<td[^>]*>26\/11\/2026 08:00<\/td>/,
    );
  });

  it("lists pools as the alerts see them: erased leads do not count, a farmer's own sector links by its words", async () => {
    await insertLead(h.db.prisma, { members: 4 });
    await insertLead(h.db.prisma, {
      members: 3,
      fullName: null,
      phone: null,
      chatId: null,
      erasedAt: new Date("2026-11-25T01:00:00Z"),
    });
    for (const members of [3, 2]) await insertLead(h.db.prisma, { members, sector: "other", sectorLabel: "nuôi ếch" });
    await insertLead(h.db.prisma, { members: 9, sector: "other", sectorLabel: "trồng nấm" });
    const pools = await html("/admin/pools");
    expect(pools).not.toContain("sector=lua");
    expect(pools).toMatch(
      /<td[^>]*>nuôi ếch<\/td>\s*<td class="num"[^>]*><a href="\/admin\/leads\?commune=31777&amp;sector=other&amp;q=nu%C3%B4i\+%E1%BA%BFch">2<\/a><\/td><td class="num"[^>]*>5<\/td>/,
    );
    expect(pools).toMatch(
      /<td[^>]*>trồng nấm<\/td>\s*<td class="num"[^>]*><a href="[^"]*q=tr%E1%BB%93ng\+n%E1%BA%A5m">1<\/a><\/td><td class="num"[^>]*>9<\/td>/,
    );
  });
});

describe("questions", () => {
  it("shows who asked, their commune and lead, channels in Vietnamese, and closes spam with an audit entry", async () => {
    const asked = await h.db.prisma.officerQuestion.create({
      data: {
        channel: "webchat",
        chatId: "farmer-q",
        text: "Thành lập HTX cần giấy gì?",
        origin: "contact",
        createdAt: new Date("2026-11-27T01:00:00Z"),
      },
    });
    const spam = await h.db.prisma.officerQuestion.create({
      data: {
        channel: "zalo",
        chatId: "spam-1",
        text: "mua sim so dep",
        origin: "unanswered",
        createdAt: new Date("2026-11-27T02:00:00Z"),
      },
    });
    await insertLead(h.db.prisma, {
      reference: "HTX-Q0001",
      channel: "webchat",
      chatId: "farmer-q",
      fullName: "Lê Thị Hoa",
      communeName: "Xã Hòa Tú 2",
    });
    const queue = await html("/admin/questions");
    expect(queue).toContain("Người hỏi: Lê Thị Hoa, Xã Hòa Tú 2");
    expect(queue).toContain('<a href="/admin/leads/HTX-Q0001">HTX-Q0001</a>');
    expect(queue).toContain("Người hỏi chưa đăng ký hồ sơ");
    expect(queue).toContain("· Trang web</p>");
    expect(queue).not.toMatch(/webchat/i);
    expect(queue).toMatch(/data-confirm="[^"]+">Đóng \(tin rác, hỏi trùng\)<\/button>/);

    const closed = await submit(`/admin/questions/${spam.id}/close`, {});
    expect(closed.headers.get("location")).toBe("/admin/questions?ok=admin-question-closed");
    expect(await h.db.prisma.officerQuestion.findUniqueOrThrow({ where: { id: spam.id } })).toMatchObject({
      status: "closed",
      answer: null,
    });
    expect(h.outbox.sent).toEqual([]);
    expect(await h.db.prisma.auditEntry.findFirst({ where: { action: "question.close" } })).toMatchObject({
      target: `CH-${String(spam.id).padStart(5, "0")}`,
    });
    expect(await html("/admin/questions?status=closed")).toContain("Tên canbo đã đóng lúc");
    expect((await submit(`/admin/questions/${spam.id}/close`, {})).headers.get("location")).toContain(
      "error=admin-error-question-answered",
    );

    await submit(`/admin/questions/${asked.id}/answer`, { answer: "Cần điều lệ và danh sách thành viên." });
    expect((await queued()).map((m) => m.message.text)).toEqual([
      expect.stringMatching(/^👤 Cán bộ Hội Nông dân trả lời câu hỏi CH-\d{5} của bà con:/),
    ]);
  });

  it("answers a farmer's reply to an officer's message as a reply: «Trả lời cán bộ» again, and in the lead's history", async () => {
    await insertLead(h.db.prisma, { reference: "HTX-R0001", channel: "telegram", chatId: "5151" });
    await submit("/admin/leads/HTX-R0001/message", { message: "Mai cán bộ ghé được không?" });
    const queue = prismaQuestionQueue(h.db.prisma, {
      outbox: h.outbox,
      translate: translator(),
    });
    const reply = await queue.submit({
      channel: "telegram",
      chatId: "5151",
      text: "Dạ chiều mai tui ở nhà",
      origin: "contact",
      at: h.clock.now(),
      replyTo: "HTX-R0001",
    });
    const card = await html("/admin/questions");
    expect(card).toContain("Trả lời tin nhắn cán bộ");
    // The officers read what the farmer answers, not only "Dạ chiều mai tui ở nhà".
    expect(card).toContain("↩️ Tên canbo đã nhắn về hồ sơ HTX-R0001: «Mai cán bộ ghé được không?»");
    expect(await html(`/admin/questions/${reply.id}`)).toContain("«Mai cán bộ ghé được không?»");
    await submit(`/admin/questions/${reply.id}/answer`, { answer: "Dạ, 3 giờ chiều cán bộ ghé." });

    const [, answer] = await queued();
    expect(answer).toEqual({
      chat: ["telegram", "5151"],
      message: {
        text: expect.stringMatching(
          /^👤 Cán bộ Hội Nông dân trả lời lời nhắn của bà con \(hồ sơ HTX-R0001, mã CH-\d{5}\):/,
        ),
        buttons: [[{ text: "✍️ Trả lời cán bộ", data: "lr:HTX-R0001" }]],
      },
    });
    expect(answer!.message.text).toContain("Dạ, 3 giờ chiều cán bộ ghé.");
    expect(answer!.message.text).not.toContain("câu hỏi");
    const history = await html("/admin/leads/HTX-R0001");
    const said = ["Mai cán bộ ghé được không?", "Dạ chiều mai tui ở nhà", "Dạ, 3 giờ chiều cán bộ ghé."];
    for (const text of said) expect(history).toContain(text);
  });

  it("marks a farmer's reply to an answer about no lead: which question it answers (a link) and that exchange", async () => {
    const queue = prismaQuestionQueue(h.db.prisma, { outbox: h.outbox, translate: translator() });
    const at = h.clock.now();
    const chat = { channel: "zalo", chatId: "7373" };
    const asked = await queue.submit({ ...chat, text: "Vay vốn ở đâu vậy cán bộ?", origin: "contact", at });
    await submit(`/admin/questions/${asked.id}/answer`, { answer: "Bà con ra ngân hàng ở xã nha." });
    const [answer] = await queued();
    const replyTo = answer!.message.buttons![0]![0]!.data.slice("lr:".length);
    expect(replyTo).toBe(asked.reference);

    const reply = await queue.submit({ ...chat, text: "Dạ cần giấy tờ gì?", origin: "contact", at, replyTo });
    const open = await html("/admin/questions");
    const card = open.slice(open.indexOf(`id="q-${reply.id}"`));
    expect(card).toContain("Trả lời câu trả lời của cán bộ");
    expect(card).toContain(
      `↩️ Bà con trả lời cán bộ về câu <a href="/admin/questions/${asked.id}">${asked.reference}</a>`,
    );
    expect(card).toContain("Bà con đã hỏi: «Vay vốn ở đâu vậy cán bộ?»");
    expect(card).toContain("Tên canbo đã trả lời: «Bà con ra ngân hàng ở xã nha.»");
    // The link shows the answered question, with its answer.
    const linked = await html(`/admin/questions/${asked.id}`);
    expect(linked).toContain("Vay vốn ở đâu vậy cán bộ?");
    expect(linked).toContain("Bà con ra ngân hàng ở xã nha.");
    const missing = await officer.get("/admin/questions/99999");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(translator()("admin-error-not-found"));

    await submit(`/admin/questions/${reply.id}/answer`, { answer: "Dạ, sổ hộ khẩu và phương án vay." });
    const [, second] = await queued();
    expect(second!.message).toEqual({
      text: expect.stringMatching(/^👤 Cán bộ Hội Nông dân trả lời lời nhắn của bà con \(mã CH-\d{5}\):/),
      buttons: [[{ text: "✍️ Trả lời cán bộ", data: `lr:${reply.reference}` }]],
    });
  });

  it("sends the reply to the farmer's chat; an FAQ entry is rewritten, checked, and published explicitly", async () => {
    const question = await h.db.prisma.officerQuestion.create({
      data: {
        channel: "telegram",
        chatId: "4242",
        text: "Tôi là Trần Thị Mai, vay vốn HTX ở đâu?",
        origin: "unanswered",
        createdAt: new Date("2026-11-27T01:00:00Z"),
      },
    });
    await insertLead(h.db.prisma, { channel: "telegram", chatId: "4242", fullName: "Trần Thị Mai" });
    expect(await html("/admin/questions")).toContain("vay vốn HTX ở đâu?");
    await submit(`/admin/questions/${question.id}/answer`, {
      answer: "Chị Mai gọi 0912 345 678 hỏi Ngân hàng Chính sách xã hội ở xã.",
    });
    expect(await queued()).toEqual([
      {
        chat: ["telegram", "4242"],
        message: {
          text: expect.stringContaining("Ngân hàng Chính sách xã hội ở xã."),
          buttons: [[{ text: "✍️ Trả lời cán bộ", data: `lr:CH-${String(question.id).padStart(5, "0")}` }]],
        },
      },
    ]);
    const again = await submit(`/admin/questions/${question.id}/answer`, { answer: "Lần hai" });
    expect(again.headers.get("location")).toContain("error=admin-error-question-answered");
    expect(await queued()).toHaveLength(1);

    // The form starts from the farmer's words; saving them as they are is refused.
    const form = await html(`/admin/faq/new?from=${question.id}`);
    expect(form).toContain("Trần Thị Mai");
    const withPhone = await submit("/admin/faq", {
      from: String(question.id),
      question: "Vay vốn HTX ở đâu?",
      answer: "Gọi 0912.345.678 hỏi Ngân hàng.",
    });
    expect(withPhone.status).toBe(400);
    expect(await withPhone.text()).toContain("không được có số điện thoại");
    const withName = await submit("/admin/faq", {
      from: String(question.id),
      question: "Chị Thị Mai hỏi vay vốn HTX ở đâu?",
      answer: "Hỏi Ngân hàng Chính sách xã hội ở xã.",
    });
    expect(await withName.text()).toContain("không được có tên người hỏi");
    expect(await h.db.prisma.faqEntry.count()).toBe(0);

    const saved = await submit("/admin/faq", {
      from: String(question.id),
      question: "Vay vốn cho HTX hỏi ở đâu?",
      answer: "Hỏi Ngân hàng Chính sách xã hội ở xã, mức vay 100.000.000 đồng.",
    });
    expect(saved.headers.get("location")).toContain("ok=admin-faq-saved");
    const entry = await h.db.prisma.faqEntry.findFirstOrThrow();
    expect(entry).toMatchObject({ questionId: question.id, published: false });
    expect(await publishedFaqs(h.db.prisma)).toEqual([]);
    expect(h.knowledgeChanges()).toBe(0);

    await submit(`/admin/faq/${entry.id}/publish`, {});
    expect(await publishedFaqs(h.db.prisma)).toEqual([
      {
        id: entry.id,
        question: "Vay vốn cho HTX hỏi ở đâu?",
        answer: expect.stringContaining("Ngân hàng"),
        publishedAt: h.clock.now(),
      },
    ]);
    await submit(`/admin/faq/${entry.id}/unpublish`, {});
    expect(await publishedFaqs(h.db.prisma)).toEqual([]);
    expect(h.knowledgeChanges()).toBe(2);
    const audited = await h.db.prisma.auditEntry.findMany({
      where: { action: { startsWith: "faq." } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((e) => e.action)).toEqual(["faq.save", "faq.publish", "faq.unpublish"]);
    await h.user("quantri", "admin");
    const admin = h.agent();
    await admin.login("quantri");
    expect(await html("/admin/audit?action=faq.publish", admin)).toMatch(
      /Tên canbo \(canbo\)<\/td>\s*<td[^>]*>Đăng hỏi đáp/,
    );
  });
});

describe("users, chat link and setup", () => {
  it("an admin creates an officer, who can log in until deactivated", async () => {
    await h.user("quantri", "admin");
    const admin = h.agent();
    await admin.login("quantri");
    const created = await submit(
      "/admin/users",
      { username: "canbo.moi", displayName: "Cán bộ Mới", password: "mat khau cua moi", role: "officer" },
      admin,
    );
    expect(created.headers.get("location")).toBe("/admin/users?ok=admin-user-created");
    expect((await h.agent().login("canbo.moi", "mat khau cua moi")).status).toBe(303);
    const id = (await h.db.prisma.staffUser.findUniqueOrThrow({ where: { username: "canbo.moi" } })).id;
    expect(await html("/admin/users", admin)).toMatch(
      /data-confirm="Khóa tài khoản của Cán bộ Mới\?[^"]*">Khóa tài khoản<\/button>/,
    );
    await submit(`/admin/users/${id}/active`, { active: "false" }, admin);
    expect((await h.agent().login("canbo.moi", "mat khau cua moi")).status).toBe(401);
    const audit = await html("/admin/audit", admin);
    expect(audit).toContain("Khóa tài khoản");
    // Officers' words, not the log's codes: "Tài khoản Cán bộ Mới (canbo.moi)" and "vai trò: Cán bộ", never `user:2` or JSON.
    expect(audit).toContain(`<a href="/admin/users">Tài khoản Cán bộ Mới (canbo.moi)</a>`);
    expect(audit).toContain("vai trò: Cán bộ");
    expect(audit).not.toContain(`user:${id}`);
    expect(audit).not.toContain("{&quot;");
  });

  it("shows a one-time /canbo code in the page, never in a URL", async () => {
    const response = await submit("/admin/chat-link", {});
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/\/canbo [A-Z2-9]{8}/);
    expect(await h.db.prisma.staffToken.count({ where: { kind: "chat_link" } })).toBe(1);
  });

  it("the first-admin link opens a form once", async () => {
    const link = (await ensureSetupLink(h.db.prisma, "http://localhost", () => {}, {
      key: Buffer.from("key"),
      lock: processChatLock({ onlyInstance: true }),
      now: h.clock.now(),
    }))!;
    const visitor = h.agent();
    const path = link.replace("http://localhost", "");
    const form = await html(path, visitor);
    const token = new URL(link).searchParams.get("token")!;
    const formToken = /name="_form" value="([^"]+)"/.exec(form)![1]!;
    const done = await visitor.post("/admin/setup", {
      _form: formToken,
      token,
      username: "quantri",
      displayName: "Quản trị",
      password: "mat khau quan tri",
    });
    expect(done.headers.get("location")).toBe("/admin/login?ok=admin-setup-done");
    expect((await visitor.get(path)).status).toBe(410);
    expect((await h.agent().login("quantri", "mat khau quan tri")).status).toBe(303);
  });
});

describe("bad form input", () => {
  it("answers a broken multipart form and an oversized body with a Vietnamese message, never a 500", async () => {
    const csrf = await officer.csrf();
    const broken = await officer.request("/admin/chat-link", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=----x", "x-csrf-token": csrf },
      body: '------x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("Biểu mẫu gửi lên bị lỗi");
    const huge = await officer.post("/admin/chat-link", { _csrf: csrf, padding: "x".repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("quá lớn");
  });
});
