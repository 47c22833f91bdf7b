# syntax=docker/dockerfile:1
# The bot as a container: compiled JavaScript (dist/) and production dependencies only,
# running as the unprivileged `node` user. It needs MongoDB (MONGODB_URI): the embedded
# database of `npm start` is for a first try, not for a container. See docker-compose.yml.

# 1. Compile: every dependency (TypeScript included), then `npm run build` → dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY scripts ./scripts
COPY src ./src
COPY bot ./bot
COPY scenes ./scenes
RUN npm run build

# 2. Production dependencies only (no TypeScript, no jest).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. What runs. Files stay owned by root: the bot can read its code but not change it.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
# /healthz: the process answers and its database pings.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM from `docker stop` reaches the bot, which stops cleanly.
CMD ["node", "dist/main.js"]
