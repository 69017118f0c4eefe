//! The member list as a spreadsheet: the columns a template has, the template itself and
//! the export (as `.xlsx` and `.csv`), every header made from the rules table, so that a
//! new rule set brings its own columns and what is exported imports back as it was.

use super::import::ColumnUse;
use super::{group_columns, member_columns, Roster};
use crate::rules::{Input, RuleSet};
use crate::sheets::{self, Cell, Sheet};

/// "thành viên đạt “Lao động tiên tiến”" without the total's own words, capitalised:
/// "Đạt “Lao động tiên tiến”".
fn column_title(rules: &RuleSet, input: Input, total: Input) -> String {
    let short = rules.input(input).short_vi;
    let prefix = format!("{} ", rules.input(total).short_vi);
    let rest = short.strip_prefix(prefix.as_str()).unwrap_or(short);
    let mut chars = rest.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The header of a column, as the template and the export write it.
pub fn header(rules: &RuleSet, column: ColumnUse) -> String {
    let title = |i: Input| rules.title(i).map_or(String::new(), |t| format!("“{}”", t.name_vi));
    match column {
        ColumnUse::Ordinal => "STT".into(),
        ColumnUse::Name => "Họ và tên".into(),
        ColumnUse::Position => "Chức vụ".into(),
        ColumnUse::Section => "Bộ phận".into(),
        ColumnUse::Mark(i) => column_title(rules, i, Input::Members),
        ColumnUse::Decision(i) => format!("Số quyết định {}", title(i)),
        ColumnUse::Period(i) => format!("Năm, năm học {}", title(i)),
        ColumnUse::GroupName => "Lớp, nhóm".into(),
        ColumnUse::GroupCount(Input::Learners) => format!("Số {}", rules.input(Input::Learners).short_vi),
        ColumnUse::GroupCount(i) => column_title(rules, i, Input::Learners),
        ColumnUse::Ignored | ColumnUse::Ambiguous | ColumnUse::Repeated { .. } => String::new(),
    }
}

/// The columns of the member sheet, in order: the person, then each member count of the
/// table, a title's decision and year right after its mark.
pub fn member_layout(rules: &RuleSet) -> Vec<ColumnUse> {
    let mut out = vec![ColumnUse::Ordinal, ColumnUse::Name, ColumnUse::Position, ColumnUse::Section];
    for input in member_columns(rules) {
        out.push(ColumnUse::Mark(input));
        if rules.title(input).is_some() {
            out.push(ColumnUse::Decision(input));
            out.push(ColumnUse::Period(input));
        }
    }
    out
}

/// The columns of the learner sheet, in order.
pub fn group_layout(rules: &RuleSet) -> Vec<ColumnUse> {
    let mut out = vec![ColumnUse::Ordinal, ColumnUse::GroupName, ColumnUse::GroupCount(Input::Learners)];
    out.extend(group_columns(rules).into_iter().map(ColumnUse::GroupCount));
    out
}

pub const MEMBER_SHEET: &str = "Thành viên";
pub const GROUP_SHEET: &str = "Người học";
const HELP_SHEET: &str = "Hướng dẫn";

fn sheet(rules: &RuleSet, name: &str, layout: &[ColumnUse]) -> Sheet {
    let headers: Vec<String> = layout.iter().map(|c| header(rules, *c)).collect();
    Sheet { name: name.into(), rows: vec![headers.into_iter().map(Cell::Text).collect()] }
}

/// How to fill the template: who counts as a member (the member count's own help, Điều
/// 2.5–2.7), what to type, and how titles are counted.
fn help(rules: &RuleSet) -> Sheet {
    let mut s = Sheet::new(HELP_SHEET, &["Hướng dẫn"]);
    let mut line = |t: String| s.push(vec![Cell::Text(t)]);
    line(format!(
        "Sheet “{MEMBER_SHEET}”: mỗi dòng một Thành viên của đơn vị. {}",
        rules.input(Input::Members).help_vi
    ));
    line(
        "Ở mỗi cột chỉ tiêu, ghi x (hoặc có, đạt, 1) nếu Thành viên đạt; để trống (hoặc không, 0) nếu chưa đạt.".into(),
    );
    for t in rules.titles {
        line(format!(
            "“{}”: ghi số quyết định và năm (hoặc năm học, ví dụ 2024-2025) được công nhận. Danh hiệu chỉ được tính cho năm đánh giá khi được công nhận cho năm đó hoặc cho năm học kết thúc trong năm đó. Cơ quan công nhận: {}.",
            t.name_vi, t.awarded_by_vi
        ));
    }
    line(format!(
        "Sheet “{GROUP_SHEET}” (chỉ với cơ sở giáo dục có Người học): mỗi dòng một lớp hoặc nhóm, với số {} và số đạt từng chỉ tiêu. {}",
        rules.input(Input::Learners).short_vi,
        rules.input(Input::Learners).help_vi
    ));
    line("Có thể thêm cột khác (ghi chú, ngày sinh…): khi nhập, các cột không nhận ra được bỏ qua.".into());
    s
}

/// The template: a member sheet, a learner sheet and how to fill them, from the rules table.
pub fn template(rules: &RuleSet) -> Vec<Sheet> {
    vec![
        sheet(rules, MEMBER_SHEET, &member_layout(rules)),
        sheet(rules, GROUP_SHEET, &group_layout(rules)),
        help(rules),
    ]
}

pub fn template_xlsx(rules: &RuleSet) -> Vec<u8> {
    sheets::xlsx::write(&template(rules))
}

/// The member sheet of the template as CSV (a CSV file holds one table).
pub fn template_csv(rules: &RuleSet) -> Vec<u8> {
    sheets::csv::write(&sheet(rules, MEMBER_SHEET, &member_layout(rules)))
}

/// The learner sheet of the template as CSV.
pub fn template_groups_csv(rules: &RuleSet) -> Vec<u8> {
    sheets::csv::write(&sheet(rules, GROUP_SHEET, &group_layout(rules)))
}

/// The members as a sheet, one row each, in the template's columns.
pub fn member_sheet(rules: &RuleSet, roster: &Roster) -> Sheet {
    let layout = member_layout(rules);
    let mut s = sheet(rules, MEMBER_SHEET, &layout);
    for (n, m) in roster.members.iter().enumerate() {
        let row = layout
            .iter()
            .map(|c| match *c {
                ColumnUse::Ordinal => Cell::from(n as u64 + 1),
                ColumnUse::Name => Cell::text(m.name.as_str()),
                ColumnUse::Position => m.position.clone().map_or(Cell::Empty, Cell::Text),
                ColumnUse::Section => m.section.clone().map_or(Cell::Empty, Cell::Text),
                // A column the list does not record stays empty, and so unrecorded on import.
                ColumnUse::Mark(i) if roster.columns.contains(&i) && m.yes.get(i) => Cell::text("x"),
                ColumnUse::Decision(i) => m.award(i).and_then(|a| a.decision.clone()).map_or(Cell::Empty, Cell::Text),
                ColumnUse::Period(i) => m.award(i).and_then(|a| a.period).map_or(Cell::Empty, |p| match p {
                    super::Period::Year(y) => Cell::Number(i64::from(y)),
                    p => Cell::Text(p.to_string()),
                }),
                _ => Cell::Empty,
            })
            .collect();
        s.push(row);
    }
    s
}

/// The learner groups as a sheet.
pub fn group_sheet(rules: &RuleSet, roster: &Roster) -> Sheet {
    let layout = group_layout(rules);
    let mut s = sheet(rules, GROUP_SHEET, &layout);
    for (n, g) in roster.groups.iter().enumerate() {
        let row = layout
            .iter()
            .map(|c| match *c {
                ColumnUse::Ordinal => Cell::from(n as u64 + 1),
                ColumnUse::GroupName => Cell::text(g.name.as_str()),
                ColumnUse::GroupCount(i) => g.count(i).map_or(Cell::Empty, Cell::from),
                _ => Cell::Empty,
            })
            .collect();
        s.push(row);
    }
    s
}

/// The list as a workbook: members, then learner groups if there are any.
pub fn export_xlsx(rules: &RuleSet, roster: &Roster) -> Vec<u8> {
    let mut book = vec![member_sheet(rules, roster)];
    if !roster.groups.is_empty() {
        book.push(group_sheet(rules, roster));
    }
    sheets::xlsx::write(&book)
}

/// The members as CSV.
pub fn export_csv(rules: &RuleSet, roster: &Roster) -> Vec<u8> {
    sheets::csv::write(&member_sheet(rules, roster))
}

/// The learner groups as CSV.
pub fn export_groups_csv(rules: &RuleSet, roster: &Roster) -> Vec<u8> {
    sheets::csv::write(&group_sheet(rules, roster))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_from_the_table() {
        let rules = crate::rules::current();
        let h: Vec<String> = member_layout(rules).into_iter().map(|c| header(rules, c)).collect();
        assert_eq!(&h[..5], ["STT", "Họ và tên", "Chức vụ", "Bộ phận", "Tuân thủ kỷ luật lao động"]);
        assert!(h.contains(&"Đạt “Công dân học tập”".to_string()));
        assert!(h.contains(&"Số quyết định “Lao động tiên tiến”".to_string()));
        assert!(h.contains(&"Năm, năm học “Công dân học tập”".to_string()));
        assert_eq!(h.len(), 4 + 7 + 2 * 2);
        let g: Vec<String> = group_layout(rules).into_iter().map(|c| header(rules, c)).collect();
        assert_eq!(g, ["STT", "Lớp, nhóm", "Số người học", "Đạt “Công dân học tập”"]);
    }
}
