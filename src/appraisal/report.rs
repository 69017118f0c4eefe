//! The year's report (Điều 20.3: Phòng GD&ĐT → Sở GD&ĐT before 15/03; Điều 18.3: Sở GD&ĐT →
//! Bộ GD&ĐT at the end of the school year) as data: the units decided, recognised or refused
//! with their reasons, the recognitions that expire in the year, and the counts by kind, by
//! level and by form. Its export, format `dvht-report` version 1, is what a Sở takes back in
//! from its Phòng ([`merge`]), beside its own appraisal.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::fields;
use super::json::{pretty, record_json, Reader};
use super::recognitions::{recognition_json, unit_key, Recognition, Recognitions};
use super::register::{self, Register};
use super::{AppraisalFile, Form, Outcome};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::engine::check::check;
use crate::engine::evaluate::evaluate;
use crate::file::DossierFile;
use crate::rules::{self, Level, PublicRule, RuleSet, Scope};

pub const FORMAT: &str = "dvht-report";

/// One reason a unit was not recognised: an indicator found không đạt and the council's note,
/// or a note alone.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Reason {
    pub indicator: Option<String>,
    pub note: Option<String>,
    pub extra: Map<String, Json>,
}

/// One unit in the report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReportUnit {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub scope: Option<Scope>,
    /// Absent: not decided.
    pub outcome: Option<Outcome>,
    /// The level recognised.
    pub level: Option<Level>,
    pub form: Option<Form>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    pub reasons: Vec<Reason>,
    pub note: Option<String>,
    pub extra: Map<String, Json>,
}

/// The year's report of one body, or of a Sở with its Phòng's reports merged in.
#[derive(Clone, Debug, PartialEq)]
pub struct YearReport {
    pub ruleset: String,
    pub year: Option<i64>,
    pub body: Option<String>,
    pub scope: Option<Scope>,
    pub province: Option<String>,
    /// Dossiers received, and of them on time.
    pub received: Option<u64>,
    pub on_time: Option<u64>,
    pub units: Vec<ReportUnit>,
    /// Recognitions whose validity ends in the assessed year: due for công nhận lại.
    pub expiring: Vec<Recognition>,
    /// The reports merged into this one (their bodies' names).
    pub sources: Vec<String>,
    pub extra: Map<String, Json>,
}

impl Default for YearReport {
    fn default() -> Self {
        YearReport {
            ruleset: rules::current().id.to_string(),
            year: None,
            body: None,
            scope: None,
            province: None,
            received: None,
            on_time: None,
            units: Vec::new(),
            expiring: Vec::new(),
            sources: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// The recognitions (the latest of each unit) whose validity, by the engine's own rule
/// (Điều 5.4, 11.4), ends with the assessed year `year`.
pub fn expiring(rules: &'static RuleSet, known: &Recognitions, year: i32) -> Vec<Recognition> {
    let index = known.index();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for r in &known.entries {
        let (Some(name), Some(kind_id)) = (&r.unit, &r.kind) else { continue };
        if !seen.insert(unit_key(name, kind_id)) || known.latest(&index, name, kind_id) != Some(r) {
            continue;
        }
        let Some(kind) = rules.kind(kind_id) else { continue };
        // The engine computes validity for a dossier: one that says only who the unit is.
        let mut f =
            DossierFile { ruleset: rules.id.to_string(), year: Some(i64::from(year)), ..DossierFile::default() };
        f.unit.kind = Some(kind.id.to_string());
        f.unit.scope = Some(kind.scope);
        if kind.public == PublicRule::Choose {
            f.unit.public = Some(true);
        }
        f.previous_recognition = Some(r.as_previous());
        let Ok(d) = check(&f) else { continue };
        let result = evaluate(&d, Date::MIN);
        if result.validity.is_some_and(|v| v.rerecognition_year == year) {
            out.push(r.clone());
        }
    }
    out
}

/// The report of an appraisal: every unit not replaced by a later dossier, with the decision
/// (when it is taken) and the reasons for a refusal.
pub fn from_register(file: &AppraisalFile, reg: &Register, known: Option<&Recognitions>) -> YearReport {
    let mut units = Vec::new();
    for e in reg.entries.iter().filter(|e| e.replaced_by.is_none()) {
        let d = &file.dossiers[e.index];
        let recognised = e.recognised.filter(|_| e.outcome == Some(Outcome::Recognise));
        let mut reasons: Vec<Reason> = Vec::new();
        if e.outcome == Some(Outcome::Refuse) {
            if let Some(a) = &e.appraised {
                reasons.extend(a.failed().map(|v| Reason {
                    indicator: Some(v.id.to_string()),
                    note: v.note.clone(),
                    extra: Map::new(),
                }));
            }
        }
        units.push(ReportUnit {
            name: Some(e.name.clone()).filter(|n| !n.is_empty()).or_else(|| Some(e.file.clone())),
            kind: e.kind_id.clone(),
            scope: e.scope,
            outcome: if e.outcome == Some(Outcome::Recognise) && recognised.is_none() { None } else { e.outcome },
            level: recognised,
            form: recognised.and(e.form),
            decision_no: recognised.and(file.decision.number.clone()),
            decision_date: recognised.and(file.decision.date),
            reasons,
            note: d.appraisal.note.clone(),
            extra: Map::new(),
        });
    }
    units.sort_by_key(|u| crate::collate::key(u.name.as_deref().unwrap_or("")));
    YearReport {
        ruleset: reg.rules.id.to_string(),
        year: reg.year.map(i64::from),
        body: file.body.name.clone(),
        scope: reg.scope,
        province: file.body.province.clone(),
        received: Some(reg.entries.len() as u64),
        on_time: Some(reg.entries.iter().filter(|e| e.on_time == Some(true)).count() as u64),
        units,
        expiring: match (known, reg.year) {
            (Some(k), Some(y)) => expiring(reg.rules, k, y),
            _ => Vec::new(),
        },
        sources: Vec::new(),
        extra: Map::new(),
    }
}

/// The decisions of an appraisal as recognitions for the register of the years to come.
pub fn recognitions(file: &AppraisalFile, reg: &Register) -> Vec<Recognition> {
    register::decided(reg)
        .into_iter()
        .map(|e| Recognition {
            unit: Some(e.name.clone()),
            kind: e.kind_id.clone(),
            scope: e.scope,
            level: e.recognised,
            form: e.form,
            year: reg.year.map(i64::from),
            decision_no: file.decision.number.clone(),
            decision_date: file.decision.date,
            body: file.body.name.clone(),
            extra: Map::new(),
        })
        .collect()
}

/// A Sở's report: its own, with the reports of its Phòng taken in (their units and expiring
/// recognitions added, their counts of dossiers summed, their names kept as sources).
pub fn merge(own: YearReport, parts: &[YearReport]) -> YearReport {
    let mut out = own;
    let add = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0).saturating_add(b.unwrap_or(0))),
    };
    for p in parts {
        out.units.extend(p.units.iter().cloned());
        out.expiring.extend(p.expiring.iter().cloned());
        out.received = add(out.received, p.received);
        out.on_time = add(out.on_time, p.on_time);
        out.sources.push(p.body.clone().unwrap_or_default());
    }
    out.units.sort_by_key(|u| crate::collate::key(u.name.as_deref().unwrap_or("")));
    out
}

