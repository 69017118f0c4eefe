//! The dossier as JSON: `read` (bytes → [`DossierFile`], every error named by its field) and
//! `write` (the canonical bytes: known fields in the order of the field tables and of the
//! rules table, then unknown fields as they came), so export → import → export gives the same
//! bytes. The scalar fields are walked from `fields`; the `counts` and `facts` from the rule
//! set the file names.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Number, Value as Json};

use super::fields::{self, Field, FieldPath, Kind, Record, Value as FieldValue};
use super::{
    CriterionNotes, DossierFile, EvidenceItem, Report, TeamDecision, TeamMember, Value, Values, FORMAT, VERSION,
};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Message};
use crate::rules::{self, InputKind, RuleSet, Section};

/// Reads a dossier file. Errors name the field; several are reported at once.
pub fn read(bytes: &[u8]) -> Result<DossierFile, Vec<Diagnostic>> {
    read_with_warnings(bytes).map(|(file, _)| file)
}

/// Reads a dossier file, with the warnings of reading it: a key given twice (the later value
/// is kept), a number out of range (kept as text). Each names its field.
pub fn read_with_warnings(bytes: &[u8]) -> Result<(DossierFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let rules = rules::current();
    // Windows editors often start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Within the size limit before looking at the bytes at all.
    if bytes.len() <= super::limits::MAX_FILE_BYTES && bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Diagnostic::error(rules, FieldPath::File, Message::EmptyFile)]);
    }
    let parsed = super::parse::parse(bytes).map_err(|(path, m)| vec![Diagnostic::error(rules, path, m)])?;
    let file = read_checked(parsed.value)?;
    let rules = rules::for_id(&file.ruleset);
    let warnings = parsed.warnings.into_iter().map(|(path, m)| Diagnostic::warning(rules, path, m)).collect();
    Ok((file, warnings))
}

/// Reads a dossier already parsed as JSON (the JavaScript API passes objects, the app stores
/// drafts): the same limits apply as to a file's bytes.
pub fn read_value(root: Json) -> Result<DossierFile, Vec<Diagnostic>> {
    if let Err((path, m)) = super::limits::check_value(&root) {
        return Err(vec![Diagnostic::error(rules::current(), path, m)]);
    }
    read_checked(root)
}

/// Reads a value known to be within the limits.
fn read_checked(root: Json) -> Result<DossierFile, Vec<Diagnostic>> {
    let rules = rules::current();
    let fail = |path: FieldPath, m: Message| Err(vec![Diagnostic::error(rules, path, m)]);
    let Json::Object(mut root) = root else {
        return fail(FieldPath::File, Message::NotADossier);
    };
    if root.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return fail(FieldPath::Top("format"), Message::NotADossier);
    }
    let version = match root.get("version") {
        None | Some(Json::Null) => return fail(FieldPath::Top("version"), Message::Required),
        Some(Json::Number(n)) => match n.as_u64().filter(|v| (1..=VERSION).contains(v)) {
            Some(v) => v,
            None => return fail(FieldPath::Top("version"), Message::UnsupportedVersion { found: n.to_string() }),
        },
        Some(other) => {
            return fail(FieldPath::Top("version"), Message::UnsupportedVersion { found: compact(other) });
        }
    };
    migrate(&mut root, version);
    let mut r = Reader { rules, errors: Vec::new() };
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
    let s = super::format::compact(v);
    if s.chars().count() > 40 {
        let head: String = s.chars().take(40).collect();
        format!("{head}…")
    } else {
        s
    }
}

struct Reader {
    rules: &'static RuleSet,
    errors: Vec<Diagnostic>,
}

impl Reader {
    fn error(&mut self, path: impl Into<String>, message: Message) {
        self.errors.push(Diagnostic::error(self.rules, path, message));
    }

    fn wrong(&mut self, path: impl Into<String>, expected: Expected) {
        self.error(path, Message::WrongType { expected });
    }

