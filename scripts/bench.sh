#!/usr/bin/env bash
# npm run bench: builds, starts the private services, runs the benchmarks and writes BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build.sh
# shellcheck disable=SC1091
. scripts/env.sh
export DATABASE_URL="${BENCH_DATABASE_URL:-$DATABASE_URL}"
export DATABASE_MIGRATION_URL="${BENCH_DATABASE_MIGRATION_URL:-${DATABASE_MIGRATION_URL:-}}"
# Production mode refuses the documented admin password; the benchmark needs no platform admin.
unset ADMIN_PASSWORD
export LOG_LEVEL=silent NODE_ENV=production
node dist/bench/run.js
