//! The receiving side's files as JSON, walked from the field tables as `file::json` walks the
//! dossier's: `read` names every error by its field (several at once), `write` gives the
//! canonical bytes (known fields in table order, then unknown fields as they came), so export
//! → import → export gives the same bytes. The same reader serves the register of
//! recognitions and the year's report (`recognitions.rs`, `report.rs`).

use serde_json::{Map, Value as Json};

use super::fields::{self, TOP};
use super::{AppraisalFile, CouncilAppraisal, IndicatorVerdict, Received, FORMAT, VERSION};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Message};
use crate::file::fields::{Field, Kind, Value as FieldValue};
use crate::rules::{self, RuleSet};
use crate::sha256::{hex, sha256};

/// `base.key`, or `key` at the top.
pub(crate) fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

pub(crate) struct Reader {
    pub rules: &'static RuleSet,
    pub errors: Vec<Diagnostic>,
}

impl Reader {
    pub fn new() -> Reader {
        Reader { rules: rules::current(), errors: Vec::new() }
    }

    pub fn error(&mut self, path: impl Into<String>, message: Message) {
        self.errors.push(Diagnostic::error(self.rules, path, message));
    }

    fn wrong(&mut self, path: &str, expected: Expected) {
        self.error(path, Message::WrongType { expected });
    }

    /// The root object, after checking its format and version.
    pub fn root(&mut self, bytes: &[u8], format: &'static str) -> Option<Map<String, Json>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.error("", Message::EmptyFile);
            return None;
        }
        let root: Json = match serde_json::from_slice(bytes) {
            Ok(v) => v,
            Err(e) => {
                self.error("", Message::NotJson { line: e.line(), column: e.column() });
                return None;
            }
        };
        let Json::Object(mut root) = root else {
            self.error("", Message::WrongFormat { expected: format });
            return None;
        };
        if root.get("format").and_then(Json::as_str) != Some(format) {
            self.error("format", Message::WrongFormat { expected: format });
            return None;
        }
        match root.get("version") {
            None | Some(Json::Null) => {
                self.error("version", Message::Required);
                return None;
            }
            Some(Json::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(other) => {
                let found = other.to_string().chars().take(40).collect();
                self.error("version", Message::UnsupportedVersion { found });
                return None;
            }
        }
        root.shift_remove("format");
        root.shift_remove("version");
        match root.shift_remove("ruleset") {
            None | Some(Json::Null) => {}
            Some(Json::String(id)) => match rules::ruleset(&id) {
                Some(r) => self.rules = r,
                None => self.error("ruleset", Message::UnknownRuleset { found: id }),
            },
            Some(other) => {
                let found = other.to_string().chars().take(40).collect();
                self.error("ruleset", Message::UnknownRuleset { found });
            }
        }
        Some(root)
    }

