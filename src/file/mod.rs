//! The dossier file, format `dvht-dossier` version 1 (shared/spec/dossier-format.md).
//!
//! A file is a promise to users, so its types are separate from the engine's: `read` turns
//! bytes into a [`DossierFile`], close to what the user typed (values may be missing, counts
//! may still exceed their totals), and [`crate::check`] turns that into the checked
//! [`crate::Dossier`] the evaluator takes. `write` gives the canonical bytes: known fields in
//! the order of the spec and of the rules table, then unknown fields as they came, so that
//! export → import → export gives the same bytes.

pub mod carried;
mod decimal;
pub mod draft;
pub mod edit;
pub mod fields;
pub mod format;
mod json;
pub mod limits;
mod parse;

pub use fields::FieldPath;
pub use json::{read, read_value, read_with_warnings, to_json, to_json_with, write, write_with, WriteOptions};

/// JSON text to a value, within the file's limits (`parse.rs`) with room for `wrapping` levels
/// around a dossier (1 for a stored draft's record); the message says where it stops being
/// JSON.
pub fn parse_json(bytes: &[u8], wrapping: usize) -> Result<Json, crate::diagnostic::Message> {
    parse::parse_wrapped(bytes, wrapping).map(|p| p.value).map_err(|(_, m)| m)
}

use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::rules::{self, DigitalIndex, Input, Level, Scope, ValidityReading};

pub const FORMAT: &str = "dvht-dossier";
/// No count of people may exceed this: a larger number is a typing slip, refused with a message
/// that says so (rules.md §5 asks for whole numbers ≥ 0; no unit has a hundred million members).
pub const MAX_COUNT: u64 = 100_000_000;
/// A total above this is accepted with a warning: no learning unit is that large in practice.
pub const PLAUSIBLE_TOTAL: u64 = 1_000_000;

/// The version this build writes; `read` migrates every older one up to it.
pub const VERSION: u64 = 1;

/// One answer of the `counts` or `facts` of a dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Count(u64),
    Flag(bool),
    /// The key of one of the input's choices.
    Choice(&'static str),
}

/// The answers of a dossier, indexed by [`Input`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Values([Option<Value>; Input::COUNT]);

