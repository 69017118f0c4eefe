//! The date rules of rules.md §4, from Điều 5, 10, 11, 16 and 20 of the Circular.

mod common;
use common::*;
use dvht::file::Value;
use dvht::rules::Input;
use dvht::Level;

fn upgrade(decided: &str, year: i64) -> dvht::engine::evaluate::Upgrade {
    let mut f = with_previous(full("co_quan_ubnd_tinh"), Level::One, decided);
    f.year = Some(year);
    eval(&f).upgrade.expect("a level-1 recognition has an upgrade date")
}

#[test]
fn deadlines_of_the_assessed_year() {
    // Điều 10.1c, 16.1c: before 15/01 of the next year; 10.3, 16.3: decision before 15/02.
    for (year, submit, decide) in
        [(2024, "2025-01-15", "2025-02-15"), (2025, "2026-01-15", "2026-02-15"), (2100, "2101-01-15", "2101-02-15")]
    {
        let mut f = full("ubnd_xa");
        f.year = Some(year);
        let d = eval(&f).deadlines;
        assert_eq!((d.submit_before, d.decision_before), (date(submit), date(decide)), "{year}");
    }
}

#[test]
fn days_left_counts_to_the_last_day() {
    let f = full("ubnd_xa"); // assessed year 2025
    for (today, left) in
        [("2025-11-21", 55), ("2026-01-14", 1), ("2026-01-15", 0), ("2026-01-20", -5), ("2025-01-01", 379)]
    {
        assert_eq!(eval_at(&f, today).deadlines.days_left, left, "{today}");
    }
    // Across a leap February: 2028 is a leap year, so 2027-12-31 → 2028-01-15 is still 15 days,
    // and assessed year 2027 from 2027-02-28 counts 29 February 2028 nowhere (before 15/01).
    let mut f = full("ubnd_xa");
    f.year = Some(2027);
    assert_eq!(eval_at(&f, "2027-12-31").deadlines.days_left, 15);
    f.year = Some(2028);
    assert_eq!(eval_at(&f, "2028-02-28").deadlines.days_left, 322); // 2 + 31+30+31+30+31+31+30+31+30+31 + 14 + 1
}

#[test]
fn upgrade_twelve_months_counted_as_the_civil_code_counts() {
    // BLDS 2015 Điều 147–148: the decision day is not counted; the period ends with the same
    // date 12 months on (or that month's last day); the unit may ask from the next day.
    for (decided, eligible) in [
        ("2024-02-10", "2025-02-11"),
        ("2025-02-10", "2026-02-11"), // rules.md §4's example
        ("2024-02-29", "2025-03-01"), // leap day: 28/02/2025 ends the period
        ("2023-02-28", "2024-02-29"), // ends 28/02/2024, eligible on the leap day
        ("2024-01-31", "2025-02-01"),
        ("2024-12-31", "2026-01-01"),
    ] {
        assert_eq!(upgrade(decided, 2026).eligible_from, date(eligible), "{decided}");
    }
}

#[test]
fn upgrade_this_cycle_only_if_eligible_by_the_last_day_of_submission() {
    // For assessed year 2025 the last day to submit is 14/01/2026.
    assert!(upgrade("2025-01-13", 2025).eligible_this_cycle); // eligible 14/01/2026
    assert!(!upgrade("2025-01-14", 2025).eligible_this_cycle); // eligible 15/01/2026
    assert!(upgrade("2024-02-10", 2025).eligible_this_cycle);
    assert!(!upgrade("2025-02-10", 2025).eligible_this_cycle);
    assert!(upgrade("2025-02-10", 2026).eligible_this_cycle);
}

