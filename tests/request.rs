//! What a unit may ask for this year (rules.md §3a), row by row, with the dates of §4 at their
//! boundaries: Điều 2.10 (công nhận lại), 2.11 (nâng mức độ), 5.3/11.3 (12 months), 5.4/11.4
//! (kept 3 years), 21.2 (file only when the conditions are met). Every expected value below is
//! worked out by hand from the text.

mod common;
use common::*;
use dvht::engine::evaluate::{RequestKind as K, RequestReason as R};
use dvht::file::Value;
use dvht::rules::{Input, ValidityReading};
use dvht::{Evaluation, Level};

/// A unit of `kind` assessed for 2025 that meets level 2, or only level 1, or nothing.
fn meeting(kind: &str, level: u8) -> dvht::DossierFile {
    match level {
        2 => full(kind),
        // One member short of 95% on 2.1: level 1 only.
        1 => with_count(full(kind), Input::MembersDiscipline, 189),
        _ => with_value(full(kind), Input::AnnualPlan, Some(Value::Flag(false))),
    }
}

fn request(r: &Evaluation) -> (K, u8, R) {
    (r.request.kind, r.request.level, r.request.reason)
}

#[test]
fn nothing_met_nothing_asked() {
    // Điều 21.2: a unit files only when its self-assessment meets the conditions.
    let r = eval(&meeting("ubnd_xa", 0));
    assert_eq!(r.level, 0);
    assert_eq!(request(&r), (K::None, 0, R::NotMet));
    assert_eq!((r.request.eligible_from, r.request.first_year), (None, None));
    // Even with a lapsed recognition.
    let r = eval(&with_previous(meeting("ubnd_xa", 0), Level::One, "2020-03-01"));
    assert_eq!(request(&r), (K::None, 0, R::NotMet));
}

#[test]
fn a_first_recognition_asks_for_the_level_met() {
    assert_eq!(request(&eval(&meeting("thpt", 1))), (K::First, 1, R::MeetsLevel));
    assert_eq!(request(&eval(&meeting("thpt", 2))), (K::First, 2, R::MeetsLevel));
}

#[test]
fn a_recognition_lapsed_for_this_cycle_is_renewed() {
    // Decided in 2022: kept 2023–2025 under the decision-year reading, valid until 31/12/2025,
    // re-recognition for assessed year 2025 (Điều 2.10, 5.4).
    let r = eval(&with_previous(meeting("ubnd_xa", 1), Level::One, "2022-02-10"));
    assert_eq!(r.validity.unwrap().rerecognition_year, 2025);
    assert_eq!(request(&r), (K::Renewal, 1, R::MeetsLevel));
    // A level-2 unit renews at level 2; a lapsed level-2 unit meeting only level 1 renews at 1.
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::Two, "2022-02-10"));
    assert_eq!(request(&r), (K::Renewal, 2, R::MeetsLevel));
    let r = eval(&with_previous(meeting("ubnd_xa", 1), Level::Two, "2022-02-10"));
    assert_eq!(request(&r), (K::Renewal, 1, R::MeetsLevel));
    // Decided in 2023: still valid for 2025 (re-recognition 2026).
    let r = eval(&with_previous(meeting("ubnd_xa", 1), Level::One, "2023-02-10"));
    assert_eq!(request(&r), (K::None, 0, R::StillValid));
}

#[test]
fn still_valid_at_level_2_asks_nothing() {
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::Two, "2025-02-10"));
    assert_eq!(request(&r), (K::None, 0, R::StillValid));
    assert!(codes(&r).contains(&"recognition_still_valid"));
}

#[test]
fn still_valid_at_level_1_and_meeting_only_level_1_asks_nothing() {
    let r = eval(&with_previous(meeting("ubnd_xa", 1), Level::One, "2024-02-10"));
    assert_eq!(request(&r), (K::None, 0, R::StillValid));
}

#[test]
fn an_upgrade_once_twelve_months_have_passed() {
    // Decided 10/02/2024: eligible from 11/02/2025, inside the 2025 cycle (to 14/01/2026).
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::One, "2024-02-10"));
    assert_eq!(request(&r), (K::Upgrade, 2, R::MeetsLevel));
    assert_eq!(r.upgrade.unwrap().eligible_from, date("2025-02-11"));
}

