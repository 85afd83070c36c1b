#!/usr/bin/env bash
# npm test: starts PostgreSQL and Redis (installing them when absent), then lint, unit and integration tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck disable=SC1091
. scripts/env.sh
# The tests run against their own database, migrated from scratch by the suite's global set-up.
export DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"
export NODE_ENV=test
export LOG_LEVEL="${LOG_LEVEL:-silent}"
echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"; npx jest --runInBand "$@"
