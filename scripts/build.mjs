// `npm start` runs the app compiled to JavaScript in dist/ (built here by `prestart`, under a second):
// through tsx every start carried its loader thread and esbuild process (~40 MB RSS). dist/ mirrors
// src/ at the same depth, so paths like "../../locales" resolve alike; files that are not TypeScript
// (worker entries, the web chat page, place data) are copied beside the code that reads them.
// Plain JavaScript so that it runs before anything is compiled.
import { build } from "esbuild";
import { cpSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

const SRC = "src";
const OUT = "dist";

/** Every file under `dir`, as paths starting with `dir`. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

export async function buildApp() {
  const all = files(SRC);
  const staging = `${OUT}.staging-${process.pid}`;
  await build({
    entryPoints: all.filter((file) => file.endsWith(".ts")),
    outdir: staging,
    outbase: SRC,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  for (const file of all.filter((f) => !f.endsWith(".ts"))) cpSync(file, join(staging, file.slice(SRC.length)));
  // Swapped in whole: an app never starts from half a build.
  rmSync(OUT, { recursive: true, force: true });
  renameSync(staging, OUT);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildApp();
