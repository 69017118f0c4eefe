//! The three documents a unit submits (Điều 10.1c, 16.1c): the Tờ trình, the Báo cáo tự đánh
//! giá and the Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu.
//!
//! They are built once, as a small model of blocks, from the dossier, its result and the rules
//! table; `html` prints them (and makes the standalone report), `docx` makes the Word file.
//! The Circular annexes no forms, so the layout is that of Nghị định 30/2020/NĐ-CP.

pub mod docx;
pub mod html;
pub mod zip;

use crate::engine::check::Dossier;
use crate::engine::evaluate::{Evaluation, IndicatorResult, Ratio, Status};
use crate::file::DossierFile;
use crate::rules::{Level, PublicRule, Scope, Test};
use crate::words::date_vi;
use crate::Date;

/// Text for HTML or XML: `& < > "` escaped, and the control characters XML 1.0 forbids
/// dropped. Shared by the HTML and the Word renderers.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A stretch of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: false, italic: false }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: true, italic: false }
    }
    pub fn italic(text: impl Into<String>) -> Run {
        Run { text: text.into(), bold: false, italic: true }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub runs: Vec<Run>,
    pub align: Align,
    /// Columns this cell spans.
    pub span: usize,
}

impl Cell {
    fn text(t: impl Into<String>) -> Cell {
        Cell { runs: vec![Run::plain(t)], align: Align::Left, span: 1 }
    }
    fn center(t: impl Into<String>) -> Cell {
        Cell { runs: vec![Run::plain(t)], align: Align::Center, span: 1 }
    }
    fn bold(t: impl Into<String>, span: usize) -> Cell {
        Cell { runs: vec![Run::bold(t)], align: Align::Left, span }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The head of an administrative document (Nghị định 30/2020, Phụ lục I): the issuing body
    /// and the number on the left; the national title, the motto and the place and date on the
    /// right. `draft` adds the "DỰ THẢO" mark of a document not yet final.
    Masthead { parent: Option<String>, unit: String, number: String, place_date: String, draft: bool },
    /// The type of document and its summary ("TỜ TRÌNH" / "Đề nghị …").
    Title { kind: String, summary: String },
    /// "Kính gửi: …"
    Recipient(String),
    /// A heading inside the body ("I. THÔNG TIN CHUNG").
    Heading(String),
    /// A body paragraph, justified with a first-line indent.
    Para(Vec<Run>),
    /// A table whose header row repeats on every page and whose rows never split.
    Table { header: Vec<String>, widths: Vec<u32>, rows: Vec<Vec<Cell>> },
    /// Recipients on the left, the signature block on the right.
    Signature { copies: Vec<String>, title: String, name: String },
    /// The line that identifies a finalised dossier, at the foot of each document.
    Stamp(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Request,
    Report,
    Summary,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub blocks: Vec<Block>,
}

/// "Hưng Yên, ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 take a leading
/// zero (Nghị định 30/2020, Phụ lục I). Without a date, room to write one by hand.
pub fn place_and_date(place: Option<&str>, date: Option<Date>) -> String {
    let place = place.filter(|p| !p.trim().is_empty()).unwrap_or("..........");
    match date {
        Some(d) => {
            let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
            format!("{place}, ngày {:02} tháng {month} năm {}", d.day(), d.year())
        }
        None => format!("{place}, ngày ..... tháng ..... năm ......"),
    }
}

/// "Điều 2.3" → "khoản 3 Điều 2", the form citations take in a document.
fn long_article(short: &str) -> String {
    match short.strip_prefix("Điều ").and_then(|r| r.split_once('.')) {
        Some((dieu, khoan)) => format!("khoản {khoan} Điều {dieu}"),
        None => short.to_string(),
    }
}

fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::Huyen => "cấp huyện",
        Scope::Tinh => "cấp tỉnh",
    }
}

/// "118/120 (98,3%)"
fn ratio_text(r: &Ratio) -> String {
    match (r.count, r.total) {
        (Some(c), Some(t)) if t > 0 => {
            format!("{c}/{t} ({})", crate::engine::evaluate::percent_text(c, t, crate::Lang::Vi))
        }
        _ => "chưa có số liệu".into(),
    }
}

