//! The receiving side's papers (Điều 10.2d–đ, 16.2d–đ) and the year's report (Điều 20.3,
//! 18.3): what each says, from the register and the rules table.

mod common;
use common::*;
use dvht::appraisal::intake::{receive_all, Incoming};
use dvht::appraisal::recognitions::{Recognition, Recognitions};
use dvht::appraisal::report::{self, YearReport};
use dvht::appraisal::{register, AppraisalFile, Channel, Form, Member, Method, Outcome, Role, Verdict};
use dvht::documents::appraisal as papers;
use dvht::documents::{Block, Document, Kind};
use dvht::rules::{Scope, TT24_2023};
use dvht::{Env, Level};

fn env() -> Env {
    Env::new(date("2026-02-01"))
}

fn text(d: &Document) -> String {
    dvht::documents::html::fragment(std::slice::from_ref(d))
}

fn named(kind: &str, name: &str) -> dvht::DossierFile {
    let mut f = full(kind);
    f.unit.name = Some(name.into());
    f
}

/// A Phòng's appraisal of 2025: A recognised (first, level 2), B refused on 2.1 with a note,
/// C recognised though its verdicts fail (must never be listed), D renewed at level 1.
fn appraisal() -> AppraisalFile {
    let mut a = AppraisalFile::new(2025, Scope::Huyen);
    a.body.name = Some("Phòng Giáo dục và Đào tạo huyện Văn Lâm".into());
    a.body.parent = Some("Ủy ban nhân dân huyện Văn Lâm".into());
    a.body.province = Some("Hưng Yên".into());
    a.body.head = Some("Nguyễn Văn B".into());
    a.body.decision_maker = Some("Chủ tịch Ủy ban nhân dân huyện Văn Lâm".into());
    a.council.decision_no = Some("15/QĐ-PGDĐT".into());
    a.council.decision_date = Some(date("2026-01-16"));
    a.council.method = Some(Method::Written);
    a.council.date = Some(date("2026-01-25"));
    a.council.members = ["Chủ tịch", "Thư ký", "Ủy viên 1", "Ủy viên 2", "Ủy viên 3"]
        .iter()
        .enumerate()
        .map(|(i, n)| Member {
            name: Some(n.to_string()),
            role: Some([Role::Chair, Role::Secretary, Role::Member, Role::Member, Role::Member][i]),
            organisation: Some(
                ["Phòng Giáo dục và Đào tạo", "Phòng Nội vụ", "Hội Khuyến học huyện", "Huyện đoàn", "Phòng Văn hóa"][i]
                    .into(),
            ),
            ..Member::default()
        })
        .collect();
    let mut d = named("ubnd_xa", "UBND xã Đình Dù");
    d = with_previous(d, Level::One, "2022-02-10");
    d.request_level = Some(Level::One);
    let files = [
        named("ubnd_xa", "UBND xã An"),
        named("mam_non", "Trường Mầm non Bình"),
        named("co_quan_ubnd_huyen", "Phòng Nội vụ huyện"),
        d,
    ];
    let incoming: Vec<Incoming> = files
        .iter()
        .map(|f| Incoming {
            name: format!("{}.json", f.unit.name.clone().unwrap()),
            bytes: dvht::write(f).into_bytes(),
            received: Some(date("2026-01-12")),
            channel: Some(Channel::Post),
        })
        .collect();
    receive_all(&mut a, &incoming);
    a.dossiers[0].appraisal.outcome = Some(Outcome::Recognise);
    a.dossiers[1].appraisal.set("2.1", Some(Verdict::Fail), Some("Danh sách thành viên không khớp số liệu".into()));
    a.dossiers[1].appraisal.outcome = Some(Outcome::Refuse);
    a.dossiers[1].appraisal.note = Some("Hồ sơ thiếu chữ ký".into());
    a.dossiers[2].appraisal.set("1.4", Some(Verdict::Fail), None);
    a.dossiers[2].appraisal.outcome = Some(Outcome::Recognise);
    a.dossiers[3].appraisal.outcome = Some(Outcome::Recognise);
    a.decision.number = Some("120/QĐ-UBND".into());
    a.decision.date = Some(date("2026-02-10"));
    a
}

