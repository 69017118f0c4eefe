//! The receiving side's papers (Điều 10.2d–đ, 16.2d–đ; the year's report, Điều 20.3, 18.3)
//! in the layout of Nghị định 30/2020, as blocks, so HTML and Word come from the same
//! renderers as the unit's documents:
//!
//! - [`letter`]: to a unit not recognised, with each indicator found không đạt and its note;
//! - [`submission`]: the file put to the Chủ tịch UBND — the Tờ trình, the council's Báo cáo
//!   thẩm định, each unit's Bản tổng hợp as appraised, the draft Quyết định with its list;
//! - [`year_report`]: the year's report; `tables` has every table as sheets.
//!
//! Every article, date and number comes from the rules table and the register; the council's
//! verdicts decide what is listed, and a level its own verdicts do not meet is never listed.

pub mod tables;

use super::{basis, circular, long_date, place_and_date, verdict, Align, Block, Cell, Ctx, Document, Kind, Run};
use crate::appraisal::register::{self, Entry, Register};
use crate::appraisal::report::{tally, YearReport};
use crate::appraisal::{AppraisalFile, Channel, Form, Method, Outcome, Role};
use crate::engine::evaluate::{RequestKind, Status};
use crate::engine::{assess, Env};
use crate::rules::{Appraisal as Procedure, Level, RuleSet, Scope};
use crate::words::date_vi;

pub(crate) fn kind_vi(rules: &RuleSet, id: &str) -> String {
    rules.kind(id).map_or_else(|| id.to_string(), |k| k.name_vi.to_string())
}

pub(crate) fn level_vi(level: u8) -> String {
    match level {
        0 => "Chưa đạt".into(),
        l => format!("Mức độ {l}"),
    }
}

pub(crate) fn request_vi(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::First => "Công nhận",
        RequestKind::Renewal => "Công nhận lại",
        RequestKind::Upgrade => "Công nhận nâng mức độ",
        RequestKind::None => "Không đề nghị",
    }
}

pub(crate) fn form_vi(form: Form) -> &'static str {
    match form {
        Form::First => "Công nhận",
        Form::Renewal => "Công nhận lại",
        Form::Upgrade => "Công nhận nâng mức độ",
    }
}

/// "công nhận", "công nhận lại", "công nhận nâng mức độ", in a sentence.
fn verb(form: Option<Form>) -> String {
    form.map_or("công nhận", form_vi).to_lowercase()
}

pub(crate) fn channel_vi(c: Channel) -> &'static str {
    match c {
        Channel::Direct => "Trực tiếp",
        Channel::Online => "Trực tuyến",
        Channel::Post => "Bưu chính",
    }
}

fn role_vi(r: Option<Role>) -> &'static str {
    match r {
        Some(Role::Chair) => "Chủ tịch Hội đồng",
        Some(Role::Secretary) => "Thư ký",
        Some(Role::Member) | None => "Ủy viên",
    }
}

pub(crate) fn outcome_vi(e: &Entry) -> String {
    match (e.outcome, e.recognised) {
        _ if e.replaced_by.is_some() => "Đã thay bằng hồ sơ gửi sau".into(),
        (Some(Outcome::Recognise), Some(l)) => format!("Đề nghị {} mức độ {}", verb(e.form), l.number()),
        (Some(Outcome::Recognise), None) => "Đề nghị công nhận (chưa hợp lệ)".into(),
        (Some(Outcome::Refuse), _) => "Không công nhận".into(),
        (None, _) => "Chưa kết luận".into(),
    }
}

pub(crate) fn report_outcome_vi(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Recognise) => "Công nhận",
        Some(Outcome::Refuse) => "Không công nhận",
        None => "Chưa kết luận",
    }
}

/// What the papers of one appraisal read: the file, its register and the procedure.
struct Paper<'a> {
    file: &'a AppraisalFile,
    reg: &'a Register,
    rules: &'static RuleSet,
    p: &'static Procedure,
    scope: Scope,
    year: i32,
}

fn given(t: &Option<String>) -> Option<String> {
    t.clone().filter(|t| !t.trim().is_empty())
}

