#!/usr/bin/env bash
# Screenshots of the dashboard and every deliverable, both locales, desktop and phone widths.
#   scripts/screenshots.sh [OUT]     (default shots/; needs chromium: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-shots}
mkdir -p "$out"
for locale in en fr; do
  site=$(mktemp -d)/site
  swift run -q fidelis-report build --quiet --locale "$locale" --out "$site"
  latest=$(ls -d "$site"/20* | sort | tail -1)
  pages="$site/index.html $latest/diagnostic.html $latest/segmentation.html $latest/strategy.html $latest/loyalty-program.html $latest/playbooks.html"
  for page in $pages; do
    name=$(basename "$page" .html)
    for size in 1280,2400 390,2400; do
      chromium --headless --no-sandbox --hide-scrollbars --screenshot="$out/$locale-$name-${size%%,*}.png" \
        --window-size="$size" "file://$page" 2>/dev/null
    done
  done
done
ls "$out"
