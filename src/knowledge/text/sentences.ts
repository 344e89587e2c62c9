/** Sentences of a section body: list items and lines first, then sentence ends before a capital or digit. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+\.)\s+/, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}
