#!/usr/bin/env bash
# `dvht summary` on many dossier files (appraisal.md §4): writes N dossiers (default 10,000)
# made from tests/fixtures/complete-thpt.json — every provincial kind the fixture's answers
# fit, levels 0, 1 and 2, 2% of another year, one folder per hundred — into a temporary folder,
# then times the release binary over the folder. Usage: scripts/bench-summary.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR/in" "$DIR/out"
python3 - "$DIR/in" "$N" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
base = json.load(open("tests/fixtures/complete-thpt.json"))
kinds = ["thpt", "gdtx_tinh"]
for i in range(n):
    d = json.loads(json.dumps(base))
    d["unit"]["name"] = f"Trường số {i}"
    d["unit"]["kind"] = kinds[i % len(kinds)]
    d["counts"]["members_discipline"] = [120, 111, 90][i % 3]
    if i % 50 == 7:
        d["year"] = 2024
    sub = os.path.join(out, f"{i // 100:03d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"ho-so-{i:05d}.json"), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")
PY
cargo build --release --locked --bin dvht 2>&1 | tail -1
BIN="${CARGO_TARGET_DIR:-target}/release/dvht"
echo "dvht summary --year 2025 on $N files:"
/usr/bin/time -f "  %e s wall, %M KB max resident" "$BIN" summary --year 2025 --csv "$DIR/out/units.csv" "$DIR/in" > "$DIR/out/summary.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('  files', r['files'], 'valid', r['valid'], 'skipped', len(r['skipped']), 'invalid', len(r['invalid']), 'by_level', r['by_level'])" "$DIR/out/summary.json"
