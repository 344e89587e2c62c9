/** Where a long text may be cut, best first: paragraphs, lines, sentences, words. */
const BREAKS = [/\n\s*\n/g, /\n/g, /(?<=[.!?…;:])\s+/g, /\s+/g];

/**
 * The last break of `pattern` that keeps the part within `max` characters; only breaks in the second
 * half count, so a paragraph break near the start does not leave a tiny part.
 */
function lastBreak(text: string, max: number, pattern: RegExp): { end: number; next: number } | undefined {
  let found: { end: number; next: number } | undefined;
  for (const match of text.matchAll(pattern)) {
    if (match.index > max) break;
    if (match.index >= max / 2) found = { end: match.index, next: match.index + match[0].length };
  }
  return found;
}

/**
 * Splits a message for channels with a length limit (Zalo: 2000 characters) at paragraph, line,
 * sentence or word boundaries, so every part reads on its own; only a single word longer than the
 * limit is cut inside.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = BREAKS.map((pattern) => lastBreak(rest, max, pattern)).find((b) => b !== undefined) ?? {
      end: max,
      next: max,
    };
    parts.push(rest.slice(0, cut.end).trimEnd());
    rest = rest.slice(cut.next).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
