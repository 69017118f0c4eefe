//! `dvht summary` and `dvht appraisal …` as scripts use them (appraisal.md §3).

mod common;
use common::*;
use dvht::appraisal::intake::{receive_all, Incoming};
use dvht::appraisal::{AppraisalFile, Channel, Member, Outcome, Role, Verdict};
use dvht::rules::{Input, Scope};
use std::path::PathBuf;
use std::process::{Command, Output};

fn dvht(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvht")).args(args).output().unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dvht-cli-appraisal-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn named(kind: &str, name: &str) -> dvht::DossierFile {
    let mut f = full(kind);
    f.unit.name = Some(name.into());
    f
}

#[test]
fn summary_counts_folders_lists_invalid_and_skips_other_years() {
    let d = dir("summary");
    let sub = d.join("xa");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(d.join("thpt.json"), dvht::write(&named("thpt", "Trường THPT A"))).unwrap();
    let weak = with_count(named("ubnd_xa", "UBND xã B"), Input::MembersDiscipline, 10);
    std::fs::write(sub.join("b.json"), dvht::write(&weak)).unwrap();
    std::fs::write(sub.join("c.json"), dvht::write(&named("ubnd_xa", "UBND xã C"))).unwrap();
    let mut old = named("ubnd_xa", "UBND xã D");
    old.year = Some(2024);
    std::fs::write(sub.join("d.json"), dvht::write(&old)).unwrap();
    std::fs::write(sub.join("hong.json"), b"{ not json").unwrap();
    std::fs::write(sub.join("ghi-chu.txt"), b"not read: folders give .json files only").unwrap();
    let csv = d.join("units.csv");
    let out = dvht(&["summary", "--year", "2025", "--csv", csv.to_str().unwrap(), d.to_str().unwrap()]);
    let r = json(&out);
    assert_eq!((r["year"].as_i64(), r["files"].as_u64(), r["valid"].as_u64()), (Some(2025), Some(5), Some(3)));
    assert_eq!(r["by_level"], serde_json::json!({"0": 1, "1": 0, "2": 2}));
    assert_eq!(r["by_request"], serde_json::json!({"first": 2, "renewal": 0, "upgrade": 0, "none": 1}));
    assert_eq!(
        r["by_kind"],
        serde_json::json!({"ubnd_xa": {"0": 1, "1": 0, "2": 1}, "thpt": {"0": 0, "1": 0, "2": 1}})
    );
    let invalid = r["invalid"].as_array().unwrap();
    assert_eq!(invalid.len(), 1);
    assert!(invalid[0]["file"].as_str().unwrap().ends_with("hong.json"));
    assert!(invalid[0]["problems"][0].as_str().unwrap().contains("không phải JSON hợp lệ"));
    let skipped = r["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0]["reason"].as_str().unwrap().contains("Năm đánh giá là 2024"), "{}", skipped[0]);
    let unit = &r["units"][0];
    assert_eq!(
        (unit["name"].as_str(), unit["kind"].as_str(), unit["scope"].as_str()),
        (Some("Trường THPT A"), Some("thpt"), Some("tinh"))
    );
    assert_eq!(unit["request"], serde_json::json!({"kind": "first", "level": 2}));
    // The CSV: UTF-8 with a BOM, one row per unit, Vietnamese intact.
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("Trường THPT A") && text.contains("Ủy ban nhân dân cấp xã"), "{text}");

    // --scope skips the other scope with the reason.
    let r = json(&dvht(&["summary", "--scope", "huyen", d.join("thpt.json").to_str().unwrap(), sub.to_str().unwrap()]));
    assert_eq!(r["valid"], 3, "b, c and d (2024): no year asked");
    assert!(r["skipped"][0]["reason"].as_str().unwrap().contains("cấp tỉnh"), "{}", r["skipped"]);
    assert_eq!(r["year"], serde_json::Value::Null, "two years among the dossiers");
}

