//! The receiving side of the app (Phòng, Sở GD&ĐT): intake, the council, the appraisal, the
//! papers and the reports, `dvht::appraisal_web`. An ES module of its own, built by Trunk for
//! wasm32 with English as well, which the first module loads instead of the unit's app when the
//! address asks for `?tiep-nhan` (web/mod.rs, `start`); it mounts itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    dvht::appraisal_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dvht-appraisal is the receiving side of the browser app: run `make run` and open ?tiep-nhan.");
}
