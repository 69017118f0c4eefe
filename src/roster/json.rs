//! The member list in the dossier file: the optional `roster` section (dossier-format.md).
//!
//! ```json
//! "roster": {
//!   "counts_from_list": true,
//!   "typed_counts": { "members": 118 },
//!   "columns": ["members_discipline", "members_learning_citizen"],
//!   "members": [
//!     { "name": "Nguyễn Văn An", "position": "Giáo viên", "section": "Tổ Toán",
//!       "yes": ["members_discipline", "members_learning_citizen"],
//!       "titles": { "members_learning_citizen": { "decision": "15/QĐ-KH", "for": "2024-2025" } } }
//!   ],
//!   "learner_groups": [ { "name": "10A1", "learners": 42, "learners_learning_citizen": 40 } ]
//! }
//! ```
//!
//! While the counts come from the list, the file's `counts` hold the list's counts (so any
//! reader of format version 1 sees the figures the dossier stands on) and `typed_counts` the
//! ones typed before, to go back to. Keys are the rules table's. Members' optional fields are
//! written only when they hold a value, to keep a list of thousands small.

use serde_json::{Map, Value as Json};

use super::{Award, LearnerGroup, Marks, Member, Period, Roster};
use crate::diagnostic::{Expected, Message};
use crate::file::{Value, Values};
use crate::rules::{Input, RuleSet, Section};

/// The section as JSON: `counted` are the counts it gives (written by the file into
/// `counts`), `typed` the dossier's typed counts.
pub fn to_json(rules: &RuleSet, r: &Roster, typed: &Values) -> Json {
    let key = |i: Input| Json::from(rules.input(i).key);
    let mut m = Map::new();
    m.insert("counts_from_list".into(), r.counts_from_list.into());
    if r.counts_from_list {
        let mut typed_counts = Map::new();
        for input in r.covered(rules) {
            if let Some(Value::Count(n)) = typed.get(input) {
                typed_counts.insert(rules.input(input).key.into(), n.into());
            }
        }
        m.insert("typed_counts".into(), Json::Object(typed_counts));
    }
    m.insert("columns".into(), Json::Array(r.columns.iter().map(|i| key(*i)).collect()));
    let members = r.members.iter().map(|p| member(rules, p)).collect();
    m.insert("members".into(), Json::Array(members));
    let groups = r
        .groups
        .iter()
        .map(|g| {
            let mut o = Map::new();
            o.insert("name".into(), g.name.clone().into());
            for input in std::iter::once(Input::Learners).chain(super::group_columns(rules)) {
                if let Some(n) = g.count(input) {
                    o.insert(rules.input(input).key.into(), n.into());
                }
            }
            with_extra(o, &g.extra)
        })
        .collect();
    m.insert("learner_groups".into(), Json::Array(groups));
    with_extra(m, &r.extra)
}

fn member(rules: &RuleSet, p: &Member) -> Json {
    let mut o = Map::new();
    o.insert("name".into(), p.name.clone().into());
    for (k, v) in [("position", &p.position), ("section", &p.section)] {
        if let Some(v) = v {
            o.insert(k.into(), v.clone().into());
        }
    }
    let yes: Vec<Json> =
        super::member_columns(rules).into_iter().filter(|i| p.yes.get(*i)).map(|i| rules.input(i).key.into()).collect();
    o.insert("yes".into(), Json::Array(yes));
    let mut titles = Map::new();
    for t in rules.titles {
        let Some(a) = p.award(t.input).filter(|a| !a.is_empty()) else { continue };
        let mut ao = Map::new();
        if let Some(d) = &a.decision {
            ao.insert("decision".into(), d.clone().into());
        }
        if let Some(period) = a.period {
            ao.insert("for".into(), period.to_string().into());
        }
        titles.insert(rules.input(t.input).key.into(), with_extra(ao, &a.extra));
    }
    if !titles.is_empty() {
        o.insert("titles".into(), Json::Object(titles));
    }
    with_extra(o, &p.extra)
}

fn with_extra(mut m: Map<String, Json>, extra: &Map<String, Json>) -> Json {
    for (k, v) in extra {
        if !m.contains_key(k) {
            m.insert(k.clone(), v.clone());
        }
    }
    Json::Object(m)
}

/// What reading the section found: the list, the typed counts it kept (while the counts come
/// from the list), and each problem with its path.
pub struct Read {
    pub roster: Roster,
    pub typed: Vec<(Input, u64)>,
    pub errors: Vec<(String, Message)>,
}

struct Reader<'r> {
    rules: &'r RuleSet,
    errors: Vec<(String, Message)>,
}

