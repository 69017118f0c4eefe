//! Properties over random appraisal files (appraisal.md §2): every file round-trips to the
//! same bytes, unknown fields included, and nothing — reading any bytes, building the register
//! and the papers of any file — panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use dvht::appraisal::{
    self, AppraisalFile, Body, Channel, Council, CouncilAppraisal, Decision, Form, IndicatorVerdict, Member, Method,
    Outcome, Received, Rejected, Role, Verdict,
};
use dvht::rules::Scope;
use dvht::{Date, Env, Level};
use proptest::prelude::*;
use serde_json::{json, Map, Value as Json};

fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(String::new())),
        "[a-zA-Z0-9 ]{0,10}".prop_map(Some),
        "[ĐđƯươâêôáạếệ\"\\\\\n😀 ]{0,8}".prop_map(Some)
    ]
}

fn day() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![Just(None), (-719_162i64..2_932_896).prop_map(Date::from_days_since_epoch)]
}

fn extra() -> impl Strategy<Value = Map<String, Json>> {
    proptest::collection::vec(
        (
            "x_[a-z]{1,5}",
            prop_oneof![Just(json!(null)), any::<i64>().prop_map(Json::from), Just(json!({"a": [1, {"b": "ư"}]}))],
        ),
        0..2,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = Option<T>> {
    prop_oneof![Just(None), proptest::sample::select(all).prop_map(Some)]
}

fn level() -> impl Strategy<Value = Option<Level>> {
    pick(&Level::ALL)
}

prop_compose! {
    fn member()(name in text(), role in pick(Role::ALL), organisation in text(), group in text(), extra in extra()) -> Member {
        Member { name, role, organisation, group, extra }
    }
}

prop_compose! {
    fn verdicts()(ids in proptest::collection::vec(prop_oneof![Just("1.1".to_string()), Just("2.1".to_string()), Just("3.6".to_string()), "[0-9.]{1,4}"], 0..4),
                  v in proptest::collection::vec((pick(Verdict::ALL), text(), extra()), 4)) -> Vec<(String, IndicatorVerdict)> {
        let mut out: Vec<(String, IndicatorVerdict)> = Vec::new();
        for (id, (verdict, note, extra)) in ids.into_iter().zip(v) {
            if !out.iter().any(|(k, _)| *k == id) {
                out.push((id, IndicatorVerdict { verdict, note, extra }));
            }
        }
        out
    }
}

/// An embedded dossier: a valid one (as an object, or as the text it came as), or anything.
fn dossier() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(dvht::file::to_json(&full("ubnd_xa"))),
        Just(Json::String(dvht::write(&full("mam_non")))),
        Just(Json::String("{\"format\": \"dvht-dossier\"".into())),
        Just(json!({"format": "dvht-dossier", "version": 1, "year": "x"})),
        "[a-z{}\"]{0,10}".prop_map(Json::String),
    ]
}

prop_compose! {
    fn received()(file in text(), received in day(), channel in pick(Channel::ALL), sha256 in text(), dossier in dossier(),
                  indicators in verdicts(), outcome in pick(Outcome::ALL), level in level(), kind in pick(Form::ALL),
                  note in text(), extra in extra(), inner in extra()) -> Received {
        Received { file, received, channel, sha256, dossier,
                   appraisal: CouncilAppraisal { indicators, outcome, level, kind, note, extra: inner }, extra }
    }
}

prop_compose! {
    fn rejected()(file in text(), received in day(), channel in pick(Channel::ALL), sha256 in text(),
                  reason in prop_oneof![Just(None), Just(Some("other_year".to_string())), Just(Some("archive".to_string())), "[a-z_]{0,8}".prop_map(Some)],
                  found in prop_oneof![Just(None), Just(Some("2024".to_string())), Just(Some("method_99".to_string())), text()], extra in extra()) -> Rejected {
        Rejected { file, received, channel, sha256, reason, found, extra }
    }
}

