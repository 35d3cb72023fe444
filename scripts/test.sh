#!/usr/bin/env bash
# Set up dateline with its test tools and run the tests (pass pytest options through, e.g. -m "not slow").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# The browser test drives Debian's Chromium; install it when we can (root with apt), else that test skips.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium: browser test will skip"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
.venv/bin/ruff check src tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
