//! The receiving side of the app, "Tiếp nhận và thẩm định hồ sơ" (`shared/spec/appraisal.md`):
//! a Phòng or Sở GD&ĐT takes in the year's dossiers, sets up its council, appraises each
//! dossier, prints the papers and reports the year. A wasm module of its own
//! (`src/bin/dvht-appraisal.rs`), fetched only when the address asks for `?tiep-nhan`, so a
//! unit's first load carries none of it (`web/mod.rs`, `start`).
//!
//! One Yew component with a reducer for what the screen shows (`state.rs`); the appraisal
//! itself — thousands of dossiers — lives outside it (`work.rs`), with the register the engine
//! builds from it, prepared a few dossiers at a time (`appraisal::register::Prepared`). The
//! page is drawn by plain functions (`view/`); controls are named by the path of their field in
//! the appraisal file, so one `change` handler serves them (`appraisal::edit`), and buttons name
//! their command in `data-act`, so one `click` handler serves them. Files come in through
//! `intake.rs`, are kept on the device by `storage.rs` (IndexedDB), and the papers and tables
//! come out through `papers.rs`.

pub mod intake;
pub mod papers;
pub mod state;
pub mod storage;
pub mod view;
pub mod work;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::appraisal::{self, edit, AppraisalFile};
use crate::diagnostic::Diagnostic;
use crate::engine::Env;
use crate::web::browser;
use crate::Lang;
use state::{Action, Notice, Progress, Screen, State, Storage};

type Handle = UseReducerHandle<State>;

fn lang_of(state: &State) -> Lang {
    state.lang
}

fn changed(state: &Handle, rev: u64) {
    state.dispatch(Action::Changed(rev));
}

/// Prepares every dossier not prepared yet a slice at a time with a progress bar, then
/// rebuilds the register (after opening a file, restoring, or another register of
/// recognitions).
async fn prepare_all(state: &Handle, opening: bool) {
    let total = work::with(|w| w.file.dossiers.len());
    let mut start = js_sys::Date::now();
    loop {
        let left = work::raw(|w| w.prepared.advance(&w.file, &w.env, w.known.as_ref(), 16));
        if left == 0 {
            break;
        }
        if js_sys::Date::now() - start > 30.0 {
            state.dispatch(Action::Progress(Some(Progress { done: total - left, total, opening })));
            storage::sleep(0).await;
            start = js_sys::Date::now();
        }
    }
    let ((), rev) = work::update(|_| ());
    state.dispatch(Action::Progress(None));
    changed(state, rev);
}

fn problem(state: &Handle, title: String, lines: Vec<String>) {
    state.dispatch(Action::Notice(Some(Notice::Problem { title, lines })));
}

fn texts(d: &[Diagnostic], lang: Lang) -> Vec<String> {
    d.iter()
        .map(|p| if p.field.is_empty() { p.text(lang) } else { format!("[{}] {}", p.field, p.text(lang)) })
        .collect()
}

