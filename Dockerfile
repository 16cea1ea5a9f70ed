# Build: compile TypeScript with the dev dependencies, then keep only what runs.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
# `npm ci` builds native modules (better-sqlite3) and runs `prepare`, which compiles src/ into dist/.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

# Run: slim Node 20, no compilers, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge \
    PORT=3000
WORKDIR /app
# git (with ssh and the CA certificates for https) for notes from a git repository: KNOWLEDGE_GIT_URL.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The Slack manifest is what `lore doctor` checks the granted scopes against.
COPY package.json slack-manifest.yml ./
# The notes baked in by default; mount your own over them: -v ./notes:/app/knowledge:ro
COPY knowledge ./knowledge
# The one writable place (question/vote database, the clone of KNOWLEDGE_GIT_URL); mount a volume here to keep it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Asks GET /readyz of the running server (HEALTH_PORT, or PORT: shared with Slack in HTTP mode) in every chat mode:
# the index is built and every platform is connected. With no chat platform configured it checks that the notes index.
HEALTHCHECK --interval=60s --timeout=15s --start-period=30s --retries=3 CMD ["node", "dist/cli.js", "health"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/cli.js", "serve"]
