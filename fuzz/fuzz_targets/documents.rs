//! Any bytes that read as a dossier: its documents build, as HTML and as Word, without a panic;
//! every XML part of the Word file holds only characters XML 1.0 allows, and the published
//! report carries the dossier back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Characters no XML 1.0 document may hold.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The entries of a stored ZIP archive (what `documents::zip` writes).
fn entries(zip: &[u8]) -> Vec<(String, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0;
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]) as usize;
    while zip.len() >= at + 30 && u32_at(at) == 0x0403_4b50 {
        let size = u32_at(at + 18);
        let (name_len, extra_len) = (u16_at(at + 26), u16_at(at + 28));
        let name = String::from_utf8_lossy(&zip[at + 30..at + 30 + name_len]).into_owned();
        let start = at + 30 + name_len + extra_len;
        out.push((name, &zip[start..start + size]));
        at = start + size;
    }
    out
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = dvht::read(bytes) else { return };
    let today = dvht::Date::parse("2025-12-01").unwrap();
    let a = dvht::assess(&file, &dvht::Env::new(today));
    let Some(docs) = dvht::documents::build(&file, &a) else { return };
    let title = dvht::documents::title(&file, &a);
    let fragment = dvht::documents::html::fragment(&docs);
    assert!(!fragment.chars().any(forbidden), "the printed HTML holds a forbidden character");
    let shown = dvht::documents::html::standalone(&docs, None, &title);
    assert!(!shown.chars().any(forbidden), "the published report holds a forbidden character");
    assert!(dvht::documents::html::carried_dossier(&shown).is_none(), "only what it shows, unless asked");
    let page = dvht::documents::html::standalone(&docs, Some(&file), &title);
    assert!(!page.chars().any(forbidden), "the published report with its data holds a forbidden character");
    let carried = dvht::documents::html::carried_dossier(&page).expect("the report carries its dossier");
    let back = dvht::read(carried.as_bytes()).expect("the carried dossier reads");
    assert_eq!(dvht::write(&back), dvht::write(&file), "the report carries the dossier exactly");
    let docx = dvht::documents::docx::write(&docs, &title);
    let parts = entries(&docx);
    assert!(parts.iter().any(|(n, _)| n == "word/document.xml"), "the package has its body");
    for (name, xml) in parts {
        let xml = std::str::from_utf8(xml).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
        assert!(!xml.chars().any(forbidden), "{name} holds a character XML forbids");
        assert!(xml.starts_with("<?xml"), "{name} starts as XML");
    }
});
