import { loadConfigOrExit } from "./config.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";
import { AlreadyRunningError } from "./lib/pid-lock.js";

const SHUTDOWN_GRACE_MS = 25_000;

const config = await loadConfigOrExit();

const logger = createLogger(config.logLevel);
const starting = startApp(config, logger);
// Handlers go in before the app has finished starting: Telegram polling already handles updates
// during the start, and a SIGTERM then must let them finish too rather than kill the process.
// Updates in flight finish first (a webhook delivery times out after 9 s); past the grace period
// the process gives up and the unfinished updates are redelivered to another instance.
// The grace period counts from the end of the start: a slow start (building the index) is not cut off
// with exit 1, and one that hangs is the orchestrator's to kill.
const shutdown = async (signal: string) => {
  logger.info({ signal }, "shutting down");
  const app = await starting.catch(() => process.exit(1));
  setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  await app.stop();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
try {
  const app = await starting;
  console.log(`Trợ lý HTX is listening on ${app.url}${app.webchat ? ` (web chat: ${app.url}/)` : ""}`);
} catch (error) {
  if (error instanceof AlreadyRunningError) {
    console.error(error.message);
    process.exit(1);
  }
  logger.fatal({ err: { message: (error as Error).message, stack: (error as Error).stack } }, "start failed");
  process.exit(1);
}