impl Values {
    pub fn get(&self, input: Input) -> Option<Value> {
        self.0[input.index()]
    }
    pub fn set(&mut self, input: Input, value: Option<Value>) {
        self.0[input.index()] = value;
    }
    pub fn count(&self, input: Input) -> Option<u64> {
        match self.get(input) {
            Some(Value::Count(n)) => Some(n),
            _ => None,
        }
    }
    pub fn flag(&self, input: Input) -> Option<bool> {
        match self.get(input) {
            Some(Value::Flag(b)) => Some(b),
            _ => None,
        }
    }
    pub fn choice(&self, input: Input) -> Option<&'static str> {
        match self.get(input) {
            Some(Value::Choice(c)) => Some(c),
            _ => None,
        }
    }
    /// The inputs that hold a value, in table order.
    pub fn filled(&self) -> impl Iterator<Item = (Input, Value)> + '_ {
        Input::ALL.into_iter().filter_map(|i| self.get(i).map(|v| (i, v)))
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct UnitFile {
    pub name: Option<String>,
    pub scope: Option<Scope>,
    /// Kept as written: an unknown kind is reported by `check`, not lost.
    pub kind: Option<String>,
    pub public: Option<bool>,
    pub province: Option<String>,
    pub district: Option<String>,
    pub head: Option<String>,
    pub address: Option<String>,
    pub vocational: Option<bool>,
    /// `None`: the kind's default (or not yet answered); `Some(None)`: the answer "none".
    pub digital_index: Option<Option<DigitalIndex>>,
    /// Whether the unit has "Người học", where the kind allows the answer (rules.md §1).
    pub learners: Option<bool>,
    pub extra: Map<String, Json>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Submission {
    pub recipient: Option<String>,
    pub decision_maker: Option<String>,
    pub extra: Map<String, Json>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PreviousRecognition {
    pub level: Option<Level>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    /// The assessed year the decision recognises (rules.md §4; absent: the year before the
    /// decision's).
    pub year: Option<i64>,
    /// Which reading of "năm được công nhận" the recipient applies (absent: the decision's year).
    pub validity_from: Option<ValidityReading>,
    pub extra: Map<String, Json>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct EvidenceItem {
    pub code: Option<String>,
    pub title: Option<String>,
    pub number: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub location: Option<String>,
    pub extra: Map<String, Json>,
}

impl EvidenceItem {
    /// An item must be identifiable: a code or a title that is not blank.
    pub fn is_identified(&self) -> bool {
        let filled = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
        filled(&self.code) || filled(&self.title)
    }
}

/// A member of the Tổ đánh giá (Điều 10.1a, 16.1a).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TeamMember {
    pub name: Option<String>,
    pub position: Option<String>,
    pub role: Option<String>,
    pub extra: Map<String, Json>,
}

/// What the unit writes about one criterion in its report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CriterionNotes {
    pub strengths: Option<String>,
    pub weaknesses: Option<String>,
    pub plan: Option<String>,
    pub extra: Map<String, Json>,
}

/// What the printed documents need beyond the assessment: an addition to format version 1,
/// optional, so files without it are unchanged and older readers keep it as unknown fields.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    /// Cơ quan, tổ chức chủ quản, printed above the unit's name (Nghị định 30/2020).
    pub parent: Option<String>,
    /// Số, ký hiệu of the Tờ trình and of the Báo cáo.
    pub request_no: Option<String>,
    pub report_no: Option<String>,
    /// Địa danh and date of issue.
    pub place: Option<String>,
    pub date: Option<Date>,
    /// Chức vụ of the signer ("Hiệu trưởng").
    pub signer_title: Option<String>,
    /// The decision that set up the team, if given.
    pub team_decision: Option<TeamDecision>,
    pub team: Vec<TeamMember>,
    /// How the assessment was done.
    pub method: Option<String>,
    /// By criterion number ("1", "2", "3").
    pub criteria: Vec<(String, CriterionNotes)>,
    pub conclusion: Option<String>,
    /// Nơi nhận, besides the recipient and the archive.
    pub recipients: Vec<String>,
    pub extra: Map<String, Json>,
}

impl Report {
    pub fn criterion(&self, n: &str) -> Option<&CriterionNotes> {
        self.criteria.iter().find(|(k, _)| k == n).map(|(_, c)| c)
    }
    pub fn criterion_mut(&mut self, n: &str) -> &mut CriterionNotes {
        let at = match self.criteria.iter().position(|(k, _)| k == n) {
            Some(at) => at,
            None => {
                self.criteria.push((n.to_string(), CriterionNotes::default()));
                self.criteria.len() - 1
            }
        };
        &mut self.criteria[at].1
    }
}

/// The decision that set up the Tổ đánh giá (Điều 10.1a, 16.1a).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TeamDecision {
    pub number: Option<String>,
    pub date: Option<Date>,
    pub extra: Map<String, Json>,
}

/// The mark of a finalised dossier: the day, and the fingerprint of what was finalised.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Final {
    pub date: Option<Date>,
    pub fingerprint: Option<String>,
    pub extra: Map<String, Json>,
}

/// A dossier as stored: what the unit entered, valid or not yet.
#[derive(Clone, Debug, PartialEq)]
pub struct DossierFile {
    pub ruleset: String,
    pub unit: UnitFile,
    /// Kept wide so an out-of-range year is reported by `check` with its value.
    pub year: Option<i64>,
    pub submission: Option<Submission>,
    pub previous_recognition: Option<PreviousRecognition>,
    /// A lower level than the unit may ask for (rules.md §3a); written only when given.
    pub request_level: Option<Level>,
    pub values: Values,
    /// Evidence items by indicator id, in file order (written in rules-table order).
    pub evidence: Vec<(String, Vec<EvidenceItem>)>,
    pub notes: Vec<(String, String)>,
    pub report: Option<Report>,
    pub finalised: Option<Final>,
    /// The member list (Danh sách Thành viên), kept on the device: written only when asked
    /// (`write_with`), and when the counts come from it, `counts` are written from it.
    pub roster: Option<crate::roster::Roster>,
    pub counts_extra: Map<String, Json>,
    pub facts_extra: Map<String, Json>,
    pub extra: Map<String, Json>,
}

