import { parse as parseYaml } from "yaml";

/** Splits `---\nyaml\n---\nbody` into its parts; text without front matter has empty `data`. */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  const data: unknown = parseYaml(match[1]!);
  return {
    data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: source.slice(match[0].length),
  };
}