impl Reader<'_> {
    fn wrong(&mut self, path: String, expected: Expected) {
        self.errors.push((path, Message::WrongType { expected }));
    }
    fn text(&mut self, o: &mut Map<String, Json>, key: &str, path: &str) -> Option<String> {
        match o.shift_remove(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(s),
            Some(_) => {
                self.wrong(format!("{path}.{key}"), Expected::Text);
                None
            }
        }
    }
    fn count(&mut self, v: Json, path: String) -> Option<u64> {
        match v {
            Json::Null => None,
            Json::Number(n) if n.as_u64().is_some() => n.as_u64(),
            Json::Number(_) => {
                self.errors.push((path, Message::NotWholeNumber));
                None
            }
            _ => {
                self.wrong(path, Expected::WholeNumber);
                None
            }
        }
    }
    /// A key of the given inputs.
    fn input(&mut self, key: &str, among: &[Input], path: String) -> Option<Input> {
        let found = among.iter().copied().find(|i| self.rules.input(*i).key == key);
        if found.is_none() {
            let allowed = among.iter().map(|i| self.rules.input(*i).key).collect();
            self.errors.push((path, Message::UnknownValue { found: key.to_string(), allowed }));
        }
        found
    }
    fn list(&mut self, o: &mut Map<String, Json>, key: &str, path: &str) -> Vec<Json> {
        match o.shift_remove(key) {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(a)) => a,
            Some(_) => {
                self.wrong(format!("{path}.{key}"), Expected::List);
                Vec::new()
            }
        }
    }
}

/// Reads the `roster` section.
pub fn from_json(rules: &'static RuleSet, mut m: Map<String, Json>) -> Read {
    let mut r = Reader { rules, errors: Vec::new() };
    let members_cols = super::member_columns(rules);
    let mut roster = Roster::default();
    match m.shift_remove("counts_from_list") {
        None | Some(Json::Null) => {}
        Some(Json::Bool(b)) => roster.counts_from_list = b,
        Some(_) => r.wrong("roster.counts_from_list".into(), Expected::YesNo),
    }
    let mut typed = Vec::new();
    match m.shift_remove("typed_counts") {
        None | Some(Json::Null) => {}
        Some(Json::Object(o)) => {
            for (k, v) in o {
                let path = format!("roster.typed_counts.{k}");
                let Some(def) = rules.input_by_key(Section::Counts, &k) else {
                    let allowed = rules.inputs.iter().filter(|d| d.section == Section::Counts).map(|d| d.key).collect();
                    r.errors.push((path, Message::UnknownValue { found: k, allowed }));
                    continue;
                };
                if let Some(n) = r.count(v, path) {
                    typed.push((def.id, n));
                }
            }
        }
        Some(_) => r.wrong("roster.typed_counts".into(), Expected::Object),
    }
    for (i, v) in r.list(&mut m, "columns", "roster").into_iter().enumerate() {
        let path = format!("roster.columns[{i}]");
        match v {
            Json::String(k) => {
                if let Some(input) = r.input(&k, &members_cols, path) {
                    roster.record(input);
                }
            }
            _ => r.wrong(path, Expected::Text),
        }
    }
    for (i, v) in r.list(&mut m, "members", "roster").into_iter().enumerate() {
        let path = format!("roster.members[{i}]");
        let Json::Object(mut o) = v else {
            r.wrong(path, Expected::Object);
            continue;
        };
        let mut p = Member {
            name: r.text(&mut o, "name", &path).unwrap_or_default(),
            position: r.text(&mut o, "position", &path),
            section: r.text(&mut o, "section", &path),
            ..Member::default()
        };
        let mut yes = Marks::default();
        for (j, k) in r.list(&mut o, "yes", &path).into_iter().enumerate() {
            let at = format!("{path}.yes[{j}]");
            match k {
                Json::String(k) => {
                    if let Some(input) = r.input(&k, &members_cols, at) {
                        yes.set(input, true);
                    }
                }
                _ => r.wrong(at, Expected::Text),
            }
        }
        p.yes = yes;
        match o.shift_remove("titles") {
            None | Some(Json::Null) => {}
            Some(Json::Object(t)) => {
                let titles: Vec<Input> = rules.titles.iter().map(|t| t.input).collect();
                for (k, v) in t {
                    let at = format!("{path}.titles.{k}");
                    let Some(input) = r.input(&k, &titles, at.clone()) else { continue };
                    let Json::Object(mut ao) = v else {
                        r.wrong(at, Expected::Object);
                        continue;
                    };
                    let decision = r.text(&mut ao, "decision", &at);
                    let period = r.text(&mut ao, "for", &at).and_then(|s| {
                        let p = Period::parse(&s);
                        if p.is_none() {
                            r.errors.push((format!("{at}.for"), Message::WrongType { expected: Expected::Year }));
                        }
                        p
                    });
                    *p.award_mut(input) = Award { decision, period, extra: ao };
                }
            }
            Some(_) => r.wrong(format!("{path}.titles"), Expected::Object),
        }
        p.extra = o;
        roster.members.push(p);
    }
    let group_inputs: Vec<Input> = std::iter::once(Input::Learners).chain(super::group_columns(rules)).collect();
    for (i, v) in r.list(&mut m, "learner_groups", "roster").into_iter().enumerate() {
        let path = format!("roster.learner_groups[{i}]");
        let Json::Object(mut o) = v else {
            r.wrong(path, Expected::Object);
            continue;
        };
        let mut g = LearnerGroup { name: r.text(&mut o, "name", &path).unwrap_or_default(), ..LearnerGroup::default() };
        for input in &group_inputs {
            let key = rules.input(*input).key;
            if let Some(v) = o.shift_remove(key) {
                let n = r.count(v, format!("{path}.{key}"));
                g.set(*input, n);
            }
        }
        g.extra = o;
        roster.groups.push(g);
    }
    roster.extra = m;
    Read { roster, typed, errors: r.errors }
}