#[test]
fn summary_exits_2_only_when_nothing_could_be_read() {
    let d = dir("empty");
    let out = dvht(&["summary", d.to_str().unwrap(), "/nonexistent/x.json"]);
    assert_eq!(out.status.code(), Some(2));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["invalid"][0]["problems"][0].as_str().unwrap().contains("không đọc được"));
    // One file, invalid: it was read, so the run succeeds and lists it.
    std::fs::write(d.join("x.json"), b"[]").unwrap();
    let r = json(&dvht(&["summary", d.to_str().unwrap()]));
    assert_eq!((r["files"].as_u64(), r["valid"].as_u64()), (Some(1), Some(0)));
    assert_eq!(dvht(&["summary"]).status.code(), Some(2));
    assert_eq!(dvht(&["summary", "--scope", "xa", "a.json"]).status.code(), Some(2));
}

#[test]
fn summary_reads_a_zip_given_by_name() {
    let d = dir("zip");
    let zip = dvht::zip::store(&[
        ("a.json", dvht::write(&named("ubnd_xa", "UBND xã A")).into_bytes()),
        ("b.json", dvht::write(&named("mam_non", "Trường Mầm non B")).into_bytes()),
    ]);
    std::fs::write(d.join("nop.zip"), zip).unwrap();
    let r = json(&dvht(&["summary", d.join("nop.zip").to_str().unwrap()]));
    assert_eq!((r["files"].as_u64(), r["valid"].as_u64()), (Some(2), Some(2)));
    assert!(r["units"][1]["file"].as_str().unwrap().ends_with("nop.zip/b.json"));
}

fn appraisal_file() -> AppraisalFile {
    let mut a = AppraisalFile::new(2025, Scope::Huyen);
    a.body.name = Some("Phòng Giáo dục và Đào tạo huyện Văn Lâm".into());
    a.body.province = Some("Hưng Yên".into());
    a.body.decision_maker = Some("Chủ tịch Ủy ban nhân dân huyện Văn Lâm".into());
    a.council.decision_no = Some("15/QĐ-PGDĐT".into());
    a.council.decision_date = Some(date("2026-01-16"));
    a.council.method = Some(dvht::appraisal::Method::Meeting);
    a.council.date = Some(date("2026-01-25"));
    a.council.members = [
        (Role::Chair, "Phòng Giáo dục và Đào tạo"),
        (Role::Secretary, "Phòng Giáo dục và Đào tạo"),
        (Role::Member, "Hội Khuyến học huyện"),
        (Role::Member, "Hội Nông dân huyện"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (r, o))| Member {
        name: Some(format!("Thành viên {i}")),
        role: Some(r),
        organisation: Some(o.into()),
        ..Member::default()
    })
    .collect();
    let files = [named("ubnd_xa", "UBND xã A"), named("mam_non", "Trường Mầm non B")];
    let incoming: Vec<Incoming> = files
        .iter()
        .map(|f| Incoming {
            name: format!("{}.json", f.unit.name.clone().unwrap()),
            bytes: dvht::write(f).into_bytes(),
            received: Some(date("2026-01-10")),
            channel: Some(Channel::Direct),
        })
        .collect();
    receive_all(&mut a, &incoming);
    a.dossiers[0].appraisal.outcome = Some(Outcome::Recognise);
    a.dossiers[1].appraisal.set("2.1", Some(Verdict::Fail), Some("Danh sách không khớp".into()));
    a.dossiers[1].appraisal.outcome = Some(Outcome::Refuse);
    a
}

