#!/usr/bin/env bash
# Compiles apps and libs to dist/ (incremental) and rewrites the @app/* path aliases.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
# The web application (dist/web, served by the API at /), when its sources or the schema changed since last build.
if [ ! -f dist/web/index.html ] || [ -n "$(find apps/web schema.graphql libs/domain/src/forms -newer dist/web/index.html -not -path 'apps/web/src/gql/*' -print -quit)" ]; then
  bash scripts/build-web.sh
fi
