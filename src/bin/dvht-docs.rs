//! The documents module: the preview, the print jobs, the brief and the report to publish, as
//! HTML, for the app. An ES module of its own, fetched after the form is usable (and cached for
//! offline use), so the first load carries none of the documents' code (`web/modules.rs`).
//!
//! Each function takes the dossier as its file's JSON text and today's date (YYYY-MM-DD); the
//! work is `dvht::documents::page`'s, tested natively.

#[cfg(target_arch = "wasm32")]
mod js {
    use dvht::documents::page;
    use dvht::{assess, Assessment, Date, DossierFile, Env, Lang};
    use wasm_bindgen::prelude::*;

    fn open(dossier: &str, today: &str) -> Option<(DossierFile, Assessment)> {
        let file = dvht::read(dossier.as_bytes()).ok()?;
        let a = assess(&file, &Env::new(Date::parse(today)?));
        Some((file, a))
    }

    fn lang(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// Every document in one fragment, or why there are none; the member list's annex after
    /// them if `annex` (and the dossier carries its list).
    #[wasm_bindgen]
    pub fn preview(dossier: &str, today: &str, lang_code: &str, annex: bool) -> String {
        open(dossier, today).map(|(f, a)| page::preview(&f, &a, lang(lang_code), annex)).unwrap_or_default()
    }

    /// Each document as a print job of its own, the annex last if `annex`.
    #[wasm_bindgen]
    pub fn jobs(dossier: &str, today: &str, lang_code: &str, annex: bool) -> Vec<String> {
        open(dossier, today).map(|(f, a)| page::jobs(&f, &a, lang(lang_code), annex)).unwrap_or_default()
    }

    /// One filed document (`request`, `report`, `summary`), or "".
    #[wasm_bindgen]
    pub fn one(dossier: &str, today: &str, which: &str) -> String {
        open(dossier, today).and_then(|(f, a)| page::one(&f, &a, which)).unwrap_or_default()
    }

    /// The one-page brief for the head of the unit, or "".
    #[wasm_bindgen]
    pub fn brief(dossier: &str, today: &str) -> String {
        open(dossier, today).and_then(|(f, a)| page::brief(&f, &a)).unwrap_or_default()
    }

    /// The report to publish, carrying the dossier only if `embed`; "" without documents.
    #[wasm_bindgen]
    pub fn report(dossier: &str, today: &str, embed: bool) -> String {
        open(dossier, today).and_then(|(f, a)| page::report(&f, &a, embed)).unwrap_or_default()
    }
}

fn main() {}
