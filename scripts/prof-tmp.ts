import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tempDataDir } from "../test/support/app-process.js";
import { createFarmers, maxThroughputStep } from "./bench-load-driver.js";
const dir = tempDataDir();
const questions = (await readFile("../shared/eval/dev.jsonl", "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l).question as string);
async function start(prof: boolean) {
  const child = spawn(process.execPath, [...(prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), "--import", "tsx", "src/main.ts"], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, LOG_LEVEL: "warn", PORT: "0", DATA_DIR: dir }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((res) => { const on = (d: Buffer) => { out += d; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) res(m[1]!); }; child.stdout!.on("data", on); child.stderr!.on("data", on); });
  return { child, url };
}
let app = await start(false);
app.child.kill("SIGTERM"); await new Promise((r) => app.child.once("exit", r));
app = await start(true);
await new Promise((r) => setTimeout(r, 2000));
const farmers = createFarmers("p", 100, [app.url]);
await maxThroughputStep(farmers, questions, 20, 3);
const r = await maxThroughputStep(farmers, questions, 20, 15);
console.log(r);
app.child.kill("SIGTERM"); await new Promise((r) => app.child.once("exit", r));
