//! The receiving side (appraisal.md), from the text: intake (Điều 10.2a, 16.2a), the council
//! (10.2b, 16.2b), the appraisal (10.2c, 16.2c), what goes into the decision (10.2d–đ), the
//! appraisal file's promises (§2) and the register kept across years (5.4, 11.4).

mod common;
use common::*;
use dvht::appraisal::intake::{receive, receive_all, Incoming};
use dvht::appraisal::recognitions::{Recognition, Recognitions};
use dvht::appraisal::register::{self, Filter, SortKey, State};
use dvht::appraisal::{self, AppraisalFile, Channel, Form, Member, Outcome, Role, Verdict};
use dvht::engine::evaluate::RequestKind;
use dvht::rules::{Input, Scope};
use dvht::{Env, Lang, Level};

fn env() -> Env {
    Env::new(date("2026-01-20"))
}

fn incoming(name: &str, bytes: Vec<u8>, received: &str) -> Incoming {
    Incoming { name: name.into(), bytes, received: Some(date(received)), channel: Some(Channel::Online) }
}

fn named(kind: &str, name: &str) -> dvht::DossierFile {
    let mut f = full(kind);
    f.unit.name = Some(name.into());
    f
}

/// A Phòng receiving district-level dossiers of 2025, with a council as the text asks.
fn phong() -> AppraisalFile {
    let mut a = AppraisalFile::new(2025, Scope::Huyen);
    a.body.name = Some("Phòng Giáo dục và Đào tạo huyện Văn Lâm".into());
    a.body.province = Some("Hưng Yên".into());
    a.body.decision_maker = Some("Chủ tịch Ủy ban nhân dân huyện Văn Lâm".into());
    a.council.members = [
        ("Nguyễn Văn A", Role::Chair, "Phòng Giáo dục và Đào tạo"),
        ("Trần Thị B", Role::Secretary, "Phòng Giáo dục và Đào tạo"),
        ("Lê Văn C", Role::Member, "Hội Khuyến học huyện"),
        ("Phạm Thị D", Role::Member, "Hội Liên hiệp Phụ nữ huyện"),
        ("Hoàng Văn E", Role::Member, "Phòng Nội vụ"),
    ]
    .into_iter()
    .map(|(n, r, o)| Member { name: Some(n.into()), role: Some(r), organisation: Some(o.into()), ..Member::default() })
    .collect();
    a
}

fn codes(d: &[dvht::Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|x| x.code()).collect()
}

#[test]
fn intake_keeps_every_file_and_says_why_one_is_not_taken() {
    let mut a = phong();
    let ok = dvht::write(&named("ubnd_xa", "UBND xã Lạc Hồng"));
    let mut other_year = named("ubnd_xa", "UBND xã Chỉ Đạo");
    other_year.year = Some(2024);
    let other_scope = named("thpt", "Trường THPT Văn Lâm");
    let taken = receive_all(
        &mut a,
        &[
            incoming("lac-hong.json", ok.clone().into_bytes(), "2026-01-10"),
            incoming("chi-dao.json", dvht::write(&other_year).into_bytes(), "2026-01-10"),
            incoming("thpt.json", dvht::write(&other_scope).into_bytes(), "2026-01-10"),
            incoming("anh.png", vec![0x89, b'P', b'N', b'G'], "2026-01-10"),
            incoming("ghi-chu.json", b"{\"a\": 1}".to_vec(), "2026-01-10"),
        ],
    );
    assert_eq!((taken.dossiers.len(), taken.rejected.len()), (1, 4));
    // Embedded exactly as received: the canonical file as its object, with its bytes' hash.
    let d = &a.dossiers[0];
    assert!(d.dossier.is_object());
    assert_eq!(appraisal::dossier_bytes(d).unwrap(), ok.as_bytes());
    assert_eq!(d.sha256.as_deref(), Some(dvht::sha256::hex(&dvht::sha256::sha256(ok.as_bytes())).as_str()));
    assert_eq!(d.appraisal, Default::default(), "the council's part starts empty");
    let reasons: Vec<_> = a.rejected.iter().map(|r| (r.reason.clone().unwrap(), r.found.clone())).collect();
    assert_eq!(
        reasons,
        [
            ("other_year".to_string(), Some("2024".to_string())),
            ("other_scope".into(), Some("tinh".into())),
            ("unknown_type".into(), None),
            ("not_a_dossier".into(), None),
        ]
    );
    // Each reason in Vietnamese, naming the file and the field.
    let reg = register::build(&a, &env(), None);
    let texts: Vec<String> = reg.rejected.iter().map(|r| r.diagnostic.text(Lang::Vi)).collect();
    assert!(texts[0].contains("“chi-dao.json”") && texts[0].contains("Năm đánh giá là 2024"), "{}", texts[0]);
    assert!(texts[1].contains("cấp tỉnh") && texts[1].contains("Cấp đánh giá"), "{}", texts[1]);
    assert!(texts[2].contains("“anh.png”") && texts[2].contains(".zip"), "{}", texts[2]);
}

