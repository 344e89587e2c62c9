import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { foldVietnamese } from "../../lib/vietnamese.js";

/**
 * Section ids stay the same across re-ingests as long as the file and heading do, and fit in a
 * Telegram callback payload (64 bytes) together with a short prefix.
 */
function sectionId(file: string, heading: string, occurrence: number): string {
  const stem =
    foldVietnamese(basename(file, extname(file)))
      .replace(/ /g, "-")
      .slice(0, 24) || "doc";
  const hash = createHash("sha1").update(`${file}\n${heading}\n${occurrence}`).digest("hex").slice(0, 8);
  return `${stem}.${hash}`;
}

/** Gives every (file, heading) pair a distinct id even when a heading repeats inside a file. */
export function sectionIdAllocator(file: string): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const n = seen.get(heading) ?? 0;
    seen.set(heading, n + 1);
    return sectionId(file, heading, n);
  };
}