impl<'a> Paper<'a> {
    fn new(file: &'a AppraisalFile, reg: &'a Register) -> Option<Paper<'a>> {
        Some(Paper { file, reg, rules: reg.rules, p: reg.procedure?, scope: reg.scope?, year: reg.year? })
    }
    /// "Phòng Giáo dục và Đào tạo huyện Văn Lâm", else the rule set's recipient.
    fn body(&self) -> String {
        given(&self.file.body.name).unwrap_or_else(|| {
            let a = self.rules.authority(self.scope).map_or("", |a| a.recipient);
            match given(&self.file.body.province) {
                Some(p) if self.scope == Scope::Tinh => format!("{a} {p}"),
                _ => a.to_string(),
            }
        })
    }
    fn decision_maker(&self) -> String {
        given(&self.file.body.decision_maker)
            .unwrap_or_else(|| self.rules.authority(self.scope).map_or(String::new(), |a| a.decision_maker.to_string()))
    }
    /// The body's head as the text names the office: "Trưởng phòng Giáo dục và Đào tạo huyện
    /// Văn Lâm", "Giám đốc Sở Giáo dục và Đào tạo tỉnh Hưng Yên".
    fn head_office(&self) -> String {
        let body = self.body();
        if let Some(rest) = body.strip_prefix("Phòng ") {
            return format!("Trưởng phòng {rest}");
        }
        if body.starts_with("Sở ") {
            return format!("Giám đốc {body}");
        }
        self.p.council_head.to_string()
    }
    /// The signer's title: the file's, else the office's first words ("Trưởng phòng", "Giám đốc").
    fn signer_title(&self) -> String {
        given(&self.file.body.signer_title).unwrap_or_else(|| {
            let h = self.p.council_head;
            h.split(" Sở").next().unwrap_or(h).split(" Giáo dục").next().unwrap_or(h).to_string()
        })
    }
    fn place(&self) -> Option<String> {
        given(&self.file.body.place).or_else(|| given(&self.file.body.province))
    }
    fn masthead(&self, number: &str, subject: Option<String>, date: Option<crate::Date>) -> Block {
        Block::Masthead {
            parent: given(&self.file.body.parent),
            unit: self.body(),
            number: format!("Số:\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/{number}"),
            subject,
            place_date: place_and_date(self.place().as_deref(), date),
            draft: false,
        }
    }
    fn council_masthead(&self, date: Option<crate::Date>) -> Block {
        Block::Masthead {
            parent: Some(self.body()),
            unit: self.p.council_name.to_string(),
            number: String::new(),
            subject: None,
            place_date: place_and_date(self.place().as_deref(), date),
            draft: false,
        }
    }
    /// "“Đơn vị học tập” cấp huyện"
    fn unit_phrase(&self) -> String {
        format!("“Đơn vị học tập” {}", self.scope.name_vi())
    }
    /// "Căn cứ Quyết định số 15/QĐ-PGDĐT ngày 16/01/2026 của … về việc thành lập …;"
    fn council_basis(&self) -> Option<Block> {
        let c = &self.file.council;
        let number = given(&c.decision_no)?;
        let date = c.decision_date.map(|d| format!(" ngày {}", date_vi(d))).unwrap_or_default();
        Some(Block::Para(vec![Run::plain(format!(
            "Căn cứ Quyết định số {number}{date} của {} về việc thành lập {};",
            self.head_office(),
            self.p.council_name
        ))]))
    }
    /// "họp ngày 25/01/2026", "lấy ý kiến bằng văn bản ngày 25/01/2026": how the council
    /// appraised, briefly.
    fn method_phrase(&self) -> String {
        let c = &self.file.council;
        let how = match c.method {
            Some(Method::Written) => "lấy ý kiến bằng văn bản",
            _ => "họp",
        };
        match c.date {
            Some(d) => format!("{how} ngày {}", date_vi(d)),
            None => how.to_string(),
        }
    }
    /// "Ngày 25/01/2026, Hội đồng đã tổ chức cuộc họp" / "… lấy ý kiến bằng văn bản của các
    /// ủy viên Hội đồng", in the words of điểm c.
    fn method_sentence(&self) -> String {
        let c = &self.file.council;
        let how = match c.method {
            Some(Method::Written) => "lấy ý kiến bằng văn bản của các ủy viên Hội đồng",
            _ => "tổ chức cuộc họp Hội đồng",
        };
        let when = c.date.map_or_else(String::new, |d| format!("Ngày {}, ", date_vi(d)));
        format!("{when}Hội đồng đã {how}")
    }
    fn chair(&self) -> String {
        self.file
            .council
            .members
            .iter()
            .find(|m| m.role == Some(Role::Chair))
            .and_then(|m| given(&m.name))
            .unwrap_or_default()
    }
    fn signature(&self, copies: &[String]) -> Block {
        let mut copies = copies.to_vec();
        copies.push("Lưu: VT.".into());
        Block::Signature {
            copies,
            title: self.signer_title().to_uppercase(),
            name: given(&self.file.body.head).unwrap_or_default(),
        }
    }
    fn council_signature(&self) -> Block {
        Block::Signature { copies: Vec::new(), title: "CHỦ TỊCH HỘI ĐỒNG".into(), name: self.chair() }
    }
    fn title_of(&self, id: &str, level: Level) -> String {
        self.rules.indicator(self.scope, level, id).map_or_else(String::new, |d| d.title_vi.to_string())
    }
}

/// What the unit's own status says, in a few words.
fn unit_verdict(s: Status) -> String {
    match s {
        Status::MissingEvidence => "Không đạt (chưa có minh chứng)".into(),
        Status::MissingInput => "Không đạt (chưa đủ số liệu)".into(),
        s => verdict(s).into(),
    }
}

