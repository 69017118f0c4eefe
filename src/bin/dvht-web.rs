//! The browser app: built by Trunk for wasm32 (see www/index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    dvht::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dvht-web is the browser app: run `make run` (Trunk builds it for wasm32).");
}