fn verdict(status: Status) -> &'static str {
    match status {
        Status::Pass => "Đạt",
        Status::NotApplicable => "Không áp dụng",
        _ => "Không đạt",
    }
}

/// Why an indicator is not met, in a few words, for the summary table.
fn reason(status: Status) -> Option<&'static str> {
    match status {
        Status::MissingEvidence => Some("chưa có minh chứng"),
        Status::MissingInput => Some("chưa đủ số liệu"),
        _ => None,
    }
}

struct Ctx<'a> {
    file: &'a DossierFile,
    dossier: &'a Dossier,
    result: &'a Evaluation,
}

impl Ctx<'_> {
    fn unit_name(&self) -> String {
        self.file.unit.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "(Tên đơn vị)".into())
    }
    fn recipient(&self) -> String {
        self.file
            .submission
            .as_ref()
            .and_then(|s| s.recipient.clone())
            .or_else(|| {
                let default = self.dossier.rules().authority(self.dossier.scope())?.recipient;
                Some(match self.file.unit.province.as_deref().filter(|p| !p.trim().is_empty()) {
                    Some(p) if self.dossier.scope() == Scope::Tinh => format!("{default} {p}"),
                    _ => default.to_string(),
                })
            })
            .unwrap_or_default()
    }
    fn report(&self) -> Option<&crate::file::Report> {
        self.file.report.as_ref()
    }
    fn masthead(&self, number: Option<&String>, symbol: &str) -> Block {
        let r = self.report();
        let number = match number.filter(|n| !n.trim().is_empty()) {
            // An attachment (the Bản tổng hợp) has no number of its own.
            _ if symbol.is_empty() => String::new(),
            Some(n) => format!("Số: {n}"),
            // Room for the number, written by hand once the document is registered.
            None => format!("Số:\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/{symbol}"),
        };
        Block::Masthead {
            parent: r.and_then(|r| r.parent.clone()).filter(|p| !p.trim().is_empty()),
            unit: self.unit_name(),
            number,
            place_date: place_and_date(
                r.and_then(|r| r.place.as_deref()).or(self.file.unit.province.as_deref()),
                r.and_then(|r| r.date),
            ),
            draft: self.file.finalised.is_none(),
        }
    }
    fn signature(&self, extra: &[&str]) -> Block {
        let title = self
            .report()
            .and_then(|r| r.signer_title.clone())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "Thủ trưởng đơn vị".into());
        let mut copies: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        copies.extend(self.report().map(|r| r.recipients.clone()).unwrap_or_default());
        copies.push("Lưu: VT.".into());
        Block::Signature { copies, title: title.to_uppercase(), name: self.file.unit.head.clone().unwrap_or_default() }
    }
    fn stamp(&self) -> Option<Block> {
        let mark = self.file.finalised.as_ref()?;
        Some(Block::Stamp(format!(
            "Hồ sơ đã chốt ngày {} · mã kiểm tra {} · dvht, bộ tiêu chí {}",
            mark.date.map_or_else(|| "…".into(), date_vi),
            mark.fingerprint.as_deref().map_or_else(
                || "…".into(),
                |f| f
                    .chars()
                    .collect::<Vec<_>>()
                    .chunks(4)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join("-")
            ),
            self.dossier.rules().id
        )))
    }
    fn level_phrase(&self) -> String {
        format!("“Đơn vị học tập” {} mức độ {}", scope_words(self.dossier.scope()), self.result.level)
    }
}

/// "Hồ sơ đề nghị công nhận “Đơn vị học tập” năm 2025 — Trường THPT Nguyễn Trãi"
pub fn title(file: &DossierFile, dossier: &Dossier) -> String {
    let name = file.unit.name.clone().unwrap_or_default();
    format!("Hồ sơ “Đơn vị học tập” {} năm {} — {name}", scope_words(dossier.scope()), dossier.year())
}