    /// The object at `key` (absent or null: None).
    pub fn object(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<Map<String, Json>> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Object(m)) => Some(m),
            Some(_) => {
                self.wrong(path, Expected::Object);
                None
            }
        }
    }

    /// The objects of the list at `key`, each with its index.
    pub fn list(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Vec<(usize, Map<String, Json>)> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(items)) => {
                let mut out = Vec::new();
                for (i, v) in items.into_iter().enumerate() {
                    match v {
                        Json::Object(o) => out.push((i, o)),
                        _ => self.wrong(&format!("{path}[{i}]"), Expected::Object),
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

    pub fn integer(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<i64> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) if n.as_i64().is_some() => n.as_i64(),
            Some(_) => {
                self.wrong(path, Expected::Year);
                None
            }
        }
    }

    pub fn count(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str) -> Option<u64> {
        match obj.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(_) => {
                self.wrong(path, Expected::WholeNumber);
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

    fn value(&mut self, obj: &mut Map<String, Json>, key: &str, path: &str, kind: Kind) -> FieldValue {
        match kind {
            Kind::Text => FieldValue::Text(self.text(obj, key, path)),
            Kind::Date => FieldValue::Date(self.text(obj, key, path).and_then(|t| {
                let d = Date::parse(&t);
                if d.is_none() {
                    self.error(path, Message::BadDate { found: t });
                }
                d
            })),
            Kind::YesNo => FieldValue::Flag(match obj.shift_remove(key) {
                None | Some(Json::Null) => None,
                Some(Json::Bool(b)) => Some(b),
                Some(_) => {
                    self.wrong(path, Expected::YesNo);
                    None
                }
            }),
            Kind::Choice(keys) => FieldValue::Key(self.text(obj, key, path).and_then(|t| {
                let found = keys.iter().copied().find(|k| *k == t);
                if found.is_none() {
                    self.error(path, Message::UnknownValue { found: t, allowed: keys.to_vec() });
                }
                found
            })),
            Kind::Level => FieldValue::Key(match obj.shift_remove(key) {
                None | Some(Json::Null) => None,
                Some(Json::Number(n)) => {
                    let found = match n.as_u64() {
                        Some(1) => Some("1"),
                        Some(2) => Some("2"),
                        _ => None,
                    };
                    if found.is_none() {
                        self.error(path, Message::UnknownValue { found: n.to_string(), allowed: vec!["1", "2"] });
                    }
                    found
                }
                Some(_) => {
                    self.wrong(path, Expected::WholeNumber);
                    None
                }
            }),
            Kind::Number => FieldValue::Number(self.integer(obj, key, path)),
            Kind::Lines => FieldValue::Lines(match obj.shift_remove(key) {
                None | Some(Json::Null) => Vec::new(),
                Some(Json::Array(items)) => items
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, v)| match v {
                        Json::String(s) => Some(s),
                        _ => {
                            self.wrong(&format!("{path}[{i}]"), Expected::Text);
                            None
                        }
                    })
                    .collect(),
                Some(_) => {
                    self.wrong(path, Expected::List);
                    Vec::new()
                }
            }),
            Kind::Group => FieldValue::None,
        }
    }

    /// The fields of `table` out of `m` into a fresh record; rows of kind `Group` are left to
    /// `group`. What remains of `m` is the record's unknown fields, which the caller keeps.
    pub fn record<T: Default>(
        &mut self,
        m: &mut Map<String, Json>,
        table: &'static [Field<T>],
        base: &str,
        mut group: impl FnMut(&mut Self, &mut Map<String, Json>, &mut T, &'static str),
    ) -> T {
        let mut record = T::default();
        for f in table {
            if f.kind == Kind::Group {
                group(self, m, &mut record, f.key);
                continue;
            }
            let value = self.value(m, f.key, &join(base, f.key), f.kind);
            (f.set)(&mut record, value);
        }
        record
    }
}

/// The fields of `table` from a record, in table order (rows of kind `Group` from `group`),
/// then its unknown fields. A sparse row without a value is left out.
pub(crate) fn record_json<T>(
    r: &T,
    table: &'static [Field<T>],
    extra: &Map<String, Json>,
    group: impl Fn(&'static str) -> Json,
) -> Json {
    let mut m = Map::new();
    for f in table {
        let value = match (f.get)(r) {
            FieldValue::Number(n) => n.map_or(Json::Null, Json::from),
            FieldValue::Text(t) => t.map_or(Json::Null, Json::String),
            FieldValue::Date(d) => d.map_or(Json::Null, |d| d.to_string().into()),
            FieldValue::Flag(b) => b.map_or(Json::Null, Json::Bool),
            FieldValue::Key(None) => Json::Null,
            FieldValue::Key(Some(k)) if f.kind == Kind::Level => k.parse::<u64>().map_or(Json::Null, Json::from),
            FieldValue::Key(Some(k)) => k.into(),
            FieldValue::Lines(lines) => Json::Array(lines.into_iter().map(Json::String).collect()),
            FieldValue::None => group(f.key),
        };
        if f.sparse && value.is_null() {
            continue;
        }
        m.insert(f.key.into(), value);
    }
    for (k, v) in extra {
        if !m.contains_key(k) {
            m.insert(k.clone(), v.clone());
        }
    }
    Json::Object(m)
}

/// Pretty JSON, two-space indent, final newline: the canonical bytes of every dvht file.
pub(crate) fn pretty(v: &Json) -> String {
    let mut out = serde_json::to_string_pretty(v).unwrap_or_default();
    out.push('\n');
    out
}

/// A received dossier, ready to embed, and the SHA-256 of its bytes: its JSON object when the
/// bytes are dvht's canonical form of it (every file dvht writes), else its text as received.
/// `None` when the bytes are not UTF-8 JSON.
pub fn embed(bytes: &[u8]) -> Option<(Json, String)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let value: Json = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()?;
    let sha = hex(&sha256(bytes));
    if value.is_object() && pretty(&value).as_bytes() == bytes {
        Some((value, sha))
    } else {
        Some((Json::String(text.to_string()), sha))
    }
}

/// The bytes of an embedded dossier, as they were received.
pub fn dossier_bytes(r: &Received) -> Option<Vec<u8>> {
    match &r.dossier {
        Json::String(s) => Some(s.as_bytes().to_vec()),
        v @ Json::Object(_) => Some(pretty(v).into_bytes()),
        _ => None,
    }
}

/// Reads an appraisal file. Errors name the field; several are reported at once.
pub fn read(bytes: &[u8]) -> Result<AppraisalFile, Vec<Diagnostic>> {
    let mut r = Reader::new();
    let Some(mut root) = r.root(bytes, FORMAT) else { return Err(r.errors) };
    let ruleset = r.rules.id.to_string();
    let year = r.integer(&mut root, "year", "year");
    let mut body_m = r.object(&mut root, "body", "body").unwrap_or_default();
    let mut body: super::Body = r.record(&mut body_m, &fields::BODY, "body", |_, _, _, _| {});
    body.extra = body_m;
    let mut council_m = r.object(&mut root, "council", "council").unwrap_or_default();
    let mut council: super::Council = r.record(&mut council_m, &fields::COUNCIL, "council", |r, m, c, key| {
        if key == "members" {
            for (i, mut o) in r.list(m, "members", "council.members") {
                let mut member: super::Member =
                    r.record(&mut o, &fields::MEMBER, &format!("council.members[{i}]"), |_, _, _, _| {});
                member.extra = o;
                c.members.push(member);
            }
        }
    });
    council.extra = council_m;
    let mut dossiers = Vec::new();
    for (i, mut o) in r.list(&mut root, "dossiers", "dossiers") {
        let base = format!("dossiers[{i}]");
        let mut dossier = Json::Null;
        let mut appraisal = CouncilAppraisal::default();
        let mut d: Received = r.record(&mut o, &fields::RECEIVED, &base, |r, m, _, key| match key {
            "dossier" => match m.shift_remove("dossier") {
                Some(v @ (Json::Object(_) | Json::String(_))) => dossier = v,
                None | Some(Json::Null) => r.error(join(&base, "dossier"), Message::Required),
                Some(_) => r.error(join(&base, "dossier"), Message::WrongType { expected: Expected::Object }),
            },
            "appraisal" => {
                let path = join(&base, "appraisal");
                if let Some(mut a) = r.object(m, "appraisal", &path) {
                    appraisal = read_appraisal(r, &mut a, &path);
                    appraisal.extra = a;
                }
            }
            _ => {}
        });
        d.dossier = dossier;
        d.appraisal = appraisal;
        d.extra = o;
        dossiers.push(d);
    }
    let mut decision_m = r.object(&mut root, "decision", "decision").unwrap_or_default();
    let mut decision: super::Decision = r.record(&mut decision_m, &fields::DECISION, "decision", |_, _, _, _| {});
    decision.extra = decision_m;
    let mut rejected = Vec::new();
    for (i, mut o) in r.list(&mut root, "rejected", "rejected") {
        let mut x: super::Rejected = r.record(&mut o, &fields::REJECTED, &format!("rejected[{i}]"), |_, _, _, _| {});
        x.extra = o;
        rejected.push(x);
    }
    if r.errors.is_empty() {
        Ok(AppraisalFile { ruleset, year, body, council, dossiers, decision, rejected, extra: root })
    } else {
        Err(r.errors)
    }
}

fn read_appraisal(r: &mut Reader, m: &mut Map<String, Json>, base: &str) -> CouncilAppraisal {
    r.record(m, &fields::APPRAISAL, base, |r, m, a: &mut CouncilAppraisal, key| {
        if key != "indicators" {
            return;
        }
        let path = join(base, "indicators");
        let Some(ids) = r.object(m, "indicators", &path) else { return };
        for (id, v) in ids {
            let at = join(&path, &id);
            match v {
                Json::Null => {}
                Json::Object(mut o) => {
                    let mut iv: IndicatorVerdict = r.record(&mut o, &fields::VERDICT, &at, |_, _, _, _| {});
                    iv.extra = o;
                    a.indicators.push((id, iv));
                }
                _ => r.error(at, Message::WrongType { expected: Expected::Object }),
            }
        }
    })
}

/// Entries keyed by indicator id: known ids in rules-table order, then the others as they came;
/// a repeated id keeps its first entry, as a JSON object would.
pub(crate) fn in_table_order<'a, T>(rules: &'static RuleSet, entries: &'a [(String, T)]) -> Vec<&'a (String, T)> {
    let known = rules.all_indicator_ids();
    let rank = |id: &str| known.iter().position(|k| *k == id).unwrap_or(known.len());
    let mut out: Vec<&(String, T)> = Vec::new();
    for e in entries {
        if !out.iter().any(|o| o.0 == e.0) {
            out.push(e);
        }
    }
    out.sort_by_key(|(id, _)| rank(id));
    out
}

fn appraisal_json(rules: &'static RuleSet, a: &CouncilAppraisal) -> Json {
    record_json(a, &fields::APPRAISAL, &a.extra, |key| match key {
        "indicators" => {
            let mut m = Map::new();
            for (id, v) in in_table_order(rules, &a.indicators) {
                m.insert(id.clone(), record_json(v, &fields::VERDICT, &v.extra, |_| Json::Null));
            }
            Json::Object(m)
        }
        _ => Json::Null,
    })
}

/// The appraisal file as a JSON value, in canonical order.
pub fn to_json(file: &AppraisalFile) -> Json {
    to_json_with(file, |d| d.dossier.clone())
}

/// The same, each embedded dossier given by `dossier`.
fn to_json_with(file: &AppraisalFile, dossier: impl Fn(&Received) -> Json) -> Json {
    let rules = rules::for_id(&file.ruleset);
    let mut root = Map::new();
    root.insert("format".into(), FORMAT.into());
    root.insert("version".into(), VERSION.into());
    root.insert("ruleset".into(), file.ruleset.clone().into());
    root.insert("year".into(), file.year.map_or(Json::Null, Json::from));
    root.insert("body".into(), record_json(&file.body, &fields::BODY, &file.body.extra, |_| Json::Null));
    let c = &file.council;
    root.insert(
        "council".into(),
        record_json(c, &fields::COUNCIL, &c.extra, |_| {
            Json::Array(c.members.iter().map(|m| record_json(m, &fields::MEMBER, &m.extra, |_| Json::Null)).collect())
        }),
    );
    let dossiers = file
        .dossiers
        .iter()
        .map(|d| {
            record_json(d, &fields::RECEIVED, &d.extra, |key| match key {
                "dossier" => dossier(d),
                _ => appraisal_json(rules, &d.appraisal),
            })
        })
        .collect();
    root.insert("dossiers".into(), Json::Array(dossiers));
    root.insert(
        "decision".into(),
        record_json(&file.decision, &fields::DECISION, &file.decision.extra, |_| Json::Null),
    );
    if !file.rejected.is_empty() {
        let rejected =
            file.rejected.iter().map(|x| record_json(x, &fields::REJECTED, &x.extra, |_| Json::Null)).collect();
        root.insert("rejected".into(), Json::Array(rejected));
    }
    debug_assert!(TOP.iter().all(|(k, _)| root.contains_key(*k) || *k == "rejected"));
    for (k, v) in &file.extra {
        if !root.contains_key(k) {
            root.insert(k.clone(), v.clone());
        }
    }
    Json::Object(root)
}

/// The canonical bytes of an appraisal file.
pub fn write(file: &AppraisalFile) -> String {
    pretty(&to_json(file))
}

/// The appraisal file as it is stored on a device, in two parts: the head, the whole file but
/// each embedded dossier standing as "" (what the council's every change rewrites: a few
/// hundred bytes a dossier), and each dossier's payload (written once, when it is taken in).
/// [`unsplit`] puts them back together; the file's bytes are then `write`'s, as before.
pub fn head(file: &AppraisalFile) -> String {
    pretty(&to_json_with(file, |_| Json::String(String::new())))
}

/// An embedded dossier as stored apart from the head: its JSON, compact.
pub fn payload(r: &Received) -> String {
    serde_json::to_string(&r.dossier).unwrap_or_default()
}

/// The file from its head and its dossiers' payloads, in order. A payload missing or
/// unreadable is an error naming its dossier.
pub fn unsplit(head: &[u8], payloads: &[String]) -> Result<AppraisalFile, Vec<Diagnostic>> {
    let mut file = read(head)?;
    let mut errors = restore(&mut file, 0, payloads);
    if let Some(missing) = file.dossiers.len().checked_sub(payloads.len()).filter(|n| *n > 0) {
        let rules = rules::for_id(&file.ruleset);
        let from = payloads.len();
        errors.extend(
            (from..from + missing)
                .map(|i| Diagnostic::error(rules, format!("dossiers[{i}].dossier"), Message::Required)),
        );
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

/// Puts payloads back into a file read from its head, from dossier `from` on (a screen
/// restores thousands a slice at a time); the errors name each dossier whose payload is not
/// one.
pub fn restore(file: &mut AppraisalFile, from: usize, payloads: &[String]) -> Vec<Diagnostic> {
    let rules = rules::for_id(&file.ruleset);
    let mut errors = Vec::new();
    for (i, p) in payloads.iter().enumerate() {
        let Some(d) = file.dossiers.get_mut(from + i) else { break };
        match serde_json::from_str::<Json>(p) {
            Ok(v @ (Json::Object(_) | Json::String(_))) => d.dossier = v,
            _ => errors.push(Diagnostic::error(
                rules,
                format!("dossiers[{}].dossier", from + i),
                Message::WrongType { expected: Expected::Object },
            )),
        }
    }
    errors
}