/// Restores what this device kept, a slice at a time.
async fn restore(state: Handle) {
    let lang = lang_of(&state);
    match storage::load().await {
        Ok(None) => state.dispatch(Action::Storage(Storage::Saved)),
        Err(why) => {
            state.dispatch(Action::Storage(Storage::Failed));
            problem(
                &state,
                lang.pick(
                    "Không đọc được tệp thẩm định lưu trên máy này:",
                    "The appraisal kept on this device cannot be read:",
                )
                .into(),
                vec![why],
            );
        }
        Ok(Some(stored)) => {
            let mut file = match appraisal::read(stored.head.as_bytes()) {
                Ok(f) => f,
                Err(e) => {
                    state.dispatch(Action::Storage(Storage::Saved));
                    let title = lang.pick(
                        "Tệp thẩm định lưu trên máy này bị hỏng; hãy mở bản đã lưu ra tệp:",
                        "The appraisal kept on this device is damaged; open a saved file:",
                    );
                    problem(&state, title.into(), texts(&e, lang));
                    return;
                }
            };
            let total = file.dossiers.len();
            let mut errors = Vec::new();
            let mut start = js_sys::Date::now();
            for (n, chunk) in stored.payloads.chunks(50).enumerate() {
                errors.extend(appraisal::restore(&mut file, n * 50, chunk));
                if js_sys::Date::now() - start > 30.0 {
                    state.dispatch(Action::Progress(Some(Progress { done: n * 50, total, opening: true })));
                    storage::sleep(0).await;
                    start = js_sys::Date::now();
                }
            }
            let known = stored.register.as_deref().and_then(|r| appraisal::recognitions::read(r.as_bytes()).ok());
            let reports = stored.reports.iter().filter_map(|r| appraisal::report::read(r.as_bytes()).ok()).collect();
            work::raw(|w| {
                w.replace(file);
                // What was restored is stored already.
                w.replaced = false;
                w.unstored_from = stored.payloads.len();
                w.known = known;
                w.reports = reports;
                w.unexported = false;
            });
            state.dispatch(Action::Storage(Storage::Saved));
            prepare_all(&state, true).await;
            if !errors.is_empty() || stored.payloads.len() < total {
                let title = lang.pick(
                    "Một số hồ sơ lưu trên máy này không đọc lại được:",
                    "Some dossiers kept on this device cannot be read back:",
                );
                problem(&state, title.into(), texts(&errors, lang));
            }
        }
    }
}

/// The files picked or dropped, taken in.
fn take_in(files: Vec<intake::Picked>, unreadable: Vec<(String, String)>, state: Handle) {
    let lang = lang_of(&state);
    let ready = work::with(|w| w.register.year.is_some() && w.register.scope.is_some());
    if !ready {
        let title = lang.pick(
            "Chưa tiếp nhận được: hãy chọn cấp của hồ sơ và nhập năm đánh giá trước.",
            "Not taken in: choose the scope and the assessed year first.",
        );
        problem(&state, title.into(), Vec::new());
        return;
    }
    if state.progress.is_some() || (files.is_empty() && unreadable.is_empty()) {
        return;
    }
    let received = crate::Date::parse(&state.received);
    let channel = appraisal::Channel::from_key(&state.channel);
    wasm_bindgen_futures::spawn_local(async move {
        let total = files.len();
        state.dispatch(Action::Notice(None));
        state.dispatch(Action::Progress(Some(Progress { done: 0, total, opening: false })));
        let progress = {
            let state = state.clone();
            move |done, total| state.dispatch(Action::Progress(Some(Progress { done, total, opening: false })))
        };
        let out = intake::take_in(files, received, channel, progress).await;
        let ((), rev) = work::update(|_| ());
        state.dispatch(Action::Progress(None));
        changed(&state, rev);
        let (taken, rejected) = (out.taken.dossiers.len(), out.taken.rejected.len());
        let said = if lang.vi() {
            format!(
                "Đã tiếp nhận {} hồ sơ; {} tệp không tiếp nhận (có lý do ở danh sách bên dưới).",
                crate::words::number(taken as u64, lang),
                crate::words::number(rejected as u64, lang)
            )
        } else {
            format!("{taken} dossiers taken in; {rejected} files not taken in (listed below with the reason).")
        };
        let mut lines: Vec<String> = unreadable
            .iter()
            .chain(&out.unreadable)
            .map(|(name, why)| format!("{} “{name}”: {why}", lang.pick("Không đọc được tệp", "Cannot read")))
            .collect();
        if lines.is_empty() {
            state.dispatch(Action::Notice(Some(Notice::Info(said))));
        } else {
            lines.insert(0, said);
            problem(&state, lang.pick("Một số tệp không đọc được:", "Some files could not be read:").into(), lines);
        }
    });
}

async fn bytes_of(file: &web_sys::File) -> Result<Vec<u8>, String> {
    browser::file_bytes(file).await
}

