//! The dossier judged: `check` (is it valid, and what does the unit's kind make of it),
//! `evaluate` (each indicator's status, the levels met, the dates) and `assessment`, the one
//! read-model everything that shows a result reads.
//!
//! The one entry point is [`assess`]: the rule sets and today come in through [`Env`], built
//! once at each edge (the command line, the app, the JavaScript API, the Word worker, the
//! tests), as typst's `World` brings files and fonts to its compiler.

pub mod assessment;
pub mod check;
pub mod evaluate;

pub use assessment::{assess, Assessment};

use crate::date::Date;
use crate::rules::{self, RuleSet};

/// What the engine takes from the world: the rule sets it knows and today's date. Nothing
/// below the edges reads a clock or names a rule set.
#[derive(Clone, Copy, Debug)]
pub struct Env {
    pub today: Date,
    /// Every rule set a dossier may name, newest first.
    pub rulesets: &'static [&'static RuleSet],
}

impl Env {
    /// The rule sets of this build, on `today`.
    pub fn new(today: Date) -> Env {
        Env { today, rulesets: &rules::RULESETS }
    }
    /// The rule set a dossier names.
    pub fn ruleset(&self, id: &str) -> Option<&'static RuleSet> {
        self.rulesets.iter().copied().find(|r| r.id == id)
    }
    /// The rule set of a new dossier.
    pub fn current(&self) -> &'static RuleSet {
        self.rulesets.first().copied().unwrap_or_else(rules::current)
    }
}
