#!/usr/bin/env bash
# Runs the project's checks: ruff, then the whole test suite. Installs first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! .venv/bin/python -c 'import gkreview.review.cli, rapidocr, onnxruntime' 2>/dev/null \
  || ! command -v antiword >/dev/null; then
  GKREVIEW_NO_EXAMPLE=1 bash scripts/install.sh
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
