import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, webChatClient } from "../support/in-process-app.js";

describe("probes and metrics", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("is ready once its database answers and its index is loaded", async () => {
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: true, index: true, accepting: true });
  });

  it("counts messages in and out, answer latency and answer outcomes for Prometheus", async () => {
    await webChatClient(app.url, "session-metrics-1").say("htx can toi thieu bao nhieu thanh vien");
    const response = await fetch(`${app.url}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const value = (line: RegExp) => Number(line.exec(text)?.[1]);
    expect(value(/^htx_messages_in_total\{channel="webchat"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^htx_messages_out_total\{channel="webchat"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^htx_update_duration_seconds_count\{channel="webchat"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^htx_answers_total\{outcome="answered"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    // Series without events yet are there at 0, so alerts and rates work from the start.
    expect(value(/^htx_answers_total\{outcome="miss"\} (\d+)/m)).toBeGreaterThanOrEqual(0);
    expect(value(/^htx_errors_total\{kind="update"\} (\d+)/m)).toBe(0);
    expect(value(/^htx_outbox_pending (\d+)/m)).toBeGreaterThanOrEqual(0);
    // The database work behind those messages (bench:load divides it by the messages answered).
    expect(value(/^htx_db_statements_total (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^htx_db_transactions_total (\d+)/m)).toBeGreaterThanOrEqual(0);
    expect(text).not.toContain("session-metrics-1");
  });

  it("answers a mistyped address or method in Vietnamese, as JSON under /api/", async () => {
    const api = await fetch(`${app.url}/api/chat`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: expect.stringContaining("Không có trang hay địa chỉ này") });
    const page = await fetch(`${app.url}/khong-co-trang-nay`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Bà con mở lại trang trò chuyện");
  });
});
