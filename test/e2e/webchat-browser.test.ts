import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser.js";
import { startTestApp } from "../support/in-process-app.js";

describe("web chat in headless Chromium", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("greets with the menu, runs a flow by buttons and typing, and survives a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(app.url);
    await page.getByRole("button", { name: "👤 Gặp cán bộ" }).click();
    await page.getByText("hỏi cán bộ điều gì").waitFor();

    await page.getByLabel("Tin nhắn").fill("Cho tui hoi vay von HTX");
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.getByRole("button", { name: "✅ Gửi cho cán bộ" }).click();
    await page.getByText(/CH-\d{5}/).waitFor();

    await page.reload();
    await page.getByText(/CH-\d{5}/).waitFor();
    await expect(page.locator(".msg.me").allTextContents()).resolves.toContain("Cho tui hoi vay von HTX");
    // One greeting only: a reload shows the history instead of starting over.
    expect(await page.getByText("Chào bà con! Tôi là Trợ lý HTX").count()).toBe(1);
  });
});