#[test]
fn the_letter_names_each_indicator_not_met_with_the_councils_note() {
    let a = appraisal();
    let reg = register::build(&a, &env(), None);
    assert!(papers::letter(&a, &reg, 0).is_none(), "no letter to a unit recognised");
    let letter = papers::letter(&a, &reg, 1).unwrap();
    assert_eq!(letter.kind, Kind::Letter);
    let Block::Masthead { subject, .. } = &letter.blocks[0] else { panic!() };
    assert!(subject.as_deref().unwrap().starts_with("V/v kết quả thẩm định"));
    let t = text(&letter);
    assert!(t.contains("Kính gửi: Trường Mầm non Bình"), "{t}");
    assert!(t.contains("điểm d khoản 2 Điều 10"), "{t}");
    assert!(t.contains("Danh sách thành viên không khớp số liệu") && t.contains("Hồ sơ thiếu chữ ký"), "{t}");
    let Some(Block::Table { rows, .. }) = letter.blocks.iter().find(|b| matches!(b, Block::Table { .. })) else {
        panic!()
    };
    assert_eq!(rows.len(), 1, "one indicator found không đạt");
    assert_eq!(papers::letters(&a, &reg).len(), 1);
}

#[test]
fn the_submission_lists_only_what_the_councils_verdicts_meet() {
    let a = appraisal();
    let reg = register::build(&a, &env(), None);
    // C's recognition is refused by the engine: its own verdicts fail 1.4.
    assert!(reg.entries[2].diagnostics.iter().any(|d| d.code() == "cannot_recognise"));
    let docs = papers::submission(&a, &reg, &env()).unwrap();
    let kinds: Vec<Kind> = docs.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::Submission,
            Kind::AppraisalReport,
            Kind::AppraisedSummary,
            Kind::AppraisedSummary,
            Kind::Decision,
            Kind::Decision
        ]
    );
    let request = text(&docs[0]);
    assert!(request.contains("Kính gửi: Chủ tịch Ủy ban nhân dân huyện Văn Lâm"), "{request}");
    assert!(request.contains("công nhận 2 đơn vị (mức độ 1: 1; mức độ 2: 1)"), "{request}");
    assert!(request.contains("Công nhận lại: 1 đơn vị") && request.contains("điểm đ khoản 2 Điều 10"), "{request}");
    let report = text(&docs[1]);
    assert!(
        report.contains("lấy ý kiến bằng văn bản của các ủy viên Hội đồng")
            && report.contains("điểm c khoản 2 Điều 10")
    );
    assert!(report.contains("Quyết định số 15/QĐ-PGDĐT ngày 16/01/2026"), "{report}");
    assert!(report.contains("Trường Mầm non Bình: chỉ tiêu 2.1 (Danh sách thành viên không khớp số liệu)"), "{report}");
    // The Bản tổng hợp as appraised: the unit's verdict beside the council's.
    let summary = text(&docs[2]);
    assert!(summary.contains("Hội đồng thẩm định") && summary.contains("(như tự đánh giá)"), "{summary}");
    // The draft decision: Điều 2 from the rules table, the list by form.
    let decision = text(&docs[4]);
    assert!(decision.contains("DỰ THẢO") && decision.contains("Số: 120/QĐ-UBND"), "{decision}");
    assert!(decision.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN VĂN LÂM"), "{decision}");
    assert!(decision.contains(&format!("bảo lưu trong thời hạn {:02} năm", TT24_2023.timing.valid_years)));
    assert!(decision.contains("khoản 4 Điều 5"), "{decision}");
    let Some(Block::Table { rows, .. }) = docs[5].blocks.iter().find(|b| matches!(b, Block::Table { .. })) else {
        panic!()
    };
    let listed: Vec<String> = rows.iter().map(|r| r[1].runs[0].text.clone()).collect();
    assert_eq!(listed, ["UBND xã An", "UBND xã Đình Dù"]);
    assert_eq!(rows[1][4].runs[0].text, "Công nhận lại");
    assert_eq!(rows[1][3].runs[0].text, "1");
    assert!(!docs.iter().any(|d| text(d).contains("Phòng Nội vụ huyện") && d.kind == Kind::Decision));
    // Each part alone is the same paper.
    assert_eq!(papers::submission_part(&a, &reg, "request").unwrap(), docs[..1]);
    assert_eq!(papers::submission_part(&a, &reg, "report").unwrap(), docs[1..2]);
    assert_eq!(papers::submission_part(&a, &reg, "decision").unwrap(), docs[4..]);
    assert_eq!(papers::submission_part(&a, &reg, "x"), None);
    // Word and HTML come from the same blocks.
    let bytes = dvht::documents::docx::write(&docs, &papers::title(&a, &reg));
    assert!(bytes.starts_with(b"PK"));
}

