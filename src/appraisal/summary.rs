//! What `dvht summary` prints (appraisal.md §3): many dossier files checked by the engine and
//! counted by level, by what they ask for and by kind, with the invalid ones listed with their
//! problems and those of another year or scope skipped with the reason. Files are added one at
//! a time, so the memory used does not grow with their bytes, and the work is linear.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value as Json};

use super::intake::{expand, mismatch, peek, Piece};
use crate::diagnostic::{Diagnostic, Message, Rejection};
use crate::engine::evaluate::{Request, RequestKind};
use crate::engine::{assess, Env};
use crate::rules::{self, Scope};

/// Which dossiers count: of this assessed year and this scope, when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    pub year: Option<i32>,
    pub scope: Option<Scope>,
}

/// One dossier counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub file: String,
    pub name: String,
    pub kind: &'static str,
    pub scope: Scope,
    pub year: i32,
    pub level: u8,
    pub request: Request,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Summary {
    pub options: Options,
    /// Files whose bytes were read (an archive counts each dossier in it).
    pub files: usize,
    pub units: Vec<Unit>,
    pub invalid: Vec<(String, Vec<Diagnostic>)>,
    pub skipped: Vec<(String, Diagnostic)>,
    /// Files that could not be read at all, with the edge's words for why.
    pub unreadable: Vec<(String, String)>,
}

impl Summary {
    pub fn new(options: Options) -> Summary {
        Summary { options, ..Summary::default() }
    }

    /// A file that could not be read at all (the edge's words for why).
    pub fn unreadable(&mut self, file: &str, problem: String) {
        self.unreadable.push((file.to_string(), problem));
    }

    /// Adds one file: a dossier, a report carrying one, or an archive of them.
    pub fn add(&mut self, name: &str, bytes: &[u8], env: &Env) {
        for piece in expand(name, bytes) {
            self.files += 1;
            match piece {
                Piece::Rejected { name, why, .. } => self.reject(name, why),
                Piece::Dossier { name, bytes } => self.add_dossier(name, &bytes, env),
            }
        }
    }

    fn reject(&mut self, name: String, why: Rejection) {
        let rules = rules::current();
        let d = Diagnostic::error(rules, "", Message::Rejected { file: name.clone(), why });
        self.invalid.push((name, vec![d]));
    }

    fn add_dossier(&mut self, name: String, bytes: &[u8], env: &Env) {
        let file = match crate::file::read(bytes) {
            Ok(f) => f,
            Err(problems) => {
                // A dossier of another year or scope is skipped even when it is also invalid.
                let value: Option<Json> =
                    serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok();
                if let Some(why) =
                    value.as_ref().and_then(peek).and_then(|f| mismatch(f, self.options.year, self.options.scope))
                {
                    return self.skip(name, why, problems.first().map(|d| d.rules));
                }
                self.invalid.push((name, problems));
                return;
            }
        };
        let a = assess(&file, env);
        // As intake reads it (`intake::peek`): the scope the dossier states, else its kind's, so
        // a dossier of a kind of the other scope than it states is invalid here as there.
        let found = (file.year, file.unit.scope.or(a.scope()));
        if let Some(why) = mismatch(found, self.options.year, self.options.scope) {
            return self.skip(name, why, Some(a.rules));
        }
        match (a.evaluation, a.kind) {
            (Some(e), Some(kind)) => self.units.push(Unit {
                file: name,
                name: file.unit.name.clone().unwrap_or_default(),
                kind: kind.id,
                scope: e.scope,
                year: e.year,
                level: e.level,
                request: e.request,
            }),
            _ => self.invalid.push((name, a.problems)),
        }
    }

    fn skip(&mut self, name: String, why: Rejection, rules: Option<&'static rules::RuleSet>) {
        let rules = rules.unwrap_or_else(rules::current);
        let field = match why {
            Rejection::OtherYear { .. } => "year",
            _ => "unit.scope",
        };
        let d = Diagnostic::note(rules, field, Message::Skipped { file: name.clone(), why });
        self.skipped.push((name, d));
    }

    /// Whether any file could be read at all (the command exits 2 when none could).
    pub fn read_any(&self) -> bool {
        self.files > 0
    }

    /// The year all counted dossiers share, if they share one.
    fn year(&self) -> Option<i32> {
        self.options.year.or_else(|| {
            let first = self.units.first()?.year;
            self.units.iter().all(|u| u.year == first).then_some(first)
        })
    }

    /// The JSON `dvht summary` prints; `text` says a diagnostic in the user's language.
    pub fn to_json(&self, text: &dyn Fn(&Diagnostic) -> String) -> Json {
        let level_counts = |units: &mut dyn Iterator<Item = &Unit>| {
            let mut n = [0u64; 3];
            for u in units {
                n[usize::from(u.level.min(2))] += 1;
            }
            json!({ "0": n[0], "1": n[1], "2": n[2] })
        };
        let mut by_request = Map::new();
        for (key, kind) in [
            ("first", RequestKind::First),
            ("renewal", RequestKind::Renewal),
            ("upgrade", RequestKind::Upgrade),
            ("none", RequestKind::None),
        ] {
            by_request.insert(key.into(), self.units.iter().filter(|u| u.request.kind == kind).count().into());
        }
        // Kinds present, in the rules table's order.
        let rules = rules::current();
        let present: BTreeMap<usize, &'static str> = self
            .units
            .iter()
            .map(|u| (rules.kinds.iter().position(|k| k.id == u.kind).unwrap_or(usize::MAX), u.kind))
            .collect();
        let mut by_kind = Map::new();
        for kind in present.values() {
            by_kind.insert((*kind).into(), level_counts(&mut self.units.iter().filter(|u| u.kind == *kind)));
        }
        let request_key = |k: RequestKind| match k {
            RequestKind::First => "first",
            RequestKind::Renewal => "renewal",
            RequestKind::Upgrade => "upgrade",
            RequestKind::None => "none",
        };
        json!({
            "year": self.year(),
            "files": self.files,
            "valid": self.units.len(),
            "invalid": self
                .unreadable
                .iter()
                .map(|(f, p)| json!({ "file": f, "problems": [p] }))
                .chain(self.invalid.iter().map(|(f, p)| json!({ "file": f, "problems": p.iter().map(text).collect::<Vec<_>>() })))
                .collect::<Vec<_>>(),
            "skipped": self.skipped.iter().map(|(f, d)| json!({ "file": f, "reason": text(d) })).collect::<Vec<_>>(),
            "by_level": level_counts(&mut self.units.iter()),
            "by_request": by_request,
            "by_kind": by_kind,
            "units": self.units.iter().map(|u| json!({
                "file": u.file, "name": u.name, "kind": u.kind, "scope": u.scope.key(), "level": u.level,
                "request": { "kind": request_key(u.request.kind), "level": u.request.level },
            })).collect::<Vec<_>>(),
        })
    }
}
