//! The dossier judged: `check` (is it valid, and what does the unit's kind make of it) and
//! `evaluate` (each indicator's status, the levels met, the dates).

pub mod check;
pub mod evaluate;
