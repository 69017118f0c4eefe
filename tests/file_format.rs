//! The dossier file: every class of bad input of rules.md §5 gets a Vietnamese message naming
//! its field; unknown fields survive; export → import → export gives the same bytes.

mod common;
use common::*;
use serde_json::{json, Value as Json};

const EXAMPLE: &str = include_str!("fixtures/spec-example.json");

fn example() -> Json {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The errors of reading then checking these bytes, as (field, code).
fn problems(bytes: &[u8]) -> Vec<(String, &'static str)> {
    match dvht::read(bytes) {
        Err(e) => e.iter().map(|d| (d.field.clone(), d.code())).collect(),
        Ok(file) => errors(&file),
    }
}

fn problems_of(mutate: impl FnOnce(&mut Json)) -> Vec<(String, &'static str)> {
    let mut v = example();
    mutate(&mut v);
    problems(v.to_string().as_bytes())
}

fn one(field: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(field.to_string(), code)]
}

#[test]
fn the_example_is_valid() {
    assert_eq!(problems(EXAMPLE.as_bytes()), vec![]);
}

#[test]
fn files_that_are_not_dossiers() {
    assert_eq!(problems(b""), one("", "empty_file"));
    assert_eq!(problems(b" \n\t "), one("", "empty_file"));
    assert_eq!(problems(b"\xEF\xBB\xBF"), one("", "empty_file"));
    assert_eq!(problems(b"{\"format\": "), one("", "not_json"));
    assert_eq!(problems(b"\xff\xfe{}"), one("", "not_json"));
    assert_eq!(problems(b"%PDF-1.7"), one("", "not_json"));
    assert_eq!(problems(b"[1,2,3]"), one("", "not_a_dossier"));
    assert_eq!(problems(b"{}"), one("format", "not_a_dossier"));
    assert_eq!(problems(br#"{"format":"other","version":1}"#), one("format", "not_a_dossier"));
    assert_eq!(problems_of(|v| v["version"] = json!(2)), one("version", "unsupported_version"));
    assert_eq!(problems_of(|v| v["version"] = json!(0)), one("version", "unsupported_version"));
    assert_eq!(problems_of(|v| v["version"] = json!("1")), one("version", "unsupported_version"));
    assert_eq!(
        problems_of(|v| {
            v.as_object_mut().unwrap().remove("version");
        }),
        one("version", "required")
    );
    assert_eq!(problems_of(|v| v["ruleset"] = json!("TT22/2020")), one("ruleset", "unknown_ruleset"));
    // The position of a syntax error is reported.
    let e = dvht::read(b"{\n  \"format\": \"dvht-dossier\",\n  \"version\": 1,,\n}").unwrap_err();
    assert_eq!(e[0].message, dvht::Message::NotJson { line: 3, column: 16 });
    // A byte-order mark, as Windows Notepad writes, is not an error.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(EXAMPLE.as_bytes());
    assert_eq!(problems(&bom), vec![]);
}

#[test]
fn counts_must_be_whole_numbers_within_their_totals() {
    assert_eq!(problems_of(|v| v["counts"]["members"] = json!(12.5)), one("counts.members", "not_whole_number"));
    assert_eq!(
        problems_of(|v| v["counts"]["members_digital"] = json!(-1)),
        one("counts.members_digital", "not_whole_number")
    );
    assert_eq!(problems_of(|v| v["counts"]["members"] = json!(1e300)), one("counts.members", "not_whole_number"));
    assert_eq!(problems_of(|v| v["counts"]["members"] = json!("120")), one("counts.members", "wrong_type"));
    assert_eq!(problems_of(|v| v["counts"]["members"] = json!(true)), one("counts.members", "wrong_type"));
    // 120.0 is a whole number.
    assert_eq!(problems_of(|v| v["counts"]["members"] = json!(120.0)), vec![]);
    assert_eq!(
        problems_of(|v| v["counts"]["members_discipline"] = json!(121)),
        one("counts.members_discipline", "count_exceeds_total")
    );
    assert_eq!(
        problems_of(|v| v["counts"]["learners_learning_citizen"] = json!(1501)),
        one("counts.learners_learning_citizen", "count_exceeds_total")
    );
    // Learner figures of a unit without learners are ignored, their consistency too.
    assert_eq!(
        problems_of(|v| {
            v["unit"]["kind"] = json!("co_quan_ubnd_tinh");
            v["counts"]["learners_learning_citizen"] = json!(1501);
        }),
        vec![]
    );
    // Equal is fine: everybody.
    assert_eq!(problems_of(|v| v["counts"]["members_discipline"] = json!(120)), vec![]);
    assert_eq!(
        problems_of(|v| {
            v["counts"]["members"] = json!(0);
            for k in [
                "members_discipline",
                "members_training_completed",
                "members_digital",
                "members_language_certificate",
                "members_language_proficiency",
                "members_advanced_worker",
                "members_learning_citizen",
            ] {
                v["counts"][k] = json!(0);
            }
        }),
        one("counts.members", "zero_total")
    );
    // 0 learners: invalid for a kind with learners, merely not applicable for others.
    let zero_learners = |v: &mut Json| {
        v["counts"]["learners"] = json!(0);
        v["counts"]["learners_learning_citizen"] = json!(0);
    };
    assert_eq!(problems_of(zero_learners), one("counts.learners", "zero_total"));
    assert_eq!(
        problems_of(|v| {
            zero_learners(v);
            v["unit"]["kind"] = json!("co_quan_ubnd_tinh");
        }),
        vec![]
    );
}

#[test]
fn the_unit_must_be_a_known_kind_of_its_scope() {
    assert_eq!(problems_of(|v| v["unit"]["kind"] = json!("truong_thpt")), one("unit.kind", "unknown_kind"));
    assert_eq!(problems_of(|v| v["unit"]["scope"] = json!("huyen")), one("unit.kind", "kind_of_other_scope"));
    assert_eq!(problems_of(|v| v["unit"]["scope"] = json!("xa")), one("unit.scope", "unknown_value"));
    assert_eq!(problems_of(|v| v["unit"]["scope"] = json!(null)), one("unit.scope", "required"));
    assert_eq!(problems_of(|v| v["unit"]["kind"] = json!(null)), one("unit.kind", "required"));
    assert_eq!(
        problems_of(|v| {
            v.as_object_mut().unwrap().remove("unit");
        }),
        vec![("unit.scope".to_string(), "required"), ("unit.kind".to_string(), "required"),]
    );
    assert_eq!(problems_of(|v| v["unit"] = json!("THPT")), one("unit", "wrong_type"));
    // A school must say công lập or not.
    assert_eq!(problems_of(|v| v["unit"]["public"] = json!(null)), one("unit.public", "public_required"));
    assert_eq!(problems_of(|v| v["unit"]["public"] = json!("có")), one("unit.public", "wrong_type"));
    assert_eq!(problems_of(|v| v["unit"]["digital_index"] = json!("4700")), one("unit.digital_index", "unknown_value"));
    assert_eq!(problems_of(|v| v["unit"]["name"] = json!(42)), one("unit.name", "wrong_type"));
}

#[test]
fn enum_values_dates_years_and_evidence() {
    assert_eq!(
        problems_of(|v| v["facts"]["collective_title"] = json!("gold")),
        one("facts.collective_title", "unknown_value")
    );
    assert_eq!(
        problems_of(|v| v["facts"]["digital_level"] = json!("tot")),
        one("facts.digital_level", "unknown_value")
    );
    assert_eq!(problems_of(|v| v["facts"]["annual_plan"] = json!("yes")), one("facts.annual_plan", "wrong_type"));
    // A three-way answer names all three (true, false, "none_in_area") when the text is wrong.
    let text = dvht::read(
        {
            let mut v = example();
            v["facts"]["supports_private_preschools"] = json!("maybe");
            v.to_string()
        }
        .as_bytes(),
    )
    .unwrap_err()
    .iter()
    .find(|d| d.field == "facts.supports_private_preschools")
    .map(|d| d.text(dvht::Lang::Vi))
    .unwrap();
    assert!(text.contains("true") && text.contains("false") && text.contains("none_in_area"), "{text}");
    assert_eq!(
        problems_of(|v| v["previous_recognition"]["level"] = json!(3)),
        one("previous_recognition.level", "unknown_value")
    );
    for bad in ["2025-02-30", "10/02/2024", "2024-2-10", "2023-02-29", ""] {
        assert_eq!(
            problems_of(|v| v["previous_recognition"]["decision_date"] = json!(bad)),
            one("previous_recognition.decision_date", "bad_date"),
            "{bad}"
        );
    }
    assert_eq!(problems_of(|v| v["previous_recognition"]["decision_date"] = json!("2024-02-29")), vec![]);
    assert_eq!(
        problems_of(|v| v["evidence"]["1.1"][0]["date"] = json!("08/01/2025")),
        one("evidence.1.1[0].date", "bad_date")
    );
    assert_eq!(
        problems_of(|v| v["evidence"]["1.1"][0] = json!({ "number": "12/KH", "code": "  " })),
        one("evidence.1.1[0]", "evidence_needs_code_or_title")
    );
    assert_eq!(problems_of(|v| v["evidence"]["1.1"][0] = json!({ "title": "Kế hoạch" })), vec![]);
    assert_eq!(problems_of(|v| v["evidence"]["1.1"] = json!({})), one("evidence.1.1", "wrong_type"));
    assert_eq!(problems_of(|v| v["evidence"]["1.1"][0] = json!("H1.01")), one("evidence.1.1[0]", "wrong_type"));
    assert_eq!(problems_of(|v| v["notes"]["2.4"] = json!(5)), one("notes.2.4", "wrong_type"));
    for (year, code) in [
        (json!(2022), "year_out_of_range"),
        (json!(2101), "year_out_of_range"),
        (json!("2025"), "wrong_type"),
        (json!(2025.5), "wrong_type"),
        (json!(null), "required"),
    ] {
        assert_eq!(problems_of(|v| v["year"] = year.clone()), one("year", code), "{year}");
    }
    assert_eq!(problems_of(|v| v["year"] = json!(2100)), vec![]);
    assert_eq!(problems_of(|v| v["year"] = json!(2023)), vec![]);
}

#[test]
fn several_problems_are_reported_together() {
    let p = problems_of(|v| {
        v["counts"]["members"] = json!("many");
        v["facts"]["annual_plan"] = json!(1);
        v["evidence"]["1.1"][0]["date"] = json!("soon");
    });
    let fields: Vec<&str> = p.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["counts.members", "facts.annual_plan", "evidence.1.1[0].date"]);
}

#[test]
fn messages_are_vietnamese_and_name_the_field() {
    let mut v = example();
    v["counts"]["members_discipline"] = json!(130);
    let file = dvht::read(v.to_string().as_bytes()).unwrap();
    let e = dvht::check(&file).unwrap_err();
    // The sentence names the field by its label, never by its path (rules.md §5); the path is
    // the diagnostic's `field`, for scripts.
    assert_eq!(
        e[0].text(dvht::Lang::Vi),
        "Số Thành viên tuân thủ kỷ luật lao động, nội quy; đoàn kết, hợp tác là 130, lớn hơn Tổng số Thành viên trong đơn vị là 120."
    );
    assert_eq!(e[0].field, "counts.members_discipline");
    assert!(e[0].text(dvht::Lang::En).contains("more than Total members of the unit (120)"));
    let e = dvht::read(b"{\"format\":\"dvht-dossier\",\"version\":1,\"year\":\"2025\"}").unwrap_err();
    assert_eq!(e[0].text(dvht::Lang::Vi), "Năm đánh giá phải là một năm (số nguyên, ví dụ 2025).");
    // Every message of every error class above has its field's label in it, and no path.
    let mut v = example();
    v["unit"]["kind"] = json!("mam_non");
    let e = dvht::check(&dvht::read(v.to_string().as_bytes()).unwrap()).unwrap_err();
    assert!(e[0].text(dvht::Lang::Vi).starts_with("Loại đơn vị:"), "{}", e[0].text(dvht::Lang::Vi));
    assert!(!e[0].text(dvht::Lang::Vi).contains("unit."));
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let first = dvht::write(&dvht::read(EXAMPLE.as_bytes()).unwrap());
    let second = dvht::write(&dvht::read(first.as_bytes()).unwrap());
    assert_eq!(first, second);
    // The canonical form of the spec's example is the example itself, less the notes' order.
    let again: Json = serde_json::from_str(&first).unwrap();
    assert_eq!(again, example());
    assert!(first.ends_with("}\n"));
    assert!(first.contains("\"name\": \"Trường THPT Nguyễn Trãi\""), "UTF-8 is written as is");
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let mut v = example();
    v["x_generator"] = json!({ "name": "Phần mềm khác", "v": [1, 2] });
    v["unit"]["tax_code"] = json!("0101234567");
    v["counts"]["members_female"] = json!(64);
    v["facts"]["has_library"] = json!(true);
    v["evidence"]["1.1"][0]["pages"] = json!(12);
    v["evidence"]["9.9"] =
        json!([{ "code": "X", "title": null, "number": null, "date": null, "issuer": null, "location": null }]);
    v["notes"]["tong_ket"] = json!("Ghi chú chung");
    v["submission"]["via"] = json!("dịch vụ bưu chính");
    v["previous_recognition"]["signed_by"] = json!("Phó Chủ tịch");
    let file = dvht::read(v.to_string().as_bytes()).unwrap();
    let out: Json = serde_json::from_str(&dvht::write(&file)).unwrap();
    assert_eq!(out, v);
    // …and an unknown indicator id is a warning, not an error.
    let r = eval(&file);
    assert!(r.diagnostics.iter().any(|d| d.code() == "unknown_indicator" && d.field == "evidence.9.9"));
}

#[test]
fn evidence_and_notes_are_written_in_table_order() {
    let mut v = example();
    v["evidence"] = json!({ "3.2": [{ "code": "C" }], "zz": [{ "code": "Z" }], "1.2": [{ "code": "A" }], "2.1": [{ "code": "B" }] });
    let out = dvht::write(&dvht::read(v.to_string().as_bytes()).unwrap());
    let at = |s: &str| out.find(s).unwrap();
    assert!(at("\"1.2\"") < at("\"2.1\"") && at("\"2.1\"") < at("\"3.2\"") && at("\"3.2\"") < at("\"zz\""));
}

#[test]
fn a_minimal_file_gets_every_field_written() {
    let out = dvht::write(&dvht::read(br#"{"format":"dvht-dossier","version":1}"#).unwrap());
    for key in [
        "\"ruleset\": \"TT24/2023\"",
        "\"unit\"",
        "\"year\": null",
        "\"counts\"",
        "\"members\": null",
        "\"vocational_accredited\": null",
        "\"evidence\": {}",
        "\"notes\": {}",
    ] {
        assert!(out.contains(key), "{key} in {out}");
    }
    assert_eq!(dvht::write(&dvht::read(out.as_bytes()).unwrap()), out);
}

#[test]
fn numbers_in_unknown_fields_come_back_exactly() {
    // Found by the fuzzer: 1.3111111111111111e+129 was read back as …13e+129.
    let bytes = include_bytes!("fixtures/fuzz-float-roundtrip.json");
    let first = dvht::write(&dvht::read(bytes).unwrap());
    assert_eq!(dvht::write(&dvht::read(first.as_bytes()).unwrap()), first);
    for x in ["1.3111111111111111e+129", "5e-324", "1.7976931348623157e308", "0.1", "-2.2250738585072014e-308"] {
        let text = format!(r#"{{"format":"dvht-dossier","version":1,"x_n":{x}}}"#);
        let once = dvht::write(&dvht::read(text.as_bytes()).unwrap());
        assert_eq!(dvht::write(&dvht::read(once.as_bytes()).unwrap()), once, "{x}");
    }
}