#[test]
fn a_level_two_unit_not_yet_eligible_keeps_level_two_with_a_warning() {
    let mut f = with_previous(full("co_quan_ubnd_tinh"), Level::One, "2025-02-10");
    f.year = Some(2025);
    let r = eval(&f);
    assert_eq!(r.level, 2);
    assert!(!r.upgrade.unwrap().eligible_this_cycle);
    let w = r.diagnostics.iter().find(|d| d.code() == "upgrade_not_yet").expect("a warning");
    assert_eq!(w.field, "previous_recognition.decision_date");
    let text = w.text(dvht::Lang::Vi);
    assert!(text.contains("11/02/2026") && text.contains("10/02/2025"), "{text}");
    // Eligible: no warning.
    f.year = Some(2026);
    assert!(!codes(&eval(&f)).contains(&"upgrade_not_yet"));
    // Meeting level 1 only, there is nothing to warn about.
    let mut f =
        with_count(with_previous(full("co_quan_ubnd_tinh"), Level::One, "2025-02-10"), Input::MembersDiscipline, 185);
    f.year = Some(2025);
    let r = eval(&f);
    assert_eq!(r.level, 1);
    assert!(!codes(&r).contains(&"upgrade_not_yet"));
}

#[test]
fn validity_three_years_after_the_year_of_the_decision() {
    // Điều 5.4, 11.4, read with the decision's calendar year R: valid to 31/12/(R+3).
    for (decided, until, again) in [
        ("2024-02-10", "2027-12-31", 2027),
        ("2024-12-31", "2027-12-31", 2027),
        ("2025-01-01", "2028-12-31", 2028),
        ("2024-02-29", "2027-12-31", 2027),
    ] {
        let r = eval(&with_previous(full("ubnd_xa"), Level::Two, decided));
        let v = r.validity.unwrap();
        assert_eq!((v.valid_until, v.rerecognition_year), (date(until), again), "{decided}");
        assert!(r.upgrade.is_none(), "no upgrade from level 2");
    }
    let f = with_previous(full("ubnd_xa"), Level::Two, "2024-02-10");
    assert!(eval_at(&f, "2027-12-31").validity.unwrap().valid_on_today);
    assert!(!eval_at(&f, "2028-01-01").validity.unwrap().valid_on_today);
    // Still valid in the assessed year: a note says when re-recognition is due.
    assert!(codes(&eval(&f)).contains(&"recognition_still_valid"));
    // Without a previous recognition, neither is reported.
    let r = eval(&full("ubnd_xa"));
    assert!(r.upgrade.is_none() && r.validity.is_none());
}

/// A recognition without its decision date cannot tell a first request from a renewal or an
/// upgrade (rules.md §3a): the dossier is not evaluated, and no Tờ trình asks for anything.
#[test]
fn an_incomplete_previous_recognition_stops_the_request() {
    let mut f = with_previous(full("ubnd_xa"), Level::Two, "2024-02-10");
    f.previous_recognition.as_mut().unwrap().decision_date = None;
    assert_eq!(errors(&f), [("previous_recognition.decision_date".to_string(), "previous_incomplete")]);
    let mut f = with_previous(full("ubnd_xa"), Level::One, "2024-02-10");
    f.previous_recognition.as_mut().unwrap().level = None;
    assert_eq!(errors(&f), [("previous_recognition.level".to_string(), "previous_incomplete")]);
    // An empty section is no recognition at all.
    let mut f = with_previous(full("ubnd_xa"), Level::One, "2024-02-10");
    let p = f.previous_recognition.as_mut().unwrap();
    (p.level, p.decision_date, p.decision_no) = (None, None, None);
    assert!(errors(&f).is_empty());
    assert_eq!(eval(&f).request.kind, dvht::engine::evaluate::RequestKind::First);
}

#[test]
fn a_decision_after_the_submission_deadline_is_suspicious() {
    let r = eval(&with_previous(full("ubnd_xa"), Level::One, "2026-01-20")); // assessed year 2025
    assert!(codes(&r).contains(&"decision_after_submission"));
    let r = eval(&with_previous(full("ubnd_xa"), Level::One, "2026-01-14"));
    assert!(!codes(&r).contains(&"decision_after_submission"));
}

