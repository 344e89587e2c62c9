import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/index.js";
import { insertLead } from "../support/lead-rows.js";
import { launchBrowser } from "../support/browser.js";
import { startTestApp, webChatClient } from "../support/in-process-app.js";
import { startPostgres, type PostgresServer } from "../support/postgres-server.js";
import { staffAccount } from "../support/staff-accounts.js";

// The app and this test share a throwaway PostgreSQL server, so the test can seed users and leads
// the way the registration flow stores them, and check what the dashboard wrote.
describe("officers' dashboard in headless Chromium", () => {
  let pg: PostgresServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let db: Database;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [pg, browser] = await Promise.all([startPostgres(), launchBrowser()]);
    app = await startTestApp({ DATABASE_URL: pg.url });
    db = await openDatabase(pg.url);
    await staffAccount(db.prisma, {
      username: "canbo.an",
      displayName: "Cán bộ An",
      password: "mat khau can bo",
    });
    await staffAccount(db.prisma, {
      username: "quantri",
      displayName: "Quản trị viên Hội Nông dân thành phố",
      password: "mat khau quan tri",
      role: "admin",
    });
    await insertLead(db.prisma, {
      reference: "HTX-E2E01",
      fullName: "Nguyễn Văn An",
      sector: "lua",
      sectorLabel: "lúa",
      createdAt: new Date("2026-11-20T03:00:00Z"),
    });
    await insertLead(db.prisma, {
      reference: "HTX-E2E02",
      fullName: "Trần Thị Bích",
      communeCode: "31801",
      communeName: "Xã Hòa Tú 2",
      sector: "thuy_san",
      sectorLabel: "nuôi tôm",
      createdAt: new Date("2026-11-21T03:00:00Z"),
    });
    await insertLead(db.prisma, {
      reference: "HTX-E2E03",
      fullName: "Lê Văn Cường",
      sector: "trai_cay",
      sectorLabel: "sầu riêng",
      createdAt: new Date("2026-11-22T03:00:00Z"),
    });
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await db?.close();
    await app?.stop();
    await pg?.stop();
  });

  const rows = () => page.locator("tbody tr");

  it("logs in after a wrong password", async () => {
    await page.goto(`${app.url}/admin/leads`);
    await page.getByLabel("Tên đăng nhập").fill("canbo.an");
    await page.getByLabel("Mật khẩu").fill("sai mat khau roi");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng").waitFor();
    await page.getByLabel("Mật khẩu").fill("mat khau can bo");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("heading", { name: "Đăng ký thành lập, tham gia HTX" }).waitFor();
    expect(await rows().count()).toBe(3);
    // Lists mask phone numbers.
    expect(await rows().first().textContent()).toMatch(/\d{4} \*\*\* \d{3}/);
  });

  it("filters by commune and finds a name typed without diacritics", async () => {
    await page.locator('select[name="commune"]').selectOption({ label: "Xã Vĩnh Lợi" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByText("Tìm thấy 2 hồ sơ.").waitFor();
    await page.getByRole("link", { name: "Bỏ lọc" }).click();
    await page.getByRole("searchbox").fill("tran thi bich");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByText("Tìm thấy 1 hồ sơ.").waitFor();
    expect(await rows().first().textContent()).toContain("Trần Thị Bích");
  });

  it("moves a lead from Mới to Đã liên hệ on its detail page", async () => {
    await page.getByRole("link", { name: "HTX-E2E02" }).click();
    await page.getByRole("heading", { name: "Hồ sơ HTX-E2E02" }).waitFor();
    await page.getByRole("button", { name: "Chuyển sang: Đã liên hệ" }).click();
    await page.getByText("Đã đổi trạng thái.").waitFor();
    expect(await page.locator(".history").textContent()).toContain("Mới → Đã liên hệ");
    expect(await db.prisma.lead.findUnique({ where: { reference: "HTX-E2E02" } })).toMatchObject({
      status: "contacted",
    });
    expect(await db.prisma.auditEntry.count({ where: { action: "lead.view", target: "HTX-E2E02" } })).toBeGreaterThan(
      0,
    );
  });

  it("closes a lead only with a reason and after confirming, and steps back with a note", async () => {
    const closing = page
      .locator("form.status-move")
      .filter({ has: page.getByRole("button", { name: "Chuyển sang: Đóng" }) });
    await closing.getByPlaceholder("Lý do (ghi vào lịch sử)").fill("Bà con đổi ý, chưa muốn lập HTX");
    page.once("dialog", (dialog) => void dialog.dismiss());
    await closing.getByRole("button").click();
    expect(await db.prisma.lead.findUnique({ where: { reference: "HTX-E2E02" } })).toMatchObject({
      status: "contacted",
    });
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("«Đóng»");
      void dialog.accept();
    });
    await closing.getByRole("button").click();
    await page.locator(".history li").first().getByText("Bà con đổi ý, chưa muốn lập HTX").waitFor();

    const reopening = page
      .locator("form.status-move")
      .filter({ has: page.getByRole("button", { name: "Chuyển sang: Đã liên hệ" }) });
    await reopening.getByRole("button").click();
    const back = page.locator("form.status-move").filter({ has: page.getByRole("button", { name: "Lùi về: Mới" }) });
    await back.getByPlaceholder("Lý do (ghi vào lịch sử)").fill("Bấm nhầm");
    await back.getByRole("button").click();
    await page.locator(".history li").first().getByText("Bấm nhầm").waitFor();
    expect(await db.prisma.lead.findUnique({ where: { reference: "HTX-E2E02" } })).toMatchObject({ status: "new" });
  });

  it("exports the filtered list as .xlsx with Vietnamese intact", async () => {
    await page.goto(`${app.url}/admin/leads?commune=31777`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "⬇ Tải Excel (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dang-ky-htx-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const names = sheet.getColumn(5).values.slice(2);
    expect(names.sort()).toEqual(["Lê Văn Cường", "Nguyễn Văn An"]);
    expect(sheet.getRow(1).getCell(5).value).toBe("Họ và tên");
    expect(sheet.getRow(2).getCell(8).value).toBe("Xã Vĩnh Lợi");
    // The page fetched the file itself and says how many leads it holds.
    expect(await page.getByText("Tệp tải về gồm đủ 2 hồ sơ đang lọc").isVisible()).toBe(true);
    await page.getByRole("status").getByText("Đã tải xong 2 hồ sơ.").waitFor();
  });

  it("shows a CSV export's progress in leads", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "⬇ Tải CSV" }).click(),
    ]);
    const text = (await readFile(await download.path())).toString("utf8");
    expect(text.trim().split("\r\n")).toHaveLength(3);
    const status = page.getByRole("status");
    await status.getByText("Đã tải xong 2 hồ sơ.").waitFor();
    expect(await status.locator("progress").evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([
      1, 1,
    ]);
  });

  it("answers a farmer's question; the reply appears in the farmer's web chat", async () => {
    const farmer = webChatClient(app.url, "farmer-e2e-admin");
    const menu = (await farmer.say("/start")).messages!.find((m) => m.buttons.length > 0)!;
    await farmer.press("menu:officer", menu.messageId);
    const confirm = await farmer.say("HTX cần ít nhất mấy thành viên?");
    await farmer.press("officer:send", confirm.messages![0]!.messageId);
    const seq = farmer.lastSeq();

    await page.getByRole("link", { name: "Câu hỏi" }).click();
    await page.getByText("HTX cần ít nhất mấy thành viên?").waitFor();
    await page.getByLabel("Câu trả lời").fill("Ít nhất 05 thành viên chính thức (Điều 4 Luật HTX 2023).");
    await page.getByRole("button", { name: "Gửi trả lời" }).click();
    await page.getByText("Đã gửi câu trả lời cho bà con.").waitFor();

    for (let i = 0; i < 60; i++) {
      const later = await farmer.history(seq);
      const reply = later.find((m) => m.fromBot && m.text.includes("Ít nhất 05 thành viên chính thức"));
      if (reply) {
        expect(reply.text).toContain("HTX cần ít nhất mấy thành viên?");
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the officer's reply never reached the farmer's web chat");
  });

  /** At 390 px nothing may be wider than the screen, and the menu and "Đăng xuất" stay within reach. */
  async function fitsPhone(path: string, on: Page) {
    await on.goto(`${app.url}${path}`);
    const overflow = await on.evaluate(() => document.scrollingElement!.scrollWidth);
    // On failure, name the elements that stick out (the outermost ones are the culprits).
    const wide = await on.evaluate(() =>
      Array.from(document.body.querySelectorAll("*"))
        .filter((e) => e.getBoundingClientRect().right > 390)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(overflow, `${path} is ${overflow} px wide: ${wide.join(", ")}`).toBeLessThanOrEqual(390);
    const logout = await on.getByRole("button", { name: "Đăng xuất" }).boundingBox();
    expect(logout && logout.x >= 0 && logout.x + logout.width <= 390, `"Đăng xuất" on ${path}`).toBe(true);
    for (const link of await on.locator("header nav a").all()) {
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, `menu link ${await link.textContent()} on ${path}`).toBe(
        true,
      );
    }
  }

  it("fits a 390 px phone on every page, with leads and audit entries as cards", async () => {
    await db.prisma.officerQuestion.create({
      data: {
        channel: "webchat",
        chatId: "farmer-phone",
        origin: "contact",
        createdAt: new Date("2026-11-27T01:00:00Z"),
        text: "https://example.vn/mot-duong-dan-rat-dai-khong-co-khoang-trang-nao-ca-de-thu-man-hinh-hep",
      },
    });
    await insertLead(db.prisma, {
      reference: "HTX-E2E04",
      fullName: "Nguyễn Thị Thanh Hương Quỳnh",
      communeName: "Phường Vĩnh Châu và những nơi có tên rất dài",
      sector: "other",
      sectorLabel: "nuôi cá kèo kết hợp trồng rừng đước ven biển",
    });
    const officerId = (await db.prisma.staffUser.findFirstOrThrow({ where: { role: "officer" } })).id;
    const campaign = await db.prisma.broadcastCampaign.create({
      data: {
        text: "Lớp tập huấn trồng lúa hữu cơ.\nĐăng ký tại https://example.vn/mot-duong-dan-rat-dai-khong-co-khoang-trang-nao-ca",
        link: "https://example.vn/lop-tap-huan-lua-huu-co-tai-phuong-my-xuyen",
        signupChoice: false,
        segment: {},
        createdById: officerId,
      },
    });
    const paths = [
      "/admin",
      "/admin/leads",
      "/admin/leads/HTX-E2E04",
      "/admin/pools",
      "/admin/questions?status=all",
      "/admin/faq",
      "/admin/broadcasts",
      "/admin/broadcasts/new",
      `/admin/broadcasts/${campaign.id}`,
      "/admin/chat-link",
    ];
    for (const path of paths) await fitsPhone(path, page);
    // A lead in the list is a card: no table header, each value after its column's name.
    await page.goto(`${app.url}/admin/leads`);
    expect(await page.locator("thead").isVisible()).toBe(false);
    const label = await page
      .locator("tbody tr")
      .first()
      .locator("td[data-label]")
      .first()
      .evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Ngày đăng ký: "');

    const adminPage = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await adminPage.goto(`${app.url}/admin/login`);
    await adminPage.getByLabel("Tên đăng nhập").fill("quantri");
    await adminPage.getByLabel("Mật khẩu").fill("mat khau quan tri");
    await adminPage.getByRole("button", { name: "Đăng nhập" }).click();
    await adminPage.getByRole("heading", { name: "Tổng quan" }).waitFor();
    for (const path of ["/admin/users", "/admin/leads?sort=oldest", "/admin/audit"]) await fitsPhone(path, adminPage);
    expect(await adminPage.locator("thead").isVisible()).toBe(false);
    await adminPage.close();
  });
});