#[test]
fn a_dossier_not_in_canonical_form_is_kept_as_its_text() {
    let mut a = phong();
    let minified = serde_json::to_vec(&dvht::file::to_json(&named("ubnd_xa", "UBND xã A"))).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(dvht::write(&named("mam_non", "Trường Mầm non B")).as_bytes());
    receive_all(
        &mut a,
        &[incoming("a.json", minified.clone(), "2026-01-05"), incoming("b.json", with_bom.clone(), "2026-01-05")],
    );
    assert!(a.dossiers[0].dossier.is_string());
    assert_eq!(appraisal::dossier_bytes(&a.dossiers[0]).unwrap(), minified);
    assert_eq!(appraisal::dossier_bytes(&a.dossiers[1]).unwrap(), with_bom);
    let reg = register::build(&a, &env(), None);
    assert!(reg.entries.iter().all(|e| e.valid() && !e.changed), "{:?}", reg.entries[1].problems);
    assert_eq!(reg.entries[1].name, "Trường Mầm non B");
}

#[test]
fn zip_archives_and_published_reports_are_opened() {
    let f1 = named("ubnd_xa", "UBND xã Một");
    let f2 = named("mam_non", "Trường Mầm non Hai");
    let a2 = dvht::assess(&f2, &env());
    let docs = dvht::documents::build(&f2, &a2).unwrap();
    let report = dvht::documents::html::standalone(&docs, Some(&f2), "x");
    let inner = dvht::zip::store(&[("ba.json", dvht::write(&named("ubnd_xa", "UBND xã Ba")).into_bytes())]);
    let zip = dvht::zip::store(&[
        ("ho-so/mot.json", dvht::write(&f1).into_bytes()),
        ("ho-so/hai.html", report.into_bytes()),
        ("__MACOSX/ho-so/._mot.json", b"\x00\x05".to_vec()),
        ("long-nhau.zip", inner),
        ("ghi-chu.txt", b"hello".to_vec()),
    ]);
    let mut a = phong();
    let taken = receive(&mut a, &incoming("nop.zip", zip, "2026-01-12"));
    assert_eq!(taken.dossiers.len(), 3, "{:?}", a.rejected);
    let names: Vec<_> = a.dossiers.iter().map(|d| d.file.clone().unwrap()).collect();
    assert_eq!(names, ["nop.zip/ho-so/mot.json", "nop.zip/ho-so/hai.html", "nop.zip/long-nhau.zip/ba.json"]);
    // The report's dossier is the unit's file, byte for byte.
    assert_eq!(appraisal::dossier_bytes(&a.dossiers[1]).unwrap(), dvht::write(&f2).as_bytes());
    assert_eq!(a.rejected.len(), 1);
    assert_eq!(a.rejected[0].file.as_deref(), Some("nop.zip/ghi-chu.txt"));
    // A damaged archive is listed, not dropped.
    receive(&mut a, &incoming("hong.zip", b"PK\x03\x04garbage".to_vec(), "2026-01-12"));
    assert_eq!(a.rejected.last().unwrap().reason.as_deref(), Some("archive"));
}

