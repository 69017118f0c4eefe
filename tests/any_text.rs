//! Issue 10: whatever text a unit typed or a file held, the Word file is well-formed XML and the
//! published report is clean HTML. XML 1.0 allows tab, newline, carriage return and
//! U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; nothing else may reach a part.

mod common;
use common::*;

/// Texts with every kind of character XML forbids, between words that must survive.
const HOSTILE: &str = "Tên\u{FFFE}đơn\u{FFFF}vị\u{1}A\u{8}B\u{1b}C\u{0}D\tE\nF\r\nG\u{FFFD}H\u{7f}I😀";

fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The (name, content) of each entry of a stored ZIP archive.
fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let u16_at = |b: &[u8], i: usize| usize::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
    while zip.len() >= at + 30 && u32_at(zip, at) == 0x0403_4b50 {
        let size = u32_at(zip, at + 18);
        let (name_len, extra_len) = (u16_at(zip, at + 26), u16_at(zip, at + 28));
        let name = String::from_utf8(zip[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + extra_len;
        out.push((name, zip[start..start + size].to_vec()));
        at = start + size;
    }
    out
}

fn hostile_dossier() -> dvht::DossierFile {
    let mut f = full("thpt");
    f.unit.name = Some(HOSTILE.into());
    f.unit.head = Some(HOSTILE.into());
    f.unit.province = Some(HOSTILE.into());
    f.set_note("1.1", Some(HOSTILE.into()));
    f.evidence_for_mut("1.2")[0].title = Some(HOSTILE.into());
    for (path, text) in [
        ("report.request_no", HOSTILE),
        ("report.place", HOSTILE),
        ("report.signer_title", HOSTILE),
        ("report.method", HOSTILE),
        ("report.conclusion", HOSTILE),
        ("report.recipients", HOSTILE),
        ("report.criteria.1.strengths", HOSTILE),
    ] {
        dvht::file::edit::set_field(&mut f, path, text).unwrap();
    }
    dvht::file::edit::add_team_member(&mut f);
    dvht::file::edit::set_field(&mut f, "report.team[0].name", HOSTILE).unwrap();
    f
}

#[test]
fn the_word_file_holds_no_character_xml_forbids() {
    let f = hostile_dossier();
    // Through a file and back, as the app and the worker see it.
    let f = dvht::read(dvht::write(&f).as_bytes()).unwrap();
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    let docs = dvht::documents::build(&f, &a).expect("a valid dossier");
    let title = dvht::documents::title(&f, &a);
    let parts = entries(&dvht::documents::docx::write(&docs, &title));
    assert!(parts.len() >= 9, "{:?}", parts.iter().map(|p| &p.0).collect::<Vec<_>>());
    for (name, bytes) in parts.iter().filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels")) {
        let xml = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
        let bad: Vec<String> = xml.chars().filter(|c| forbidden(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
        assert!(bad.is_empty(), "{name} holds {bad:?}");
    }
    let body = std::str::from_utf8(&parts.iter().find(|p| p.0 == "word/document.xml").unwrap().1).unwrap().to_string();
    // The words around them survive, and so do tab, newline and what is allowed.
    for kept in ["Tênđơnvị", "AB", "CD", "G\u{FFFD}H\u{7f}I😀"] {
        assert!(body.contains(kept), "{kept}");
    }
    let core = std::str::from_utf8(&parts.iter().find(|p| p.0 == "docProps/core.xml").unwrap().1).unwrap().to_string();
    assert!(core.contains("Tênđơnvị"), "the title too");
}

#[test]
fn the_published_report_holds_none_either() {
    let f = hostile_dossier();
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    let docs = dvht::documents::build(&f, &a).unwrap();
    let title = dvht::documents::title(&f, &a);
    let shown = dvht::documents::html::standalone(&docs, None, &title);
    assert!(!shown.chars().any(forbidden), "the report without its data holds none either");
    let page = dvht::documents::html::standalone(&docs, Some(&f), &title);
    let bad: Vec<String> = page.chars().filter(|c| forbidden(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
    assert!(bad.is_empty(), "the report holds {bad:?}");
    // The dossier it carries still holds them, escaped, so nothing typed is lost.
    let carried = dvht::documents::html::carried_dossier(&page).unwrap();
    let back = dvht::read(carried.as_bytes()).unwrap();
    assert_eq!(back.unit.name.as_deref(), Some(HOSTILE));
    assert_eq!(dvht::write(&back), dvht::write(&f));
}

/// Base64 (RFC 4648), as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_published_report_has_a_policy_of_its_own_no_script_only_its_style() {
    let f = full("thpt");
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    let docs = dvht::documents::build(&f, &a).unwrap();
    // With the dossier carried (data, never run) or without it, and the receiving side's papers.
    let title = dvht::documents::title(&f, &a);
    let pages = [
        dvht::documents::html::standalone(&docs, None, &title),
        dvht::documents::html::standalone(&docs, Some(&f), &title),
        dvht::documents::html::standalone_papers(&docs, &title),
    ];
    for page in &pages {
        policy_of_its_own(page);
    }
    assert_eq!(base64(b"dvht"), "ZHZodA==");
}

fn policy_of_its_own(page: &str) {
    let meta_at = page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"").expect("a CSP of its own");
    let style_at = page.find("<style>").unwrap();
    assert!(meta_at < style_at, "the policy comes before what it governs");
    let policy = &page[meta_at..][..page[meta_at..].find("\">").unwrap()];
    let style = &page[style_at + "<style>".len()..page.find("</style>").unwrap()];
    let hash = base64(&dvht::sha256::sha256(style.as_bytes()));
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(policy.contains(&format!("style-src 'sha256-{hash}'")), "{policy}");
    assert!(!policy.contains("unsafe") && !policy.contains("script-src"), "no script at all: {policy}");
}
