//! The dossier file, format `dvht-dossier` version 1 (shared/spec/dossier-format.md).
//!
//! A file is a promise to users, so its types are separate from the engine's: `read` turns
//! bytes into a [`DossierFile`], close to what the user typed (values may be missing, counts
//! may still exceed their totals), and [`crate::check`] turns that into the checked
//! [`crate::Dossier`] the evaluator takes. `write` gives the canonical bytes: known fields in
//! the order of the spec and of the rules table, then unknown fields as they came, so that
//! export → import → export gives the same bytes.

pub mod draft;
pub mod edit;

use serde_json::{Map, Number, Value as Json};

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Message};
use crate::rules::{self, DigitalIndex, Input, InputKind, Level, Scope, Section, TT24_2023};

pub const FORMAT: &str = "dvht-dossier";
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
    pub digital_index: Option<DigitalIndex>,
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
    pub values: Values,
    /// Evidence items by indicator id, in file order (written in rules-table order).
    pub evidence: Vec<(String, Vec<EvidenceItem>)>,
    pub notes: Vec<(String, String)>,
    pub report: Option<Report>,
    pub finalised: Option<Final>,
    pub counts_extra: Map<String, Json>,
    pub facts_extra: Map<String, Json>,
    pub extra: Map<String, Json>,
}

impl Default for DossierFile {
    fn default() -> Self {
        DossierFile {
            ruleset: TT24_2023.id.to_string(),
            unit: UnitFile::default(),
            year: None,
            submission: None,
            previous_recognition: None,
            values: Values::default(),
            evidence: Vec::new(),
            notes: Vec::new(),
            report: None,
            finalised: None,
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

    /// Applies `f` to every text the user typed (the edges pass Unicode NFC normalisation).
    pub fn map_text(&mut self, f: &dyn Fn(&str) -> String) {
        let apply = |s: &mut Option<String>| {
            if let Some(t) = s.as_mut() {
                *t = f(t);
            }
        };
        let u = &mut self.unit;
        for s in [&mut u.name, &mut u.province, &mut u.district, &mut u.head, &mut u.address] {
            apply(s);
        }
        if let Some(sub) = self.submission.as_mut() {
            apply(&mut sub.recipient);
            apply(&mut sub.decision_maker);
        }
        if let Some(p) = self.previous_recognition.as_mut() {
            apply(&mut p.decision_no);
        }
        for (_, items) in &mut self.evidence {
            for it in items {
                for s in [&mut it.code, &mut it.title, &mut it.number, &mut it.issuer, &mut it.location] {
                    apply(s);
                }
            }
        }
        for (_, note) in &mut self.notes {
            *note = f(note);
        }
        if let Some(r) = self.report.as_mut() {
            for s in [
                &mut r.parent,
                &mut r.request_no,
                &mut r.report_no,
                &mut r.place,
                &mut r.signer_title,
                &mut r.method,
                &mut r.conclusion,
            ] {
                apply(s);
            }
            for t in &mut r.team {
                for s in [&mut t.name, &mut t.position, &mut t.role] {
                    apply(s);
                }
            }
            for (_, c) in &mut r.criteria {
                for s in [&mut c.strengths, &mut c.weaknesses, &mut c.plan] {
                    apply(s);
                }
            }
            for line in &mut r.recipients {
                *line = f(line);
            }
        }
    }

    /// The fingerprint of what a unit finalises: SHA-256 of the canonical bytes without the
    /// `final` mark itself, as 8 hex digits ("3F9A21C0").
    pub fn fingerprint(&self) -> String {
        let mut unmarked = self.clone();
        unmarked.finalised = None;
        let digest = crate::sha256::sha256(write(&unmarked).as_bytes());
        crate::sha256::hex(&digest[..4]).to_uppercase()
    }
}

/// Reads a dossier file. Errors name the field; several are reported at once.
pub fn read(bytes: &[u8]) -> Result<DossierFile, Vec<Diagnostic>> {
    // Windows editors often start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Diagnostic::error("", Message::EmptyFile)]);
    }
    let root: Json = serde_json::from_slice(bytes)
        .map_err(|e| vec![Diagnostic::error("", Message::NotJson { line: e.line(), column: e.column() })])?;
    read_value(root)
}

/// Reads a dossier already parsed as JSON (the JavaScript API passes objects).
pub fn read_value(root: Json) -> Result<DossierFile, Vec<Diagnostic>> {
    let Json::Object(mut root) = root else {
        return Err(vec![Diagnostic::error("", Message::NotADossier)]);
    };
    if root.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(vec![Diagnostic::error("format", Message::NotADossier)]);
    }
    let version = match root.get("version") {
        None | Some(Json::Null) => return Err(vec![Diagnostic::error("version", Message::Required)]),
        Some(Json::Number(n)) => n
            .as_u64()
            .filter(|v| (1..=VERSION).contains(v))
            .ok_or_else(|| vec![Diagnostic::error("version", Message::UnsupportedVersion { found: n.to_string() })])?,
        Some(other) => {
            return Err(vec![Diagnostic::error("version", Message::UnsupportedVersion { found: compact(other) })])
        }
    };
    migrate(&mut root, version);
    let mut r = Reader::default();
    let file = r.dossier(root);
    if r.errors.is_empty() {
        Ok(file)
    } else {
        Err(r.errors)
    }
}

