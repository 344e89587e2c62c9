import type { Citation, Section } from "../types.js";
import { sectionIdAllocator } from "./section-id.js";

/**
 * Splits an official legal text along its structure: one chunk per Điều, long articles further
 * split into groups of khoản, so every chunk knows its document, article and clause. The document
 * number comes from metadata when an officer supplied it, else from the heading of the text
 * ("Luật số 17/2023/QH15", "Nghị định số 92/2024/NĐ-CP").
 */

/** Articles longer than this are split by khoản; about what a phone shows on two screens. */
const MAX_CHUNK_CHARS = 1600;
/** Texts without any "Điều" are cut into plain passages of about this size. */
const PLAIN_CHUNK_CHARS = 900;

const ARTICLE_LINE = /^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$/u;
const CHAPTER_LINE = /^(Chương|Mục)\s+([IVXLC\d]+)\b\.?\s*(.*)$/u;
const CLAUSE_LINE = /^(\d+)\.\s/;
const DOC_NUMBER = /\b(\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-Za-zĐđ\d]*(?:-[A-Za-zĐđ\d]+)*)/u;
const NUMBERED_AFTER_SO = new RegExp(String.raw`[Ss]ố(?:\s*hiệu)?\s*:?\s*` + DOC_NUMBER.source, "u");
const DOC_KIND_LINE = /^(LUẬT|NGHỊ ĐỊNH|QUYẾT ĐỊNH|THÔNG TƯ|NGHỊ QUYẾT|CHỈ THỊ|PHÁP LỆNH)\b.*$/mu;

/** Document number as written in the text heading, if any. */
export function inferDocNumber(text: string): string | null {
  const head = text.slice(0, 3000);
  return (NUMBERED_AFTER_SO.exec(head) ?? DOC_NUMBER.exec(head))?.[1] ?? null;
}

/** "LUẬT HỢP TÁC XÃ" -> "Luật hợp tác xã" (the heading line of an official text). */
export function inferDocTitle(text: string): string | null {
  const line = DOC_KIND_LINE.exec(text.slice(0, 3000))?.[0]?.trim();
  if (!line) return null;
  const lower = line.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

interface Article {
  number: string;
  title: string;
  /** Heading of the enclosing Chương/Mục, kept as context for search. */
  context: string;
  lines: string[];
}

function readArticles(lines: string[]): Article[] {
  const articles: Article[] = [];
  let context = "";
  let pendingChapter = false;
  for (const line of lines) {
    const chapter = CHAPTER_LINE.exec(line);
    if (chapter) {
      context = chapter[3] ? `${chapter[1]} ${chapter[2]}. ${chapter[3]}` : `${chapter[1]} ${chapter[2]}`;
      pendingChapter = !chapter[3];
      continue;
    }
    const article = ARTICLE_LINE.exec(line);
    if (article) {
      articles.push({ number: article[1]!, title: article[2]!.trim(), context, lines: [] });
      pendingChapter = false;
      continue;
    }
    if (pendingChapter) {
      // The title of a Chương sits on the line after "Chương II", usually in capitals.
      context = `${context}. ${line}`;
      pendingChapter = false;
      continue;
    }
    articles.at(-1)?.lines.push(line);
  }
  return articles;
}

/** Groups the lines of an article into runs of khoản that each fit `MAX_CHUNK_CHARS`. */
function clauseGroups(lines: string[]): Array<{ clause: string | undefined; lines: string[] }> {
  const clauses: Array<{ number: string | undefined; lines: string[] }> = [];
  for (const line of lines) {
    const number = CLAUSE_LINE.exec(line)?.[1];
    if (number || clauses.length === 0) clauses.push({ number, lines: [line] });
    else clauses.at(-1)!.lines.push(line);
  }
  const groups: Array<{ first?: string; last?: string; lines: string[]; size: number }> = [];
  for (const clause of clauses) {
    const size = clause.lines.join("\n").length;
    const current = groups.at(-1);
    if (current && current.size + size <= MAX_CHUNK_CHARS) {
      current.lines.push(...clause.lines);
      current.size += size;
      current.last = clause.number ?? current.last;
    } else {
      groups.push({ first: clause.number, last: clause.number, lines: [...clause.lines], size });
    }
  }
  return groups.map((g) => ({
    clause: g.first && g.last && g.first !== g.last ? `${g.first}-${g.last}` : (g.first ?? g.last),
    lines: g.lines,
  }));
}

function plainPassages(text: string): string[] {
  const passages: string[] = [];
  let current = "";
  for (const paragraph of text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (current && current.length + paragraph.length > PLAIN_CHUNK_CHARS) {
      passages.push(current);
      current = "";
    }
    current = current ? `${current}\n${paragraph}` : paragraph;
  }
  if (current) passages.push(current);
  return passages;
}

/**
 * `base` carries what is known about the document as a whole (sidecar or front matter); missing
 * number and title are inferred from the text, and each chunk adds its article and clause.
 * `articles` overrides status fields for single articles (an amended or repealed Điều).
 */
export function splitLegalText(
  file: string,
  text: string,
  base: Partial<Citation> = {},
  articles: ReadonlyMap<string, Partial<Citation>> = new Map(),
): Section[] {
  const doc = base.doc ?? inferDocNumber(text) ?? file;
  const docTitle = base.docTitle ?? inferDocTitle(text) ?? doc;
  const citationFor = (article: string | null, clause?: string): Citation => ({
    status: "unknown",
    uncertain: false,
    ...base,
    ...(article ? articles.get(article) : undefined),
    doc,
    docTitle,
    article,
    ...(clause ? { clause } : {}),
  });
  const nextId = sectionIdAllocator(file);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const articleList = readArticles(lines);
  const sections: Section[] = [];
  const push = (heading: string, body: string, citation: Citation, context: string) => {
    sections.push({
      id: nextId(heading),
      file,
      kind: "legal",
      topic: null,
      topicTitle: null,
      heading,
      text: body,
      citations: [citation],
      keywords: context ? [context] : [],
      order: sections.length,
    });
  };

  if (articleList.length === 0) {
    plainPassages(text).forEach((passage, i) => push(`${docTitle} (phần ${i + 1})`, passage, citationFor(null), ""));
    return sections;
  }
  for (const article of articleList) {
    const heading = `Điều ${article.number}. ${article.title}`.trim();
    const body = article.lines.join("\n");
    if (body.length <= MAX_CHUNK_CHARS) {
      push(heading, body, citationFor(article.number), article.context);
      continue;
    }
    for (const group of clauseGroups(article.lines)) {
      const label = group.clause ? `${heading} (khoản ${group.clause.replace("-", "–")})` : heading;
      push(label, group.lines.join("\n"), citationFor(article.number, group.clause), article.context);
    }
  }
  return sections;
}
