import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeZaloBot, zaloUpdate, type FakeZaloBot } from "../support/fake-zalo-bot-server.js";
import { startAppProcess } from "../support/app-process.js";
import { migratedDataDir, withSharedIndex } from "../support/prepared-start.js";

const TOKEN = "8123:e2e-zalo-bot-secret-token";
const USER = "zalo-e2e-farmer";
/** Starting (or restarting) takes seconds, or minutes on a loaded CI machine: a bound for hangs only. */
const START_MS = 180_000;

describe("Zalo long polling against a fake Zalo Bot Platform over HTTP, real app process", () => {
  let zalo: FakeZaloBot;
  beforeAll(async () => {
    zalo = await startFakeZaloBot(TOKEN);
  });
  afterAll(async () => {
    await zalo.close();
  });

  const replyTo = (pattern: RegExp, after: number) =>
    zalo.waitFor(
      (c) => c.method === "sendMessage" && c.payload.chat_id === USER && pattern.test(String(c.payload.text)),
      START_MS,
      after,
    );

  it("answers typed choices, keeps empty polls quiet, resumes a flow after a restart and handles a redelivery once", async () => {
    // Only the Zalo settings: the web chat stays on by default beside it.
    const env = withSharedIndex({
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_POLL_TIMEOUT: "1",
      DATA_DIR: migratedDataDir(),
    });
    let app = startAppProcess(env);
    try {
      await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS);
      await zalo.waitFor((c) => c.method === "deleteWebhook", START_MS);

      let before = zalo.calls.length;
      zalo.push(zaloUpdate({ messageId: "e2e-1", userId: USER, text: "xin chao" }));
      const menu = await replyTo(/trả lời số 1, 2, 3, 4, 5 hoặc 6/, before);
      expect(String(menu.payload.text)).toContain("3. 📝 Đăng ký thành lập / tham gia HTX");

      // Nothing arrives for a while: getUpdates answers 408, which is not an error.
      const empty = zalo.emptyPolls();
      await new Promise<void>((resolve) => {
        const check = setInterval(() => zalo.emptyPolls() >= empty + 2 && (clearInterval(check), resolve()), 100);
      });

      before = zalo.calls.length;
      zalo.push(zaloUpdate({ messageId: "e2e-2", userId: USER, text: "3" }));
      await replyTo(/Bước 1\/9/, before);

      // Restart in the middle of the registration: the next answer continues it.
      expect(await app.stop()).toBe(0);
      app = startAppProcess(env);
      await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS);
      before = zalo.calls.length;
      zalo.push(zaloUpdate({ messageId: "e2e-3", userId: USER, text: "tham gia" }));
      await replyTo(/Bước 2\/9/, before);

      // The same message delivered twice is answered once.
      before = zalo.calls.length;
      const name = zaloUpdate({ messageId: "e2e-4", userId: USER, text: "nguyen van nam" });
      zalo.push(name);
      zalo.push(name);
      await replyTo(/Bước 3\/9/, before);
      zalo.push(zaloUpdate({ messageId: "e2e-5", userId: USER, text: "/huy" }));
      await replyTo(/chọn việc cần làm|trả lời số/, before);
      expect(zalo.textsTo(USER, before).filter((t) => t.includes("Bước 3/9"))).toHaveLength(1);
    } finally {
      await app.stop();
    }
    expect(zalo.calls.every((c) => c.token === TOKEN)).toBe(true);
    const output = app.output();
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain("nguyen van nam");
    expect(output).not.toContain("getUpdates failed");
    expect(output).toContain("zalo long polling started");
  }, 400_000);
});