#[test]
fn the_register_says_on_time_complete_and_replaced() {
    let mut a = phong();
    let first = named("ubnd_xa", "UBND xã Lạc Hồng");
    let mut second = first.clone();
    second.unit.name = Some("  ubnd xã LẠC HỒNG ".into());
    second.notes.push(("1.1".into(), "nộp lại".into()));
    // Level 0: nothing may be asked, so no Tờ trình: not complete (Điều 21.2).
    let weak = with_count(named("mam_non", "Trường Mầm non Sao Mai"), Input::MembersDiscipline, 10);
    receive_all(
        &mut a,
        &[
            incoming("lh-1.json", dvht::write(&first).into_bytes(), "2026-01-08"),
            incoming("sao-mai.json", dvht::write(&weak).into_bytes(), "2026-01-14"),
            incoming("lh-2.json", dvht::write(&second).into_bytes(), "2026-01-15"),
        ],
    );
    let reg = register::build(&a, &env(), None);
    let e = &reg.entries;
    // Received by 14/01/2026 is on time (Điều 10.1c); the 15th is late.
    assert_eq!(e.iter().map(|x| x.on_time).collect::<Vec<_>>(), [Some(true), Some(true), Some(false)]);
    assert!(codes(&e[2].diagnostics).contains(&"received_late"));
    assert_eq!((e[0].complete, e[1].complete, e[2].complete), (true, false, true));
    assert!(codes(&e[1].diagnostics).contains(&"nothing_requested"));
    // The same unit, its name typed differently: both kept, the later replaces the earlier.
    assert_eq!((e[0].replaced_by, e[2].replaces), (Some(2), Some(0)));
    assert!(codes(&e[2].diagnostics).contains(&"replaces"));
    assert!(codes(&e[0].diagnostics).contains(&"replaced_by"));
    let c = register::counts(&reg, 0..e.len());
    assert_eq!((c.dossiers, c.valid, c.on_time, c.late, c.complete, c.replaced), (3, 3, 2, 1, 2, 1));
    assert_eq!(c.by_level, [1, 0, 2]);
    assert_eq!(c.by_request, [2, 0, 0, 1]);
    assert_eq!(c.by_kind, [("ubnd_xa", [0, 0, 2]), ("mam_non", [1, 0, 0])]);
    // Filters and sorting, as the screen uses them.
    let late = register::filter(&reg, &Filter { state: Some(State::Late), ..Filter::default() });
    assert_eq!(late, [2]);
    let found = register::filter(&reg, &Filter { text: Some("lac hong".into()), ..Filter::default() });
    assert_eq!(found, [0, 2]);
    let mut all: Vec<usize> = (0..3).collect();
    register::sort(&reg, &mut all, SortKey::Name, false);
    assert_eq!(all, [1, 0, 2]);
    register::sort(&reg, &mut all, SortKey::Received, true);
    assert_eq!(all, [2, 1, 0]);
}

#[test]
fn the_council_is_checked_against_the_text_with_warnings() {
    let env = env();
    let mut a = phong();
    assert!(register::build(&a, &env, None).diagnostics.is_empty());
    // Four members, no one from the Hội Khuyến học: even, below 5, a group missing.
    a.council.members.remove(2);
    let reg = register::build(&a, &env, None);
    let c = codes(&reg.diagnostics);
    assert_eq!(c, ["council_too_small", "council_even", "council_group_missing"], "{c:?}");
    assert!(reg.diagnostics.iter().all(|d| d.severity == dvht::Severity::Warning));
    let text = reg.diagnostics[2].text(Lang::Vi);
    assert!(text.contains("đại diện Hội khuyến học cấp huyện") && text.contains("điểm b khoản 2 Điều 10"), "{text}");
    let text = reg.diagnostics[0].text(Lang::Vi);
    assert!(text.contains("tối thiểu là 05 người"), "{text}");
    // Six with a group given explicitly: even only; no chair: said.
    a.council.members.push(Member {
        name: Some("X".into()),
        role: Some(Role::Member),
        group: Some("learning_promotion".into()),
        ..Member::default()
    });
    a.council.members.push(Member {
        name: Some("Y".into()),
        role: Some(Role::Member),
        organisation: Some("Liên đoàn Lao động huyện".into()),
        ..Member::default()
    });
    a.council.members[0].role = Some(Role::Member);
    let reg = register::build(&a, &env, None);
    assert_eq!(codes(&reg.diagnostics), ["council_even", "council_role"]);
    assert_eq!(reg.council.groups.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [3, 1, 2]);
}

