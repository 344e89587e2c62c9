import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from "../support/fake-telegram-server.js";
import { startAppProcess } from "../support/app-process.js";
import { migratedDataDir, withSharedIndex } from "../support/prepared-start.js";
import { textUpdate } from "../support/recording-fetch.js";
import { webhookDeliverer } from "../support/webhook-delivery.js";
import { REFERENCE, registrationInputs, telegramUpdate } from "../support/registration-script.js";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.js";
import { webChatClient } from "../support/in-process-app.js";
import { SECRET, TOKEN, telegramWebhookEnv } from "../support/telegram-env.js";

/**
 * kill -9 in the middle of updates: every update in flight is processed after the restart, and the
 * consent press in flight saves one lead and still sends its reference.
 */
const FARMER = 8801;
/** Starting takes seconds, or a minute on a loaded CI machine. */
const START_MS = 180_000;
const OTHERS = Array.from({ length: 10 }, (_, i) => 8810 + i);

const GREETING = /Tôi là Trợ lý HTX/;

const sentTo = (chat: number, pattern: RegExp) => (call: RecordedCall) =>
  call.method === "sendMessage" && Number(call.payload.chat_id) === chat && pattern.test(String(call.payload.text));

async function until(condition: () => boolean, what: string, ms = START_MS) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("kill -9 and SIGTERM with updates in flight", () => {
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await startFakeTelegram();
  });
  afterAll(async () => {
    await telegram.close();
  });

  /** Holds every reply, sends `inFlight`, waits until each is being answered, kills the bot. */
  async function crashWhileAnswering(
    app: ReturnType<typeof startAppProcess>,
    send: () => void,
    expectedReplies: number,
  ) {
    const release = telegram.hold((call) => call.method === "sendMessage");
    const before = telegram.calls.length;
    send();
    await until(
      () => telegram.calls.slice(before).filter((c) => c.method === "sendMessage").length >= expectedReplies,
      "the held replies",
    );
    const held = telegram.calls.slice(before);
    await app.kill();
    release();
    return held;
  }

  const webhookEnv = () => withSharedIndex({ ...telegramWebhookEnv(telegram.apiRoot), DATA_DIR: migratedDataDir() });

  function expectAnsweredAfterRestart(held: RecordedCall[], restartedAt: number) {
    const after = telegram.calls.slice(restartedAt);
    const reference = held.find(sentTo(FARMER, REFERENCE))?.payload.text;
    expect(String(reference), JSON.stringify(held.map((c) => [c.method, c.payload.chat_id, c.payload.text]))).toMatch(
      REFERENCE,
    );
    // The replayed consent press answers with the lead saved before the crash, once.
    const again = after.filter(sentTo(FARMER, REFERENCE));
    expect(again).toHaveLength(1);
    expect(REFERENCE.exec(String(again[0]!.payload.text))![0]).toBe(REFERENCE.exec(String(reference))![0]);
    for (const chat of OTHERS) expect(after.filter(sentTo(chat, /Trợ lý HTX/))).toHaveLength(1);
  }

  it("webhook: Telegram's redeliveries of the unacknowledged updates are all answered", async () => {
    const env = webhookEnv();
    let app = startAppProcess(env);
    let base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
    // Redelivery keeps trying while the killed app restarts, however long a start takes here.
    const deliver = webhookDeliverer({ secret: SECRET, target: () => `${base}/telegram/hook`, giveUpMs: START_MS });
    try {
      let updateId = 1000;
      const inputs = registrationInputs("0912 345 601");
      for (const input of inputs.slice(0, -1)) await deliver(telegramUpdate(++updateId, FARMER, input));

      const deliveries: Promise<number>[] = [];
      const held = await crashWhileAnswering(
        app,
        () => {
          deliveries.push(deliver(telegramUpdate(++updateId, FARMER, inputs.at(-1)!)));
          for (const chat of OTHERS) deliveries.push(deliver(textUpdate(++updateId, chat, "/start")));
        },
        1 + OTHERS.length,
      );

      const restartedAt = telegram.calls.length;
      app = startAppProcess(env);
      base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
      const attempts = await Promise.all(deliveries);
      expect(attempts.every((n) => n > 1)).toBe(true);
      expectAnsweredAfterRestart(held, restartedAt);
    } finally {
      await app.stop();
    }
  }, 400_000);

  it("long polling: the unconfirmed updates come again and are all answered", async () => {
    const env = withSharedIndex({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      WEBCHAT_ENABLED: "false",
      DATA_DIR: migratedDataDir(),
    });
    let app = startAppProcess(env);
    try {
      await app.waitForOutput(/long polling started/, START_MS);
      let updateId = 2000;
      const inputs = registrationInputs("0912 345 602");
      // The fake server is shared with the webhook test: only this test's consent question counts.
      const pushedAt = telegram.calls.length;
      for (const input of inputs.slice(0, -1)) telegram.push(telegramUpdate(++updateId, FARMER, input));
      // The consent question is the answer to the last of them: the flow waits for the press.
      await telegram.waitFor(sentTo(FARMER, /Trước khi lưu/), undefined, pushedAt);
      const held = await crashWhileAnswering(
        app,
        () => {
          telegram.push(telegramUpdate(++updateId, FARMER, inputs.at(-1)!));
          for (const chat of OTHERS) telegram.push(textUpdate(++updateId, chat, "/start"));
        },
        1 + OTHERS.length,
      );

      const restartedAt = telegram.calls.length;
      app = startAppProcess(env);
      await until(
        () => telegram.calls.slice(restartedAt).filter((c) => c.method === "sendMessage").length >= 1 + OTHERS.length,
        "the answers after the restart",
        START_MS,
      );
      // Let a wrongly repeated answer show up before counting.
      const before = telegram.calls.length;
      telegram.push(textUpdate(++updateId, FARMER, "/help"));
      await telegram.waitFor(
        (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === FARMER,
        undefined,
        before,
      );
      expectAnsweredAfterRestart(held, restartedAt);
    } finally {
      await app.stop();
    }
  }, 400_000);

  it("SIGTERM: finishes and acknowledges the update before exiting, so it is not answered again", async () => {
    const env = webhookEnv();
    let app = startAppProcess(env);
    let base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
    // Redelivery keeps trying while the killed app restarts, however long a start takes here.
    const deliver = webhookDeliverer({ secret: SECRET, target: () => `${base}/telegram/hook`, giveUpMs: START_MS });
    // The fake server and the farmer are shared with the tests above: count only this test's calls.
    const firstCall = telegram.calls.length;
    try {
      const release = telegram.hold((call) => call.method === "sendMessage");
      const start = textUpdate(3001, FARMER, "/start");
      const delivery = deliver(start);
      await telegram.waitFor(sentTo(FARMER, GREETING));
      const exitCode = app.stop();
      await app.waitForOutput(/shutting down/);
      release();
      expect(await delivery).toBe(1);
      expect(await exitCode).toBe(0);

      app = startAppProcess(env);
      base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
      await deliver(start);
      await deliver(textUpdate(3002, FARMER, "/help"));
      expect(telegram.calls.slice(firstCall).filter(sentTo(FARMER, GREETING))).toHaveLength(1);
      expect(telegram.calls.slice(firstCall).filter(sentTo(FARMER, /Cách dùng/))).toHaveLength(1);
    } finally {
      await app.stop();
    }
  }, 400_000);
});

