import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminHarness } from "./admin-harness.js";
import { insertLead } from "../support/lead-rows.js";

let h: Awaited<ReturnType<typeof adminHarness>>;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.db.clear();
  h.outbox.sent.length = 0;
});

const subscribe = (channel: string, chatId: string, topics: string[], communeCode?: string) =>
  h.db.prisma.subscription.create({
    data: {
      channel,
      chatId,
      topics,
      communeCode: communeCode ?? null,
      communeName: communeCode ? `Xã ${communeCode}` : null,
      consentVersion: "v",
      consentHash: "h",
      consentAt: new Date(),
    },
  });

async function loggedIn(username: string, role: "staff" | "officer" | "admin") {
  await h.user(username, role);
  const agent = h.agent();
  await agent.login(username);
  return agent;
}

describe("dashboard announcements", () => {
  it("lists each commune once, every sector, and takes a long pasted text to say how long it is", async () => {
    await subscribe("telegram", "1", ["training"], "31471");
    await h.db.prisma.subscription.update({
      where: { channel_chatId: { channel: "telegram", chatId: "1" } },
      data: { communeName: "Xã 31471, Thành phố Cần Thơ" },
    });
    await subscribe("webchat", "2", ["training"], "31471");
    const staff = await loggedIn("hoind", "staff");
    const form = await (await staff.get("/admin/broadcasts/new")).text();
    expect(form.match(/value="31471"/g)).toHaveLength(1);
    expect(form).toContain('value="mia"');
    // No maxlength: a browser would cut a pasted text without a word, losing its end (time and place).
    expect(form).not.toContain("maxlength");
    const csrf = await staff.csrf("/admin/broadcasts/new");
    const long = `${"Lớp tập huấn. ".repeat(150)}Họp lúc 8 giờ.`;
    const refused = await (await staff.post("/admin/broadcasts", { _csrf: csrf, text: long })).text();
    expect(refused).toContain("dài tối đa 1500 ký tự");
    expect(refused).toContain("Họp lúc 8 giờ.");
  });

  it("warns before sending to nobody: no farmer receives the chosen topic", async () => {
    await subscribe("telegram", "1", ["training"], "31471");
    const officer = await loggedIn("canbo", "officer");
    const csrf = await officer.csrf("/admin/broadcasts/new");
    const created = await officer.post("/admin/broadcasts", { _csrf: csrf, text: "Hội chợ nông sản", topics: "fairs" });
    const page = await (await officer.get(created.headers.get("location")!)).text();
    expect(page).toContain("Chưa có bà con nào nhận thông báo theo đối tượng đã chọn");
    expect(page).toContain('data-confirm="Gửi thông báo này cho 0 bà con?"');
  });

  it("staff draft and see the audience per channel; officers preview, send, and read the report; every send is audited", async () => {
    await subscribe("telegram", "1", ["training"], "31471");
    await subscribe("telegram", "2", ["credit"], "31471");
    await subscribe("webchat", "3", ["training"]);
    const staff = await loggedIn("hoind", "staff");
    const csrf = await staff.csrf("/admin/broadcasts/new");
    const created = await staff.post("/admin/broadcasts", {
      _csrf: csrf,
      text: "Lớp tập huấn trồng lúa thứ Bảy",
      link: "https://hoind.vn/lop",
      signup: "on",
      topics: "training",
    });
    expect(created.status).toBe(303);
    const location = created.headers.get("location")!;
    const id = /\/admin\/broadcasts\/(\d+)/.exec(location)![1]!;
    const draft = await (await staff.get(`/admin/broadcasts/${id}`)).text();
    expect(draft).toContain("Sẽ gửi tới 2 người");
    expect(draft).toMatch(/<b>Telegram<\/b>: 1 người/);
    expect(draft).toMatch(/<b>Trang web<\/b>: 1 người/);
    expect(draft).toContain("/dunggui");
    expect(draft).not.toContain(`/admin/broadcasts/${id}/send`);
    // Staff may draft, never send.
    expect((await staff.post(`/admin/broadcasts/${id}/send`, { _csrf: csrf })).status).toBe(403);

    const officer = await loggedIn("canbo", "officer");
    // The send confirmation names how many farmers it goes to.
    expect(await (await officer.get(`/admin/broadcasts/${id}`)).text()).toContain(
      'data-confirm="Gửi thông báo này cho 2 bà con?"',
    );
    const officerCsrf = await officer.csrf(`/admin/broadcasts/${id}`);
    expect(
      (await officer.post(`/admin/broadcasts/${id}/preview`, { _csrf: officerCsrf })).headers.get("location"),
    ).toContain("error=admin-bc-no-linked-chat");
    await h.db.prisma.staffUser.update({
      where: { username: "canbo" },
      data: { chatChannel: "telegram", chatId: "900" },
    });
    await officer.post(`/admin/broadcasts/${id}/preview`, { _csrf: officerCsrf });
    expect(h.outbox.sent).toHaveLength(1);
    expect(h.outbox.sent[0]).toMatchObject({
      to: { channel: "telegram", chatId: "900" },
      message: { buttons: [[{ data: `bc:signup:${id}` }]] },
    });
    expect(h.outbox.sent[0]!.message.text).toContain("Lớp tập huấn trồng lúa thứ Bảy");
    // A test copy is marked at both ends, so nobody takes it for a real announcement.
    expect(h.outbox.sent[0]!.message.text).toMatch(/^🧪 BẢN THỬ[^]*Hết bản thử[^\n]*$/);

    const sent = await officer.post(`/admin/broadcasts/${id}/send`, { _csrf: officerCsrf, at: "" });
    expect(sent.headers.get("location")).toContain("ok=admin-bc-sending");
    expect(await h.db.prisma.broadcastDelivery.count({ where: { campaignId: Number(id) } })).toBe(2);
    const sending = await (await officer.get(`/admin/broadcasts/${id}`)).text();
    expect(sending).toContain("<progress");
    expect(sending).toContain('http-equiv="refresh"');
    expect(sending).toContain("Đã xử lý 0/2");

    await h.db.prisma.broadcastDelivery.updateMany({
      where: { chatId: "1" },
      data: { status: "sent", sentAt: new Date(), pressedAt: new Date() },
    });
    await h.db.prisma.broadcastDelivery.updateMany({
      where: { chatId: "3" },
      data: { status: "skipped", reason: "unsubscribed" },
    });
    const cancelled = await officer.post(`/admin/broadcasts/${id}/cancel`, { _csrf: officerCsrf });
    expect(cancelled.headers.get("location")).toContain("ok=admin-bc-cancelled");
    const report = await (await officer.get(`/admin/broadcasts/${id}`)).text();
    expect(report).toContain("Đã xử lý 2/2");
    expect(report).toMatch(/đã ngừng nhận tin: <b>1<\/b>/);
    expect(report).toMatch(/Số người bấm «Đăng ký»<\/dt><dd><b>1<\/b>/);

    const audit = await h.db.prisma.auditEntry.findMany({
      where: { action: { startsWith: "broadcast." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ["broadcast.send", `broadcast:${id}`],
      ["broadcast.cancel", `broadcast:${id}`],
    ]);
    await h.user("quantri", "admin");
    const admin = h.agent();
    await admin.login("quantri");
    const log = await (await admin.get("/admin/audit?action=broadcast.send")).text();
    expect(log).toContain(`<a href="/admin/broadcasts/${id}">Thông báo #${id}</a>`);
    expect(log).toContain("hẹn giờ: không · số người nhận: 2");
  });

  it("shows officers the drafts staff wrote as waiting for them, in the list and in their linked chats", async () => {
    await subscribe("telegram", "1", ["training"]);
    await h.user("canbo", "officer");
    await h.user("xem", "staff");
    await h.db.prisma.staffUser.update({
      where: { username: "canbo" },
      data: { chatChannel: "telegram", chatId: "900" },
    });
    await h.db.prisma.staffUser.update({
      where: { username: "xem" },
      data: { chatChannel: "telegram", chatId: "901" },
    });
    const staff = await loggedIn("hoind", "staff");
    const created = await staff.post("/admin/broadcasts", {
      _csrf: await staff.csrf("/admin/broadcasts/new"),
      text: "Lớp tập huấn trồng lúa thứ Bảy",
      topics: "training",
    });
    expect(created.headers.get("location")).toContain("ok=admin-bc-draft-awaiting");
    // Only the officer, who may send it, is told in chat; the other staff member is not.
    expect(h.outbox.sent.map((s) => s.to.chatId)).toEqual(["900"]);
    expect(h.outbox.sent[0]!.message.text).toContain("Tên hoind vừa soạn thông báo #");
    expect(h.outbox.sent[0]!.message.text).toContain("«Lớp tập huấn trồng lúa thứ Bảy»");

    const officer = h.agent();
    await officer.login("canbo");
    await officer.post("/admin/broadcasts", { _csrf: await officer.csrf("/admin/broadcasts/new"), text: "Luật mới" });
    expect(h.outbox.sent).toHaveLength(1);
    const list = await (await officer.get("/admin/broadcasts")).text();
    expect(list).toContain("Có 1 bản nháp của nhân viên đang chờ anh/chị duyệt");
    expect(list).toMatch(/Tên hoind<\/td>\s*<td><span class="status status-awaiting">Bản nháp · chờ duyệt</);
    expect(list).toMatch(/Tên canbo<\/td>\s*<td><span class="status">Bản nháp</);
    // The menu item of one's own chat link is not mistaken for the announcements next to it.
    expect(list).toContain(">Chat của tôi</a>");
    expect(await (await officer.get("/admin/chat-link")).text()).toContain(
      "Đây là chat riêng của cán bộ, không phải thông báo gửi bà con",
    );
    const staffList = await (await staff.get("/admin/broadcasts")).text();
    expect(staffList).toContain("Bản nháp · chờ duyệt");
    expect(staffList).not.toContain("đang chờ anh/chị duyệt");
  });

  it("says what a scheduled or cancelled-before-start campaign is and who it is for, never 0/0", async () => {
    await subscribe("telegram", "1", ["training"], "31471");
    await subscribe("webchat", "3", ["training"]);
    const officer = await loggedIn("canbo", "officer");
    const csrf = await officer.csrf("/admin/broadcasts/new");
    const created = await officer.post("/admin/broadcasts", {
      _csrf: csrf,
      text: "Lớp tập huấn",
      topics: "training",
      communes: "31471",
    });
    const id = /(\d+)/.exec(created.headers.get("location")!)![1]!;
    await officer.post(`/admin/broadcasts/${id}/send`, { _csrf: csrf, at: "2026-11-28T08:00" });
    const scheduled = await (await officer.get(`/admin/broadcasts/${id}`)).text();
    expect(scheduled).toContain("Đã hẹn giờ");
    expect(scheduled).toContain("Nếu gửi lúc này: 1 người");
    expect(scheduled).toMatch(/<b>Chủ đề<\/b>: 🎓 Lớp tập huấn/);
    expect(scheduled).toMatch(/<b>Xã\/phường<\/b>: Xã 31471/);
    expect(scheduled).not.toContain("0/0");

    await officer.post(`/admin/broadcasts/${id}/cancel`, { _csrf: csrf });
    const cancelled = await (await officer.get(`/admin/broadcasts/${id}`)).text();
    expect(cancelled).toContain("Đã hủy trước giờ gửi: chưa gửi cho ai.");
    expect(cancelled).toMatch(/<b>Chủ đề<\/b>: 🎓 Lớp tập huấn/);
    expect(cancelled).not.toContain("0/0");

    const everyone = await officer.post("/admin/broadcasts", { _csrf: csrf, text: "Hội chợ" });
    const everyoneId = /(\d+)/.exec(everyone.headers.get("location")!)![1]!;
    await officer.post(`/admin/broadcasts/${everyoneId}/send`, { _csrf: csrf, at: "" });
    const sending = await (await officer.get(`/admin/broadcasts/${everyoneId}`)).text();
    expect(sending).toContain("Mọi bà con đã đăng ký nhận thông báo.");
    expect(sending).toContain("Đã xử lý 0/2");
  });

  it("answers bad input politely and schedules in Vietnam time", async () => {
    await subscribe("webchat", "3", ["law"]);
    const officer = await loggedIn("canbo", "officer");
    const csrf = await officer.csrf("/admin/broadcasts/new");
    const empty = await officer.post("/admin/broadcasts", { _csrf: csrf, text: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Nội dung không được để trống");
    expect(
      await (await officer.post("/admin/broadcasts", { _csrf: csrf, text: "x", link: "ftp://a" })).text(),
    ).toContain("http://");
    // A topic the form never offered (a stale or crafted form) must not widen the audience to everyone.
    const crafted = await officer.post("/admin/broadcasts", { _csrf: csrf, text: "Luật mới", topics: "harvest" });
    expect(crafted.status).toBe(400);
    expect(await crafted.text()).toContain("không có trong danh sách");
    expect(await h.db.prisma.broadcastCampaign.count()).toBe(0);
    const created = await officer.post("/admin/broadcasts", { _csrf: csrf, text: "Luật mới" });
    const id = /(\d+)/.exec(created.headers.get("location")!)![1]!;
    expect(
      (await officer.post(`/admin/broadcasts/${id}/send`, { _csrf: csrf, at: "bogus" })).headers.get("location"),
    ).toContain("error=admin-bc-error-time");
    // 27/11/2026 08:00 UTC is 15:00 in Vietnam; 16:30 there is 09:30 UTC.
    expect(
      (await officer.post(`/admin/broadcasts/${id}/send`, { _csrf: csrf, at: "2026-11-27T16:30" })).headers.get(
        "location",
      ),
    ).toContain("ok=admin-bc-scheduled");
    expect((await h.db.prisma.broadcastCampaign.findUniqueOrThrow({ where: { id: Number(id) } })).scheduledAt).toEqual(
      new Date("2026-11-27T09:30:00Z"),
    );
    expect((await officer.get("/admin/broadcasts/999")).status).toBe(404);
  });

  it("lets an officer message the farmer of a lead through the outbox; staff cannot", async () => {
    await insertLead(h.db.prisma, { reference: "HTX-M0001", channel: "telegram", chatId: "555" });
    const officer = await loggedIn("canbo", "officer");
    const csrf = await officer.csrf("/admin/leads/HTX-M0001");
    expect(await (await officer.get("/admin/leads/HTX-M0001")).text()).toContain("Nhắn cho bà con");
    expect(
      (await officer.post("/admin/leads/HTX-M0001/message", { _csrf: csrf, message: " " })).headers.get("location"),
    ).toContain("error=admin-lead-message-invalid");
    const sent = await officer.post("/admin/leads/HTX-M0001/message", {
      _csrf: csrf,
      message: "Mai 8 giờ cán bộ gọi lại nha",
    });
    expect(sent.headers.get("location")).toContain("ok=admin-lead-message-sent");
    // Queued in the database outbox, in the same transaction as the lead's history and the audit entry.
    const jobs = await h.db.prisma.outboundJob.findMany();
    expect(jobs.map((j) => [j.channel, j.chatId, j.payload])).toEqual([
      [
        "telegram",
        "555",
        {
          text: "👤 Cán bộ Hội Nông dân nhắn: Mai 8 giờ cán bộ gọi lại nha\n(Bà con bấm «✍️ Trả lời cán bộ» để nhắn lại.)",
          buttons: [[{ text: "✍️ Trả lời cán bộ", data: "lr:HTX-M0001" }]],
        },
      ],
    ]);
    expect(await (await officer.get("/admin/leads/HTX-M0001")).text()).toMatch(
      /<b>Tên canbo<\/b>: Nhắn cho bà con<p>Mai 8 giờ cán bộ gọi lại nha<\/p>/,
    );
    expect(await h.db.prisma.auditEntry.count({ where: { action: "lead.message", target: "HTX-M0001" } })).toBe(1);
    const staff = await loggedIn("hoind", "staff");
    expect(
      (
        await staff.post("/admin/leads/HTX-M0001/message", {
          _csrf: await staff.csrf("/admin/leads/HTX-M0001"),
          message: "x",
        })
      ).status,
    ).toBe(403);
  });

  it("gives an unassigned new lead to the officer who messages its farmer; a lead another officer holds stays", async () => {
    await insertLead(h.db.prisma, { reference: "HTX-M0002", channel: "webchat", chatId: "w2" });
    const officer = await loggedIn("canbo", "officer");
    const csrf = await officer.csrf("/admin/leads/HTX-M0002");
    for (const message of ["Chào bà con", "Mai cán bộ ghé nha"])
      await officer.post("/admin/leads/HTX-M0002/message", { _csrf: csrf, message });
    const page = await (await officer.get("/admin/leads/HTX-M0002")).text();
    expect(page).toMatch(/Người xử lý<\/dt><dd>Tên canbo</);
    expect(page).not.toContain("Chưa ai nhận");
    expect(page).toMatch(/<b>Tên canbo<\/b>: Đổi trạng thái: Mới → Đã liên hệ/);
    const lead = await h.db.prisma.lead.findUniqueOrThrow({
      where: { reference: "HTX-M0002" },
      include: { events: true },
    });
    expect(lead.status).toBe("contacted");
    expect(lead.events.map((e) => e.kind).filter((k) => k !== "message_to_farmer")).toEqual(["assigned", "status"]);

    const other = await h.user("canbo2", "officer");
    await insertLead(h.db.prisma, { reference: "HTX-M0003", channel: "webchat", chatId: "w3", assignedToId: other.id });
    await officer.post("/admin/leads/HTX-M0003/message", { _csrf: csrf, message: "Chào bà con" });
    const held = await h.db.prisma.lead.findUniqueOrThrow({ where: { reference: "HTX-M0003" } });
    expect([held.assignedToId, held.status]).toEqual([other.id, "new"]);
  });
});
