//! The member list's glue in the app: the spreadsheet module (`src/bin/dvht-sheets.rs`) is
//! fetched in idle time after the first screen (at once for a dossier with a list), and does the
//! list's whole flow — it reads the file the user picked or dropped, previews and applies it,
//! makes and downloads the template and the export, and draws the list's panel — so that this
//! module links no spreadsheet or import code and draws none of the panel but its heading. It is
//! given plain data (the dossier as its JSON text with the list, the `File`) and answers plain
//! data: the panel as escaped HTML, and for an import one text, which this module only applies
//! — the new list (read back with `crate::read`, undoable), the import to show, or a notice.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::{AttrValue, UseReducerHandle};

use crate::engine::assessment::Gap;
use crate::engine::Assessment;
use crate::file::{DossierFile, WriteOptions};
use crate::Lang;

use super::modules::{self, SHEETS};
use super::state::{Action, Notice, State};
use super::text;

/// A file being imported: the `File` the user picked or dropped (read again by the module for
/// "Thay" or "Gộp") and what the module made of it, as it answered (`roster_app::answer`'s
/// last fields: state, name, what was said, the preview's HTML), passed back to it to draw.
#[derive(Clone, PartialEq)]
pub struct Seen {
    file: JsValue,
    shown: String,
    /// The draft it was read for: an answer that arrives after another draft was opened is
    /// not applied to that one.
    draft: String,
}

impl Seen {
    pub fn is_for(&self, draft: &str) -> bool {
        self.draft == draft
    }
}

thread_local! {
    /// The import under way: an answer to an earlier one (a file picked again, "Thay" clicked
    /// twice) is dropped, so only the last applies and undo goes back to before it.
    static LATEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
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
    let args = [
        JsValue::from_str(&json),
        JsValue::from_bool(locked),
        JsValue::from_str(&short),
        JsValue::from_str(seen.map_or("", |s| &s.shown)),
        JsValue::from_str(text::texts(lang).lang_code),
    ];
    let Some(html) = modules::call_text(SHEETS, "roster_html", &args) else { return };
    let (panel, missing) = html.split_once('\0').unwrap_or_default();
    drawn.panel = AttrValue::from(panel.to_string());
    drawn.missing = AttrValue::from(missing.to_string());
    drawn.from = Some(From(part, locked, short, lang, seen.cloned()));
}

/// Fetches the module (at once if it is there); says so if it cannot be fetched.
async fn ready(state: &UseReducerHandle<State>) -> bool {
    if modules::is_ready(SHEETS) || modules::load(SHEETS).await {
        return true;
    }
    state.dispatch(Action::SheetsFailed);
    problem(state, text::texts(state.lang).sheets_not_loaded, "");
    false
}

fn problem(state: &UseReducerHandle<State>, title: &str, line: &str) {
    let lines = if line.is_empty() { Vec::new() } else { vec![line.to_string()] };
    state.dispatch(Action::Notice(Some(Notice::Problem { title: title.to_string(), lines })));
}

/// One step of an import of `file` (`mode`: `preview`, `replace`, `merge`), all of it the
/// module's (`import_file`: the file read, the preview, the new list): the app applies the
/// answer — the new list in the draft, with undo, or the preview, or a notice.
fn run(file: JsValue, mode: &'static str, state: UseReducerHandle<State>, dossier: String) {
    let turn = LATEST.with(|l| l.get().wrapping_add(1));
    LATEST.with(|l| l.set(turn));
    let draft = state.draft.id.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if !ready(&state).await {
            return;
        }
        let args = [file.clone(), dossier.into(), mode.into(), text::texts(state.lang).lang_code.into()];
        let promise = modules::call(SHEETS, "import_file", &args);
        let answer = JsFuture::from(js_sys::Promise::resolve(&promise)).await.ok().and_then(|a| a.as_string());
        if LATEST.with(|l| l.get()) != turn {
            return;
        }
        let answer = answer.unwrap_or_default();
        let mut parts = answer.splitn(3, '\0');
        let (what, json) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
        let seen = Seen { file, shown: parts.next().unwrap_or_default().to_string(), draft };
        let fields: Vec<&str> = seen.shown.split('\0').collect();
        if let ["problem", _, title, line] = fields[..] {
            return problem(&state, title, line);
        }
        let applied = fields[0] == "applied";
        match crate::read(json.as_bytes()) {
            Ok(file) if applied => {
                let list = Box::new(file.roster.unwrap_or_default());
                state.dispatch(Action::RosterApplied(list, what.to_string(), Some(Rc::new(seen))));
            }
            // Nothing the module could say (it threw), or a list that does not read back.
            _ if applied || answer.is_empty() => problem(&state, text::texts(state.lang).roster_failed, ""),
            _ => state.dispatch(Action::RosterPreview(Some(Rc::new(seen)))),
        }
    });
}

/// The member list's file input, or a spreadsheet dropped on the form: previewed by the module,
/// and when the draft has no list yet applied at once (issue 14 item 5); else the user chooses
/// to replace or merge.
pub fn import(file: web_sys::File, state: UseReducerHandle<State>, dossier: String) {
    let t = text::texts(state.lang);
    state.dispatch(Action::Notice(Some(Notice::Info(t.roster_reading.replace("{name}", &file.name())))));
    run(file.into(), "preview", state, dossier);
}

/// "Thay" or "Gộp" on a preview: the same file again.
pub fn choose(mode: &str, state: &UseReducerHandle<State>, dossier: &str) {
    if let Some(seen) = &state.roster_import {
        let mode = if mode == "merge" { "merge" } else { "replace" };
        let file = seen.file.clone();
        // The choice is made: its buttons go while the module works (the reading notice of the
        // first step says what is being read).
        state.dispatch(Action::RosterPreview(None));
        run(file, mode, state.clone(), dossier.to_string());
    }
}

/// The template or the list as a spreadsheet (`act`: `roster-template`, `roster-export`;
/// `format`: `xlsx`, `csv`, `groups-csv`): made and downloaded by the module, whose buttons
/// these are, so it is there.
pub fn download(act: &str, format: &str, dossier: &str, stem: &str) {
    modules::call(SHEETS, "download", &[dossier.into(), act.into(), format.into(), stem.into()]);
}

/// Whether a file dropped on the page is a spreadsheet (the member list), not a dossier.
pub fn is_sheet(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".csv"].iter().any(|ext| lower.ends_with(ext))
}