#[test]
fn an_upgrade_not_yet_gives_the_day_and_the_first_year() {
    // The case: level 1 on 10/02/2025, level 2 met in 2025: eligible from 11/02/2026,
    // that is with the results of 2026; nothing may be asked for 2025.
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::One, "2025-02-10"));
    assert_eq!(request(&r), (K::None, 0, R::UpgradeNotYet));
    assert_eq!(r.request.eligible_from, Some(date("2026-02-11")));
    assert_eq!(r.request.first_year, Some(2026));
    let w = r.diagnostics.iter().find(|d| d.code() == "upgrade_not_yet").unwrap().text(dvht::Lang::Vi);
    assert!(w.contains("từ ngày 11/02/2026") && w.contains("năm 2026"), "{w}");
    // Its own scope's article only (rules.md §5): khoản 3 Điều 5 for huyện…
    assert!(w.contains("khoản 3 Điều 5") && !w.contains("Điều 11"), "{w}");
    // …khoản 3 Điều 11 for tỉnh.
    let r = eval(&with_previous(meeting("thpt", 2), Level::One, "2025-02-10"));
    let w = r.diagnostics.iter().find(|d| d.code() == "upgrade_not_yet").unwrap().text(dvht::Lang::Vi);
    assert!(w.contains("khoản 3 Điều 11") && !w.contains("Điều 5"), "{w}");
}

#[test]
fn the_filing_window_ends_on_14_january() {
    // A decision on 13/01/2025 makes the unit eligible from 14/01/2026, the last filing day of
    // the 2025 cycle; a decision on 14/01/2025 from 15/01/2026, one day too late.
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::One, "2025-01-13"));
    assert_eq!(r.upgrade.unwrap().eligible_from, date("2026-01-14"));
    assert_eq!(request(&r), (K::Upgrade, 2, R::MeetsLevel));
    let r = eval(&with_previous(meeting("ubnd_xa", 2), Level::One, "2025-01-14"));
    assert_eq!(r.upgrade.unwrap().eligible_from, date("2026-01-15"));
    assert_eq!(request(&r), (K::None, 0, R::UpgradeNotYet));
    assert_eq!(r.request.first_year, Some(2026));
}

#[test]
fn a_leap_day_decision() {
    // 29/02/2024 + 12 months is 28/02/2025 (the month's last day, BLDS Điều 148): eligible from
    // 01/03/2025, inside the 2025 cycle.
    let mut f = with_previous(meeting("ubnd_xa", 2), Level::One, "2024-02-29");
    let r = eval(&f);
    assert_eq!(r.upgrade.unwrap().eligible_from, date("2025-03-01"));
    assert_eq!(request(&r), (K::Upgrade, 2, R::MeetsLevel));
    // Assessed as 2024, the same decision is too recent.
    f.year = Some(2024);
    let r = eval(&f);
    assert_eq!(request(&r), (K::None, 0, R::UpgradeNotYet));
    assert_eq!(r.request.first_year, Some(2025));
}

#[test]
fn both_readings_of_the_validity() {
    // Decided 10/02/2023 for assessed year 2022. Decision-year reading: valid until
    // 31/12/2026, re-recognition 2026. Assessed-year reading: 31/12/2025, re-recognition 2025.
    let mut f = with_previous(meeting("ubnd_xa", 1), Level::One, "2023-02-10");
    let r = eval(&f);
    let v = r.validity.unwrap();
    assert_eq!(
        (v.reading, v.valid_until, v.rerecognition_year),
        (ValidityReading::DecisionYear, date("2026-12-31"), 2026)
    );
    assert_eq!(
        (v.other_reading.reading, v.other_reading.valid_until, v.other_reading.rerecognition_year),
        (ValidityReading::AssessedYear, date("2025-12-31"), 2025)
    );
    // 2025 is the earlier re-recognition year: still valid by the chosen reading, and a warning
    // to ask the recipient which reading it applies.
    assert_eq!(request(&r), (K::None, 0, R::StillValid));
    let w = r.diagnostics.iter().find(|d| d.code() == "readings_differ").expect("a warning");
    assert_eq!(w.field, "previous_recognition.validity_from");
    // Choosing the assessed-year reading: the recognition has lapsed for 2025, renewal.
    f.previous_recognition.as_mut().unwrap().validity_from = Some(ValidityReading::AssessedYear);
    let r = eval(&f);
    assert_eq!(r.validity.unwrap().rerecognition_year, 2025);
    assert_eq!(request(&r), (K::Renewal, 1, R::MeetsLevel));
    assert!(codes(&r).contains(&"readings_differ"));
    // The assessed year given explicitly decides that reading.
    f.previous_recognition.as_mut().unwrap().year = Some(2023);
    let r = eval(&f);
    assert_eq!(r.validity.unwrap().rerecognition_year, 2026);
    assert_eq!(r.validity.unwrap().other_reading.rerecognition_year, 2026);
    assert!(!codes(&r).contains(&"readings_differ"), "the readings agree");
    // In 2026 (the later year) the readings no longer disagree about the cycle: no warning.
    let mut f = with_previous(meeting("ubnd_xa", 1), Level::One, "2023-02-10");
    f.year = Some(2026);
    let r = eval(&f);
    assert!(!codes(&r).contains(&"readings_differ"));
    assert_eq!(request(&r), (K::Renewal, 1, R::MeetsLevel));
}

