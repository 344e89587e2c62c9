import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class AlreadyRunningError extends Error {
  constructor(readonly pid: number) {
    super(`Another process (pid ${pid}) is already using this data directory. Stop it first, or use \`npm run chat\` to talk to it.`);
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

/**
 * The embedded database belongs to one process at a time (two PGlite instances on one directory
 * corrupt it), so the app takes a pid lock file next to it. A stale lock of a dead process is taken over.
 */
export function acquirePidLock(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new AlreadyRunningError(holder);
      rmSync(path, { force: true });
    }
  }
}
