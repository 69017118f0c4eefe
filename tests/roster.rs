//! The member list (issue 14), from real-looking files: the same 20 members and 3 classes
//! written by openpyxl, by LibreOffice Calc and as CSV in three encodings with headers in
//! three spellings (tests/fixtures/roster/make.py), a file of bad rows, and 2,000 members.
//! The counts below are worked out by hand from the list in make.py, for assessed year 2025:
//!
//! | count | who | value |
//! |---|---|---|
//! | members | 20 people | 20 |
//! | discipline | all but Kiều Thị Tâm | 19 (95%: level 2's boundary) |
//! | training | all but Châu Văn Sơn and Kiều Thị Tâm | 18 (90%: level 1's boundary) |
//! | digital | all | 20 |
//! | certificate | the first 10 | 10 (50%: level 1's boundary for 2.4) |
//! | proficiency | the first 14 | 14 (70%: level 2's boundary for 2.4) |
//! | Lao động tiên tiến | 19 marked; Lương Thị Rạng's is for 2023-2024 | 18 (90%) |
//! | Công dân học tập | 19 marked; Lương Thị Rạng's is for 2025-2026 | 18 (90%) |
//! | learners | 42 + 40 + 38 | 120 |
//! | learners, Công dân học tập | 41 + 38 + 36 | 115 (95.8%: level 1 yes, level 2's 97% no) |

mod common;

use dvht::diagnostic::Severity;
use dvht::engine::assessment::Gap;
use dvht::file::{DossierFile, Value, WriteOptions};
use dvht::roster::import::{self, ColumnUse, Mode, ProblemKind};
use dvht::roster::{self, Roster};
use dvht::rules::{current, Input};
use dvht::words::roster as words;
use dvht::{Env, Lang};

const UTF8: &[u8] = include_bytes!("fixtures/roster/members-utf8.csv");
const UTF8_BOM: &[u8] = include_bytes!("fixtures/roster/members-utf8-bom.csv");
const UTF16: &[u8] = include_bytes!("fixtures/roster/members-utf16le.txt");
const OPENPYXL: &[u8] = include_bytes!("fixtures/roster/openpyxl.xlsx");
const LIBREOFFICE: &[u8] = include_bytes!("fixtures/roster/libreoffice.xlsx");
const BAD: &[u8] = include_bytes!("fixtures/roster/bad-rows.csv");
const LARGE: &[u8] = include_bytes!("fixtures/roster/large-2000.xlsx");

const HAND: [(Input, u64); 8] = [
    (Input::Members, 20),
    (Input::MembersDiscipline, 19),
    (Input::MembersTrainingCompleted, 18),
    (Input::MembersDigital, 20),
    (Input::MembersLanguageCertificate, 10),
    (Input::MembersLanguageProficiency, 14),
    (Input::MembersAdvancedWorker, 18),
    (Input::MembersLearningCitizen, 18),
];

fn imported(bytes: &[u8]) -> Roster {
    let p = import::preview_bytes(current(), bytes);
    assert_eq!(p.count(Severity::Error), 0, "{:?}", p.problems);
    let mut r = Roster::default();
    import::apply(&mut r, &p, Mode::Replace);
    r
}

/// A THPT (which has learners) that meets everything, its counts to come from `roster`.
fn school(roster: Option<Roster>) -> DossierFile {
    let mut f = common::full("thpt");
    f.year = Some(2025);
    if let Some(r) = roster {
        f.roster = Some(r);
        roster::use_list(&mut f, true);
    }
    f
}