#[test]
fn a_unit_may_ask_for_less_never_for_more() {
    // Meets level 2, first recognition, asks for level 1.
    let mut f = meeting("ubnd_xa", 2);
    f.request_level = Some(Level::One);
    let r = eval(&f);
    assert_eq!(request(&r), (K::First, 1, R::MeetsLevel));
    assert!(!codes(&r).contains(&"request_level_ignored"));
    // The same at renewal.
    let mut g = with_previous(f.clone(), Level::Two, "2022-02-10");
    g.request_level = Some(Level::One);
    assert_eq!(request(&eval(&g)), (K::Renewal, 1, R::MeetsLevel));
    // Asking for more than is met: ignored with a warning.
    let mut f = meeting("ubnd_xa", 1);
    f.request_level = Some(Level::Two);
    let r = eval(&f);
    assert_eq!(request(&r), (K::First, 1, R::MeetsLevel));
    let w = r.diagnostics.iter().find(|d| d.code() == "request_level_ignored").unwrap();
    assert_eq!(w.field, "request_level");
    // Level 2 met without level 1: asking for level 1 names a level not met.
    let mut f = with_value(full("ubnd_xa"), Input::MembersLanguageCertificate, Some(Value::Count(10)));
    f.request_level = Some(Level::One);
    let r = eval(&f);
    assert_eq!((r.level, request(&r)), (2, (K::First, 2, R::MeetsLevel)));
    assert!(codes(&r).contains(&"request_level_ignored"));
    // An upgrade cannot be lowered, and nothing cannot be raised.
    let mut f = with_previous(meeting("ubnd_xa", 2), Level::One, "2024-02-10");
    f.request_level = Some(Level::One);
    let r = eval(&f);
    assert_eq!(request(&r), (K::Upgrade, 2, R::MeetsLevel));
    assert!(codes(&r).contains(&"request_level_ignored"));
    let mut f = meeting("ubnd_xa", 0);
    f.request_level = Some(Level::One);
    assert!(codes(&eval(&f)).contains(&"request_level_ignored"));
}

#[test]
fn level_2_without_level_1_names_its_basis_and_what_level_1_lacks() {
    // 2.4: certificates (level 1) below 50%, proficiency (level 2) at 70%: level 2 is met on
    // its own article (Điều 8.2 huyện, 14.2 tỉnh), level 1 is not.
    for (kind, basis, other) in
        [("ubnd_xa", "khoản 2 Điều 8", "Điều 14"), ("co_quan_ubnd_tinh", "khoản 2 Điều 14", "Điều 8")]
    {
        let f = with_value(full(kind), Input::MembersLanguageCertificate, Some(Value::Count(10)));
        let r = eval(&f);
        assert_eq!(r.level, 2, "{kind}");
        let w = r.diagnostics.iter().find(|d| d.code() == "level_two_without_level_one").unwrap().text(dvht::Lang::Vi);
        assert!(w.contains("chỉ tiêu 2.4") && w.contains(basis) && !w.contains(other), "{kind}: {w}");
        assert!(!w.contains("Điều 5") && !w.contains("Điều 11"), "no procedure article of either scope: {w}");
    }
}

#[test]
fn the_documents_date_within_the_window() {
    // Dated after 14/01 of the next year: a warning; for an upgrade, dated before it may be
    // asked: a warning too.
    let mut f = full("ubnd_xa");
    f.report = Some(dvht::file::Report { date: Some(date("2026-01-14")), ..Default::default() });
    assert!(!codes(&eval(&f)).contains(&"report_after_filing"));
    f.report.as_mut().unwrap().date = Some(date("2026-01-15"));
    let r = eval(&f);
    let w = r.diagnostics.iter().find(|d| d.code() == "report_after_filing").unwrap();
    assert_eq!(w.field, "report.date");
    assert!(w.text(dvht::Lang::Vi).starts_with("Ngày ban hành văn bản là 15/01/2026"), "{}", w.text(dvht::Lang::Vi));
    // Upgrade eligible from 14/01/2026 (decision 13/01/2025): documents dated 10/01 are early.
    let mut f = with_previous(full("ubnd_xa"), Level::One, "2025-01-13");
    f.report = Some(dvht::file::Report { date: Some(date("2026-01-10")), ..Default::default() });
    let r = eval(&f);
    assert_eq!(r.request.kind, K::Upgrade);
    assert!(codes(&r).contains(&"report_before_eligible"));
    f.report.as_mut().unwrap().date = Some(date("2026-01-14"));
    assert!(!codes(&eval(&f)).contains(&"report_before_eligible"));
}

#[test]
fn every_kind_gets_a_request_in_the_result() {
    for kind in dvht::Scope::ALL.into_iter().flat_map(kinds) {
        let r = eval(&full(kind));
        assert_eq!(request(&r), (K::First, 2, R::MeetsLevel), "{kind}");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["request"]["kind"], "first", "{kind}");
    }
}
