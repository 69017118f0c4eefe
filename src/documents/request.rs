//! The Tờ trình: what the unit asks the recipient to do (Điều 10.1c, 16.1c).

use super::*;

pub(super) fn build(c: &Ctx) -> Document {
    let year = c.year;
    let scope = c.scope.name_vi();
    let rules = c.rules;
    let procedure = rules.procedure(c.scope);
    let article = procedure.map_or_else(String::new, |p| p.submit.long_vi());
    let dieu = procedure.map_or(0, |p| p.conditions);
    let mut blocks = vec![
        c.masthead(c.report().and_then(|r| r.request_no.as_ref()), "TTr-…"),
        Block::Title {
            kind: "TỜ TRÌNH".into(),
            summary: if c.result.level > 0 {
                format!("Đề nghị đánh giá, công nhận {} năm {year}", c.level_phrase())
            } else {
                format!("Đề nghị đánh giá, công nhận “Đơn vị học tập” {scope} năm {year}")
            },
        },
        Block::Recipient(c.recipient()),
        Block::Para(vec![Run::plain(basis(rules))]),
        Block::Para(vec![Run::plain(format!(
            "Căn cứ kết quả tự đánh giá của Tổ đánh giá {} năm {year},",
            c.unit_name()
        ))]),
    ];
    if c.result.level > 0 {
        blocks.push(Block::Para(vec![
            Run::plain(format!(
                "{} kính trình {} xem xét, đánh giá, công nhận {} đạt ",
                c.unit_name(),
                c.recipient(),
                c.unit_name()
            )),
            Run::bold(c.level_phrase()),
            Run::plain(format!(" năm {year} (Điều {dieu} {}).", circular(rules))),
        ]));
    } else {
        blocks.push(Block::Para(vec![Run::italic(format!(
            "Theo kết quả tự đánh giá, đơn vị chưa đạt mức độ nào nên chưa đủ điều kiện đề nghị công nhận ({} {}).",
            rules.apply_when_met.long_vi(),
            circular(rules)
        ))]));
    }
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Hồ sơ kèm theo ({article}) gồm: Báo cáo tự đánh giá, công nhận “Đơn vị học tập” {scope} năm {year}; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu."
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "{} kính trình {} xem xét, quyết định./.",
        c.unit_name(),
        c.recipient()
    ))]));
    blocks.push(c.signature(&["Như trên;"]));
    blocks.extend(c.stamp());
    Document { kind: Kind::Request, blocks }
}
