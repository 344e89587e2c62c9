/**
 * `npx tsx scripts/create-admin.ts <username> [display name]` (npm run admin:create -- <username>):
 * creates a dashboard admin in DATABASE_URL, or makes an existing user an active admin with a new
 * password. The password comes from ADMIN_PASSWORD, else is asked twice (hidden) on a terminal,
 * else is read as the first line of standard input. With the embedded database it refuses while the
 * app runs (one process at a time): stop `npm start` first.
 */
import { createInterface } from "node:readline";
import { loadConfigOrExit } from "../src/config.js";
import { applyMigrations, openDatabase } from "../src/db/index.js";
import { lockEmbeddedDatabase } from "../src/db/embedded-lock.js";
import { AlreadyRunningError } from "../src/lib/pid-lock.js";
import { translator } from "../src/i18n/translate.js";
import {
  createStaffUser,
  normalizeUsername,
  resetStaffPassword,
  setStaffActive,
  setStaffRole,
} from "../src/staff/users.js";

const t = translator();
const [username, ...nameWords] = process.argv.slice(2);
if (!username) {
  console.error(t("admin-cli-usage"));
  process.exit(2);
}

function ask(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  if (hidden) {
    // Echo nothing while the password is typed.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text) => {
      if (text.includes(question)) process.stdout.write(text);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return ask("", false);
  const first = await ask(t("admin-cli-password"), true);
  if ((await ask(t("admin-cli-password-again"), true)) !== first) {
    console.error(t("admin-cli-password-mismatch"));
    process.exit(1);
  }
  return first;
}

const config = await loadConfigOrExit();
let release: () => void;
try {
  release = lockEmbeddedDatabase(config.databaseUrl, config.dataDir);
} catch (error) {
  if (!(error instanceof AlreadyRunningError)) throw error;
  console.error(t("admin-cli-app-running", { pid: String(error.pid) }));
  process.exit(1);
}
const password = await readPassword();
const db = await openDatabase(config.databaseUrl);
let exitCode = 0;
try {
  await applyMigrations(db);
  const existing = await db.prisma.staffUser.findUnique({ where: { username: normalizeUsername(username) } });
  const results = existing
    ? [
        await resetStaffPassword(db.prisma, existing.id, password),
        await setStaffRole(db.prisma, existing.id, "admin"),
        await setStaffActive(db.prisma, existing.id, true),
      ]
    : [
        await createStaffUser(db.prisma, {
          username,
          displayName: nameWords.join(" ") || username,
          password,
          role: "admin",
        }),
      ];
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    console.error(t(failed.problem));
    exitCode = 1;
  } else {
    console.log(t(existing ? "admin-cli-updated" : "admin-cli-created", { username: normalizeUsername(username) }));
  }
} finally {
  await db.close();
  release();
}
// Explicit: the embedded database's shutdown would otherwise decide the exit status.
process.exit(exitCode);
