//! Printing and the other exports of the documents. Ctrl+P prints the documents, not the form:
//! just before printing, the browser's `beforeprint` event has `#print-root` (outside Yew's
//! tree) filled with them, synchronously, so the print layout sees them.
//!
//! The documents themselves come from the documents module (`src/bin/dvht-docs.rs`), fetched
//! in idle time once the form is usable (`modules.rs`): what needs it before it has arrived
//! waits for it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser;
use super::modules::{self, DOCS};
use super::text::Texts;
use super::Derived;
use crate::file::DossierFile;
use crate::words::Lang;

fn lang_code(lang: Lang) -> &'static str {
    if lang.en() {
        "en"
    } else {
        "vi"
    }
}

/// The dossier and today, as the documents module takes them.
fn input(d: &Derived) -> [JsValue; 2] {
    [JsValue::from_str(&d.json), JsValue::from_str(&d.assessment.today.to_string())]
}

/// The same, with the member list when the annex is asked for (its names are printed only then).
fn input_annex(d: &Derived, annex: bool) -> [JsValue; 2] {
    let json = if annex { d.with_list() } else { &d.json };
    [JsValue::from_str(json), JsValue::from_str(&d.assessment.today.to_string())]
}

/// Every document as HTML (the annex last, if asked for), or why there are none yet; `None`
/// until the module has arrived.
pub fn fragment(d: &Derived, lang: Lang, annex: bool) -> Option<String> {
    let [json, today] = input_annex(d, annex);
    let args = [json, today, JsValue::from_str(lang_code(lang)), JsValue::from_bool(annex)];
    modules::call_text(DOCS, "preview", &args)
}

/// Runs `then` once the documents module is there: at once if it is, else after fetching it
/// (a notice says so if it cannot be fetched).
fn with_docs(d: &Rc<Derived>, t: &'static Texts, then: impl FnOnce(&Derived) + 'static) {
    if modules::is_ready(DOCS) {
        then(d);
        return;
    }
    let d = d.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if modules::load(DOCS).await {
            then(&d);
        } else {
            browser::alert(t.documents_not_loaded);
        }
    });
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("print-root")
}

/// Fills `#print-root` with the documents to print.
pub fn fill(html: &str) {
    if let Some(root) = root() {
        root.set_inner_html(html);
    }
}

/// Prints what `html` holds as one print job: a document printed alone is numbered from 1
/// with no number on its first page, as Nghị định 30/2020 wants (one job has one counter).
pub fn print(html: &str) {
    fill(html);
    // Marked filled, so `beforeprint` does not refill it with the whole set.
    if let Some(root) = root() {
        let _ = root.set_attribute("data-job", "1");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
    if let Some(root) = root() {
        let _ = root.remove_attribute("data-job");
        root.set_inner_html("");
    }
}

/// Prints each document as a print job of its own, one after the other, so each is numbered
/// from 1 with no number on its first page (Nghị định 30/2020): one job has one page counter.
/// The annex "Danh sách Thành viên", if asked for, is a job of its own after them.
pub fn print_each(d: &Rc<Derived>, lang: Lang, annex: bool, t: &'static Texts) {
    with_docs(d, t, move |d| {
        let [json, today] = input_annex(d, annex);
        let args = [json, today, JsValue::from_str(lang_code(lang)), JsValue::from_bool(annex)];
        for job in modules::call_list(DOCS, "jobs", &args).unwrap_or_default() {
            print(&job);
        }
    });
}

/// One filed document alone: `request`, `report` or `summary`.
pub fn print_one(d: &Rc<Derived>, which: &str, t: &'static Texts) {
    let which = which.to_string();
    with_docs(d, t, move |d| {
        let [json, today] = input(d);
        if let Some(doc) =
            modules::call_text(DOCS, "one", &[json, today, JsValue::from_str(&which)]).filter(|h| !h.is_empty())
        {
            print(&doc);
        }
    });
}

/// The one-page summary for the head of the unit.
pub fn print_brief(d: &Rc<Derived>, t: &'static Texts) {
    with_docs(d, t, |d| {
        let [json, today] = input(d);
        if let Some(doc) = modules::call_text(DOCS, "brief", &[json, today]).filter(|h| !h.is_empty()) {
            print(&doc);
        }
    });
}

/// Ctrl+P and the browser's menu: fill the documents from the latest assessment first.
pub fn install(latest: Rc<RefCell<(Rc<Derived>, Lang, bool)>>) {
    let Some(w) = web_sys::window() else { return };
    let keys = latest.clone();
    let before = Closure::<dyn Fn()>::new(move || {
        // A print started by `print` above has filled the root already.
        let filled = root().is_some_and(|r| r.has_attribute("data-job") || !r.inner_html().is_empty());
        if !filled {
            let (d, lang, annex) = &*latest.borrow();
            let t = super::text::texts(*lang);
            // The browser's own menu, before the documents module arrived: say so on paper.
            let html = fragment(d, *lang, *annex).unwrap_or_else(|| {
                format!("<article class=\"doc\"><p>{}</p></article>", crate::documents::escape(t.documents_loading))
            });
            fill(&html);
        }
    });
    let after = Closure::<dyn Fn()>::new(|| {
        if let Some(r) = root() {
            r.set_inner_html("");
        }
    });
    // Ctrl+P (⌘P) prints each document as a job of its own, like "In hồ sơ"; the browser's
    // menu still prints the set in one job (filled by `beforeprint`).
    let keydown = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && e.key().eq_ignore_ascii_case("p") {
            e.prevent_default();
            let (d, lang, annex) = &*keys.borrow();
            print_each(d, *lang, *annex, super::text::texts(*lang));
        }
    });
    let _ = w.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref());
    keydown.forget();
    let _ = w.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
    before.forget();
    after.forget();
}