describe("kill -9 during a web chat answer", () => {
  let openai: FakeOpenAI;
  beforeAll(async () => {
    openai = await startFakeOpenAI();
  });
  afterAll(async () => {
    await openai.close();
  });

  it("answers the resend of the interrupted question, once, and a second resend with the same replies", async () => {
    const env = {
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_API_KEY: "test-key",
      OPENAI_MODEL: "fake-model",
      DATA_DIR: migratedDataDir(),
    };
    let app = startAppProcess(env);
    try {
      let base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
      const question = "Hợp tác xã cần tối thiểu bao nhiêu thành viên?";
      // The wording request never comes back: the question is in flight when the bot is killed.
      let asked = false;
      openai.chat = () => {
        asked = true;
        return new Promise(() => undefined);
      };
      const interrupted = webChatClient(base, "session-crash-01")
        .say(question, "q-1")
        .catch((error: Error) => error);
      await until(() => asked, "the answer in progress");
      await app.kill();
      expect(await interrupted).toBeInstanceOf(Error);

      openai.chat = () => "Hợp tác xã cần ít nhất 05 thành viên (Điều 30 Luật Hợp tác xã 2023).";
      app = startAppProcess(env);
      base = (await app.waitForOutput(/listening on (http:\/\/\S+)/, START_MS))[1]!;
      const chat = webChatClient(base, "session-crash-01");
      const resent = await chat.say(question, "q-1");
      expect(resent.status).toBe(200);
      // The answer, then (a first useful answer) the offer of announcements.
      expect(resent.messages!.map((m) => m.text)).toContainEqual(expect.stringContaining("05"));
      const again = await chat.say(question, "q-1");
      expect(again.messages!.map((m) => m.messageId)).toEqual(resent.messages!.map((m) => m.messageId));
      const history = await chat.history();
      expect(history.filter((m) => !m.fromBot)).toHaveLength(1);
      expect(history.filter((m) => m.fromBot)).toHaveLength(resent.messages!.filter((m) => !m.edited).length);
    } finally {
      await app.stop();
    }
  }, 400_000);
});
