//! The browser app: a thin Yew layer over the engine.
//!
//! One component holds the state (`state.rs`); the page is drawn by plain functions
//! (`view.rs`) from the state and the engine's result. Controls are named by the field path
//! they edit, so one `input` handler serves the whole form, and buttons name their command in
//! `data-act`, so one `click` handler serves them all. Browser effects live in `browser.rs`.

pub mod browser;
pub mod modules;
pub mod panic;
pub mod print;
pub mod roster;
pub mod state;
pub mod tabs;
pub mod text;
pub mod view;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::{assess, Assessment, Env};
use crate::file::draft::{checksum, Draft};
use crate::file::DossierFile;
use crate::Lang;
use browser::Stored;
use state::{Action, DraftEntry, Notice, Screen, State};

pub use browser::today;

/// The label of this build (`DVHT_RELEASE` at build time), shown in the footer and said by the
/// Word worker when it starts, so a page never takes answers from another release's worker.
pub const RELEASE: &str = match option_env!("DVHT_RELEASE") {
    Some(r) => r,
    None => "",
};

fn initial_state() -> State {
    let lang = match browser::saved_lang().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    };
    let draft = match browser::current_id().and_then(|id| browser::load_draft(&id)) {
        Some(Stored::Draft(d)) => {
            from_storage(&d);
            *d
        }
        _ => state::blank(browser::new_id(), today()),
    };
    let storage_ok = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
    // A first visit, or nothing entered yet: the start page; else straight back to the work.
    // Inside another site's page the compact app goes straight to the form.
    let embed = browser::embedded();
    let screen = if draft.is_blank() && !embed { Screen::Start } else { Screen::Form };
    State {
        lang,
        draft,
        storage_ok,
        notice: None,
        drafts: (screen == Screen::Start).then(entries),
        focus: None,
        screen,
        example: false,
        undo: None,
        embed_dossier: false,
        expanded: Vec::new(),
        modules_ready: 0,
        menu: false,
        update_ready: false,
        embed,
        roster_import: None,
        export_roster: false,
        sheets_failed: false,
        annex: false,
    }
}

/// A draft read from storage becomes the open one: the tabs and the panic hook know it (the
/// hook keeps the record as stored, the last good one).
fn from_storage(d: &Draft) {
    tabs::opened(d);
    if let Some(record) = browser::get(&format!("{}{}", browser::DRAFT_PREFIX, d.id)) {
        panic::remember(record);
    }
}

fn entries() -> Vec<DraftEntry> {
    browser::all_drafts()
        .into_iter()
        .map(|s| match s {
            Stored::Draft(d) => {
                DraftEntry { id: d.id, name: d.file.unit.name, year: d.file.year, saved: d.saved, damaged: None }
            }
            Stored::Damaged { id, text } => DraftEntry { id, name: None, year: None, saved: None, damaged: Some(text) },
        })
        .collect()
}

