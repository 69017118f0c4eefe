//! The member list in words: how a file's columns were understood, each problem of an import
//! named by its row and column, what an import changed, and who a count does not count.

use super::Lang;
use crate::diagnostic::Limit;
use crate::diagnostic::Severity;
use crate::file::DossierFile;
use crate::roster::import::{Applied, Column, ColumnUse, Preview, Problem, ProblemKind};
use crate::roster::{Period, Tally};
use crate::rules::{Input, RuleSet};
use crate::sheets::ReadError;

/// Why a file cannot be read, and what to do.
pub fn read_error(e: &ReadError, lang: Lang) -> String {
    let (vi, en) = match e {
        ReadError::Encoding => (
            "Không đọc được chữ trong tệp: hãy lưu tệp dạng “CSV UTF-8” hoặc “Unicode Text”, hoặc dùng tệp .xlsx.",
            "The file's text cannot be read: save it as “CSV UTF-8” or “Unicode Text”, or use an .xlsx file.",
        ),
        ReadError::Zip(_) | ReadError::Corrupt => (
            "Tệp Excel bị hỏng hoặc chưa lưu xong: hãy mở lại bằng Excel và lưu dạng .xlsx.",
            "The Excel file is damaged or incomplete: open it in Excel and save it as .xlsx.",
        ),
        ReadError::NotAWorkbook => {
            ("Tệp này không phải bảng tính Excel (.xlsx).", "This file is not an Excel workbook (.xlsx).")
        }
        ReadError::OpenDocument => (
            "Tệp bảng tính OpenDocument (.ods): hãy lưu lại dạng .xlsx hoặc .csv.",
            "An OpenDocument spreadsheet (.ods): save it as .xlsx or .csv.",
        ),
        ReadError::OldExcel => (
            "Tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx.",
            "An Excel 97–2003 file (.xls): open it in Excel and save it as .xlsx.",
        ),
        ReadError::NoSheet => ("Bảng tính không có trang tính nào.", "The workbook has no worksheet."),
        ReadError::TooLarge => ("Tệp quá lớn (quá 100.000 dòng).", "The file is too large (over 100,000 rows)."),
    };
    lang.pick(vi.into(), en.into())
}

/// What a column was understood as: "Họ và tên", "bỏ qua".
pub fn column_use(rules: &RuleSet, used: ColumnUse, lang: Lang) -> String {
    let vi = lang.vi();
    let title = |i: Input| rules.title(i).map_or("", |t| if vi { t.name_vi } else { t.name_en });
    let label = |i: Input| {
        let d = rules.input(i);
        if vi {
            d.label_vi
        } else {
            d.label_en
        }
    };
    match used {
        ColumnUse::Ordinal => lang.pick("số thứ tự (bỏ qua)".into(), "row number (ignored)".into()),
        ColumnUse::Name => lang.pick("Họ và tên".into(), "Name".into()),
        ColumnUse::Position => lang.pick("Chức vụ".into(), "Position".into()),
        ColumnUse::Section => lang.pick("Bộ phận".into(), "Section".into()),
        ColumnUse::Mark(i) | ColumnUse::GroupCount(i) => label(i).to_string(),
        ColumnUse::Decision(i) => {
            lang.pick(format!("Số quyết định “{}”", title(i)), format!("Decision, “{}”", title(i)))
        }
        ColumnUse::Period(i) => lang.pick(format!("Năm, năm học “{}”", title(i)), format!("Year, “{}”", title(i))),
        ColumnUse::GroupName => lang.pick("Lớp, nhóm".into(), "Class or group".into()),
        ColumnUse::Ignored => lang.pick("không nhận ra (bỏ qua)".into(), "not recognised (ignored)".into()),
        ColumnUse::Ambiguous => lang.pick("chưa rõ là cột nào (bỏ qua)".into(), "unclear (ignored)".into()),
        ColumnUse::Repeated { first } => lang.pick(
            format!("trùng cột {} (bỏ qua)", crate::sheets::xlsx::column(first)),
            format!("same as column {} (ignored)", crate::sheets::xlsx::column(first)),
        ),
    }
}

/// "Cột C “Ho ten”: Họ và tên".
pub fn column(rules: &RuleSet, c: &Column, lang: Lang) -> String {
    let letter = crate::sheets::xlsx::column(c.index);
    let used = column_use(rules, c.used_as, lang);
    lang.pick(format!("Cột {letter} “{}”: {used}", c.header), format!("Column {letter} “{}”: {used}", c.header))
}

