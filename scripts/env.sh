#!/usr/bin/env bash
# Sourced by the other scripts: starts the private services when needed and exports the settings.
# Settings already in the environment win; local defaults are for development, the demo and the tests only.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  bash "$ROOT/scripts/services.sh" start
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.data/services.env"
  set +a
fi
mkdir -p "$ROOT/.data"
if [ -z "${JWT_SECRET:-}" ]; then
  [ -s "$ROOT/.data/jwt-secret" ] || node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))" >"$ROOT/.data/jwt-secret"
  JWT_SECRET="$(cat "$ROOT/.data/jwt-secret")"
fi
export JWT_SECRET
if [ -z "${SEAL_KEY_SECRET:-}" ]; then
  [ -s "$ROOT/.data/seal-key-secret" ] || node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))" >"$ROOT/.data/seal-key-secret"
  SEAL_KEY_SECRET="$(cat "$ROOT/.data/seal-key-secret")"
fi
export SEAL_KEY_SECRET
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@plattform.example}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-Plattform-Admin-2025!}"
export FILE_STORAGE_DIR="${FILE_STORAGE_DIR:-$ROOT/.data/files}"
export WEB_DIST_DIR="${WEB_DIST_DIR:-$ROOT/dist/web}"