#[test]
fn the_year_report_counts_and_a_so_takes_its_phongs_reports_back_in() {
    let a = appraisal();
    let reg = register::build(&a, &env(), None);
    // Last year's register: D renewed now; E expires with 2025 and did not renew.
    let mut known = Recognitions::default();
    known.add([
        Recognition {
            unit: Some("UBND xã Đình Dù".into()),
            kind: Some("ubnd_xa".into()),
            scope: Some(Scope::Huyen),
            level: Some(Level::One),
            form: Some(Form::First),
            year: Some(2021),
            decision_no: Some("9/QĐ-UBND".into()),
            decision_date: Some(date("2022-02-10")),
            ..Recognition::default()
        },
        Recognition {
            unit: Some("UBND xã Lương Tài".into()),
            kind: Some("ubnd_xa".into()),
            level: Some(Level::Two),
            decision_no: Some("10/QĐ-UBND".into()),
            decision_date: Some(date("2022-02-11")),
            ..Recognition::default()
        },
        Recognition {
            unit: Some("UBND xã Mới".into()),
            kind: Some("ubnd_xa".into()),
            level: Some(Level::One),
            decision_no: Some("11/QĐ-UBND".into()),
            decision_date: Some(date("2024-02-11")),
            ..Recognition::default()
        },
    ]);
    let r = report::from_register(&a, &reg, Some(&known));
    let expiring: Vec<_> = r.expiring.iter().map(|x| x.unit.clone().unwrap()).collect();
    assert_eq!(expiring, ["UBND xã Đình Dù", "UBND xã Lương Tài"], "decided in 2022: valid to 31/12/2025");
    let t = report::tally(&TT24_2023, &r);
    assert_eq!((t.recognised, t.refused, t.undecided), (2, 1, 1));
    assert_eq!((t.by_level, t.by_form), ([1, 1], [1, 1, 0]));
    assert_eq!(t.by_kind[0], ("ubnd_xa".to_string(), [1, 1, 0]));
    // The export reads back the same; unknown fields kept.
    let mut r2 = r.clone();
    r2.extra.insert("x_ghi_chu".into(), "giữ".into());
    let bytes = report::write(&r2);
    assert_eq!(report::write(&report::read(bytes.as_bytes()).unwrap()), bytes);
    // A Sở: its own report and two Phòng's.
    let own = YearReport {
        body: Some("Sở Giáo dục và Đào tạo tỉnh Hưng Yên".into()),
        scope: Some(Scope::Tinh),
        year: Some(2025),
        received: Some(3),
        ..YearReport::default()
    };
    let merged = report::merge(own, &[r.clone(), r]);
    assert_eq!((merged.units.len(), merged.received, merged.sources.len()), (8, Some(11), 2));
    assert_eq!(report::tally(&TT24_2023, &merged).recognised, 4);
    // The report as a document: the Circular's date and Hưng Yên's beside it.
    let doc =
        papers::year_report(&TT24_2023, &report::from_register(&a, &reg, Some(&known)), None, Some("Trưởng phòng"))
            .unwrap();
    let t = text(&doc);
    assert!(t.contains("trước ngày 15/03/2026 (khoản 3 Điều 20"), "{t}");
    assert!(t.contains("theo kế hoạch của tỉnh Hưng Yên: trước ngày 30/04/2026"), "{t}");
    assert!(t.contains("Kính gửi: Sở Giáo dục và Đào tạo tỉnh Hưng Yên"), "{t}");
    assert!(t.contains("UBND xã Lương Tài: mức độ 2, Quyết định số 10/QĐ-UBND"), "{t}");
    let doc = papers::year_report(&TT24_2023, &merged, None, None).unwrap();
    assert!(text(&doc).contains("vào cuối năm học (khoản 3 Điều 18"), "{}", text(&doc));
    // Every table as sheets, in one workbook.
    let sheets = papers::tables::report(&TT24_2023, &merged);
    assert_eq!(sheets.len(), 5);
    assert!(dvht::sheets::xlsx::write(&sheets).starts_with(b"PK"));
}

#[test]
fn the_decisions_go_into_the_register_for_next_year() {
    let a = appraisal();
    let reg = register::build(&a, &env(), None);
    let mut known = Recognitions::default();
    assert_eq!(known.add(report::recognitions(&a, &reg)), 2);
    assert_eq!(known.add(report::recognitions(&a, &reg)), 0, "added once");
    let index = known.index();
    let r = known.latest(&index, "ubnd xã an", "ubnd_xa").unwrap();
    assert_eq!((r.level, r.form, r.decision_no.as_deref()), (Some(Level::Two), Some(Form::First), Some("120/QĐ-UBND")));
    let bytes = dvht::appraisal::recognitions::write(&known);
    assert_eq!(dvht::appraisal::recognitions::read(bytes.as_bytes()).unwrap(), known);
    let sheet = papers::tables::recognitions(&TT24_2023, &known);
    assert_eq!(sheet.rows.len(), 3);
}
