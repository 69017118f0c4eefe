//! The three documents a unit submits (Điều 10.1c, 16.1c): the Tờ trình, the Báo cáo tự đánh
//! giá and the Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu.
//!
//! They are built once, as a small model of blocks, from the dossier, its result and the rules
//! table; `html` prints them (and makes the standalone report), `docx` makes the Word file.
//! The Circular annexes no forms, so the layout is that of Nghị định 30/2020/NĐ-CP.

pub mod appraisal;
pub mod brief;
pub mod docx;
pub mod html;
pub mod page;
mod report;
mod request;
mod roster;
mod summary;

use crate::engine::assessment::{Assessment, IndicatorView, Requirement};
use crate::engine::evaluate::{Evaluation, Status};
use crate::engine::Env;
use crate::file::DossierFile;
use crate::rules::{Input, Level, RuleSet, Scope};
use crate::words::date_vi;
use crate::Date;

/// Text for HTML or XML: `& < > "` escaped, and the characters XML 1.0 forbids (the control
/// characters but tab, newline and carriage return; U+FFFE and U+FFFF) dropped, so any text
/// makes a well-formed Word file. Shared by the HTML and the Word renderers.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
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
    pub(crate) fn text(t: impl Into<String>) -> Cell {
        Cell { runs: vec![Run::plain(t)], align: Align::Left, span: 1 }
    }
    pub(crate) fn center(t: impl Into<String>) -> Cell {
        Cell { runs: vec![Run::plain(t)], align: Align::Center, span: 1 }
    }
    pub(crate) fn bold(t: impl Into<String>, span: usize) -> Cell {
        Cell { runs: vec![Run::bold(t)], align: Align::Left, span }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The head of an administrative document (Nghị định 30/2020, Phụ lục I): the issuing body
    /// and the number on the left; the national title, the motto and the place and date on the
    /// right. `draft` adds the "DỰ THẢO" mark of a document not yet final.
    /// `subject` is the trích yếu of a letter ("V/v …"), under its number.
    Masthead {
        parent: Option<String>,
        unit: String,
        number: String,
        subject: Option<String>,
        place_date: String,
        draft: bool,
    },
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
    /// A bold centred line: the authority of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"), its
    /// "QUYẾT ĐỊNH:".
    Center(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Request,
    Report,
    Summary,
    /// The one-page summary for the head of the unit (not filed).
    Brief,
    /// “Danh sách Thành viên”: names, printed on request and never published.
    Annex,
    /// The receiving side's papers (Điều 10.2d–đ, 16.2d–đ, 18.3, 20.3): the letter to a unit
    /// not recognised, the Tờ trình to the Chủ tịch UBND, the council's Báo cáo thẩm định, a
    /// unit's Bản tổng hợp as appraised, the draft Quyết định and its list, the year's report.
    Letter,
    Submission,
    AppraisalReport,
    AppraisedSummary,
    Decision,
    YearReport,
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
        Some(d) => format!("{place}, {}", long_date(d)),
        None => format!("{place}, ngày ..... tháng ..... năm ......"),
    }
}

/// "ngày 05 tháng 01 năm 2026", as Nghị định 30/2020 writes a date.
pub fn long_date(d: Date) -> String {
    let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// "Điều 2.3" → "khoản 3 Điều 2", the form citations take in a document.
fn long_article(short: &str) -> String {
    match short.strip_prefix("Điều ").and_then(|r| r.split_once('.')) {
        Some((dieu, khoan)) => format!("khoản {khoan} Điều {dieu}"),
        None => short.to_string(),
    }
}

/// "118/120 (98,3%)"
fn ratio_text(observed: (Option<u64>, Option<u64>)) -> String {
    match observed {
        (Some(c), Some(t)) if t > 0 => {
            let n = |x| crate::words::number(x, crate::Lang::Vi);
            format!("{}/{} ({})", n(c), n(t), crate::words::percent_text(c, t, crate::Lang::Vi))
        }
        _ => "chưa có số liệu".into(),
    }
}

/// "Thông tư số 24/2023/TT-BGDĐT", as a document names the Circular.
fn circular(rules: &RuleSet) -> String {
    format!("Thông tư số {}", rules.number)
}

/// "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ trưởng …;"
fn basis(rules: &RuleSet) -> String {
    let issued = Date::parse(rules.issued).map_or_else(String::new, |d| format!(" {}", long_date(d)));
    format!("Căn cứ {}{issued} của {} {};", circular(rules), rules.issuer, rules.subject)
}

/// What every document reads: the dossier as typed, and its assessment.
struct Ctx<'a> {
    file: &'a DossierFile,
    a: &'a Assessment,
    result: &'a Evaluation,
    rules: &'static RuleSet,
    scope: Scope,
    year: i32,
    /// For publishing (Điều 21.3): without the unit's own notes and where each document is
    /// kept, which are for the council, not the public.
    public: bool,
}

