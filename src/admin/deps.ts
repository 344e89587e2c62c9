import type { Context } from "hono";
import type { AuditLog } from "../audit/audit-log.js";
import type { PrismaClient } from "../db/index.js";
import type { Translate } from "../i18n/translate.js";
import type { Logger } from "../logger.js";
import type { Outbox } from "../outbound/outbox.js";
import type { StaffSessionInfo } from "../staff/sessions.js";
import type { CampaignService } from "../broadcast/campaigns.js";

/** Everything the dashboard needs, handed in by app.ts (tests pass their own clock and outbox). */
export interface AdminDeps {
  prisma: PrismaClient;
  outbox: Outbox;
  /** Announcement campaigns (src/broadcast). */
  broadcasts: CampaignService;
  audit: AuditLog;
  translate: Translate;
  logger: Logger;
  now(): Date;
  /** Called after a published FAQ entry changes, so the chat answers from the new text at once. */
  knowledgeChanged(): Promise<void>;
  /** TRUST_PROXY: take the client address for login limits from X-Forwarded-For. */
  trustProxy: boolean;
  /** NODE_ENV=production: cookies are always `Secure`, even behind a proxy that speaks plain HTTP. */
  production: boolean;
}

export type AdminEnv = { Variables: { session: StaffSessionInfo } };
export type AdminContext = Context<AdminEnv>;
