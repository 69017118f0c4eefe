# dvht — the two commands of the README are `make run` and `make test`.
# Every target installs what it needs first (scripts/setup.sh skips what is already there).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080
FUZZ_SECONDS ?= 60

.PHONY: run dev dist test test-lint test-native test-wasm test-e2e test-fuzz setup fuzz bench size clean

## Set up a fresh machine, build the site and serve it at http://127.0.0.1:$(PORT)
run: dist
	node scripts/serve.mjs --port $(PORT)

## Rebuild on every change while developing (Trunk's own server, debug build)
dev: setup
	trunk serve --port $(PORT)

## Build the static site into dist/
dist: setup
	trunk build --release

setup:
	scripts/setup.sh build browser

## Every test: lints, the engine natively, the app as wasm in Chromium, the site end to end in
## Chromium, and a short fuzzing run of the file reader
test: setup test-lint test-native test-wasm test-e2e test-fuzz

test-lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

test-native:
	cargo test --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e: dist
	scripts/setup.sh docs
	node --test --test-concurrency=1 tests/e2e/

test-fuzz:
	scripts/setup.sh fuzz
	scripts/fuzz.sh 10

## A bounded fuzzing run of each target, the reader and the documents (FUZZ_SECONDS each, default 60)
fuzz:
	scripts/setup.sh fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)

## Benchmarks: evaluation time natively; a 2,000-row member list imported; 5,000 dossiers
## through intake and the register and `dvht summary` on 10,000 files; download sizes, time to
## the first usable input and re-render time in Chromium; open, keystroke and reload times of
## large dossiers (100, 1,000 and 10,000 evidence items); a 2,000-row member list imported in
## Chromium (.xlsx and .csv, the spreadsheet module cold and warm); 5,000 dossiers opened in the
## receiving side's screen (time to the full register, longest main-thread block, its size)
bench: dist
	cargo bench --locked --bench evaluate
	cargo bench --locked --bench roster
	cargo bench --locked --bench appraisal
	scripts/bench-summary.sh 10000
	node scripts/size.mjs
	node scripts/perf.mjs
	node scripts/bench-large.mjs
	node scripts/bench-appraisal.mjs 5000 3
	node scripts/bench-roster.mjs
	scripts/setup.sh bench
	node scripts/lighthouse.mjs dist
	# Two builds side by side: make bench BEFORE=path/to/an/older/dist
	if [ -n "$(BEFORE)" ]; then node scripts/perf-compare.mjs "$(BEFORE)" dist 7; fi

size: dist
	node scripts/size.mjs

clean:
	cargo clean
	rm -rf dist tests/e2e/out fuzz/target