/// The letter to a unit the council did not find meeting the conditions (Điều 10.2d, 16.2d):
/// each indicator found không đạt with the council's note, and the council's own words.
/// `None` unless the entry is refused.
pub fn letter(file: &AppraisalFile, reg: &Register, position: usize) -> Option<Document> {
    let c = Paper::new(file, reg)?;
    let e = reg.entries.get(position)?;
    if e.outcome != Some(Outcome::Refuse) || e.replaced_by.is_some() {
        return None;
    }
    let unit = if e.name.is_empty() { e.file.clone() } else { e.name.clone() };
    let level = e.request.map_or(0, |r| r.level);
    let mut blocks = vec![
        c.masthead(
            "…",
            Some(format!("V/v kết quả thẩm định hồ sơ đề nghị công nhận {} năm {}", c.unit_phrase(), c.year)),
            None,
        ),
        Block::Recipient(unit.clone()),
        Block::Para(vec![Run::plain(basis(c.rules))]),
    ];
    blocks.extend(c.council_basis());
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Căn cứ kết quả thẩm định của {} ({}),",
        c.p.council_short,
        c.method_phrase()
    ))]));
    let asked = if level > 0 { format!(" mức độ {level}") } else { String::new() };
    blocks.push(Block::Para(vec![Run::plain(format!(
        "{} thông báo: hồ sơ đề nghị {} {}{asked} năm {} của {unit} chưa đáp ứng đủ điều kiện công nhận ({}). Lý do không đạt:",
        c.body(),
        verb(e.form),
        c.unit_phrase(),
        c.year,
        c.p.refusal.long_vi()
    ))]));
    let failed: Vec<_> = e.appraised.as_ref().map(|a| a.failed().collect()).unwrap_or_default();
    if !failed.is_empty() {
        let level = e.appraised.as_ref().map_or(Level::One, |a| a.level);
        let rows = failed
            .iter()
            .enumerate()
            .map(|(i, v)| {
                vec![
                    Cell::center((i + 1).to_string()),
                    Cell::center(v.id),
                    Cell::text(c.title_of(v.id, level)),
                    Cell::text(unit_verdict(v.unit)),
                    Cell::text(v.note.clone().unwrap_or_else(|| "Không đạt".into())),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: vec![
                "STT".into(),
                "Chỉ tiêu".into(),
                "Nội dung".into(),
                "Tự đánh giá của đơn vị".into(),
                "Ý kiến của Hội đồng".into(),
            ],
            widths: vec![6, 10, 36, 22, 26],
            rows,
        });
    }
    // An invalid dossier: its own problems are the reasons.
    for p in e.problems.iter().take(20) {
        blocks.push(Block::Para(vec![Run::plain(format!("- {}", p.text(crate::Lang::Vi)))]));
    }
    if let Some(note) = given(&file.dossiers[e.index].appraisal.note) {
        blocks.push(Block::Para(vec![Run::bold("Ý kiến của Hội đồng: "), Run::plain(note)]));
    }
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Đề nghị {unit} tiếp tục xây dựng {}, khắc phục các nội dung chưa đạt nêu trên./.",
        c.unit_phrase()
    ))]));
    blocks.push(c.signature(&["Như trên;".into()]));
    Some(Document { kind: Kind::Letter, blocks })
}

/// The letters of every unit refused, in the order of names.
pub fn letters(file: &AppraisalFile, reg: &Register) -> Vec<Document> {
    let positions: Vec<usize> =
        register::refused(reg).iter().filter_map(|e| reg.entries.iter().position(|x| x.index == e.index)).collect();
    positions.into_iter().filter_map(|p| letter(file, reg, p)).collect()
}

/// "3 đơn vị (mức độ 1: 2; mức độ 2: 1)", "1 đơn vị (mức độ 2)"
fn counted(entries: &[&Entry]) -> String {
    let l1 = entries.iter().filter(|e| e.recognised == Some(Level::One)).count();
    let l2 = entries.len() - l1;
    match (l1, l2) {
        (0, 0) => "0 đơn vị".into(),
        (n, 0) => format!("{n} đơn vị (mức độ 1)"),
        (0, n) => format!("{n} đơn vị (mức độ 2)"),
        (a, b) => format!("{} đơn vị (mức độ 1: {a}; mức độ 2: {b})", a + b),
    }
}

