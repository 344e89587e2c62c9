/** A list item line ("- …", "* …", "• …", "1. …"): its marker. */
const ITEM_MARKER = /^\s*(?:[-*•]|\d+\.)\s+/;

export interface BodySentence {
  text: string;
  /** The sentence comes from a list item line. */
  item: boolean;
}

/** Sentences of a section body: list items and lines first, then sentence ends before a capital or digit. */
export function bodySentences(text: string): BodySentence[] {
  return text.split(/\n+/).flatMap((line) => {
    const item = ITEM_MARKER.test(line);
    return line
      .replace(ITEM_MARKER, "")
      .trim()
      .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])/u)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((sentence) => ({ text: sentence, item }));
  });
}

/** The sentences' text alone. */
export function splitSentences(text: string): string[] {
  return bodySentences(text).map((sentence) => sentence.text);
}
