//! The browser app with English as well as Vietnamese: the same app as `dvht-web`, built with
//! the `en` feature. The first module (`dvht-web`, Vietnamese only) loads this one instead of
//! mounting itself when the user has chosen English (web/mod.rs, `start`).

#[cfg(target_arch = "wasm32")]
fn main() {
    dvht::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dvht-web-en is the browser app in English: run `make run` (Trunk builds it for wasm32).");
}