fn submission_request(c: &Paper, decided: &[&Entry]) -> Document {
    let mut blocks = vec![
        c.masthead("TTr-…", None, None),
        Block::Title {
            kind: "TỜ TRÌNH".into(),
            summary: format!("Đề nghị công nhận {} năm {}", c.unit_phrase(), c.year),
        },
        Block::Recipient(c.decision_maker()),
        Block::Para(vec![Run::plain(basis(c.rules))]),
    ];
    blocks.extend(c.council_basis());
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Căn cứ Báo cáo thẩm định của {} ({}),",
        c.p.council_short,
        c.method_phrase()
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "{} kính trình {} xem xét, quyết định công nhận {} đạt {} năm {}, gồm:",
        c.body(),
        c.decision_maker(),
        counted(decided),
        c.unit_phrase(),
        c.year
    ))]));
    for form in Form::ALL {
        let of: Vec<&Entry> = decided.iter().copied().filter(|e| e.form == Some(*form)).collect();
        if !of.is_empty() {
            blocks.push(Block::Para(vec![Run::plain(format!("- {}: {};", form_vi(*form), counted(&of)))]));
        }
    }
    blocks.push(Block::Para(vec![Run::italic("(Có danh sách kèm theo dự thảo Quyết định.)")]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Hồ sơ trình ({}) gồm: Tờ trình; Báo cáo thẩm định của {}; Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu của từng đơn vị do {} thẩm định; dự thảo Quyết định công nhận.",
        c.p.submission.long_vi(),
        c.p.council_short,
        c.p.council_short
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!("Kính trình {} xem xét, quyết định./.", c.decision_maker()))]));
    blocks.push(c.signature(&["Như trên;".into()]));
    Document { kind: Kind::Submission, blocks }
}