/// Brings an older file up to [`VERSION`], one version at a time. Stored data is migrated,
/// never dropped. Version 1 is the first, so there is nothing to do yet; version 2 will add
/// `if version < 2 { … }` here.
fn migrate(root: &mut Map<String, Json>, version: u64) {
    let _ = version;
    root.insert("version".into(), Json::from(VERSION));
}

fn compact(v: &Json) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        let head: String = s.chars().take(40).collect();
        format!("{head}…")
    } else {
        s
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<Diagnostic>,
}

impl Reader {
    fn wrong(&mut self, path: &str, expected: Expected) {
        self.errors.push(Diagnostic::error(path, Message::WrongType { expected }));
    }

    /// Takes the object at `key` (absent or null: None), leaving the unknown fields behind.
    fn object(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<Map<String, Json>> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Object(m)) => Some(m),
            Some(_) => {
                self.wrong(path, Expected::Object);
                None
            }
        }
    }

    fn text(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<String> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(s),
            Some(_) => {
                self.wrong(path, Expected::Text);
                None
            }
        }
    }

    fn flag(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<bool> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(b),
            Some(_) => {
                self.wrong(path, Expected::YesNo);
                None
            }
        }
    }

    fn count(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<u64> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => {
                let whole = whole_number(&n);
                if whole.is_none() {
                    self.errors.push(Diagnostic::error(path, Message::NotWholeNumber));
                }
                whole
            }
            Some(_) => {
                self.wrong(path, Expected::WholeNumber);
                None
            }
        }
    }

    fn date(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<Date> {
        let text = self.text(obj, key, path)?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.errors.push(Diagnostic::error(path, Message::BadDate { found: text }));
        }
        date
    }

    /// A text that must be one of `allowed`.
    fn choice<T>(
        &mut self,
        obj: &mut Map<String, Json>,
        key: &str,
        path: &str,
        allowed: &[(&'static str, T)],
    ) -> Option<T>
    where
        T: Copy,
    {
        let text = self.text(obj, key, path)?;
        let found = allowed.iter().find(|(k, _)| *k == text).map(|(_, v)| *v);
        if found.is_none() {
            self.errors.push(Diagnostic::error(
                path,
                Message::UnknownValue { found: text, allowed: allowed.iter().map(|(k, _)| *k).collect() },
            ));
        }
        found
    }

    fn dossier(&mut self, mut root: Map<String, Json>) -> DossierFile {
        root.shift_remove("format");
        root.shift_remove("version");
        let ruleset = match root.shift_remove("ruleset") {
            None | Some(Json::Null) => TT24_2023.id.to_string(),
            Some(Json::String(id)) => {
                if rules::ruleset(&id).is_none() {
                    self.errors.push(Diagnostic::error("ruleset", Message::UnknownRuleset { found: id.clone() }));
                }
                id
            }
            Some(other) => {
                self.errors.push(Diagnostic::error("ruleset", Message::UnknownRuleset { found: compact(&other) }));
                String::new()
            }
        };
        let unit = match self.object(&mut root, "unit", "unit") {
            Some(m) => self.unit(m),
            None => UnitFile::default(),
        };
        let year = match root.shift_remove("year") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => match n.as_i64() {
                Some(y) => Some(y),
                None => {
                    self.wrong("year", Expected::Year);
                    None
                }
            },
            Some(_) => {
                self.wrong("year", Expected::Year);
                None
            }
        };
        let submission = self.object(&mut root, "submission", "submission").map(|mut m| Submission {
            recipient: self.text(&mut m, "recipient", "submission.recipient"),
            decision_maker: self.text(&mut m, "decision_maker", "submission.decision_maker"),
            extra: m,
        });
        let previous_recognition =
            self.object(&mut root, "previous_recognition", "previous_recognition").map(|mut m| {
                let levels = [("1", Level::One), ("2", Level::Two)];
                let level = match m.shift_remove("level") {
                    None | Some(Json::Null) => None,
                    Some(Json::Number(n)) => {
                        let level = n.as_u64().and_then(|l| u8::try_from(l).ok()).and_then(Level::from_number);
                        if level.is_none() {
                            self.errors.push(Diagnostic::error(
                                "previous_recognition.level",
                                Message::UnknownValue {
                                    found: n.to_string(),
                                    allowed: levels.iter().map(|l| l.0).collect(),
                                },
                            ));
                        }
                        level
                    }
                    Some(_) => {
                        self.wrong("previous_recognition.level", Expected::WholeNumber);
                        None
                    }
                };
                PreviousRecognition {
                    level,
                    decision_no: self.text(&mut m, "decision_no", "previous_recognition.decision_no"),
                    decision_date: self.date(&mut m, "decision_date", "previous_recognition.decision_date"),
                    extra: m,
                }
            });
        let mut values = Values::default();
        let mut counts = self.object(&mut root, "counts", "counts").unwrap_or_default();
        let mut facts = self.object(&mut root, "facts", "facts").unwrap_or_default();
        for def in TT24_2023.inputs {
            let obj = match def.section {
                Section::Counts => &mut counts,
                Section::Facts => &mut facts,
            };
            let path = def.path();
            let value = match &def.kind {
                InputKind::Count { .. } => self.count(obj, def.key, &path).map(Value::Count),
                InputKind::Flag => self.flag(obj, def.key, &path).map(Value::Flag),
                InputKind::Choice { choices } => {
                    let allowed: Vec<(&'static str, &'static str)> = choices.iter().map(|c| (c.key, c.key)).collect();
                    self.choice(obj, def.key, &path, &allowed).map(Value::Choice)
                }
            };
            values.set(def.id, value);
        }
        let evidence = match self.object(&mut root, "evidence", "evidence") {
            Some(m) => self.evidence(m),
            None => Vec::new(),
        };
        let notes = match self.object(&mut root, "notes", "notes") {
            Some(m) => {
                let mut notes = Vec::new();
                for (id, v) in m {
                    match v {
                        Json::Null => {}
                        Json::String(s) => notes.push((id, s)),
                        _ => self.wrong(&format!("notes.{id}"), Expected::Text),
                    }
                }
                notes
            }
            None => Vec::new(),
        };
        let report = self.object(&mut root, "report", "report").map(|m| self.report(m));
        let finalised = self.object(&mut root, "final", "final").map(|mut m| Final {
            date: self.date(&mut m, "date", "final.date"),
            fingerprint: self.text(&mut m, "fingerprint", "final.fingerprint"),
            extra: m,
        });
        DossierFile {
            ruleset,
            unit,
            year,
            submission,
            previous_recognition,
            values,
            evidence,
            notes,
            report,
            finalised,
            counts_extra: counts,
            facts_extra: facts,
            extra: root,
        }
    }

    fn unit(&mut self, mut m: Map<String, Json>) -> UnitFile {
        let scopes = [("huyen", Scope::Huyen), ("tinh", Scope::Tinh)];
        let indexes = [("4725", DigitalIndex::Qd4725), ("4740", DigitalIndex::Qd4740)];
        UnitFile {
            name: self.text(&mut m, "name", "unit.name"),
            scope: self.choice(&mut m, "scope", "unit.scope", &scopes),
            kind: self.text(&mut m, "kind", "unit.kind"),
            public: self.flag(&mut m, "public", "unit.public"),
            province: self.text(&mut m, "province", "unit.province"),
            district: self.text(&mut m, "district", "unit.district"),
            head: self.text(&mut m, "head", "unit.head"),
            address: self.text(&mut m, "address", "unit.address"),
            vocational: self.flag(&mut m, "vocational", "unit.vocational"),
            digital_index: self.choice(&mut m, "digital_index", "unit.digital_index", &indexes),
            extra: m,
        }
    }

    /// A list of objects at `key`, each read by `item`.
    fn list_of<T>(
        &mut self,
        obj: &mut Map<String, Json>,
        key: &str,
        path: &str,
        mut item: impl FnMut(&mut Self, Map<String, Json>, &str) -> T,
    ) -> Vec<T> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(list)) => {
                let mut out = Vec::new();
                for (i, v) in list.into_iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    match v {
                        Json::Object(o) => out.push(item(self, o, &at)),
                        _ => self.wrong(&at, Expected::Object),
                    }
                }
                out
            }
            Some(_) => {
                self.wrong(path, Expected::List);
                Vec::new()
            }
        }
    }

    fn report(&mut self, mut m: Map<String, Json>) -> Report {
        let parent = self.text(&mut m, "parent", "report.parent");
        let request_no = self.text(&mut m, "request_no", "report.request_no");
        let report_no = self.text(&mut m, "report_no", "report.report_no");
        let place = self.text(&mut m, "place", "report.place");
        let date = self.date(&mut m, "date", "report.date");
        let signer_title = self.text(&mut m, "signer_title", "report.signer_title");
        let team = self.list_of(&mut m, "team", "report.team", |r, mut o, at| TeamMember {
            name: r.text(&mut o, "name", &format!("{at}.name")),
            position: r.text(&mut o, "position", &format!("{at}.position")),
            role: r.text(&mut o, "role", &format!("{at}.role")),
            extra: o,
        });
        let method = self.text(&mut m, "method", "report.method");
        let mut criteria = Vec::new();
        if let Some(cs) = self.object(&mut m, "criteria", "report.criteria") {
            for (n, v) in cs {
                let at = format!("report.criteria.{n}");
                match v {
                    Json::Null => {}
                    Json::Object(mut o) => {
                        let notes = CriterionNotes {
                            strengths: self.text(&mut o, "strengths", &format!("{at}.strengths")),
                            weaknesses: self.text(&mut o, "weaknesses", &format!("{at}.weaknesses")),
                            plan: self.text(&mut o, "plan", &format!("{at}.plan")),
                            extra: o,
                        };
                        criteria.push((n, notes));
                    }
                    _ => self.wrong(&at, Expected::Object),
                }
            }
        }
        let conclusion = self.text(&mut m, "conclusion", "report.conclusion");
        let recipients = match m.shift_remove("recipients") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(list)) => {
                let mut out = Vec::new();
                for (i, v) in list.into_iter().enumerate() {
                    match v {
                        Json::String(t) => out.push(t),
                        _ => self.wrong(&format!("report.recipients[{i}]"), Expected::Text),
                    }
                }
                out
            }
            Some(_) => {
                self.wrong("report.recipients", Expected::List);
                Vec::new()
            }
        };
        Report {
            parent,
            request_no,
            report_no,
            place,
            date,
            signer_title,
            team,
            method,
            criteria,
            conclusion,
            recipients,
            extra: m,
        }
    }

    fn evidence(&mut self, m: Map<String, Json>) -> Vec<(String, Vec<EvidenceItem>)> {
        let mut out = Vec::new();
        for (id, list) in m {
            let list = match list {
                Json::Null => continue,
                Json::Array(list) => list,
                _ => {
                    self.wrong(&format!("evidence.{id}"), Expected::List);
                    continue;
                }
            };
            let mut items = Vec::new();
            for (i, item) in list.into_iter().enumerate() {
                let at = format!("evidence.{id}[{i}]");
                let Json::Object(mut o) = item else {
                    self.wrong(&at, Expected::Object);
                    continue;
                };
                items.push(EvidenceItem {
                    code: self.text(&mut o, "code", &format!("{at}.code")),
                    title: self.text(&mut o, "title", &format!("{at}.title")),
                    number: self.text(&mut o, "number", &format!("{at}.number")),
                    date: self.date(&mut o, "date", &format!("{at}.date")),
                    issuer: self.text(&mut o, "issuer", &format!("{at}.issuer")),
                    location: self.text(&mut o, "location", &format!("{at}.location")),
                    extra: o,
                });
            }
            out.push((id, items));
        }
        out
    }
}

