import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Never log tokens, phone numbers or message text at info level: the redaction
 * list is a safety net for fields someone might add by mistake, not a licence to log them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          "token",
          "*.token",
          "phone",
          "*.phone",
          "text",
          "*.text",
          "password",
          "*.password",
          "secret",
          "*.secret",
          "apiKey",
          "*.apiKey",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
