#!/usr/bin/env bash
# Sets gkreview up on a fresh Debian machine, then reviews the example document it ships.
#   bash scripts/install.sh            # install and review examples/
#   GKREVIEW_NO_EXAMPLE=1 bash scripts/install.sh   # install only (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the project needs (one per line in scripts/debian-packages.txt).
mapfile -t debs < <(grep -v '^\s*#' scripts/debian-packages.txt | grep -v '^\s*$' || true)
if ((${#debs[@]})); then
  missing=()
  for p in "${debs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; assert sys.version_info >= (3, 11), "gkreview needs Python 3.11+"'
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

if [ -z "${GKREVIEW_NO_EXAMPLE:-}" ]; then
  echo "== gkreview check examples/关于征收土地的公告.docx"
  .venv/bin/gkreview check "examples/关于征收土地的公告.docx"
fi
