//! Printing and the other exports of the documents. Ctrl+P prints the documents, not the form:
//! just before printing, the browser's `beforeprint` event has `#print-root` (outside Yew's
//! tree) filled with them, synchronously, so the print layout sees them.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser;
use super::text::Texts;
use super::Derived;
use crate::documents;
use crate::engine::Assessment;
use crate::file::DossierFile;

/// The documents of a dossier as HTML, or why there are none yet.
pub fn fragment(file: &DossierFile, a: &Assessment, t: &Texts) -> String {
    match documents::build(file, a) {
        Some(docs) => documents::html::fragment(&docs),
        None => {
            let items: String = a
                .problems
                .iter()
                .map(|p| format!("<li>{}</li>", documents::html::escape(&p.text(crate::Lang::Vi))))
                .collect();
            format!(
                "<article class=\"doc\"><p><b>{}</b></p><ul>{items}</ul></article>",
                documents::html::escape(t.documents_incomplete)
            )
        }
    }
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("print-root")
}

/// Fills `#print-root` with the documents (only one, if `only` names it).
pub fn fill(html: &str, only: Option<&str>) {
    if let Some(root) = root() {
        root.set_inner_html(html);
        match only {
            Some(kind) => {
                let _ = root.set_attribute("data-only", kind);
            }
            None => {
                let _ = root.remove_attribute("data-only");
            }
        }
    }
}

/// Prints the documents, or one of them: each document printed alone is numbered from 1 with
/// no number on its first page, as Nghị định 30/2020 wants (one print job has one counter).
pub fn print(html: &str, only: Option<&str>) {
    fill(html, only);
    // Marked filled, so `beforeprint` does not refill it with the whole set.
    if let Some(root) = root() {
        let _ = root.set_attribute("data-job", "1");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
    if let Some(root) = root() {
        let _ = root.remove_attribute("data-only");
        let _ = root.remove_attribute("data-job");
    }
}

/// Prints each document as a print job of its own, one after the other, so each is numbered
/// from 1 with no number on its first page (Nghị định 30/2020): one job has one page counter.
pub fn print_each(file: &DossierFile, a: &Assessment, t: &Texts) {
    let Some(docs) = documents::build(file, a) else {
        print(&fragment(file, a, t), None);
        return;
    };
    for doc in &docs {
        print(&documents::html::fragment(std::slice::from_ref(doc)), None);
    }
    if let Some(root) = root() {
        root.set_inner_html("");
    }
}

/// The one-page summary for the head of the unit.
pub fn print_brief(file: &DossierFile, a: &Assessment) {
    if let Some(doc) = documents::brief::build(file, a) {
        print(&documents::html::fragment(std::slice::from_ref(&doc)), None);
        if let Some(root) = root() {
            root.set_inner_html("");
        }
    }
}

/// Ctrl+P and the browser's menu: fill the documents from the latest assessment first.
pub fn install(latest: Rc<RefCell<(Rc<Derived>, crate::Lang)>>) {
    let Some(w) = web_sys::window() else { return };
    let keys = latest.clone();
    let before = Closure::<dyn Fn()>::new(move || {
        // A print started by `print` above has filled the root already.
        let filled = root().is_some_and(|r| r.has_attribute("data-job") || !r.inner_html().is_empty());
        if !filled {
            let (d, lang) = &*latest.borrow();
            fill(&fragment(&d.file, &d.assessment, super::text::texts(*lang)), None);
        }
    });
    let after = Closure::<dyn Fn()>::new(|| {
        if let Some(r) = root() {
            r.set_inner_html("");
            let _ = r.remove_attribute("data-only");
        }
    });
    // Ctrl+P (⌘P) prints each document as a job of its own, like "In cả bộ"; the browser's
    // menu still prints the set in one job (filled by `beforeprint`).
    let keydown = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && e.key().eq_ignore_ascii_case("p") {
            e.prevent_default();
            let (d, lang) = &*keys.borrow();
            print_each(&d.file, &d.assessment, super::text::texts(*lang));
        }
    });
    let _ = w.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref());
    keydown.forget();
    let _ = w.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
    before.forget();
    after.forget();
}

/// The standalone report to publish (Điều 21.3), carrying the dossier.
pub fn download_html(file: &DossierFile, a: &Assessment, name: &str, embed: bool) {
    let Some(docs) = documents::build(file, a) else { return };
    let page = documents::html::standalone(&docs, embed.then_some(file), &documents::title(file, a));
    browser::download(&format!("{name}.html"), "text/html", &page);
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
pub fn download_docx(
    file: &DossierFile,
    today: crate::Date,
    name: &str,
    t: &'static Texts,
    done: impl Fn(Option<String>) + 'static,
) {
    let request = serde_json::json!({ "dossier": crate::file::to_json(file), "today": today.to_string() }).to_string();
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
