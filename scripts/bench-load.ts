/**
 * Load benchmark: simulated farmers over the web chat JSON API against the real app processes —
 * one instance on PGlite (the default), then one and two instances on a throwaway PostgreSQL server
 * (skipped with a note when no PostgreSQL is installed). Each setup gets the same open-loop steps at
 * fixed offered rates and a closed-loop max-throughput step; the table shows achieved rate, p50/p95
 * reply latency, errors, new-connection accept latency and RSS (after the first start, after a
 * restart, under load), with ratios against the PGlite instance measured in the same run. Ends with
 * one `key=value` summary line.
 * `--one-core-each` adds the PostgreSQL pair again with every instance pinned to a core of its own (taskset),
 * as containers limited to one CPU each would run: on a 2-core machine one unpinned instance already keeps
 * both cores busy, so only this shows whether two instances get in each other's way.
 *   npm run bench:load [-- --rates 30,60,120,180 --seconds 10 --farmers 300 --concurrency 48 --no-postgres
 *                          --one-core-each]
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildApp, startAppProcess, tempDataDir } from "../test/support/app-process.js";
import { startPostgres, type PostgresServer } from "../test/support/postgres-server.js";
import {
  createFarmers,
  databaseWork,
  maxThroughputStep,
  offeredRateStep,
  verifyTranscripts,
  type StepResult,
} from "./bench-load-driver.js";

const { values } = parseArgs({
  options: {
    rates: { type: "string", default: "30,60,120,180" },
    seconds: { type: "string", default: "10" },
    farmers: { type: "string", default: "300" },
    concurrency: { type: "string", default: "48" },
    "no-postgres": { type: "boolean", default: false },
    "one-core-each": { type: "boolean", default: false },
  },
});
buildApp();
const rates = values.rates.split(",").map(Number);
const seconds = Number(values.seconds);
const farmerCount = Number(values.farmers);
const concurrency = Number(values.concurrency);

const questionFiles = ["../shared/eval/dev.jsonl", "test/eval/extra.jsonl"].map((f) => resolve(f)).filter(existsSync);
const questions = (await Promise.all(questionFiles.map((f) => readFile(f, "utf8"))))
  .flatMap((text) => text.split("\n").filter((line) => line.trim() !== ""))
  .map((line) => (JSON.parse(line) as { question: string }).question);

/**
 * Farmers of the CPU step: few enough that the app is never saturated, so no request times out
 * and no backlog runs on into the next step: the CPU time divides cleanly by the answered messages.
 */
const CPU_STEP_CONCURRENCY = 2;

// Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common architecture.
const CLOCK_TICKS_PER_SECOND = 100;

type MeasuredStep = StepResult & {
  cpuMsPerMessage: number;
  generatorCpuMsPerMessage: number;
  /** The PostgreSQL server's CPU per answered message; 0 on PGlite, which runs inside the app. */
  databaseCpuMsPerMessage: number;
  /** SQL statements (BEGIN/COMMIT not counted) and transactions the instances sent per answered message. */
  statementsPerMessage: number;
  transactionsPerMessage: number;
};

