//! Properties over random dossiers: nothing panics, every file round-trips to the same bytes,
//! and the verdicts move the right way when the data improve.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use dvht::file::{
    CriterionNotes, DossierFile, EvidenceItem, Final, PreviousRecognition, Report, Submission, TeamMember, Value,
};
use dvht::rules::{DigitalIndex, Input, InputKind, Scope, TT24_2023};
use dvht::{Date, Level};
use proptest::prelude::*;
use serde_json::{json, Map, Value as Json};

fn any_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(String::new())),
        "[a-zA-Z0-9 ]{0,12}".prop_map(Some),
        // Vietnamese, composed and decomposed, quotes, control characters, emoji.
        "[ĐđƯưƠơÂâĂăÊêÔôáàảãạếềểễệ\u{0301}\u{0300}\"\\\\\n\t😀 ]{0,12}".prop_map(Some),
    ]
}

fn any_date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![Just(None), (-719_162i64..2_932_896).prop_map(Date::from_days_since_epoch)]
}

fn any_extra() -> impl Strategy<Value = Map<String, Json>> {
    proptest::collection::vec(
        (
            "x_[a-z]{1,6}",
            prop_oneof![
                Just(json!(null)),
                any::<i64>().prop_map(Json::from),
                "[a-z]{0,5}".prop_map(Json::from),
                Just(json!({"a": [1, {"b": null}]}))
            ],
        ),
        0..3,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
}

fn any_count() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        2 => Just(None),
        4 => (0u64..300).prop_map(|n| Some(Value::Count(n))),
        1 => any::<u64>().prop_map(|n| Some(Value::Count(n))),
    ]
}

fn any_values() -> impl Strategy<Value = dvht::file::Values> {
    let per_input: Vec<BoxedStrategy<Option<Value>>> = TT24_2023
        .inputs
        .iter()
        .map(|def| match &def.kind {
            InputKind::Count { .. } => any_count().boxed(),
            InputKind::Flag { unless: None } => {
                prop_oneof![Just(None), any::<bool>().prop_map(|b| Some(Value::Flag(b)))].boxed()
            }
            InputKind::Flag { unless: Some(other) } => prop_oneof![
                Just(None),
                any::<bool>().prop_map(|b| Some(Value::Flag(b))),
                Just(Some(Value::Choice(other.key)))
            ]
            .boxed(),
            InputKind::Choice { choices } => {
                let keys: Vec<&'static str> = choices.iter().map(|c| c.key).collect();
                prop_oneof![Just(None), proptest::sample::select(keys).prop_map(|k| Some(Value::Choice(k)))].boxed()
            }
        })
        .collect();
    per_input.prop_map(|vals| {
        let mut v = dvht::file::Values::default();
        for (input, val) in Input::ALL.into_iter().zip(vals) {
            v.set(input, val);
        }
        v
    })
}

fn any_evidence() -> impl Strategy<Value = Vec<(String, Vec<EvidenceItem>)>> {
    let ids: Vec<String> = TT24_2023
        .all_indicator_ids()
        .into_iter()
        .map(String::from)
        .chain(["9.9".to_string(), "".to_string()])
        .collect();
    let item = (any_text(), any_text(), any_text(), any_date(), any_text(), any_text(), any_extra()).prop_map(
        |(code, title, number, date, issuer, location, extra)| EvidenceItem {
            code,
            title,
            number,
            date,
            issuer,
            location,
            extra,
        },
    );
    proptest::collection::vec((proptest::sample::select(ids), proptest::collection::vec(item, 0..3)), 0..6)
}

prop_compose! {
    fn any_report()(
        texts in (any_text(), any_text(), any_text(), any_text(), any_text(), any_text(), any_text()).boxed(),
        date in any_date(),
        team in proptest::collection::vec((any_text(), any_text(), any_text(), any_extra()), 0..3).boxed(),
        criteria in proptest::collection::vec((proptest::sample::select(vec!["1", "2", "3", "9"]), any_text(), any_text(), any_text()), 0..3).boxed(),
        recipients in proptest::collection::vec("[a-zĐư ;]{1,10}", 0..3),
        extra in any_extra(),
    ) -> Report {
        let (parent, request_no, report_no, place, signer_title, method, conclusion) = texts;
        let mut r = Report { parent, request_no, report_no, place, date, signer_title, method, conclusion, recipients, extra, ..Report::default() };
        r.team = team.into_iter().map(|(name, position, role, extra)| TeamMember { name, position, role, extra }).collect();
        for (n, strengths, weaknesses, plan) in criteria {
            if r.criterion(n).is_none() {
                r.criteria.push((n.to_string(), CriterionNotes { strengths, weaknesses, plan, ..CriterionNotes::default() }));
            }
        }
        r
    }
}

