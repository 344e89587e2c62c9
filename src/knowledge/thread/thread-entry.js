// Entry of the knowledge service's worker thread. Plain JavaScript because a worker thread does not
// inherit the TypeScript loader of the thread that started it (vitest in tests, tsx in scripts): the
// service itself (knowledge-worker.ts) is loaded through tsx here, or compiled beside this file under
// `npm start` (dist/, see scripts/build.mjs). knowledge-thread.ts is the other end.
import { existsSync } from "node:fs";

const compiled = new URL("./knowledge-worker.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { tsImport } = await import("tsx/esm/api");
  await tsImport("./knowledge-worker.ts", import.meta.url);
}