/// "Mở tệp thẩm định": an appraisal file exported before, in place of the open one.
fn open_appraisal(file: web_sys::File, state: Handle) {
    let lang = lang_of(&state);
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let cannot = |state: &Handle, lines: Vec<String>| {
            problem(
                state,
                format!("{} “{name}”:", lang.pick("Không mở được tệp thẩm định", "Cannot open the appraisal file")),
                lines,
            )
        };
        let bytes = match bytes_of(&file).await {
            Ok(b) => b,
            Err(e) => return cannot(&state, vec![e]),
        };
        let opened = match appraisal::read(&bytes) {
            Ok(f) => f,
            Err(e) => return cannot(&state, texts(&e, lang)),
        };
        let busy = work::with(|w| !w.file.dossiers.is_empty() && w.unexported);
        let question = lang.pick(
            "Mở tệp này thay cho tệp thẩm định đang làm? Những thay đổi chưa lưu ra tệp sẽ mất.",
            "Open this file instead of the open appraisal? Changes not saved to a file will be lost.",
        );
        if busy && !browser::confirm(question) {
            return;
        }
        let n = opened.dossiers.len();
        work::raw(|w| {
            w.replace(opened);
            w.reports.clear();
            w.side_changed = true;
        });
        prepare_all(&state, true).await;
        work::raw(|w| w.unexported = false);
        let said = if lang.vi() {
            format!("Đã mở tệp “{name}”: {n} hồ sơ.")
        } else {
            format!("Opened “{name}”: {n} dossiers.")
        };
        state.dispatch(Action::Show(Screen::Intake));
        state.dispatch(Action::Notice(Some(Notice::Info(said))));
    });
}

/// Last year's register of recognitions.
fn open_register(file: web_sys::File, state: Handle) {
    let lang = lang_of(&state);
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let read = match bytes_of(&file).await {
            Ok(b) => appraisal::recognitions::read(&b).map_err(|e| texts(&e, lang)),
            Err(e) => Err(vec![e]),
        };
        match read {
            Err(lines) => problem(
                &state,
                format!("{} “{name}”:", lang.pick("Không mở được sổ theo dõi công nhận", "Cannot open the register")),
                lines,
            ),
            Ok(known) => {
                let n = known.entries.len();
                work::raw(|w| {
                    w.known = Some(known);
                    w.side_changed = true;
                });
                prepare_all(&state, false).await;
                let said = if lang.vi() {
                    format!("Đã mở sổ “{name}”: {n} quyết định công nhận.")
                } else {
                    format!("Opened “{name}”: {n} recognitions.")
                };
                state.dispatch(Action::Notice(Some(Notice::Info(said))));
            }
        }
    });
}

/// The Phòng's reports a Sở merges into its own.
fn open_reports(files: Vec<web_sys::File>, state: Handle) {
    let lang = lang_of(&state);
    wasm_bindgen_futures::spawn_local(async move {
        let mut lines = Vec::new();
        let mut added = Vec::new();
        for file in files {
            let name = file.name();
            let read = match bytes_of(&file).await {
                Ok(b) => appraisal::report::read(&b).map_err(|e| texts(&e, lang)),
                Err(e) => Err(vec![e]),
            };
            match read {
                Ok(r) => added.push(r),
                Err(why) => lines.extend(why.into_iter().map(|w| format!("“{name}”: {w}"))),
            }
        }
        let n = added.len();
        let ((), rev) = work::update(|w| {
            w.reports.extend(added);
            w.side_changed = true;
        });
        changed(&state, rev);
        if lines.is_empty() {
            let said = if lang.vi() { format!("Đã thêm {n} báo cáo.") } else { format!("{n} reports added.") };
            state.dispatch(Action::Notice(Some(Notice::Info(said))));
        } else {
            problem(
                &state,
                lang.pick("Một số tệp không phải báo cáo năm của dvht:", "Some files are not dvht year reports:")
                    .into(),
                lines,
            );
        }
    });
}

