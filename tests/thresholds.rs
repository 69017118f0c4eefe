//! Every ratio indicator at its boundary: exactly at the threshold passes, one person fewer
//! fails, with the shortfall a user is shown. Thresholds and boundaries are written out here
//! from the text (Điều 6, 7, 12, 13), not read from the rules table.

mod common;
use common::*;
use dvht::rules::Input::{self, *};
use dvht::{Level, Status};

/// (level, indicator, the count it reads, "Tối thiểu X%") — the same for huyện and tỉnh
/// (Điều 12.2 and 13.2 incorporate Điều 6.2 and 7.2; 12.3a and 13.3a repeat 6.3a and 7.3a).
const MEMBER_RATIOS: [(Level, &str, Input, u32); 12] = [
    (Level::One, "2.1", MembersDiscipline, 90),          // Đ6.2.a
    (Level::One, "2.2", MembersTrainingCompleted, 90),   // Đ6.2.b
    (Level::One, "2.3", MembersDigital, 90),             // Đ6.2.c
    (Level::One, "2.4", MembersLanguageCertificate, 50), // Đ6.2.d
    (Level::One, "2.5", MembersAdvancedWorker, 90),      // Đ6.2.đ
    (Level::One, "3.1", MembersLearningCitizen, 90),     // Đ6.3.a, Đ12.3.a
    (Level::Two, "2.1", MembersDiscipline, 95),          // Đ7.2.a
    (Level::Two, "2.2", MembersTrainingCompleted, 95),   // Đ7.2.b
    (Level::Two, "2.3", MembersDigital, 95),             // Đ7.2.c
    (Level::Two, "2.4", MembersLanguageProficiency, 70), // Đ7.2.d
    (Level::Two, "2.5", MembersAdvancedWorker, 95),      // Đ7.2.đ
    (Level::Two, "3.1", MembersLearningCitizen, 95),     // Đ7.3.a, Đ13.3.a
];

/// The smallest passing count, worked out by hand: for 200 people X% is a whole number; for
/// 101 it is not, and the next whole person is needed.
fn boundary(total: u64, percent: u32) -> u64 {
    match (total, percent) {
        (200, 50) => 100,
        (200, 70) => 140,
        (200, 90) => 180,
        (200, 95) => 190,
        (200, 97) => 194,
        (101, 50) => 51, // 50.5
        (101, 70) => 71, // 70.7
        (101, 90) => 91, // 90.9
        (101, 95) => 96, // 95.95
        (101, 97) => 98, // 97.97
        (1000, 95) => 950,
        (1000, 97) => 970,
        (1001, 95) => 951, // 950.95
        (1001, 97) => 971, // 970.97
        _ => unreachable!("no hand-computed boundary for {total} at {percent}%"),
    }
}

#[allow(clippy::too_many_arguments)]
fn check_boundary(
    kind: &str,
    level: Level,
    id: &str,
    count: Input,
    total_input: Input,
    total: u64,
    percent: u32,
    part: Option<&str>,
) {
    let at = boundary(total, percent);
    let base = with_count(full(kind), total_input, total);
    // Everyone else meets every threshold, so only `count` decides.
    let base = dvht::rules::TT24_2023
        .inputs
        .iter()
        .filter(|d| {
            matches!(d.kind, dvht::rules::InputKind::Count { total: Some(t) } if t == total_input)
                && base.values.count(d.id).is_some()
        })
        .fold(base.clone(), |f, d| with_count(f, d.id, total));

    let pass = eval(&with_count(base.clone(), count, at));
    let fail = eval(&with_count(base.clone(), count, at - 1));
    let far = eval(&with_count(base, count, at - 10));
    let ratio = |r: &dvht::Evaluation| {
        let ind = r.indicator(level, id).unwrap();
        match part {
            None => ind.ratio.unwrap(),
            Some("members") => ind.members.unwrap(),
            Some(_) => ind.learners.unwrap(),
        }
    };
    let what = format!("{kind} {level:?} {id} {part:?} at {at}/{total} ({percent}%)");
    assert_eq!(status(&pass, level, id), Status::Pass, "{what}");
    assert_eq!(ratio(&pass).shortfall, Some(0), "{what}");
    assert_eq!(ratio(&pass).required_percent, percent, "{what}");
    assert_eq!((ratio(&pass).count, ratio(&pass).total), (Some(at), Some(total)), "{what}");
    assert_eq!(status(&fail, level, id), Status::Fail, "one below: {what}");
    assert_eq!(ratio(&fail).shortfall, Some(1), "one below: {what}");
    assert_eq!(ratio(&far).shortfall, Some(10), "ten below: {what}");
    // The level turns on this one indicator.
    assert!(pass.level(level).unwrap().met, "{what}");
    assert!(!fail.level(level).unwrap().met, "{what}");
}