/// What "Mở tệp" and drag & drop do with a file: read it, ask before replacing the open
/// dossier, and open it as a new draft (the old one stays in the list).
fn import(file: web_sys::File, state: UseReducerHandle<State>) {
    let t = text::texts(state.lang);
    let name = file.name();
    // Too large to be a dossier: refused before a byte is read (a 100 MB file used to freeze the
    // tab for minutes).
    if file.size() > crate::file::limits::MAX_FILE_BYTES as f64 {
        let limit = crate::file::limits::over(crate::diagnostic::Limit::FileBytes);
        let line = crate::Diagnostic::error(crate::rules::current(), "", limit).text(state.lang);
        let title = t.cannot_open.replace("{name}", &name);
        state.dispatch(Action::Notice(Some(Notice::Problem { title, lines: vec![line] })));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let parsed = match browser::file_bytes(&file).await {
            Ok(bytes) => {
                // A published report (.html) carries its dossier: open that.
                let text = String::from_utf8_lossy(&bytes);
                let carried = crate::documents::html::carried_dossier(&text).map(|j| j.as_bytes().to_vec());
                let html = carried.is_none()
                    && text.trim_start().get(..15).is_some_and(|h| h.eq_ignore_ascii_case("<!DOCTYPE html>"));
                if html {
                    Err(vec![t.html_without_data.to_string()])
                } else {
                    crate::file::read_with_warnings(carried.as_deref().unwrap_or(&bytes))
                        .map_err(|e| e.iter().map(|d| d.text(state.lang)).collect())
                }
            }
            Err(e) => Err(vec![e]),
        };
        match parsed {
            Err(lines) => {
                let title = t.cannot_open.replace("{name}", &name);
                state.dispatch(Action::Notice(Some(Notice::Problem { title, lines })));
            }
            Ok((mut file, warnings)) => {
                if !state.draft.is_blank()
                    && !state.example
                    && !browser::confirm(&t.confirm_replace.replace("{name}", &name))
                {
                    return;
                }
                file.map_text(&|s| browser::nfc(s));
                // The same unit, kind and year already has a draft here: replace it, or keep both.
                let same = browser::all_drafts().into_iter().find_map(|s| match s {
                    Stored::Draft(d) if same_dossier(&d.file, &file) => Some(d),
                    _ => None,
                });
                let id = match same {
                    Some(old) if browser::confirm(&t.confirm_same_draft.replace("{name}", &name)) => {
                        // Saved over the stored record as its next revision (web/tabs.rs), not
                        // taken for another tab's change.
                        from_storage(&old);
                        old.id
                    }
                    _ => browser::new_id(),
                };
                let mut draft = Draft::new(id, file);
                draft.exported = Some(checksum(&crate::write(&draft.file)));
                // What reading found (a key given twice, a number kept as text) is said at once.
                let mut opened = t.opened.replace("{name}", &name);
                for w in &warnings {
                    opened.push(' ');
                    opened.push_str(&w.text(state.lang));
                }
                let notice = Notice::Info(opened);
                state.dispatch(Action::Open(Box::new(draft), Some(notice)));
            }
        }
    });
}

/// Two dossiers of the same unit, kind and year (the unit's name, ignoring case and spaces).
fn same_dossier(a: &DossierFile, b: &DossierFile) -> bool {
    let name = |f: &DossierFile| {
        f.unit.name.as_deref().map(|n| crate::collate::lower(&n.split_whitespace().collect::<Vec<_>>().join(" ")))
    };
    name(a).is_some() && name(a) == name(b) && a.unit.kind == b.unit.kind && a.year == b.year
}

/// The worked example: a complete dossier shipped with the app, fetched when asked for.
fn open_example(state: UseReducerHandle<State>) {
    wasm_bindgen_futures::spawn_local(async move {
        let Some(bytes) = browser::fetch_bytes("./vi-du-thpt.json").await else { return };
        if let Ok(file) = crate::read(&bytes) {
            let mut draft = Draft::new("vi-du", file);
            draft.exported = Some(checksum(&crate::write(&draft.file)));
            state.dispatch(Action::OpenExample(Box::new(draft)));
        }
    });
}

/// "dvht-truong-thpt-nguyen-trai-2025": the name of every file made from this dossier.
fn file_stem(f: &crate::DossierFile) -> String {
    let unit = f.unit.name.as_deref().map(browser::slug).filter(|s| !s.is_empty()).unwrap_or_else(|| "ho-so".into());
    let year = f.year.map_or(String::new(), |y| format!("-{y}"));
    format!("dvht-{unit}{year}")
}

/// What one version of the dossier gives: its assessment and the checksum of its canonical
/// bytes, computed once per change and shared by the view, the commands and Ctrl+P.
pub struct Derived {
    pub file: DossierFile,
    pub assessment: Assessment,
    /// The file's canonical text: what is exported, and what the other modules are given.
    pub json: String,
    pub written: String,
    /// The same with the member list, written the first time it is needed (the spreadsheet
    /// module, the annex): a list of thousands is not written again on every keystroke.
    with_list: std::cell::OnceCell<String>,
}

impl Derived {
    /// The file's text with its member list (names included): for this device's own modules.
    pub fn with_list(&self) -> &str {
        if self.file.roster.is_none() {
            return &self.json;
        }
        self.with_list.get_or_init(|| crate::file::write_with(&self.file, crate::file::WriteOptions { roster: true }))
    }
}

fn derive(file: &DossierFile, env: &Env) -> Derived {
    let json = crate::write(file);
    Derived {
        file: file.clone(),
        assessment: assess(file, env),
        written: checksum(&json),
        json,
        with_list: std::cell::OnceCell::new(),
    }
}

