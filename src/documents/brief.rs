//! A one-page summary for the head of the unit: the level met, what may be asked this year,
//! each criterion at each level, what is still missing, and the dates. Printed from the result
//! panel; not part of the dossier filed.

use super::*;
use crate::words::{calendar, summary};

/// The summary, or `None` while the dossier is invalid.
pub fn build(file: &DossierFile, a: &Assessment) -> Option<Document> {
    let r = a.evaluation.as_ref()?;
    let vi = crate::Lang::Vi;
    let unit = file.unit.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "(Tên đơn vị)".into());
    let mut blocks = vec![
        Block::Title {
            kind: "TÓM TẮT KẾT QUẢ TỰ ĐÁNH GIÁ".into(),
            summary: format!("“Đơn vị học tập” {} năm {} — {unit}", r.scope.name_vi(), r.year),
        },
        Block::Para(vec![Run::bold(summary::headline(a, vi))]),
        Block::Para(vec![Run::plain(summary::request_sentence(a, vi))]),
    ];
    let mut rows = Vec::new();
    for (ci, crit) in a.rules.criteria.iter().enumerate() {
        let mut row = vec![Cell::text(format!("Tiêu chí {}: {}", crit.number, crit.title_vi))];
        for level in &r.levels {
            let met = level.criteria.get(ci).is_some_and(|c| c.met);
            row.push(Cell::center(if met { "Đạt" } else { "Chưa đạt" }));
        }
        rows.push(row);
    }
    blocks.push(Block::Table {
        header: vec!["Tiêu chí".into(), "Mức độ 1".into(), "Mức độ 2".into()],
        widths: vec![70, 15, 15],
        rows,
    });
    if let Some((level, gaps)) = &a.next {
        if !gaps.is_empty() {
            blocks.push(Block::Heading(format!("Còn thiếu để đạt mức độ {}", level.number())));
            for gap in gaps {
                blocks.push(Block::Para(vec![Run::plain(format!("– {}", summary::describe(a.rules, gap, vi)))]));
            }
        }
    }
    let dates = calendar::entries(a, vi);
    if !dates.is_empty() {
        blocks.push(Block::Heading("Mốc thời gian".into()));
        for e in dates {
            blocks.push(Block::Para(vec![Run::bold(format!("{}: ", date_vi(e.date))), Run::plain(e.title)]));
        }
    }
    Some(Document { kind: Kind::Brief, blocks })
}
