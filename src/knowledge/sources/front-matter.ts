import { parse as parseYaml } from "yaml";

/**
 * Splits `---\nyaml\n---\nbody` into its parts; text without front matter has empty `data`.
 * Invalid YAML throws "front matter is not valid YAML (…)" (callers report it per file).
 */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    throw new Error(`front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  return {
    data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: source.slice(match[0].length),
  };
}