#[test]
fn member_ratios_at_their_boundaries_in_both_scopes() {
    for kind in ["ubnd_xa", "co_quan_ubnd_tinh"] {
        for (level, id, count, percent) in MEMBER_RATIOS {
            for total in [200, 101] {
                check_boundary(kind, level, id, count, Members, total, percent, None);
            }
        }
    }
}

#[test]
fn learner_ratios_of_3_1_at_their_boundaries() {
    // Đ6.3.a / Đ12.3.a: ≥ 95% of learners; Đ7.3.a / Đ13.3.a: ≥ 97%.
    for kind in ["gdnn_huyen", "thpt", "dai_hoc"] {
        for (level, percent) in [(Level::One, 95), (Level::Two, 97)] {
            for total in [1000, 1001] {
                check_boundary(kind, level, "3.1", LearnersLearningCitizen, Learners, total, percent, Some("learners"));
            }
        }
        // The member part still counts for an institution with learners.
        for (level, percent) in [(Level::One, 90), (Level::Two, 95)] {
            check_boundary(kind, level, "3.1", MembersLearningCitizen, Members, 200, percent, Some("members"));
        }
    }
}

#[test]
fn exact_integer_arithmetic_at_scale() {
    // The judge itself, below the check that refuses counts no unit has (file::MAX_COUNT):
    // 90% of 1 234 567 891 is 1 111 111 101.9: floating point has no say in it.
    let rules = dvht::rules::current();
    let kind = rules.kind("ubnd_xa").unwrap();
    let profile = dvht::RuleSet::profile(kind, None, None, None, None);
    let judged = |level: Level, members: u64, count: u64| {
        let mut values = dvht::file::Values::default();
        values.set(Members, Some(dvht::file::Value::Count(members)));
        values.set(MembersDiscipline, Some(dvht::file::Value::Count(count)));
        let def = rules.indicator(dvht::Scope::Huyen, level, "2.1").unwrap();
        dvht::engine::evaluate::judge(rules, def, &profile, &values, true).result
    };
    assert_eq!(judged(Level::One, 1_234_567_891, 1_111_111_102).status, Status::Pass);
    let below = judged(Level::One, 1_234_567_891, 1_111_111_101);
    assert_eq!(below.status, Status::Fail);
    assert_eq!(below.ratio.unwrap().shortfall, Some(1));
    // The largest counts do not overflow.
    assert_eq!(judged(Level::Two, u64::MAX, u64::MAX - 1).status, Status::Pass);
    let half = judged(Level::Two, u64::MAX, u64::MAX / 2);
    assert_eq!(half.status, Status::Fail);
    // 95% of 2^64 − 1, rounded up, less 2^63 − 1.
    assert_eq!(half.ratio.unwrap().shortfall, Some(8_301_034_833_169_298_228));
    // Through the whole pipeline, a count no unit has is refused, saying so.
    let f = with_count(full("ubnd_xa"), Members, 1_234_567_891);
    let e = dvht::check(&f).unwrap_err();
    assert_eq!((e[0].field.as_str(), e[0].code()), ("counts.members", "too_large"));
    assert!(e[0].text(dvht::Lang::Vi).contains("quá lớn"), "{}", e[0].text(dvht::Lang::Vi));
    // The largest count accepted evaluates exactly.
    let f = with_count(with_count(full("ubnd_xa"), Members, 100_000_000), MembersDiscipline, 94_999_999);
    let r = eval(&f);
    assert_eq!(r.indicator(Level::Two, "2.1").unwrap().ratio.unwrap().shortfall, Some(1));
    assert!(codes(&r).contains(&"implausible_total"));
    assert!(dvht::engine::evaluate::meets(u64::MAX, u64::MAX, 100));
    assert_eq!(dvht::engine::evaluate::shortfall(0, u64::MAX, 100), u64::MAX);
}

