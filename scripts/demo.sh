#!/usr/bin/env bash
# Set up dateline and run the main job: the Wikinews corpus from ../shared/corpora when it is there,
# else the bundled sample articles, into dateline.duckdb; ends with a summary and how to explore it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
shared=${DATELINE_SHARED:-../shared}
corpus="$shared/corpora/wikinews.jsonl"
if [ ! -f "$corpus" ]; then
  corpus=$(.venv/bin/python -m dateline.cli.sample)
  echo "(no $shared/corpora/wikinews.jsonl here: running the bundled sample articles)"
fi
status=0
.venv/bin/dateline run "$corpus" --db "${DATELINE_DB:-dateline.duckdb}" || status=$?
# Exit code 1 means some documents failed and were listed above; the rest is stored.
[ "$status" -le 1 ] || exit "$status"
.venv/bin/dateline stats --db "${DATELINE_DB:-dateline.duckdb}"
