#!/usr/bin/env bash
# npm test: starts PostgreSQL and Redis (installing them when absent), then lint, unit and integration tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck disable=SC1091
. scripts/env.sh
# Debian packages the tests use: poppler's pdftotext (the report tests read the PDFs as a person would),
# Ghostscript (uploaded PDF bilagor become PDF/A) and Chromium (the web application's end-to-end tests drive it with playwright-core; never a downloaded browser).
MISSING=()
command -v pdftotext >/dev/null || MISSING+=(poppler-utils)
# Ghostscript normalises uploaded PDF bilagor to PDF/A before the worker lays their pages into a report.
command -v gs >/dev/null || MISSING+=(ghostscript)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || MISSING+=(chromium fonts-dejavu-core)
# Docker's compose validates docker-compose.yml (`config` needs no Docker engine); Debian's docker-compose when the
# docker compose plugin is absent.
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || MISSING+=(docker-compose)
if [ ${#MISSING[@]} -gt 0 ]; then
  echo "installing ${MISSING[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
fi
# The tests run against their own database, migrated from scratch by the suite's global set-up.
export DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"
export NODE_ENV=test
export LOG_LEVEL="${LOG_LEVEL:-silent}"
echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== web build (types from schema.graphql, type check, vite)"; bash scripts/build-web.sh
echo "== lint"; npx eslint . --max-warnings 0 && npx prettier --check . >/dev/null
echo "== tests"; npx jest --runInBand "$@"
