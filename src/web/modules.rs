//! The app's other wasm modules, fetched after the first screen so the first load carries only
//! the form, the engine and the verdict (issue 12). Each is an ES module of its own beside the
//! page (the script below loads them); the service worker caches them for offline use.

use wasm_bindgen::prelude::*;

// Inline, not a `module = "/…"` file: a local module file makes wasm-bindgen read the crate's
// package.json (our npm tools) as dependencies, which the Word worker's target refuses.
#[wasm_bindgen(inline_js = r#"
// The app's modules fetched after its first screen (src/web/modules.rs): each a wasm-bindgen ES
// module beside index.html (`<name>.js` and `<name>_bg.wasm`), loaded once, on first use or in
// idle time, from the page's own folder (and from the service worker's cache when offline).
const modules = new Map();

export function load(name) {
  let m = modules.get(name);
  if (!m) {
    m = { exports: null };
    const url = (file) => new URL(file, document.baseURI).href;
    m.promise = import(url(`./${name}.js`))
      .then(async (js) => {
        await js.default({ module_or_path: url(`./${name}_bg.wasm`) });
        m.exports = js;
      })
      .catch((e) => {
        // Tried again on the next use (offline before the first visit cached it, say).
        modules.delete(name);
        throw e;
      });
    modules.set(name, m);
  }
  return m.promise;
}

// Adds a stylesheet of the page's folder, once.
export function style(file) {
  const href = new URL(file, document.baseURI).href;
  if ([...document.styleSheets].some((s) => s.href === href) || document.querySelector(`link[href="${file}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = file;
  document.head.appendChild(link);
}

// Resolves when the browser has nothing better to do.
export function idle() {
  const later = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  return new Promise((resolve) => later(() => resolve()));
}

export function ready(name) {
  return !!(modules.get(name) && modules.get(name).exports);
}

// A function of a loaded module, called with plain arguments; undefined if not loaded.
export function call(name, fn, args) {
  const m = modules.get(name);
  return m && m.exports ? m.exports[fn](...args) : undefined;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = load)]
    fn load_js(name: &str) -> js_sys::Promise;
    fn idle() -> js_sys::Promise;
    fn style(file: &str);
    fn ready(name: &str) -> bool;
    // `catch`: a module that throws (or traps) must not unwind through the app's render,
    // which holds its state borrowed; its answer is then `undefined`.
    #[wasm_bindgen(js_name = call, catch)]
    fn call_js(name: &str, function: &str, args: js_sys::Array) -> Result<JsValue, JsValue>;
}

/// The documents: preview, print jobs, brief, report to publish (src/bin/dvht-docs.rs).
pub const DOCS: &str = "dvht-docs";
/// The member list's spreadsheets and panel: template, export, import (src/bin/dvht-sheets.rs).
pub const SHEETS: &str = "dvht-sheets";
/// The whole app with English as well (src/bin/dvht-web-en.rs): it mounts itself.
pub const ENGLISH: &str = "dvht-web-en";
/// The receiving side, for a Phòng or Sở (src/bin/dvht-appraisal.rs): it mounts itself.
pub const APPRAISAL: &str = "dvht-appraisal";

/// Loads `name` once the browser is idle (after the first screen is usable), or at once when
/// `now`; false if it could not be fetched.
pub async fn load_soon(name: &str, now: bool) -> bool {
    if !now {
        let _ = wasm_bindgen_futures::JsFuture::from(idle()).await;
    }
    load(name).await
}

pub fn is_ready(name: &str) -> bool {
    ready(name)
}

/// Loads `name` (at once if it is already); false if it could not be fetched. The documents
/// bring their own styles and fonts, and the member list its styles, which the first screen
/// does not need.
pub async fn load(name: &str) -> bool {
    if name == DOCS {
        style("fonts.css");
        style("documents.css");
    }
    if name == SHEETS {
        style("roster.css");
    }
    wasm_bindgen_futures::JsFuture::from(load_js(name)).await.is_ok()
}

/// Calls a function of a loaded module with plain arguments (texts, flags, a `File`): what it
/// returns (a `Promise` for one that answers later), or `undefined` if the module is not loaded
/// yet.
pub fn call(name: &str, function: &str, values: &[JsValue]) -> JsValue {
    call_js(name, function, values.iter().collect()).unwrap_or(JsValue::UNDEFINED)
}

/// Calls a function of a loaded module that returns a text; `None` if the module is not loaded
/// yet.
pub fn call_text(name: &str, function: &str, values: &[JsValue]) -> Option<String> {
    call(name, function, values).as_string()
}

/// Calls a function of a loaded module that returns a list of texts.
pub fn call_list(name: &str, function: &str, values: &[JsValue]) -> Option<Vec<String>> {
    let list: js_sys::Array = call(name, function, values).dyn_into().ok()?;
    Some(list.iter().filter_map(|v| v.as_string()).collect())
}
