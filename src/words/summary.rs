//! What a unit reads off a result: what stands between it and the next level, in words.
//! The gaps themselves are the read-model's (`engine::assessment`).

use super::{date_vi, Lang};
use crate::engine::assessment::{Assessment, Gap};
use crate::engine::evaluate::{RequestKind, RequestReason};
use crate::rules::{Input, RuleSet};

/// A gap in words: "thêm 4 thành viên đạt “Công dân học tập” (chỉ tiêu 3.1)".
pub fn describe(rules: &RuleSet, gap: &Gap, lang: Lang) -> String {
    let short = |i: Input| {
        let d = rules.input(i);
        if lang.vi() {
            d.short_vi
        } else {
            d.short_en
        }
    };
    let vi = lang.vi();
    match gap {
        Gap::People { id, input, more } if vi => {
            format!("thêm {} {} (chỉ tiêu {id})", super::number(*more, lang), short(*input))
        }
        Gap::People { id, input, more } => {
            let who = if *more == 1 { singular(short(*input)) } else { short(*input).to_string() };
            format!("{} more {who} (indicator {id})", super::number(*more, lang))
        }
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
        Gap::Answer { id, field } => {
            let label = super::field_label(rules, field, lang).unwrap_or(field);
            if vi {
                format!("trả lời “{label}” (chỉ tiêu {id})")
            } else {
                format!("an answer to “{label}” (indicator {id})")
            }
        }
    }
}

/// "members with …" → "member with …", for one person in English.
fn singular(phrase: &str) -> String {
    for (many, one) in [("members", "member"), ("learners", "learner")] {
        if let Some(rest) = phrase.strip_prefix(many) {
            return format!("{one}{rest}");
        }
    }
    phrase.to_string()
}

/// The one sentence a unit reads first: "Đạt mức độ 1; để đạt mức độ 2 cần thêm 4 thành viên
/// đạt “Công dân học tập” (chỉ tiêu 3.1) và minh chứng cho chỉ tiêu 3.2."
pub fn headline(a: &Assessment, lang: Lang) -> String {
    headline_fixing(a, lang, &|_| false)
}