#[test]
fn every_file_gives_the_counts_worked_out_by_hand() {
    let rules = current();
    for (name, bytes) in [
        ("utf8", UTF8),
        ("utf8 bom", UTF8_BOM),
        ("utf16le", UTF16),
        ("openpyxl", OPENPYXL),
        ("libreoffice", LIBREOFFICE),
    ] {
        let r = imported(bytes);
        assert_eq!(r.members.len(), 20, "{name}");
        assert_eq!(r.columns, roster::member_columns(rules), "{name}: every column recognised");
        let t = roster::tally(rules, &r, Some(2025));
        for (input, n) in HAND {
            assert_eq!(t.values.count(input), Some(n), "{name}: {input:?}");
        }
        assert_eq!(r.members[2].name, "Lê Văn Cường", "{name}");
        assert_eq!(r.members[2].section.as_deref(), Some("Tổ Toán"), "{name}");
        assert_eq!(r.members[19].position.as_deref(), Some("Nhân viên"), "{name}");
        let award = r.members[17].award(Input::MembersAdvancedWorker).unwrap();
        assert_eq!(award.decision.as_deref(), Some("12/QĐ-SGDĐT"), "{name}");
        assert_eq!(award.period, Some(roster::Period::SchoolYear { end: 2024 }), "{name}");
        assert_eq!(
            t.other_year.iter().map(|(at, i, _)| (*at, *i)).collect::<Vec<_>>(),
            [(17, Input::MembersAdvancedWorker), (17, Input::MembersLearningCitizen)],
            "{name}"
        );
    }
}

#[test]
fn a_workbook_with_title_rows_a_totals_row_and_a_sheet_of_classes() {
    let p = import::preview_bytes(current(), OPENPYXL);
    let m = p.members.as_ref().unwrap();
    assert_eq!(m.sheet, "DS can bo");
    assert_eq!(m.header_row, 4, "the titles above the header are skipped");
    assert_eq!(m.members[0].0, 5, "rows are numbered as the spreadsheet shows them");
    let uses: Vec<ColumnUse> = m.columns.iter().map(|c| c.used_as).collect();
    assert_eq!(uses[1], ColumnUse::Name);
    assert_eq!(uses[10], ColumnUse::Decision(Input::MembersAdvancedWorker));
    assert_eq!(uses[14], ColumnUse::Ignored, "Ghi chú");
    let total = p.problems.iter().find(|q| q.kind == ProblemKind::TotalRow).unwrap();
    assert_eq!((total.row, total.severity), (25, Severity::Note));
    let g = p.groups.as_ref().unwrap();
    assert_eq!(g.sheet, "Lop");
    let t = roster::tally(current(), &imported(OPENPYXL), Some(2025));
    assert_eq!(t.values.count(Input::Learners), Some(120));
    assert_eq!(t.values.count(Input::LearnersLearningCitizen), Some(115));
}

#[test]
fn bad_rows_are_named_by_row_and_column() {
    let rules = current();
    let p = import::preview_bytes(rules, BAD);
    let found: Vec<(Severity, usize, Option<usize>, &ProblemKind)> =
        p.problems.iter().map(|q| (q.severity, q.row, q.column, &q.kind)).collect();
    assert_eq!(
        found,
        [
            (Severity::Warning, 3, Some(5), &ProblemKind::UnknownValue { found: "có lẽ".into() }),
            (Severity::Error, 4, Some(1), &ProblemKind::EmptyName),
            (Severity::Warning, 5, Some(1), &ProblemKind::DuplicateName { name: "nguyễn văn an".into(), first_row: 2 }),
            (Severity::Warning, 6, Some(15), &ProblemKind::RowTooLong { cells: 1 }),
            (Severity::Warning, 6, Some(11), &ProblemKind::BadPeriod { found: "15/01/2025".into() }),
        ]
    );
    let m = &p.members.as_ref().unwrap().members;
    assert_eq!(m.len(), 4, "the row without a name is not imported; the others are");
    assert!(!m[1].1.yes.get(Input::MembersTrainingCompleted), "an unknown value reads as no");
    let lines = words::problems(rules, &p.problems, Lang::Vi);
    assert_eq!(lines[0], "Dòng 4, cột B: dòng có số liệu nhưng thiếu họ tên: dòng này không được nhập.");
    assert!(lines.contains(
        &"Dòng 3, cột F: không hiểu giá trị “có lẽ” (ghi x hoặc có nếu đạt, để trống hoặc không nếu chưa đạt): tạm tính là chưa đạt."
            .to_string()
    ));
    assert!(lines.iter().any(|l| l.starts_with("Dòng 5, cột B: “nguyễn văn an” đã có ở dòng 2")));
    for l in words::problems(rules, &p.problems, Lang::En) {
        assert!(l.starts_with("Row "), "{l}");
    }
}

