//! The register of recognitions kept year after year (Điều 5.4, 11.4: who holds which level
//! until when), format `dvht-register` version 1: the decisions taken, exported after each
//! year's decision and taken back in the next year, so that each unit's intake shows its
//! previous decision and what it may ask for (the engine's own request and validity rules,
//! with the decision put in the dossier's place).

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::fields;
use super::json::{pretty, record_json, Reader};
use super::Form;
use crate::collate::{self, Key};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::file::PreviousRecognition;
use crate::rules::{self, Level, Scope};

pub const FORMAT: &str = "dvht-register";

/// One decision: the unit, its kind, the level recognised and the decision's number and date.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Recognition {
    pub unit: Option<String>,
    pub kind: Option<String>,
    pub scope: Option<Scope>,
    pub level: Option<Level>,
    pub form: Option<Form>,
    /// The assessed year the decision recognises.
    pub year: Option<i64>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    /// The body that proposed it (a Sở merging its Phòng's registers keeps who).
    pub body: Option<String>,
    pub extra: Map<String, Json>,
}

impl Recognition {
    /// The decision as a dossier's previous recognition, for the engine to compute with.
    pub fn as_previous(&self) -> PreviousRecognition {
        PreviousRecognition {
            level: self.level,
            decision_no: self.decision_no.clone(),
            decision_date: self.decision_date,
            year: self.year,
            ..PreviousRecognition::default()
        }
    }
}

/// The register: every recognition known, in the order added.
#[derive(Clone, Debug, PartialEq)]
pub struct Recognitions {
    pub ruleset: String,
    pub entries: Vec<Recognition>,
    pub extra: Map<String, Json>,
}

impl Default for Recognitions {
    fn default() -> Self {
        Recognitions { ruleset: rules::current().id.to_string(), entries: Vec::new(), extra: Map::new() }
    }
}

/// How a unit is known across years and files: its name as an office matches it (case,
/// spacing, marks typed either way ignored) and its kind.
pub fn unit_key(name: &str, kind: &str) -> (Key, String) {
    (collate::key(name), kind.to_string())
}

/// The latest decision for each unit, found in constant time.
#[derive(Clone, Debug, Default)]
pub struct Index {
    latest: HashMap<(Key, String), usize>,
}

impl Recognitions {
    pub fn index(&self) -> Index {
        let mut latest: HashMap<(Key, String), usize> = HashMap::new();
        for (i, r) in self.entries.iter().enumerate() {
            let (Some(name), Some(kind)) = (&r.unit, &r.kind) else { continue };
            let slot = latest.entry(unit_key(name, kind)).or_insert(i);
            if self.entries[*slot].decision_date < r.decision_date
                || (self.entries[*slot].decision_date == r.decision_date && *slot < i)
            {
                *slot = i;
            }
        }
        Index { latest }
    }

    /// The unit's latest decision.
    pub fn latest(&self, index: &Index, name: &str, kind: &str) -> Option<&Recognition> {
        index.latest.get(&unit_key(name, kind)).and_then(|&i| self.entries.get(i))
    }

    /// Adds decisions, leaving out one already there (same unit, kind and decision number).
    pub fn add(&mut self, new: impl IntoIterator<Item = Recognition>) -> usize {
        let mut added = 0;
        for r in new {
            let same = |o: &Recognition| {
                o.decision_no == r.decision_no
                    && o.kind == r.kind
                    && o.unit.as_deref().map(collate::key) == r.unit.as_deref().map(collate::key)
            };
            if !self.entries.iter().any(same) {
                self.entries.push(r);
                added += 1;
            }
        }
        added
    }
}

/// Reads a register. Errors name the field; several are reported at once.
pub fn read(bytes: &[u8]) -> Result<Recognitions, Vec<Diagnostic>> {
    let mut r = Reader::new();
    let Some(mut root) = r.root(bytes, FORMAT) else { return Err(r.errors) };
    let ruleset = r.rules.id.to_string();
    let mut entries = Vec::new();
    for (i, mut o) in r.list(&mut root, "recognitions", "recognitions") {
        let mut e: Recognition = r.record(&mut o, &fields::RECOGNITION, &format!("recognitions[{i}]"), |_, _, _, _| {});
        e.extra = o;
        entries.push(e);
    }
    if r.errors.is_empty() {
        Ok(Recognitions { ruleset, entries, extra: root })
    } else {
        Err(r.errors)
    }
}

pub(crate) fn recognition_json(r: &Recognition) -> Json {
    record_json(r, &fields::RECOGNITION, &r.extra, |_| Json::Null)
}

/// The canonical bytes of a register.
pub fn write(reg: &Recognitions) -> String {
    let mut root = Map::new();
    root.insert("format".into(), FORMAT.into());
    root.insert("version".into(), super::VERSION.into());
    root.insert("ruleset".into(), reg.ruleset.clone().into());
    root.insert("recognitions".into(), Json::Array(reg.entries.iter().map(recognition_json).collect()));
    for (k, v) in &reg.extra {
        if !root.contains_key(k) {
            root.insert(k.clone(), v.clone());
        }
    }
    pretty(&Json::Object(root))
}
