import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Citation, Section } from "../types.js";
import { parseCitation } from "./citation.js";
import { splitFrontMatter } from "./front-matter.js";
import { isGuide, parseGuide } from "./guide-parser.js";
import { htmlToText } from "./html-to-text.js";
import { splitLegalText } from "./legal-splitter.js";

/**
 * Finds the files under knowledge/ that become searchable sections and turns each into sections:
 * our guides by `##` section, everything else (official texts dropped in by officers) by Điều.
 */

const SUPPORTED_EXTENSIONS = [".md", ".txt", ".html", ".htm", ".pdf", ".docx"];
/** Eligibility rules are data for another service, not text to search. */
const SKIPPED_DIRS = new Set(["programmes", "node_modules"]);

/** Knowledge files relative to `knowledgeDir`, with forward slashes, sorted. */
export async function listKnowledgeFiles(knowledgeDir: string): Promise<string[]> {
  const entries = await readdir(knowledgeDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase()))
    .map((e) => relative(knowledgeDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((file) => {
      const parts = file.split("/");
      return (
        !parts.some((p) => p.startsWith(".") || SKIPPED_DIRS.has(p)) && basename(file).toLowerCase() !== "readme.md"
      );
    })
    .sort();
}

/** The `<name>.meta.yaml` next to an official document, read as citation defaults. */
export function sidecarPath(absolutePath: string): string {
  return join(dirname(absolutePath), `${basename(absolutePath, extname(absolutePath))}.meta.yaml`);
}

async function extractText(absolutePath: string): Promise<string> {
  const ext = extname(absolutePath).toLowerCase();
  if (ext === ".pdf") {
    const { PDFParse } = await import("pdf-parse");
    const parser = new PDFParse({ data: await readFile(absolutePath) });
    try {
      // pdf-parse marks page ends with "-- 1 of 3 --" lines; they are not document text.
      return (await parser.getText()).text.replace(/^-- \d+ of \d+ --$/gm, "");
    } finally {
      await parser.destroy();
    }
  }
  if (ext === ".docx") {
    const mammoth = await import("mammoth");
    return (await mammoth.extractRawText({ buffer: await readFile(absolutePath) })).value;
  }
  const raw = await readFile(absolutePath, "utf8");
  return ext === ".html" || ext === ".htm" ? htmlToText(raw) : raw;
}

function citationDefaults(data: Record<string, unknown>): Partial<Citation> {
  if (Object.keys(data).length === 0) return {};
  const { citation } = parseCitation(data);
  const defaults: Partial<Citation> = { ...citation };
  if (!citation.doc) delete defaults.doc;
  if (!data.doc_title) delete defaults.docTitle;
  if (data.article === undefined) delete defaults.article;
  if (!data.status) delete defaults.status;
  return defaults;
}

/**
 * Articles whose status differs from the document's (`parts:` in a `.meta.yaml`: a repealed or
 * amended Điều), as citation fields per article number.
 */
function articleOverrides(data: Record<string, unknown>): Map<string, Partial<Citation>> {
  const overrides = new Map<string, Partial<Citation>>();
  if (data.parts === undefined) return overrides;
  if (!Array.isArray(data.parts)) throw new Error("parts is not a YAML list");
  for (const part of data.parts) {
    const fields = yamlMapping(part, "an item of parts");
    const articles = Array.isArray(fields.articles) ? fields.articles.map(String) : [];
    if (articles.length === 0) throw new Error("an item of parts names no articles");
    const { citation } = parseCitation(fields);
    const override: Partial<Citation> = {};
    if (fields.status) override.status = citation.status;
    if (citation.note) override.note = citation.note;
    if (citation.amendedBy) override.amendedBy = citation.amendedBy;
    for (const article of articles) overrides.set(article, override);
  }
  return overrides;
}

/** Markdown decoration that would hide "Điều 5." at the start of a line. */
function stripMarkdown(text: string): string {
  return text.replace(/^#+\s*/gm, "").replace(/^\*\*(.*?)\*\*\s*$/gm, "$1");
}

export interface LoadedFile {
  sections: Section[];
  problems: string[];
}

/** A YAML mapping or nothing; anything else (a list, a bare string) is a mistake in the file. */
function yamlMapping(raw: unknown, what: string): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
  throw new Error(`${what} is not a YAML mapping of fields`);
}

/**
 * One file's sections. A file that cannot be read (corrupt PDF/DOCX, bad front matter, bad
 * `.meta.yaml`) never throws: it gives no sections and a problem "<file>: <message>", so ingest
 * and app start go on with the other files.
 */
export async function loadSections(knowledgeDir: string, file: string): Promise<LoadedFile> {
  try {
    return await loadFile(knowledgeDir, file);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
    return { sections: [], problems: [`${file}: ${message || "could not be read"}, file skipped`] };
  }
}

async function loadFile(knowledgeDir: string, file: string): Promise<LoadedFile> {
  const absolutePath = join(knowledgeDir, file);
  const text = await extractText(absolutePath);
  if (extname(file).toLowerCase() === ".md" && isGuide(text)) return parseGuide(file, text);

  const { data, body } = extname(file).toLowerCase() === ".md" ? splitFrontMatter(text) : { data: {}, body: text };
  const sidecar = sidecarPath(absolutePath);
  let meta = data;
  if (existsSync(sidecar)) {
    let raw: unknown;
    try {
      raw = parseYaml(await readFile(sidecar, "utf8"));
    } catch (error) {
      throw new Error(`${basename(sidecar)} is not valid YAML (${(error as Error).message.split("\n")[0]})`);
    }
    meta = yamlMapping(raw, basename(sidecar));
  }
  const sections = splitLegalText(file, stripMarkdown(body), citationDefaults(meta), articleOverrides(meta));
  const problems = sections.length === 0 ? [`${file}: no text could be extracted`] : [];
  return { sections, problems };
}
