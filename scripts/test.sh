#!/usr/bin/env bash
# The README's test command: a virtual environment, the test extras, the whole suite, the
# linters. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q -e '.[test]'
python -m pytest -q
ruff check attache tests scripts benchmarks
mypy attache