#[test]
fn the_councils_verdicts_give_its_level_by_the_same_rules() {
    let env = env();
    let mut a = phong();
    receive(&mut a, &incoming("x.json", dvht::write(&named("ubnd_xa", "UBND xã X")).into_bytes(), "2026-01-09"));
    let reg = register::build(&a, &env, None);
    let ap = reg.entries[0].appraised.clone().unwrap();
    // Pre-filled from the unit's own statuses: level 2 asked, level 2 met.
    assert_eq!((ap.level, ap.council_level), (Level::Two, 2));
    assert!(ap.verdicts.iter().all(|v| v.verdict.is_none() && v.council == v.unit));
    // One indicator found không đạt: level 2 is not met; level 1 is not either, as the
    // finding stands at both levels for the same indicator.
    a.dossiers[0].appraisal.set("2.1", Some(Verdict::Fail), Some("Số liệu không khớp danh sách".into()));
    let reg = register::build(&a, &env, None);
    assert_eq!(reg.entries[0].council_level(), Some(0));
    // Set back, and another verdict given: đạt, with a note.
    a.dossiers[0].appraisal.set("2.1", None, None);
    a.dossiers[0].appraisal.set("2.4", Some(Verdict::Fail), None);
    let reg = register::build(&a, &env, None);
    assert_eq!(reg.entries[0].council_level(), Some(0), "2.4 fails at both levels");
    a.dossiers[0].appraisal.set("2.4", Some(Verdict::Pass), Some("Đạt".into()));
    let reg = register::build(&a, &env, None);
    assert_eq!(reg.entries[0].council_level(), Some(2));
    assert_eq!(a.dossiers[0].appraisal.indicators.len(), 1, "a verdict set back to none with no note is removed");

    // The council may not recognise what its verdicts do not meet; the papers never list it.
    a.dossiers[0].appraisal.set("1.1", Some(Verdict::Fail), None);
    a.dossiers[0].appraisal.outcome = Some(Outcome::Recognise);
    let reg = register::build(&a, &env, None);
    let e = &reg.entries[0];
    assert_eq!(e.recognised, None);
    let d = e.diagnostics.iter().find(|d| d.code() == "cannot_recognise").unwrap();
    assert_eq!(d.severity, dvht::Severity::Error);
    assert!(
        d.text(Lang::Vi).contains("không đạt mức độ nào") && d.text(Lang::Vi).contains("khoản 2 Điều 8"),
        "{}",
        d.text(Lang::Vi)
    );
    assert!(register::decided(&reg).is_empty());
    // Put right, it is recognised at the level asked.
    a.dossiers[0].appraisal.set("1.1", Some(Verdict::Pass), None);
    let reg = register::build(&a, &env, None);
    assert_eq!(reg.entries[0].recognised, Some(Level::Two));
    assert_eq!(register::decided(&reg).len(), 1);
    // A level above the request is refused; a verdict on an indicator that does not apply is kept, not counted.
    a.dossiers[0].appraisal.set("3.4", Some(Verdict::Fail), None);
    let reg = register::build(&a, &env, None);
    assert!(codes(&reg.entries[0].diagnostics).contains(&"verdict_not_appraised"));
    assert_eq!(reg.entries[0].recognised, Some(Level::Two));
}

#[test]
fn a_refusal_states_its_reasons() {
    let env = env();
    let mut a = phong();
    receive(&mut a, &incoming("x.json", dvht::write(&named("ubnd_xa", "UBND xã X")).into_bytes(), "2026-01-09"));
    a.dossiers[0].appraisal.outcome = Some(Outcome::Refuse);
    let reg = register::build(&a, &env, None);
    let d = reg.entries[0].diagnostics.iter().find(|d| d.code() == "refused_without_reason").unwrap();
    assert!(d.text(Lang::Vi).contains("nêu rõ lý do không đạt") && d.text(Lang::Vi).contains("điểm d khoản 2 Điều 10"));
    a.dossiers[0].appraisal.set("1.5", Some(Verdict::Fail), Some("Không có minh chứng tham gia".into()));
    let reg = register::build(&a, &env, None);
    assert!(!codes(&reg.entries[0].diagnostics).contains(&"refused_without_reason"));
    let failed: Vec<_> = reg.entries[0].appraised.as_ref().unwrap().failed().map(|v| (v.id, v.note.clone())).collect();
    assert_eq!(failed, [("1.5", Some("Không có minh chứng tham gia".to_string()))]);
    assert_eq!(register::refused(&reg).len(), 1);
}

