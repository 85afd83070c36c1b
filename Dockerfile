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
# Exec form: node itself receives SIGTERM and drains (Nest's shutdown hooks); no shell as PID 1.
CMD ["node", "dist/apps/api/src/main.js"]
