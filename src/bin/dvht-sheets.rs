//! The member list's spreadsheets for the app: the template, the export, and the import's
//! preview and apply, over `.xlsx` and `.csv`; and the list's panel, as HTML. An ES module of its
//! own, fetched when the app is idle after its first screen, or at once for a dossier with a
//! list (and cached by the service worker for offline use), so the first load carries no
//! spreadsheet reader or writer, and none of the member list's panel but its heading
//! (`web/modules.rs`).
//!
//! Each function takes the dossier as its file's JSON text with its list; the work is
//! `dvht::roster_app`'s, tested natively. The module reads the file picked or dropped and makes
//! the downloads itself, so the app's first module only passes them on and applies the answer.

#[cfg(target_arch = "wasm32")]
mod js {
    use dvht::roster_app;
    use wasm_bindgen::prelude::*;

    /// Downloads a spreadsheet itself: `act` is the app's button's command (`roster-template`,
    /// `roster-export`), `format` its argument (`xlsx`, `csv`, `groups-csv`), `stem` the
    /// dossier's file stem; the template from the dossier's rule set, the export from its list.
    #[wasm_bindgen]
    pub fn download(dossier: &str, act: &str, format: &str, stem: &str) {
        let (name, mime) = roster_app::file_name(act, format, stem);
        dvht::web::browser::download_bytes(&name, mime, &roster_app::spreadsheet(dossier, act, format));
    }

    thread_local! {
        /// The file last previewed and its bytes as read then.
        static PREVIEWED: std::cell::RefCell<Option<(wasm_bindgen::JsValue, Vec<u8>)>> = const { std::cell::RefCell::new(None) };
    }

    /// One step of an import of the file the user picked or dropped (`mode`: `preview`,
    /// `replace`, `merge`): the file read here, then `roster_app::run`; the answer is
    /// `roster_app::answer`'s text (a file too large or unreadable is `roster_app::problem`).
    #[wasm_bindgen]
    pub async fn import_file(file: web_sys::File, dossier: String, mode: String, lang: String) -> String {
        let name = file.name();
        let words = roster_app::lang(&lang);
        if file.size() > dvht::file::limits::MAX_FILE_BYTES as f64 {
            return roster_app::problem(&name, &roster_app::too_big(&name, words), "");
        }
        // "Thay" or "Gộp" applies the bytes the preview showed, not the file as it is now on
        // disk (edited in Excel since, it would be something the user never saw, or unreadable).
        let kept = PREVIEWED.with(|p| {
            p.borrow()
                .as_ref()
                .filter(|(f, _)| mode != "preview" && js_sys::Object::is(f, &file))
                .map(|(_, b)| b.clone())
        });
        let bytes = match kept {
            Some(bytes) => bytes,
            None => match dvht::web::browser::file_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => return roster_app::problem(&name, &roster_app::cannot_open(&name, words), &e),
            },
        };
        let answer = roster_app::answer(&roster_app::run(&dossier, &bytes, &mode, &lang), &name, words);
        PREVIEWED.with(|p| *p.borrow_mut() = (mode == "preview").then(|| (file.into(), bytes)));
        answer
    }

    /// The member list's panel (its body, under the app's heading) and who a shortfall is about,
    /// as HTML, joined by NUL: the dossier with its list, whether it is finalised, the keys of
    /// the counts short by people (comma-separated), the import on screen as the app was given
    /// it (`roster_app::answer`'s last fields; empty for none) and the language.
    #[wasm_bindgen]
    pub fn roster_html(dossier: &str, locked: bool, missing: &str, shown: &str, lang: &str) -> String {
        let shown = roster_app::panel::Shown::parse(shown);
        let (panel, missing) = roster_app::panel::html(dossier, locked, missing, shown, lang);
        format!("{panel}\0{missing}")
    }
}

fn main() {}
