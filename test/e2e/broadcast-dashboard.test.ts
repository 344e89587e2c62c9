import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/index.js";
import { createStaffUser } from "../../src/staff/users.js";
import { launchBrowser } from "../support/browser.js";
import { startTestApp, webChatClient } from "../support/in-process-app.js";
import { startPostgres, type PostgresServer } from "../support/postgres-server.js";

const TEXT = "Hội Nông dân mở lớp tập huấn trồng lúa giảm phát thải sáng thứ Bảy";

/** Staff compose an announcement, see the count, preview it, send it, read the report; farmers in the segment get it once. */
describe("announcements from the dashboard in headless Chromium", () => {
  let pg: PostgresServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let db: Database;
  let browser: Browser;
  let page: Page;
  const subscribe = (session: string, topics: string[]) =>
    db.prisma.subscription.create({
      data: {
        channel: "webchat",
        chatId: String(app.webchat!.chatIdOf(session)),
        topics,
        consentVersion: "v",
        consentHash: "h",
        consentAt: new Date(),
      },
    });

  beforeAll(async () => {
    [pg, browser] = await Promise.all([startPostgres(), launchBrowser()]);
    app = await startTestApp({ DATABASE_URL: pg.url });
    db = await openDatabase(pg.url);
    const officer = await createStaffUser(db.prisma, {
      username: "canbo.ba",
      displayName: "Cán bộ Ba",
      password: "mat khau can bo",
      role: "officer",
    });
    if (!officer.ok) throw new Error(officer.problem);
    await db.prisma.staffUser.update({
      where: { id: officer.value.id },
      data: { chatChannel: "webchat", chatId: String(app.webchat!.chatIdOf("officer-ba-chat")) },
    });
    await subscribe("farmer-lua-1", ["training"]);
    await subscribe("farmer-lua-2", ["training", "credit"]);
    await subscribe("farmer-von-3", ["credit"]);
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(90_000);
    page.on("dialog", (dialog) => void dialog.accept());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await db?.close();
    await app?.stop();
    await pg?.stop();
  });

  it("compose → count → preview → send → report", { timeout: 600_000 }, async () => {
    await page.goto(`${app.url}/admin/broadcasts/new`);
    await page.getByLabel("Tên đăng nhập").fill("canbo.ba");
    await page.getByLabel("Mật khẩu").fill("mat khau can bo");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByLabel("Nội dung (chữ thường, không định dạng)").fill(TEXT);
    await page.getByLabel("🎓 Lớp tập huấn").check();
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByText("Sẽ gửi tới 2 người").waitFor();

    await page.getByRole("button", { name: "Gửi thử cho tôi" }).click();
    await page.getByText("Đã gửi thử vào tài khoản chat").waitFor();
    const officerChat = webChatClient(app.url, "officer-ba-chat");
    await expect
      .poll(async () => (await officerChat.history()).map((m) => m.text).join("\n"), { timeout: 120_000 })
      .toContain(TEXT);
    const testCopy = (await officerChat.history()).find((m) => m.text.includes(TEXT))!;
    expect(testCopy.text).toMatch(/^🧪 BẢN THỬ/);

    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByText("Đang gửi thông báo.").waitFor();
    // The page reloads itself while sending; the report replaces the progress bar.
    await page.getByRole("heading", { name: "Kết quả" }).waitFor({ timeout: 180_000 });
    expect(await page.locator("dl.fields").first().textContent()).toMatch(/Đã gửi tới\s*2/);
    // The report repeats who it was sent to.
    expect(await page.locator("ul.segment").textContent()).toBe("Chủ đề: 🎓 Lớp tập huấn");

    for (const [session, expected] of [
      ["farmer-lua-1", 1],
      ["farmer-lua-2", 1],
      ["farmer-von-3", 0],
    ] as const) {
      const received = (await webChatClient(app.url, session).history()).filter((m) => m.text.startsWith(TEXT));
      expect(received, session).toHaveLength(expected);
      if (expected) expect(received[0]!.text).toContain("/dunggui");
    }
    const audit = await db.prisma.auditEntry.findMany({ where: { action: "broadcast.send" } });
    expect(audit).toHaveLength(1);
  });
});