#[test]
fn files_that_are_not_lists_say_why() {
    let rules = current();
    let text = |bytes: &[u8]| words::problems(rules, &import::preview_bytes(rules, bytes).problems, Lang::Vi);
    assert!(text(b"\xD0\xCF\x11\xE0 old excel")[0].contains(".xls"));
    assert!(text(b"T\xEAn,x\n")[0].contains("CSV UTF-8"));
    assert!(text(b"a,b\n1,2\n")[0].contains("Không tìm thấy dòng tiêu đề"));
    let word = dvht::zip::store(&[("word/document.xml", b"<w/>".to_vec())]);
    assert!(text(&word)[0].contains("không phải bảng tính"));
    // Any bytes: a preview, never a panic.
    for cut in (0..OPENPYXL.len()).step_by(97) {
        let _ = import::preview_bytes(rules, &OPENPYXL[..cut]);
    }
}

#[test]
fn the_result_is_the_same_typed_or_computed() {
    let env = Env::new(common::date("2025-12-01"));
    let list = imported(OPENPYXL);
    let mut typed = school(None);
    for (input, n) in HAND.into_iter().chain([(Input::Learners, 120), (Input::LearnersLearningCitizen, 115)]) {
        typed.values.set(input, Some(Value::Count(n)));
    }
    let mut computed = school(Some(list));
    // What was typed before stays, to go back to.
    computed.values.set(Input::Members, Some(Value::Count(999)));
    let a = dvht::assess(&typed, &env);
    let b = dvht::assess(&computed, &env);
    assert_eq!(a.evaluation, b.evaluation);
    assert_eq!(a.indicators, b.indicators);
    assert_eq!(a.next, b.next);
    assert_eq!(dvht::write(&typed), dvht::write(&computed), "the exported file: the same counts, no names");
    let docs = |f: &DossierFile, a| dvht::documents::html::fragment(&dvht::documents::build(f, a).unwrap());
    assert_eq!(docs(&typed, &a), docs(&computed, &b), "the documents state the same figures");
    // Level 1 is met at its boundaries (90%, 95% learners); level 2 is not.
    assert_eq!(b.evaluation.as_ref().unwrap().level, 1);
    // Going back to the typed counts loses neither.
    roster::use_list(&mut computed, false);
    assert_eq!(
        dvht::assess(&computed, &env).indicator("2.1").unwrap().ratio(Input::MembersDiscipline).map(|r| match r {
            dvht::engine::assessment::Requirement::Ratio { observed, .. } => *observed,
            _ => (None, None),
        }),
        Some((Some(200), Some(999))),
        "the typed 200 (of common::full) and 999 come back"
    );
    assert_eq!(computed.roster.as_ref().unwrap().members.len(), 20);
}

#[test]
fn a_shortfall_names_who_is_missing() {
    let env = Env::new(common::date("2025-12-01"));
    let f = school(Some(imported(OPENPYXL)));
    let a = dvht::assess(&f, &env);
    let (level, gaps) = a.next.clone().unwrap();
    assert_eq!(level, dvht::Level::Two);
    let people: Vec<(&str, Input, u64)> = gaps
        .iter()
        .filter_map(|g| match g {
            Gap::People { id, input, more } => Some((*id, *input, *more)),
            _ => None,
        })
        .collect();
    // Level 2: 95% of 20 is 19 members, 97% of 120 is 116.4, so 117 learners.
    assert_eq!(
        people,
        [
            ("2.2", Input::MembersTrainingCompleted, 1),
            ("2.5", Input::MembersAdvancedWorker, 1),
            ("3.1", Input::MembersLearningCitizen, 1),
            ("3.1", Input::LearnersLearningCitizen, 2),
        ]
    );
    assert_eq!(
        words::not_counted_names(a.list.as_ref(), &f, Input::MembersLearningCitizen),
        ["Lương Thị Rạng", "Kiều Thị Tâm"]
    );
    assert_eq!(
        words::not_counted(a.rules, a.list.as_ref(), &f, Input::MembersLearningCitizen, 10, Lang::Vi).unwrap(),
        "2 thành viên chưa đạt “Công dân học tập”: Lương Thị Rạng, Kiều Thị Tâm"
    );
    assert_eq!(
        words::not_counted(a.rules, a.list.as_ref(), &f, Input::MembersTrainingCompleted, 1, Lang::Vi).unwrap(),
        "2 thành viên chưa hoàn thành chương trình học tập, bồi dưỡng: Châu Văn Sơn và 1 người khác"
    );
    assert_eq!(a.not_counted(Input::LearnersLearningCitizen), None, "learners are counted by class, not by name");
    let notes = words::other_years(a.rules, a.list.as_ref(), &f, Lang::Vi);
    assert_eq!(notes.len(), 2);
    assert!(notes[1]
        .contains("Lương Thị Rạng: danh hiệu “Công dân học tập” năm học 2025-2026 không tính cho năm đánh giá 2025"));
    // Typed counts name no one.
    assert_eq!(dvht::assess(&school(None), &env).not_counted(Input::MembersLearningCitizen), None);
}

