FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Ghostscript (Debian's) rewrites uploaded PDF bilagor as PDF/A before the worker places them in a report.
RUN apt-get update && apt-get install -y --no-install-recommends ghostscript && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
COPY --from=build /app/demo ./demo
# The file volume is created here, owned by the unprivileged user the processes run as, so a fresh named
# volume inherits that owner and the API and worker can write bilagor and reports into it.
RUN mkdir -p /data/files && chown node:node /data/files
ENV FILE_STORAGE_DIR=/data/files
USER node
EXPOSE 3000
# Allocations of 1 MiB and more are mapped and unmapped by glibc every time, so their memory goes back to the
# system when freed (each argon2 login hashes in 19 MiB that malloc otherwise kept: 77 MB of the API's resident
# memory after a few logins); smaller free memory is kept up to 64 MiB rather than returned and faulted in again.
# README "Memory (API)" explains this and the V8 limits below.
ENV MALLOC_MMAP_THRESHOLD_=1048576
ENV MALLOC_TRIM_THRESHOLD_=67108864
# Exec form: node itself receives SIGTERM and drains (Nest's shutdown hooks); no shell as PID 1. The V8 limits are
# those of `npm run start:api` (package.json); test/unit/deploy-files.spec.ts keeps the three alike.
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=32", "dist/apps/api/src/main.js"]