/// Where a problem is: "Trang “Thành viên”, dòng 5, cột C" (the sheet only for workbooks).
fn place(p: &Problem, lang: Lang) -> String {
    let vi = lang.vi();
    let mut parts = Vec::new();
    if !p.sheet.is_empty() {
        parts.push(if vi { format!("Trang “{}”", p.sheet) } else { format!("Sheet “{}”", p.sheet) });
    }
    if p.row > 0 {
        parts.push(if vi { format!("dòng {}", p.row) } else { format!("row {}", p.row) });
    }
    if let Some(c) = p.column {
        let letter = crate::sheets::xlsx::column(c);
        parts.push(if vi { format!("cột {letter}") } else { format!("column {letter}") });
    }
    let mut s = parts.join(", ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

/// A problem in a sentence that names its row and column.
pub fn problem(rules: &RuleSet, p: &Problem, lang: Lang) -> String {
    let letter = |c: usize| crate::sheets::xlsx::column(c);
    let (vi, en) = match &p.kind {
        ProblemKind::Unreadable(e) => return read_error(e, lang),
        ProblemKind::NoHeader => (
            "Không tìm thấy dòng tiêu đề có cột “Họ và tên” (hoặc cột “Lớp, nhóm” và “Số người học”): hãy dùng tệp mẫu.".to_string(),
            "No header row with a “Name” column (or “Class or group” and “Number of learners”): use the template.".to_string(),
        ),
        ProblemKind::AmbiguousColumn { header, could_be } => {
            let vi: Vec<String> = could_be.iter().map(|c| format!("“{}”", column_use(rules, *c, Lang::Vi))).collect();
            let en: Vec<String> = could_be.iter().map(|c| format!("“{}”", column_use(rules, *c, Lang::En))).collect();
            (
                format!("tiêu đề “{header}” có thể là {}: cột này bị bỏ qua; hãy đổi tiêu đề cho rõ.", vi.join(" hoặc ")),
                format!("the header “{header}” could be {}: the column is ignored; make the header clearer.", en.join(" or ")),
            )
        }
        ProblemKind::RepeatedColumn { first } => (
            format!("cùng nội dung với cột {}: cột này bị bỏ qua.", letter(*first)),
            format!("the same as column {}: this column is ignored.", letter(*first)),
        ),
        ProblemKind::EmptyName => (
            "dòng có số liệu nhưng thiếu họ tên: dòng này không được nhập.".into(),
            "a row with data but no name: not imported.".into(),
        ),
        ProblemKind::DuplicateName { name, first_row } => (
            format!("“{name}” đã có ở dòng {first_row}: cả hai dòng đều được nhập; nếu là một người, hãy xóa bớt một dòng."),
            format!("“{name}” is already on row {first_row}: both rows are imported; if they are one person, delete one."),
        ),
        ProblemKind::UnknownValue { found } => (
            format!("không hiểu giá trị “{found}” (ghi x hoặc có nếu đạt, để trống hoặc không nếu chưa đạt): tạm tính là chưa đạt."),
            format!("“{found}” is not understood (write x or yes if met, leave blank or no if not): read as not met."),
        ),
        ProblemKind::BadPeriod { found } => (
            format!("không hiểu năm “{found}” (ghi 2025 hoặc năm học 2024-2025): danh hiệu được giữ, không có năm."),
            format!("the year “{found}” is not understood (write 2025 or 2024-2025): the title is kept without it."),
        ),
        ProblemKind::BadCount { found } => (
            format!("“{found}” không phải số nguyên không âm: dòng này không được nhập."),
            format!("“{found}” is not a whole number ≥ 0: the row is not imported."),
        ),
        ProblemKind::CountAboveTotal { count, total } => (
            format!("{count} lớn hơn số người học của lớp ({total})."),
            format!("{count} is more than the group's learners ({total})."),
        ),
        ProblemKind::MissingCount => (
            "thiếu số người học của lớp, nhóm: dòng này không được nhập.".into(),
            "the group's number of learners is missing: not imported.".into(),
        ),
        ProblemKind::RowTooLong { cells } => (
            format!("có {cells} ô ngoài các cột có tiêu đề: các ô này bị bỏ qua."),
            format!("{cells} cells beyond the last header: ignored."),
        ),
        ProblemKind::TotalRow => ("dòng tổng cộng, không phải một thành viên: bỏ qua.".into(), "a totals row, not a member: skipped.".into()),
        ProblemKind::SheetIgnored => ("không phải danh sách cần nhập: bỏ qua.".into(), "not a list to import: ignored.".into()),
    };
    let at = place(p, lang);
    let text = lang.pick(vi, en);
    if at.is_empty() {
        let mut c = text.chars();
        c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    } else {
        format!("{at}: {text}")
    }
}

/// Problems first by severity (errors, warnings, notes), each as a sentence.
pub fn problems(rules: &RuleSet, list: &[Problem], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for s in [Severity::Error, Severity::Warning, Severity::Note] {
        out.extend(list.iter().filter(|p| p.severity == s).map(|p| problem(rules, p, lang)));
    }
    out
}

/// What an import changed: "Đã thêm 12 và cập nhật 30 thành viên; 3 thành viên giữ nguyên."
pub fn applied(a: &Applied, replaced: bool, lang: Lang) -> String {
    let vi = lang.vi();
    let mut s = if vi {
        format!("Đã thêm {} và cập nhật {} thành viên", a.added, a.updated)
    } else {
        format!("Added {} and updated {} members", a.added, a.updated)
    };
    if a.untouched > 0 {
        s.push_str(&match (vi, replaced) {
            (true, true) => format!("; thay cho {} thành viên trong danh sách cũ", a.untouched),
            (true, false) => format!("; {} thành viên khác giữ nguyên", a.untouched),
            (false, true) => format!("; replacing the {} members of the old list", a.untouched),
            (false, false) => format!("; {} other members unchanged", a.untouched),
        });
    }
    if a.groups_added + a.groups_updated > 0 {
        s.push_str(&if vi {
            format!("; thêm {} và cập nhật {} lớp, nhóm người học", a.groups_added, a.groups_updated)
        } else {
            format!("; added {} and updated {} learner groups", a.groups_added, a.groups_updated)
        });
    }
    s.push('.');
    s
}

/// What a file would import, in a sentence: "Tệp có 40 thành viên (trang “Thành viên”, tiêu đề ở
/// dòng 1) và 12 lớp, nhóm người học; 1 lỗi, 2 cảnh báo."
pub fn preview_summary(p: &Preview, lang: Lang) -> String {
    let vi = lang.vi();
    let mut parts = Vec::new();
    let at = |sheet: &str, row: usize| match (vi, sheet.is_empty()) {
        (true, true) => format!("tiêu đề ở dòng {row}"),
        (true, false) => format!("trang “{sheet}”, tiêu đề ở dòng {row}"),
        (false, true) => format!("headers on row {row}"),
        (false, false) => format!("sheet “{sheet}”, headers on row {row}"),
    };
    if let Some(l) = &p.members {
        let n = super::number(l.members.len() as u64, lang);
        let place = at(&l.sheet, l.header_row);
        parts.push(if vi { format!("{n} thành viên ({place})") } else { format!("{n} members ({place})") });
    }
    if let Some(l) = &p.groups {
        let n = super::number(l.groups.len() as u64, lang);
        let place = at(&l.sheet, l.header_row);
        parts.push(if vi {
            format!("{n} lớp, nhóm người học ({place})")
        } else {
            format!("{n} learner groups ({place})")
        });
    }
    let what = if parts.is_empty() {
        lang.pick("Tệp không có danh sách nào nhập được".into(), "The file holds no list to import".into())
    } else {
        let joined = parts.join(if vi { " và " } else { " and " });
        lang.pick(format!("Tệp có {joined}"), format!("The file has {joined}"))
    };
    let count = |s: Severity| p.problems.iter().filter(|q| q.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let tail = match (vi, errors, warnings) {
        (_, 0, 0) => String::new(),
        (true, e, w) => format!(
            "; {}",
            [(e, "lỗi (dòng không được nhập)"), (w, "cảnh báo")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{n} {w}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (false, e, w) => format!(
            "; {}",
            [(e, "errors (rows not imported)"), (w, "warnings")]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{n} {w}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("{what}{tail}.")
}

/// Why nothing was imported from a file.
pub fn nothing_to_import(lang: Lang) -> String {
    lang.pick(
        "Không có dòng nào nhập được từ tệp này: danh sách giữ nguyên.".into(),
        "No row of this file can be imported: the list is unchanged.".into(),
    )
}

/// An import refused because the dossier would pass a limit of its file (file/limits.rs):
/// which limit, and about how many such members one dossier holds.
pub fn too_large(limit: Limit, rows: usize, capacity: usize, lang: Lang) -> String {
    let n = super::number(rows as u64, lang);
    let cap = super::number(capacity as u64, lang);
    let max = super::number(crate::file::limits::max(limit), lang);
    if limit == Limit::TextChars {
        return lang.pick(format!("Không nhập được: trong tệp có ô dài hơn {max} ký tự, quá giới hạn của một ô trong hồ sơ. Danh sách giữ nguyên."),
            format!("Cannot import: a cell of the file is longer than {max} characters, the limit of one text in a dossier. The list is unchanged."),
        );
    }
    let what = match (lang.vi(), limit) {
        (true, Limit::FileBytes) => format!("{} MB", crate::file::limits::MAX_FILE_BYTES / (1024 * 1024)),
        (true, _) => format!("{max} giá trị"),
        (false, Limit::FileBytes) => format!("{} MB", crate::file::limits::MAX_FILE_BYTES / (1024 * 1024)),
        (false, _) => format!("{max} values"),
    };
    lang.pick(format!("Không nhập được: hồ sơ kèm danh sách {n} thành viên này vượt giới hạn {what} của một tệp hồ sơ; một hồ sơ giữ được khoảng {cap} thành viên như trong tệp. Hãy chỉ giữ các Thành viên của đơn vị (khoản 7 Điều 2) và bỏ các cột không cần, hoặc nhập các số liệu bằng tay. Danh sách giữ nguyên."),
        format!("Cannot import: the dossier with this list of {n} members passes the limit of {what} of a dossier file; one dossier holds about {cap} members like these. Keep only the unit's members (Article 2.7) and drop columns not needed, or type the figures in. The list is unchanged."),
    )
}

/// The names of the members a count does not count, in list order.
pub fn not_counted_names<'f>(list: Option<&Tally>, file: &'f DossierFile, input: Input) -> Vec<&'f str> {
    let (Some(at), Some(r)) = (list.and_then(|t| t.not_counted(input)), file.roster.as_ref()) else {
        return Vec::new();
    };
    at.iter().filter_map(|i| r.members.get(*i)).map(|m| m.name.as_str()).collect()
}

/// "12 thành viên chưa đạt “Công dân học tập”: Nguyễn Văn A, Trần Thị B, … và 7 người khác",
/// naming at most `max`, when the counts come from the list (`list`, its tally:
/// `roster::dossier_tally`) and it records `input`.
pub fn not_counted(
    rules: &RuleSet,
    list: Option<&Tally>,
    file: &DossierFile,
    input: Input,
    max: usize,
    lang: Lang,
) -> Option<String> {
    list?.not_counted(input)?;
    let names = not_counted_names(list, file, input);
    let def = rules.input(input);
    let total = rules.input(Input::Members);
    let n = names.len();
    let shown = names.iter().take(max).copied().collect::<Vec<_>>().join(", ");
    let rest = n.saturating_sub(max);
    Some(if lang.vi() {
        let prefix = format!("{} ", total.short_vi);
        let what = def.short_vi.strip_prefix(prefix.as_str()).unwrap_or(def.short_vi);
        let more = if rest > 0 { format!(" và {rest} người khác") } else { String::new() };
        if n == 0 {
            format!("Mọi thành viên đều {what}")
        } else {
            format!("{n} thành viên chưa {what}: {shown}{more}")
        }
    } else {
        let more = if rest > 0 { format!(" and {rest} others") } else { String::new() };
        if n == 0 {
            format!("Every member is counted among {}", def.short_en)
        } else {
            format!("{n} members not counted among {}: {shown}{more}", def.short_en)
        }
    })
}

/// "Nguyễn Văn A: “Công dân học tập” năm học 2025-2026 không tính cho năm 2025" — a title the
/// list marks but for another year (rules.md §1).
pub fn other_year(rules: &RuleSet, name: &str, input: Input, period: Period, year: i32, lang: Lang) -> String {
    let t = rules.title(input);
    match (lang.vi(), period) {
        (true, Period::SchoolYear { .. }) => format!(
            "{name}: danh hiệu “{}” năm học {period} không tính cho năm đánh giá {year} (chỉ tính danh hiệu năm {year} hoặc năm học kết thúc trong năm {year})",
            t.map_or("", |t| t.name_vi)
        ),
        (true, Period::Year(_)) => format!(
            "{name}: danh hiệu “{}” năm {period} không tính cho năm đánh giá {year}",
            t.map_or("", |t| t.name_vi)
        ),
        (_, _) => format!(
            "{name}: the “{}” title for {period} does not count for the assessed year {year}",
            t.map_or("", |t| t.name_en)
        ),
    }
}

/// Every title of the list that counts for another year, in words.
pub fn other_years(rules: &RuleSet, list: Option<&Tally>, file: &DossierFile, lang: Lang) -> Vec<String> {
    let (Some(t), Some(r), Some(year)) = (list, &file.roster, file.year.and_then(|y| i32::try_from(y).ok())) else {
        return Vec::new();
    };
    t.other_year
        .iter()
        .filter_map(|(at, input, p)| Some(other_year(rules, &r.members.get(*at)?.name, *input, *p, year, lang)))
        .collect()
}