/// The counts of a report.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Tally {
    /// By kind id (rules-table order, unknown kinds after): recognised at level 1, at level 2,
    /// refused.
    pub by_kind: Vec<(String, [usize; 3])>,
    /// Recognised by level 1, 2.
    pub by_level: [usize; 2],
    /// Recognised by form: first, renewal, upgrade.
    pub by_form: [usize; 3],
    pub recognised: usize,
    pub refused: usize,
    pub undecided: usize,
}

pub fn tally(rules: &RuleSet, r: &YearReport) -> Tally {
    let mut t = Tally::default();
    let mut kinds: HashMap<String, [usize; 3]> = HashMap::new();
    for u in &r.units {
        let slot = match (u.outcome, u.level) {
            (Some(Outcome::Recognise), Some(l)) => {
                t.recognised += 1;
                t.by_level[usize::from(l.number() - 1)] += 1;
                if let Some(f) = u.form {
                    t.by_form[Form::ALL.iter().position(|x| *x == f).unwrap_or(0)] += 1;
                }
                usize::from(l.number() - 1)
            }
            (Some(Outcome::Refuse), _) => {
                t.refused += 1;
                2
            }
            _ => {
                t.undecided += 1;
                continue;
            }
        };
        kinds.entry(u.kind.clone().unwrap_or_default()).or_default()[slot] += 1;
    }
    let rank = |k: &str| rules.kinds.iter().position(|x| x.id == k).unwrap_or(usize::MAX);
    let mut by_kind: Vec<(String, [usize; 3])> = kinds.into_iter().collect();
    by_kind.sort_by(|a, b| (rank(&a.0), &a.0).cmp(&(rank(&b.0), &b.0)));
    t.by_kind = by_kind;
    t
}

