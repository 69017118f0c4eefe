//! The member list's spreadsheets for the app: the template, the export, and the import's
//! preview and apply, over `.xlsx` and `.csv`; and the list's panel, as HTML. An ES module of its
//! own, fetched when the app is idle after its first screen, or at once for a dossier with a
//! list (and cached by the service worker for offline use), so the first load carries no
//! spreadsheet reader or writer, and none of the member list's panel but its heading
//! (`web/modules.rs`).
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

    /// The member list's panel (its body, under the app's heading) and who a shortfall is about,
    /// as HTML: the dossier with its list, whether it is finalised, the keys of the counts short
    /// by people (comma-separated), the import on screen (`state`, `name`, `said`, `html`; an
    /// empty `state` for none) and the language.
    #[wasm_bindgen]
    #[allow(clippy::too_many_arguments)]
    pub fn roster_html(
        dossier: &str,
        locked: bool,
        missing: &str,
        state: &str,
        name: &str,
        said: &str,
        html: &str,
        lang: &str,
    ) -> Vec<String> {
        let shown = (!state.is_empty()).then_some(roster_app::panel::Shown { state, name, said, html });
        let (panel, missing) = roster_app::panel::html(dossier, locked, missing, shown, lang);
        vec![panel, missing]
    }
}

fn main() {}