    /// Takes the object at `key` (absent or null: None), leaving the unknown fields behind.
    fn object(&mut self, obj: &mut Map<String, Json>, key: &str, path: FieldPath) -> Option<Map<String, Json>> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Object(m)) => Some(m),
            Some(_) => {
                self.wrong(path, Expected::Object);
                None
            }
        }
    }

    fn text(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<String> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(s),
            Some(_) => {
                self.wrong(path.clone(), Expected::Text);
                None
            }
        }
    }

    fn flag(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<bool> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(b),
            Some(_) => {
                self.wrong(path.clone(), Expected::YesNo);
                None
            }
        }
    }

    fn count(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<u64> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => {
                let whole = whole_number(&n);
                if whole.is_none() {
                    self.error(path.clone(), Message::NotWholeNumber);
                }
                whole
            }
            Some(_) => {
                self.wrong(path.clone(), Expected::WholeNumber);
                None
            }
        }
    }

    fn date(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<Date> {
        let text = self.text(obj, key, path)?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.error(path.clone(), Message::BadDate { found: text });
        }
        date
    }

    /// A text that must be one of `allowed`.
    fn choice(
        &mut self,
        obj: &mut Map<String, Json>,
        key: &str,
        path: &FieldPath,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        let text = self.text(obj, key, path)?;
        let found = allowed.iter().copied().find(|k| *k == text);
        if found.is_none() {
            self.error(path.clone(), Message::UnknownValue { found: text, allowed: allowed.to_vec() });
        }
        found
    }

    /// Mức độ 1 or 2, as a number.
    fn level(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<&'static str> {
        const LEVELS: [&str; 2] = ["1", "2"];
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => {
                let found = n.as_u64().and_then(|l| LEVELS.iter().copied().find(|k| *k == l.to_string()));
                if found.is_none() {
                    self.error(path.clone(), Message::UnknownValue { found: n.to_string(), allowed: LEVELS.to_vec() });
                }
                found
            }
            Some(_) => {
                self.wrong(path.clone(), Expected::WholeNumber);
                None
            }
        }
    }

    /// A whole number (a year).
    fn integer(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Option<i64> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) if n.as_i64().is_some() => n.as_i64(),
            Some(_) => {
                self.wrong(path.clone(), Expected::Year);
                None
            }
        }
    }

    fn lines(&mut self, obj: &mut Map<String, Json>, key: &str, path: &FieldPath) -> Vec<String> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(list)) => {
                let mut out = Vec::new();
                for (i, v) in list.into_iter().enumerate() {
                    match v {
                        Json::String(t) => out.push(t),
                        _ => self.wrong(format!("{path}[{i}]"), Expected::Text),
                    }
                }
                out
            }
            Some(_) => {
                self.wrong(path.clone(), Expected::List);
                Vec::new()
            }
        }
    }

    /// The fields of `table` out of `m`, into a fresh record; the rows of kind `Group` are
    /// left to `group`. What remains of `m` is the record's unknown fields.
    fn record<T: Default>(
        &mut self,
        m: &mut Map<String, Json>,
        table: &'static [Field<T>],
        path: impl Fn(&'static str) -> FieldPath,
        mut group: impl FnMut(&mut Self, &mut Map<String, Json>, &mut T, &'static str),
    ) -> T {
        let mut record = T::default();
        for f in table {
            let at = path(f.key);
            let value = match f.kind {
                Kind::Text => FieldValue::Text(self.text(m, f.key, &at)),
                Kind::Date => FieldValue::Date(self.date(m, f.key, &at)),
                Kind::YesNo => FieldValue::Flag(self.flag(m, f.key, &at)),
                Kind::Choice(keys) => FieldValue::Key(self.choice(m, f.key, &at, keys)),
                Kind::Level => FieldValue::Key(self.level(m, f.key, &at)),
                Kind::Number => FieldValue::Number(self.integer(m, f.key, &at)),
                Kind::Lines => FieldValue::Lines(self.lines(m, f.key, &at)),
                Kind::Group => {
                    group(self, m, &mut record, f.key);
                    continue;
                }
            };
            (f.set)(&mut record, value);
        }
        record
    }

    /// A fixed record of the file, if present.
    fn fixed<T: Default>(
        &mut self,
        root: &mut Map<String, Json>,
        record: Record,
        table: &'static [Field<T>],
        extra: fn(&mut T) -> &mut Map<String, Json>,
    ) -> Option<T> {
        let mut m = self.object(root, record.key(), FieldPath::Top(record.key()))?;
        let mut out = self.record(&mut m, table, |k| FieldPath::Field(record, k), |_, _, _, _| {});
        *extra(&mut out) = m;
        Some(out)
    }

    fn dossier(&mut self, mut root: Map<String, Json>) -> DossierFile {
        root.shift_remove("format");
        root.shift_remove("version");
        let ruleset = match root.shift_remove("ruleset") {
            None | Some(Json::Null) => rules::current().id.to_string(),
            Some(Json::String(id)) => {
                if rules::ruleset(&id).is_none() {
                    self.error(FieldPath::Top("ruleset"), Message::UnknownRuleset { found: id.clone() });
                }
                id
            }
            Some(other) => {
                self.error(FieldPath::Top("ruleset"), Message::UnknownRuleset { found: compact(&other) });
                String::new()
            }
        };
        // The file's own rule set gives the words of its messages and its inputs.
        self.rules = rules::for_id(&ruleset);
        let unit = self.fixed(&mut root, Record::Unit, &fields::UNIT, |u| &mut u.extra).unwrap_or_default();
        let year = match root.shift_remove("year") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => match n.as_i64() {
                Some(y) => Some(y),
                None => {
                    self.wrong(FieldPath::Top("year"), Expected::Year);
                    None
                }
            },
            Some(_) => {
                self.wrong(FieldPath::Top("year"), Expected::Year);
                None
            }
        };
        let submission = self.fixed(&mut root, Record::Submission, &fields::SUBMISSION, |s| &mut s.extra);
        let previous_recognition = self.fixed(&mut root, Record::Previous, &fields::PREVIOUS, |p| &mut p.extra);
        let request_level = self
            .level(&mut root, "request_level", &FieldPath::Top("request_level"))
            .and_then(|k| k.parse().ok().and_then(crate::rules::Level::from_number));
        let mut values = Values::default();
        let mut counts = self.object(&mut root, "counts", FieldPath::Top("counts")).unwrap_or_default();
        let mut facts = self.object(&mut root, "facts", FieldPath::Top("facts")).unwrap_or_default();
        for def in self.rules.inputs {
            let obj = match def.section {
                Section::Counts => &mut counts,
                Section::Facts => &mut facts,
            };
            let path = FieldPath::Input(def.section, def.key);
            let value = match &def.kind {
                InputKind::Count { .. } => self.count(obj, def.key, &path).map(Value::Count),
                InputKind::Flag { unless: None } => self.flag(obj, def.key, &path).map(Value::Flag),
                // true, false, or the answer that makes the part not apply ("none_in_area").
                InputKind::Flag { unless: Some(other) } => match obj.get(def.key) {
                    // Wrong text names all three answers the field takes.
                    Some(Json::String(s)) if s.as_str() != other.key => {
                        let found = s.clone();
                        self.error(
                            path.clone(),
                            Message::UnknownValue { found, allowed: vec!["true", "false", other.key] },
                        );
                        obj.remove(def.key);
                        None
                    }
                    Some(Json::String(_)) => self.choice(obj, def.key, &path, &[other.key]).map(Value::Choice),
                    _ => self.flag(obj, def.key, &path).map(Value::Flag),
                },
                InputKind::Choice { choices } => {
                    let allowed: Vec<&'static str> = choices.iter().map(|c| c.key).collect();
                    self.choice(obj, def.key, &path, &allowed).map(Value::Choice)
                }
            };
            values.set(def.id, value);
        }
        let evidence = match self.object(&mut root, "evidence", FieldPath::Top("evidence")) {
            Some(m) => self.evidence(m),
            None => Vec::new(),
        };
        let notes = match self.object(&mut root, "notes", FieldPath::Top("notes")) {
            Some(m) => {
                let mut notes = Vec::new();
                for (id, v) in m {
                    match v {
                        Json::Null => {}
                        Json::String(s) => notes.push((id, s)),
                        _ => self.wrong(FieldPath::Note(id), Expected::Text),
                    }
                }
                notes
            }
            None => Vec::new(),
        };
        let report = self.object(&mut root, "report", FieldPath::Top("report")).map(|m| self.report(m));
        let finalised = self.fixed(&mut root, Record::Final, &fields::FINAL, |f| &mut f.extra);
        let roster = self.object(&mut root, "roster", FieldPath::Top("roster")).map(|m| {
            let read = crate::roster::json::from_json(self.rules, m);
            for (path, message) in read.errors {
                self.error(path, message);
            }
            // While the counts come from the list, `counts` hold the list's and `typed_counts`
            // what was typed: the dossier keeps the typed ones.
            if read.roster.counts_from_list {
                for input in read.roster.covered(self.rules) {
                    let typed = read.typed.iter().find(|(i, _)| *i == input).map(|(_, n)| Value::Count(*n));
                    values.set(input, typed);
                }
            }
            read.roster
        });
        DossierFile {
            ruleset,
            unit,
            year,
            submission,
            previous_recognition,
            request_level,
            values,
            evidence,
            notes,
            report,
            finalised,
            roster,
            counts_extra: counts,
            facts_extra: facts,
            extra: root,
        }
    }

    /// A list of objects at `key`, each read by `item`.
    fn list_of<T>(
        &mut self,
        obj: &mut Map<String, Json>,
        key: &str,
        path: FieldPath,
        mut item: impl FnMut(&mut Self, Map<String, Json>, usize) -> T,
    ) -> Vec<T> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(list)) => {
                let mut out = Vec::new();
                for (i, v) in list.into_iter().enumerate() {
                    match v {
                        Json::Object(o) => out.push(item(self, o, i)),
                        _ => self.wrong(format!("{path}[{i}]"), Expected::Object),
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
        let mut report = self.record(
            &mut m,
            &fields::REPORT,
            |k| FieldPath::Field(Record::Report, k),
            |r, m, report: &mut Report, key| match key {
                "team_decision" => {
                    let path = FieldPath::Top(Record::TeamDecision.key());
                    report.team_decision = r.object(m, "team_decision", path).map(|mut o| {
                        let mut d: TeamDecision = r.record(
                            &mut o,
                            &fields::TEAM_DECISION,
                            |k| FieldPath::Field(Record::TeamDecision, k),
                            |_, _, _, _| {},
                        );
                        d.extra = o;
                        d
                    });
                }
                "team" => {
                    report.team = r.list_of(m, "team", FieldPath::Field(Record::Report, "team"), |r, mut o, i| {
                        let mut t: TeamMember =
                            r.record(&mut o, &fields::TEAM, |k| FieldPath::Team(i, Some(k)), |_, _, _, _| {});
                        t.extra = o;
                        t
                    })
                }
                "criteria" => {
                    let Some(cs) = r.object(m, "criteria", FieldPath::Field(Record::Report, "criteria")) else {
                        return;
                    };
                    for (n, v) in cs {
                        match v {
                            Json::Null => {}
                            Json::Object(mut o) => {
                                let mut notes: CriterionNotes = r.record(
                                    &mut o,
                                    &fields::CRITERION,
                                    |k| FieldPath::Criterion(n.clone(), k),
                                    |_, _, _, _| {},
                                );
                                notes.extra = o;
                                report.criteria.push((n, notes));
                            }
                            _ => r.wrong(format!("report.criteria.{n}"), Expected::Object),
                        }
                    }
                }
                _ => {}
            },
        );
        report.extra = m;
        report
    }

    fn evidence(&mut self, m: Map<String, Json>) -> Vec<(String, Vec<EvidenceItem>)> {
        // Within the limit of items, counted before any is read.
        let items: usize = m.values().map(|l| l.as_array().map_or(0, Vec::len)).sum();
        if items > super::limits::MAX_EVIDENCE_ITEMS {
            self.error(FieldPath::Top("evidence"), super::limits::over(crate::diagnostic::Limit::EvidenceItems));
            return Vec::new();
        }
        let mut out = Vec::new();
        for (id, list) in m {
            let list = match list {
                Json::Null => continue,
                Json::Array(list) => list,
                _ => {
                    self.wrong(FieldPath::Evidence(id, None, None), Expected::List);
                    continue;
                }
            };
            let mut items = Vec::new();
            for (i, item) in list.into_iter().enumerate() {
                let Json::Object(mut o) = item else {
                    self.wrong(FieldPath::Evidence(id.clone(), Some(i), None), Expected::Object);
                    continue;
                };
                let mut it: EvidenceItem = self.record(
                    &mut o,
                    &fields::EVIDENCE,
                    |k| FieldPath::Evidence(id.clone(), Some(i), Some(k)),
                    |_, _, _, _| {},
                );
                it.extra = o;
                items.push(it);
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

/// What a written dossier carries beyond the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WriteOptions {
    /// The member list, with its names. Off by default: names stay on the device (the
    /// app's own drafts ask for it); the counts it gives are written either way.
    pub roster: bool,
}

/// The canonical bytes of a dossier: pretty JSON, two-space indent, UTF-8, final newline;
/// without the member list (see [`write_with`]).
pub fn write(file: &DossierFile) -> String {
    write_with(file, WriteOptions::default())
}

/// The canonical bytes of a dossier, with what `options` ask for.
pub fn write_with(file: &DossierFile, options: WriteOptions) -> String {
    let mut out = super::format::pretty(&to_json_with(file, options));
    out.push('\n');
    out
}

fn opt_text(s: &Option<String>) -> Json {
    s.as_ref().map_or(Json::Null, |s| Json::String(s.clone()))
}

fn with_extra(mut m: Map<String, Json>, extra: &Map<String, Json>) -> Json {
    for (k, v) in extra {
        if !m.contains_key(k) {
            m.insert(k.clone(), v.clone());
        }
    }
    Json::Object(m)
}

/// The fields of `table` from a record, in table order; rows of kind `Group` from `group`.
/// A sparse row without a value is left out.
fn record<T>(
    r: &T,
    table: &'static [Field<T>],
    extra: &Map<String, Json>,
    group: impl Fn(&'static str) -> Json,
) -> Json {
    let mut m = Map::new();
    for f in table {
        let value = match (f.get)(r) {
            FieldValue::Number(n) => n.map_or(Json::Null, Json::from),
            FieldValue::Text(t) => opt_text(&t),
            FieldValue::Date(d) => d.map_or(Json::Null, |d| d.to_string().into()),
            FieldValue::Flag(b) => b.map_or(Json::Null, Json::Bool),
            FieldValue::Key(k) => match (k, f.kind) {
                (None, _) => Json::Null,
                // A level is a number in the file.
                (Some(k), Kind::Level) => k.parse::<u64>().map_or(Json::Null, Json::from),
                (Some(k), _) => k.into(),
            },
            FieldValue::Lines(lines) => Json::Array(lines.into_iter().map(Json::String).collect()),
            FieldValue::None => group(f.key),
        };
        if f.sparse && value.is_null() {
            continue;
        }
        m.insert(f.key.into(), value);
    }
    with_extra(m, extra)
}

/// The dossier as a JSON value, in canonical order, without the member list.
pub fn to_json(file: &DossierFile) -> Json {
    to_json_with(file, WriteOptions::default())
}

/// The dossier as a JSON value, in canonical order, with what `options` ask for.
pub fn to_json_with(file: &DossierFile, options: WriteOptions) -> Json {
    let rules = rules::for_id(&file.ruleset);
    let none = |_| Json::Null;
    let mut counts = Map::new();
    let mut facts = Map::new();
    // The counts the dossier stands on: the list's, when they come from it.
    let values = crate::roster::counts(file);
    for def in rules.inputs {
        let value = match values.get(def.id) {
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
    // A repeated id (possible in memory, not in a file) keeps every item: the lists of each id,
    // gathered in one pass.
    let mut lists: HashMap<&str, Vec<&EvidenceItem>> = HashMap::with_capacity(file.evidence.len());
    for (id, items) in &file.evidence {
        lists.entry(id.as_str()).or_default().extend(items);
    }
    for (id, _) in in_table_order(rules, &file.evidence) {
        let items = lists.remove(id.as_str()).unwrap_or_default();
        let list = items.into_iter().map(|it| record(it, &fields::EVIDENCE, &it.extra, none)).collect();
        evidence.insert(id.clone(), Json::Array(list));
    }
    let mut notes = Map::new();
    for (id, text) in in_table_order(rules, &file.notes) {
        notes.insert(id.clone(), Json::String(text.clone()));
    }

    let mut root = Map::new();
    root.insert("format".into(), FORMAT.into());
    root.insert("version".into(), VERSION.into());
    root.insert("ruleset".into(), file.ruleset.clone().into());
    root.insert("unit".into(), record(&file.unit, &fields::UNIT, &file.unit.extra, none));
    root.insert("year".into(), file.year.map_or(Json::Null, Json::from));
    root.insert(
        "submission".into(),
        file.submission.as_ref().map_or(Json::Null, |s| record(s, &fields::SUBMISSION, &s.extra, none)),
    );
    root.insert(
        "previous_recognition".into(),
        file.previous_recognition.as_ref().map_or(Json::Null, |p| record(p, &fields::PREVIOUS, &p.extra, none)),
    );
    if let Some(level) = file.request_level {
        root.insert("request_level".into(), level.number().into());
    }
    root.insert("counts".into(), with_extra(counts, &file.counts_extra));
    root.insert("facts".into(), with_extra(facts, &file.facts_extra));
    root.insert("evidence".into(), Json::Object(evidence));
    root.insert("notes".into(), Json::Object(notes));
    // Written only when present: files without them keep the shape of the spec.
    if let Some(r) = &file.report {
        root.insert("report".into(), report_json(r));
    }
    if let Some(f) = &file.finalised {
        root.insert("final".into(), record(f, &fields::FINAL, &f.extra, none));
    }
    if let Some(r) = file.roster.as_ref().filter(|_| options.roster) {
        root.insert("roster".into(), crate::roster::json::to_json(rules, r, &file.values));
    }
    with_extra(root, &file.extra)
}

fn report_json(r: &Report) -> Json {
    record(r, &fields::REPORT, &r.extra, |key| match key {
        "team_decision" => {
            r.team_decision.as_ref().map_or(Json::Null, |d| record(d, &fields::TEAM_DECISION, &d.extra, |_| Json::Null))
        }
        "team" => Json::Array(r.team.iter().map(|t| record(t, &fields::TEAM, &t.extra, |_| Json::Null)).collect()),
        "criteria" => {
            let mut seen: HashSet<&str> = HashSet::with_capacity(r.criteria.len());
            let mut ordered: Vec<&(String, CriterionNotes)> =
                r.criteria.iter().filter(|c| seen.insert(c.0.as_str())).collect();
            crate::order::sort_by(&mut ordered, |a, b| a.0 < b.0);
            let mut criteria = Map::new();
            for (n, c) in ordered {
                criteria.insert(n.clone(), record(c, &fields::CRITERION, &c.extra, |_| Json::Null));
            }
            Json::Object(criteria)
        }
        _ => Json::Null,
    })
}

/// Entries keyed by indicator id: known ids in rules-table order, then the others as they came.
/// A repeated id keeps its first entry, as a JSON object would.
/// Linear in the entries: ids are looked up, never searched for.
fn in_table_order<'a, T>(rules: &'static RuleSet, entries: &'a [(String, T)]) -> Vec<&'a (String, T)> {
    let known = rules.all_indicator_ids();
    let ranks: HashMap<&str, usize> = known.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let rank = |id: &str| ranks.get(id).copied().unwrap_or(known.len());
    let mut seen: HashSet<&str> = HashSet::with_capacity(entries.len());
    let mut out: Vec<&(String, T)> = entries.iter().filter(|e| seen.insert(e.0.as_str())).collect();
    // A stable sort keeps unknown ids in their original order.
    crate::order::sort_by_key(&mut out, |(id, _)| rank(id));
    out
}