fn appraisal_report(c: &Paper) -> Document {
    let reg = c.reg;
    let file = c.file;
    let mut blocks = vec![
        c.council_masthead(file.council.date),
        Block::Title {
            kind: "BÁO CÁO".into(),
            summary: format!("Kết quả thẩm định hồ sơ đề nghị công nhận {} năm {}", c.unit_phrase(), c.year),
        },
        Block::Recipient(c.head_office()),
        Block::Heading("I. CĂN CỨ".into()),
        Block::Para(vec![Run::plain(basis(c.rules))]),
    ];
    blocks.extend(c.council_basis());
    blocks.push(Block::Heading("II. THÀNH PHẦN HỘI ĐỒNG".into()));
    let members = file
        .council
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                Cell::center((i + 1).to_string()),
                Cell::text(given(&m.name).unwrap_or_default()),
                Cell::text(given(&m.organisation).unwrap_or_default()),
                Cell::text(role_vi(m.role)),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        header: vec!["STT".into(), "Họ và tên".into(), "Cơ quan, tổ chức".into(), "Nhiệm vụ".into()],
        widths: vec![6, 36, 36, 22],
        rows: members,
    });
    blocks.push(Block::Heading("III. QUÁ TRÌNH THẨM ĐỊNH".into()));
    let counts = register::counts(reg, 0..reg.entries.len());
    blocks.push(Block::Para(vec![Run::plain(format!(
        "{} đã tiếp nhận, rà soát, kiểm tra {} hồ sơ ({}), trong đó {} hồ sơ nộp đúng hạn, {} hồ sơ nộp sau hạn{}{}.",
        c.body(),
        counts.dossiers,
        c.p.intake.long_vi(),
        counts.on_time,
        counts.late,
        if counts.replaced > 0 {
            format!(", {} hồ sơ được đơn vị gửi lại thay hồ sơ trước", counts.replaced)
        } else {
            String::new()
        },
        if reg.rejected.is_empty() {
            String::new()
        } else {
            format!("; {} tệp không được tiếp nhận", reg.rejected.len())
        },
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "{} ({}) để thẩm định hồ sơ đề nghị công nhận {} năm {}.",
        c.method_sentence(),
        c.p.meeting.long_vi(),
        c.unit_phrase(),
        c.year
    ))]));
    blocks.push(Block::Heading("IV. KẾT QUẢ THẨM ĐỊNH".into()));
    let mut shown: Vec<&Entry> = reg.entries.iter().filter(|e| e.replaced_by.is_none()).collect();
    shown.sort_by(|a, b| (&a.sort, a.index).cmp(&(&b.sort, b.index)));
    let rows = shown
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let asked = match e.request {
                Some(r) if r.kind != RequestKind::None => format!("{} mức độ {}", request_vi(r.kind), r.level),
                Some(_) => "Không đề nghị".into(),
                None => "Hồ sơ không hợp lệ".into(),
            };
            vec![
                Cell::center((i + 1).to_string()),
                Cell::text(if e.name.is_empty() { e.file.clone() } else { e.name.clone() }),
                Cell::text(e.kind.map_or("", |k| k.name_vi)),
                Cell::text(asked),
                Cell::center(if e.valid() { level_vi(e.level()) } else { "—".into() }),
                Cell::center(e.council_level().map_or_else(|| "—".into(), level_vi)),
                Cell::text(outcome_vi(e)),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        header: vec![
            "STT".into(),
            "Tên đơn vị".into(),
            "Loại đơn vị".into(),
            "Đề nghị".into(),
            "Tự đánh giá".into(),
            "Hội đồng thẩm định".into(),
            "Kết luận".into(),
        ],
        widths: vec![6, 26, 16, 14, 12, 12, 14],
        rows,
    });
    blocks.push(Block::Heading("V. KIẾN NGHỊ".into()));
    let decided = register::decided(reg);
    let refused = register::refused(reg);
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Hội đồng đề nghị {} trình {} xem xét, quyết định công nhận {} đạt {} năm {} (danh sách kèm theo dự thảo Quyết định).",
        c.head_office(),
        c.decision_maker(),
        counted(&decided),
        c.unit_phrase(),
        c.year
    ))]));
    if !refused.is_empty() {
        blocks.push(Block::Para(vec![Run::plain(format!(
            "{} đơn vị chưa đáp ứng đủ điều kiện công nhận; đề nghị {} có văn bản trả lời đơn vị, nêu rõ lý do không đạt ({}):",
            refused.len(),
            c.head_office(),
            c.p.refusal.long_vi()
        ))]));
        for e in refused {
            let mut reasons: Vec<String> = e
                .appraised
                .as_ref()
                .map(|a| {
                    a.failed()
                        .map(|v| match &v.note {
                            Some(n) => format!("chỉ tiêu {} ({n})", v.id),
                            None => format!("chỉ tiêu {}", v.id),
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !e.valid() {
                reasons.push("hồ sơ không hợp lệ".into());
            }
            reasons.extend(given(&file.dossiers[e.index].appraisal.note));
            let name = if e.name.is_empty() { e.file.clone() } else { e.name.clone() };
            blocks.push(Block::Para(vec![Run::plain(format!("- {name}: {}.", reasons.join("; ")))]));
        }
    }
    blocks.push(c.council_signature());
    Document { kind: Kind::AppraisalReport, blocks }
}

/// A unit's Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu as the council appraised it:
/// the Circular's wording, the unit's figures and self-assessment beside the council's verdict
/// and note (Điều 10.2đ, 16.2đ). `None` for an entry not appraised.
pub fn appraised_summary(file: &AppraisalFile, reg: &Register, position: usize, env: &Env) -> Option<Document> {
    let c = Paper::new(file, reg)?;
    let e = reg.entries.get(position)?;
    let appraised = e.appraised.as_ref()?;
    let dossier = register::dossier_of(&file.dossiers[e.index]).ok()?;
    let a = assess(&dossier, env);
    let result = a.evaluation.as_ref()?;
    let unit =
        Ctx { file: &dossier, a: &a, result, rules: a.rules, scope: result.scope, year: result.year, public: false };
    let level = appraised.level;
    let li = usize::from(level.number() - 1);
    let council_level = appraised.levels.iter().find(|l| l.level == level);
    let unit_level = result.level(level);
    let mut rows = Vec::new();
    for (ci, crit) in c.rules.criteria.iter().enumerate() {
        let met = |l: Option<&crate::engine::evaluate::LevelResult>| {
            if l.and_then(|l| l.criteria.get(ci)).is_some_and(|x| x.met) {
                "Đạt"
            } else {
                "Không đạt"
            }
        };
        rows.push(vec![
            Cell::bold(format!("Tiêu chí {}: {}", crit.number, crit.title_vi), 2),
            Cell { runs: vec![Run::bold(met(unit_level))], align: Align::Center, span: 1 },
            Cell { runs: vec![Run::bold(met(council_level))], align: Align::Center, span: 1 },
            Cell::text(""),
        ]);
        for view in unit.indicators(crit.number) {
            let Some(def) = view.defs[li] else { continue };
            let Some(v) = appraised.verdicts.iter().find(|v| v.id == view.id) else { continue };
            let wording = Cell {
                runs: vec![
                    Run::bold(format!("{}. {}", view.id, def.title_vi)),
                    Run::plain(format!("\n{}", def.text)),
                    Run::italic(format!(" ({})", def.cite.short())),
                ],
                align: Align::Left,
                span: 1,
            };
            let figures = if v.unit == Status::NotApplicable {
                String::new()
            } else {
                super::summary::figures(&unit, view, li).join("\n")
            };
            let council = match (v.verdict, v.council) {
                (Some(_), s) => verdict(s).to_string(),
                (None, Status::NotApplicable) => verdict(Status::NotApplicable).to_string(),
                (None, s) => format!("{} (như tự đánh giá)", verdict(s)),
            };
            rows.push(vec![
                wording,
                Cell::text(figures),
                Cell::center(unit_verdict(v.unit)),
                Cell::center(council),
                Cell::text(v.note.clone().unwrap_or_default()),
            ]);
        }
    }
    let name = if e.name.is_empty() { e.file.clone() } else { e.name.clone() };
    let conclusion = match appraised.council_level {
        0 => format!("{name} chưa đạt {} mức độ {} năm {}.", c.unit_phrase(), level.number(), c.year),
        l => format!("{name} đạt {} mức độ {l} năm {}.", c.unit_phrase(), c.year),
    };
    let blocks = vec![
        c.council_masthead(file.council.date),
        Block::Title {
            kind: "BẢN TỔNG HỢP".into(),
            summary: format!(
                "Kết quả đánh giá các tiêu chí, chỉ tiêu {} mức độ {} năm {} của {name} do {} thẩm định",
                c.unit_phrase(),
                level.number(),
                c.year,
                c.p.council_short
            ),
        },
        Block::Table {
            header: vec![
                "Tiêu chí, chỉ tiêu (nội dung theo Thông tư)".into(),
                "Kết quả, số liệu của đơn vị".into(),
                "Tự đánh giá".into(),
                "Hội đồng thẩm định".into(),
                "Ghi chú của Hội đồng".into(),
            ],
            widths: vec![36, 22, 13, 13, 16],
            rows,
        },
        Block::Para(vec![Run::bold("Kết luận của Hội đồng: "), Run::plain(conclusion)]),
        c.council_signature(),
    ];
    Some(Document { kind: Kind::AppraisedSummary, blocks })
}

/// The issuing authority of the decision: the body's parent when it is a People's
/// Committee, else the decision-maker's office ("Chủ tịch Ủy ban nhân dân huyện X" → "Ủy ban
/// nhân dân huyện X").
fn authority(c: &Paper) -> String {
    match given(&c.file.body.parent) {
        Some(p) if p.to_lowercase().contains("ủy ban nhân dân") || p.to_lowercase().contains("uỷ ban nhân dân") => {
            p
        }
        _ => {
            let dm = c.decision_maker();
            dm.strip_prefix("Chủ tịch ").map_or(dm.clone(), str::to_string)
        }
    }
}

fn decision(c: &Paper, decided: &[&Entry]) -> Vec<Document> {
    let file = c.file;
    let number = given(&file.decision.number);
    let date = file.decision.date;
    let procedure = c.rules.procedure(c.scope);
    let mut blocks = vec![
        Block::Masthead {
            parent: None,
            unit: authority(c),
            number: number.clone().map_or_else(
                || "Số:\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/QĐ-UBND".into(),
                |n| format!("Số: {n}"),
            ),
            subject: None,
            place_date: place_and_date(c.place().as_deref(), date),
            draft: true,
        },
        Block::Title {
            kind: "QUYẾT ĐỊNH".into(),
            summary: format!("Về việc công nhận {} năm {}", c.unit_phrase(), c.year),
        },
        Block::Center(c.decision_maker().to_uppercase()),
        Block::Para(vec![Run::plain(basis(c.rules))]),
    ];
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Căn cứ Báo cáo thẩm định của {}{};",
        c.p.council_name,
        file.council.date.map_or_else(String::new, |d| format!(" ngày {}", date_vi(d)))
    ))]));
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Theo đề nghị của {} tại Tờ trình số ……/TTr-… ngày …… .",
        c.head_office()
    ))]));
    blocks.push(Block::Center("QUYẾT ĐỊNH:".into()));
    blocks.push(Block::Para(vec![
        Run::bold("Điều 1. "),
        Run::plain(format!(
            "Công nhận {} đạt {} năm {} (có danh sách kèm theo).",
            counted(decided),
            c.unit_phrase(),
            c.year
        )),
    ]));
    if let Some(p) = procedure {
        blocks.push(Block::Para(vec![
            Run::bold("Điều 2. "),
            Run::plain(format!(
                "Kết quả công nhận được bảo lưu trong thời hạn {:02} năm tiếp theo năm được công nhận ({} {}).",
                c.rules.timing.valid_years,
                p.validity.long_vi(),
                circular(c.rules)
            )),
        ]));
    }
    blocks.push(Block::Para(vec![
        Run::bold("Điều 3. "),
        Run::plain(format!(
            "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng {}, {} và Thủ trưởng các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            authority(c),
            c.head_office()
        )),
    ]));
    blocks.push(Block::Signature {
        copies: vec!["Như Điều 3;".into(), "Lưu: VT.".into()],
        title: "CHỦ TỊCH".into(),
        name: String::new(),
    });
    let list = Document {
        kind: Kind::Decision,
        blocks: vec![
            Block::Title {
                kind: "DANH SÁCH".into(),
                summary: format!(
                    "Đơn vị đạt {} năm {} (kèm theo Quyết định số {} {} của {})",
                    c.unit_phrase(),
                    c.year,
                    number.unwrap_or_else(|| "……/QĐ-UBND".into()),
                    date.map_or_else(|| "ngày …… tháng …… năm ……".into(), long_date),
                    c.decision_maker()
                ),
            },
            Block::Table {
                header: vec![
                    "STT".into(),
                    "Tên đơn vị".into(),
                    "Loại đơn vị".into(),
                    "Mức độ".into(),
                    "Hình thức công nhận".into(),
                ],
                widths: vec![6, 36, 26, 10, 22],
                rows: decided
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        vec![
                            Cell::center((i + 1).to_string()),
                            Cell::text(e.name.clone()),
                            Cell::text(e.kind.map_or("", |k| k.name_vi)),
                            Cell::center(e.recognised.map_or(0, Level::number).to_string()),
                            Cell::text(e.form.map_or("Công nhận", form_vi)),
                        ]
                    })
                    .collect(),
            },
        ],
    };
    vec![Document { kind: Kind::Decision, blocks }, list]
}

