//! The receiving side's tables as offices exchange them (`sheets`: CSV with BOM, one Excel
//! workbook): the units `dvht summary` counted, the register of intake, the year's report with
//! its counts, and the register of recognitions. Headers in Vietnamese; counts as numbers, so
//! sums work in Excel.

use super::{form_vi, kind_vi, level_vi, outcome_vi, request_vi};
use crate::appraisal::recognitions::Recognitions;
use crate::appraisal::register::Register;
use crate::appraisal::report::{tally, YearReport};
use crate::appraisal::summary::Summary;
use crate::appraisal::AppraisalFile;
use crate::date::Date;
use crate::rules::{RuleSet, Scope};
use crate::sheets::{Cell, Sheet};
use crate::words::date_vi;

fn date(d: Option<Date>) -> Cell {
    d.map_or(Cell::Empty, |d| Cell::text(date_vi(d)))
}

fn text(t: Option<&str>) -> Cell {
    t.map_or(Cell::Empty, Cell::text)
}

fn n(x: usize) -> Cell {
    Cell::from(x as u64)
}

/// The units `dvht summary` counted (`--csv`).
pub fn summary_units(rules: &RuleSet, s: &Summary) -> Sheet {
    let mut sheet = Sheet::new(
        "Đơn vị",
        &[
            "Tệp",
            "Tên đơn vị",
            "Loại đơn vị",
            "Mã loại",
            "Cấp",
            "Năm đánh giá",
            "Mức độ đạt",
            "Đề nghị",
            "Mức độ đề nghị",
        ],
    );
    for u in &s.units {
        sheet.push(vec![
            Cell::text(&u.file),
            Cell::text(&u.name),
            Cell::text(kind_vi(rules, u.kind)),
            Cell::text(u.kind),
            Cell::text(u.scope.name_vi()),
            Cell::from(i64::from(u.year)),
            Cell::text(level_vi(u.level)),
            Cell::text(request_vi(u.request.kind)),
            if u.request.level == 0 { Cell::Empty } else { Cell::from(i64::from(u.request.level)) },
        ]);
    }
    sheet
}

/// The register of intake: one row per dossier received, then the files not taken in.
pub fn intake(file: &AppraisalFile, reg: &Register) -> Vec<Sheet> {
    let mut sheet = Sheet::new(
        "Sổ tiếp nhận",
        &[
            "STT",
            "Tên đơn vị",
            "Loại đơn vị",
            "Tệp",
            "Ngày nhận",
            "Hình thức nhận",
            "Đúng hạn",
            "Đủ hồ sơ",
            "Mức độ tự đánh giá",
            "Đề nghị",
            "Mức độ đề nghị",
            "Quyết định trước",
            "Thay cho",
            "Mức độ theo thẩm định",
            "Kết luận",
            "Vấn đề",
        ],
    );
    for (i, e) in reg.entries.iter().enumerate() {
        let previous = e.previous.as_ref().map(|p| {
            format!(
                "Mức độ {} — QĐ số {} ngày {}",
                p.level.map_or(0, |l| l.number()),
                p.decision_no.as_deref().unwrap_or("…"),
                p.decision_date.map_or_else(|| "…".into(), date_vi)
            )
        });
        let problems: Vec<String> = e.problems.iter().chain(&e.diagnostics).map(|d| d.text(crate::Lang::Vi)).collect();
        sheet.push(vec![
            n(i + 1),
            Cell::text(&e.name),
            text(e.kind.map(|k| k.name_vi)),
            Cell::text(&e.file),
            date(e.received),
            text(e.channel.map(super::channel_vi)),
            text(e.on_time.map(|t| if t { "Có" } else { "Không" })),
            Cell::text(if e.complete { "Có" } else { "Không" }),
            if e.valid() { Cell::text(level_vi(e.level())) } else { Cell::text("Hồ sơ không hợp lệ") },
            text(e.request.map(|r| request_vi(r.kind))),
            e.request.filter(|r| r.level > 0).map_or(Cell::Empty, |r| Cell::from(i64::from(r.level))),
            text(previous.as_deref()),
            text(e.replaces.and_then(|p| file.dossiers.get(p)).and_then(|d| d.file.as_deref())),
            e.council_level().map_or(Cell::Empty, |l| Cell::text(level_vi(l))),
            Cell::text(outcome_vi(e)),
            Cell::text(problems.join("\n")),
        ]);
    }
    let mut rejected = Sheet::new("Tệp không tiếp nhận", &["STT", "Tệp", "Ngày nhận", "Lý do"]);
    for (i, r) in reg.rejected.iter().enumerate() {
        rejected.push(vec![
            n(i + 1),
            Cell::text(&r.file),
            date(file.rejected.get(r.index).and_then(|x| x.received)),
            Cell::text(r.diagnostic.text(crate::Lang::Vi)),
        ]);
    }
    vec![sheet, rejected]
}

