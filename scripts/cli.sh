#!/usr/bin/env bash
# npm run cli -- <command> …: builds if needed, starts local services when no DATABASE_URL is set, runs the CLI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORIG_PWD="$PWD"
cd "$ROOT"
bash scripts/build.sh >&2
# shellcheck disable=SC1091
. scripts/env.sh >&2
node dist/apps/api/src/cli.js migrate >&2
cd "$ORIG_PWD"
exec node "$ROOT/dist/apps/api/src/cli.js" "$@"