/// The standalone report to publish (Điều 21.3), carrying the dossier only if `embed`.
pub fn download_html(d: &Rc<Derived>, name: &str, embed: bool, t: &'static Texts) {
    let name = format!("{name}.html");
    with_docs(d, t, move |d| {
        let [json, today] = input(d);
        if let Some(page) =
            modules::call_text(DOCS, "report", &[json, today, JsValue::from_bool(embed)]).filter(|h| !h.is_empty())
        {
            browser::download(&name, "text/html", &page);
        }
    });
}

/// What the Word worker says once it listens (src/bin/dvht-docx.rs).
const READY: &str = "dvht-docx:ready";

/// What the worker says when it is of another release than the page (a mix the service worker
/// prevents: www/sw.js); the page then refuses its answers.
fn other_release(t: &Texts) -> &'static str {
    if t.lang_code == "vi" {
        "Phần xuất Word thuộc một phiên bản dvht khác với trang này. Hãy tải lại trang rồi thử lại."
    } else {
        "The Word export belongs to another release of dvht than this page. Reload the page and try again."
    }
}

type Reply = Box<dyn FnOnce(Result<Vec<u8>, String>)>;

/// The Word worker, started the first time it is needed. A request made before it listens waits.
struct Word {
    worker: web_sys::Worker,
    t: &'static Texts,
    ready: bool,
    queued: Option<String>,
    reply: Option<Reply>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static WORD: RefCell<Option<Word>> = const { RefCell::new(None) };
}

fn answer(result: Result<Vec<u8>, String>) {
    // Taken out first: the reply may update the app, which must not find WORD borrowed.
    let reply = WORD.with(|w| w.borrow_mut().as_mut().and_then(|w| w.reply.take()));
    if let Some(reply) = reply {
        reply(result);
    }
}

fn on_message(e: web_sys::MessageEvent) {
    let data: JsValue = e.data();
    match data.as_string() {
        Some(word) if word.starts_with(READY) && word[READY.len()..] != *super::RELEASE => {
            // Another release's worker (a mix the service worker prevents: www/sw.js): its
            // answers are refused, and a worker is started afresh next time.
            let word = WORD.with(|w| w.borrow_mut().take());
            if let Some(word) = word {
                word.worker.terminate();
                if let Some(reply) = word.reply {
                    reply(Err(other_release(word.t).into()));
                }
            }
        }
        Some(word) if word.starts_with(READY) => {
            let queued = WORD.with(|w| {
                let mut w = w.borrow_mut();
                let w = w.as_mut()?;
                w.ready = true;
                Some((w.worker.clone(), w.queued.take()?))
            });
            if let Some((worker, request)) = queued {
                let _ = worker.post_message(&JsValue::from_str(&request));
            }
        }
        Some(reason) => answer(Err(reason)),
        None => answer(Ok(js_sys::Uint8Array::new(&data).to_vec())),
    }
}

fn start_word(t: &'static Texts) -> Option<Word> {
    let worker = web_sys::Worker::new("./dvht-docx_loader.js").ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        answer(Err(t.docx_not_loaded.into()));
        // Started afresh next time.
        WORD.with(|w| *w.borrow_mut() = None);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Word { worker, t, ready: false, queued: None, reply: None, _on_message: on_message, _on_error: on_error })
}

/// The Word file, made by the worker and downloaded; `done` is told the reason if it fails.
/// The member list goes to the worker only when its annex is asked for.
pub fn download_docx(
    file: &DossierFile,
    today: crate::Date,
    name: &str,
    annex: bool,
    t: &'static Texts,
    done: impl Fn(Option<String>) + 'static,
) {
    let mut m = serde_json::Map::new();
    m.insert("dossier".into(), crate::file::to_json_with(file, crate::file::WriteOptions { roster: annex }));
    m.insert("today".into(), today.to_string().into());
    m.insert("annex".into(), annex.into());
    let request = crate::file::format::compact(&serde_json::Value::Object(m));
    let name = format!("{name}.docx");
    let reply: Reply = Box::new(move |result| match result {
        Ok(bytes) => {
            browser::download_bytes(
                &name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                &bytes,
            );
            done(None);
        }
        Err(reason) => done(Some(reason)),
    });
    let outcome = WORD.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = start_word(t);
        }
        let Some(word) = w.as_mut() else { return Err(reply) };
        word.reply = Some(reply);
        if word.ready {
            Ok(Some(word.worker.clone()))
        } else {
            word.queued = Some(request.clone());
            Ok(None)
        }
    });
    match outcome {
        Ok(Some(worker)) => {
            let _ = worker.post_message(&JsValue::from_str(&request));
        }
        Ok(None) => {}
        Err(reply) => reply(Err(t.docx_unsupported.into())),
    }
}
