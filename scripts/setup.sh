#!/usr/bin/env bash
# Sets up a Debian machine for briefing: the system libraries node-canvas builds against, poppler-utils
# and qpdf (the tests read PDFs with them; pdftoppm renders scanned PDFs for OCR), chromium (the review page is tested
# in a real browser), libreoffice-writer-nogui (.doc, .wps, .rtf and .odt reports are read through it; about a minute
# to install), Tesseract with Simplified and Traditional Chinese (scans and photos are read by OCR), then the
# npm packages (npm ci also compiles src/ to dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
          libpixman-1-dev poppler-utils qpdf chromium libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim
          tesseract-ocr-chi-tra)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
