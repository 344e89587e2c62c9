import { execSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs the real app (`src/main.ts` compiled to dist/main.js) as a separate process, as `npm start` does,
 * with test settings.
 * Output is kept so a failing test can show it.
 */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "htx-e2e-"));
}

const packageScripts = () =>
  (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string; prestart: string } }).scripts;

/**
 * How `npm start` (package.json) runs the app, so tests and benchmarks run it with the same runtime
 * settings as a user does: "A=1 exec node --flag dist/main.js" -> env {A: "1"}, args
 * ["--flag", "dist/main.js"]. The app must have been built (`buildApp`).
 */
export function startCommand(): { env: Record<string, string>; args: string[] } {
  const words = packageScripts().start.trim().split(/\s+/);
  const assignments = words.slice(0, words.indexOf("exec")).map((word) => word.split("="));
  return { env: Object.fromEntries(assignments), args: words.slice(words.indexOf("node") + 1) };
}

/** What `npm start` does first (`prestart`): compiles src/ to dist/. Once per test run (global setup). */
export function buildApp(): void {
  execSync(packageScripts().prestart, { stdio: "inherit" });
}

export function startAppProcess(env: Record<string, string>) {
  const start = startCommand();
  const child: ChildProcess = spawn(process.execPath, start.args, {
    env: {
      ...start.env,
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LOG_LEVEL: "info",
      PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  return {
    pid: child.pid!,
    output: () => output,
    exited,
    /** Resolves with the first stdout/stderr match, e.g. the web chat URL line. */
    async waitForOutput(pattern: RegExp, ms = 180_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`app exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`app did not print ${pattern} within ${ms} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** kill -9: no cleanup, no graceful shutdown, like a crash or an OOM kill. */
    async kill(): Promise<void> {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop(): Promise<number | null> {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
