#!/usr/bin/env bash
# npm test: starts PostgreSQL and Redis (installing them when absent), then lint, unit and integration tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck disable=SC1091
. scripts/env.sh
# The report tests read the PDFs as a person would, with poppler's pdftotext.
if ! command -v pdftotext >/dev/null; then
  echo "installing poppler-utils (pdftotext) from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
# The tests run against their own database, migrated from scratch by the suite's global set-up.
export DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"
export NODE_ENV=test
export LOG_LEVEL="${LOG_LEVEL:-silent}"
echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings 0 && npx prettier --check . >/dev/null
echo "== tests"; npx jest --runInBand "$@"
