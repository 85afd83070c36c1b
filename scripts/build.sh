#!/usr/bin/env bash
# Compiles apps and libs to dist/ (incremental) and rewrites the @app/* path aliases.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