/// Reads a report. Errors name the field; several are reported at once.
pub fn read(bytes: &[u8]) -> Result<YearReport, Vec<Diagnostic>> {
    let mut r = Reader::new();
    let Some(mut root) = r.root(bytes, FORMAT) else { return Err(r.errors) };
    let mut out = YearReport { ruleset: r.rules.id.to_string(), ..YearReport::default() };
    out.year = r.integer(&mut root, "year", "year");
    let mut texts: Map<String, Json> = Map::new();
    for key in ["body", "scope", "province"] {
        if let Some(v) = root.shift_remove(key) {
            texts.insert(key.to_string(), v);
        }
    }
    let mut head: Head = r.record(&mut texts, &HEAD, "", |_, _, _, _| {});
    for (k, v) in texts {
        root.insert(k, v);
    }
    out.body = head.body.take();
    out.province = head.province.take();
    out.scope = head.scope;
    out.received = r.count(&mut root, "received", "received");
    out.on_time = r.count(&mut root, "on_time", "on_time");
    for (i, mut o) in r.list(&mut root, "units", "units") {
        let base = format!("units[{i}]");
        let mut u: ReportUnit = r.record(&mut o, &fields::REPORT_UNIT, &base, |r, m, u: &mut ReportUnit, key| {
            if key == "reasons" {
                for (j, mut ro) in r.list(m, "reasons", &format!("{base}.reasons")) {
                    let mut reason: Reason =
                        r.record(&mut ro, &fields::REASON, &format!("{base}.reasons[{j}]"), |_, _, _, _| {});
                    reason.extra = ro;
                    u.reasons.push(reason);
                }
            }
        });
        u.extra = o;
        out.units.push(u);
    }
    for (i, mut o) in r.list(&mut root, "expiring", "expiring") {
        let mut e: Recognition = r.record(&mut o, &fields::RECOGNITION, &format!("expiring[{i}]"), |_, _, _, _| {});
        e.extra = o;
        out.expiring.push(e);
    }
    match root.shift_remove("sources") {
        None | Some(Json::Null) => {}
        Some(Json::Array(items)) => {
            for (i, v) in items.into_iter().enumerate() {
                match v {
                    Json::String(s) => out.sources.push(s),
                    _ => r.error(
                        format!("sources[{i}]"),
                        crate::diagnostic::Message::WrongType { expected: crate::diagnostic::Expected::Text },
                    ),
                }
            }
        }
        Some(_) => {
            r.error("sources", crate::diagnostic::Message::WrongType { expected: crate::diagnostic::Expected::List })
        }
    }
    out.extra = root;
    if r.errors.is_empty() {
        Ok(out)
    } else {
        Err(r.errors)
    }
}

/// The report's own fields besides the lists.
#[derive(Default)]
struct Head {
    body: Option<String>,
    scope: Option<Scope>,
    province: Option<String>,
}

static HEAD: [crate::file::fields::Field<Head>; 3] = {
    use crate::file::fields::{Field, Kind, Value};
    [
        Field {
            key: "body",
            label: ("Cơ quan báo cáo", "Reporting body"),
            kind: Kind::Text,
            sparse: false,
            get: |h| Value::Text(h.body.clone()),
            set: |h, v| {
                if let Value::Text(t) = v {
                    h.body = t
                }
            },
        },
        Field {
            key: "scope",
            label: ("Cấp (huyện/tỉnh)", "Scope"),
            kind: Kind::Choice(&["huyen", "tinh"]),
            sparse: false,
            get: |h| Value::Key(h.scope.map(Scope::key)),
            set: |h, v| {
                if let Value::Key(k) = v {
                    h.scope = k.and_then(Scope::from_key)
                }
            },
        },
        Field {
            key: "province",
            label: ("Tỉnh, thành phố", "Province"),
            kind: Kind::Text,
            sparse: false,
            get: |h| Value::Text(h.province.clone()),
            set: |h, v| {
                if let Value::Text(t) = v {
                    h.province = t
                }
            },
        },
    ]
};

/// The canonical bytes of a report.
pub fn write(r: &YearReport) -> String {
    let head = Head { body: r.body.clone(), scope: r.scope, province: r.province.clone() };
    let mut root = Map::new();
    root.insert("format".into(), FORMAT.into());
    root.insert("version".into(), super::VERSION.into());
    root.insert("ruleset".into(), r.ruleset.clone().into());
    root.insert("year".into(), r.year.map_or(Json::Null, Json::from));
    if let Json::Object(h) = record_json(&head, &HEAD, &Map::new(), |_| Json::Null) {
        root.extend(h);
    }
    root.insert("received".into(), r.received.map_or(Json::Null, Json::from));
    root.insert("on_time".into(), r.on_time.map_or(Json::Null, Json::from));
    let units = r
        .units
        .iter()
        .map(|u| {
            record_json(u, &fields::REPORT_UNIT, &u.extra, |_| {
                Json::Array(
                    u.reasons.iter().map(|x| record_json(x, &fields::REASON, &x.extra, |_| Json::Null)).collect(),
                )
            })
        })
        .collect();
    root.insert("units".into(), Json::Array(units));
    root.insert("expiring".into(), Json::Array(r.expiring.iter().map(recognition_json).collect()));
    root.insert("sources".into(), Json::Array(r.sources.iter().cloned().map(Json::String).collect()));
    for (k, v) in &r.extra {
        if !root.contains_key(k) {
            root.insert(k.clone(), v.clone());
        }
    }
    pretty(&Json::Object(root))
}