prop_compose! {
    fn any_file()(
        scope in prop_oneof![Just(None), Just(Some(Scope::Huyen)), Just(Some(Scope::Tinh))],
        kind in prop_oneof![
            8 => proptest::sample::select(TT24_2023.kinds.iter().map(|k| k.id.to_string()).collect::<Vec<_>>()).prop_map(Some),
            1 => Just(None),
            1 => Just(Some("khong_co".to_string())),
        ],
        public in proptest::option::of(any::<bool>()),
        vocational in proptest::option::of(any::<bool>()),
        digital_index in prop_oneof![Just(None), Just(Some(None)), Just(Some(Some(DigitalIndex::Qd4725))), Just(Some(Some(DigitalIndex::Qd4740)))],
        learners in proptest::option::of(any::<bool>()),
        request_level in prop_oneof![Just(None), Just(Some(Level::One)), Just(Some(Level::Two))],
        reading in (proptest::option::of(1990i64..2100), prop_oneof![Just(None), Just(Some(dvht::rules::ValidityReading::DecisionYear)), Just(Some(dvht::rules::ValidityReading::AssessedYear))]),
        texts in (any_text(), any_text(), any_text(), any_text(), any_text()).boxed(),
        year in prop_oneof![8 => (2023i64..=2100).prop_map(Some), 1 => Just(None), 1 => any::<i64>().prop_map(Some)],
        submission in proptest::option::of((any_text(), any_text(), any_extra())).boxed(),
        previous in proptest::option::of((prop_oneof![Just(None), Just(Some(Level::One)), Just(Some(Level::Two))], any_text(), any_date(), any_extra())).boxed(),
        values in any_values().boxed(),
        evidence in any_evidence().boxed(),
        notes in proptest::collection::vec(("[0-9.]{1,4}", "[a-zĐư ]{0,10}"), 0..3),
        extras in (any_extra(), any_extra(), any_extra(), any_extra()).boxed(),
        report in proptest::option::of(any_report()).boxed(),
        finalised in proptest::option::of((any_date(), proptest::option::of("[0-9A-F]{8}"))).boxed(),
    ) -> DossierFile {
        let mut f = DossierFile::default();
        f.unit.scope = scope;
        f.unit.kind = kind;
        f.unit.public = public;
        f.unit.vocational = vocational;
        f.unit.digital_index = digital_index;
        f.unit.learners = learners;
        f.request_level = request_level;
        (f.unit.name, f.unit.province, f.unit.district, f.unit.head, f.unit.address) = texts;
        f.unit.extra = extras.0;
        f.year = year;
        f.submission = submission.map(|(recipient, decision_maker, extra)| Submission { recipient, decision_maker, extra });
        f.previous_recognition = previous.map(|(level, decision_no, decision_date, extra)| PreviousRecognition { level, decision_no, decision_date, year: reading.0, validity_from: reading.1, extra });
        f.values = values;
        f.evidence = evidence;
        f.notes = notes;
        f.counts_extra = extras.1;
        f.facts_extra = extras.2;
        f.extra = extras.3;
        f.report = report;
        f.finalised = finalised.map(|(date, fingerprint)| Final { date, fingerprint, ..Final::default() });
        f
    }
}