/// The file put to the Chủ tịch UBND (Điều 10.2đ, 16.2đ), in order: the Tờ trình, the
/// council's Báo cáo thẩm định, each recognised unit's Bản tổng hợp as appraised, the draft
/// Quyết định and its list. Only the units whose recognition the council's own verdicts
/// support are listed. `None` without a year and scope.
pub fn submission(file: &AppraisalFile, reg: &Register, env: &Env) -> Option<Vec<Document>> {
    let c = Paper::new(file, reg)?;
    let decided = register::decided(reg);
    let mut docs = vec![submission_request(&c, &decided), appraisal_report(&c)];
    for e in &decided {
        let position = reg.entries.iter().position(|x| x.index == e.index)?;
        docs.extend(appraised_summary(file, reg, position, env));
    }
    docs.extend(decision(&c, &decided));
    Some(docs)
}

/// One paper of the submission alone, as a screen prints or previews it: the Tờ trình
/// (`request`), the Báo cáo thẩm định (`report`), or the draft Quyết định with its list
/// (`decision`). The same documents as in [`submission`], without making every unit's Bản tổng
/// hợp (of which there may be thousands).
pub fn submission_part(file: &AppraisalFile, reg: &Register, which: &str) -> Option<Vec<Document>> {
    let c = Paper::new(file, reg)?;
    let decided = register::decided(reg);
    match which {
        "request" => Some(vec![submission_request(&c, &decided)]),
        "report" => Some(vec![appraisal_report(&c)]),
        "decision" => Some(decision(&c, &decided)),
        _ => None,
    }
}

