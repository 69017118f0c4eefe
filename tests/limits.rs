//! Issue 10: no file can make dvht work without bound, and the reader is strict where the
//! format is: limits named in their messages, a repeated key reported, a number out of range
//! kept rather than the whole file refused.

use serde_json::{json, Value as Json};

const EXAMPLE: &str = include_str!("fixtures/spec-example.json");
const COMPLETE: &str = include_str!("fixtures/complete-thpt.json");

fn example() -> Json {
    serde_json::from_str(COMPLETE).unwrap()
}

/// The errors of reading `bytes`, as (field, code, Vietnamese sentence).
fn errors(bytes: &[u8]) -> Vec<(String, &'static str, String)> {
    match dvht::read(bytes) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|d| (d.field.clone(), d.code(), d.text(dvht::Lang::Vi))).collect(),
    }
}

/// A complete dossier whose evidence has `n` items: spread over its indicators, or each under
/// an id of its own.
fn with_evidence(n: usize, distinct: bool) -> String {
    let ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4"];
    let mut v = example();
    let mut evidence = serde_json::Map::new();
    for i in 0..n {
        let id = if distinct { format!("9.{i}") } else { ids[i % ids.len()].to_string() };
        let item = json!({ "code": format!("H{i}"), "title": format!("Minh chứng {i}") });
        evidence.entry(id).or_insert_with(|| json!([])).as_array_mut().unwrap().push(item);
    }
    v["evidence"] = Json::Object(evidence);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_file_with_25000_indicator_ids_is_refused_naming_the_limit() {
    // Found by the hostile-input campaign: 1.1 MB, 25,000 ids, 8–9 s per keystroke.
    let text = with_evidence(25_000, true);
    let e = errors(text.as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].0.as_str(), e[0].1), ("evidence", "over_limit"));
    assert!(e[0].2.contains("1.000") && e[0].2.contains("Minh chứng"), "{}", e[0].2);
    // Up to the limit, every id is kept.
    let text = with_evidence(1_000, true);
    let file = dvht::read(text.as_bytes()).unwrap();
    assert_eq!(file.evidence.len(), 1_000);
}

#[test]
fn evidence_items_are_counted_against_their_limit() {
    let at_limit = with_evidence(10_000, false);
    let file = dvht::read(at_limit.as_bytes()).expect("10,000 items are within the limit");
    assert_eq!(file.evidence.iter().map(|(_, items)| items.len()).sum::<usize>(), 10_000);
    // What dvht writes of it reads back, byte for byte.
    let written = dvht::write(&file);
    assert_eq!(dvht::write(&dvht::read(written.as_bytes()).unwrap()), written);
    let e = errors(with_evidence(10_001, false).as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].0.as_str(), e[0].1), ("evidence", "over_limit"));
    assert!(e[0].2.contains("10.000 minh chứng"), "{}", e[0].2);
}

#[test]
fn nesting_of_any_depth_is_refused_without_a_crash() {
    for depth in [33, 5_000, 1_000_000] {
        let mut v = example();
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        v["unit"]["extension"] = json!("DEEP");
        let text = v.to_string().replace("\"DEEP\"", &deep);
        let e = errors(text.as_bytes());
        assert_eq!(e.len(), 1, "{depth}");
        assert_eq!(e[0].1, "over_limit", "{depth}");
        assert!(e[0].0.starts_with("unit.extension[0][0]"), "{depth}: {}", e[0].0);
        assert!(e[0].2.contains("32 tầng"), "{}", e[0].2);
    }
    // Unknown fields nested within the limit are kept, as ever.
    let mut v = example();
    v["unit"]["extension"] = json!([[[[{"a": [1, {"b": null}]}]]]]);
    let file = dvht::read(v.to_string().as_bytes()).unwrap();
    assert_eq!(file.unit.extra["extension"], v["unit"]["extension"]);
}

#[test]
fn a_text_longer_than_its_limit_is_refused_naming_its_field() {
    let mut v = example();
    v["unit"]["name"] = json!("Trường ".repeat(15_000));
    let e = errors(v.to_string().as_bytes());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].0.as_str(), e[0].1), ("unit.name", "over_limit"));
    assert!(e[0].2.contains("Tên đơn vị") && e[0].2.contains("100.000 ký tự"), "{}", e[0].2);
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_parsed() {
    let mut bytes = COMPLETE.as_bytes().to_vec();
    bytes.resize(dvht::file::limits::MAX_FILE_BYTES + 1, b' ');
    let e = errors(&bytes);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].0.as_str(), e[0].1), ("", "over_limit"));
    assert!(e[0].2.contains("16 MB"), "{}", e[0].2);
    // Even when it is only spaces: not an "empty file".
    assert_eq!(errors(&vec![b' '; dvht::file::limits::MAX_FILE_BYTES + 1])[0].1, "over_limit");
}

