#!/usr/bin/env bash
# Installs what dvht needs on a fresh Debian machine, skipping anything already present at the
# right version, so a second run takes seconds. Called by `make` targets; never run by hand.
#
#   scripts/setup.sh build    wasm target, trunk, wasm-bindgen-cli, npm packages (wasm-opt)
#   scripts/setup.sh browser  + Debian's Chromium and ChromeDriver, poppler-utils
#   scripts/setup.sh docs     + LibreOffice Writer and Calc and fonts, for the document tests
#   scripts/setup.sh fuzz     + cargo-fuzz
#   scripts/setup.sh bench    + Lighthouse (npm, into .tools/lighthouse), for make bench only
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
CARGO_FUZZ_VERSION=0.13.1
LIGHTHOUSE_VERSION=12.8.2

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

have_version() { # command, expected substring of its --version output
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() { # installs the Debian packages that are missing
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

setup_build() {
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! have_version trunk "trunk $TRUNK_VERSION"; then
    say "cargo install trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
    cargo install --locked --force trunk --version "$TRUNK_VERSION"
  fi
  if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    # Without --locked: with it, a locked dependency is missing from the registry.
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.package-lock.stamp 2>/dev/null; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.package-lock.stamp
  fi
  # Trunk builds offline, so every crate must already be in the cargo cache.
  cargo fetch --locked -q
}

setup_browser() {
  apt_install chromium chromium-driver poppler-utils
}

# What the document tests need: LibreOffice converts the Word file to PDF and reads the Excel
# workbooks back (Calc), poppler reads PDFs, and the Liberation fonts stand in for Times New
# Roman as on an office PC without it.
setup_docs() {
  apt_install libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils
}

setup_fuzz() {
  if ! have_version cargo-fuzz "$CARGO_FUZZ_VERSION"; then
    say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
}

# Lighthouse is large (about 190 MB) and only the benchmarks use it: kept out of package.json.
setup_bench() {
  if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" .tools/lighthouse/node_modules/lighthouse/package.json; then
    say "npm install lighthouse@$LIGHTHOUSE_VERSION into .tools/lighthouse"
    mkdir -p .tools/lighthouse
    (cd .tools/lighthouse && [ -f package.json ] || echo '{"name":"dvht-bench-tools","private":true}' > package.json)
    npm install --prefix .tools/lighthouse --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION"
  fi
}

for what in "$@"; do
  case "$what" in
    build) setup_build ;;
    browser) setup_browser ;;
    docs) setup_docs ;;
    fuzz) setup_fuzz ;;
    bench) setup_bench ;;
    *) echo "unknown set-up step: $what" >&2; exit 2 ;;
  esac
done