/// "Lưu ra tệp": the dossier, with its member list only when the user ticked so.
fn export(state: &State, d: &Derived) {
    let stem = file_stem(&state.draft.file);
    let listed = d.file.roster.as_ref().is_some_and(|r| !r.members.is_empty() || !r.groups.is_empty());
    let text = if state.export_roster && listed { d.with_list() } else { &d.json };
    browser::download(&format!("{stem}.json"), "application/json", text);
}

/// Dispatches `action` if the user says yes to `question`.
fn if_confirmed(state: &UseReducerHandle<State>, question: &str, action: Action) {
    if browser::confirm(question) {
        state.dispatch(action);
    }
}

/// "Hồ sơ mới": asks first unless nothing was entered (the open draft stays in the list).
fn start_new(state: &UseReducerHandle<State>, today: crate::Date) {
    if state.draft.is_blank() || browser::confirm(text::texts(state.lang).confirm_new) {
        state.dispatch(Action::Open(Box::new(state::blank(browser::new_id(), today)), None));
    }
}

/// A button's `data-act` and `data-arg`, from the element clicked or one of its parents.
fn command(e: &MouseEvent) -> Option<(String, String)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-act]").ok().flatten()?;
    Some((el.get_attribute("data-act")?, el.get_attribute("data-arg").unwrap_or_default()))
}

