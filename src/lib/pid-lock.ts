import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class AlreadyRunningError extends Error {
  constructor(readonly pid: number) {
    super(
      `Another process (pid ${pid}) is already using this data directory. Stop it first, or use \`npm run chat\` to talk to it.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates the file with our pid unless it exists; true when we created it. */
function createExclusive(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
}

/** The live process holding the file, or undefined when it is gone, dead or ours. */
function liveHolder(path: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder) ? holder : undefined;
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The embedded database belongs to one process at a time (two PGlite instances on one directory
 * corrupt it), so the app takes a pid lock file next to it. A stale lock of a dead process is taken
 * over, by one process only: removing it is guarded by a second lock file, and whoever holds that
 * checks again that the lock is still the stale one (two starters that both saw it stale would
 * otherwise each remove the other's fresh lock and both win).
 */
export function acquirePidLock(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const takeover = `${path}.takeover`;
  for (;;) {
    if (createExclusive(path)) return () => rmSync(path, { force: true });
    const holder = liveHolder(path);
    if (holder !== undefined) throw new AlreadyRunningError(holder);
    if (createExclusive(takeover)) {
      try {
        if (liveHolder(path) === undefined) rmSync(path, { force: true });
      } finally {
        rmSync(takeover, { force: true });
      }
    } else if (liveHolder(takeover) === undefined) {
      // A starter died in the middle of a takeover (microseconds): its guard is stale too.
      rmSync(takeover, { force: true });
    } else {
      pause(10);
    }
  }
}
