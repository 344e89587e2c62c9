import { loadConfigOrExit } from "./config.js";
import { createLogger } from "./logger.js";
import { startApp } from "./app.js";
import { AlreadyRunningError } from "./lib/pid-lock.js";

const config = await loadConfigOrExit();

const logger = createLogger(config.logLevel);
try {
  const app = await startApp(config, logger);
  console.log(`Trợ lý HTX is listening on ${app.url}${app.webchat ? ` (web chat: ${app.url}/)` : ""}`);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof AlreadyRunningError) {
    console.error(error.message);
    process.exit(1);
  }
  logger.fatal({ err: { message: (error as Error).message, stack: (error as Error).stack } }, "start failed");
  process.exit(1);
}
