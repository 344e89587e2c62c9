/**
 * The simulated farmers of `npm run bench:load`: they talk to running instances over the web chat
 * JSON API (README "Web chat JSON API"), half through keep-alive connections and half opening a new
 * connection per message, and every reply is timed. Loopback only; every step is bounded in time.
 */
import { Agent, request } from "node:http";

export interface Farmer {
  session: string;
  target: string;
  keepAlive: boolean;
  /** clientIds sent and answered with at least one bot message. */
  answered: Set<string>;
  /** clientIds sent whose answer was an error or never came (resent at the end). */
  failed: Map<string, string>;
  sent: number;
}

export interface StepResult {
  label: string;
  offered?: number;
  seconds: number;
  ok: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  /** New-connection GET /healthz latency during the step: shows whether the server keeps accepting. */
  acceptP95: number;
}

interface Reply {
  status: number;
  botMessages: number;
}

const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 256 });
const REQUEST_TIMEOUT_MS = 30_000;

function post(farmer: Farmer, body: object): Promise<Reply> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${farmer.target}/api/chat`,
      {
        method: "POST",
        agent: farmer.keepAlive ? keepAliveAgent : false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...(farmer.keepAlive ? {} : { connection: "close" }),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (data += chunk));
        res.on("end", () => {
          const messages =
            res.statusCode === 200 ? (JSON.parse(data) as { messages: Array<{ fromBot: boolean }> }).messages : [];
          resolve({ status: res.statusCode ?? 0, botMessages: messages.filter((m) => m.fromBot).length });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (data += chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(data) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

const getJson = async <T>(url: string): Promise<T> => JSON.parse(await getText(url)) as T;

/** SQL statements and transactions an instance has sent to its database so far (its /metrics counters). */
export async function databaseWork(target: string): Promise<{ statements: number; transactions: number }> {
  const text = await getText(`${target}/metrics`);
  const counter = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return { statements: counter("htx_db_statements_total"), transactions: counter("htx_db_transactions_total") };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function createFarmers(run: string, count: number, targets: string[]): Farmer[] {
  return Array.from({ length: count }, (_, i) => ({
    session: `bench-${run}-${i}`,
    // Sticky per farmer, as a load balancer with session affinity would route.
    target: targets[i % targets.length]!,
    keepAlive: i % 2 === 0,
    answered: new Set<string>(),
    failed: new Map<string, string>(),
    sent: 0,
  }));
}

/**
 * Sends one message of a farmer and times it: the first is /start, then questions in turn. A message
 * counts as answered only with a 200 carrying at least one bot message.
 */
async function sendNext(farmer: Farmer, questions: string[], latencies: number[]): Promise<boolean> {
  const n = farmer.sent++;
  const text = n === 0 ? "/start" : questions[(n + farmer.session.length) % questions.length]!;
  const clientId = `m${n}`;
  const started = performance.now();
  try {
    const reply = await post(farmer, { session: farmer.session, text, clientId });
    if (reply.status === 200 && reply.botMessages > 0) {
      latencies.push(performance.now() - started);
      farmer.answered.add(clientId);
      return true;
    }
  } catch {
    // Counted below as an error and resent at the end, as the page does after a dropped connection.
  }
  farmer.failed.set(clientId, text);
  return false;
}

/** New-connection health probes every 100 ms while `running()`; returns their latencies. */
async function probeAccepts(target: string, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (running()) {
    const started = performance.now();
    await getJson(`${target}/healthz`).then(
      () => times.push(performance.now() - started),
      () => times.push(REQUEST_TIMEOUT_MS),
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  return times;
}

function summarise(
  label: string,
  offered: number | undefined,
  seconds: number,
  latencies: number[],
  errors: number,
  accepts: number[],
): StepResult {
  return {
    label,
    offered,
    seconds,
    ok: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    acceptP95: percentile(accepts, 95),
  };
}

/**
 * Open loop: messages leave at a fixed rate whatever the replies do (farmers in turn), for `seconds`.
 * Achieved rate is answered messages over the time until the last reply came.
 */
export async function offeredRateStep(
  farmers: Farmer[],
  questions: string[],
  rate: number,
  seconds: number,
): Promise<StepResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sending = true;
  const accepts = probeAccepts(farmers[0]!.target, () => sending);
  const total = Math.round(rate * seconds);
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (next < due) {
      const farmer = farmers[next % farmers.length]!;
      next += 1;
      inFlight.push(sendNext(farmer, questions, latencies).then((ok) => void (ok || (errors += 1))));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  sending = false;
  const elapsed = (performance.now() - started) / 1000;
  return summarise(`${rate}/s`, rate, elapsed, latencies, errors, await accepts);
}

/** Closed loop: `concurrency` farmers each send their next message as soon as the last is answered. */
export async function maxThroughputStep(
  farmers: Farmer[],
  questions: string[],
  concurrency: number,
  seconds: number,
): Promise<StepResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let sending = true;
  const accepts = probeAccepts(farmers[0]!.target, () => sending);
  await Promise.all(
    farmers.slice(0, concurrency).map(async (farmer) => {
      while (performance.now() < deadline) {
        if (!(await sendNext(farmer, questions, latencies))) errors += 1;
      }
    }),
  );
  sending = false;
  const elapsed = (performance.now() - started) / 1000;
  return summarise(`max (${concurrency} busy)`, undefined, elapsed, latencies, errors, await accepts);
}

/**
 * After the load: failed messages are resent once with their clientId (as the page does); then every
 * farmer's transcript must hold each sent message exactly once. Lost: a message missing from the
 * transcript or never answered; duplicated: a message stored more often than sent.
 */
export async function verifyTranscripts(farmers: Farmer[]): Promise<{ lost: number; duplicated: number }> {
  let lost = 0;
  let duplicated = 0;
  for (const farmer of farmers) {
    for (const [clientId, text] of farmer.failed) {
      const reply = await post(farmer, { session: farmer.session, text, clientId }).catch(() => undefined);
      if (reply?.status === 200 && reply.botMessages > 0) farmer.answered.add(clientId);
    }
    const { messages } = await getJson<{ messages: Array<{ fromBot: boolean }> }>(
      `${farmer.target}/api/chat/history?session=${farmer.session}`,
    );
    const stored = messages.filter((m) => !m.fromBot).length;
    lost +=
      Math.max(0, farmer.sent - stored) + [...farmer.failed.keys()].filter((id) => !farmer.answered.has(id)).length;
    duplicated += Math.max(0, stored - farmer.sent);
  }
  return { lost, duplicated };
}