/// What the Word worker does with a request `{"dossier": {…}, "today": "YYYY-MM-DD"}`: the
/// `.docx` bytes, or the reason it cannot make them.
pub fn docx_for_request(request: &str) -> Result<Vec<u8>, String> {
    let v: serde_json::Value = serde_json::from_str(request).map_err(|e| e.to_string())?;
    let today = v.get("today").and_then(|t| t.as_str()).and_then(Date::parse).ok_or("today")?;
    let lines = |e: Vec<crate::Diagnostic>| e.iter().map(|d| d.text(crate::Lang::Vi)).collect::<Vec<_>>().join("\n");
    let file = crate::file::read_value(v.get("dossier").cloned().unwrap_or_default()).map_err(lines)?;
    let dossier = crate::check(&file).map_err(lines)?;
    let result = crate::evaluate(&dossier, today);
    Ok(docx::write(&build(&file, &dossier, &result), &title(&file, &dossier)))
}

/// The three documents, in the order they are filed.
pub fn build(file: &DossierFile, dossier: &Dossier, result: &Evaluation) -> Vec<Document> {
    let c = Ctx { file, dossier, result };
    vec![request(&c), report(&c), summary(&c)]
}

fn request(c: &Ctx) -> Document {
    let year = c.dossier.year();
    let scope = scope_words(c.dossier.scope());
    let rules = c.dossier.rules();
    let procedure = rules.procedure(c.dossier.scope());
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
        Block::Para(vec![Run::plain(
            "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh;",
        )]),
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
            Run::plain(format!(" năm {year} (Điều {dieu} Thông tư số 24/2023/TT-BGDĐT).")),
        ]));
    } else {
        blocks.push(Block::Para(vec![Run::italic(
            format!(
                "Theo kết quả tự đánh giá, đơn vị chưa đạt mức độ nào nên chưa đủ điều kiện đề nghị công nhận ({} Thông tư số 24/2023/TT-BGDĐT).",
                rules.apply_when_met.long_vi()
            ),
        )]));
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

/// The ratios an indicator reads, one per count, with the threshold each level sets on it.
struct RatioGroup {
    subject: &'static str,
    ratio: Ratio,
    thresholds: Vec<(Level, u32)>,
}

impl RatioGroup {
    /// "90% (mức độ 1), 95% (mức độ 2)"
    fn thresholds(&self) -> String {
        self.thresholds.iter().map(|(l, p)| format!("{p}% (mức độ {})", l.number())).collect::<Vec<_>>().join(", ")
    }
}

fn ratio_groups(c: &Ctx, id: &str) -> Vec<RatioGroup> {
    let rules = c.dossier.rules();
    let profile = c.dossier.profile();
    let mut groups: Vec<(crate::rules::Input, RatioGroup)> = Vec::new();
    for level in Level::ALL {
        let Some(d) = rules.indicator(c.dossier.scope(), level, id).filter(|d| d.applies.holds(profile)) else {
            continue;
        };
        for p in d.parts.iter().filter(|p| p.applies.holds(profile)) {
            if let Test::Ratio { count, total, percent } = p.test {
                match groups.iter_mut().find(|(i, _)| *i == count) {
                    Some((_, g)) => g.thresholds.push((level, percent)),
                    None => {
                        let values = c.dossier.values();
                        let ratio = Ratio {
                            count: values.count(count),
                            total: values.count(total),
                            required_percent: percent,
                            shortfall: None,
                        };
                        groups.push((
                            count,
                            RatioGroup {
                                subject: rules.input(count).short_vi,
                                ratio,
                                thresholds: vec![(level, percent)],
                            },
                        ));
                    }
                }
            }
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// "Chỉ tiêu 2.1 (…): có 118/120 thành viên (98,3%); yêu cầu tối thiểu 90% (mức độ 1), 95%
/// (mức độ 2). Tự đánh giá: mức độ 1 Đạt, mức độ 2 Đạt."
fn indicator_sentence(c: &Ctx, id: &str) -> Option<Vec<Run>> {
    let rules = c.dossier.rules();
    let scope = c.dossier.scope();
    let profile = c.dossier.profile();
    let defs = rules.indicator_levels(scope, id);
    let (_, first) = defs.first()?;
    if !defs.iter().any(|(_, d)| d.applies.holds(profile)) {
        return None;
    }
    let results: Vec<(Level, &IndicatorResult)> =
        defs.iter().filter_map(|(l, _)| Some((*l, c.result.indicator(*l, id)?))).collect();
    let mut text = String::new();
    let groups = ratio_groups(c, id);
    if !groups.is_empty() {
        let figures: Vec<String> = groups.iter().map(|g| format!("{} {}", ratio_text(&g.ratio), g.subject)).collect();
        let requirements: Vec<String> = groups.iter().map(|g| format!("{} {}", g.thresholds(), g.subject)).collect();
        text.push_str(&format!("có {}; yêu cầu tối thiểu {}. ", figures.join("; "), requirements.join("; ")));
    }
    let evidence: Vec<String> =
        c.file.evidence_for(id).iter().filter_map(|e| e.code.clone().or_else(|| e.title.clone())).collect();
    if !evidence.is_empty() {
        text.push_str(&format!("Minh chứng: {}. ", evidence.join(", ")));
    }
    let verdicts: Vec<String> =
        results.iter().map(|(l, r)| format!("mức độ {} {}", l.number(), verdict(r.status))).collect();
    text.push_str(&format!("Tự đánh giá: {}.", verdicts.join(", ")));
    if let Some(note) = c.file.note(id).filter(|n| !n.trim().is_empty()) {
        text.push_str(&format!(" Ghi chú: {note}"));
    }
    Some(vec![Run::bold(format!("Chỉ tiêu {id} ({}): ", first.title_vi)), Run::plain(text)])
}

fn report(c: &Ctx) -> Document {
    let year = c.dossier.year();
    let scope = c.dossier.scope();
    let rules = c.dossier.rules();
    let kind = c.dossier.kind();
    let procedure = rules.procedure(scope);
    let team_article = procedure.map_or_else(String::new, |p| p.team.long_vi());
    let period_article = procedure.map_or_else(String::new, |p| p.period.long_vi());
    let judging = rules.level_articles_text(scope);
    let mut b = vec![
        c.masthead(c.report().and_then(|r| r.report_no.as_ref()), "BC-…"),
        Block::Title {
            kind: "BÁO CÁO".into(),
            summary: format!("Tự đánh giá, công nhận “Đơn vị học tập” {} năm {year}", scope_words(scope)),
        },
        Block::Recipient(c.recipient()),
        Block::Heading("I. THÔNG TIN CHUNG VỀ ĐƠN VỊ".into()),
        Block::Para(vec![Run::plain(format!("1. Tên đơn vị: {}.", c.unit_name()))]),
        Block::Para(vec![Run::plain(format!("2. Loại đơn vị: {} ({}).", kind.who, long_article(kind.article)))]),
    ];
    if kind.public == PublicRule::Choose {
        let public = if c.dossier.profile().public { "công lập" } else { "ngoài công lập" };
        b.push(Block::Para(vec![Run::plain(format!("3. Loại hình: {public}."))]));
    }
    let address = c.file.unit.address.clone().unwrap_or_default();
    let place = [c.file.unit.district.clone(), c.file.unit.province.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    b.push(Block::Para(vec![Run::plain(format!(
        "4. Địa chỉ: {}.",
        [address, place].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(", ")
    ))]));
    b.push(Block::Para(vec![Run::plain(format!(
        "5. Thủ trưởng đơn vị: {}.",
        c.file.unit.head.clone().unwrap_or_default()
    ))]));
    let values = c.dossier.values();
    let mut size = format!(
        "6. Tổng số Thành viên trong đơn vị tính đến ngày 31/12/{year}: {}",
        values.count(crate::rules::Input::Members).map_or("…".into(), |n| n.to_string())
    );
    if c.dossier.profile().learners {
        size.push_str(&format!(
            "; tổng số Người học: {}",
            values.count(crate::rules::Input::Learners).map_or("…".into(), |n| n.to_string())
        ));
    }
    b.push(Block::Para(vec![Run::plain(format!("{size}."))]));
    if let Some(p) = &c.file.previous_recognition {
        let mut text =
            format!("7. Lần công nhận trước: mức độ {}", p.level.map_or("…".into(), |l| l.number().to_string()));
        if let Some(no) = &p.decision_no {
            text.push_str(&format!(", Quyết định số {no}"));
        }
        if let Some(d) = p.decision_date {
            text.push_str(&format!(" ngày {}", date_vi(d)));
        }
        if let Some(v) = c.result.validity {
            text.push_str(&format!("; còn hiệu lực đến ngày {}", date_vi(v.valid_until)));
        }
        b.push(Block::Para(vec![Run::plain(format!("{text}."))]));
    }

    b.push(Block::Heading("II. TỔ ĐÁNH GIÁ VÀ CÁCH THỨC TỰ ĐÁNH GIÁ".into()));
    b.push(Block::Para(vec![Run::plain(format!(
        "1. Tổ đánh giá do Thủ trưởng đơn vị thành lập ({team_article} Thông tư số 24/2023/TT-BGDĐT) gồm:"
    ))]));
    let team = c.report().map(|r| r.team.clone()).unwrap_or_default();
    let rows: Vec<Vec<Cell>> = if team.is_empty() {
        vec![vec![Cell::center("1"), Cell::text(""), Cell::text(""), Cell::text("")]]
    } else {
        team.iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    Cell::center((i + 1).to_string()),
                    Cell::text(m.name.clone().unwrap_or_default()),
                    Cell::text(m.position.clone().unwrap_or_default()),
                    Cell::text(m.role.clone().unwrap_or_default()),
                ]
            })
            .collect()
    };
    b.push(Block::Table {
        header: vec!["TT".into(), "Họ và tên".into(), "Chức vụ".into(), "Nhiệm vụ trong Tổ".into()],
        widths: vec![8, 36, 30, 26],
        rows,
    });
    let method = c.report().and_then(|r| r.method.clone()).filter(|m| !m.trim().is_empty()).unwrap_or_else(|| {
        format!(
            "Tổ đánh giá thu thập thông tin, số liệu tính từ ngày 01 tháng 01 đến ngày 31 tháng 12 năm {year} ({period_article}), đối chiếu với từng tiêu chí, chỉ tiêu quy định tại {judging} Thông tư số 24/2023/TT-BGDĐT, thu thập minh chứng và đánh giá từng chỉ tiêu theo hai hình thức đạt hoặc không đạt; chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt."
        )
    });
    b.push(Block::Para(vec![Run::plain(format!("2. Cách thức tự đánh giá: {method}"))]));

    b.push(Block::Heading("III. KẾT QUẢ TỰ ĐÁNH GIÁ".into()));
    for (ci, crit) in rules.criteria.iter().enumerate() {
        let n = crit.number.to_string();
        b.push(Block::Heading(format!("{}. Tiêu chí {}: {}", ci + 1, crit.number, crit.title_vi)));
        for id in rules.indicator_ids(scope).into_iter().filter(|id| id.starts_with(&format!("{n}."))) {
            if let Some(runs) = indicator_sentence(c, id) {
                b.push(Block::Para(runs));
            }
        }
        let notes = c.report().and_then(|r| r.criterion(&n));
        for (label, text) in [
            ("Điểm mạnh", notes.and_then(|x| x.strengths.clone())),
            ("Điểm yếu", notes.and_then(|x| x.weaknesses.clone())),
            ("Kế hoạch cải tiến chất lượng", notes.and_then(|x| x.plan.clone())),
        ] {
            b.push(Block::Para(vec![Run::bold(format!("{label}: ")), Run::plain(text.unwrap_or_else(|| "…".into()))]));
        }
        let states: Vec<String> = c
            .result
            .levels
            .iter()
            .map(|l| {
                format!(
                    "mức độ {}: {}",
                    l.level.number(),
                    if l.criteria.get(ci).is_some_and(|x| x.met) { "Đạt" } else { "Không đạt" }
                )
            })
            .collect();
        b.push(Block::Para(vec![
            Run::bold(format!("Tự đánh giá Tiêu chí {}: ", crit.number)),
            Run::plain(format!("{}.", states.join("; "))),
        ]));
    }

    b.push(Block::Heading("IV. KẾT LUẬN".into()));
    let dieu = procedure.map_or(0, |p| p.conditions);
    let conclusion = if c.result.level > 0 {
        format!(
            "Căn cứ kết quả tự đánh giá, {} đạt đầy đủ các tiêu chí, chỉ tiêu của {} theo Điều {dieu} Thông tư số 24/2023/TT-BGDĐT và đề nghị {} xem xét, công nhận.",
            c.unit_name(),
            c.level_phrase(),
            c.recipient()
        )
    } else {
        format!(
            "Căn cứ kết quả tự đánh giá, {} chưa đạt đầy đủ các tiêu chí, chỉ tiêu của “Đơn vị học tập” {} mức độ 1.",
            c.unit_name(),
            scope_words(scope)
        )
    };
    b.push(Block::Para(vec![Run::plain(conclusion)]));
    if let Some(text) = c.report().and_then(|r| r.conclusion.clone()).filter(|t| !t.trim().is_empty()) {
        b.push(Block::Para(vec![Run::plain(text)]));
    }
    b.push(c.signature(&["Như trên;"]));
    b.extend(c.stamp());
    Document { kind: Kind::Report, blocks: b }
}

fn summary(c: &Ctx) -> Document {
    let rules = c.dossier.rules();
    let scope = c.dossier.scope();
    let profile = c.dossier.profile();
    let year = c.dossier.year();
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
        for id in rules.indicator_ids(scope).into_iter().filter(|id| id.starts_with(&format!("{}.", crit.number))) {
            let defs: Vec<_> =
                Level::ALL.into_iter().filter_map(|l| rules.indicator(scope, l, id).map(|d| (l, d))).collect();
            let Some((_, first)) = defs.first() else { continue };
            let cites: Vec<String> = {
                let mut x: Vec<String> = defs.iter().map(|(_, d)| d.cite.short()).collect();
                x.dedup();
                x
            };
            let groups = ratio_groups(c, id);
            let mut requirement: Vec<String> =
                groups.iter().map(|g| format!("≥ {} {}", g.thresholds().replace(", ", ", ≥ "), g.subject)).collect();
            let mut figures: Vec<String> =
                groups.iter().map(|g| format!("{} {}", ratio_text(&g.ratio), g.subject)).collect();
            for (level, d) in &defs {
                if !d.applies.holds(profile) {
                    requirement.push(format!("Mức độ {}: không áp dụng", level.number()));
                    continue;
                }
                for p in d.parts.iter().filter(|p| p.applies.holds(profile)) {
                    let (req, fig) = match p.test {
                        Test::Ratio { .. } => continue,
                        Test::Fact { input } => {
                            let def = rules.input(input);
                            let answer = match c.dossier.values().flag(input) {
                                Some(true) => "Có",
                                Some(false) => "Không",
                                None => "Chưa trả lời",
                            };
                            (format!("Có {}", def.short_vi), format!("{answer}: {}", def.short_vi))
                        }
                        Test::AtLeast { input, rank } => {
                            let def = rules.input(input);
                            let chosen = c
                                .dossier
                                .values()
                                .choice(input)
                                .and_then(|k| def.choice(k))
                                .map_or("Chưa trả lời", |ch| ch.label_vi);
                            (
                                format!(
                                    "Mức độ {}: từ “{}” trở lên",
                                    level.number(),
                                    def.choice_at_rank(rank).map_or("", |ch| ch.label_vi)
                                ),
                                chosen.to_string(),
                            )
                        }
                    };
                    if !requirement.contains(&req) {
                        requirement.push(req);
                    }
                    if !figures.contains(&fig) {
                        figures.push(fig);
                    }
                }
            }
            let evidence: Vec<String> =
                c.file.evidence_for(id).iter().filter_map(|e| e.code.clone().or_else(|| e.title.clone())).collect();
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
            for level in Level::ALL {
                let cell = match c.result.indicator(level, id) {
                    Some(r) => {
                        let mut runs = vec![Run::plain(verdict(r.status))];
                        if let Some(why) = reason(r.status) {
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
                scope_words(scope)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_nghi_dinh_30_writes_them() {
        let d = |s| Date::parse(s);
        assert_eq!(place_and_date(Some("Hưng Yên"), d("2026-01-05")), "Hưng Yên, ngày 05 tháng 01 năm 2026");
        assert_eq!(place_and_date(Some("Lai Châu"), d("2025-12-31")), "Lai Châu, ngày 31 tháng 12 năm 2025");
        assert_eq!(place_and_date(Some("Hà Nội"), d("2025-03-09")), "Hà Nội, ngày 09 tháng 3 năm 2025");
        assert_eq!(place_and_date(None, None), ".........., ngày ..... tháng ..... năm ......");
    }
}