#[test]
fn the_assessed_year_and_its_evidence() {
    // 2023 is before the Circular took effect (26/01/2024): accepted with a warning.
    let mut f = full("ubnd_xa");
    f.year = Some(2023);
    for (_, items) in &mut f.evidence {
        items[0].date = Some(date("2023-05-05"));
    }
    assert!(codes(&eval(&f)).contains(&"year_before_in_force"));
    f.year = Some(2024);
    // Evidence from earlier years is normal (standing rules, plans): no message (rules.md §5).
    let r = eval(&f);
    assert!(!codes(&r).contains(&"year_before_in_force"));
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
    // Dated after the last filing day (14/01/2025 for 2024): it cannot have been filed in time.
    let at = |d: &str| {
        let mut g = f.clone();
        g.evidence[0].1[0].date = Some(date(d));
        eval(&g)
    };
    for (day, warned) in [("2025-01-14", false), ("2025-01-15", true), ("2024-12-31", false), ("2026-03-01", true)] {
        let r = at(day);
        let after: Vec<&str> =
            r.diagnostics.iter().filter(|d| d.code() == "evidence_after_filing").map(|d| d.field.as_str()).collect();
        assert_eq!(after, if warned { vec!["evidence.1.1[0].date"] } else { vec![] }, "{day}");
        if warned {
            let text = r.diagnostics.iter().find(|d| d.code() == "evidence_after_filing").unwrap().text(dvht::Lang::Vi);
            // Named by its label, never by its path.
            assert!(text.starts_with("Ngày ban hành của minh chứng thứ 1, chỉ tiêu 1.1 là"), "{text}");
            assert!(text.contains("14/01/2025") && !text.contains("evidence."), "{text}");
        }
    }
}

#[test]
fn huyen_dossiers_from_2025_are_told_to_check_who_receives_them() {
    let mut f = full("ubnd_xa");
    f.year = Some(2024);
    assert!(!codes(&eval(&f)).contains(&"district_authority_changed"));
    f.year = Some(2025);
    assert!(codes(&eval(&f)).contains(&"district_authority_changed"));
    f.submission = Some(dvht::file::Submission { recipient: Some("UBND xã A".into()), ..Default::default() });
    assert!(!codes(&eval(&f)).contains(&"district_authority_changed"));
    assert!(!codes(&eval(&full("thpt"))).contains(&"district_authority_changed"));
}

#[test]
fn today_changes_only_valid_on_today_and_days_left() {
    let f = with_value(
        with_previous(full("thpt"), Level::One, "2024-02-10"),
        Input::CollectiveTitle,
        Some(Value::Choice("none")),
    );
    let mut a = serde_json::to_value(eval_at(&f, "2020-01-01")).unwrap();
    let mut b = serde_json::to_value(eval_at(&f, "2099-12-31")).unwrap();
    assert_ne!(a, b);
    for r in [&mut a, &mut b] {
        r["deadlines"]["days_left"] = serde_json::Value::Null;
        r["validity"]["valid_on_today"] = serde_json::Value::Null;
    }
    assert_eq!(a, b);
}

/// A recognition that has lapsed is renewed, not upgraded: the dates no longer offer the day an
/// upgrade could have been asked for (issue 11 review).
#[test]
fn no_upgrade_date_once_the_recognition_has_lapsed() {
    use dvht::engine::assessment::EventKind;
    let f = with_previous(full("ubnd_xa"), Level::One, "2022-02-10"); // assessed year 2025
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    assert_eq!(a.evaluation.as_ref().unwrap().request.kind, dvht::engine::evaluate::RequestKind::Renewal);
    assert!(!a.events.iter().any(|e| e.kind == EventKind::UpgradeFrom));
    // Still valid: the day is there.
    let f = with_previous(full("ubnd_xa"), Level::One, "2024-02-10");
    let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
    assert!(a.events.iter().any(|e| e.kind == EventKind::UpgradeFrom));
}

/// Carried into next year, a dossier opens again, without last year's numbers and date.
#[test]
fn carrying_forward_reopens_and_clears_last_years_papers() {
    let mut f = full("ubnd_xa");
    f.report = Some(dvht::file::Report {
        request_no: Some("15/TTr".into()),
        report_no: Some("16/BC".into()),
        date: Some(date("2026-01-05")),
        place: Some("Hưng Yên".into()),
        ..Default::default()
    });
    dvht::file::edit::finalise(&mut f, date("2026-01-06"));
    assert!(f.finalised.is_some());
    dvht::file::edit::carry_forward(&mut f);
    let r = f.report.as_ref().unwrap();
    assert!(f.finalised.is_none() && r.request_no.is_none() && r.report_no.is_none() && r.date.is_none());
    assert_eq!(r.place.as_deref(), Some("Hưng Yên"), "the place stays");
}