#[test]
fn a_repeated_key_keeps_the_later_value_with_a_warning_naming_the_field() {
    let text = COMPLETE.replacen(
        "\"name\": \"Trường THPT Nguyễn Trãi\",",
        "\"name\": \"Tên cũ\", \"name\": \"Trường THPT Nguyễn Trãi\",",
        1,
    );
    assert_ne!(text, COMPLETE);
    let (file, warnings) = dvht::file::read_with_warnings(text.as_bytes()).unwrap();
    assert_eq!(file.unit.name.as_deref(), Some("Trường THPT Nguyễn Trãi"));
    assert_eq!(warnings.len(), 1);
    let w = &warnings[0];
    assert_eq!((w.field.as_str(), w.code(), w.severity), ("unit.name", "duplicate_key", dvht::Severity::Warning));
    assert!(w.text(dvht::Lang::Vi).contains("Tên đơn vị"), "{}", w.text(dvht::Lang::Vi));
    // Without repeated keys: no warning, and the same bytes as ever.
    let (file, warnings) = dvht::file::read_with_warnings(COMPLETE.as_bytes()).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(dvht::write(&file).trim_end(), COMPLETE.trim_end());
}

#[test]
fn a_number_out_of_range_is_kept_as_text_not_a_reason_to_refuse_the_file() {
    let mut v: Json = serde_json::from_str(EXAMPLE).unwrap();
    v["unit"]["extension"] = json!("BIG");
    let text = serde_json::to_string_pretty(&v).unwrap().replace("\"BIG\"", "1e400");
    let (file, warnings) = dvht::file::read_with_warnings(text.as_bytes()).expect("not 'not JSON'");
    assert_eq!(file.unit.extra["extension"], json!("1e400"));
    assert_eq!((warnings[0].field.as_str(), warnings[0].code()), ("unit.extension", "number_out_of_range"));
    let written = dvht::write(&file);
    assert!(written.contains("\"extension\": \"1e400\""));
    assert_eq!(dvht::write(&dvht::read(written.as_bytes()).unwrap()), written);
    // In a count, it is reported on that count.
    let text = EXAMPLE.replacen("\"members\": 120", "\"members\": 1e400", 1);
    assert_ne!(text, EXAMPLE);
    let e = errors(text.as_bytes());
    assert_eq!(e.iter().map(|e| (e.0.as_str(), e.1)).collect::<Vec<_>>(), [("counts.members", "wrong_type")]);
}

#[test]
fn what_reads_from_a_file_reads_from_storage_and_from_an_object() {
    // The deepest nesting a file may hold (the file, `unit`, then 30 lists: 32), a text at the
    // limit, as many keys as allowed.
    let mut v = example();
    let mut deep = json!("au fond");
    for _ in 0..30 {
        deep = json!([deep]);
    }
    v["unit"]["extension"] = deep;
    v["notes"]["1.1"] = json!("ạ".repeat(dvht::file::limits::MAX_TEXT_CHARS));
    let keys: serde_json::Map<String, Json> =
        (0..dvht::file::limits::MAX_KEYS - 1).map(|i| (format!("k{i}"), json!(i))).collect();
    v["facts"]["extension"] = Json::Object(keys);
    let file = dvht::read(v.to_string().as_bytes()).expect("within every limit");
    // Stored as a draft and read back, and given as an object (the JavaScript API): the same.
    let draft = dvht::file::draft::Draft::new("d", file.clone());
    assert_eq!(dvht::file::draft::decode(&dvht::file::draft::encode(&draft)).unwrap().file, file);
    assert_eq!(dvht::file::read_value(v.clone()).unwrap(), file);
    // One more level: refused all three ways.
    v["unit"]["extension"] = json!([v["unit"]["extension"].clone()]);
    assert_eq!(dvht::read(v.to_string().as_bytes()).unwrap_err()[0].code(), "over_limit");
    assert_eq!(dvht::file::read_value(v).unwrap_err()[0].code(), "over_limit");
}
