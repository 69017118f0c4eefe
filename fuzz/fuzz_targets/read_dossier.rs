//! Any bytes: reading, checking and evaluating never panic, and whatever reads writes back to
//! bytes that read to the same dossier and write to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = dvht::read(bytes) else { return };
    let first = dvht::write(&file);
    let again = dvht::read(first.as_bytes()).expect("our own output reads");
    assert_eq!(dvht::write(&again), first, "export → import → export changed the bytes");
    if let Ok(dossier) = dvht::check(&file) {
        let today = dvht::Date::parse("2025-12-01").unwrap();
        let result = dvht::evaluate(&dossier, today);
        assert!(result.level <= result.level_ignoring_evidence);
    }
});
