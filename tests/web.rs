//! The engine and the app in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &[u8] = include_bytes!("fixtures/spec-example.json");
const COMPLETE: &[u8] = include_bytes!("fixtures/complete-thpt.json");

#[wasm_bindgen_test]
fn the_engine_gives_the_same_result_in_the_browser() {
    let today = dvht::Date::parse("2025-11-21").unwrap();
    let r = dvht::evaluate_bytes(EXAMPLE, today).unwrap();
    assert_eq!((r.level, r.level_ignoring_evidence), (0, 1));
    assert_eq!(r.deadlines.days_left, 55);
    let r = dvht::evaluate_bytes(COMPLETE, today).unwrap();
    assert_eq!(r.level, 2);
    let first = dvht::write(&dvht::read(EXAMPLE).unwrap());
    assert_eq!(dvht::write(&dvht::read(first.as_bytes()).unwrap()), first);
}

#[wasm_bindgen_test]
fn today_comes_from_the_device_clock() {
    let today = dvht::web::today();
    assert!(today.year() >= 2024, "{today}");
}
