//! No panic reaches the user as a frozen page. The engine never panics on any input (the
//! fuzzer and the property tests see to it), but if the app ever does, the hook installed by
//! [`install`]:
//!
//! - stops every later save, so the last good draft stays in storage and is not overwritten by
//!   whatever broken state follows;
//! - makes the app inert (nothing more can be typed into a form that no longer listens);
//! - says what happened, in Vietnamese and English, and offers the last good dossier as a file
//!   (a `blob:` link built here, with plain web-sys) and a reload (a plain link).
//!
//! The release build has `panic = "abort"`: after the hook the wasm instance stops, so nothing
//! the hook offers may need Rust afterwards. A link needs no script.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

static PANICKED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The last draft record saved or read whole: the dossier offered after a panic.
    static LAST_GOOD: RefCell<Option<String>> = const { RefCell::new(None) };
}

const TITLE: &str = "dvht gặp lỗi và đã dừng · dvht stopped after an error";
const TEXT_VI: &str = "Một lỗi trong ứng dụng đã xảy ra. Những gì bạn nhập trước lỗi vẫn được giữ trên máy này và không bị ghi đè. Hãy lưu hồ sơ ra tệp, rồi tải lại trang để làm tiếp.";
const TEXT_EN: &str = "The app hit an error. What you entered before it is still kept on this device and has not been overwritten. Save the dossier to a file, then reload the page to go on.";
const NOTHING_VI: &str = "Chưa có hồ sơ nào được lưu trước lỗi. · Nothing had been saved before the error.";
const SAVE: &str = "Lưu hồ sơ ra tệp (JSON) · Save the dossier (JSON)";
const RELOAD: &str = "Tải lại trang · Reload the page";
const DETAILS: &str = "Chi tiết kỹ thuật · Technical details";
/// The name of the file offered.
const FILE_NAME: &str = "dvht-ho-so-truoc-khi-loi.json";

/// Installs the hook; called once, when the app starts, before Yew would install its own.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&wasm_bindgen::JsValue::from_str(&detail));
        show(&detail);
    }));
}

/// Whether the app has stopped after a panic: nothing is saved any more.
pub fn panicked() -> bool {
    PANICKED.load(Ordering::SeqCst)
}

/// Remembers a draft record that was saved (or read) whole: the last good one.
pub fn remember(record: String) {
    LAST_GOOD.with(|g| {
        if let Ok(mut g) = g.try_borrow_mut() {
            *g = Some(record);
        }
    });
}

/// The last good dossier as a file's text (the canonical bytes `write` gives: the record holds
/// them as its `dossier`), if there is one.
fn last_good_dossier() -> Option<String> {
    let record = LAST_GOOD.with(|g| g.try_borrow().ok().and_then(|g| g.clone())).or_else(|| {
        let storage = web_sys::window()?.local_storage().ok()??;
        let id = storage.get_item("dvht.current").ok()??;
        storage.get_item(&format!("dvht.draft.{id}")).ok()?
    })?;
    let v = crate::file::parse_json(record.as_bytes(), 1).ok()?;
    let mut text = crate::file::format::pretty(v.get("dossier")?);
    text.push('\n');
    Some(text)
}

/// What the hook shows; also called by the tests, since a panic would end them.
pub fn show(detail: &str) {
    PANICKED.store(true, Ordering::SeqCst);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // The app stops taking input.
    if let Ok(apps) = document.query_selector_all(".app") {
        for i in 0..apps.length() {
            if let Some(el) = apps.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_attribute("inert", "");
                let _ = el.set_attribute("aria-hidden", "true");
            }
        }
    }
    if document.query_selector("[data-testid=crash]").ok().flatten().is_some() {
        return;
    }
    let el = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let Some(dialog) = el("div", "") else { return };
    let _ = dialog.set_attribute("class", "crash");
    let _ = dialog.set_attribute("role", "alertdialog");
    let _ = dialog.set_attribute("aria-modal", "true");
    let _ = dialog.set_attribute("aria-labelledby", "crash-title");
    let _ = dialog.set_attribute("aria-describedby", "crash-text");
    let _ = dialog.set_attribute("data-testid", "crash");
    let Some(inner) = el("div", "") else { return };
    let _ = inner.set_attribute("class", "crash-box");
    let mut parts: Vec<web_sys::Element> = Vec::new();
    if let Some(h) = el("h2", TITLE) {
        let _ = h.set_attribute("id", "crash-title");
        parts.push(h);
    }
    if let Some(p) = el("div", "") {
        let _ = p.set_attribute("id", "crash-text");
        for text in [TEXT_VI, TEXT_EN] {
            if let Some(line) = el("p", text) {
                let _ = p.append_child(&line);
            }
        }
        parts.push(p);
    }
    let actions = el("p", "");
    let save = last_good_dossier().and_then(|text| {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a = el("a", SAVE)?;
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", FILE_NAME);
        let _ = a.set_attribute("class", "button primary");
        Some(a)
    });
    if let Some(actions) = &actions {
        match &save {
            Some(a) => {
                let _ = actions.append_child(a);
            }
            None => {
                if let Some(note) = el("span", NOTHING_VI) {
                    let _ = actions.append_child(&note);
                }
            }
        }
        let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_else(|| "./".into());
        if let Some(a) = el("a", RELOAD) {
            let _ = a.set_attribute("href", &here);
            let _ = a.set_attribute("class", "button");
            let _ = actions.append_child(&a);
        }
    }
    parts.extend(actions);
    if let (Some(details), Some(summary), Some(pre)) = (el("details", ""), el("summary", DETAILS), el("pre", detail)) {
        let _ = details.append_child(&summary);
        let _ = details.append_child(&pre);
        parts.push(details);
    }
    for p in &parts {
        let _ = inner.append_child(p);
    }
    let _ = dialog.append_child(&inner);
    if let Some(body) = document.body() {
        let _ = body.append_child(&dialog);
    }
    if let Some(a) = save.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = a.focus();
    }
}

/// Takes the app back from a [`show`]: only the tests do this (a real panic ends the instance).
#[doc(hidden)]
pub fn clear() {
    PANICKED.store(false, Ordering::SeqCst);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(dialog)) = document.query_selector("[data-testid=crash]") {
        dialog.remove();
    }
    if let Ok(apps) = document.query_selector_all(".app") {
        for i in 0..apps.length() {
            if let Some(el) = apps.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.remove_attribute("inert");
                let _ = el.remove_attribute("aria-hidden");
            }
        }
    }
}