#[test]
fn the_example_of_the_spec() {
    // shared/spec/dossier-format.md: 2.5 at 112/120 = 93.3% is below level 2's 95% (114 needed).
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spec-example.json")).unwrap();
    let r = dvht::evaluate_bytes(&bytes, date("2025-11-21")).unwrap();
    assert_eq!((r.level, r.level_ignoring_evidence), (0, 1));
    let ind = r.indicator(Level::Two, "2.5").unwrap();
    assert_eq!(ind.status, Status::Fail);
    assert_eq!(ind.ratio.unwrap().shortfall, Some(2));
    assert_eq!(status(&r, Level::One, "1.1"), Status::Pass);
    assert_eq!(status(&r, Level::One, "2.1"), Status::MissingEvidence);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["levels"][0]["criteria"][1]["indicators"][0],
        serde_json::json!(
        { "id": "2.1", "status": "missing_evidence", "count": 118, "total": 120, "required_percent": 90, "shortfall": 0 })
    );
    assert_eq!(
        json["levels"][0]["criteria"][2]["indicators"][0],
        serde_json::json!(
        { "id": "3.1", "status": "missing_evidence",
          "members": { "count": 114, "total": 120, "required_percent": 90, "shortfall": 0 },
          "learners": { "count": 1460, "total": 1500, "required_percent": 95, "shortfall": 0 } })
    );
    assert_eq!(json["upgrade"], serde_json::json!({ "eligible_from": "2025-02-11", "eligible_this_cycle": true }));
    // The second version of the spec: both readings of the validity, and the request.
    assert_eq!(
        json["validity"],
        serde_json::json!({ "reading": "decision_year", "valid_until": "2027-12-31", "rerecognition_year": 2027, "valid_on_today": true,
                            "other_reading": { "reading": "assessed_year", "valid_until": "2026-12-31", "rerecognition_year": 2026 } })
    );
    assert_eq!(
        json["request"],
        serde_json::json!({ "kind": "none", "level": 0, "reason": "not_met", "eligible_from": null, "first_year": null })
    );
    assert_eq!(
        json["deadlines"],
        serde_json::json!({ "submit_before": "2026-01-15", "decision_before": "2026-02-15", "days_left": 55 })
    );
}

#[test]
fn percentages_are_shown_to_one_decimal_but_never_decide() {
    use dvht::engine::evaluate::meets;
    use dvht::words::percent_text;
    use dvht::Lang;
    assert_eq!(percent_text(1460, 1500, Lang::Vi), "97,3%");
    assert_eq!(percent_text(2, 3, Lang::En), "66.6%");
    assert_eq!(percent_text(1, 16, Lang::Vi), "6,2%", "rounded down");
    assert_eq!(percent_text(1, 0, Lang::Vi), "—");
    // 89,99% fails 90%: it must not show as 90,0%.
    assert!(!meets(8999, 10000, 90));
    assert_eq!(percent_text(8999, 10000, Lang::Vi), "89,9%");
    // Whenever the shown value reaches a whole-percent threshold, the ratio meets it.
    for total in 1..=400u64 {
        for count in 0..=total {
            let shown: u64 =
                percent_text(count, total, Lang::En).trim_end_matches('%').replace('.', "").parse().unwrap();
            for threshold in [50u32, 70, 90, 95, 97] {
                if shown >= u64::from(threshold) * 10 {
                    assert!(meets(count, total, threshold), "{count}/{total} shows {shown} but fails {threshold}%");
                }
            }
        }
    }
}