fn on_command(act: &str, arg: &str, state: &UseReducerHandle<State>, d: &Rc<Derived>) {
    let t = text::texts(state.lang);
    let a = &d.assessment;
    match act {
        "new" => start_new(state, a.today),
        "export" => {
            export(state, d);
            state.dispatch(Action::Exported(d.written.clone()));
        }
        "ics" => {
            if let Some(year) = a.year() {
                let entries = crate::words::calendar::entries(a, state.lang);
                let ics = crate::words::calendar::ics(&entries, a.today, &state.draft.id, state.lang);
                browser::download(&format!("dvht-moc-thoi-gian-{year}.ics"), "text/calendar", &ics);
            }
        }
        "lang" => {
            let lang = if state.lang.vi() { Lang::En } else { Lang::Vi };
            if lang == Lang::En && !cfg!(feature = "en") {
                // English is the English app's (see `start`); what is typed is saved already.
                browser::save_lang("en");
                browser::reload();
                return;
            }
            browser::save_lang(text::texts(lang).lang_code);
            state.dispatch(Action::SetLang(lang));
        }
        "add-ev" => state.dispatch(Action::AddEvidence(arg.to_string())),
        "ev-all" => state.dispatch(Action::ShowAllEvidence(arg.to_string())),
        "rm-ev" => {
            let Some((id, index)) = arg.split_once('|') else { return };
            let Ok(index) = index.parse::<usize>() else { return };
            let title = state.draft.file.evidence_for(id).get(index).and_then(|it| it.title.clone());
            if title.as_deref().is_none_or(|n| browser::confirm(&t.confirm_remove_evidence.replace("{name}", n))) {
                state.dispatch(Action::RemoveEvidence(id.to_string(), index));
            }
        }
        "drafts" => state.dispatch(Action::ShowDrafts(state.drafts.is_none().then(entries))),
        "open" | "carry" => {
            if let Some(Stored::Draft(mut d)) = browser::load_draft(arg) {
                if act == "carry" {
                    d.id = browser::new_id();
                    d.file.year = d.file.year.map(|y| y + 1);
                    // Next year's papers: not finalised, no number or date of last year's.
                    crate::file::edit::carry_forward(&mut d.file);
                    d.exported = None;
                    d.saved = None;
                    d.rev = 0;
                } else {
                    from_storage(&d);
                }
                state.dispatch(Action::Open(d, None));
            }
        }
        "delete" => {
            let name = state
                .drafts
                .as_ref()
                .and_then(|l| l.iter().find(|e| e.id == arg))
                .and_then(|e| e.name.clone())
                .unwrap_or_else(|| t.unnamed.to_string());
            if browser::confirm(&t.confirm_delete.replace("{name}", &name)) {
                browser::delete_draft(arg);
                if arg == state.draft.id {
                    state.dispatch(Action::Open(Box::new(state::blank(browser::new_id(), a.today)), None));
                }
                state.dispatch(Action::ShowDrafts(Some(entries())));
            }
        }
        "close-drafts" => state.dispatch(Action::ShowDrafts(None)),
        "documents" => state.dispatch(Action::Show(if state.screen == Screen::Documents {
            Screen::Form
        } else {
            Screen::Documents
        })),
        "home" => {
            state.dispatch(Action::ShowDrafts(Some(entries())));
            state.dispatch(Action::Show(Screen::Start));
        }
        "form" => state.dispatch(Action::Show(Screen::Form)),
        "example" => open_example(state.clone()),
        "undo" => state.dispatch(Action::Undo),
        "menu" => state.dispatch(Action::ToggleMenu),
        // `<textarea id>` for the whole list, `<textarea id>|<indicator>` for one indicator's
        // (rows without an indicator or a code that names one go there).
        "paste" => {
            let (from, into) = arg.split_once('|').map_or((arg, None), |(f, i)| (f, Some(i.to_string())));
            if let Some(text) = browser::take_value(from) {
                state.dispatch(Action::PasteEvidence(into, text));
            }
        }
        "embed-dossier" => state.dispatch(Action::SetEmbed(!state.embed_dossier)),
        // Each document its own print job, so each is numbered from 1 (Nghị định 30/2020).
        "print" if arg.is_empty() => print::print_each(d, state.lang, state.annex, t),
        "print" => print::print_one(d, arg, t),
        "brief" => print::print_brief(d, t),
        "html-report" => print::download_html(d, &file_stem(&d.file), state.embed_dossier, t),
        "docx" => {
            let handle = state.clone();
            print::download_docx(&d.file, a.today, &file_stem(&d.file), state.annex, t, move |failed| {
                if let Some(reason) = failed {
                    let title = text::texts(handle.lang).docx_failed.to_string();
                    handle.dispatch(Action::Notice(Some(Notice::Problem { title, lines: vec![reason] })));
                }
            });
        }
        "finalise" => {
            // Ask first when the dossier lacks its team or its request (rules.md §7).
            let no_team = d.file.report.as_ref().is_none_or(|r| r.team.is_empty());
            let no_request =
                a.evaluation.as_ref().is_some_and(|r| r.request.kind == crate::engine::evaluate::RequestKind::None);
            // The team's article of the dossier's own scope (rules.md §5: never both scopes').
            let team: Vec<crate::rules::Cite> = a
                .rules
                .procedures
                .iter()
                .filter(|p| d.file.unit.scope.is_none_or(|s| s == p.scope))
                .map(|p| p.team)
                .collect();
            let no_team_question =
                t.confirm_finalise_no_team.replace("{cite}", &crate::words::cites_short(&team, state.lang));
            let warnings = [(no_team, no_team_question.as_str()), (no_request, t.confirm_finalise_no_request)];
            if warnings.iter().all(|(missing, question)| !missing || browser::confirm(question)) {
                if_confirmed(state, t.confirm_finalise, Action::Finalise(a.today));
            }
        }
        "suggest-recipient" => {
            if let Some((recipient, decision_maker)) = arg.split_once('|') {
                state.dispatch(Action::Set("submission.recipient".into(), recipient.into()));
                state.dispatch(Action::Set("submission.decision_maker".into(), decision_maker.into()));
            }
        }
        "reopen" => if_confirmed(state, t.confirm_reopen, Action::Reopen),
        "update" => browser::apply_update(),
        "add-member" => state.dispatch(Action::AddMember),
        "rm-member" => {
            if let Ok(i) = arg.parse() {
                state.dispatch(Action::RemoveMember(i));
            }
        }
        "dismiss" => state.dispatch(Action::Notice(None)),
        // The member list (web/roster.rs): its spreadsheets come from a module of their own.
        "roster-template" | "roster-export" => roster::download(act, arg, d.with_list(), &file_stem(&d.file)),
        "roster-apply" => roster::choose(arg, state, d.with_list()),
        "roster-close" => state.dispatch(Action::RosterPreview(None)),
        "roster-retry" => fetch(state.clone(), modules::SHEETS, true),
        "roster-use" => {
            let on = d.file.roster.as_ref().is_some_and(|r| r.counts_from_list);
            state.dispatch(Action::UseList(!on));
        }
        "export-roster" => state.dispatch(Action::SetExportRoster(!state.export_roster)),
        "annex" => state.dispatch(Action::SetAnnex(!state.annex)),
        // A panic on purpose, in builds made for the tests only (tests/e2e/robustness.test.mjs).
        "test-panic" if option_env!("DVHT_TEST_HOOKS").is_some() => panic!("dvht: a panic on purpose, for the tests"),
        "focus" => state.dispatch(Action::Reveal(arg.to_string())),
        _ => {}
    }
}

