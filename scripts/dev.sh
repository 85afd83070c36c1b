#!/usr/bin/env bash
# npm run dev: the API, the worker and the web app in watch mode, on the private PostgreSQL and Redis.
# TypeScript recompiles on save (tsc --watch, then the @app/* aliases), node restarts the API and the worker
# when their output changes, and vite serves the web app with hot reload on http://localhost:5173 (it proxies
# the API on :3000). Stop everything with Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build.sh
# shellcheck disable=SC1091
. scripts/env.sh
export PORT="${PORT:-3000}"
export NODE_ENV="${NODE_ENV:-development}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
node dist/apps/api/src/cli.js migrate
node dist/apps/api/src/cli.js admin:ensure

pids=()
cleanup() { echo; echo "Stoppar …"; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait || true; }
trap cleanup EXIT INT TERM
npx tsc -p tsconfig.build.json --watch --preserveWatchOutput >/dev/null &
pids+=($!)
npx tsc-alias -p tsconfig.build.json --watch >/dev/null &
pids+=($!)
node --watch-path=dist/apps/worker --watch-path=dist/libs dist/apps/worker/src/main.js &
pids+=($!)
node --watch-path=dist/apps/api --watch-path=dist/libs dist/apps/api/src/main.js &
pids+=($!)
(cd apps/web && API_URL="http://127.0.0.1:$PORT" npx vite --host 127.0.0.1) &
pids+=($!)
echo "Utveckling: webbappen på http://localhost:5173, API:t på http://localhost:$PORT/graphql (Ctrl-C stoppar)."
wait
