//! Which indicators apply to which kind of unit (rules.md §1–2), written out from the text:
//! 1.3 and huyện level-2 3.3 for "cơ quan, đơn vị sự nghiệp công lập" only; 2.4 not for
//! economic organisations; 3.4 for schools under QĐ 4725; tỉnh 3.5 under QĐ 4740;
//! accreditation (huyện 3.5, tỉnh 3.6) for vocational institutions.

mod common;
use common::*;
use dvht::file::Value;
use dvht::rules::{DigitalIndex, Input, Scope};
use dvht::{Level, Status};

/// (kind, public, not applicable at level 1, not applicable at level 2).
const EXPECTED: [(&str, bool, &[&str], &[&str]); 32] = [
    ("ubnd_xa", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("co_quan_dang_huyen", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("co_quan_ubnd_huyen", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("mttq_doan_the_huyen", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("vu_trang_huyen", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    // Not public: no 1.3; economic: no 2.4; huyện level 2 asks 3.3 of public bodies only.
    ("kinh_te_huyen", false, &["1.3", "2.4", "3.4", "3.5"], &["1.3", "2.4", "3.3", "3.4", "3.5"]),
    ("mam_non", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("mam_non", false, &["1.3", "3.4", "3.5"], &["1.3", "3.3", "3.4", "3.5"]),
    ("pho_thong_huyen", true, &["3.5"], &["3.5"]),
    ("pho_thong_huyen", false, &["1.3", "3.5"], &["1.3", "3.3", "3.5"]),
    ("gdnn_huyen", true, &["3.4"], &["3.4"]),
    ("csgd_khac_huyen", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("csgd_khac_huyen", false, &["1.3", "3.4", "3.5"], &["1.3", "3.3", "3.4", "3.5"]),
    ("xa_hoi_huyen", false, &["1.3", "3.4", "3.5"], &["1.3", "3.3", "3.4", "3.5"]),
    ("co_quan_dang_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    ("co_quan_ubnd_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    ("mttq_doan_the_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    ("vu_trang_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    // Tỉnh level 2 asks 3.3 of every unit (Điều 13.3.c).
    ("kinh_te_tinh", false, &["1.3", "2.4", "3.4", "3.5", "3.6"], &["1.3", "2.4", "3.4", "3.5", "3.6"]),
    ("ban_quan_ly_khu", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    ("thpt", true, &["3.5", "3.6"], &["3.5", "3.6"]),
    ("thpt", false, &["1.3", "3.5", "3.6"], &["1.3", "3.5", "3.6"]),
    ("gdtx_tinh", true, &["3.5", "3.6"], &["3.5", "3.6"]),
    ("csgd_dac_thu_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    // Answered "QĐ 4725 applies" (the builder answers what the kind asks; "none" below).
    ("tt_gdnn_tinh", true, &["3.5"], &["3.5"]),
    ("gdnn_tinh", true, &["3.4", "3.5"], &["3.4", "3.5"]),
    ("gdnn_tinh", false, &["1.3", "3.4", "3.5"], &["1.3", "3.4", "3.5"]),
    ("dai_hoc", true, &["3.4", "3.6"], &["3.4", "3.6"]),
    ("dai_hoc", false, &["1.3", "3.4", "3.6"], &["1.3", "3.4", "3.6"]),
    ("csgd_khac_tinh", true, &["3.4", "3.5", "3.6"], &["3.4", "3.5", "3.6"]),
    ("xa_hoi_tinh", false, &["1.3", "3.4", "3.5", "3.6"], &["1.3", "3.4", "3.5", "3.6"]),
    ("csgd_khac_tinh", false, &["1.3", "3.4", "3.5", "3.6"], &["1.3", "3.4", "3.5", "3.6"]),
];

fn unit(kind: &str, public: bool) -> dvht::DossierFile {
    full_with(kind, |f| {
        if f.unit.public.is_some() {
            f.unit.public = Some(public);
        }
    })
}

#[test]
fn each_kind_gets_exactly_its_indicators() {
    let mut kinds_seen: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    kinds_seen.sort();
    kinds_seen.dedup();
    assert_eq!(kinds_seen.len(), 25, "every kind of rules.md §1 is covered");
    for (kind, public, na1, na2) in EXPECTED {
        let r = eval(&unit(kind, public));
        assert_eq!(not_applicable(&r, Level::One), na1, "{kind} public={public} level 1");
        assert_eq!(not_applicable(&r, Level::Two), na2, "{kind} public={public} level 2");
        // Everything else was answered at level 2 and evidenced: the unit meets both levels.
        assert_eq!(r.level, 2, "{kind} public={public}: {:?}", codes(&r));
        assert!(r.diagnostics.iter().all(|d| d.severity != dvht::Severity::Warning), "{kind}: {:?}", codes(&r));
    }
}

#[test]
fn a_fixed_kind_ignores_a_contradicting_public_answer() {
    // An agency is public whatever the file says; an enterprise never is.
    let mut f = full("ubnd_xa");
    f.unit.public = Some(false);
    let r = eval(&f);
    assert_eq!(not_applicable(&r, Level::One), ["3.4", "3.5"]);
    assert!(r.diagnostics.iter().any(|d| d.field == "unit.public" && d.code() == "fixed_by_kind"));
    let mut f = full("kinh_te_tinh");
    f.unit.public = Some(true);
    let r = eval(&f);
    assert!(not_applicable(&r, Level::One).contains(&"1.3"));
    assert!(codes(&r).contains(&"fixed_by_kind"));
    // The same value as the kind's is not worth a warning.
    let mut f = full("ubnd_xa");
    f.unit.public = Some(true);
    assert!(!codes(&eval(&f)).contains(&"fixed_by_kind"));
}

#[test]
fn education_kinds_marked_override_take_the_files_answer() {
    // A trường cao đẳng sư phạm is accredited under the higher-education regime (rules.md §1).
    let f = full_with("gdnn_tinh", |f| f.unit.vocational = Some(false));
    assert_eq!(not_applicable(&eval(&f), Level::One), ["3.4", "3.5", "3.6"]);
    // A provincial TT GDNN-GDTX measured by QĐ 4725.
    let f = full_with("tt_gdnn_tinh", |f| f.unit.digital_index = Some(Some(DigitalIndex::Qd4725)));
    let r = eval(&f);
    assert_eq!(not_applicable(&r, Level::One), ["3.5"]);
    assert_eq!(status(&r, Level::Two, "3.4"), Status::Pass);
    // A kind that fixes them ignores the file, with a warning.
    let mut f = full("thpt");
    f.unit.vocational = Some(true);
    f.unit.digital_index = Some(Some(DigitalIndex::Qd4740));
    let r = eval(&f);
    assert_eq!(not_applicable(&r, Level::One), ["3.5", "3.6"]);
    let fields: Vec<&str> =
        r.diagnostics.iter().filter(|d| d.code() == "fixed_by_kind").map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["unit.vocational", "unit.digital_index"]);
    // At huyện level only general schools have an index (rules.md §1, Điều 6.3.d, 7.3.d):
    // any other kind's answer is kept, ignored and warned about, citing that point.
    for index in [Some(DigitalIndex::Qd4740), Some(DigitalIndex::Qd4725)] {
        let mut f = full("gdnn_huyen");
        f.unit.digital_index = Some(index);
        let r = eval(&f);
        assert!(not_applicable(&r, Level::One).contains(&"3.4"));
        let w = r.diagnostics.iter().find(|d| d.code() == "index_for_general_schools_only").expect("a warning");
        assert_eq!(w.field, "unit.digital_index");
        assert!(
            w.text(dvht::Lang::Vi).contains("điểm d khoản 3 Điều 6, điểm d khoản 3 Điều 7"),
            "{}",
            w.text(dvht::Lang::Vi)
        );
    }
    // "none" agrees with such a kind: nothing to warn about.
    let mut f = full("gdnn_huyen");
    f.unit.digital_index = Some(None);
    assert!(!eval(&f).diagnostics.iter().any(|d| d.field == "unit.digital_index"));
}

#[test]
fn learners_add_a_second_ratio_to_3_1() {
    // With learners: both parts must hold, reported separately.
    let f = with_count(full("thpt"), Input::LearnersLearningCitizen, 900);
    let r = eval(&f);
    let ind = r.indicator(Level::One, "3.1").unwrap();
    assert_eq!(ind.status, Status::Fail);
    assert!(ind.ratio.is_none());
    assert_eq!(ind.members.unwrap().shortfall, Some(0));
    assert_eq!(ind.learners.unwrap().shortfall, Some(50));
    // Failing members and missing learners: the known failure wins (rules.md §3).
    let f =
        with_value(with_count(full("thpt"), Input::MembersLearningCitizen, 10), Input::LearnersLearningCitizen, None);
    assert_eq!(status(&eval(&f), Level::One, "3.1"), Status::Fail);
    let f = with_value(full("thpt"), Input::LearnersLearningCitizen, None);
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "3.1"), Status::MissingInput);
    assert_eq!(r.indicator(Level::One, "3.1").unwrap().learners.unwrap().shortfall, None);
    // Without learners (Điều 2.8: district general schools): one flat ratio, learner data ignored.
    let f = with_count(with_count(full("pho_thong_huyen"), Input::Learners, 500), Input::LearnersLearningCitizen, 1);
    let r = eval(&f);
    let ind = r.indicator(Level::Two, "3.1").unwrap();
    assert_eq!(ind.status, Status::Pass);
    assert!(ind.ratio.is_some() && ind.learners.is_none());
    let warned: Vec<&str> =
        r.diagnostics.iter().filter(|d| d.code() == "not_applicable_data").map(|d| d.field.as_str()).collect();
    assert_eq!(warned, ["counts.learners", "counts.learners_learning_citizen"]);
}

#[test]
fn public_preschools_also_support_private_preschools() {
    // Đ6.1.b and Đ6.3.b: the second sentence binds public preschools only.
    let no_support = |public: bool| {
        let mut f = unit("mam_non", public);
        f.values.set(Input::SupportsPrivatePreschools, Some(Value::Flag(false)));
        eval(&f)
    };
    let r = no_support(true);
    for level in Level::ALL {
        assert_eq!(status(&r, level, "1.2"), Status::Fail);
        assert_eq!(status(&r, level, "3.2"), Status::Fail);
    }
    assert_eq!(r.level, 0);
    let r = no_support(false);
    assert_eq!(status(&r, Level::One, "1.2"), Status::Pass);
    assert_eq!(r.level, 2);
    // Unanswered for a public preschool: open, not failed.
    let f = with_value(unit("mam_non", true), Input::SupportsPrivatePreschools, None);
    assert_eq!(status(&eval(&f), Level::One, "3.2"), Status::MissingInput);
    // The first sentence still binds every preschool.
    let f = with_value(unit("mam_non", false), Input::TrainingRegimeAndIncentives, Some(Value::Flag(false)));
    assert_eq!(status(&eval(&f), Level::One, "1.2"), Status::Fail);
}

#[test]
fn titles_and_digital_levels_rank() {
    let title =
        |t: &'static str| eval(&with_value(full("co_quan_ubnd_tinh"), Input::CollectiveTitle, Some(Value::Choice(t))));
    assert_eq!(status(&title("none"), Level::One, "3.3"), Status::Fail);
    assert_eq!(status(&title("advanced"), Level::Two, "3.3"), Status::Pass);
    assert_eq!(status(&title("excellent_or_higher"), Level::Two, "3.3"), Status::Pass);
    let digital = |d: &'static str| eval(&with_value(full("thpt"), Input::DigitalLevel, Some(Value::Choice(d))));
    let basic = digital("basic");
    assert_eq!((status(&basic, Level::One, "3.4"), status(&basic, Level::Two, "3.4")), (Status::Pass, Status::Fail));
    assert_eq!(basic.level, 1);
    assert_eq!(status(&digital("not_met"), Level::One, "3.4"), Status::Fail);
    let uni = eval(&with_value(full("dai_hoc"), Input::DigitalLevel, Some(Value::Choice("basic"))));
    assert_eq!((status(&uni, Level::One, "3.5"), status(&uni, Level::Two, "3.5")), (Status::Pass, Status::Fail));
}

#[test]
fn level_two_is_judged_on_its_own_article() {
    // 2.4: a certificate at level 1, proficiency at level 2 (Đ6.2.d, Đ7.2.d).
    let f = with_count(full("co_quan_ubnd_huyen"), Input::MembersLanguageCertificate, 60);
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "2.4"), Status::Fail);
    assert_eq!(status(&r, Level::Two, "2.4"), Status::Pass);
    assert_eq!(r.level, 2);
    assert!(codes(&r).contains(&"level_two_without_level_one"));
    // Huyện 3.3: an enterprise without the title fails level 1 but level 2 does not ask it.
    let f = with_value(full("kinh_te_huyen"), Input::CollectiveTitle, Some(Value::Choice("none")));
    let r = eval(&f);
    assert_eq!((status(&r, Level::One, "3.3"), status(&r, Level::Two, "3.3")), (Status::Fail, Status::NotApplicable));
    assert_eq!(r.level, 2);
    assert!(codes(&r).contains(&"level_two_without_level_one"));
    // At tỉnh level the enterprise needs the title at both levels.
    let f = with_value(full("kinh_te_tinh"), Input::CollectiveTitle, Some(Value::Choice("none")));
    assert_eq!(eval(&f).level, 0);
}

#[test]
fn statuses_and_levels_follow_the_evidence() {
    // Điều 9.3, 15.3: no evidence, not met; the level ignoring evidence shows only paperwork is missing.
    let mut f = full("ubnd_xa");
    f.evidence.retain(|(id, _)| id != "2.3");
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "2.3"), Status::MissingEvidence);
    assert_eq!((r.level, r.level_ignoring_evidence), (0, 2));
    let warned: Vec<&str> =
        r.diagnostics.iter().filter(|d| d.code() == "missing_evidence").map(|d| d.field.as_str()).collect();
    assert_eq!(warned, ["evidence.2.3"]);
    assert!(!r.level(Level::One).unwrap().criteria[1].met);
    assert!(r.level(Level::One).unwrap().criteria[0].met);
    // A value missing: missing_input, and the level ignoring evidence drops too.
    let r = eval(&with_value(full("ubnd_xa"), Input::Members, None));
    for id in ["2.1", "2.2", "2.3", "2.4", "2.5", "3.1"] {
        assert_eq!(status(&r, Level::One, id), Status::MissingInput, "{id}");
        assert_eq!(r.indicator(Level::One, id).unwrap().ratios()[0].1.shortfall, None);
    }
    assert_eq!((r.level, r.level_ignoring_evidence), (0, 0));
    // A fact answered "no" fails whatever the evidence.
    let r = eval(&with_value(full("ubnd_xa"), Input::AnnualPlan, Some(Value::Flag(false))));
    assert_eq!(status(&r, Level::Two, "1.1"), Status::Fail);
    assert_eq!(r.level, 0);
}

#[test]
fn every_indicator_of_both_levels_is_reported_in_table_order() {
    for scope in Scope::ALL {
        for kind in kinds(scope) {
            let r = eval(&full(kind));
            for level in Level::ALL {
                let ids: Vec<&str> = r.level(level).unwrap().indicators().map(|i| i.id).collect();
                let table: Vec<&str> = dvht::rules::TT24_2023.indicators_for(scope, level).map(|i| i.id).collect();
                assert_eq!(ids, table, "{kind} {level:?}");
                let criteria: Vec<&str> = r.level(level).unwrap().criteria.iter().map(|c| c.id.as_str()).collect();
                assert_eq!(criteria, ["1", "2", "3"]);
            }
        }
    }
}

#[test]
fn a_provincial_vocational_centre_says_which_index_applies() {
    // rules.md §1: "choose" — 4725 or none; unanswered, 3.4 is missing_input at both levels.
    let f = full_with("tt_gdnn_tinh", |f| f.unit.digital_index = None);
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "3.4"), Status::MissingInput);
    assert_eq!(status(&r, Level::Two, "3.4"), Status::MissingInput);
    assert_eq!(r.level, 0);
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    let (_, gaps) = a.next.clone().unwrap();
    assert!(gaps.contains(&dvht::engine::assessment::Gap::Answer { id: "3.4", field: "unit.digital_index" }));
    // "none": 3.4 does not apply, and the unit meets level 2 on the rest.
    let f = full_with("tt_gdnn_tinh", |f| {
        f.unit.digital_index = Some(None);
        f.values.set(Input::DigitalLevel, None);
        f.evidence.retain(|(id, _)| id != "3.4");
    });
    let r = eval(&f);
    assert_eq!(not_applicable(&r, Level::One), ["3.4", "3.5"]);
    assert_eq!(r.level, 2);
    // 4740 is not an answer this kind can give: kept, ignored, warned about.
    let f = full_with("tt_gdnn_tinh", |f| f.unit.digital_index = Some(Some(DigitalIndex::Qd4740)));
    let r = eval(&f);
    assert!(codes(&r).contains(&"fixed_by_kind"));
    assert_eq!(status(&r, Level::One, "3.4"), Status::MissingInput, "the kind's question is still unanswered");
}

#[test]
fn party_and_mass_organisation_bodies_may_say_they_are_not_state_funded() {
    // rules.md §1: read as "cơ quan" by default; a trade union funded by dues says public: false.
    for kind in ["co_quan_dang_huyen", "mttq_doan_the_huyen", "co_quan_dang_tinh", "mttq_doan_the_tinh"] {
        let r = eval(&full(kind));
        assert!(!not_applicable(&r, Level::One).contains(&"1.3"), "{kind}: 1.3 by default");
        let mut f = full(kind);
        f.unit.public = Some(false);
        f.values.set(Input::StateBudgetForTraining, None);
        f.evidence.retain(|(id, _)| id != "1.3");
        let r = eval(&f);
        assert!(not_applicable(&r, Level::One).contains(&"1.3"), "{kind}: no 1.3 when not state-funded");
        assert!(!codes(&r).contains(&"fixed_by_kind"), "{kind}: the answer is the file's to give");
    }
    // A state body's answer stays fixed.
    let mut f = full("co_quan_ubnd_huyen");
    f.unit.public = Some(false);
    assert!(codes(&eval(&f)).contains(&"fixed_by_kind"));
}

#[test]
fn catch_all_education_kinds_may_have_no_learners() {
    // rules.md §1: a preschool or primary school placed under the Sở has no "Người học" (Điều 2.8).
    for kind in ["csgd_khac_huyen", "csgd_dac_thu_tinh", "csgd_khac_tinh"] {
        let f = full(kind);
        assert!(eval(&f).indicator(Level::One, "3.1").unwrap().learners.is_some(), "{kind}: learners by default");
        let mut f = full(kind);
        f.unit.learners = Some(false);
        f.values.set(Input::Learners, None);
        f.values.set(Input::LearnersLearningCitizen, None);
        let r = eval(&f);
        let ind = r.indicator(Level::One, "3.1").unwrap();
        assert!(ind.learners.is_none() && ind.ratio.is_some(), "{kind}: one ratio, members only");
        assert_eq!(r.level, 2, "{kind}: {:?}", codes(&r));
    }
    // Where the kind decides, the answer is kept and ignored with a warning.
    let mut f = full("thpt");
    f.unit.learners = Some(false);
    let r = eval(&f);
    assert!(r.indicator(Level::One, "3.1").unwrap().learners.is_some());
    assert!(codes(&r).contains(&"fixed_by_kind"));
}

#[test]
fn a_public_preschool_with_no_private_preschool_nearby_rests_on_the_first_part() {
    // rules.md §2: "none_in_area" — the preschool part of 1.2 and 3.2 does not apply.
    let none = Value::Choice("none_in_area");
    let mut f = full("mam_non");
    f.values.set(Input::SupportsPrivatePreschools, Some(Value::Flag(false)));
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "1.2"), Status::Fail);
    assert_eq!(status(&r, Level::One, "3.2"), Status::Fail);
    f.values.set(Input::SupportsPrivatePreschools, Some(none));
    let r = eval(&f);
    assert_eq!(status(&r, Level::One, "1.2"), Status::Pass);
    assert_eq!(status(&r, Level::Two, "3.2"), Status::Pass);
    assert_eq!(r.level, 2);
    // The first part still decides.
    f.values.set(Input::TrainingRegimeAndIncentives, Some(Value::Flag(false)));
    assert_eq!(status(&eval(&f), Level::One, "1.2"), Status::Fail);
    // The answer survives the file.
    let back = dvht::read(dvht::write(&f).as_bytes()).unwrap();
    assert_eq!(back.values.get(Input::SupportsPrivatePreschools), Some(none));
    assert!(dvht::write(&f).contains("\"supports_private_preschools\": \"none_in_area\""));
}