/// Fetches another module (in idle time, or at once when `now`), unless it is there; the page
/// is drawn again when it arrives, for what waited for it.
fn fetch(state: UseReducerHandle<State>, name: &'static str, now: bool) {
    if modules::is_ready(name) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if modules::load_soon(name, now).await {
            state.dispatch(Action::ModuleReady);
        } else if name == modules::SHEETS {
            // Its card would wait for good: it says so and offers to try again.
            state.dispatch(Action::SheetsFailed);
        }
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    // The edge of the engine: today, read once, and the rule sets, in one value.
    let env = *use_memo((), |_| Env::new(today()));
    // One assessment per change of the dossier, whatever else re-renders the page.
    let derived = use_memo(state.draft.file.clone(), move |f| derive(f, &env));

    // Autosave: every change of the open draft is written at once (blank drafts are not kept,
    // nor the worked example), never over another tab's save (web/tabs.rs). The banner goes as
    // soon as saving works again.
    {
        let state = state.clone();
        use_effect_with(state.draft.clone(), move |draft| {
            if !draft.is_blank() && !state.example {
                match tabs::save(draft) {
                    tabs::Saved::Written if !state.storage_ok => state.dispatch(Action::StorageWorks),
                    tabs::Saved::Failed if state.storage_ok => state.dispatch(Action::StorageFailed),
                    tabs::Saved::Conflict => {
                        let mut copy = draft.clone();
                        copy.id = browser::new_id();
                        copy.rev = 0;
                        copy.saved = None;
                        state.dispatch(Action::Forked(Box::new(copy)));
                    }
                    _ => {}
                }
            }
        });
    }

    // Other tabs' saves of the open draft.
    {
        let state = state.clone();
        use_effect_with((), move |_| tabs::listen(move |d| state.dispatch(Action::External(d))));
    }

    // The documents module, once the form is usable (web/modules.rs): Ctrl+P and the preview
    // need it at once when asked for.
    {
        let state = state.clone();
        use_effect_with((), move |_| fetch(state, modules::DOCS, false));
    }

    // The member list's module (its spreadsheets and its panel, web/roster.rs): in idle time
    // after the first screen, or at once when the dossier has a list.
    {
        let state = state.clone();
        use_effect_with(derived.file.roster.is_some(), move |listed| fetch(state, modules::SHEETS, *listed));
    }

    // Offline after the first load; a new release is offered, never forced (www/sw.js).
    {
        let state = state.clone();
        use_effect_with((), move |_| browser::register_service_worker(move || state.dispatch(Action::UpdateReady)));
    }

    // Leaving would lose something only when the device cannot keep it (storage refused): then
    // the browser asks first. When it is saved here, the header says the file on disk is older.
    let unexported = use_mut_ref(|| Rc::new(Cell::new(false)));
    let changed = state.draft.exported.as_deref() != Some(derived.written.as_str());
    unexported.borrow().set(changed && !state.draft.is_blank() && !state.embed && !state.storage_ok);
    {
        let flag = unexported.borrow().clone();
        use_effect_with((), move |_| {
            let handler = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(move |e: web_sys::BeforeUnloadEvent| {
                // After a panic the page offers the file and the reload itself (web/panic.rs).
                if flag.get() && !panic::panicked() {
                    e.prevent_default();
                    e.set_return_value("unsaved");
                }
            });
            if let Some(w) = web_sys::window() {
                w.set_onbeforeunload(Some(handler.as_ref().unchecked_ref()));
            }
            handler.forget();
        });
    }

    // After every render: selects show the model's value (see browser::sync_selects).
    use_effect(browser::sync_selects);

    // Ctrl+P prints the documents of the latest dossier (web/print.rs).
    let latest = use_mut_ref(|| Rc::new(RefCell::new((derived.clone(), state.lang, state.annex))));
    *latest.borrow().borrow_mut() = (derived.clone(), state.lang, state.annex);
    {
        let latest = latest.borrow().clone();
        use_effect_with((), move |_| print::install(latest));
    }

    // Focus requested by the last action (a new evidence item's title).
    use_effect_with(state.focus.clone(), |focus| {
        if let Some((_, id)) = focus {
            browser::focus(id);
        }
    });

    {
        let lang = state.lang;
        use_effect_with(lang, |lang| {
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = el.set_attribute("lang", text::texts(*lang).lang_code);
            }
        });
    }

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            // "Dùng lại minh chứng": a select named `reuse:<to>`, valued `<from>|<index>`.
            if let Some(s) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if let Some(to) = s.name().strip_prefix("reuse:") {
                    if let Some((from, index)) = s.value().split_once('|') {
                        if let Ok(index) = index.parse() {
                            let (to, from) = (to.to_string(), from.to_string());
                            state.dispatch(Action::ReuseEvidence { to, from, index });
                        }
                    }
                    s.set_value("");
                    return;
                }
            }
            let Some((name, value)) = e.target().and_then(|t| browser::control(&t)) else { return };
            if !name.is_empty() {
                state.dispatch(Action::Set(name, browser::nfc(&value)));
            }
        })
    };
    let onclick = {
        let state = state.clone();
        let derived = derived.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((act, arg)) = command(&e) {
                // A checkbox with a command must still tick.
                let checkbox = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some();
                if !checkbox {
                    e.prevent_default();
                }
                on_command(&act, &arg, &state, &derived);
            }
        })
    };
    let onfile = {
        let state = state.clone();
        let derived = derived.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            // The member list's card hears every change in it (its checkbox too).
            if input.type_() != "file" {
                return;
            }
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                // Two file inputs: the dossier's ("Mở tệp") and the member list's.
                if input.id() == "roster-import" {
                    roster::import(file, state.clone(), derived.with_list().to_string());
                } else {
                    import(file, state.clone());
                }
            }
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    let onfocusout = {
        let state = state.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                if state.draft.pending(&i.name()).is_some() {
                    state.dispatch(Action::Tidy(i.name()));
                }
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let state = state.clone();
        let derived = derived.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                // A spreadsheet dropped on the form is a member list, a dossier anything else.
                let form = state.screen == Screen::Form && state.draft.file.finalised.is_none();
                if form && roster::is_sheet(&file.name()) {
                    roster::import(file, state.clone(), derived.with_list().to_string());
                } else {
                    import(file, state.clone());
                }
            }
        })
    };

    // The member list's panel, drawn by its module when what it shows changed.
    let drawn = use_mut_ref(roster::Drawn::default);
    if state.screen == Screen::Form && (derived.assessment.kind.is_some() || derived.file.roster.is_some()) {
        roster::draw(
            &mut drawn.borrow_mut(),
            &derived.file,
            &derived.assessment,
            state.roster_import.as_ref(),
            state.lang,
        );
    }
    let drawn = drawn.borrow();
    let v = view::View {
        s: &state,
        t: text::texts(state.lang),
        lang: state.lang,
        a: &derived.assessment,
        file: &derived.file,
        derived: &derived,
        today: env.today,
        unexported: changed,
        roster: &drawn,
    };
    html! {
        <div class={classes!("app", state.embed.then_some("embed"))} {onclick} {onfocusout} {ondragover} {ondrop}>
            { view::page(&v, oninput, onfile) }
        </div>
    }
}

/// Mounts the app into `#app`, leaving the rest of the page (the print root) alone.
pub fn start() {
    panic::install();
    // `?tiep-nhan`: the receiving side (Phòng, Sở), a module of its own that mounts itself.
    if browser::has_param("tiep-nhan") {
        wasm_bindgen_futures::spawn_local(async {
            if !modules::load(modules::APPRAISAL).await {
                browser::alert(text::texts(Lang::Vi).appraisal_not_loaded);
                mount();
            }
        });
        return;
    }
    // The first module is Vietnamese only: a user who chose English gets the English app, a
    // module of its own (src/bin/dvht-web-en.rs), which mounts itself once loaded.
    if !cfg!(feature = "en") && browser::saved_lang().as_deref() == Some("en") {
        wasm_bindgen_futures::spawn_local(async {
            if !modules::load(modules::ENGLISH).await {
                // Offline before English was ever cached: Vietnamese rather than nothing.
                browser::save_lang("vi");
                mount();
            }
        });
        return;
    }
    mount();
}

fn mount() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