/// A JSON number that is a whole number ≥ 0 (120 and 120.0 both are).
fn whole_number(n: &Number) -> Option<u64> {
    if let Some(u) = n.as_u64() {
        return Some(u);
    }
    let f = n.as_f64()?;
    // 2^64 is exactly representable; anything below it with no fraction fits in a u64.
    (f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f < 18_446_744_073_709_551_616.0).then_some(f as u64)
}

/// The canonical bytes of a dossier: pretty JSON, two-space indent, UTF-8, final newline.
pub fn write(file: &DossierFile) -> String {
    let mut out = serde_json::to_string_pretty(&to_json(file)).unwrap_or_default();
    out.push('\n');
    out
}

fn opt_text(s: &Option<String>) -> Json {
    s.as_ref().map_or(Json::Null, |s| Json::String(s.clone()))
}

fn opt<T: Into<Json> + Clone>(v: &Option<T>) -> Json {
    v.clone().map_or(Json::Null, Into::into)
}

fn with_extra(mut m: Map<String, Json>, extra: &Map<String, Json>) -> Json {
    for (k, v) in extra {
        if !m.contains_key(k) {
            m.insert(k.clone(), v.clone());
        }
    }
    Json::Object(m)
}

/// The dossier as a JSON value, in canonical order.
pub fn to_json(file: &DossierFile) -> Json {
    let u = &file.unit;
    let mut unit = Map::new();
    unit.insert("name".into(), opt_text(&u.name));
    unit.insert("scope".into(), u.scope.map_or(Json::Null, |s| s.key().into()));
    unit.insert("kind".into(), opt_text(&u.kind));
    unit.insert("public".into(), opt(&u.public));
    unit.insert("province".into(), opt_text(&u.province));
    unit.insert("district".into(), opt_text(&u.district));
    unit.insert("head".into(), opt_text(&u.head));
    unit.insert("address".into(), opt_text(&u.address));
    unit.insert("vocational".into(), opt(&u.vocational));
    unit.insert("digital_index".into(), u.digital_index.map_or(Json::Null, |d| d.key().into()));

    let submission = file.submission.as_ref().map_or(Json::Null, |s| {
        let mut m = Map::new();
        m.insert("recipient".into(), opt_text(&s.recipient));
        m.insert("decision_maker".into(), opt_text(&s.decision_maker));
        with_extra(m, &s.extra)
    });
    let previous = file.previous_recognition.as_ref().map_or(Json::Null, |p| {
        let mut m = Map::new();
        m.insert("level".into(), p.level.map_or(Json::Null, |l| l.number().into()));
        m.insert("decision_no".into(), opt_text(&p.decision_no));
        m.insert("decision_date".into(), p.decision_date.map_or(Json::Null, |d| d.to_string().into()));
        with_extra(m, &p.extra)
    });

    let mut counts = Map::new();
    let mut facts = Map::new();
    for def in TT24_2023.inputs {
        let value = match file.values.get(def.id) {
            None => Json::Null,
            Some(Value::Count(n)) => n.into(),
            Some(Value::Flag(b)) => b.into(),
            Some(Value::Choice(c)) => c.into(),
        };
        match def.section {
            Section::Counts => counts.insert(def.key.into(), value),
            Section::Facts => facts.insert(def.key.into(), value),
        };
    }

    let mut evidence = Map::new();
    for (id, _) in in_table_order(&file.evidence) {
        // A repeated id (possible in memory, not in a file) keeps every item.
        let items = file.evidence.iter().filter(|(k, _)| k == id).flat_map(|(_, items)| items);
        let list = items
            .map(|it| {
                let mut m = Map::new();
                m.insert("code".into(), opt_text(&it.code));
                m.insert("title".into(), opt_text(&it.title));
                m.insert("number".into(), opt_text(&it.number));
                m.insert("date".into(), it.date.map_or(Json::Null, |d| d.to_string().into()));
                m.insert("issuer".into(), opt_text(&it.issuer));
                m.insert("location".into(), opt_text(&it.location));
                with_extra(m, &it.extra)
            })
            .collect();
        evidence.insert(id.clone(), Json::Array(list));
    }
    let mut notes = Map::new();
    for (id, text) in in_table_order(&file.notes) {
        notes.insert(id.clone(), Json::String(text.clone()));
    }

    let mut root = Map::new();
    root.insert("format".into(), FORMAT.into());
    root.insert("version".into(), VERSION.into());
    root.insert("ruleset".into(), file.ruleset.clone().into());
    root.insert("unit".into(), with_extra(unit, &u.extra));
    root.insert("year".into(), opt(&file.year));
    root.insert("submission".into(), submission);
    root.insert("previous_recognition".into(), previous);
    root.insert("counts".into(), with_extra(counts, &file.counts_extra));
    root.insert("facts".into(), with_extra(facts, &file.facts_extra));
    root.insert("evidence".into(), Json::Object(evidence));
    root.insert("notes".into(), Json::Object(notes));
    // Written only when present: files without them keep the shape of the spec.
    if let Some(r) = &file.report {
        root.insert("report".into(), report_json(r));
    }
    if let Some(f) = &file.finalised {
        let mut m = Map::new();
        m.insert("date".into(), f.date.map_or(Json::Null, |d| d.to_string().into()));
        m.insert("fingerprint".into(), opt_text(&f.fingerprint));
        root.insert("final".into(), with_extra(m, &f.extra));
    }
    with_extra(root, &file.extra)
}

