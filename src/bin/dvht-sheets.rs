//! The member list's spreadsheets for the app: the template, the export, and the import's
//! preview and apply, over `.xlsx` and `.csv`. An ES module of its own, fetched the first time
//! the user opens the list's import, template or export (and cached by the service worker for
//! offline use), so the first load carries no spreadsheet reader or writer (`web/modules.rs`).
//!
//! Each function takes the dossier as its file's JSON text with its list; the work is
//! `dvht::roster_app`'s, tested natively.

#[cfg(target_arch = "wasm32")]
mod js {
    use dvht::roster_app;
    use wasm_bindgen::prelude::*;

    /// The template (`xlsx`, `csv`, `groups-csv`), from the dossier's rule set.
    #[wasm_bindgen]
    pub fn template(dossier: &str, format: &str) -> Vec<u8> {
        roster_app::template(dossier, format)
    }

    /// The dossier's list (`xlsx`, `csv`, `groups-csv`).
    #[wasm_bindgen]
    pub fn export(dossier: &str, format: &str) -> Vec<u8> {
        roster_app::export(dossier, format)
    }

    /// What a file would import, as JSON text; changes nothing.
    #[wasm_bindgen]
    pub fn preview(dossier: &str, bytes: &[u8], lang: &str) -> String {
        roster_app::preview(dossier, bytes, lang)
    }

    /// The dossier with the file applied (`replace` or `merge`) and what changed, in words; or
    /// an empty dossier and why nothing changed.
    #[wasm_bindgen]
    pub fn apply(dossier: &str, bytes: &[u8], mode: &str, lang: &str) -> Vec<String> {
        let (dossier, said) = roster_app::apply(dossier, bytes, mode, lang);
        vec![dossier, said]
    }
}

fn main() {}
