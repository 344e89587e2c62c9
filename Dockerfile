# Trợ lý HTX: one image for every instance. The knowledge index is built here, once, and shipped in
# the image: each instance finds it current at start and only reads it.
FROM node:20-bookworm-slim

# hnswlib-node compiles its native part at install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev

COPY src ./src
COPY knowledge ./knowledge
COPY locales ./locales
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/
RUN node scripts/build.mjs
ENV DATA_DIR=/app/data KNOWLEDGE_DIR=/app/knowledge
RUN npm run ingest

ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# The memory settings of `npm start` (package.json; see "Memory" in README.md): keep them the same.
ENV MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=1048576
EXPOSE 3000
# node itself (not npm) receives SIGTERM, so updates in flight finish before it exits.
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