/// The year's report as tables: counts by kind and level, by form, the units, the refusals
/// with their reasons, the recognitions expiring.
pub fn report(rules: &RuleSet, r: &YearReport) -> Vec<Sheet> {
    let t = tally(rules, r);
    let mut counts = Sheet::new(
        "Theo loại đơn vị",
        &["Loại đơn vị", "Mã loại", "Công nhận mức độ 1", "Công nhận mức độ 2", "Không công nhận"],
    );
    for (kind, c) in &t.by_kind {
        counts.push(vec![Cell::text(kind_vi(rules, kind)), Cell::text(kind), n(c[0]), n(c[1]), n(c[2])]);
    }
    counts.push(vec![Cell::text("Tổng cộng"), Cell::Empty, n(t.by_level[0]), n(t.by_level[1]), n(t.refused)]);
    let mut summary = Sheet::new("Tổng hợp", &["Nội dung", "Số lượng"]);
    for (label, value) in [
        ("Hồ sơ đã nhận", r.received.map(|x| x as usize)),
        ("Hồ sơ nộp đúng hạn", r.on_time.map(|x| x as usize)),
        ("Đơn vị được công nhận", Some(t.recognised)),
        ("— mức độ 1", Some(t.by_level[0])),
        ("— mức độ 2", Some(t.by_level[1])),
        ("— công nhận lần đầu", Some(t.by_form[0])),
        ("— công nhận lại", Some(t.by_form[1])),
        ("— công nhận nâng mức độ", Some(t.by_form[2])),
        ("Đơn vị không được công nhận", Some(t.refused)),
        ("Chưa có kết luận", Some(t.undecided)),
        ("Công nhận hết thời hạn trong năm", Some(r.expiring.len())),
    ] {
        summary.push(vec![Cell::text(label), value.map_or(Cell::Empty, n)]);
    }
    let mut units = Sheet::new(
        "Danh sách đơn vị",
        &[
            "STT",
            "Tên đơn vị",
            "Loại đơn vị",
            "Cấp",
            "Kết quả",
            "Mức độ",
            "Hình thức",
            "Số quyết định",
            "Ngày quyết định",
        ],
    );
    let mut refused =
        Sheet::new("Không công nhận", &["STT", "Tên đơn vị", "Loại đơn vị", "Chỉ tiêu không đạt", "Lý do"]);
    for u in &r.units {
        let kind = u.kind.as_deref().map(|k| kind_vi(rules, k));
        units.push(vec![
            n(units.rows.len()),
            text(u.name.as_deref()),
            text(kind.as_deref()),
            text(u.scope.map(Scope::name_vi)),
            Cell::text(super::report_outcome_vi(u.outcome)),
            u.level.map_or(Cell::Empty, |l| Cell::from(i64::from(l.number()))),
            text(u.form.map(form_vi)),
            text(u.decision_no.as_deref()),
            date(u.decision_date),
        ]);
        if u.outcome == Some(crate::appraisal::Outcome::Refuse) {
            let ids: Vec<&str> = u.reasons.iter().filter_map(|x| x.indicator.as_deref()).collect();
            let notes: Vec<String> = u
                .reasons
                .iter()
                .filter_map(|x| match (&x.indicator, &x.note) {
                    (Some(i), Some(note)) => Some(format!("{i}: {note}")),
                    (None, Some(note)) => Some(note.clone()),
                    _ => None,
                })
                .chain(u.note.clone())
                .collect();
            refused.push(vec![
                n(refused.rows.len()),
                text(u.name.as_deref()),
                text(kind.as_deref()),
                Cell::text(ids.join(", ")),
                Cell::text(notes.join("\n")),
            ]);
        }
    }
    let mut sheets = vec![summary, counts, units, refused];
    sheets.push(recognitions_sheet(rules, "Hết thời hạn trong năm", &r.expiring));
    sheets
}

/// The register of recognitions as a table.
pub fn recognitions(rules: &RuleSet, reg: &Recognitions) -> Sheet {
    recognitions_sheet(rules, "Sổ theo dõi công nhận", &reg.entries)
}

fn recognitions_sheet(rules: &RuleSet, name: &str, list: &[crate::appraisal::recognitions::Recognition]) -> Sheet {
    let mut sheet = Sheet::new(
        name,
        &[
            "STT",
            "Tên đơn vị",
            "Loại đơn vị",
            "Cấp",
            "Mức độ",
            "Hình thức",
            "Năm đánh giá",
            "Số quyết định",
            "Ngày quyết định",
            "Cơ quan trình",
        ],
    );
    for (i, r) in list.iter().enumerate() {
        let kind = r.kind.as_deref().map(|k| kind_vi(rules, k));
        sheet.push(vec![
            n(i + 1),
            text(r.unit.as_deref()),
            text(kind.as_deref()),
            text(r.scope.map(Scope::name_vi)),
            r.level.map_or(Cell::Empty, |l| Cell::from(i64::from(l.number()))),
            text(r.form.map(form_vi)),
            r.year.map_or(Cell::Empty, Cell::from),
            text(r.decision_no.as_deref()),
            date(r.decision_date),
            text(r.body.as_deref()),
        ]);
    }
    sheet
}