#[test]
fn one_member_more_or_less_at_the_boundaries() {
    let rules = current();
    let env = Env::new(common::date("2025-12-01"));
    let mut r = imported(UTF8);
    // Kiều Thị Tâm now keeps discipline too: 20/20. Then Châu Văn Sơn does not: 19/20 = 95%.
    r.members[19].yes.set(Input::MembersDiscipline, true);
    r.members[18].yes.set(Input::MembersDiscipline, false);
    let status = |r: &Roster, id: &str| {
        let a = dvht::assess(&school(Some(r.clone())), &env);
        a.indicator(id).unwrap().status
    };
    use dvht::Status::{Fail, Pass};
    assert_eq!(status(&r, "2.1"), [Some(Pass), Some(Pass)], "19/20 = 95% meets both levels");
    r.members[17].yes.set(Input::MembersDiscipline, false);
    assert_eq!(status(&r, "2.1"), [Some(Pass), Some(Fail)], "18/20 = 90%: level 1 only");
    r.members[16].yes.set(Input::MembersDiscipline, false);
    assert_eq!(status(&r, "2.1"), [Some(Fail), Some(Fail)], "17/20 = 85%");
    // A title for the wrong year moves a count across the boundary: Lê Văn Cường's 2023.
    let mut r = imported(UTF8);
    r.members[2].award_mut(Input::MembersAdvancedWorker).period = Some(roster::Period::Year(2023));
    assert_eq!(roster::tally(rules, &r, Some(2025)).values.count(Input::MembersAdvancedWorker), Some(17));
    assert_eq!(status(&r, "2.5")[0], Some(Fail), "17/20 = 85% < 90%");
}

#[test]
fn names_stay_on_the_device() {
    let env = Env::new(common::date("2025-12-01"));
    let f = school(Some(imported(OPENPYXL)));
    let name = "Lương Thị Rạng";
    assert!(!dvht::write(&f).contains(name), "the exported file carries the counts, not the list");
    assert!(dvht::write(&f).contains("\"members\": 20"));
    let with = dvht::file::write_with(&f, WriteOptions { roster: true });
    assert!(with.contains(name));
    // The list re-opens exactly, with the typed counts kept beside the list's.
    let back = dvht::read(with.as_bytes()).unwrap();
    assert_eq!(back.roster, f.roster);
    assert_eq!(back.values, f.values);
    assert_eq!(dvht::file::write_with(&back, WriteOptions { roster: true }), with);
    // Without the list, the counts still read back as the dossier's.
    let plain = dvht::read(dvht::write(&f).as_bytes()).unwrap();
    assert_eq!(plain.roster, None);
    assert_eq!(plain.values.count(Input::MembersLearningCitizen), Some(18));
    // The app's drafts keep everything.
    let mut d = dvht::file::draft::Draft::new("d", f.clone());
    d.saved = Some("2025-12-01T08:00:00Z".into());
    assert_eq!(dvht::file::draft::decode(&dvht::file::draft::encode(&d)).unwrap(), d);
    // The published report names no one, even with the annex.
    let a = dvht::assess(&f, &env);
    let mut docs = dvht::documents::build(&f, &a).unwrap();
    docs.extend(dvht::documents::roster_annex(&f, &a));
    assert!(dvht::documents::html::fragment(&docs).contains(name), "printed on request");
    let html = dvht::documents::html::standalone(&docs, Some(&f), "x");
    assert!(!html.contains(name), "never published");
}

