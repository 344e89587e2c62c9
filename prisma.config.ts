import { defineConfig } from "prisma/config";

// The CLI downloads a native schema engine before `generate` unless one is configured. Nothing here
// needs it (the client is Rust-free; migrations run through src/db), and the CLI reads this file
// before it looks for the engine, so a no-op binary keeps every command offline.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
