//! dvht: the self-assessment engine for "Đơn vị học tập" under Thông tư 24/2023/TT-BGDĐT.
//!
//! The engine is a pure function from a dossier and a date to a result. It does no IO, reads
//! no clock and never panics, so the same code runs in the browser, in the `dvht` command
//! line and in the tests. See `ARCHITECTURE.md`.
//!
//! ```
//! let bytes = br#"{"format":"dvht-dossier","version":1,"unit":{"scope":"huyen","kind":"ubnd_xa"},"year":2025}"#;
//! let today = dvht::Date::parse("2025-12-01").unwrap();
//! let result = dvht::evaluate_bytes(bytes, today).unwrap();
//! assert_eq!(result.level, 0); // nothing entered yet
//! ```

pub mod api;
pub mod appraisal;
pub mod collate;
pub mod date;
pub mod diagnostic;
pub mod documents;
pub mod engine;
pub mod file;
pub mod order;
pub mod roster;
pub mod roster_app;
pub mod rules;
pub mod sha256;
pub mod sheets;
pub mod unzip;
pub mod words;
pub mod zip;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod appraisal_web;

pub use date::Date;
pub use diagnostic::{Diagnostic, Message, Severity};
pub use engine::check::{check, Dossier};
pub use engine::evaluate::{evaluate, Evaluation, Status};
pub use engine::{assess, Assessment, Env};
pub use file::{read, write, DossierFile};
pub use rules::{Level, RuleSet, Scope};
pub use words::Lang;

/// Reads, checks and evaluates a dossier file on `today`: what `dvht evaluate` does.
pub fn evaluate_bytes(bytes: &[u8], today: Date) -> Result<Evaluation, Vec<Diagnostic>> {
    let a = assess(&read(bytes)?, &Env::new(today));
    a.evaluation.ok_or(a.problems)
}
