#!/usr/bin/env bash
# A bounded fuzzing run of each target: scripts/fuzz.sh SECONDS_PER_TARGET [TARGET…]
#   read_dossier  any bytes: read, check, evaluate, and the file round trip;
#   documents     any dossier: its documents as HTML and Word, every XML part well-formed.
# cargo-fuzz needs nightly flags (-Zsanitizer); RUSTC_BOOTSTRAP lets the machine's stable
# toolchain accept them, since no other toolchain can be installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_dossier documents)
export RUSTC_BOOTSTRAP=1
# The fuzz crate is a workspace of its own, built into fuzz/target.
unset CARGO_TARGET_DIR
status=0
summary=()
for target in "${targets[@]}"; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  cp tests/fixtures/*.json "$corpus"/
  log=$(mktemp)
  before=$({ ls fuzz/artifacts/"$target" 2>/dev/null || true; } | wc -l)
  set +e
  cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=8192 -dict=fuzz/dossier.dict 2>&1 | tee "$log" | grep -E '^(#[0-9]+ +(DONE|pulse))|ERROR|panicked'
  code=${PIPESTATUS[0]}
  set -e
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1)
  after=$({ ls fuzz/artifacts/"$target" 2>/dev/null || true; } | wc -l)
  summary+=("fuzz $target: ${runs:-no summary} in ${seconds}s, exit $code, new crash artifacts $((after - before))")
  rm -f "$log"
  [ "$code" -eq 0 ] || status=$code
done
printf '%s\n' "${summary[@]}"
exit "$status"