#[test]
fn the_appraisal_file_round_trips_and_flags_a_changed_dossier() {
    let env = env();
    let mut a = phong();
    a.extra.insert("x_note".into(), serde_json::json!({"kept": [1, 2]}));
    receive_all(
        &mut a,
        &[
            incoming("x.json", dvht::write(&named("ubnd_xa", "UBND xã X")).into_bytes(), "2026-01-09"),
            incoming("y.txt", b"?".to_vec(), "2026-01-09"),
        ],
    );
    a.dossiers[0].appraisal.set("2.1", Some(Verdict::Fail), Some("ghi chú".into()));
    a.dossiers[0].appraisal.outcome = Some(Outcome::Refuse);
    a.dossiers[0].extra.insert("x_seen_by".into(), "thư ký".into());
    let bytes = appraisal::write(&a);
    let back = appraisal::read(bytes.as_bytes()).unwrap();
    assert_eq!(back, a);
    assert_eq!(appraisal::write(&back), bytes);
    // Someone edits the embedded dossier: flagged at once.
    let edited = bytes.replacen("\"members\": 200", "\"members\": 201", 1);
    assert_ne!(edited, bytes);
    let reg = register::build(&appraisal::read(edited.as_bytes()).unwrap(), &env, None);
    assert!(reg.entries[0].changed);
    let d = reg.entries[0].diagnostics.iter().find(|d| d.code() == "changed_since_intake").unwrap();
    assert!(d.text(Lang::Vi).contains("Mã SHA-256 của hồ sơ (hồ sơ thứ 1)"), "{}", d.text(Lang::Vi));
}

#[test]
fn bad_appraisal_files_are_named_field_by_field() {
    let err = |text: &str| -> Vec<String> {
        appraisal::read(text.as_bytes()).unwrap_err().iter().map(|d| d.text(Lang::Vi)).collect()
    };
    let e = err("{\"format\": \"dvht-dossier\", \"version\": 1}");
    assert!(e[0].contains("không phải tệp thẩm định hồ sơ"), "{e:?}");
    let e = err(r#"{"format": "dvht-appraisal", "version": 1, "year": "2025",
        "council": {"method": "phone", "members": [{"role": 3}]},
        "dossiers": [{"received": "2026-02-30", "channel": "fax", "dossier": 5}, 7]}"#);
    let joined = e.join("\n");
    for want in [
        "Năm đánh giá phải là một năm",
        "Giá trị “phone” của Hình thức thẩm định",
        "Nhiệm vụ trong Hội đồng của thành viên thứ 1 của Hội đồng phải là văn bản",
        "Ngày nhận hồ sơ (hồ sơ thứ 1): “2026-02-30” không phải ngày hợp lệ",
        "Giá trị “fax” của Hình thức nhận hồ sơ (hồ sơ thứ 1)",
        "Hồ sơ của đơn vị (hồ sơ thứ 1) phải là một đối tượng",
        "Hồ sơ thứ 2 phải là một đối tượng",
    ] {
        assert!(joined.contains(want), "missing «{want}» in:\n{joined}");
    }
    assert!(appraisal::read(b"").is_err() && appraisal::read(b"[1]").is_err() && appraisal::read(b"{").is_err());
}

