#!/usr/bin/env bash
# Installs what fundbook needs on a Debian machine: Chromium and fonts for printing, poppler-utils for
# the tests' text extraction, qpdf for the tests' PDF structure checks, then the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium fonts-dejavu-core fonts-liberation poppler-utils qpdf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "fundbook: please install these Debian packages (as root): ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# npm ci also runs `prepare`, which compiles src/ to dist/.
npm ci --no-audit --no-fund
