import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDataDir } from "../support/app-process.js";

/** A process that tries the lock, says "won" or "busy", and keeps what it got until stdin closes. */
function contender(lockPath: string) {
  const script = `
    const { acquirePidLock } = await import(${JSON.stringify(new URL("../../src/lib/pid-lock.ts", import.meta.url).pathname)});
    try { acquirePidLock(${JSON.stringify(lockPath)}); console.log("won"); } catch { console.log("busy"); }
    process.stdin.resume(); process.stdin.on("end", () => process.exit(0));`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const said = new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())));
  return { said, release: () => child.stdin.end() };
}

describe("pid lock", () => {
  it("lets exactly one of several processes take over a stale lock", async () => {
    const lockPath = join(tempDataDir(), "app.pid");
    // A pid that cannot be alive: the lock of a crashed process.
    writeFileSync(lockPath, "2147483646");
    const contenders = Array.from({ length: 6 }, () => contender(lockPath));
    const outcomes = await Promise.all(contenders.map((c) => c.said));
    for (const c of contenders) c.release();
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(5);
  }, 120_000);
});
