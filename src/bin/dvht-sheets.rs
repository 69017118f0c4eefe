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

    // Named `export_list` and `import_list`: `export` and `import` are JavaScript's words.

    /// The template (`xlsx`, `csv`, `groups-csv`), from the dossier's rule set.
    #[wasm_bindgen]
    pub fn template(dossier: &str, format: &str) -> Vec<u8> {
        roster_app::template(dossier, format)
    }

    /// The dossier's list (`xlsx`, `csv`, `groups-csv`).
    #[wasm_bindgen]
    pub fn export_list(dossier: &str, format: &str) -> Vec<u8> {
        roster_app::export(dossier, format)
    }

    /// One step of an import (`mode`: `preview`, `replace`, `merge`): where it stands
    /// (`applied`, `pending`, `refused`), the preview as HTML, the new dossier's JSON text once
    /// applied, and what changed or why nothing did, in words.
    #[wasm_bindgen]
    pub fn import_list(dossier: &str, bytes: &[u8], mode: &str, lang: &str) -> Vec<String> {
        let done = roster_app::run(dossier, bytes, mode, lang);
        vec![done.state.to_string(), done.html, done.dossier, done.said]
    }
}

fn main() {}