impl Ctx<'_> {
    fn unit_name(&self) -> String {
        self.file.unit.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "(Tên đơn vị)".into())
    }
    fn recipient(&self) -> String {
        self.a.recipient.clone()
    }
    fn report(&self) -> Option<&crate::file::Report> {
        self.file.report.as_ref()
    }
    fn indicators(&self, criterion: u8) -> impl Iterator<Item = &IndicatorView> {
        self.a.indicators.iter().filter(move |i| i.criterion == criterion)
    }
    /// The evidence of an indicator as its codes (or titles).
    fn evidence_codes(&self, id: &str) -> Vec<String> {
        self.file.evidence_for(id).iter().filter_map(|e| e.code.clone().or_else(|| e.title.clone())).collect()
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
            subject: None,
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
            .unwrap_or_else(|| self.a.kind.map_or(self.rules.signer_default, |k| self.rules.signer(k)).into());
        let mut copies: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        copies.extend(self.report().map(|r| r.recipients.clone()).unwrap_or_default());
        copies.push("Lưu: VT.".into());
        Block::Signature { copies, title: title.to_uppercase(), name: self.file.unit.head.clone().unwrap_or_default() }
    }
    fn stamp(&self) -> Option<Block> {
        let mark = self.file.finalised.as_ref()?;
        Some(Block::Stamp(format!(
            "Hồ sơ đã chốt ngày {} · mã kiểm tra {} · bộ tiêu chí {}",
            mark.date.map_or_else(|| "…".into(), date_vi),
            mark.fingerprint.as_deref().map_or_else(|| "…".into(), crate::words::fingerprint_text),
            self.rules.id
        )))
    }
    fn level_phrase(&self) -> String {
        self.phrase(self.result.level)
    }
    /// "“Đơn vị học tập” cấp huyện mức độ 1"
    fn phrase(&self, level: u8) -> String {
        format!("“Đơn vị học tập” {} mức độ {level}", self.scope.name_vi())
    }
    fn decision_maker(&self) -> String {
        self.a.decision_maker.clone()
    }
    /// "Quyết định số 12/QĐ-UBND ngày 10/02/2024 công nhận … mức độ 1", from the dossier.
    fn previous_decision(&self) -> Option<String> {
        let p = self.file.previous_recognition.as_ref()?;
        let level = p.level?;
        let number = p.decision_no.as_deref().filter(|n| !n.trim().is_empty()).map(|n| format!(" số {n}"));
        let date = p.decision_date.map(|d| format!(" ngày {}", date_vi(d)));
        Some(format!(
            "Quyết định{}{} công nhận {} đạt {}",
            number.unwrap_or_default(),
            date.unwrap_or_default(),
            self.unit_name(),
            self.phrase(level.number())
        ))
    }
}

/// The ratios an indicator reads, one per count, with the threshold each level sets on it.
struct RatioGroup {
    subject: &'static str,
    observed: (Option<u64>, Option<u64>),
    thresholds: Vec<(Level, u32)>,
}