#[test]
fn merge_by_name_or_replace() {
    let rules = current();
    let mut r = imported(UTF8);
    r.members[0].position = Some("Bí thư".into());
    let extra = roster::Member::named("Người Mới Vào");
    r.members.push(extra);
    // A file of two rows, without a position column, in another spelling.
    let update = "Họ tên,Lao động tiên tiến\nNGUYỄN VĂN AN,không\nPhan Văn Út,x\n";
    let p = import::preview_bytes(rules, update.as_bytes());
    let mut merged = r.clone();
    let done = import::apply(&mut merged, &p, Mode::Merge);
    assert_eq!((done.added, done.updated, done.untouched), (1, 1, 20));
    assert_eq!(merged.members.len(), 22);
    assert!(!merged.members[0].yes.get(Input::MembersAdvancedWorker), "updated by name, any case");
    assert!(merged.members[0].yes.get(Input::MembersDiscipline), "columns the file lacks stay");
    assert_eq!(merged.members[0].position.as_deref(), Some("Bí thư"));
    assert_eq!(merged.members[20].name, "Người Mới Vào", "nothing entered is lost");
    assert_eq!(
        words::applied(&done, false, Lang::Vi),
        "Đã thêm 1 và cập nhật 1 thành viên; 20 thành viên khác giữ nguyên."
    );
    let mut replaced = r.clone();
    let done = import::apply(&mut replaced, &p, Mode::Replace);
    assert_eq!((done.added, done.untouched), (2, 21));
    assert_eq!(replaced.members.len(), 2);
    assert_eq!(replaced.columns, [Input::MembersAdvancedWorker], "only what the file records");
    // A preview changes nothing.
    let before = r.clone();
    let _ = import::preview_bytes(rules, update.as_bytes());
    assert_eq!(r, before);
}

#[test]
fn export_and_template_import_back() {
    let rules = current();
    let r = imported(OPENPYXL);
    let back = imported(&roster::table::export_xlsx(rules, &r));
    assert_eq!(back, r, "xlsx");
    let csv = imported(&roster::table::export_csv(rules, &r));
    assert_eq!(csv.members, r.members, "csv");
    let groups = import::preview_bytes(rules, &roster::table::export_groups_csv(rules, &r));
    assert_eq!(groups.groups.unwrap().groups.len(), 3);
    // The template: every column understood, no rows, the help sheet ignored.
    let p = import::preview_bytes(rules, &roster::table::template_xlsx(rules));
    let m = p.members.as_ref().unwrap();
    assert!(m.columns.iter().all(|c| !matches!(c.used_as, ColumnUse::Ignored | ColumnUse::Ambiguous)));
    assert!(m.members.is_empty() && p.groups.as_ref().unwrap().groups.is_empty());
    assert!(p.is_empty());
    assert_eq!(p.count(Severity::Error), 0);
    let sheets = dvht::sheets::read(&roster::table::template_xlsx(rules)).unwrap();
    let help: Vec<String> = sheets[2].rows.iter().map(|r| r[0].as_text()).collect();
    assert!(help[1].contains(rules.input(Input::Members).help_vi), "who counts, in Điều 2.5–2.7's words");
    let csv = String::from_utf8(roster::table::template_csv(rules)).unwrap();
    assert!(csv.starts_with("\u{feff}STT,Họ và tên,Chức vụ,Bộ phận,Tuân thủ kỷ luật lao động,"));
}

#[test]
fn two_thousand_members() {
    let rules = current();
    let started = std::time::Instant::now();
    let r = imported(LARGE);
    let elapsed = started.elapsed();
    assert_eq!(r.members.len(), 2000);
    let t = roster::tally(rules, &r, Some(2025));
    assert_eq!(t.values.count(Input::Members), Some(2000));
    assert_eq!(t.values.count(Input::MembersAdvancedWorker), Some(2000));
    let n = t.values.count(Input::MembersLearningCitizen).unwrap();
    assert_eq!(t.not_counted(Input::MembersLearningCitizen).unwrap().len() as u64, 2000 - n);
    // Unoptimised, on a shared machine: generous; `cargo bench --bench roster` measures it.
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
}