fn report_json(r: &Report) -> Json {
    let mut m = Map::new();
    m.insert("parent".into(), opt_text(&r.parent));
    m.insert("request_no".into(), opt_text(&r.request_no));
    m.insert("report_no".into(), opt_text(&r.report_no));
    m.insert("place".into(), opt_text(&r.place));
    m.insert("date".into(), r.date.map_or(Json::Null, |d| d.to_string().into()));
    m.insert("signer_title".into(), opt_text(&r.signer_title));
    let team = r
        .team
        .iter()
        .map(|t| {
            let mut o = Map::new();
            o.insert("name".into(), opt_text(&t.name));
            o.insert("position".into(), opt_text(&t.position));
            o.insert("role".into(), opt_text(&t.role));
            with_extra(o, &t.extra)
        })
        .collect();
    m.insert("team".into(), Json::Array(team));
    m.insert("method".into(), opt_text(&r.method));
    let mut criteria = Map::new();
    let mut ordered: Vec<&(String, CriterionNotes)> = Vec::new();
    for c in &r.criteria {
        if !ordered.iter().any(|o| o.0 == c.0) {
            ordered.push(c);
        }
    }
    ordered.sort_by(|a, b| a.0.cmp(&b.0));
    for (n, c) in ordered {
        let mut o = Map::new();
        o.insert("strengths".into(), opt_text(&c.strengths));
        o.insert("weaknesses".into(), opt_text(&c.weaknesses));
        o.insert("plan".into(), opt_text(&c.plan));
        criteria.insert(n.clone(), with_extra(o, &c.extra));
    }
    m.insert("criteria".into(), Json::Object(criteria));
    m.insert("conclusion".into(), opt_text(&r.conclusion));
    m.insert("recipients".into(), Json::Array(r.recipients.iter().map(|t| Json::String(t.clone())).collect()));
    with_extra(m, &r.extra)
}

/// Entries keyed by indicator id: known ids in rules-table order, then the others as they came.
/// A repeated id keeps its first entry, as a JSON object would.
fn in_table_order<T>(entries: &[(String, T)]) -> Vec<&(String, T)> {
    let known = TT24_2023.all_indicator_ids();
    let rank = |id: &str| known.iter().position(|k| *k == id).unwrap_or(known.len());
    let mut out: Vec<&(String, T)> = Vec::new();
    for e in entries {
        if !out.iter().any(|o| o.0 == e.0) {
            out.push(e);
        }
    }
    // A stable sort keeps unknown ids in their original order.
    out.sort_by_key(|(id, _)| rank(id));
    out
}
