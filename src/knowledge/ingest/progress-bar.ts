import cliProgress from "cli-progress";
import type { IngestProgress } from "./ingest.js";

/** A progress bar for embedding, only on an interactive terminal (logs and CI get none). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): IngestProgress | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream, format: "Embedding {bar} {value}/{total} sections ({eta}s)", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    increment: (count) => bar.increment(count),
    stop: () => bar.stop(),
  };
}
