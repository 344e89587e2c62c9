import { parse as parseYaml } from "yaml";
import type { Section } from "../types.js";
import { parseCitation } from "./citation.js";
import { splitFrontMatter } from "./front-matter.js";
import { sectionIdAllocator } from "./section-id.js";

/**
 * Parses one of our guides (format in knowledge/README.md): front matter with `title`/`topic`, one
 * `##` section per question, each followed by a `<!-- cite ... -->` YAML block.
 */

const CITE_BLOCK = /<!--\s*cite\s*\r?\n([\s\S]*?)-->/;

export interface ParsedGuide {
  sections: Section[];
  problems: string[];
}

/** True when a Markdown file follows the guide format (it has at least one cite block). */
export function isGuide(markdown: string): boolean {
  return CITE_BLOCK.test(markdown);
}

export function parseGuide(file: string, markdown: string): ParsedGuide {
  const { data, body } = splitFrontMatter(markdown);
  const topic = typeof data.topic === "string" ? data.topic : null;
  const topicTitle = typeof data.title === "string" ? data.title : null;
  const problems: string[] = [];
  const sections: Section[] = [];
  const nextId = sectionIdAllocator(file);

  const parts = body.split(/^##[ \t]+/m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf("\n");
    const heading = (newline < 0 ? part : part.slice(0, newline)).trim();
    const rest = newline < 0 ? "" : part.slice(newline + 1);
    const where = `${file} "${heading}"`;
    const cite = CITE_BLOCK.exec(rest);
    if (!cite) {
      problems.push(`${where}: no cite block, section skipped`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(cite[1]!);
    } catch (error) {
      problems.push(`${where}: cite block is not valid YAML (${(error as Error).message}), section skipped`);
      continue;
    }
    const items = (Array.isArray(raw) ? raw : [raw]).filter(
      (item): item is Record<string, unknown> => !!item && typeof item === "object",
    );
    const parsed = items.map((item) => parseCitation(item));
    for (const p of parsed) problems.push(...p.problems.map((msg) => `${where}: ${msg}`));
    const citations = parsed.map((p) => p.citation).filter((c) => c.doc);
    if (citations.length === 0) {
      problems.push(`${where}: no usable citation, section skipped`);
      continue;
    }
    const text = rest.replace(CITE_BLOCK, "").trim();
    sections.push({
      id: nextId(heading),
      file,
      kind: "guide",
      topic,
      topicTitle,
      heading,
      text,
      citations,
      keywords: parsed.flatMap((p) => p.keywords),
      order: sections.length,
    });
  }
  return { sections, problems };
}
