//! The member list's glue in the app: the spreadsheet module (`src/bin/dvht-sheets.rs`) is
//! fetched the first time the list's import, template or export is used, and given plain data —
//! the dossier as its JSON text with the list, a file's bytes — so that this module links no
//! spreadsheet or import code. What it answers is plain data too: bytes to download, a preview
//! as JSON (already in words), and the dossier after an import, read back with `crate::read`.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::UseReducerHandle;

use super::modules::{self, SHEETS};
use super::state::{Action, Notice, State};
use super::{browser, text};

/// A file being imported: its name and bytes, and what the module made of it.
#[derive(Clone, PartialEq)]
pub struct Seen {
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
    /// `applied`, `pending` (the user chooses to replace or merge) or `refused`.
    pub state: String,
    /// How each column was understood and every problem, laid out by the module (escaped).
    pub html: String,
    /// What importing it did, or why it could not.
    pub said: String,
}

/// Fetches the module (at once if it is there); says so if it cannot be fetched.
async fn ready(state: &UseReducerHandle<State>) -> bool {
    if modules::is_ready(SHEETS) || modules::load(SHEETS).await {
        return true;
    }
    let t = text::texts(state.lang);
    state.dispatch(Action::Notice(Some(Notice::Problem { title: t.sheets_not_loaded.into(), lines: Vec::new() })));
    false
}

/// One step of an import, by the module (roster_app::run): previewed, or applied — the new
/// list in the draft, with undo.
fn run(name: String, bytes: Rc<Vec<u8>>, mode: &str, state: &UseReducerHandle<State>, dossier: &str) {
    let t = text::texts(state.lang);
    let args = [
        JsValue::from_str(dossier),
        js_sys::Uint8Array::from(bytes.as_slice()).into(),
        JsValue::from_str(mode),
        JsValue::from_str(t.lang_code),
    ];
    let mut answer = modules::call_list(SHEETS, "import_list", &args).unwrap_or_default().into_iter();
    let mut next = || answer.next().unwrap_or_default();
    let mut seen = Seen { name, bytes, state: next(), html: next(), said: String::new() };
    let json = next();
    seen.said = next();
    if seen.state == "applied" {
        match crate::read(json.as_bytes()) {
            Ok(file) => {
                let what = t.roster_imported.replace("{name}", &seen.name).replace("{what}", &seen.said);
                let list = Box::new(file.roster.unwrap_or_default());
                state.dispatch(Action::RosterApplied(list, what, Some(Rc::new(seen))));
                return;
            }
            Err(e) => {
                seen.state = "refused".into();
                seen.said = e.iter().map(|d| d.text(state.lang)).collect::<Vec<_>>().join(" ");
            }
        }
    }
    state.dispatch(Action::RosterPreview(Some(Rc::new(seen))));
}

/// The member list's file input: previews the file, and when the draft has no list yet
/// applies it at once (issue 14 item 5); else the user chooses to replace or merge.
pub fn import(file: web_sys::File, state: UseReducerHandle<State>, dossier: String) {
    let t = text::texts(state.lang);
    let name = file.name();
    if file.size() > crate::file::limits::MAX_FILE_BYTES as f64 {
        let title = t.roster_too_big.replace("{name}", &name);
        state.dispatch(Action::Notice(Some(Notice::Problem { title, lines: Vec::new() })));
        return;
    }
    state.dispatch(Action::Notice(Some(Notice::Info(t.roster_reading.replace("{name}", &name)))));
    wasm_bindgen_futures::spawn_local(async move {
        match browser::file_bytes(&file).await {
            Ok(bytes) if ready(&state).await => run(name, Rc::new(bytes), "preview", &state, &dossier),
            Ok(_) => {}
            Err(e) => {
                let title = t.cannot_open.replace("{name}", &name);
                state.dispatch(Action::Notice(Some(Notice::Problem { title, lines: vec![e] })));
            }
        }
    });
}

/// "Thay" or "Gộp" on a preview: the module is there already (it made the preview).
pub fn choose(mode: &str, state: &UseReducerHandle<State>, dossier: &str) {
    if let Some(seen) = state.roster_import.clone() {
        run(seen.name.clone(), seen.bytes.clone(), mode, state, dossier);
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv";

/// The template (`what` = `template`) or the list (`export`) as `format` (`xlsx`, `csv`,
/// `groups-csv`), downloaded once the module is there.
pub fn download(what: &str, format: &str, state: &UseReducerHandle<State>, dossier: String, stem: String) {
    let name = match (what, format) {
        ("template", "xlsx") => "dvht-mau-danh-sach-thanh-vien.xlsx".to_string(),
        ("template", "groups-csv") => "dvht-mau-nguoi-hoc-theo-lop.csv".to_string(),
        ("template", _) => "dvht-mau-danh-sach-thanh-vien.csv".to_string(),
        (_, "xlsx") => format!("{stem}-danh-sach-thanh-vien.xlsx"),
        (_, "groups-csv") => format!("{stem}-nguoi-hoc-theo-lop.csv"),
        _ => format!("{stem}-danh-sach-thanh-vien.csv"),
    };
    let mime = if format == "xlsx" { XLSX } else { CSV };
    let function = if what == "template" { "template" } else { "export_list" };
    let format = format.to_string();
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if !ready(&state).await {
            return;
        }
        let args = [JsValue::from_str(&dossier), JsValue::from_str(&format)];
        if let Some(bytes) = modules::call_bytes(SHEETS, function, &args) {
            browser::download_bytes(&name, mime, &bytes);
        }
    });
}

/// Whether a file dropped on the page is a spreadsheet (the member list), not a dossier.
pub fn is_sheet(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".csv"].iter().any(|ext| lower.ends_with(ext))
}
