# Brisk's production image: Next.js' standalone server and nothing else (no npm, no sources, no dev tools).
# Built and run by compose.yaml; docs/deployment.md says how, and what each stage is for.
#
#   docker build --build-arg AUTH_URL=https://shop.example.com -t brisk .
#
# AUTH_URL is the store's public origin. It is needed at build time: the security headers (HSTS on https) are
# baked into the build by next.config.ts.

# --- build: every dependency, the Prisma client, `next build` with the standalone output --------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci
ARG AUTH_URL=http://localhost:3000
RUN AUTH_URL="$AUTH_URL" npm run build

# --- setup: migrations, and the seed on an empty database (`npm run db:setup`); runs once per deployment -------
FROM build AS setup
ENV MEDIA_DIR=/data/media
# The seed renders images into the media volume the app's replicas serve (and add uploads to), as them.
RUN mkdir -p /data/media && chown node:node /data/media
USER node
CMD ["npm", "run", "--silent", "db:setup"]

# --- runtime: .next/standalone (the server, its traced node_modules, static files, public) -------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# HOSTNAME is where server.js binds; HOST tells the app itself (lib/env.ts) that it listens beyond loopback,
# so the dev mailbox stays off and operator routes want their token. NODE_OPTIONS sizes V8's young generation
# for a store instance, MALLOC_ARENA_MAX bounds what glibc keeps outside the heap
# (scripts/run/standalone-server.ts, docs/deployment.md): override them for a bigger or smaller box.
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-semi-space-size=64" \
    MALLOC_ARENA_MAX=2 \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEDIA_DIR=/data/media
COPY --from=build --chown=node:node /app/.next/standalone ./
RUN mkdir -p /data/media && chown node:node /data/media
USER node
EXPOSE 3000
# The load balancer checks /api/health itself; this is for `docker ps` and orchestrators that read it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
