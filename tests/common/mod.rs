//! Dossiers for tests: a unit that meets everything, then one change at a time.
#![allow(dead_code)]

use dvht::file::{DossierFile, EvidenceItem, PreviousRecognition, Value};
use dvht::rules::{Input, InputKind, PublicRule, Scope, TT24_2023};
use dvht::{Date, Evaluation, Level, Status};

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// A unit of `kind` whose every answer meets level 2, with evidence for every indicator.
pub fn full(kind: &str) -> DossierFile {
    full_with(kind, |_| {})
}

/// Like [`full`], after `configure` has set the unit's answers (public, overrides).
pub fn full_with(kind: &str, configure: impl FnOnce(&mut DossierFile)) -> DossierFile {
    let k = TT24_2023.kind(kind).unwrap_or_else(|| panic!("no kind {kind}"));
    let mut f = DossierFile::default();
    f.unit.name = Some(format!("Đơn vị thử {kind}"));
    f.unit.scope = Some(k.scope);
    f.unit.kind = Some(kind.to_string());
    if k.public == PublicRule::Choose {
        f.unit.public = Some(true);
    }
    // A kind that asks which index applies: the one it asks about.
    if let dvht::rules::IndexRule::Choose(index) = k.digital_index {
        f.unit.digital_index = Some(Some(index));
    }
    f.year = Some(2025);
    configure(&mut f);
    for def in TT24_2023.inputs {
        let value = match &def.kind {
            InputKind::Count { .. } => {
                Value::Count(if def.id == Input::Learners || def.id == Input::LearnersLearningCitizen {
                    1000
                } else {
                    200
                })
            }
            InputKind::Flag { .. } => Value::Flag(true),
            InputKind::Choice { choices } => Value::Choice(choices.iter().max_by_key(|c| c.rank).unwrap().key),
        };
        f.values.set(def.id, Some(value));
    }
    // Only what applies, so that no "does not apply" warning muddies the tests.
    if let Some((_, profile)) = dvht::engine::check::profile_of(&f) {
        for input in Input::ALL {
            if !dvht::engine::check::input_applies(&TT24_2023, k.scope, &profile, input) {
                f.values.set(input, None);
            }
        }
    }
    let (_, profile) = dvht::engine::check::profile_of(&f).unwrap();
    let applicable = TT24_2023.indicators.iter().filter(|i| i.scope == k.scope && i.applies.holds(&profile));
    let mut ids: Vec<&str> = Vec::new();
    for ind in applicable {
        if !ids.contains(&ind.id) {
            ids.push(ind.id);
        }
    }
    for id in ids {
        f.evidence_for_mut(id).push(EvidenceItem {
            code: Some(format!("H{id}.01")),
            title: Some(format!("Minh chứng chỉ tiêu {id}")),
            date: Some(date("2025-06-30")),
            ..Default::default()
        });
    }
    f
}

pub fn with_count(mut f: DossierFile, input: Input, n: u64) -> DossierFile {
    f.values.set(input, Some(Value::Count(n)));
    f
}

pub fn with_value(mut f: DossierFile, input: Input, v: Option<Value>) -> DossierFile {
    f.values.set(input, v);
    f
}

pub fn with_previous(mut f: DossierFile, level: Level, decided: &str) -> DossierFile {
    f.previous_recognition = Some(PreviousRecognition {
        level: Some(level),
        decision_no: Some("01/QĐ-UBND".into()),
        decision_date: Some(date(decided)),
        ..Default::default()
    });
    f
}

pub const TODAY: &str = "2025-12-01";

pub fn eval_at(f: &DossierFile, today: &str) -> Evaluation {
    let dossier = dvht::check(f)
        .unwrap_or_else(|e| panic!("check failed: {:?}", e.iter().map(|d| d.text(dvht::Lang::Vi)).collect::<Vec<_>>()));
    dvht::evaluate(&dossier, date(today))
}

pub fn eval(f: &DossierFile) -> Evaluation {
    eval_at(f, TODAY)
}

pub fn status(r: &Evaluation, level: Level, id: &str) -> Status {
    r.indicator(level, id).unwrap_or_else(|| panic!("no indicator {id} at {level:?}")).status
}

/// The ids of the indicators that do not apply at `level`.
pub fn not_applicable(r: &Evaluation, level: Level) -> Vec<&'static str> {
    r.level(level).unwrap().indicators().filter(|i| i.status == Status::NotApplicable).map(|i| i.id).collect()
}

pub fn codes(r: &Evaluation) -> Vec<&'static str> {
    r.diagnostics.iter().map(|d| d.code()).collect()
}

