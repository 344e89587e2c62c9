/**
 * Splits a PostgreSQL script into single statements. Statements go one by one through Prisma
 * because PGlite's query path (the extended protocol) rejects several commands in one call.
 *
 * Semicolons inside quotes ('…', "…", E'…'), dollar-quoted bodies ($$…$$, $tag$…$tag$) and
 * comments (-- …, nested /* … *\/) do not split. Fragments holding only comments are dropped.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;

  const finish = (end: number) => {
    if (hasCode) statements.push(script.slice(start, end).trim());
    start = end + 1;
    hasCode = false;
  };

  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (ch === "-" && next === "-") {
      i = skipLineComment(script, i);
    } else if (ch === "/" && next === "*") {
      i = skipBlockComment(script, i);
    } else if (ch === "'" || ch === '"') {
      hasCode = true;
      i = skipQuoted(script, i, ch);
    } else if (ch === "$" && dollarTagAt(script, i) !== undefined) {
      hasCode = true;
      i = skipDollarQuoted(script, i, dollarTagAt(script, i)!);
    } else if (ch === ";") {
      finish(i);
      i += 1;
    } else {
      if (!/\s/.test(ch)) hasCode = true;
      i += 1;
    }
  }
  finish(script.length);
  return statements;
}

function skipLineComment(script: string, from: number): number {
  const end = script.indexOf("\n", from);
  return end === -1 ? script.length : end + 1;
}

function skipBlockComment(script: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script.startsWith("/*", i)) {
      depth += 1;
      i += 2;
    } else if (script.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return i;
}

/** A doubled quote inside the literal escapes it; E'…' strings may also use a backslash. */
function skipQuoted(script: string, from: number, quote: string): number {
  const backslashEscapes = quote === "'" && /[eE]/.test(script[from - 1] ?? "") && !/\w/.test(script[from - 2] ?? "");
  let i = from + 1;
  while (i < script.length) {
    const ch = script[i];
    if (backslashEscapes && ch === "\\") {
      i += 2;
    } else if (ch === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  return i;
}

/** `$tag$` opens a dollar quote unless the `$` ends an identifier (`a$b`) or is a parameter (`$1`). */
function dollarTagAt(script: string, at: number): string | undefined {
  if (/[\w$]/.test(script[at - 1] ?? "")) return undefined;
  return /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(at, at + 64))?.[0];
}

function skipDollarQuoted(script: string, from: number, tag: string): number {
  const end = script.indexOf(tag, from + tag.length);
  return end === -1 ? script.length : end + tag.length;
}
