//! The Word export, as a web worker of its own: the app sends it a request and gets the .docx
//! bytes back. Kept out of the app's own wasm so the first load does not grow.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let reply: JsValue = match dvht::documents::docx_for_request(&request) {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Err(reason) => JsValue::from_str(&reason),
        };
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Messages sent before this point were dropped: the app waits for this word, which names
    // the release (src/web/print.rs refuses a worker of another release than the page).
    let _ = scope.post_message(&JsValue::from_str(&format!("{READY}{}", dvht::web::RELEASE)));
}

/// Said once the worker listens, followed by the release.
#[cfg(target_arch = "wasm32")]
const READY: &str = "dvht-docx:ready";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dvht-docx is the app's Word worker; natively, use `dvht documents --docx`.");
}
