import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "../test/support/postgres-server.js";
import { startFakeTelegram, type FakeTelegram } from "../test/support/fake-telegram-server.js";
import { textUpdate } from "../test/support/recording-fetch.js";
import { REFERENCE, registrationInputs, telegramUpdate } from "../test/support/registration-script.js";
import { parsePhone } from "../src/lib/phone.js";
import { inParallel, seededRandom, startCluster, type Cluster } from "./cluster.js";

/**
 * Two instances on one PostgreSQL behind a fake Telegram that delivers webhooks to either, twice at
 * once to both, or again after an acknowledgement; then one instance is killed mid-flow; then the
 * database goes away for 10 seconds.
 */
const FARMERS = Number(process.env.PG_FARMERS ?? 1000);
const chatOf = (farmer: number) => 5_000_000 + farmer;
const phoneOf = (farmer: number) => `09${String(farmer).padStart(8, "0")}`;
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("two instances on one PostgreSQL server", () => {
  let server: PostgresServer;
  let telegram: FakeTelegram;
  let cluster: Cluster;
  let db: pg.Client;

  beforeAll(async () => {
    server = await startPostgres();
    telegram = await startFakeTelegram();
    cluster = await startCluster({ databaseUrl: server.url, telegram, instances: 2 });
    db = new pg.Client({ connectionString: server.url });
    // The outage test stops the server under this connection too.
    db.on("error", () => undefined);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await cluster?.stop();
    await telegram?.close();
    await server?.stop();
  });

  /** Every text the bot sent, per chat, in order. */
  function repliesByChat(): Map<number, string[]> {
    const byChat = new Map<number, string[]>();
    for (const call of telegram.calls) {
      if (call.method !== "sendMessage") continue;
      const chat = Number(call.payload.chat_id);
      byChat.set(chat, [...(byChat.get(chat) ?? []), String(call.payload.text)]);
    }
    return byChat;
  }

  async function leadsOf(farmers: number[]) {
    const { rows } = await db.query<{ chat_id: string; phone: string; reference: string }>(
      "SELECT chat_id, phone, reference FROM lead WHERE chat_id = ANY($1::text[])",
      [farmers.map((f) => String(chatOf(f)))],
    );
    return rows;
  }

  /** A farmer's whole registration; with duplicates, each input may come twice (at once or later). */
  async function register(farmer: number, duplicates: boolean, delivered?: () => void) {
    const random = seededRandom(farmer);
    for (const [step, input] of registrationInputs(phoneOf(farmer)).entries()) {
      const update = telegramUpdate(chatOf(farmer) * 100 + step, chatOf(farmer), input);
      const mode = duplicates ? random.int(4) : 0;
      if (mode <= 1) await cluster.deliver(update);
      else if (mode === 2) await Promise.all([cluster.deliver(update, 0), cluster.deliver(update, 1)]);
      else {
        await cluster.deliver(update);
        await cluster.deliver(update);
      }
      delivered?.();
    }
  }

  let baseline: string[] = [];

  it(`registers ${FARMERS} farmers at once with duplicate and concurrent deliveries: each lead once, no reply lost or doubled`, async () => {
    // One farmer alone, each update once: what every farmer must get.
    await register(0, false);
    baseline = repliesByChat().get(chatOf(0))!;
    expect(baseline.filter((text) => REFERENCE.test(text))).toHaveLength(1);

    const farmers = range(1, FARMERS);
    await inParallel(farmers, 100, (farmer) => register(farmer, true));

    const replies = repliesByChat();
    const leads = await leadsOf([0, ...farmers]);
    expect(leads).toHaveLength(FARMERS + 1);
    const leadByChat = new Map(leads.map((lead) => [Number(lead.chat_id), lead]));
    for (const farmer of farmers) {
      const lead = leadByChat.get(chatOf(farmer))!;
      const phone = parsePhone(phoneOf(farmer));
      // The farmer's own answers, in the farmer's own lead: no crossed or overwritten conversations.
      expect(phone.ok && lead.phone === phone.e164).toBe(true);
      const texts = replies.get(chatOf(farmer)) ?? [];
      expect(texts.length, `farmer ${farmer}`).toBe(baseline.length);
      expect(texts.find((text) => REFERENCE.test(text))).toContain(lead.reference);
    }
  });

  it("keeps registering when one instance is killed mid-flow; the other answers the redelivered updates", async () => {
    const farmers = range(FARMERS + 1, 100);
    let delivered = 0;
    const running = inParallel(farmers, 50, (farmer) => register(farmer, false, () => delivered++));
    while (delivered < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    const failedBefore = cluster.failedAttempts();
    await cluster.kill(1);
    await running;
    // Deliveries in flight at the kill were not acknowledged and came again.
    expect(cluster.failedAttempts()).toBeGreaterThan(failedBefore);

    const replies = repliesByChat();
    const leads = await leadsOf(farmers);
    expect(leads).toHaveLength(farmers.length);
    for (const lead of leads) {
      const texts = replies.get(Number(lead.chat_id)) ?? [];
      // Nothing lost; a reply sent just before the kill may come again with the replayed update.
      expect(texts.length).toBeGreaterThanOrEqual(baseline.length);
      const references = texts.filter((text) => REFERENCE.test(text));
      expect(references.length).toBeGreaterThanOrEqual(1);
      for (const text of references) expect(text).toContain(lead.reference);
    }
  });

  it("answers 'try again' while the database is down for 10 seconds, and recovers by itself", async () => {
    const chats = range(7_000_000, 5);
    let updateId = 900_000_000;
    await server.pause();
    const downSince = Date.now();
    for (const chat of chats) await cluster.deliver(textUpdate(++updateId, chat, "/start"));
    const sorry = repliesByChat();
    for (const chat of chats) expect(sorry.get(chat)).toEqual([expect.stringMatching(/thử lại/)]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - downSince))));
    await server.resume();

    // No restart: the instance gets new connections on its own. A request on a connection the
    // server dropped may fail once more; the farmer then tries again, as told.
    for (const chat of chats) {
      let greeted = false;
      for (let attempt = 0; attempt < 20 && !greeted; attempt++) {
        await cluster.deliver(textUpdate(++updateId, chat, "/start"));
        greeted = (repliesByChat().get(chat) ?? []).some((text) => /Tôi là Trợ lý HTX/.test(text));
      }
      expect(greeted).toBe(true);
    }
    expect(cluster.instances[0]!.app.output()).not.toContain("start failed");
  });
});
