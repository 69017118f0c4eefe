//! The Tờ trình: what the unit asks for this cycle (Điều 10.1c, 16.1c), in the terms of the
//! result's `request` (rules.md §3a, §7). Made only when something may be asked.

use super::*;
use crate::engine::evaluate::RequestKind;

/// The Tờ trình, or `None` when the unit may ask for nothing this cycle.
pub(super) fn build(c: &Ctx) -> Option<Document> {
    let request = c.result.request;
    let asked = Asked::of(request.kind)?;
    let year = c.year;
    let scope = c.scope.name_vi();
    let rules = c.rules;
    let procedure = rules.procedure(c.scope);
    let article = procedure.map_or_else(String::new, |p| p.submit.long_vi());
    let dieu = procedure.map_or(0, |p| p.conditions);
    let phrase = c.phrase(request.level);
    let mut blocks = vec![
        c.masthead(c.report().and_then(|r| r.request_no.as_ref()), "TTr-…"),
        Block::Title { kind: "TỜ TRÌNH".into(), summary: asked.title(scope, request.level, year) },
        Block::Recipient(c.recipient()),
        Block::Para(vec![Run::plain(basis(rules))]),
    ];
    // A renewal or an upgrade rests on the earlier decision too.
    if asked != Asked::First {
        if let Some(previous) = c.previous_decision() {
            blocks.push(Block::Para(vec![Run::plain(format!("Căn cứ {previous};"))]));
        }
    }
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Căn cứ kết quả tự đánh giá của Tổ đánh giá {} năm {year},",
        c.unit_name()
    ))]));
    blocks.push(Block::Para(vec![
        Run::plain(format!(
            "{} kính trình {} xem xét, tổ chức thẩm định và trình {} quyết định {} {} đạt ",
            c.unit_name(),
            c.recipient(),
            c.decision_maker(),
            asked.verb(),
            c.unit_name()
        )),
        Run::bold(phrase),
        Run::plain(format!(" năm {year} (Điều {dieu} {}).", circular(rules))),
    ]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Hồ sơ kèm theo ({article}) gồm: Báo cáo tự đánh giá, công nhận “Đơn vị học tập” {scope} năm {year} (kèm Danh mục minh chứng); Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu."
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Kính trình {} xem xét, tổ chức thẩm định và trình {} quyết định {}./.",
        c.recipient(),
        c.decision_maker(),
        asked.verb()
    ))]));
    blocks.push(c.signature(&["Như trên;"]));
    blocks.extend(c.stamp());
    Some(Document { kind: Kind::Request, blocks })
}

/// What a Tờ trình asks for, in the Circular's words (Điều 2.10, 2.11).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Asked {
    First,
    Renewal,
    Upgrade,
}

impl Asked {
    pub(super) fn of(kind: RequestKind) -> Option<Asked> {
        match kind {
            RequestKind::First => Some(Asked::First),
            RequestKind::Renewal => Some(Asked::Renewal),
            RequestKind::Upgrade => Some(Asked::Upgrade),
            RequestKind::None => None,
        }
    }
    /// "công nhận", "công nhận lại", "công nhận nâng mức độ".
    pub(super) fn verb(self) -> &'static str {
        match self {
            Asked::First => "công nhận",
            Asked::Renewal => "công nhận lại",
            Asked::Upgrade => "công nhận nâng mức độ",
        }
    }
    /// The Tờ trình's summary line: "Đề nghị công nhận lại “Đơn vị học tập” cấp huyện mức độ 1
    /// năm 2025", "Đề nghị công nhận nâng mức độ 2 “Đơn vị học tập” cấp tỉnh năm 2025".
    fn title(self, scope: &str, level: u8, year: i32) -> String {
        match self {
            Asked::First => format!("Đề nghị đánh giá, công nhận “Đơn vị học tập” {scope} mức độ {level} năm {year}"),
            Asked::Renewal => format!("Đề nghị công nhận lại “Đơn vị học tập” {scope} mức độ {level} năm {year}"),
            Asked::Upgrade => format!("Đề nghị công nhận nâng mức độ {level} “Đơn vị học tập” {scope} năm {year}"),
        }
    }
}