#[test]
fn appraisal_evaluate_prints_levels_outcomes_and_checks() {
    let d = dir("evaluate");
    let path = d.join("tham-dinh.json");
    std::fs::write(&path, dvht::appraisal::write(&appraisal_file())).unwrap();
    let r = json(&dvht(&["appraisal", "evaluate", "--today", "2026-02-01", path.to_str().unwrap()]));
    let ds = r["dossiers"].as_array().unwrap();
    assert_eq!(
        (ds[0]["level"].as_u64(), ds[0]["council_level"].as_u64(), ds[0]["recognised"].as_u64()),
        (Some(2), Some(2), Some(2))
    );
    assert_eq!((ds[1]["council_level"].as_u64(), ds[1]["outcome"].as_str()), (Some(0), Some("refuse")));
    assert_eq!(ds[1]["verdicts"][0]["id"], "2.1");
    assert_eq!(r["deadlines"]["decision_before"], "2026-02-15");
    assert_eq!(r["deadlines"]["days_left"], 14);
    assert_eq!(r["deadlines"]["report"][0]["last_day"], "2026-03-14");
    assert_eq!(r["deadlines"]["report"][1]["last_day"], "2026-04-29", "Hưng Yên's plan beside the Circular's");
    // Four members: too few and even, each with its article.
    let codes: Vec<&str> = r["diagnostics"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["council_too_small", "council_even"]);
    assert!(r["diagnostics"][0]["message"].as_str().unwrap().contains("điểm b khoản 2 Điều 10"));
    assert_eq!(r["counts"]["recognised"], serde_json::json!({"1": 0, "2": 1}));
    assert_eq!(r["counts"]["refused"], 1);
}

#[test]
fn appraisal_documents_and_bad_files() {
    let d = dir("documents");
    let path = d.join("tham-dinh.json");
    std::fs::write(&path, dvht::appraisal::write(&appraisal_file())).unwrap();
    let (html, docx, xlsx, report) = (d.join("p.html"), d.join("p.docx"), d.join("p.xlsx"), d.join("r.json"));
    let out = dvht(&[
        "appraisal",
        "documents",
        "--today",
        "2026-02-01",
        "--html",
        html.to_str().unwrap(),
        "--docx",
        docx.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    for want in ["TỜ TRÌNH", "BÁO CÁO", "BẢN TỔNG HỢP", "QUYẾT ĐỊNH", "DANH SÁCH", "Danh sách không khớp", "UBND xã A"]
    {
        assert!(page.contains(want), "{want}");
    }
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let r = dvht::appraisal::report::read(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r.units.len(), 2);

    std::fs::write(
        d.join("bad.json"),
        br#"{"format": "dvht-appraisal", "version": 1, "dossiers": [{"received": "x"}]}"#,
    )
    .unwrap();
    let out = dvht(&["appraisal", "evaluate", d.join("bad.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[dossiers[0].received] Ngày nhận hồ sơ (hồ sơ thứ 1)"), "{err}");
    assert!(err.contains("Hồ sơ của đơn vị (hồ sơ thứ 1)"), "{err}");
    assert_eq!(dvht(&["appraisal"]).status.code(), Some(2));
    assert_eq!(dvht(&["appraisal", "evaluate"]).status.code(), Some(2));
    assert_eq!(dvht(&["appraisal", "documents", path.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn appraisal_documents_never_write_over_what_they_read_nor_over_each_other() {
    let d = dir("overwrite");
    let path = d.join("tham-dinh.json");
    let bytes = dvht::appraisal::write(&appraisal_file());
    std::fs::write(&path, &bytes).unwrap();
    let (html, docx) = (d.join("p.html"), d.join("p.docx"));
    for args in [
        vec!["--report", path.to_str().unwrap()],
        vec!["--html", html.to_str().unwrap(), "--docx", html.to_str().unwrap()],
        vec!["--register", path.to_str().unwrap(), "--docx", docx.to_str().unwrap(), "--xlsx", path.to_str().unwrap()],
    ] {
        let mut all = vec!["appraisal", "documents"];
        all.extend(&args);
        all.push(path.to_str().unwrap());
        let out = dvht(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("không ghi đè") || err.contains("không thể ghi đè"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes.as_bytes(), "the appraisal file is untouched");
    assert!(!html.exists() && !docx.exists(), "nothing written");
}
