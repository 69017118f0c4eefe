//! What a unit needs to read off a result: what stands between it and the next level, and how
//! far its dossier has come. Derived from the evaluation and the rules table only.

use crate::engine::check::Dossier;
use crate::engine::evaluate::{Evaluation, Status};
use crate::rules::{Input, Level, Test};
use crate::words::Lang;

/// One thing missing for a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// `more` additional people counted by `input` (a ratio's shortfall).
    People { id: &'static str, input: Input, more: u64 },
    /// A requirement the data say is not met (a "no", a title or level too low).
    NotMet { id: &'static str, input: Input },
    /// Values not entered yet.
    Enter { id: &'static str, inputs: Vec<Input> },
    /// Met by the data, but no evidence recorded.
    Evidence { id: &'static str },
}

impl Gap {
    pub fn id(&self) -> &'static str {
        match self {
            Gap::People { id, .. } | Gap::NotMet { id, .. } | Gap::Enter { id, .. } | Gap::Evidence { id } => id,
        }
    }
}

/// Everything missing for `level`, indicator by indicator, in table order.
pub fn gaps(dossier: &Dossier, result: &Evaluation, level: Level) -> Vec<Gap> {
    let rules = dossier.rules();
    let profile = dossier.profile();
    let values = dossier.values();
    let mut out = Vec::new();
    let Some(level_result) = result.level(level) else { return out };
    for ind in level_result.indicators() {
        let Some(def) = rules.indicator(dossier.scope(), level, ind.id) else { continue };
        let parts = def.parts.iter().filter(|p| p.applies.holds(profile));
        match ind.status {
            Status::Pass | Status::NotApplicable => {}
            Status::MissingEvidence => out.push(Gap::Evidence { id: ind.id }),
            Status::MissingInput => {
                let mut inputs: Vec<Input> =
                    parts.flat_map(|p| p.test.inputs()).filter(|i| values.get(*i).is_none()).collect();
                inputs.dedup();
                out.push(Gap::Enter { id: ind.id, inputs });
            }
            Status::Fail => {
                for part in parts {
                    match part.test {
                        Test::Ratio { count, total, percent } => {
                            if let (Some(c), Some(t)) = (values.count(count), values.count(total)) {
                                let more = crate::engine::evaluate::shortfall(c, t, percent);
                                if more > 0 {
                                    out.push(Gap::People { id: ind.id, input: count, more });
                                }
                            }
                        }
                        Test::Fact { input } => {
                            if values.flag(input) == Some(false) {
                                out.push(Gap::NotMet { id: ind.id, input });
                            }
                        }
                        Test::AtLeast { input, rank } => {
                            let chosen = values.choice(input).and_then(|k| rules.input(input).choice(k));
                            if chosen.is_some_and(|c| c.rank < rank) {
                                out.push(Gap::NotMet { id: ind.id, input });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// A gap in words: "thêm 4 thành viên đạt “Công dân học tập” (chỉ tiêu 3.1)".
pub fn describe(dossier: &Dossier, gap: &Gap, lang: Lang) -> String {
    let rules = dossier.rules();
    let short = |i: Input| {
        let d = rules.input(i);
        if lang == Lang::Vi {
            d.short_vi
        } else {
            d.short_en
        }
    };
    let vi = lang == Lang::Vi;
    match gap {
        Gap::People { id, input, more } if vi => format!("thêm {more} {} (chỉ tiêu {id})", short(*input)),
        Gap::People { id, input, more } => format!("{more} more {} (indicator {id})", short(*input)),
        Gap::NotMet { id, input } if vi => format!("đạt yêu cầu về {} (chỉ tiêu {id})", short(*input)),
        Gap::NotMet { id, input } => format!("to meet the requirement on {} (indicator {id})", short(*input)),
        Gap::Enter { id, inputs } => {
            let what: Vec<&str> = inputs.iter().map(|i| short(*i)).collect();
            if vi {
                format!("nhập {} (chỉ tiêu {id})", what.join(", "))
            } else {
                format!("the figures for {} (indicator {id})", what.join(", "))
            }
        }
        Gap::Evidence { id } if vi => format!("minh chứng cho chỉ tiêu {id}"),
        Gap::Evidence { id } => format!("evidence for indicator {id}"),
    }
}

/// The one sentence a unit reads first: "Đạt mức độ 1; để đạt mức độ 2 cần thêm 4 thành viên
/// đạt “Công dân học tập” (chỉ tiêu 3.1) và minh chứng cho chỉ tiêu 3.2."
pub fn headline(dossier: &Dossier, result: &Evaluation, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let met = match (result.level, vi) {
        (0, true) => "Chưa đạt mức độ nào".to_string(),
        (0, false) => "No level met yet".to_string(),
        (n, true) => format!("Đạt mức độ {n}"),
        (n, false) => format!("Level {n} met"),
    };
    let next = match result.level {
        0 => Level::One,
        1 => Level::Two,
        _ => return format!("{met}."),
    };
    let gaps = gaps(dossier, result, next);
    if gaps.is_empty() {
        return format!("{met}.");
    }
    // What the figures lack first, each in words; then the evidence, in one phrase.
    let mut phrases: Vec<String> = gaps
        .iter()
        .filter(|g| !matches!(g, Gap::Evidence { .. }))
        .take(4)
        .map(|g| describe(dossier, g, lang))
        .collect();
    let substantive = gaps.iter().filter(|g| !matches!(g, Gap::Evidence { .. })).count();
    let evidence: Vec<&str> = gaps.iter().filter(|g| matches!(g, Gap::Evidence { .. })).map(Gap::id).collect();
    let more = substantive - phrases.len();
    if more > 0 {
        phrases.push(if vi { format!("{more} việc khác") } else { format!("{more} more") });
    }
    if !evidence.is_empty() {
        let ids = if evidence.len() > 6 {
            let rest = evidence.len() - 5;
            if vi {
                format!("{} và {rest} chỉ tiêu khác", evidence[..5].join(", "))
            } else {
                format!("{} and {rest} others", evidence[..5].join(", "))
            }
        } else {
            evidence.join(", ")
        };
        phrases.push(if vi {
            format!("minh chứng cho chỉ tiêu {ids}")
        } else {
            format!("evidence for indicators {ids}")
        });
    }
    let and = if vi { " và " } else { " and " };
    let list = match phrases.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
        None => String::new(),
    };
    let n = next.number();
    if vi {
        format!("{met}; để đạt mức độ {n} cần {list}.")
    } else {
        format!("{met}; level {n} needs {list}.")
    }
}

/// How far the dossier has come, over the indicators that apply at either level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    pub applicable: usize,
    /// Every value the indicator reads is entered.
    pub answered: usize,
    /// At least one evidence item is recorded.
    pub evidenced: usize,
}

pub fn progress(dossier: &Dossier) -> Progress {
    let rules = dossier.rules();
    let scope = dossier.scope();
    let profile = dossier.profile();
    let mut p = Progress::default();
    for id in rules.indicator_ids(scope) {
        let defs: Vec<_> = rules.indicator_levels(scope, id).into_iter().map(|(_, d)| d).collect();
        let inputs: Vec<Input> = defs.iter().flat_map(|d| d.inputs_for(profile)).collect();
        if !defs.iter().any(|d| d.applies.holds(profile)) {
            continue;
        }
        p.applicable += 1;
        if inputs.iter().all(|i| dossier.values().get(*i).is_some()) {
            p.answered += 1;
        }
        if dossier.has_evidence(id) {
            p.evidenced += 1;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{DossierFile, Value};

    fn thpt() -> DossierFile {
        crate::read(include_bytes!("../../tests/fixtures/spec-example.json")).unwrap()
    }

    #[test]
    fn the_headline_names_what_the_next_level_needs() {
        let mut f = thpt();
        for id in ["1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4"] {
            crate::file::edit::add_evidence(&mut f, id);
        }
        f.values.set(Input::MembersLearningCitizen, Some(Value::Count(110)));
        let d = crate::check(&f).unwrap();
        let r = crate::evaluate(&d, crate::Date::parse("2025-12-01").unwrap());
        assert_eq!(r.level, 1);
        assert_eq!(
            headline(&d, &r, Lang::Vi),
            "Đạt mức độ 1; để đạt mức độ 2 cần thêm 2 thành viên đạt “Lao động tiên tiến” (chỉ tiêu 2.5) và thêm 4 thành viên đạt “Công dân học tập” (chỉ tiêu 3.1)."
        );
        assert_eq!(
            headline(&d, &r, Lang::En),
            "Level 1 met; level 2 needs 2 more members with the “Advanced worker” title (indicator 2.5) and 4 more members with the “Learning citizen” title (indicator 3.1)."
        );
    }

    #[test]
    fn gaps_cover_inputs_to_enter_and_requirements_not_met() {
        let mut f = thpt();
        f.values.set(Input::AnnualPlan, Some(Value::Flag(false)));
        f.values.set(Input::DigitalLevel, Some(Value::Choice("not_met")));
        f.values.set(Input::Learners, None);
        let d = crate::check(&f).unwrap();
        let r = crate::evaluate(&d, crate::Date::parse("2025-12-01").unwrap());
        let g = gaps(&d, &r, Level::One);
        assert!(g.contains(&Gap::NotMet { id: "1.1", input: Input::AnnualPlan }));
        assert!(g.contains(&Gap::NotMet { id: "3.4", input: Input::DigitalLevel }));
        assert!(g.contains(&Gap::Enter { id: "3.1", inputs: vec![Input::Learners] }));
        assert!(g.contains(&Gap::Evidence { id: "2.1" }));
        assert!(headline(&d, &r, Lang::Vi).starts_with(
            "Chưa đạt mức độ nào; để đạt mức độ 1 cần đạt yêu cầu về kế hoạch học tập hằng năm (chỉ tiêu 1.1)"
        ));
        assert!(
            headline(&d, &r, Lang::Vi)
                .ends_with("và minh chứng cho chỉ tiêu 1.2, 1.3, 1.4, 1.5, 2.1 và 6 chỉ tiêu khác."),
            "{}",
            headline(&d, &r, Lang::Vi)
        );
    }

    #[test]
    fn progress_counts_applicable_indicators() {
        let d = crate::check(&thpt()).unwrap();
        // A tỉnh THPT: 16 indicators, of which 3.5 (QĐ 4740) and 3.6 (vocational) do not apply.
        assert_eq!(progress(&d), Progress { applicable: 14, answered: 14, evidenced: 1 });
        let mut f = thpt();
        f.values.set(Input::MembersLanguageProficiency, None);
        let d = crate::check(&f).unwrap();
        assert_eq!(progress(&d).answered, 13);
    }
}
