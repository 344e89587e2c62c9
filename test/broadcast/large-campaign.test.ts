import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/index.js";
import { migratedDatabase } from "../staff/migrated-database.js";
import { campaignService } from "../../src/broadcast/campaigns.js";
import type { Segment } from "../../src/broadcast/segment.js";

/** Sends here are not about the audit log (and their actor ids name no staff user). */
const NO_AUDIT = { record: async () => undefined };
const everyone: Segment = { topics: [], communes: [], sectors: [], channels: [] };

// A database of its own: in the shared one, a worker stopping after these 10,000 rows hung PGlite
// (the event loop blocked inside it; cause not found), so this test does not run next to the worker tests.
let db: Database;
beforeAll(async () => {
  db = await migratedDatabase();
});
afterAll(() => db.close());

describe("addressing a large campaign", () => {
  it("addresses 10,000 recipients in one statement, and a cancel skips what is not sent", async () => {
    await db.prisma.$executeRaw`
      INSERT INTO subscription (channel, chat_id, topics, consent_version, consent_hash, consent_at, updated_at)
      SELECT 'webchat', g::text, ARRAY['credit'], 'v', 'h', now(), now() FROM generate_series(1, 10000) g`;
    const campaigns = campaignService({ prisma: db.prisma, audit: NO_AUDIT, deliverable: () => ["webchat"] });
    const draft = await campaigns.createDraft({ text: "Lớp tập huấn", signupChoice: false, segment: everyone }, 1);
    if (!draft.ok) throw new Error(draft.problem);
    expect(await campaigns.send(draft.id, 1, new Date())).toEqual({ ok: true, scheduled: false });
    expect(await db.prisma.broadcastDelivery.count({ where: { campaignId: draft.id, status: "pending" } })).toBe(
      10_000,
    );
    await campaigns.cancel(draft.id, new Date());
    expect((await campaigns.report(draft.id)).skipped).toEqual({ cancelled: 10_000 });
  });
});
