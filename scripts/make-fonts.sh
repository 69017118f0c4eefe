#!/usr/bin/env bash
# Makes static/fonts/*.woff2: Liberation Serif (metric-compatible with Times New Roman, SIL Open
# Font License 1.1) cut down to the characters Vietnamese documents use. Run by a developer when
# the fonts change; the output is committed, so neither the build nor the app downloads a font.
# Needs Debian's fonts-liberation2 and fontTools with brotli (pip install fonttools brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/liberation2
# Latin, Latin-1, Latin Extended-A, Ơ ơ Ư ư, combining tone marks, Vietnamese precomposed
# letters, punctuation and quotes, ≤ ≥, the đồng sign.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01B0,U+0300-0323,U+1EA0-1EF9,U+2010-2027,U+2030-203A,U+20AB,U+2264-2265"
for style in Regular Bold Italic BoldItalic; do
  pyftsubset "$src/LiberationSerif-$style.ttf" --unicodes="$unicodes" --flavor=woff2 \
    --layout-features='*' --output-file="static/fonts/LiberationSerif-$style.woff2"
done
cp /usr/share/doc/fonts-liberation2/copyright static/fonts/LICENSE-Liberation.txt 2>/dev/null || true
ls -la static/fonts
