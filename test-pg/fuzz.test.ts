import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "../test/support/postgres-server.js";
import { startFakeTelegram, type FakeTelegram } from "../test/support/fake-telegram-server.js";
import { STICKER } from "../test/support/recording-fetch.js";
import { inParallel, seededRandom, startCluster, type Cluster } from "./cluster.js";

/**
 * 10,000 random and hostile inputs, half as Telegram webhook deliveries (also update types the bot
 * never asked for), half to the web chat API: no crash, no 5xx, no apology for an error of ours,
 * and every accepted web chat text gets a reply.
 */
const MESSAGES = Number(process.env.PG_FUZZ_MESSAGES ?? 10_000);
const APOLOGY = /trục trặc/;

const PIECES = [
  "🌾🐟🦐",
  "👨‍👩‍👧‍👦",
  "\u200b\u200c\u200d\ufeff",
  "\u202eabc\u202c",
  "\u2067مرحبا\u2069",
  "שלום",
  "\u0000",
  "x\u0000y",
  "9".repeat(400),
  "1e308",
  "-0",
  "NaN",
  "0x7fffffffffffffff",
  "99999999999999999999999 công",
  "-5 người",
  "<script>alert(1)</script>",
  "<b>đậm</b>",
  "'; DROP TABLE lead; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://x","y")',
  "=1+1",
  "@SUM(A1)",
  "+84912345678",
  "/start",
  "/xoa",
  "/dulieu",
  "/canbo ABCD1234",
  "/huy",
  "/menu",
  "/help",
  "/start@other_bot",
  "/khonglenh",
  "htx can may nguoi",
  "vay von khong the chap",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "\t\n\r",
  " ",
  "%s%n%x",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "\\",
  "\ud800",
];

describe("fuzz: hostile input on PostgreSQL", () => {
  let server: PostgresServer;
  let telegram: FakeTelegram;
  let cluster: Cluster;

  beforeAll(async () => {
    server = await startPostgres();
    telegram = await startFakeTelegram();
    cluster = await startCluster({ databaseUrl: server.url, telegram, instances: 1, env: { WEBCHAT_ENABLED: "true" } });
  });
  afterAll(async () => {
    await cluster?.stop();
    await telegram?.close();
    await server?.stop();
  });

  it(`survives ${MESSAGES} random and hostile messages with polite replies`, async () => {
    const random = seededRandom(13);
    const text = () => {
      if (random.next() < 0.02) return random.pick(PIECES).repeat(4096).slice(0, 4096);
      return Array.from({ length: 1 + random.int(4) }, () => random.pick(PIECES)).join(random.pick(["", " ", "\n"]));
    };
    const chatIds = Array.from({ length: 200 }, (_, i) => 6_000_000 + i);
    const telegramUpdate = (updateId: number): Record<string, unknown> => {
      const chatId = random.pick(chatIds);
      const chat = { id: chatId, type: "private", first_name: text().slice(0, 64) };
      const from = { id: chatId, is_bot: false, first_name: "Ba" };
      const message = { message_id: updateId, date: 0, chat, from };
      switch (random.int(10)) {
        case 0:
          return { update_id: updateId, edited_message: { ...message, text: text() } };
        case 1:
          return {
            update_id: updateId,
            callback_query: {
              id: `cb${updateId}`,
              from,
              chat_instance: "x",
              data: text().slice(0, 64),
              message: { ...message, text: "..." },
            },
          };
        case 2:
          return {
            update_id: updateId,
            message: { ...message, sticker: STICKER },
          };
        case 3:
          return random.pick([
            {
              update_id: updateId,
              my_chat_member: {
                chat,
                from,
                date: 0,
                old_chat_member: { status: "member", user: from },
                new_chat_member: { status: "kicked", user: from, until_date: 0 },
              },
            },
            {
              update_id: updateId,
              channel_post: {
                message_id: updateId,
                date: 0,
                chat: { id: -100123, type: "channel", title: "kênh" },
                text: text(),
              },
            },
            {
              update_id: updateId,
              message: { ...message, chat: { id: -4000 - random.int(5), type: "group", title: "nhóm" }, text: text() },
            },
            { update_id: updateId, message: { ...message, location: { latitude: 9.6, longitude: 105.97 } } },
            { update_id: updateId, message: { ...message, contact: { phone_number: "0912345678", first_name: "An" } } },
            {
              update_id: updateId,
              poll: {
                id: "p",
                question: text(),
                options: [],
                total_voter_count: 0,
                is_closed: false,
                is_anonymous: true,
                type: "regular",
                allows_multiple_answers: false,
              },
            },
            { update_id: updateId },
          ]);
        default:
          return { update_id: updateId, message: { ...message, text: text() } };
      }
    };

    const webStatuses = new Map<number, number>();
    const silentTexts: string[] = [];
    const badRequests: string[] = [];
    let nextUpdate = 1;
    const base = cluster.instances[0]!.base;
    const inputs = Array.from({ length: MESSAGES }, (_, i) => i);
    await inParallel(inputs, 20, async (i) => {
      if (i % 2 === 0) {
        await cluster.deliver(telegramUpdate(nextUpdate++));
        return;
      }
      const session = `fuzz-session-${random.int(200)}`;
      const body =
        random.next() < 0.2
          ? { session, button: text().slice(0, 64), messageId: 1 + random.int(1000) }
          : { session, text: text(), clientId: `c${i}` };
      const response = await fetch(`${base}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = (await response.json()) as { messages?: { text: string }[]; error?: string };
      webStatuses.set(response.status, (webStatuses.get(response.status) ?? 0) + 1);
      // 413: a body over the web chat's size limit (long texts of 4-byte characters), refused before reading.
      if ((response.status === 400 || response.status === 413) && !/Bà con/.test(data.error ?? ""))
        badRequests.push(data.error ?? "");
      if (response.status === 200 && "text" in body && (data.messages ?? []).length === 0)
        silentTexts.push(String(body.text));
      for (const message of data.messages ?? []) expect(message.text).not.toMatch(APOLOGY);
    });

    expect(cluster.failedAttempts()).toBe(0);
    expect([...webStatuses.keys()].every((status) => status === 200 || status === 400 || status === 413)).toBe(true);
    expect(badRequests).toEqual([]);
    expect(silentTexts).toEqual([]);
    const apologies = telegram.calls.filter((c) => c.method === "sendMessage" && APOLOGY.test(String(c.payload.text)));
    // The error log lines come with the apologies so that a failure shows its cause.
    const errors = cluster
      .output()
      .split("\n")
      .filter((line) => /"level":(50|60)/.test(line));
    expect({ apologies: apologies.map((c) => c.payload.text), errors }).toEqual({ apologies: [], errors: [] });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