#[test]
fn next_years_intake_reads_the_register_of_recognitions() {
    let env = Env::new(date("2027-01-20"));
    // Recognised at level 1 on 10/02/2025 (assessed year 2024); in 2026 the unit meets level 2
    // and its file says nothing of the decision.
    let mut known = Recognitions::default();
    known.add([Recognition {
        unit: Some("UBND xã Lạc Hồng".into()),
        kind: Some("ubnd_xa".into()),
        scope: Some(Scope::Huyen),
        level: Some(Level::One),
        form: Some(Form::First),
        year: Some(2024),
        decision_no: Some("12/QĐ-UBND".into()),
        decision_date: Some(date("2025-02-10")),
        ..Recognition::default()
    }]);
    let bytes = dvht::appraisal::recognitions::write(&known);
    assert_eq!(
        bytes,
        dvht::appraisal::recognitions::write(&dvht::appraisal::recognitions::read(bytes.as_bytes()).unwrap())
    );
    let mut f = named("ubnd_xa", "UBND XÃ LẠC HỒNG");
    f.year = Some(2026);
    let mut a = AppraisalFile::new(2026, Scope::Huyen);
    receive(&mut a, &incoming("lh.json", dvht::write(&f).into_bytes(), "2027-01-05"));
    let reg = register::build(&a, &env, Some(&known));
    let e = &reg.entries[0];
    assert_eq!(e.own_request.unwrap().kind, RequestKind::First);
    // The register knows the decision: 12 months passed by 11/02/2026, so it is an upgrade.
    assert_eq!(e.request.unwrap().kind, RequestKind::Upgrade);
    assert_eq!(e.previous.as_ref().unwrap().decision_no.as_deref(), Some("12/QĐ-UBND"));
    assert!(codes(&e.diagnostics).contains(&"previous_differs"));
    assert_eq!(e.form, Some(Form::Upgrade));
    // A form the council records otherwise is said.
    a.dossiers[0].appraisal.kind = Some(Form::First);
    let reg = register::build(&a, &env, Some(&known));
    assert!(codes(&reg.entries[0].diagnostics).contains(&"form_differs"));
}

#[test]
fn the_specs_example_reads_and_writes_in_its_own_shape() {
    // appraisal.md §2, as printed (the dossier shortened to "…").
    let example = r#"{
  "format": "dvht-appraisal",
  "version": 1,
  "ruleset": "TT24/2023",
  "year": 2025,
  "body": { "name": "Phòng Giáo dục và Đào tạo huyện Văn Lâm", "scope": "huyen", "province": "Hưng Yên",
            "head": "Nguyễn Văn B", "decision_maker": "Chủ tịch Ủy ban nhân dân huyện Văn Lâm" },
  "council": { "decision_no": "15/QĐ-PGDĐT", "decision_date": "2026-01-16", "method": "meeting", "date": "2026-01-25",
               "members": [ { "name": "…", "role": "chair", "organisation": "Phòng GD&ĐT" } ] },
  "dossiers": [
    { "received": "2026-01-10", "channel": "direct", "sha256": "…",
      "dossier": { "format": "dvht-dossier", "version": 1, "…": "the unit's file, as received" },
      "appraisal": { "indicators": { "2.1": { "verdict": "fail", "note": "…" } },
                     "outcome": "recognise", "level": 1, "kind": "first" } }
  ],
  "decision": { "number": null, "date": null }
}"#;
    let a = appraisal::read(example.as_bytes()).unwrap();
    assert_eq!((a.year, a.body.scope, a.council.members[0].role), (Some(2025), Some(Scope::Huyen), Some(Role::Chair)));
    let d = &a.dossiers[0];
    assert_eq!(
        (d.channel, d.appraisal.outcome, d.appraisal.level, d.appraisal.kind),
        (Some(Channel::Direct), Some(Outcome::Recognise), Some(Level::One), Some(Form::First))
    );
    assert_eq!(d.appraisal.indicator("2.1").unwrap().verdict, Some(Verdict::Fail));
    // Written back: the spec's keys in the spec's order, nothing added.
    let written: serde_json::Value = serde_json::from_str(&appraisal::write(&a)).unwrap();
    let keys: Vec<&String> = written.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["format", "version", "ruleset", "year", "body", "council", "dossiers", "decision"]);
    let entry: Vec<&String> = written["dossiers"][0].as_object().unwrap().keys().collect();
    assert_eq!(entry, ["received", "channel", "sha256", "dossier", "appraisal"]);
    // The register: the "…" SHA-256 does not match (flagged), the shortened dossier is invalid,
    // so nothing can be recognised from it.
    let reg = register::build(&a, &env(), None);
    assert!(reg.entries[0].changed && !reg.entries[0].valid());
    assert!(codes(&reg.entries[0].diagnostics).contains(&"nothing_to_recognise"));
}