/// The headline while some controls hold text that is not a value yet (`fixing` says which
/// inputs): those are asked to be corrected ("sửa"), not entered as if nothing were typed.
pub fn headline_fixing(a: &Assessment, lang: Lang, fixing: &dyn Fn(Input) -> bool) -> String {
    let Some(result) = &a.evaluation else { return String::new() };
    let vi = lang.vi();
    let met = match (result.level, vi) {
        (0, true) => "Chưa đạt mức độ nào".to_string(),
        (0, false) => "No level met yet".to_string(),
        (n, true) => format!("Đạt mức độ {n}"),
        (n, false) => format!("Level {n} met"),
    };
    let Some((next, gaps)) = &a.next else { return format!("{met}.") };
    if gaps.is_empty() {
        return format!("{met}.");
    }
    // What was typed wrong first, once, by its label; then what the figures lack, each in
    // words; then the evidence, in one phrase.
    let mut fix: Vec<Input> = Vec::new();
    for g in gaps {
        if let Gap::Enter { inputs, .. } = g {
            for i in inputs.iter().filter(|i| fixing(**i)) {
                if !fix.contains(i) {
                    fix.push(*i);
                }
            }
        }
    }
    let gaps: Vec<Gap> = gaps
        .iter()
        .filter_map(|g| match g {
            Gap::Enter { id, inputs } => {
                let left: Vec<Input> = inputs.iter().copied().filter(|i| !fixing(*i)).collect();
                (!left.is_empty()).then_some(Gap::Enter { id, inputs: left })
            }
            g => Some(g.clone()),
        })
        .collect();
    let mut phrases: Vec<String> = Vec::new();
    if !fix.is_empty() {
        let labels: Vec<String> = fix
            .iter()
            .map(|i| {
                let d = a.rules.input(*i);
                format!("“{}”", if vi { d.label_vi } else { d.label_en })
            })
            .collect();
        phrases.push(if vi {
            format!("sửa {}", labels.join(", "))
        } else {
            format!("to correct {}", labels.join(", "))
        });
    }
    phrases
        .extend(gaps.iter().filter(|g| !matches!(g, Gap::Evidence { .. })).take(4).map(|g| describe(a.rules, g, lang)));
    let shown = phrases.len() - usize::from(!fix.is_empty());
    let substantive = gaps.iter().filter(|g| !matches!(g, Gap::Evidence { .. })).count();
    let evidence: Vec<&str> = gaps.iter().filter(|g| matches!(g, Gap::Evidence { .. })).map(Gap::id).collect();
    let more = substantive - shown;
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

/// What the unit may ask for this year, in words, and when it may ask for more (rules.md §3a):
/// "Năm nay đơn vị đề nghị công nhận lại mức độ 1."
pub fn request_sentence(a: &Assessment, lang: Lang) -> String {
    let Some(r) = &a.evaluation else { return String::new() };
    let vi = lang.vi();
    let q = r.request;
    let procedure = a.rules.procedure(r.scope);
    let cite = |f: fn(&crate::rules::Procedure) -> crate::rules::Cite| {
        procedure.map_or_else(String::new, |p| if vi { f(p).long_vi() } else { format!("Article {}", f(p).dotted()) })
    };
    let date = |d: crate::Date| if vi { date_vi(d) } else { d.to_string() };
    match (q.kind, q.reason) {
        (RequestKind::First, _) if vi => format!("Năm nay đơn vị đề nghị đánh giá, công nhận mức độ {}.", q.level),
        (RequestKind::First, _) => format!("This year the unit asks for recognition at level {}.", q.level),
        (RequestKind::Renewal, _) if vi => {
            format!("Năm nay đơn vị đề nghị công nhận lại mức độ {} (công nhận trước đã hết hiệu lực).", q.level)
        }
        (RequestKind::Renewal, _) => {
            format!("This year the unit asks for re-recognition at level {} (the previous one has lapsed).", q.level)
        }
        (RequestKind::Upgrade, _) if vi => "Năm nay đơn vị đề nghị công nhận nâng mức độ 2.".into(),
        (RequestKind::Upgrade, _) => "This year the unit asks for the upgrade to level 2.".into(),
        (RequestKind::None, RequestReason::NotMet) if vi => format!(
            "Chưa đủ điều kiện đề nghị công nhận: đơn vị chỉ đề nghị khi tự đánh giá đạt ít nhất mức độ 1 ({}).",
            a.rules.apply_when_met.long_vi()
        ),
        (RequestKind::None, RequestReason::NotMet) => format!(
            "Nothing may be asked yet: a unit files only when it meets at least level 1 (Article {}).",
            a.rules.apply_when_met.dotted()
        ),
        (RequestKind::None, RequestReason::UpgradeNotYet) => {
            let from = q.eligible_from.map_or_else(String::new, date);
            let year = q.first_year.unwrap_or(r.year + 1);
            if vi {
                format!(
                    "Đơn vị đạt các tiêu chí mức độ 2 nhưng chỉ được đề nghị nâng mức độ từ ngày {from} ({}), tức là với kết quả năm {year}; năm nay đơn vị giữ mức độ 1 và không nộp hồ sơ.",
                    cite(|p| p.upgrade)
                )
            } else {
                format!(
                    "The unit meets level 2 but may ask for the upgrade only from {from} ({}), that is with the results of {year}; this year it keeps level 1 and files nothing.",
                    cite(|p| p.upgrade)
                )
            }
        }
        (RequestKind::None, _) => {
            let level = a.previous.map_or(0, |p| p.level.number());
            let (until, again) =
                r.validity.map_or((String::new(), r.year + 1), |v| (date(v.valid_until), v.rerecognition_year));
            if vi {
                format!(
                    "Quyết định công nhận mức độ {level} còn hiệu lực đến {until} ({}); năm nay đơn vị không nộp hồ sơ, công nhận lại với kết quả năm {again}.",
                    cite(|p| p.validity)
                )
            } else {
                format!(
                    "The level-{level} recognition is valid until {until} ({}); this year the unit files nothing, and asks for re-recognition with the results of {again}.",
                    cite(|p| p.validity)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::assessment::Progress;
    use crate::file::{DossierFile, Value};

    fn assess(f: &DossierFile) -> Assessment {
        crate::engine::assess(f, &crate::engine::Env::new(crate::Date::parse("2025-12-01").unwrap()))
    }

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
        let a = assess(&f);
        assert_eq!(a.evaluation.as_ref().unwrap().level, 1);
        assert_eq!(
            headline(&a, Lang::Vi),
            "Đạt mức độ 1; để đạt mức độ 2 cần thêm 2 thành viên đạt “Lao động tiên tiến” (chỉ tiêu 2.5) và thêm 4 thành viên đạt “Công dân học tập” (chỉ tiêu 3.1)."
        );
        assert_eq!(
            headline(&a, Lang::En),
            "Level 1 met; level 2 needs 2 more members with the “Advanced worker” title (indicator 2.5) and 4 more members with the “Learning citizen” title (indicator 3.1)."
        );
    }

    #[test]
    fn gaps_cover_inputs_to_enter_and_requirements_not_met() {
        let mut f = thpt();
        f.values.set(Input::AnnualPlan, Some(Value::Flag(false)));
        f.values.set(Input::DigitalLevel, Some(Value::Choice("not_met")));
        f.values.set(Input::Learners, None);
        let a = assess(&f);
        let (level, g) = a.next.clone().unwrap();
        assert_eq!(level, crate::Level::One);
        assert!(g.contains(&Gap::NotMet { id: "1.1", input: Input::AnnualPlan }));
        assert!(g.contains(&Gap::NotMet { id: "3.4", input: Input::DigitalLevel }));
        assert!(g.contains(&Gap::Enter { id: "3.1", inputs: vec![Input::Learners] }));
        assert!(g.contains(&Gap::Evidence { id: "2.1" }));
        assert!(headline(&a, Lang::Vi).starts_with(
            "Chưa đạt mức độ nào; để đạt mức độ 1 cần đạt yêu cầu về kế hoạch học tập hằng năm (chỉ tiêu 1.1)"
        ));
        assert!(
            headline(&a, Lang::Vi).ends_with("và minh chứng cho chỉ tiêu 1.2, 1.3, 1.4, 1.5, 2.1 và 6 chỉ tiêu khác."),
            "{}",
            headline(&a, Lang::Vi)
        );
    }

    #[test]
    fn the_request_in_words() {
        let mut f = thpt();
        for id in ["1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4"] {
            crate::file::edit::add_evidence(&mut f, id);
        }
        // The spec example: recognised at level 1 on 10/02/2024, meets level 1 in 2025: still valid.
        assert_eq!(
            request_sentence(&assess(&f), Lang::Vi),
            "Quyết định công nhận mức độ 1 còn hiệu lực đến 31/12/2027 (khoản 4 Điều 11); năm nay đơn vị không nộp hồ sơ, công nhận lại với kết quả năm 2027."
        );
        f.previous_recognition = None;
        assert_eq!(request_sentence(&assess(&f), Lang::Vi), "Năm nay đơn vị đề nghị đánh giá, công nhận mức độ 1.");
        assert_eq!(request_sentence(&assess(&f), Lang::En), "This year the unit asks for recognition at level 1.");
    }

    #[test]
    fn progress_counts_applicable_indicators() {
        let a = assess(&thpt());
        // A tỉnh THPT: 16 indicators, of which 3.5 (QĐ 4740) and 3.6 (vocational) do not apply.
        assert_eq!(a.progress, Progress { applicable: 14, answered: 14, evidenced: 1 });
        let mut f = thpt();
        f.values.set(Input::MembersLanguageProficiency, None);
        assert_eq!(assess(&f).progress.answered, 13);
    }
}
