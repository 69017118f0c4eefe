//! The Bản tổng hợp kết quả tự đánh giá: one row per indicator of the level requested (of the
//! level met when nothing is requested), with the Circular's own wording, the unit's figures,
//! its evidence and its verdict (rules.md §7). A row that does not apply lists no evidence and
//! cites the phrase of the text that limits it.

use super::*;
use crate::rules::Test;

pub(super) fn build(c: &Ctx) -> Document {
    let rules = c.rules;
    let year = c.year;
    let r = c.result;
    // The level the table is of: requested, else met, else the first.
    let level_number = match r.request.level {
        0 => r.level.max(1),
        n => n,
    };
    let level = Level::from_number(level_number).unwrap_or(Level::One);
    let li = usize::from(level_number - 1);
    let mut rows = Vec::new();
    for (ci, crit) in rules.criteria.iter().enumerate() {
        let met = r.level(level).and_then(|l| l.criteria.get(ci)).is_some_and(|x| x.met);
        rows.push(vec![
            Cell::bold(format!("Tiêu chí {}: {}", crit.number, crit.title_vi), 3),
            Cell { runs: vec![Run::bold(if met { "Đạt" } else { "Không đạt" })], align: Align::Center, span: 1 },
        ]);
        for view in c.indicators(crit.number) {
            let Some(def) = view.defs[li] else { continue };
            let id = view.id;
            let status = view.status[li].unwrap_or(Status::NotApplicable);
            // The Circular's own wording, under a short title, with its article.
            let wording = Cell {
                runs: vec![
                    Run::bold(format!("{id}. {}", def.title_vi)),
                    Run::plain(format!("\n{}", def.text)),
                    Run::italic(format!(" ({})", def.cite.short())),
                ],
                align: Align::Left,
                span: 1,
            };
            let row = if status == Status::NotApplicable {
                let limit = rules
                    .limit(def)
                    .map_or_else(String::new, |p| format!("Chỉ áp dụng: “{}”.", p.trim_matches(['(', ')'])));
                vec![wording, Cell::text(limit), Cell::text(""), Cell::center(verdict(status))]
            } else {
                let mut verdict_runs = vec![Run::plain(verdict(status))];
                if let Some(why) = reason(status) {
                    verdict_runs.push(Run::italic(format!(" ({why})")));
                }
                vec![
                    wording,
                    Cell::text(figures(c, view, li).join("\n")),
                    Cell::text(c.evidence_codes(id).join(", ")),
                    Cell { runs: verdict_runs, align: Align::Center, span: 1 },
                ]
            };
            rows.push(row);
        }
    }
    let conclusion = match (r.level(level).is_some_and(|l| l.met), super::request::Asked::of(r.request.kind)) {
        (true, Some(asked)) => format!(
            "đơn vị đạt {} năm {year}; đề nghị {} {}.",
            c.phrase(level_number),
            asked.verb(),
            c.phrase(r.request.level)
        ),
        (true, None) => format!("đơn vị đạt {} năm {year}.", c.phrase(level_number)),
        (false, _) => format!("đơn vị chưa đạt {} năm {year}.", c.phrase(level_number)),
    };
    let mut blocks = vec![
        c.masthead(None, ""),
        Block::Title {
            kind: "BẢN TỔNG HỢP".into(),
            summary: format!("Kết quả tự đánh giá các tiêu chí, chỉ tiêu {} năm {year}", c.phrase(level_number)),
        },
        Block::Table {
            header: vec![
                "Tiêu chí, chỉ tiêu (nội dung theo Thông tư)".into(),
                "Kết quả, số liệu".into(),
                "Minh chứng".into(),
                "Tự đánh giá".into(),
            ],
            widths: vec![46, 26, 14, 14],
            rows,
        },
        Block::Para(vec![Run::bold("Kết luận: "), Run::plain(conclusion)]),
        c.signature(&[]),
    ];
    blocks.extend(c.stamp());
    Document { kind: Kind::Summary, blocks }
}

/// What the unit has for one indicator at one level: "118/120 (98,3%) thành viên …", "Có: …".
pub(super) fn figures(c: &Ctx, view: &IndicatorView, li: usize) -> Vec<String> {
    let rules = c.rules;
    let mut out = Vec::new();
    for p in &view.judged[li] {
        let input = match p.part.test {
            Test::Ratio { count, .. } => count,
            Test::Fact { input } | Test::AtLeast { input, .. } => input,
        };
        let def = rules.input(input);
        let line = match view.requirements.iter().find(|r| r.input() == input) {
            Some(Requirement::Ratio { observed, .. }) => format!("{} {}", ratio_text(*observed), def.short_vi),
            Some(Requirement::Fact { answer, .. }) => {
                let answer = match answer {
                    Some(true) => "Có",
                    Some(false) => "Không",
                    None => "Chưa trả lời",
                };
                format!("{answer}: {}", def.short_vi)
            }
            Some(Requirement::AtLeast { chosen, .. }) => chosen.map_or("Chưa trả lời", |ch| ch.label_vi).to_string(),
            None => continue,
        };
        if !out.contains(&line) {
            out.push(line);
        }
    }
    // A part answered "does not apply" (no private preschool in the area) says so.
    for p in view.defs[li].iter().flat_map(|d| d.parts) {
        if let Test::Fact { input } = p.test {
            if let crate::rules::InputKind::Flag { unless: Some(other) } = &rules.input(input).kind {
                if c.file.values.choice(input) == Some(other.key) {
                    out.push(format!("{}: {}", rules.input(input).short_vi, other.label_vi));
                }
            }
        }
    }
    out
}
