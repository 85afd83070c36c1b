#!/usr/bin/env bash
# Builds the web application into dist/web (served by the API at /): GraphQL types from schema.graphql,
# a type check, then Vite's production build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npx graphql-codegen --config apps/web/codegen.ts --silent
npx tsc --noEmit -p apps/web/tsconfig.json
NODE_ENV=production npx vite build --config apps/web/vite.config.mts --logLevel warn