#[test]
fn a_register_prepared_in_steps_is_the_fresh_one() {
    let env = env();
    let mut a = phong();
    let mut prepared = register::Prepared::default();
    let mut files: Vec<Incoming> = (0..7)
        .map(|i| {
            let mut f = named(["ubnd_xa", "pho_thong_huyen", "mam_non"][i % 3], &format!("Đơn vị {i}"));
            if i == 4 {
                f = with_count(f, Input::MembersDiscipline, 100);
            }
            incoming(&format!("{i}.json"), dvht::write(&f).into_bytes(), "2026-01-09")
        })
        .collect();
    // The same unit twice, and a file that is no dossier.
    files.push(incoming("lai.json", dvht::write(&named("ubnd_xa", "Đơn vị 0")).into_bytes(), "2026-01-12"));
    files.push(incoming("x.json", b"{ not json".to_vec(), "2026-01-12"));
    // Intake a file at a time, two dossiers prepared per step, as the screen does.
    for f in &files {
        receive(&mut a, f);
        while prepared.advance(&a, &env, None, 2) > 0 {}
        assert_eq!(prepared.progress(), (a.dossiers.len(), a.dossiers.len()));
    }
    assert_eq!(prepared.build(&a, &env, None), register::build(&a, &env, None));
    // The council's work changes nothing prepared, and shows at once.
    a.dossiers[1].appraisal.set("2.1", Some(Verdict::Fail), Some("Không khớp".into()));
    a.dossiers[2].appraisal.outcome = Some(Outcome::Recognise);
    a.council.members.pop();
    assert_eq!(prepared.advance(&a, &env, None, 0), 0);
    let reg = prepared.build(&a, &env, None);
    assert_eq!(reg, register::build(&a, &env, None));
    assert_eq!(reg.entries[1].council_level(), Some(0));
    // A date received changed: that entry is prepared again (now late); the others are not.
    a.dossiers[3].received = Some(date("2026-01-20"));
    assert_eq!(prepared.advance(&a, &env, None, 0), 1);
    let reg = prepared.build(&a, &env, None);
    assert_eq!(reg.entries[3].on_time, Some(false));
    assert_eq!(reg, register::build(&a, &env, None));
    // A register of recognitions, another day: everything again.
    let mut known = Recognitions::default();
    known.add([Recognition {
        unit: Some("Đơn vị 1".into()),
        kind: Some("pho_thong_huyen".into()),
        level: Some(Level::One),
        decision_no: Some("1/QĐ".into()),
        decision_date: Some(date("2024-02-01")),
        ..Recognition::default()
    }]);
    assert_eq!(prepared.advance(&a, &env, Some(&known), 0), a.dossiers.len());
    assert_eq!(prepared.build(&a, &env, Some(&known)), register::build(&a, &env, Some(&known)));
    let later = Env::new(date("2026-02-01"));
    assert_eq!(prepared.build(&a, &later, Some(&known)), register::build(&a, &later, Some(&known)));
    // Another file: prepared afresh from what it holds.
    let b = phong();
    assert_eq!(prepared.build(&b, &env, None), register::build(&b, &env, None));
}

#[test]
fn the_screens_keys_name_states_sorts_and_requests() {
    for s in State::ALL {
        assert_eq!(State::from_key(s.key()), Some(s));
    }
    for k in ["name", "file", "kind", "received", "level", "council_level", "request", "outcome"] {
        assert_eq!(SortKey::from_key(k).unwrap().key(), k);
    }
    for k in ["first", "renewal", "upgrade", "none"] {
        assert_eq!(register::request_key(register::request_from_key(k).unwrap()), k);
    }
    assert_eq!((State::from_key("x"), SortKey::from_key(""), register::request_from_key("y")), (None, None, None));
}

