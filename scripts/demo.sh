#!/usr/bin/env bash
# npm run demo: real PostgreSQL and Redis, migrations, the platform admin, the Samspelet förbund,
# the API and the worker; prints where to open it and keeps serving until stopped (Ctrl-C).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build.sh
# shellcheck disable=SC1091
. scripts/env.sh
export PORT="${PORT:-3000}"
export NODE_ENV="${NODE_ENV:-development}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
CLI="node dist/apps/api/src/cli.js"
$CLI migrate
$CLI admin:ensure

pids=()
cleanup() { echo; echo "Stoppar …"; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait || true; }
trap cleanup EXIT INT TERM
# A local SMTP receiver: the demo's e-mail lands in .data/mail/, never in a real inbox.
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${MAIL_CATCHER_PORT:-2525}}"
node dist/tools/mail-catcher.js &
pids+=($!)
$CLI demo:seed demo/samspelet
# NNS indikatorenkät: the national catalogue (the platform admin's) and Samspelet's counts for 2025.
$CLI nns:catalogue demo/nns/nns-katalog.json
$CLI nns:import samspelet 2025 demo/samspelet/nns/samspelet-nns-2025.json
node dist/apps/worker/src/main.js &
pids+=($!)
node dist/apps/api/src/main.js &
pids+=($!)
for _ in $(seq 1 120); do
  node -e "fetch('http://localhost:$PORT/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.5
done

# The reports, compiled by the running worker through the real API (with the förbundschef's texts of the
# published reports, demo/samspelet/texts), and saved under .data/rapporter/.
OUT="$ROOT/.data/rapporter"
node dist/tools/demo-reports.js "http://localhost:$PORT" "$OUT" "$ROOT/demo/samspelet/texts"

cat <<MSG

================================================================
 Samordningsplattformen kör.
   Webbappen: http://localhost:$PORT/   (logga in med någon av personerna nedan)
   GraphQL:   http://localhost:$PORT/graphql
   Hälsa:     http://localhost:$PORT/health
 Plattformsadministratör: $ADMIN_EMAIL / $ADMIN_PASSWORD
 Förbundet Samspelet (slug "samspelet"), alla med lösenordet Demo-Samspelet-2025!:
   kansli@samspelet.example          (ADMIN)
   forbundschef@samspelet.example    (FORBUNDSCHEF)
   projektagare.stegen@samspelet.example, styrgrupp1.stegen@samspelet.example …
   ledamot1@samspelet.example (styrelsen), revisor1@samspelet.example
 Rapporterna (PDF, XLSX, JSON) ligger i $OUT
 E-post som plattformen skickar hamnar i $ROOT/.data/mail/
 Avsluta med Ctrl-C.
================================================================
MSG
wait
