import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics of this process, served at GET /metrics. One registry per process (every
 * instance is scraped on its own); the functions below are the only way code feeds it, so names and
 * labels stay in one place. Labels never carry chat ids or text.
 */
const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "htx_" });

const messagesIn = new Counter({
  name: "htx_messages_in_total",
  help: "Updates received from farmers and officers",
  labelNames: ["channel"],
  registers: [registry],
});
const messagesOut = new Counter({
  name: "htx_messages_out_total",
  help: "Messages the bot sent or edited (Bot API calls)",
  labelNames: ["channel"],
  registers: [registry],
});
const updateSeconds = new Histogram({
  name: "htx_update_duration_seconds",
  help: "Time from an update's arrival until it was handled and committed (answer latency)",
  labelNames: ["channel"],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
  registers: [registry],
});
const answers = new Counter({
  name: "htx_answers_total",
  help: "Questions answered from the knowledge base, by outcome: answered, hedged (officer suggested), miss (no source), declined",
  labelNames: ["outcome"],
  registers: [registry],
});
const errors = new Counter({
  name: "htx_errors_total",
  help: "Errors by kind: update (a handler failed), webchat (an HTTP input failed)",
  labelNames: ["kind"],
  registers: [registry],
});
const broadcast = new Gauge({
  name: "htx_broadcast_messages",
  help: "Messages of a broadcast by state (pending, sent, failed), as last reported by the broadcast sender",
  labelNames: ["broadcast", "state"],
  registers: [registry],
});

const databaseStatements = new Counter({
  name: "htx_db_statements_total",
  help: "SQL statements sent to the database (Prisma's and the chat locks'; BEGIN/COMMIT are counted as transactions)",
  registers: [registry],
});
const databaseTransactions = new Counter({
  name: "htx_db_transactions_total",
  help: "Transactions (BEGIN ... COMMIT) opened on the database",
  registers: [registry],
});

let outboxDepth: (() => Promise<number>) | undefined;
new Gauge({
  name: "htx_outbox_pending",
  help: "Outbound messages waiting to be delivered (all instances: read from the database)",
  registers: [registry],
  async collect() {
    if (outboxDepth) this.set(await outboxDepth());
  },
});

export type AnswerOutcome = "answered" | "hedged" | "miss" | "declined";
const ANSWER_OUTCOMES: AnswerOutcome[] = ["answered", "hedged", "miss", "declined"];
const ERROR_KINDS = ["update", "webchat"] as const;
// Every series exists from the start at 0, so a rate or an alert on it works before the first event.
for (const outcome of ANSWER_OUTCOMES) answers.inc({ outcome }, 0);
for (const kind of ERROR_KINDS) errors.inc({ kind }, 0);

export const metrics = {
  messageIn: (channel: string) => messagesIn.inc({ channel }),
  messageOut: (channel: string) => messagesOut.inc({ channel }),
  updateHandled: (channel: string, seconds: number) => updateSeconds.observe({ channel }, seconds),
  answer: (outcome: AnswerOutcome) => answers.inc({ outcome }),
  error: (kind: (typeof ERROR_KINDS)[number]) => errors.inc({ kind }),
  /** The database work of this process (see countedAdapter): statements and transactions. */
  database: {
    statement: (_sql: string) => databaseStatements.inc(),
    transaction: () => databaseTransactions.inc(),
  },
  /** For the broadcast sender: the current counts of one broadcast (replaces the earlier ones). */
  broadcastProgress(broadcastId: string | number, counts: { pending: number; sent: number; failed: number }) {
    for (const [state, value] of Object.entries(counts))
      broadcast.set({ broadcast: String(broadcastId), state }, value);
  },
  /** How the outbox depth is read at each scrape (set once by the app). */
  watchOutboxDepth(read: () => Promise<number>) {
    outboxDepth = read;
  },
  contentType: registry.contentType,
  text: () => registry.metrics(),
};