pub fn errors(f: &DossierFile) -> Vec<(String, &'static str)> {
    match dvht::check(f) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|d| (d.field.clone(), d.code())).collect(),
    }
}

pub fn kinds(scope: Scope) -> Vec<&'static str> {
    TT24_2023.kinds_for(scope).map(|k| k.id).collect()
}

/// Whether a read-model says what its result says: each indicator's status at each level, each
/// ratio's figures and shortfall, the gaps to the next level and the progress. `Err` names the
/// first disagreement.
pub fn read_model_agrees(a: &dvht::Assessment, file: &DossierFile) -> Result<(), String> {
    use dvht::engine::assessment::{Gap, Requirement};
    let Some(r) = &a.evaluation else { return Ok(()) };
    let rules = a.rules;
    for view in &a.indicators {
        for (li, level) in Level::ALL.into_iter().enumerate() {
            let result = r.indicator(level, view.id);
            if view.status[li] != result.map(|i| i.status) {
                return Err(format!("{} level {li}: status {:?} vs {:?}", view.id, view.status[li], result));
            }
            let Some(result) = result else { continue };
            // Every ratio of the result is a requirement of the view, with the same figures.
            for (_, ratio) in result.ratios() {
                let found = view.requirements.iter().any(|req| match req {
                    Requirement::Ratio { observed, at_least, shortfall, .. } => {
                        *observed == (ratio.count, ratio.total)
                            && at_least[li] == Some(ratio.required_percent)
                            && shortfall[li] == ratio.shortfall
                    }
                    _ => false,
                });
                if !found {
                    return Err(format!("{} level {li}: ratio {ratio:?} not in {:?}", view.id, view.requirements));
                }
            }
            // A part that fails explains a failure, and only a failure.
            let fails = view.judged[li].iter().any(|p| p.outcome == dvht::engine::evaluate::Outcome::NotMet);
            if fails != (result.status == Status::Fail) {
                return Err(format!("{} level {li}: parts {:?} vs {:?}", view.id, view.judged[li], result.status));
            }
        }
    }
    // The next level's gaps: one per indicator not passed, naming it.
    if let Some((level, gaps)) = &a.next {
        let open: Vec<&str> = r
            .level(*level)
            .map(|l| {
                l.indicators()
                    .filter(|i| !matches!(i.status, Status::Pass | Status::NotApplicable))
                    .map(|i| i.id)
                    .collect()
            })
            .unwrap_or_default();
        for id in &open {
            if !gaps.iter().any(|g| g.id() == *id) {
                return Err(format!("no gap for {id} at {level:?}: {gaps:?}"));
            }
        }
        for g in gaps {
            if !open.contains(&g.id()) {
                return Err(format!("a gap for {} that passes: {g:?}", g.id()));
            }
            if let Gap::People { input, more, .. } = g {
                // The part the gap's count belongs to, by its key in the rules table: two parts
                // may hold the same count (3 members and 3 learners), so values cannot tell.
                let key = a
                    .scope()
                    .and_then(|s| TT24_2023.indicator(s, *level, g.id()))
                    .and_then(|d| d.parts.iter().find(|p| p.test.inputs().first() == Some(input)).map(|p| p.key));
                let shortfall = r.indicator(*level, g.id()).and_then(|i| {
                    i.ratios().into_iter().find(|(k, _)| Some(*k) == key).and_then(|(_, ra)| ra.shortfall)
                });
                if shortfall != Some(*more) {
                    return Err(format!("gap {g:?} vs shortfall {shortfall:?}"));
                }
            }
        }
    } else if r.level < 2 {
        return Err("no next level below level 2".into());
    }
    // Progress: over the indicators that apply at either level.
    let applicable: Vec<_> = a
        .indicators
        .iter()
        .filter(|i| i.defs.iter().flatten().any(|d| d.applies.holds(a.profile.as_ref().unwrap())))
        .collect();
    let evidenced =
        applicable.iter().filter(|i| file.evidence.iter().any(|(k, items)| k == i.id && !items.is_empty())).count();
    let answered = applicable
        .iter()
        .filter(|i| {
            i.defs
                .iter()
                .flatten()
                .flat_map(|d| d.inputs_for(a.profile.as_ref().unwrap()))
                .all(|input| file.values.get(input).is_some())
        })
        .count();
    let expected = dvht::engine::assessment::Progress { applicable: applicable.len(), answered, evidenced };
    if a.progress != expected {
        return Err(format!("progress {:?}, expected {expected:?}", a.progress));
    }
    let _ = rules;
    Ok(())
}
