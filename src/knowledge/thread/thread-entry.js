// Entry of the knowledge service's worker thread. Plain JavaScript because a worker thread does not
// inherit the TypeScript loader of the thread that started it (tsx under `npm start`, vitest in tests):
// tsx is loaded here, then the service itself (knowledge-worker.ts). knowledge-thread.ts is the other end.
const { tsImport } = await import("tsx/esm/api");
await tsImport("./knowledge-worker.ts", import.meta.url);