/// The title of the papers' file: "Hồ sơ thẩm định “Đơn vị học tập” cấp huyện năm 2025 — …".
pub fn title(file: &AppraisalFile, reg: &Register) -> String {
    format!(
        "Hồ sơ thẩm định “Đơn vị học tập” {} năm {} — {}",
        reg.scope.map_or("", Scope::name_vi),
        reg.year.unwrap_or_default(),
        file.body.name.clone().unwrap_or_default()
    )
}

/// The year's report (Điều 20.3 Phòng → Sở; 18.3 Sở → Bộ), with the due day of the Circular
/// and, beside it, the province's.
pub fn year_report(
    rules: &'static RuleSet,
    r: &YearReport,
    parent: Option<&str>,
    head: Option<&str>,
) -> Option<Document> {
    let scope = r.scope?;
    let year = i32::try_from(r.year?).ok()?;
    let p = rules.appraisal(scope)?;
    let t = tally(rules, r);
    let phrase = format!("“Đơn vị học tập” {}", scope.name_vi());
    let body = r.body.clone().unwrap_or_default();
    let next = year.saturating_add(1);
    let mut due = Vec::new();
    match p.report_before.and_then(|md| md.in_year(next).add_days(-1)) {
        Some(d) => due.push(format!(
            "trước ngày {} ({} {})",
            date_vi(d.add_days(1).unwrap_or(d)),
            p.report.long_vi(),
            circular(rules)
        )),
        None => due.push(format!("vào cuối năm học ({} {})", p.report.long_vi(), circular(rules))),
    }
    if let Some(c) = r.province.as_deref().and_then(|x| rules.calendar(x.trim())) {
        let own = if scope == Scope::Huyen { Some(c.district_report_before) } else { c.province_report_before };
        if let Some(md) = own {
            due.push(format!(
                "theo kế hoạch của tỉnh {}: trước ngày {} ({})",
                c.province,
                date_vi(md.in_year(next)),
                c.source
            ));
        }
    }
    let recipient = match (scope, r.province.as_deref()) {
        (Scope::Huyen, Some(prov)) => format!("{} tỉnh {prov}", p.report_to),
        _ => p.report_to.to_string(),
    };
    let mut blocks = vec![
        Block::Masthead {
            parent: parent.map(str::to_string),
            unit: body.clone(),
            number: "Số:\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-…".into(),
            subject: None,
            place_date: place_and_date(r.province.as_deref(), None),
            draft: false,
        },
        Block::Title {
            kind: "BÁO CÁO".into(), summary: format!("Kết quả đánh giá, công nhận {phrase} năm {year}")
        },
        Block::Recipient(recipient),
        Block::Para(vec![Run::plain(format!(
            "Thực hiện {} {}, {body} báo cáo kết quả đánh giá, công nhận {phrase} năm {year} như sau:",
            p.report.long_vi(),
            circular(rules)
        ))]),
        Block::Para(vec![Run::italic(format!("Thời hạn báo cáo: {}.", due.join("; ")))]),
        Block::Heading("I. TIẾP NHẬN HỒ SƠ".into()),
        Block::Para(vec![Run::plain(format!(
            "Số hồ sơ đề nghị đánh giá, công nhận đã tiếp nhận: {}; trong đó nộp đúng hạn: {}.",
            r.received.map_or_else(|| "…".into(), |n| n.to_string()),
            r.on_time.map_or_else(|| "…".into(), |n| n.to_string())
        ))]),
    ];
    if !r.sources.is_empty() {
        blocks.push(Block::Para(vec![Run::plain(format!("Tổng hợp cả báo cáo của: {}.", r.sources.join("; ")))]));
    }
    blocks.push(Block::Heading("II. KẾT QUẢ CÔNG NHẬN".into()));
    let mut rows: Vec<Vec<Cell>> = t
        .by_kind
        .iter()
        .map(|(k, n)| {
            vec![
                Cell::text(kind_vi(rules, k)),
                Cell::center(n[0].to_string()),
                Cell::center(n[1].to_string()),
                Cell::center(n[2].to_string()),
                Cell::center((n[0] + n[1] + n[2]).to_string()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::bold("Tổng cộng", 1),
        Cell::center(t.by_level[0].to_string()),
        Cell::center(t.by_level[1].to_string()),
        Cell::center(t.refused.to_string()),
        Cell::center((t.recognised + t.refused).to_string()),
    ]);
    blocks.push(Block::Table {
        header: vec![
            "Loại đơn vị".into(),
            "Mức độ 1".into(),
            "Mức độ 2".into(),
            "Không công nhận".into(),
            "Tổng số".into(),
        ],
        widths: vec![46, 14, 14, 13, 13],
        rows,
    });
    blocks.push(Block::Para(vec![Run::plain(format!(
        "Trong số {} đơn vị được công nhận: công nhận {}; công nhận lại {}; công nhận nâng mức độ {}.{}",
        t.recognised,
        t.by_form[0],
        t.by_form[1],
        t.by_form[2],
        if t.undecided > 0 { format!(" Còn {} hồ sơ chưa có kết luận.", t.undecided) } else { String::new() }
    ))]));
    blocks.push(Block::Heading("III. ĐƠN VỊ KHÔNG ĐƯỢC CÔNG NHẬN".into()));
    let refused: Vec<_> = r.units.iter().filter(|u| u.outcome == Some(Outcome::Refuse)).collect();
    if refused.is_empty() {
        blocks.push(Block::Para(vec![Run::plain("Không có.")]));
    }
    for u in refused {
        let mut reasons: Vec<String> = u
            .reasons
            .iter()
            .map(|x| match (&x.indicator, &x.note) {
                (Some(i), Some(n)) => format!("chỉ tiêu {i} ({n})"),
                (Some(i), None) => format!("chỉ tiêu {i}"),
                (None, Some(n)) => n.clone(),
                (None, None) => String::new(),
            })
            .filter(|s| !s.is_empty())
            .collect();
        reasons.extend(u.note.clone());
        blocks.push(Block::Para(vec![Run::plain(format!(
            "- {}: {}.",
            u.name.clone().unwrap_or_default(),
            if reasons.is_empty() { "không nêu lý do".into() } else { reasons.join("; ") }
        ))]));
    }
    blocks.push(Block::Heading(format!("IV. CÔNG NHẬN HẾT THỜI HẠN TRONG NĂM {year}")));
    if r.expiring.is_empty() {
        blocks.push(Block::Para(vec![Run::plain("Không có.")]));
    }
    for x in &r.expiring {
        blocks.push(Block::Para(vec![Run::plain(format!(
            "- {}: mức độ {}, Quyết định số {} ngày {}.",
            x.unit.clone().unwrap_or_default(),
            x.level.map_or(0, Level::number),
            x.decision_no.clone().unwrap_or_else(|| "…".into()),
            x.decision_date.map_or_else(|| "…".into(), date_vi)
        ))]));
    }
    blocks.push(Block::Heading("V. DANH SÁCH ĐƠN VỊ ĐƯỢC CÔNG NHẬN".into()));
    let listed: Vec<Vec<Cell>> = r
        .units
        .iter()
        .filter(|u| u.outcome == Some(Outcome::Recognise) && u.level.is_some())
        .enumerate()
        .map(|(i, u)| {
            vec![
                Cell::center((i + 1).to_string()),
                Cell::text(u.name.clone().unwrap_or_default()),
                Cell::text(u.kind.as_deref().map(|k| kind_vi(rules, k)).unwrap_or_default()),
                Cell::center(u.level.map_or(0, Level::number).to_string()),
                Cell::text(u.form.map_or("Công nhận", form_vi)),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        header: vec![
            "STT".into(),
            "Tên đơn vị".into(),
            "Loại đơn vị".into(),
            "Mức độ".into(),
            "Hình thức công nhận".into(),
        ],
        widths: vec![6, 36, 26, 10, 22],
        rows: listed,
    });
    blocks.push(Block::Signature {
        copies: vec!["Như trên;".into(), "Lưu: VT.".into()],
        title: head.unwrap_or("THỦ TRƯỞNG CƠ QUAN").to_uppercase(),
        name: String::new(),
    });
    Some(Document { kind: Kind::YearReport, blocks })
}
