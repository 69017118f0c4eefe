//! The member list's glue in the app: the spreadsheet module (`src/bin/dvht-sheets.rs`) is
//! fetched in idle time after the first screen (at once for a dossier with a list), and given
//! plain data — the dossier as its JSON text with the list, a file's bytes — so that this module
//! links no spreadsheet or import code, and draws none of the list's panel but its heading.
//! What it answers is plain data too: bytes to download, the panel and the import's preview as
//! escaped HTML (already in words), and the dossier after an import, read back with
//! `crate::read`.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::{AttrValue, UseReducerHandle};

use crate::engine::assessment::Gap;
use crate::engine::Assessment;
use crate::file::{DossierFile, WriteOptions};
use crate::Lang;

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

/// The member list's panel (its body, under the heading the app draws) and who a shortfall is
/// about, as the module drew them (`roster_app::panel`); drawn again only when what they show
/// changes — the list, the unit, the year, the rule set, the lock, the shortfalls, the language
/// or the import on screen — not on every keystroke elsewhere in the form.
#[derive(Default)]
pub struct Drawn {
    from: Option<From>,
    pub panel: AttrValue,
    pub missing: AttrValue,
}

/// What the panel was drawn from: the parts of the dossier it reads, whether it is finalised,
/// the counts short by people, the language and the import on screen.
struct From(DossierFile, bool, String, Lang, Option<Rc<Seen>>);

impl Drawn {
    /// Whether the module has drawn them (else the app shows a line while it loads).
    pub fn ready(&self) -> bool {
        self.from.is_some()
    }
}

/// The keys of the counts short of the next level by people that the list can name.
fn short(a: &Assessment) -> String {
    let Some((_, gaps)) = &a.next else { return String::new() };
    let mut keys: Vec<&str> = gaps
        .iter()
        .filter_map(|g| match g {
            Gap::People { input, .. } if a.not_counted(*input).is_some() => Some(a.rules.input(*input).key),
            _ => None,
        })
        .collect();
    keys.dedup();
    keys.join(",")
}

/// Draws the panel again if the module is there and what it shows changed.
pub fn draw(drawn: &mut Drawn, file: &DossierFile, a: &Assessment, seen: Option<&Rc<Seen>>, lang: Lang) {
    if !modules::is_ready(SHEETS) {
        return;
    }
    let locked = file.finalised.is_some();
    let short = short(a);
    let same_seen = |old: &Option<Rc<Seen>>| match (old, seen) {
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        (x, y) => x.is_none() && y.is_none(),
    };
    if let Some(From(f, l, m, g, s)) = &drawn.from {
        let same = f.roster == file.roster && f.unit == file.unit && f.year == file.year && f.ruleset == file.ruleset;
        if same && *l == locked && *m == short && *g == lang && same_seen(s) {
            return;
        }
    }
    let part = DossierFile {
        ruleset: file.ruleset.clone(),
        unit: file.unit.clone(),
        year: file.year,
        roster: file.roster.clone(),
        ..DossierFile::default()
    };
    let json = crate::file::write_with(&part, WriteOptions { roster: true });
    let none = Seen {
        name: String::new(),
        bytes: Rc::default(),
        state: String::new(),
        html: String::new(),
        said: String::new(),
    };
    let s = seen.map_or(&none, |s| s.as_ref());
    let args = [
        JsValue::from_str(&json),
        JsValue::from_bool(locked),
        JsValue::from_str(&short),
        JsValue::from_str(&s.state),
        JsValue::from_str(&s.name),
        JsValue::from_str(&s.said),
        JsValue::from_str(&s.html),
        JsValue::from_str(text::texts(lang).lang_code),
    ];
    let Some(mut html) = modules::call_list(SHEETS, "roster_html", &args) else { return };
    drawn.missing = html.pop().unwrap_or_default().into();
    drawn.panel = html.pop().unwrap_or_default().into();
    drawn.from = Some(From(part, locked, short, lang, seen.cloned()));
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
/// `groups-csv`): its buttons are the module's, so the module is there.
pub fn download(what: &str, format: &str, dossier: &str, stem: &str) {
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
    let args = [JsValue::from_str(dossier), JsValue::from_str(format)];
    if let Some(bytes) = modules::call_bytes(SHEETS, function, &args) {
        browser::download_bytes(&name, mime, &bytes);
    }
}

/// Whether a file dropped on the page is a spreadsheet (the member list), not a dossier.
pub fn is_sheet(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".csv"].iter().any(|ext| lower.ends_with(ext))
}
