//! The annex “Danh sách Thành viên”: the member list behind the figures, for the printed and
//! Word dossier, made only when asked (it carries names; the published report never does).

use super::{Block, Cell, Ctx, Document, Kind, Run};
use crate::roster::{self, table};
use crate::rules::Input;

pub(super) fn build(c: &Ctx) -> Option<Document> {
    let r = c.file.roster.as_ref().filter(|r| !r.members.is_empty() || !r.groups.is_empty())?;
    let rules = c.rules;
    let t = roster::tally(rules, r, Some(c.year));
    let mut blocks = vec![
        c.masthead(None, ""),
        Block::Title {
            kind: "DANH SÁCH THÀNH VIÊN".into(),
            summary: format!("Kèm theo Báo cáo tự đánh giá {} năm {}", c.phrase(c.result.level), c.year),
        },
        Block::Para(vec![Run::italic(rules.input(Input::Members).help_vi)]),
    ];
    if !r.members.is_empty() {
        let columns: Vec<Input> = roster::member_columns(rules).into_iter().filter(|i| r.columns.contains(i)).collect();
        let mut header: Vec<String> = ["STT", "Họ và tên", "Chức vụ", "Bộ phận"].map(String::from).to_vec();
        header.extend(columns.iter().map(|i| table::header(rules, roster::import::ColumnUse::Mark(*i))));
        let mut widths = vec![6, 22, 14, 14];
        widths.extend(columns.iter().map(|_| 6));
        let mut rows: Vec<Vec<Cell>> = r
            .members
            .iter()
            .enumerate()
            .map(|(n, m)| {
                let mut row = vec![
                    Cell::center((n + 1).to_string()),
                    Cell::text(m.name.clone()),
                    Cell::text(m.position.clone().unwrap_or_default()),
                    Cell::text(m.section.clone().unwrap_or_default()),
                ];
                for i in &columns {
                    // Marked only where it is counted for the assessed year.
                    let counted = t.not_counted(*i).is_some_and(|miss| !miss.contains(&n));
                    row.push(Cell::center(if counted { "x" } else { "" }));
                }
                row
            })
            .collect();
        let mut total = vec![Cell::bold("Tổng cộng", 4)];
        for i in &columns {
            total.push(Cell::center(t.values.count(*i).map_or(String::new(), |n| n.to_string())));
        }
        rows.push(total);
        blocks.push(Block::Table { header, widths, rows });
    }
    if !r.groups.is_empty() {
        let layout = table::group_layout(rules);
        let header = layout.iter().map(|u| table::header(rules, *u)).collect();
        let widths = layout.iter().enumerate().map(|(i, _)| if i == 1 { 30 } else { 14 }).collect();
        let mut rows: Vec<Vec<Cell>> = table::group_sheet(rules, r)
            .rows
            .into_iter()
            .skip(1)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(i, v)| if i == 1 { Cell::text(v.as_text()) } else { Cell::center(v.as_text()) })
                    .collect()
            })
            .collect();
        let mut total = vec![Cell::bold("Tổng cộng", 2)];
        for u in layout.iter().skip(2) {
            if let roster::import::ColumnUse::GroupCount(i) = u {
                total.push(Cell::center(t.values.count(*i).map_or(String::new(), |n| n.to_string())));
            }
        }
        rows.push(total);
        blocks.push(Block::Table { header, widths, rows });
    }
    blocks.push(c.signature(&[]));
    Some(Document { kind: Kind::Annex, blocks })
}
