import { vietnamDate } from "../lib/vietnam-time.js";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * An officer's answer worth keeping becomes a knowledge guide (format in knowledge/README.md), one
 * file per question, picked up by the next ingest. Saving again overwrites the same file.
 */
export const FAQ_DIR = "hoi-dap-can-bo";
export const FAQ_DOC = "Giải đáp của cán bộ";
const HEADING_MAX_LENGTH = 200;


/** One line, no Markdown heading marks: the question becomes the section heading. */
function headingText(question: string): string {
  const line = question.replace(/\s+/g, " ").replace(/^#+\s*/, "").trim();
  return line.length > HEADING_MAX_LENGTH ? `${line.slice(0, HEADING_MAX_LENGTH - 1)}…` : line;
}

/** A line starting with "#" would open a new section (or close this one): escape it. */
const bodyText = (answer: string) =>
  answer
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (/^\s*#/.test(line) ? `\\${line.trimStart()}` : line))
    .join("\n")
    .trim();

export function faqMarkdown(entry: { question: string; answer: string; effective: string }): string {
  return [
    "---",
    "title: Hỏi đáp của cán bộ",
    `topic: ${FAQ_DIR}`,
    "---",
    "",
    `## ${headingText(entry.question)}`,
    "<!-- cite",
    `doc: "${FAQ_DOC}"`,
    `doc_title: "${FAQ_DOC}"`,
    "article: null",
    `effective: ${entry.effective}`,
    "status: in_force",
    "-->",
    "",
    bodyText(entry.answer),
    "",
  ].join("\n");
}

export const faqFileName = (reference: string) => `${reference.toLowerCase()}.md`;

/** Writes the entry and returns its path relative to the knowledge directory. */
export async function saveFaqEntry(
  knowledgeDir: string,
  entry: { reference: string; question: string; answer: string; at: Date },
): Promise<string> {
  const dir = join(knowledgeDir, FAQ_DIR);
  await mkdir(dir, { recursive: true });
  const relative = `${FAQ_DIR}/${faqFileName(entry.reference)}`;
  const target = join(knowledgeDir, relative);
  // Write then rename: an ingest running at the same moment never reads half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, faqMarkdown({ question: entry.question, answer: entry.answer, effective: vietnamDate(entry.at) }), "utf8");
  await rename(temporary, target);
  return relative;
}