fn files_of(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// Whether a control is a field of the appraisal file (named by its path), not one of the
/// register's filter (`filter.…`) or of the intake (`receipt.…`), which live in the state.
fn is_file_field(name: &str) -> bool {
    !name.is_empty() && !name.starts_with("filter.") && !name.starts_with("receipt.")
}

/// Sets a field of the file from a control; what cannot be the value is said, by its label.
/// What was being typed into it is recorded now (or refused): no longer kept apart.
fn set_field(state: &Handle, name: &str, value: &str) {
    let lang = lang_of(state);
    let result = work::update(|w| {
        w.typing = None;
        edit::set(&mut w.file, name, &browser::nfc(value))
    });
    match result {
        (Ok(()), rev) => changed(state, rev),
        (Err(m), rev) => {
            changed(state, rev);
            let rules = work::with(|w| w.register.rules);
            let line = Diagnostic::error(rules, name, m).text(lang);
            problem(state, lang.pick("Chưa ghi được:", "Not recorded:").into(), vec![line]);
        }
    }
}

fn command(e: &MouseEvent) -> Option<(String, String)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-act]").ok().flatten()?;
    Some((el.get_attribute("data-act")?, el.get_attribute("data-arg").unwrap_or_default()))
}

fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

fn on_command(act: &str, arg: &str, state: &Handle) {
    let lang = lang_of(state);
    let stem = work::with(papers::stem);
    match act {
        "show" => {
            let screen = match arg {
                "council" => Screen::Council,
                "dossier" => Screen::Dossier(state.last),
                "papers" => Screen::Papers,
                "report" => Screen::Report,
                "registry" => Screen::Registry,
                _ => Screen::Intake,
            };
            state.dispatch(Action::Show(screen));
        }
        "dossier" => {
            if let Ok(i) = arg.parse() {
                state.dispatch(Action::Show(Screen::Dossier(i)));
                scroll_top();
            }
        }
        "sort" => {
            if let Some(k) = appraisal::register::SortKey::from_key(arg) {
                state.dispatch(Action::Sort(k));
            }
        }
        "page" => {
            if let Ok(p) = arg.parse() {
                state.dispatch(Action::Page(p));
            }
        }
        "dismiss" => state.dispatch(Action::Notice(None)),
        "update" => browser::apply_update(),
        "lang" => {
            let to = if lang.vi() { Lang::En } else { Lang::Vi };
            browser::save_lang(if to.vi() { "vi" } else { "en" });
            set_document_lang(to);
            state.dispatch(Action::SetLang(to));
        }
        "new" => {
            let busy = work::with(|w| !w.file.dossiers.is_empty());
            let question = lang.pick(
                "Bắt đầu tệp thẩm định mới? Tệp đang làm sẽ được thay; hãy “Lưu tệp thẩm định” trước nếu cần giữ.",
                "Start a new appraisal? The open one is replaced; save it to a file first if you need it.",
            );
            if !busy || browser::confirm(question) {
                let ((), rev) = work::update(|w| {
                    w.replace(AppraisalFile::default());
                    w.reports.clear();
                    w.side_changed = true;
                    w.unexported = false;
                });
                changed(state, rev);
                state.dispatch(Action::Show(Screen::Intake));
            }
        }
        "export" => {
            let text = work::with(|w| appraisal::write(&w.file));
            browser::download(&format!("{stem}.json"), "application/json", &text);
            work::raw(|w| w.unexported = false);
        }
        "add-member" => {
            let (i, rev) = work::update(|w| edit::add_member(&mut w.file));
            changed(state, rev);
            browser::focus(&format!("council.members[{i}].name"));
        }
        "rm-member" => {
            if let Ok(i) = arg.parse::<usize>() {
                let ((), rev) = work::update(|w| edit::remove_member(&mut w.file, i));
                changed(state, rev);
            }
        }
        "preview" => state.dispatch(Action::Paper(arg.to_string())),
        "print" | "word" | "html" => {
            let keys: Vec<String> = if arg == "all" {
                work::with(|w| papers::all(w).into_iter().map(|p| p.key).collect())
            } else {
                vec![arg.to_string()]
            };
            let name = if arg == "all" { stem.clone() } else { format!("{stem}-{}", arg.replace(':', "-")) };
            work::with(|w| match act {
                "print" => papers::print(w, &keys),
                "word" => papers::word(w, &keys, &name),
                _ => papers::html_page(w, &keys, &name),
            });
        }
        "xlsx" => work::with(|w| {
            if arg == "intake" {
                let sheets = crate::documents::appraisal::tables::intake(&w.file, &w.register);
                papers::workbook(&sheets, &format!("{stem}-so-tiep-nhan"));
            } else {
                papers::workbook(&papers::tables(w), &format!("{stem}-bang"));
            }
        }),
        "csv" => work::with(|w| {
            if let Some(sheet) = arg.parse::<usize>().ok().and_then(|i| papers::tables(w).into_iter().nth(i)) {
                papers::csv(&sheet, &format!("{stem}-{}", browser::slug(&sheet.name)));
            }
        }),
        "report-json" => work::with(|w| {
            let text = appraisal::report::write(&papers::year_report(w));
            browser::download(&format!("{stem}-bao-cao.json"), "application/json", &text);
        }),
        "rm-report" => {
            if let Ok(i) = arg.parse::<usize>() {
                let ((), rev) = work::update(|w| {
                    if i < w.reports.len() {
                        w.reports.remove(i);
                    }
                    w.side_changed = true;
                });
                changed(state, rev);
            }
        }
        "registry" => work::with(|w| {
            let next = papers::next_register(w);
            let name = format!("dvht-so-cong-nhan{}", w.file.year.map_or(String::new(), |y| format!("-{y}")));
            match arg {
                "xlsx" => papers::workbook(
                    &[crate::documents::appraisal::tables::recognitions(w.register.rules, &next)],
                    &name,
                ),
                "csv" => {
                    papers::csv(&crate::documents::appraisal::tables::recognitions(w.register.rules, &next), &name)
                }
                _ => browser::download(
                    &format!("{name}.json"),
                    "application/json",
                    &appraisal::recognitions::write(&next),
                ),
            }
        }),
        "rm-register" => {
            work::raw(|w| {
                w.known = None;
                w.side_changed = true;
            });
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move { prepare_all(&state, false).await });
        }
        _ => {}
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", if lang.vi() { "vi" } else { "en" });
    }
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| {
        let lang = if browser::saved_lang().as_deref() == Some("en") { Lang::En } else { Lang::Vi };
        State::new(lang, browser::today())
    });

    // Once: restore what this device keeps, hear how saving goes, ask before leaving with work
    // kept nowhere.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = state.clone();
            storage::listen(move |s, why| {
                listener.dispatch(Action::Storage(s));
                if let Some(why) = why {
                    listener.dispatch(Action::Notice(Some(Notice::Problem {
                        title: listener
                            .lang
                            .pick("Không lưu được trên máy này:", "Cannot keep it on this device:")
                            .into(),
                        lines: vec![why],
                    })));
                }
            });
            // Offline after the first use, like the units' app (www/sw.js); a new release is
            // offered, never forced.
            let updates = state.clone();
            browser::register_service_worker(move || updates.dispatch(Action::UpdateReady));
            wasm_bindgen_futures::spawn_local(restore(state));
            let handler = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
                if !storage::kept() {
                    e.prevent_default();
                    e.set_return_value("unsaved");
                }
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
            }
            handler.forget();
        });
    }
    use_effect(browser::sync_selects);
    // A paper asked to be seen is brought into view.
    use_effect_with(state.paper.clone(), |paper| {
        if !paper.is_empty() {
            if let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("h-preview"))
            {
                el.scroll_into_view();
            }
        }
    });
    {
        let lang = state.lang;
        use_effect_with(lang, |lang| set_document_lang(*lang));
    }

    let onclick = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((act, arg)) = command(&e) {
                e.prevent_default();
                on_command(&act, &arg, &state);
            }
        })
    };
    // Every control but the search reports on change (leaving a text field, choosing an
    // option), so the register is rebuilt once per answer, not per keystroke.
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some((name, value)) = e.target().and_then(|t| browser::control(&t)) else { return };
            if name.starts_with("filter.") {
                state.dispatch(Action::Filter(name, value));
            } else if name.starts_with("receipt.") {
                state.dispatch(Action::Receipt(name, value));
            } else if is_file_field(&name) {
                set_field(&state, &name, &value);
            }
        })
    };
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let Some((name, value)) = e.target().and_then(|t| browser::control(&t)) else { return };
            if name == "filter.text" {
                state.dispatch(Action::Filter(name, value));
            } else if is_file_field(&name) {
                // Kept, not recorded (see `Work::typing`): no render per keystroke.
                work::raw(|w| w.typing = Some((name, value)));
            }
        })
    };
    let onfile = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let files = files_of(&input);
            match input.name().as_str() {
                "intake-files" | "intake-folder" => {
                    let picked = input.files().map(|l| intake::from_list(&l)).unwrap_or_default();
                    take_in(picked, Vec::new(), state.clone());
                }
                "open-appraisal" => {
                    if let Some(f) = files.into_iter().next() {
                        open_appraisal(f, state.clone());
                    }
                }
                "open-register" => {
                    if let Some(f) = files.into_iter().next() {
                        open_register(f, state.clone());
                    }
                }
                "open-reports" => open_reports(files, state.clone()),
                _ => {}
            }
            // The same file can be chosen again.
            input.set_value("");
        })
    };
    let ondragover = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !state.dragging {
                state.dispatch(Action::Dragging(true));
            }
        })
    };
    let ondragleave = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving the page, not moving between its parts.
            if e.related_target().is_none() {
                state.dispatch(Action::Dragging(false));
            }
        })
    };
    let ondrop = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            state.dispatch(Action::Dragging(false));
            let Some(data) = e.data_transfer() else { return };
            // Taken while the event lasts: its items are gone afterwards.
            let dropped = intake::dropped(&data);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (files, unreadable) = match dropped {
                    intake::Dropped::Files(f) => (f, Vec::new()),
                    intake::Dropped::Entries(entries) => intake::walk(entries).await,
                };
                if state.screen != Screen::Intake {
                    state.dispatch(Action::Show(Screen::Intake));
                }
                take_in(files, unreadable, state);
            });
        })
    };

    let _ = state.rev;
    work::with(|w| {
        let v = view::View { s: &state, w, reg: &w.register, lang: state.lang };
        html! {
            <div class="app appraisal-app" {onclick} {onchange} {oninput} {ondragover} {ondragleave} {ondrop}>
                { view::page(&v, onfile) }
            </div>
        }
    })
}