#[test]
fn stored_in_two_parts_the_file_comes_back_byte_for_byte() {
    let mut a = phong();
    receive_all(
        &mut a,
        &[
            incoming("x.json", dvht::write(&named("ubnd_xa", "UBND xã Ngọc Lâm")).into_bytes(), "2026-01-09"),
            // Not dvht's canonical form: kept as the text received.
            incoming(
                "y.json",
                b"{\"format\":\"dvht-dossier\",\"version\":1,\"year\":2025,\"x\":1.5e300}".to_vec(),
                "2026-01-09",
            ),
        ],
    );
    a.dossiers[0].appraisal.set("2.1", Some(Verdict::Fail), Some("ghi chú".into()));
    let bytes = appraisal::write(&a);
    let head = appraisal::head(&a);
    // The head holds everything but the dossiers' texts: the council's work is rewritten cheaply.
    assert!(head.len() * 3 < bytes.len(), "{} of {}", head.len(), bytes.len());
    assert!(head.contains("\"dossier\": \"\"") && head.contains("ghi chú"));
    let payloads: Vec<String> = a.dossiers.iter().map(appraisal::payload).collect();
    let back = appraisal::unsplit(head.as_bytes(), &payloads).unwrap();
    assert_eq!(appraisal::write(&back), bytes);
    assert_eq!(back, a);
    // A payload lost or damaged names its dossier.
    let e = appraisal::unsplit(head.as_bytes(), &payloads[..1]).unwrap_err();
    assert_eq!(e[0].field, "dossiers[1].dossier");
    let e = appraisal::unsplit(head.as_bytes(), &[payloads[0].clone(), "{".into()]).unwrap_err();
    assert_eq!(e[0].field, "dossiers[1].dossier");
}

#[test]
fn dvht_summary_and_the_register_count_the_same_files_alike() {
    use dvht::appraisal::summary::{Options, Summary};
    let env = env();
    let mut files: Vec<Incoming> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>| files.push(incoming(name, bytes, "2026-01-09"));
    for (i, kind) in ["ubnd_xa", "pho_thong_huyen", "mam_non", "ubnd_xa"].iter().enumerate() {
        let mut f = named(kind, &format!("Đơn vị {i}"));
        if i == 1 {
            f = with_count(f, Input::MembersDiscipline, 100);
        }
        add(&format!("{i}.json"), dvht::write(&f).into_bytes());
    }
    // Invalid: a count over its total; a kind of the other scope than the one it states.
    add("x.json", dvht::write(&with_count(named("ubnd_xa", "X"), Input::MembersDiscipline, 100_000)).into_bytes());
    let mut wrong = named("ubnd_xa", "Sai cấp");
    wrong.unit.kind = Some("thpt".into());
    add("sai-cap.json", dvht::write(&wrong).into_bytes());
    // Another year, another scope, not JSON, not a dossier, in and out of an archive.
    let mut old = named("ubnd_xa", "Năm trước");
    old.year = Some(2024);
    add("cu.json", dvht::write(&old).into_bytes());
    add("tinh.json", dvht::write(&named("thpt", "Trường THPT")).into_bytes());
    add("hong.json", b"{ not json".to_vec());
    add("ghi-chu.json", br#"{"ghi_chu": 1}"#.to_vec());
    let zip = dvht::zip::store(&[
        ("a/cu.json", dvht::write(&old).into_bytes()),
        ("a/moi.json", dvht::write(&named("ubnd_xa", "Mới")).into_bytes()),
    ]);
    add("dot.zip", zip);

    let mut s = Summary::new(Options { year: Some(2025), scope: Some(Scope::Huyen) });
    for f in &files {
        s.add(&f.name, &f.bytes, &env);
    }
    let mut a = phong();
    receive_all(&mut a, &files);
    let reg = register::build(&a, &env, None);
    let c = register::counts(&reg, 0..reg.entries.len());
    let skipped = reg
        .rejected
        .iter()
        .filter(|r| {
            matches!(
                r.why,
                Some(dvht::diagnostic::Rejection::OtherYear { .. } | dvht::diagnostic::Rejection::OtherScope { .. })
            )
        })
        .count();
    assert_eq!(s.units.len(), c.valid);
    assert_eq!(s.skipped.len(), skipped);
    assert_eq!(s.invalid.len(), c.invalid + reg.rejected.len() - skipped);
    let mut by_level = [0; 3];
    for u in &s.units {
        by_level[usize::from(u.level)] += 1;
    }
    assert_eq!(by_level, c.by_level);
    assert_eq!((c.valid, c.invalid, skipped), (5, 2, 3), "{:?}", s.invalid);
}
