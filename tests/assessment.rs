//! The read-model (`dvht::Assessment`) against the result it is built with: the screen, the
//! documents and the command line read only it, so it must say what the result says.

mod common;
use common::*;
use dvht::engine::assessment::{Gap, Requirement};
use dvht::rules::Input;
use dvht::{assess, Env, Level, Scope, Status};

fn env() -> Env {
    Env::new(date(TODAY))
}

#[test]
fn every_fixture_agrees_with_its_result() {
    for name in ["spec-example", "complete-thpt", "incomplete-ubnd-xa", "invalid-thpt", "fuzz-float-roundtrip"] {
        let bytes = std::fs::read(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let file = dvht::read(&bytes).unwrap();
        let a = assess(&file, &env());
        // The same result as the command line's pipeline, byte for byte.
        let direct = dvht::evaluate_bytes(&bytes, date(TODAY));
        assert_eq!(
            a.evaluation.as_ref().map(|r| serde_json::to_string(r).unwrap()),
            direct.as_ref().ok().map(|r| serde_json::to_string(r).unwrap()),
            "{name}"
        );
        assert_eq!(a.evaluation.is_none(), !a.problems.is_empty(), "{name}: problems or a result");
        read_model_agrees(&a, &file).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn every_kind_both_levels_agree() {
    for kind in Scope::ALL.into_iter().flat_map(kinds) {
        let mut f = full(kind);
        read_model_agrees(&assess(&f, &env()), &f).unwrap_or_else(|e| panic!("{kind}: {e}"));
        // One short of level 2 on 2.1, and no evidence for 1.1.
        f.values.set(Input::MembersDiscipline, Some(dvht::file::Value::Count(189)));
        f.evidence.retain(|(id, _)| id != "1.1");
        let a = assess(&f, &env());
        read_model_agrees(&a, &f).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(a.evaluation.as_ref().unwrap().level, 0, "{kind}");
        let (level, gaps) = a.next.clone().unwrap();
        assert_eq!(level, Level::One);
        assert!(gaps.contains(&Gap::Evidence { id: "1.1" }), "{kind}: {gaps:?}");
    }
}

#[test]
fn both_levels_side_by_side() {
    let f = full("thpt");
    let a = assess(&f, &env());
    let ind = a.indicator("2.4").unwrap();
    // Certificates at level 1, proficiency at level 2: two counts, one threshold each.
    let ratios: Vec<(Input, [Option<u32>; 2])> = ind
        .requirements
        .iter()
        .filter_map(|r| match r {
            Requirement::Ratio { count, at_least, .. } => Some((*count, *at_least)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ratios,
        [(Input::MembersLanguageCertificate, [Some(50), None]), (Input::MembersLanguageProficiency, [None, Some(70)])]
    );
    assert_eq!(ind.status, [Some(Status::Pass), Some(Status::Pass)]);
    // 3.1 of a school: members and learners, both levels.
    let ind = a.indicator("3.1").unwrap();
    assert_eq!(
        ind.inputs(),
        [Input::Members, Input::MembersLearningCitizen, Input::Learners, Input::LearnersLearningCitizen]
    );
}

#[test]
fn the_kind_is_known_before_the_dossier_is_valid() {
    let mut f = full("thpt");
    f.values.set(Input::MembersDigital, Some(dvht::file::Value::Count(5000)));
    let a = assess(&f, &env());
    assert!(a.evaluation.is_none());
    assert_eq!(a.problems[0].field, "counts.members_digital");
    assert_eq!(a.kind.map(|k| k.id), Some("thpt"));
    // The form can still show each indicator and what it asks.
    assert_eq!(a.indicators.len(), 16);
    assert!(a.indicator("2.3").unwrap().applies_at_all());
    assert_eq!(a.indicator("2.3").unwrap().status, [None, None]);
}

#[test]
fn an_unknown_rule_set_is_a_problem_not_a_panic() {
    let mut f = full("ubnd_xa");
    f.ruleset = "TT99/2030".into();
    let a = assess(&f, &env());
    assert_eq!(a.problems[0].code(), "unknown_ruleset");
    assert!(a.evaluation.is_none());
}

#[test]
fn a_non_ascii_fingerprint_is_read_and_shown() {
    let mut f = full("ubnd_xa");
    f.finalised = Some(dvht::file::Final {
        date: Some(date("2026-01-05")),
        fingerprint: Some("ab€€".into()),
        ..Default::default()
    });
    let back = dvht::read(dvht::write(&f).as_bytes()).unwrap();
    let a = assess(&back, &env());
    assert!(a.evaluation.as_ref().unwrap().diagnostics.iter().any(|d| d.code() == "changed_after_final"));
    let docs = dvht::documents::build(&back, &a).unwrap();
    let html = dvht::documents::html::fragment(&docs);
    assert!(html.contains("mã kiểm tra ab€€"), "the stamp shows what the file says");
    assert_eq!(dvht::words::fingerprint_text("ab€€"), "ab€€");
}

/// Issue 11: a count whose control holds text that is not a number is asked to be corrected,
/// never to be entered as if nothing had been typed.
#[test]
fn the_headline_asks_to_correct_what_was_typed_wrong() {
    let f = with_value(full("ubnd_xa"), Input::MembersDigital, None);
    let a = assess(&f, &env());
    let vi = dvht::words::summary::headline(&a, dvht::Lang::Vi);
    assert!(vi.contains("cần nhập"), "{vi}");
    let fixing = |i: Input| i == Input::MembersDigital;
    let vi = dvht::words::summary::headline_fixing(&a, dvht::Lang::Vi, &fixing);
    assert!(vi.contains("cần sửa") && !vi.contains("nhập"), "{vi}");
    let en = dvht::words::summary::headline_fixing(&a, dvht::Lang::En, &fixing);
    assert!(en.contains("needs to correct"), "{en}");
}
