//! Everything the app asks of the browser, in one place: the clock, dialogs, files, focus and
//! storage. The rest of the app is plain data.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::file::draft::{self, Draft};
use crate::Date;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Today on the user's device (the engine never reads a clock; the edges do).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8).unwrap_or(Date::MIN)
}

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// An ISO timestamp as the device's local time: "22/11/2026 09:07".
pub fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A new draft id, unique on this device.
pub fn new_id() -> String {
    let n = (js_sys::Math::random() * 1e9) as u64;
    format!("d{:x}{n:x}", js_sys::Date::now() as u64)
}

/// A yes/no question in the browser's own dialog (accessible and in the user's language).
pub fn confirm(question: &str) -> bool {
    window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Loads the page again.
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// A message in the browser's own dialog.
pub fn alert(message: &str) {
    if let Some(w) = window() {
        let _ = w.alert_with_message(message);
    }
}

/// The name and value of the form control an event came from (an input other than a file
/// picker, a select, a textarea): how both apps' one `change`/`input` handler reads its control.
pub fn control(target: &web_sys::EventTarget) -> Option<(String, String)> {
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        (i.type_() != "file").then(|| (i.name(), i.value()))
    } else if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        Some((s.name(), s.value()))
    } else {
        target.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|t| (t.name(), t.value()))
    }
}

/// Unicode NFC, as the file format stores text.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// "Trường THPT Nguyễn Trãi" → "truong-thpt-nguyen-trai", for file names.
pub fn slug(text: &str) -> String {
    let decomposed: String = js_sys::JsString::from(text).normalize("NFD").into();
    let mut out = String::new();
    for c in decomposed.chars() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            '\u{300}'..='\u{36f}' => continue,
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// Saves `text` as a file through the browser's download.
pub fn download(name: &str, mime: &str, text: &str) {
    download_part(name, mime, &JsValue::from_str(text));
}

/// Saves bytes as a file through the browser's download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    download_part(name, mime, &js_sys::Uint8Array::from(bytes).into());
}

fn download_part(name: &str, mime: &str, part: &JsValue) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) =
        document.create_element("a").and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().map_err(JsValue::from))
    {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The bytes of a file the user picked or dropped.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a file of the app itself (the worked example), if it can be fetched.
pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let response = JsFuture::from(window()?.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text of a text area, which is then emptied (the paste box).
pub fn take_value(id: &str) -> Option<String> {
    let el = window()?.document()?.get_element_by_id(id)?;
    let area = el.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?;
    let text = area.value();
    area.set_value("");
    (!text.trim().is_empty()).then_some(text)
}

/// Moves the keyboard focus to the control of a field.
pub fn focus(id: &str) {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Makes every `<select data-value>` show its value. Yew may re-attach an earlier `<select>`
/// whose options the user changed, and then an option's `selected` attribute no longer
/// decides (HTML's "dirtiness"); the `value` property always does.
pub fn sync_selects() {
    let Some(list) = window().and_then(|w| w.document()).and_then(|d| d.query_selector_all("select[data-value]").ok())
    else {
        return;
    };
    for i in 0..list.length() {
        if let Some(s) = list.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
            let want = s.get_attribute("data-value").unwrap_or_default();
            if s.value() != want {
                s.set_value(&want);
            }
        }
    }
}

// ── Offline: the service worker written at build time (www/sw.js, scripts/post-build.mjs) ──

thread_local! {
    /// Set once the user asked for the new release: its activation then reloads the page.
    static UPDATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let sw = window()?.navigator().service_worker();
    // Absent where service workers are not allowed (a plain http origin, some iframes).
    (!JsValue::from(sw.clone()).is_undefined()).then_some(sw)
}

/// Registers the service worker; `on_update` is told when a new release is ready to use.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    // Debug builds (`trunk serve`) have no service worker: it would only cache stale builds.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = service_workers() else { return };
    let on_update = std::rc::Rc::new(on_update);
    let reload = Closure::<dyn Fn()>::new(|| {
        if UPDATING.with(|u| u.get()) {
            if let Some(w) = window() {
                let _ = w.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else { return };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let controlled = move || service_workers().and_then(|c| c.controller()).is_some();
        // A release that was already waiting when the page loaded.
        if reg.waiting().is_some() && controlled() {
            on_update();
        }
        let watched = reg.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_update = on_update.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                // "installed" with a page already controlled: an update, not the first install.
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Switches to the release that is waiting; the page reloads when it takes over.
pub fn apply_update() {
    let Some(container) = service_workers() else { return };
    UPDATING.with(|u| u.set(true));
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else { return };
        let waiting = reg.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("dvht:update"));
            }
            None => {
                if let Some(w) = window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

/// Whether the address has `param` among its query's parameters (`embed=1`, `tiep-nhan`).
pub fn has_param(param: &str) -> bool {
    window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.trim_start_matches('?').split('&').any(|p| p == param || p.split('=').next() == Some(param)))
}

/// `?embed=1`: the compact app for an iframe.
pub fn embedded() -> bool {
    has_param("embed=1")
}

// ── Storage: one key per draft, so an autosave writes one small record ───────────────────

pub(crate) const DRAFT_PREFIX: &str = "dvht.draft.";
pub(crate) const CURRENT: &str = "dvht.current";
const LANG: &str = "dvht.lang";

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Writes a key; false when the browser refuses (disabled, private mode, full).
pub(crate) fn put(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub(crate) fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// A stored draft, or the text of one that cannot be read (kept, never dropped).
pub enum Stored {
    Draft(Box<Draft>),
    Damaged { id: String, text: String },
}

pub fn load_draft(id: &str) -> Option<Stored> {
    let text = get(&format!("{DRAFT_PREFIX}{id}"))?;
    Some(match draft::decode(&text) {
        Ok(mut d) => {
            d.id = id.to_string();
            Stored::Draft(Box::new(d))
        }
        Err(_) => Stored::Damaged { id: id.to_string(), text },
    })
}

pub fn delete_draft(id: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{DRAFT_PREFIX}{id}"));
    }
}

/// Every stored draft, newest first.
pub fn all_drafts() -> Vec<Stored> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let ids: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(DRAFT_PREFIX).map(str::to_string))
        .collect();
    let mut out: Vec<Stored> = ids.iter().filter_map(|id| load_draft(id)).collect();
    let saved = |s: &Stored| match s {
        Stored::Draft(d) => d.saved.clone().unwrap_or_default(),
        Stored::Damaged { .. } => String::new(),
    };
    crate::order::sort_by_key(&mut out, |s| std::cmp::Reverse(saved(s)));
    out
}

pub fn current_id() -> Option<String> {
    get(CURRENT)
}

pub fn saved_lang() -> Option<String> {
    get(LANG)
}

pub fn save_lang(code: &str) {
    put(LANG, code);
}
