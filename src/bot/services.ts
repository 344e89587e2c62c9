import type { QuestionQueue } from "../questions/question-queue.js";
import type { Outbox } from "../outbound/outbox.js";
import type { LeadService } from "../leads/lead-service.js";
import type { FarmerDataService } from "../leads/farmer-data.js";
import type { PlaceResolver } from "../places/resolver.js";
import type { KnowledgeService } from "../knowledge/index.js";
import type { EligibilityService } from "../eligibility/index.js";
import type { Transcriber } from "../speech/transcriber.js";
import type { SubscriptionService } from "../broadcast/subscriptions.js";
import type { CampaignService } from "../broadcast/campaigns.js";

/**
 * The plain-TypeScript services features call. Features hold no business rule of their own and
 * services never import grammY, so the same services serve Telegram, Zalo, the web chat and the
 * officer dashboard.
 */
export interface Services {
  now(): Date;
  questions: QuestionQueue;
  /** Messages to other chats (officers, farmers) outside the reply to the current update. */
  outbox: Outbox;
  /** Cited answers and browsable guides from the retrieval index. */
  knowledge: KnowledgeService;
  /** Credit and support programme rules, and the checks farmers ran against them. */
  eligibility: EligibilityService;
  /** Registrations of interest (*Đăng ký*), and the officers' actions on them from chat. */
  leads: LeadService;
  /** A farmer's own data: /dulieu and /xoa. */
  farmerData: FarmerDataService;
  /** The one resolver from what farmers type to current communes. */
  places: PlaceResolver;
  /** Voice messages to text, when a speech-to-text endpoint is configured. */
  speech?: Transcriber;
  /** Farmers' consent to announcements: topics and commune (/thongbao, /dunggui). */
  subscriptions: SubscriptionService;
  /** Announcement campaigns (dashboard, /broadcast), and presses of their choice. */
  broadcasts: CampaignService;
}