interface SetupResult {
  name: string;
  steps: MeasuredStep[];
  rssFirstStartMb: number;
  rssStartMb: number;
  rssLoadMb: number;
  lost: number;
  duplicated: number;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Fields after the parenthesised name of /proc/<pid>/stat (field 3 onwards). */
async function statFields(pid: number): Promise<string[]> {
  return (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
}

const ticksToMs = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;

/** CPU time (user + system, all threads) the app processes have used so far, in milliseconds. */
async function cpuMs(apps: Array<{ pid: number }>): Promise<number> {
  // Fields 14 and 15 of /proc/<pid>/stat: utime and stime in ticks.
  const ticks = await Promise.all(
    apps.map(async (app) => statFields(app.pid).then((f) => Number(f[11]) + Number(f[12]))),
  );
  return ticksToMs(ticks.reduce((a, b) => a + b, 0));
}

/**
 * CPU time of the PostgreSQL server so far: the postmaster with its exited children (fields 16 and 17,
 * cutime and cstime) and its live children (the backends, background writer, WAL writer ...).
 */
async function postgresCpuMs(postmasterPid: number): Promise<number> {
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = await Promise.all(pids.map((pid) => statFields(pid).catch(() => undefined)));
  let ticks = 0;
  stats.forEach((fields, i) => {
    if (!fields) return;
    if (pids[i] === postmasterPid)
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    // Field 4, the parent's pid.
    else if (Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
  });
  return ticksToMs(ticks);
}

/** The instances' database work so far, summed (see databaseWork). */
async function totalDatabaseWork(targets: string[]) {
  const each = await Promise.all(targets.map(databaseWork));
  return {
    statements: each.reduce((sum, w) => sum + w.statements, 0),
    transactions: each.reduce((sum, w) => sum + w.transactions, 0),
  };
}

interface Instances {
  apps: Array<{ pid: number }>;
  targets: string[];
  postmasterPid: number | undefined;
}

/**
 * Runs a step and adds the app's CPU time per answered message: unlike rates and latencies it
 * hardly changes when other work shares the machine, so runs on a busy machine stay comparable.
 * The simulated farmers' own CPU time (this process) is shown too: they share the same cores. So are
 * the statements and transactions per message, which depend on the code only (and a little on the
 * workers' polling, about eight statements a second per instance).
 */
async function measured(
  { apps, targets, postmasterPid }: Instances,
  step: () => Promise<StepResult>,
): Promise<MeasuredStep> {
  const databaseCpu = async () => (postmasterPid ? postgresCpuMs(postmasterPid) : 0);
  const [before, databaseBefore, workBefore] = await Promise.all([
    cpuMs(apps),
    databaseCpu(),
    totalDatabaseWork(targets),
  ]);
  const generatorBefore = process.cpuUsage();
  const result = await step();
  const generator = process.cpuUsage(generatorBefore);
  const [after, databaseAfter, workAfter] = await Promise.all([cpuMs(apps), databaseCpu(), totalDatabaseWork(targets)]);
  const perMessage = (amount: number) => (result.ok > 0 ? amount / result.ok : 0);
  return {
    ...result,
    cpuMsPerMessage: perMessage(after - before),
    generatorCpuMsPerMessage: perMessage((generator.user + generator.system) / 1000),
    databaseCpuMsPerMessage: perMessage(databaseAfter - databaseBefore),
    statementsPerMessage: perMessage(workAfter.statements - workBefore.statements),
    transactionsPerMessage: perMessage(workAfter.transactions - workBefore.transactions),
  };
}

async function maxRssMb(apps: Array<{ pid: number }>): Promise<number> {
  return Math.max(...(await Promise.all(apps.map((app) => rssMb(app.pid)))));
}

/** Starts the app processes and waits until each listens and has settled; returns their URLs. */
async function startInstances(dataDirs: string[], databaseUrl?: string) {
  const apps = dataDirs.map((dir) =>
    startAppProcess({ DATA_DIR: dir, LOG_LEVEL: "warn", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
  );
  try {
    const targets = await Promise.all(
      apps.map(async (app) => (await app.waitForOutput(/listening on (http:\/\/\S+)/, 180_000))[1]!),
    );
    await new Promise((r) => setTimeout(r, 2000));
    return { apps, targets };
  } catch (error) {
    await Promise.all(apps.map((app) => app.stop()));
    throw error;
  }
}

/** Pins every thread of each app to core i (threads started later inherit it from their parent thread). */
function pinOneCoreEach(apps: Array<{ pid: number }>) {
  apps.forEach((app, core) =>
    execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", String(core), String(app.pid)]),
  );
}

/**
 * Starts `instances` app processes on `databaseUrl` (own data dir each), once to create the database
 * and the retrieval index (first-start RSS), then again as a restarted instance runs: that second
 * start is measured (RSS after start) and driven through the steps, each on a core of its own when `pinned`.
 */
async function runSetup(
  name: string,
  instances: number,
  postgres?: PostgresServer,
  pinned = false,
): Promise<SetupResult> {
  const databaseUrl = postgres?.url;
  const postmasterPid = await postgres?.serverPid();
  const dataDirs = Array.from({ length: instances }, () => tempDataDir());
  try {
    const first = await startInstances(dataDirs, databaseUrl);
    const rssFirstStartMb = await maxRssMb(first.apps);
    await Promise.all(first.apps.map((app) => app.stop()));
    const { apps, targets } = await startInstances(dataDirs, databaseUrl);
    try {
      if (pinned) pinOneCoreEach(apps);
      const rssStartMb = await maxRssMb(apps);
      const farmers = createFarmers(name, farmerCount, targets);
      const instances = { apps, targets, postmasterPid };
      // Warm-up: the first farmers' /start, a few at a time, so the steps measure a warm process.
      await maxThroughputStep(farmers, questions, Math.min(concurrency, farmerCount), 3);
      const steps: MeasuredStep[] = [
        await measured(instances, () => maxThroughputStep(farmers, questions, CPU_STEP_CONCURRENCY, seconds)),
      ];
      process.stderr.write(`${name} CPU per message: ${steps[0]!.cpuMsPerMessage.toFixed(1)} ms\n`);
      let rssLoadMb = 0;
      for (const rate of rates) {
        steps.push(await measured(instances, () => offeredRateStep(farmers, questions, rate, seconds)));
        rssLoadMb = Math.max(rssLoadMb, await maxRssMb(apps));
        process.stderr.write(
          `${name} ${rate}/s: ${steps.at(-1)!.rps.toFixed(1)} rps, p95 ${steps.at(-1)!.p95.toFixed(0)} ms\n`,
        );
      }
      steps.push(await measured(instances, () => maxThroughputStep(farmers, questions, concurrency, seconds)));
      rssLoadMb = Math.max(rssLoadMb, await maxRssMb(apps));
      process.stderr.write(`${name} max: ${steps.at(-1)!.rps.toFixed(1)} rps\n`);
      const { lost, duplicated } = await verifyTranscripts(farmers);
      return { name, steps, rssFirstStartMb, rssStartMb, rssLoadMb, lost, duplicated };
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  } finally {
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

const results: SetupResult[] = [await runSetup("PGlite-1", 1)];
let postgresNote = "";
let postgres: PostgresServer | undefined;
if (!values["no-postgres"]) {
  try {
    postgres = await startPostgres();
  } catch (error) {
    postgresNote = `PostgreSQL half skipped: ${(error as Error).message}`;
  }
}
if (postgres) {
  try {
    results.push(await runSetup("PG-1", 1, postgres));
    results.push(await runSetup("PG-2", 2, postgres));
    if (values["one-core-each"]) {
      results.push(await runSetup("PG-1pin", 1, postgres, true));
      results.push(await runSetup("PG-2pin", 2, postgres, true));
    }
  } finally {
    await postgres.stop();
  }
}

const base = results[0]!;
const fmt = (n: number, digits = 0) => n.toFixed(digits);
const header = [
  "step",
  ...results.flatMap((r) => [
    `${r.name} rps`,
    "p50 ms",
    "p95 ms",
    "err",
    "accept p95",
    "cpu ms/msg",
    "db ms/msg",
    "gen ms/msg",
    "sql/msg",
    "tx/msg",
  ]),
  ...results.slice(1).map((r) => `${r.name}/PGlite-1`),
];
const rows = base.steps.map((step, i) => [
  step.label,
  ...results.flatMap((r) => {
    const s = r.steps[i]!;
    return [
      fmt(s.rps, 1),
      fmt(s.p50),
      fmt(s.p95),
      String(s.errors),
      fmt(s.acceptP95),
      fmt(s.cpuMsPerMessage, 1),
      fmt(s.databaseCpuMsPerMessage, 1),
      fmt(s.generatorCpuMsPerMessage, 1),
      fmt(s.statementsPerMessage, 2),
      fmt(s.transactionsPerMessage, 2),
    ];
  }),
  ...results.slice(1).map((r) => `${fmt(r.steps[i]!.rps / step.rps, 2)}x`),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
for (const r of results) {
  console.log(
    `${r.name}: RSS after the first start ${fmt(r.rssFirstStartMb)} MB, after a restart ${fmt(r.rssStartMb)} MB, under load ${fmt(r.rssLoadMb)} MB; lost ${r.lost}, duplicated ${r.duplicated}`,
  );
}
if (postgresNote) console.log(postgresNote);

const maxRps = (r: SetupResult | undefined) => r?.steps.at(-1)!.rps ?? 0;
const at = (r: SetupResult, rate: number) => r.steps.find((s) => s.offered === rate);
const pg1 = results.find((r) => r.name === "PG-1");
const totalCpuMsPerMessage = (s: MeasuredStep) =>
  s.cpuMsPerMessage + s.databaseCpuMsPerMessage + s.generatorCpuMsPerMessage;
const pg2 = results.find((r) => r.name === "PG-2");
const pg1Pinned = results.find((r) => r.name === "PG-1pin");
const pg2Pinned = results.find((r) => r.name === "PG-2pin");
const summary: Record<string, string> = {
  pglite_max_rps: fmt(maxRps(base), 1),
  pglite_p95_ms_at_60: at(base, 60) ? fmt(at(base, 60)!.p95) : "n/a",
  pglite_cpu_ms_per_msg: fmt(base.steps[0]!.cpuMsPerMessage, 1),
  // Database work per message in the CPU step: on PostgreSQL the chat lock's two statements come on top.
  pglite_statements_per_msg: fmt(base.steps[0]!.statementsPerMessage, 2),
  pglite_transactions_per_msg: fmt(base.steps[0]!.transactionsPerMessage, 2),
  pg1_statements_per_msg: pg1 ? fmt(pg1.steps[0]!.statementsPerMessage, 2) : "n/a",
  pg1_transactions_per_msg: pg1 ? fmt(pg1.steps[0]!.transactionsPerMessage, 2) : "n/a",
  pg1_cpu_ms_per_msg: pg1 ? fmt(pg1.steps[0]!.cpuMsPerMessage, 1) : "n/a",
  // The PostgreSQL server's share: app + server + farmers per message is what two cores divide.
  pg1_db_cpu_ms_per_msg: pg1 ? fmt(pg1.steps[0]!.databaseCpuMsPerMessage, 1) : "n/a",
  // The simulated farmers' CPU per message in the busiest step of two instances: the share of the cores they take.
  generator_cpu_ms_per_msg: fmt((pg2 ?? base).steps.at(-1)!.generatorCpuMsPerMessage, 1),
  pglite_accept_p95_ms_max: fmt(base.steps.at(-1)!.acceptP95),
  pg1_max_rps: pg1 ? fmt(maxRps(pg1), 1) : "n/a",
  // What one instance, its database server and the farmers spend per message at full speed: all the cores can
  // give is cores x 1000 ms / this, whatever the number of instances.
  pg1_busy_total_cpu_ms_per_msg: pg1 ? fmt(totalCpuMsPerMessage(pg1.steps.at(-1)!), 1) : "n/a",
  pg2_max_rps: pg2 ? fmt(maxRps(pg2), 1) : "n/a",
  pg2_speedup: pg1 && pg2 ? fmt(maxRps(pg2) / maxRps(pg1), 2) : "n/a",
  pg2_vs_pglite: pg2 ? fmt(maxRps(pg2) / maxRps(base), 2) : "n/a",
  ...(pg1Pinned && pg2Pinned
    ? {
        pg1_one_core_max_rps: fmt(maxRps(pg1Pinned), 1),
        pg2_one_core_each_max_rps: fmt(maxRps(pg2Pinned), 1),
        pg2_one_core_each_speedup: fmt(maxRps(pg2Pinned) / maxRps(pg1Pinned), 2),
      }
    : {}),
  rss_start_mb: fmt(Math.max(...results.map((r) => r.rssStartMb))),
  rss_first_start_mb: fmt(Math.max(...results.map((r) => r.rssFirstStartMb))),
  rss_load_mb: fmt(Math.max(...results.map((r) => r.rssLoadMb))),
  errors: String(results.reduce((sum, r) => sum + r.steps.reduce((s, step) => s + step.errors, 0), 0)),
  lost: String(results.reduce((sum, r) => sum + r.lost, 0)),
  duplicated: String(results.reduce((sum, r) => sum + r.duplicated, 0)),
};
console.log(
  Object.entries(summary)
    .map(([k, v]) => `${k}=${v}`)
    .join(" "),
);
