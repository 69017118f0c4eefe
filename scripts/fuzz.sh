#!/usr/bin/env bash
# A bounded fuzzing run of the dossier reader: scripts/fuzz.sh SECONDS
# cargo-fuzz needs nightly flags (-Zsanitizer); RUSTC_BOOTSTRAP lets the machine's stable
# toolchain accept them, since no other toolchain can be installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
corpus=fuzz/corpus/read_dossier
mkdir -p "$corpus"
cp tests/fixtures/*.json "$corpus"/
export RUSTC_BOOTSTRAP=1
log=$(mktemp)
cargo fuzz run read_dossier "$corpus" -- -max_total_time="$seconds" -max_len=8192 -dict=fuzz/dossier.dict 2>&1 | tee "$log" | grep -E '^(#[0-9]+ +(DONE|pulse))|ERROR|panicked' || true
status=${PIPESTATUS[0]}
runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1)
echo "fuzz: ${runs:-no summary} in ${seconds}s, exit $status"
exit "$status"
