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
pub mod calendar;
pub mod date;
pub mod documents;
pub mod dossier;
pub mod draft;
pub mod edit;
pub mod evaluate;
pub mod file;
pub mod message;
pub mod rules;
pub mod sha256;
pub mod summary;
pub mod zip;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use date::Date;
pub use dossier::{check, Dossier};
pub use evaluate::{evaluate, Evaluation, Status};
pub use file::{read, write, DossierFile};
pub use message::{Diagnostic, Lang, Message, Severity};
pub use rules::{Level, RuleSet, Scope, TT24_2023};

/// Reads, checks and evaluates a dossier file: what `dvht evaluate` does.
pub fn evaluate_bytes(bytes: &[u8], today: Date) -> Result<Evaluation, Vec<Diagnostic>> {
    let file = read(bytes)?;
    let dossier = check(&file)?;
    Ok(evaluate(&dossier, today))
}