prop_compose! {
    fn any_file()(year in prop_oneof![Just(None), Just(Some(2025i64)), any::<i64>().prop_map(Some)],
                  scope in pick(&Scope::ALL),
                  names in proptest::collection::vec(text(), 8),
                  members in proptest::collection::vec(member(), 0..7),
                  council in (text(), day(), pick(Method::ALL), day(), extra()),
                  dossiers in proptest::collection::vec(received(), 0..4),
                  decision in (text(), day(), extra()),
                  rejected in proptest::collection::vec(rejected(), 0..3),
                  extras in proptest::collection::vec(extra(), 2)) -> AppraisalFile {
        let mut n = names.into_iter();
        let mut next = || n.next().flatten();
        AppraisalFile {
            ruleset: "TT24/2023".into(),
            year,
            body: Body { name: next(), scope, province: next(), head: next(), decision_maker: next(), parent: next(), place: next(), signer_title: next(), extra: extras[0].clone() },
            council: Council { decision_no: council.0, decision_date: council.1, method: council.2, date: council.3, members, extra: council.4 },
            dossiers,
            decision: Decision { number: decision.0, date: decision.1, extra: decision.2 },
            rejected,
            extra: extras[1].clone(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_appraisal_file_round_trips_to_the_same_bytes(f in any_file()) {
        let bytes = appraisal::write(&f);
        let back = appraisal::read(bytes.as_bytes()).map_err(|e| TestCaseError::fail(format!("{:?}", e.iter().map(|d| d.text(dvht::Lang::Vi)).collect::<Vec<_>>())))?;
        prop_assert_eq!(&appraisal::write(&back), &bytes);
        // Everything but the order of the verdicts (written in the rules table's order) is the same.
        let mut sorted = f.clone();
        for (d, b) in sorted.dossiers.iter_mut().zip(&back.dossiers) {
            d.appraisal.indicators.sort_by_key(|(id, _)| b.appraisal.indicators.iter().position(|(k, _)| k == id));
        }
        prop_assert_eq!(back, sorted);
        // Stored on a device in two parts (head and payloads), it comes back with the same bytes.
        let payloads: Vec<String> = f.dossiers.iter().map(appraisal::payload).collect();
        let joined = appraisal::unsplit(appraisal::head(&f).as_bytes(), &payloads).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(appraisal::write(&joined), bytes);
    }

    #[test]
    fn the_register_and_the_papers_of_any_file_never_panic(f in any_file(), today in -719_162i64..2_932_896) {
        let env = Env::new(Date::from_days_since_epoch(today).unwrap_or(Date::MIN));
        let reg = appraisal::review(&f, &env, None);
        prop_assert_eq!(reg.entries.len(), f.dossiers.len());
        let _ = reg.to_json();
        for (i, e) in reg.entries.iter().enumerate() {
            // The council never recognises a level its own verdicts do not meet.
            if let (Some(l), Some(a)) = (e.recognised, &e.appraised) {
                prop_assert!(a.council_level >= l.number());
            }
            let _ = dvht::documents::appraisal::letter(&f, &reg, i);
            let _ = dvht::documents::appraisal::appraised_summary(&f, &reg, i, &env);
        }
        let _ = dvht::documents::appraisal::submission(&f, &reg, &env);
        let r = appraisal::report::from_register(&f, &reg, None);
        let _ = dvht::documents::appraisal::year_report(reg.rules, &r, None, None);
        prop_assert_eq!(appraisal::report::write(&appraisal::report::read(appraisal::report::write(&r).as_bytes()).unwrap()), appraisal::report::write(&r));
        let _ = dvht::documents::appraisal::tables::intake(&f, &reg);
    }

    #[test]
    fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = appraisal::read(&bytes);
        let _ = appraisal::recognitions::read(&bytes);
        let _ = appraisal::report::read(&bytes);
        let _ = appraisal::intake::expand("x", &bytes);
        let _ = dvht::unzip::read(&bytes);
    }

    #[test]
    fn any_value_anywhere_reads_without_panicking(
        path in proptest::sample::select(vec!["year", "body", "body.scope", "council", "council.members", "dossiers", "decision", "rejected", "decision.date"]),
        value in prop_oneof![Just(json!(null)), Just(json!(1.5)), Just(json!(-1)), Just(json!("x")), Just(json!([{}])), Just(json!({"a": 1})), Just(json!(true))],
    ) {
        let mut root = json!({"format": "dvht-appraisal", "version": 1, "body": {}, "council": {"members": []}, "dossiers": [], "decision": {}});
        let mut at = &mut root;
        let parts: Vec<&str> = path.split('.').collect();
        for p in &parts[..parts.len() - 1] {
            at = &mut at[*p];
        }
        at[parts[parts.len() - 1]] = value;
        let _ = appraisal::read(root.to_string().as_bytes());
    }
}
