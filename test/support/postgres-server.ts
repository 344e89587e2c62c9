import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`, trust authentication, loopback only. */
  url: string;
  /** Stops the server (fast shutdown: connections are cut) and starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** The postmaster's process id: its backends are its children. */
  serverPid(): Promise<number>;
}

export const MISSING_POSTGRES_MESSAGE =
  "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with " +
  "`apt-get update && apt-get install -y postgresql`, or set SKIP_POSTGRES_TESTS=1 to skip these tests.";

/**
 * Starts a throwaway PostgreSQL cluster in a temporary directory on a free loopback port. Nothing
 * outside that directory changes; `stop()` shuts the server down and deletes the directory.
 * Run as root, the cluster belongs to the `postgres` user because PostgreSQL refuses root.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const binDir = findPostgresBinDir();
  const owner = await clusterOwner();
  const dir = await mkdtemp(join(tmpdir(), "pg-test-"));
  if (owner) await chown(dir, owner.uid, owner.gid);
  const pg = (tool: string, args: string[]) => run(join(binDir, tool), args, { ...owner, cwd: dir });

  const dataDir = join(dir, "data");
  const port = await freePort();
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=300`;
  try {
    await pg("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await pg("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "start"]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async pause() {
      await pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    },
    async resume() {
      await pg("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "start"]);
    },
    async stop() {
      await pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
    async serverPid() {
      return Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    },
  };
}

/** Debian keeps the server tools in /usr/lib/postgresql/<version>/bin, outside PATH. */
function findPostgresBinDir(): string {
  const candidates: string[] = [];
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(delimiter).filter(Boolean));
  const found = candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!found) throw new Error(MISSING_POSTGRES_MESSAGE);
  return found;
}

async function clusterOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(`Running as root needs the "postgres" user to own the test cluster. ${MISSING_POSTGRES_MESSAGE}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