/// A valid dossier: a random kind, counts within their totals, random facts and evidence.
fn any_valid_file() -> impl Strategy<Value = DossierFile> {
    (
        proptest::sample::select(TT24_2023.kinds.iter().map(|k| k.id).collect::<Vec<_>>()),
        any::<bool>(),
        any_values(),
        any_evidence(),
        proptest::option::of((any::<bool>(), (-2000i64..2000))),
    )
        .prop_map(|(kind, public, mut values, mut evidence, previous)| {
            let mut f = full(kind);
            if f.unit.public.is_some() {
                f.unit.public = Some(public);
            }
            // Keep counts within totals (and totals above 0), and within what any unit has
            // (file::MAX_COUNT), so the dossier checks.
            for def in TT24_2023.inputs {
                if let (InputKind::Count { .. }, Some(n)) = (&def.kind, values.count(def.id)) {
                    values.set(def.id, Some(Value::Count(n.min(dvht::file::MAX_COUNT))));
                }
            }
            for def in TT24_2023.inputs {
                if let (InputKind::Count { total }, Some(n)) = (&def.kind, values.count(def.id)) {
                    let cap = match total {
                        Some(t) => values.count(*t).unwrap_or(n),
                        None => n.max(1),
                    };
                    values.set(def.id, Some(Value::Count(n.min(cap).max(u64::from(total.is_none())))));
                }
            }
            f.values = values;
            evidence
                .retain(|(id, items)| id != "9.9" && !id.is_empty() && items.iter().all(EvidenceItem::is_identified));
            f.evidence = evidence;
            if let Some((one, offset)) = previous {
                f = with_previous(
                    f,
                    if one { Level::One } else { Level::Two },
                    &date("2025-01-01").add_days(offset).unwrap().to_string(),
                );
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_file_round_trips_to_the_same_bytes(f in any_file()) {
        let first = dvht::write(&f);
        let back = dvht::read(first.as_bytes()).expect("our own output always reads");
        let second = dvht::write(&back);
        prop_assert_eq!(&first, &second);
        // What was read is what was written, down to the unknown fields.
        prop_assert_eq!(&back.unit, &f.unit);
        prop_assert_eq!(&back.values, &f.values);
        prop_assert_eq!(&back.extra, &f.extra);
        prop_assert_eq!(&back.previous_recognition, &f.previous_recognition);
        prop_assert_eq!(&back.finalised, &f.finalised);
        // …and it is judged the same.
        let a = dvht::check(&f).map(|d| dvht::evaluate(&d, date(TODAY)));
        let b = dvht::check(&back).map(|d| dvht::evaluate(&d, date(TODAY)));
        prop_assert_eq!(a.is_ok(), b.is_ok());
        if let (Ok(a), Ok(b)) = (a, b) {
            prop_assert_eq!(a.level, b.level);
            prop_assert_eq!(a.levels, b.levels);
        }
    }

    #[test]
    fn checking_evaluating_and_writing_documents_never_panic(f in any_file(), today in -719_162i64..2_932_896) {
        if let Ok(d) = dvht::check(&f) {
            let r = dvht::evaluate(&d, Date::from_days_since_epoch(today).unwrap());
            prop_assert!(r.level <= r.level_ignoring_evidence);
            prop_assert!(serde_json::to_string(&r).is_ok());
            let a = dvht::assess(&f, &dvht::Env::new(Date::from_days_since_epoch(today).unwrap()));
            prop_assert_eq!(a.evaluation.as_ref(), Some(&r), "the read-model carries the same result");
            let docs = dvht::documents::build(&f, &a).unwrap();
            let page = dvht::documents::html::standalone(&docs, Some(&f), "t");
            // The report always carries the dossier it was made from.
            let carried = dvht::documents::html::carried_dossier(&page).expect("a carried dossier");
            prop_assert_eq!(dvht::write(&dvht::read(carried.as_bytes()).unwrap()), dvht::write(&f));
            prop_assert!(!dvht::documents::docx::write(&docs, "t").is_empty());
        }
    }

    #[test]
    fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = dvht::evaluate_bytes(&bytes, date(TODAY));
    }

    #[test]
    fn any_value_anywhere_in_a_dossier_reads_without_panicking(
        path in proptest::collection::vec(prop_oneof![Just("unit"), Just("counts"), Just("facts"), Just("evidence"), Just("1.1"), Just("0"), Just("members"), Just("kind"), Just("year"), Just("previous_recognition"), Just("decision_date"), Just("level")], 1..4),
        value in prop_oneof![Just(json!(null)), any::<i64>().prop_map(Json::from), any::<f64>().prop_map(|x| json!(x)), "[^\u{0}]{0,8}".prop_map(Json::from), Just(json!([])), Just(json!({})), Just(json!([{"code": 1}])), any::<bool>().prop_map(Json::from)],
    ) {
        let mut v: Json = serde_json::from_str(include_str!("fixtures/spec-example.json")).unwrap();
        let mut at = &mut v;
        for key in &path {
            if !at.is_object() { *at = json!({}); }
            at = at.as_object_mut().unwrap().entry(key.to_string()).or_insert(json!(null));
        }
        *at = value;
        let bytes = v.to_string();
        if let Ok(r) = dvht::evaluate_bytes(bytes.as_bytes(), date(TODAY)) {
            prop_assert!(r.level <= 2);
        }
    }

    #[test]
    fn valid_dossiers_are_judged_consistently(f in any_valid_file()) {
        let d = dvht::check(&f).map_err(|e| TestCaseError::fail(format!("{:?}", e.iter().map(|d| d.text(dvht::Lang::Vi)).collect::<Vec<_>>())))?;
        let r = dvht::evaluate(&d, date(TODAY));
        for level in &r.levels {
            for c in &level.criteria {
                prop_assert_eq!(c.met, c.indicators.iter().all(|i| matches!(i.status, dvht::Status::Pass | dvht::Status::NotApplicable)));
                for i in &c.indicators {
                    // pass and missing_evidence differ exactly by evidence.
                    if i.status == dvht::Status::Pass { prop_assert!(d.has_evidence(i.id)); }
                    if i.status == dvht::Status::MissingEvidence { prop_assert!(!d.has_evidence(i.id)); }
                    for (_, ratio) in i.ratios() {
                        if let (Some(count), Some(total), Some(short)) = (ratio.count, ratio.total, ratio.shortfall) {
                            prop_assert_eq!(short == 0, dvht::engine::evaluate::meets(count, total, ratio.required_percent));
                            prop_assert!(dvht::engine::evaluate::meets(count + short, total, ratio.required_percent));
                            if short > 0 { prop_assert!(!dvht::engine::evaluate::meets(count + short - 1, total, ratio.required_percent)); }
                        }
                    }
                }
            }
            prop_assert_eq!(level.met, level.criteria.iter().all(|c| c.met));
        }
        let expected_level = if r.levels[1].met { 2 } else if r.levels[0].met { 1 } else { 0 };
        prop_assert_eq!(r.level, expected_level);
    }

    #[test]
    fn the_read_model_says_what_the_result_says(f in any_valid_file()) {
        let a = dvht::assess(&f, &dvht::Env::new(date(TODAY)));
        prop_assert!(a.evaluation.is_some());
        read_model_agrees(&a, &f).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn more_evidence_or_more_people_never_lowers_the_level(f in any_valid_file(), which in 0usize..8, extra in 1u64..50) {
        let before = eval(&f);
        // Evidence for everything.
        let mut g = f.clone();
        for id in TT24_2023.all_indicator_ids() {
            g.evidence_for_mut(id).push(EvidenceItem { code: Some("X".into()), ..Default::default() });
        }
        let with_evidence = dvht::evaluate(&dvht::check(&g).unwrap(), date(TODAY));
        prop_assert!(with_evidence.level >= before.level);
        // Evidence is exactly what separates the two levels.
        prop_assert_eq!(with_evidence.level, before.level_ignoring_evidence);
        prop_assert_eq!(with_evidence.level_ignoring_evidence, before.level_ignoring_evidence);
        // One more group of people meeting a requirement, within the total.
        let input = [Input::MembersDiscipline, Input::MembersTrainingCompleted, Input::MembersDigital, Input::MembersLanguageCertificate, Input::MembersLanguageProficiency, Input::MembersAdvancedWorker, Input::MembersLearningCitizen, Input::LearnersLearningCitizen][which];
        let total = if input == Input::LearnersLearningCitizen { Input::Learners } else { Input::Members };
        if let (Some(n), Some(t)) = (f.values.count(input), f.values.count(total)) {
            let g = with_count(f.clone(), input, (n + extra).min(t));
            let after = eval(&g);
            prop_assert!(after.level >= before.level);
            prop_assert!(after.level_ignoring_evidence >= before.level_ignoring_evidence);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// Numbers in unknown fields: what is written is read back exactly, so a second export is
    /// the same as the first (serde_json's default float parser is not exact; the fuzzer found one).
    #[test]
    fn any_number_in_an_unknown_field_survives(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let text = format!(r#"{{"format":"dvht-dossier","version":1,"x_n":{}}}"#, json!(x));
        let once = dvht::write(&dvht::read(text.as_bytes()).unwrap());
        prop_assert_eq!(dvht::write(&dvht::read(once.as_bytes()).unwrap()), once);
    }
}
