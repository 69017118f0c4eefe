//! The Bản tổng hợp kết quả tự đánh giá: one row per indicator with what it asks, what the
//! unit has, its evidence and its verdict at each level.

use super::*;
use crate::rules::Test;

pub(super) fn build(c: &Ctx) -> Document {
    let rules = c.rules;
    let scope = c.scope;
    let year = c.year;
    let mut rows = Vec::new();
    for (ci, crit) in rules.criteria.iter().enumerate() {
        let states: Vec<&str> = c
            .result
            .levels
            .iter()
            .map(|l| if l.criteria.get(ci).is_some_and(|x| x.met) { "Đạt" } else { "Không đạt" })
            .collect();
        let mut head = vec![Cell::bold(format!("Tiêu chí {}: {}", crit.number, crit.title_vi), 4)];
        head.extend(states.iter().map(|s| Cell { runs: vec![Run::bold(*s)], align: Align::Center, span: 1 }));
        rows.push(head);
        for view in c.indicators(crit.number) {
            let id = view.id;
            let defs: Vec<_> = Level::ALL.into_iter().zip(view.defs).filter_map(|(l, d)| Some((l, d?))).collect();
            let Some((_, first)) = defs.first() else { continue };
            let cites: Vec<String> = {
                let mut x: Vec<String> = defs.iter().map(|(_, d)| d.cite.short()).collect();
                x.dedup();
                x
            };
            let groups = ratio_groups(rules, view);
            let mut requirement: Vec<String> =
                groups.iter().map(|g| format!("≥ {} {}", g.thresholds().replace(", ", ", ≥ "), g.subject)).collect();
            let mut figures: Vec<String> =
                groups.iter().map(|g| format!("{} {}", ratio_text(g.observed), g.subject)).collect();
            for (li, (level, _)) in defs.iter().enumerate() {
                let li = Level::ALL.iter().position(|l| l == level).unwrap_or(li);
                if !view.applies[li] {
                    requirement.push(format!("Mức độ {}: không áp dụng", level.number()));
                    continue;
                }
                for p in &view.judged[li] {
                    let input = match p.part.test {
                        Test::Ratio { .. } => continue,
                        Test::Fact { input } | Test::AtLeast { input, .. } => input,
                    };
                    let def = rules.input(input);
                    let (req, fig) = match view.requirements.iter().find(|r| r.input() == input) {
                        Some(Requirement::Fact { answer, .. }) => {
                            let answer = match answer {
                                Some(true) => "Có",
                                Some(false) => "Không",
                                None => "Chưa trả lời",
                            };
                            (format!("Có {}", def.short_vi), format!("{answer}: {}", def.short_vi))
                        }
                        Some(Requirement::AtLeast { chosen, needed, .. }) => (
                            format!(
                                "Mức độ {}: từ “{}” trở lên",
                                level.number(),
                                needed[li].map_or("", |ch| ch.label_vi)
                            ),
                            chosen.map_or("Chưa trả lời", |ch| ch.label_vi).to_string(),
                        ),
                        _ => continue,
                    };
                    if !requirement.contains(&req) {
                        requirement.push(req);
                    }
                    if !figures.contains(&fig) {
                        figures.push(fig);
                    }
                }
            }
            let evidence = c.evidence_codes(id);
            let mut row = vec![
                Cell {
                    runs: vec![
                        Run::bold(format!("{id}. ")),
                        Run::plain(first.title_vi),
                        Run::italic(format!(" ({})", cites.join("; "))),
                    ],
                    align: Align::Left,
                    span: 1,
                },
                Cell::text(requirement.join("\n")),
                Cell::text(figures.join("\n")),
                Cell::text(evidence.join(", ")),
            ];
            for status in view.status {
                let cell = match status {
                    Some(status) => {
                        let mut runs = vec![Run::plain(verdict(status))];
                        if let Some(why) = reason(status) {
                            runs.push(Run::italic(format!(" ({why})")));
                        }
                        Cell { runs, align: Align::Center, span: 1 }
                    }
                    None => Cell::center("—"),
                };
                row.push(cell);
            }
            rows.push(row);
        }
    }
    let mut blocks = vec![
        c.masthead(None, ""),
        Block::Title {
            kind: "BẢN TỔNG HỢP".into(),
            summary: format!(
                "Kết quả tự đánh giá các tiêu chí, chỉ tiêu “Đơn vị học tập” {} năm {year}",
                scope.name_vi()
            ),
        },
        Block::Table {
            header: vec![
                "Tiêu chí, chỉ tiêu".into(),
                "Yêu cầu".into(),
                "Kết quả, số liệu".into(),
                "Minh chứng".into(),
                "Mức độ 1".into(),
                "Mức độ 2".into(),
            ],
            widths: vec![25, 22, 20, 13, 10, 10],
            rows,
        },
        Block::Para(vec![
            Run::bold("Kết luận: "),
            Run::plain(if c.result.level > 0 {
                format!("đơn vị đạt {} năm {year}.", c.level_phrase())
            } else {
                "đơn vị chưa đạt mức độ nào.".into()
            }),
        ]),
        c.signature(&[]),
    ];
    blocks.extend(c.stamp());
    Document { kind: Kind::Summary, blocks }
}
