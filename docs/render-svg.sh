#!/usr/bin/env bash
# Renders the processor's SVG charts to PNG with headless Chromium (Debian's `chromium` package), to look at them as a
# user's browser or IDE shows them. Usage: docs/render-svg.sh FILE.svg... ; writes FILE.png beside each.
set -euo pipefail
for svg in "$@"; do
  png="${svg%.svg}.png"
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=660,380 \
    --screenshot="$png" "file://$(realpath "$svg")" 2>/dev/null
  rm -rf "$profile"
  echo "$png"
done