/// After a panic the module stops (`panic = "abort"`): nothing more is saved (the appraisal
/// kept on this device stays as last saved), and the page says so with a plain reload link.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        storage::stop();
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(div) = doc.create_element("div") else { return };
        div.set_class_name("crash");
        div.set_attribute("role", "alert").ok();
        let text = "dvht gặp lỗi và đã dừng. Tệp thẩm định đã lưu trên máy này trước lỗi vẫn còn nguyên. · dvht stopped after an error; the appraisal kept on this device before it is unchanged.";
        let box_ = doc.create_element("div").ok();
        if let Some(b) = box_ {
            b.set_class_name("crash-box");
            let p = doc.create_element("p").ok();
            if let Some(p) = p {
                p.set_text_content(Some(text));
                let _ = b.append_child(&p);
            }
            if let Ok(a) = doc.create_element("a") {
                let _ = a.set_attribute("href", "?tiep-nhan");
                a.set_class_name("button primary");
                a.set_text_content(Some("Tải lại trang · Reload the page"));
                let _ = b.append_child(&a);
            }
            let _ = div.append_child(&b);
        }
        if let Some(body) = doc.body() {
            let _ = body.append_child(&div);
        }
    }));
}

/// The receiving side's own styles, fetched with it (not in the unit's first load).
async fn stylesheet() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(link) = doc.create_element("link") else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", "appraisal.css");
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
    });
    if let Some(head) = doc.head() {
        let _ = head.append_child(&link);
    }
    let _ = wasm_bindgen_futures::JsFuture::from(loaded).await;
}

/// Mounts the receiving side into `#app` (the print root stays).
pub fn start() {
    install_panic_hook();
    work::init(Env::new(browser::today()), AppraisalFile::default());
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title("Tiếp nhận và thẩm định hồ sơ — dvht");
    }
    wasm_bindgen_futures::spawn_local(async {
        stylesheet().await;
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
        match root {
            Some(root) => yew::Renderer::<App>::with_root(root).render(),
            None => yew::Renderer::<App>::new().render(),
        };
    });
}