impl Default for DossierFile {
    fn default() -> Self {
        DossierFile {
            ruleset: rules::current().id.to_string(),
            unit: UnitFile::default(),
            year: None,
            submission: None,
            previous_recognition: None,
            request_level: None,
            values: Values::default(),
            evidence: Vec::new(),
            notes: Vec::new(),
            report: None,
            finalised: None,
            roster: None,
            counts_extra: Map::new(),
            facts_extra: Map::new(),
            extra: Map::new(),
        }
    }
}

impl DossierFile {
    pub fn evidence_for(&self, id: &str) -> &[EvidenceItem] {
        self.evidence.iter().find(|(k, _)| k == id).map_or(&[], |(_, items)| items.as_slice())
    }
    pub fn evidence_for_mut(&mut self, id: &str) -> &mut Vec<EvidenceItem> {
        let at = match self.evidence.iter().position(|(k, _)| k == id) {
            Some(at) => at,
            None => {
                self.evidence.push((id.to_string(), Vec::new()));
                self.evidence.len() - 1
            }
        };
        &mut self.evidence[at].1
    }
    pub fn note(&self, id: &str) -> Option<&str> {
        self.notes.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str())
    }
    pub fn set_note(&mut self, id: &str, text: Option<String>) {
        self.notes.retain(|(k, _)| k != id);
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            self.notes.push((id.to_string(), text));
        }
    }

    /// Applies `f` to every text the user typed (the edges pass Unicode NFC normalisation),
    /// field by field from the tables of `fields`.
    pub fn map_text(&mut self, f: &dyn Fn(&str) -> String) {
        fields::map_texts(&fields::UNIT, &mut self.unit, f);
        if let Some(sub) = self.submission.as_mut() {
            fields::map_texts(&fields::SUBMISSION, sub, f);
        }
        if let Some(p) = self.previous_recognition.as_mut() {
            fields::map_texts(&fields::PREVIOUS, p, f);
        }
        for (_, items) in &mut self.evidence {
            for it in items {
                fields::map_texts(&fields::EVIDENCE, it, f);
            }
        }
        for (_, note) in &mut self.notes {
            *note = f(note);
        }
        if let Some(r) = self.report.as_mut() {
            fields::map_texts(&fields::REPORT, r, f);
            for t in &mut r.team {
                fields::map_texts(&fields::TEAM, t, f);
            }
            for (_, c) in &mut r.criteria {
                fields::map_texts(&fields::CRITERION, c, f);
            }
        }
        if let Some(r) = self.roster.as_mut() {
            let opt = |t: &mut Option<String>| *t = t.as_deref().map(f);
            for m in &mut r.members {
                m.name = f(&m.name);
                opt(&mut m.position);
                opt(&mut m.section);
                for (_, a) in &mut m.awards {
                    opt(&mut a.decision);
                }
            }
            for g in &mut r.groups {
                g.name = f(&g.name);
            }
        }
    }

    /// The fingerprint of what a unit finalises: SHA-256 of the canonical bytes without the
    /// `final` mark itself, as 8 hex digits ("3F9A21C0").
    pub fn fingerprint(&self) -> String {
        let mut unmarked = self.clone();
        unmarked.finalised = None;
        let digest = crate::sha256::sha256(write(&unmarked).as_bytes());
        crate::sha256::hex(&digest[..4]).to_ascii_uppercase()
    }
}