impl RatioGroup {
    /// "90% (mức độ 1), 95% (mức độ 2)"
    fn thresholds(&self) -> String {
        self.thresholds.iter().map(|(l, p)| format!("{p}% (mức độ {})", l.number())).collect::<Vec<_>>().join(", ")
    }
}

fn ratio_groups(rules: &RuleSet, view: &IndicatorView) -> Vec<RatioGroup> {
    view.requirements
        .iter()
        .filter_map(|r| match r {
            Requirement::Ratio { count, observed, at_least, .. } => Some(RatioGroup {
                subject: rules.input(*count).short_vi,
                observed: *observed,
                thresholds: Level::ALL.into_iter().zip(at_least).filter_map(|(l, p)| Some((l, (*p)?))).collect(),
            }),
            _ => None,
        })
        .collect()
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

/// "Hồ sơ “Đơn vị học tập” cấp tỉnh năm 2025 — Trường THPT Nguyễn Trãi"
pub fn title(file: &DossierFile, a: &Assessment) -> String {
    let name = file.unit.name.clone().unwrap_or_default();
    let scope = a.scope().map_or("", Scope::name_vi);
    format!("Hồ sơ “Đơn vị học tập” {scope} năm {} — {name}", a.year().unwrap_or_default())
}

/// What the Word worker does with a request `{"dossier": {…}, "today": "YYYY-MM-DD",
/// "annex": true}`: the `.docx` bytes, or the reason it cannot make them. The annex “Danh sách
/// Thành viên” is added only when `annex` is true and the dossier carries its list.
pub fn docx_for_request(request: &str) -> Result<Vec<u8>, String> {
    let v: serde_json::Value = serde_json::from_str(request).map_err(|e| e.to_string())?;
    let today = v.get("today").and_then(|t| t.as_str()).and_then(Date::parse).ok_or("today")?;
    let annex = v.get("annex").and_then(serde_json::Value::as_bool).unwrap_or(false);
    let lines = |e: &[crate::Diagnostic]| e.iter().map(|d| d.text(crate::Lang::Vi)).collect::<Vec<_>>().join("\n");
    let file = crate::file::read_value(v.get("dossier").cloned().unwrap_or_default()).map_err(|e| lines(&e))?;
    let a = crate::engine::assess(&file, &Env::new(today));
    let docs = page::with_annex(&file, &a, annex).ok_or_else(|| lines(&a.problems))?;
    Ok(docx::write(&docs, &title(&file, &a)))
}

/// The three documents, in the order they are filed; `None` while the dossier is invalid.
pub fn build(file: &DossierFile, a: &Assessment) -> Option<Vec<Document>> {
    build_for(file, a, false)
}

/// The documents as published (Điều 21.3): the same, without the unit's notes and the column
/// of where each document is kept.
pub fn build_public(file: &DossierFile, a: &Assessment) -> Option<Vec<Document>> {
    build_for(file, a, true)
}

fn build_for(file: &DossierFile, a: &Assessment, public: bool) -> Option<Vec<Document>> {
    let result = a.evaluation.as_ref()?;
    // The figures the documents state are those the dossier stands on (the list's, if used).
    let counted = crate::roster::effective(file);
    let file = counted.as_ref().unwrap_or(file);
    let c = Ctx { file, a, result, rules: a.rules, scope: result.scope, year: result.year, public };
    let mut docs: Vec<Document> = request::build(&c).into_iter().collect();
    docs.push(report::build(&c));
    docs.push(summary::build(&c));
    Some(docs)
}

/// The annex “Danh sách Thành viên” (the member list behind the figures), for the printed and
/// Word dossier; `None` without a list or while the dossier is invalid. Off by default: the
/// caller adds it to [`build`]'s documents when the user asks, and
/// [`html::standalone`] leaves it out of any published report.
pub fn roster_annex(file: &DossierFile, a: &Assessment) -> Option<Document> {
    let result = a.evaluation.as_ref()?;
    let c = Ctx { file, a, result, rules: a.rules, scope: result.scope, year: result.year, public: false };
    roster::build(&c)
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
