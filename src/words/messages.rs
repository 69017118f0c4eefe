//! Everything the engine tells a user: problems that stop a dossier from being read, and
//! warnings and notes about one that was. Each names the field it concerns; the text is
//! Vietnamese by default, English on request.

use serde::ser::SerializeStruct;
use serde::Serialize;

use super::Lang;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Limit, Message};
use crate::file::FieldPath;
use crate::rules::{Cite, RuleSet, ValidityReading};

impl Diagnostic {
    /// The sentence for a user, in the words of the dossier's rule set.
    pub fn text(&self, lang: Lang) -> String {
        self.message.text(self.rules, &self.field, lang)
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diagnostic", 4)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.text(Lang::Vi))?;
        st.end()
    }
}

/// The label of a field path, in the user's language, if it has one (from the field table,
/// or the rule set's for its answers).
pub fn field_label(rules: &RuleSet, field: &str, lang: Lang) -> Option<&'static str> {
    let (vi, en) = FieldPath::parse(field, rules)?.label(rules)?;
    Some(if lang.vi() { vi } else { en })
}

/// The receiving side's messages (appraisal.md), in words in every build but the unit's first
/// module: built without the `appraisal` feature (www/index.html), it never reports them, and
/// would say only the message's code.
fn receiving(m: &Message, rules: &RuleSet, f: &str, lang: Lang) -> String {
    if !cfg!(feature = "appraisal") {
        format!("{f}: {}", m.code())
    } else if lang.vi() {
        super::appraisal::vi(m, rules, f)
    } else {
        super::appraisal::en(m, rules, f)
    }
}

/// The field as a user knows it, by its label, never by its path: "Tổng số Thành viên trong
/// đơn vị", "Ngày ban hành của minh chứng thứ 2, chỉ tiêu 1.4". The path stays in the
/// diagnostic's `field` for scripts.
pub fn named(rules: &RuleSet, field: &str, lang: Lang) -> String {
    let vi = lang.vi();
    let pick = |(v, e): (&'static str, &'static str)| if vi { v } else { e };
    let label = |p: &FieldPath| p.label(rules).map(pick);
    let Some(path) = FieldPath::parse(field, rules) else {
        // A field of the receiving side's files (the appraisal, the register, the report).
        // (Not in the unit's first module, built without the `appraisal` feature: none of its
        // messages is about them.)
        if cfg!(feature = "appraisal") {
            if let Some(name) = super::appraisal::named(rules, field, lang) {
                return name;
            }
        }
        // A list item the table has no row for ("report.recipients[2]"): its list, and where.
        if let Some((list, rest)) = field.split_once('[') {
            let n = rest.split(']').next().and_then(|n| n.parse::<usize>().ok()).map_or(0, |n| n + 1);
            let list = named(rules, list, lang);
            return if vi { format!("{list} (mục thứ {n})") } else { format!("{list} (item {n})") };
        }
        return if vi { format!("Mục “{field}”") } else { format!("Field “{field}”") };
    };
    let own = label(&path).unwrap_or(field);
    match &path {
        FieldPath::Evidence(id, None, _) if vi => format!("Minh chứng của chỉ tiêu {id}"),
        FieldPath::Evidence(id, None, _) => format!("Evidence for indicator {id}"),
        FieldPath::Evidence(id, Some(i), None) if vi => format!("Minh chứng thứ {} của chỉ tiêu {id}", i + 1),
        FieldPath::Evidence(id, Some(i), None) => format!("Evidence item {} of indicator {id}", i + 1),
        FieldPath::Evidence(id, Some(i), Some(_)) if vi => format!("{own} của minh chứng thứ {}, chỉ tiêu {id}", i + 1),
        FieldPath::Evidence(id, Some(i), Some(_)) => format!("{own} of evidence item {}, indicator {id}", i + 1),
        FieldPath::Note(id) if vi => format!("Ghi chú của chỉ tiêu {id}"),
        FieldPath::Note(id) => format!("The note on indicator {id}"),
        FieldPath::Team(i, None) if vi => format!("Thành viên thứ {} của Tổ đánh giá", i + 1),
        FieldPath::Team(i, None) => format!("Team member {}", i + 1),
        FieldPath::Team(i, Some(_)) if vi => format!("{own} của thành viên thứ {} của Tổ đánh giá", i + 1),
        FieldPath::Team(i, Some(_)) => format!("{own} of team member {}", i + 1),
        FieldPath::Criterion(n, _) if vi => format!("{own} (Tiêu chí {n})"),
        FieldPath::Criterion(n, _) => format!("{own} (criterion {n})"),
        _ => own.to_string(),
    }
}

fn kind_name(rules: &RuleSet, id: &str, lang: Lang) -> String {
    match rules.kind(id) {
        Some(k) if lang.vi() => format!("“{}”", k.name_vi),
        Some(k) => format!("“{}”", k.name_en),
        None => format!("“{id}”"),
    }
}

fn reading_vi(r: ValidityReading) -> &'static str {
    match r {
        ValidityReading::DecisionYear => "năm ra quyết định",
        ValidityReading::AssessedYear => "năm đánh giá được công nhận",
    }
}

fn reading_en(r: ValidityReading) -> &'static str {
    match r {
        ValidityReading::DecisionYear => "the year of the decision",
        ValidityReading::AssessedYear => "the assessed year recognised",
    }
}

/// "phiên bản 1": the format versions this build reads.
fn versions_vi() -> String {
    format!("phiên bản {}", crate::file::VERSION)
}

/// 01/7/2025: as Nghị định 30/2020 writes a date in running text (days below 10 and the
/// months January and February with a leading zero).
pub fn date_short_vi(d: Date) -> String {
    let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
    format!("{:02}/{month}/{}", d.day(), d.year())
}

/// "1 July 2025"
pub fn date_long_en(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), MONTHS.get(usize::from(d.month()).wrapping_sub(1)).unwrap_or(&""), d.year())
}

/// 14/01/2026, the way Vietnamese documents write dates.
pub fn date_vi(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

impl Message {
    /// The sentence for a user, naming `field`, in the words of `rules`.
    pub fn text(&self, rules: &RuleSet, field: &str, lang: Lang) -> String {
        let f = named(rules, field, lang);
        match lang {
            _ if lang.vi() => self.vi(rules, &f),
            _ => self.en(rules, &f),
        }
    }

    fn vi(&self, rules: &RuleSet, f: &str) -> String {
        match self {
            Message::EmptyFile => "Tệp trống: không có nội dung để mở.".into(),
            Message::NotJson { line, column } => format!(
                "Tệp không đọc được: nội dung không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}). Tệp có thể bị hỏng hoặc không phải hồ sơ dvht."
            ),
            Message::NotADossier => "Tệp này không phải hồ sơ “Đơn vị học tập” của dvht (thiếu \"format\": \"dvht-dossier\").".into(),
            Message::UnsupportedVersion { found } => format!(
                "Hồ sơ dùng định dạng phiên bản {found}, phiên bản dvht này chỉ đọc được {}. Hãy mở bằng dvht mới hơn.",
                versions_vi()
            ),
            Message::UnknownRuleset { found } => format!(
                "Bộ tiêu chí “{found}” không được hỗ trợ; dvht dùng bộ tiêu chí {} (Thông tư {}).",
                rules.id, rules.number
            ),
            Message::Required => format!("Thiếu {f}: đây là thông tin bắt buộc."),
            Message::WrongType { expected } => format!("{f} phải là {}.", expected_vi(*expected)),
            Message::NotWholeNumber => format!("{f} phải là số nguyên không âm (0, 1, 2, …)."),
            Message::TooLarge { max } => format!(
                "{f} quá lớn: không đơn vị nào có quá {} người. Hãy kiểm tra lại số đã nhập.",
                super::number(*max, Lang::Vi)
            ),
            Message::ImplausibleTotal { count, above } => format!(
                "{f} là {}, nhiều hơn {} người: hãy kiểm tra lại số đã nhập.",
                super::number(*count, Lang::Vi),
                super::number(*above, Lang::Vi)
            ),
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} là {}, lớn hơn {} là {}.",
                super::number(*count, Lang::Vi),
                named(rules, total_field, Lang::Vi),
                super::number(*total, Lang::Vi)
            ),
            Message::ZeroTotal => format!("{f} phải lớn hơn 0."),
            Message::UnknownKind { found } => format!(
                "{f}: “{found}” không có trong danh sách đơn vị theo Điều {} Thông tư {}.",
                rules.kinds_article, rules.short_number
            ),
            Message::KindOfOtherScope { kind, scope } => format!(
                "{f}: loại đơn vị {} không phải đơn vị {}; hãy chọn lại cấp đánh giá hoặc loại đơn vị.",
                kind_name(rules, kind, Lang::Vi),
                scope.name_vi()
            ),
            Message::PublicRequired { kind } => format!(
                "{f}: cần cho biết đơn vị công lập hay ngoài công lập (loại đơn vị {}).",
                kind_name(rules, kind, Lang::Vi)
            ),
            Message::UnknownValue { found, allowed } => format!(
                "Giá trị “{found}” của {f} không hợp lệ; chỉ nhận: {}.",
                allowed.join(", ")
            ),
            Message::BadDate { found } => format!(
                "{f}: “{found}” không phải ngày hợp lệ; cần dạng NĂM-THÁNG-NGÀY, ví dụ 2025-01-08."
            ),
            Message::EvidenceNeedsCodeOrTitle => format!("{f} cần có mã hoặc tên."),
            Message::YearOutOfRange { year, first, last } => format!(
                "{f} là {year}, ngoài khoảng {first}–{last}."
            ),
            Message::YearBeforeInForce { year, in_force_from } => format!(
                "Năm đánh giá {year} trước ngày Thông tư {} có hiệu lực ({}); hãy kiểm tra lại năm đánh giá.",
                rules.short_number,
                Date::parse(in_force_from).map_or_else(|| in_force_from.to_string(), date_vi)
            ),
            Message::FixedByKind { kind, value } => format!(
                "{f} = {value} không được dùng: với loại đơn vị {} giá trị này do loại đơn vị quyết định. Giá trị vẫn được giữ trong tệp.",
                kind_name(rules, kind, Lang::Vi)
            ),
            Message::NotApplicableData { kind } => format!(
                "{f} không áp dụng cho loại đơn vị {}: số liệu được giữ lại nhưng không tính vào kết quả.",
                kind_name(rules, kind, Lang::Vi)
            ),
            Message::DigitalIndexNotUsed { scope } => format!(
                "{f}: không có chỉ tiêu nào của đơn vị {} dùng bộ chỉ số này; giá trị được giữ lại nhưng không tính.",
                scope.name_vi()
            ),
            Message::UnknownIndicator { id, scope } => format!(
                "{f}: đơn vị {} không có chỉ tiêu {id}; nội dung được giữ lại nhưng không tính.",
                scope.name_vi()
            ),
            Message::MissingEvidence { id, article } => format!(
                "Chỉ tiêu {id} đạt về số liệu nhưng chưa có minh chứng; chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt (khoản 3 Điều {article})."
            ),
            Message::EvidenceAfterFiling { date, last_day } => format!(
                "{f} là {}, sau hạn cuối nộp hồ sơ ({}): minh chứng này không thể có trong hồ sơ nộp đúng hạn. Hãy kiểm tra lại ngày.",
                date_vi(*date),
                date_vi(*last_day)
            ),
            Message::LevelTwoWithoutLevelOne { missing, basis } => format!(
                "Đơn vị đạt các tiêu chí mức độ 2 nhưng chưa đạt chỉ tiêu {} của mức độ 1. Mức độ 2 được đánh giá theo điều kiện của chính mức độ 2 ({}); Hội đồng có thể coi mức độ 2 là nâng mức từ mức độ 1 ({}), nên báo cáo cần nêu rõ điều này.",
                missing.join(", "),
                basis.long_vi(),
                rules.definitions.upgrade.long_vi()
            ),
            Message::UpgradeNotYet { decided, eligible_from, year, first_year, cite } => format!(
                "Đơn vị đạt các tiêu chí mức độ 2 nhưng chỉ được đề nghị nâng mức độ từ ngày {} ({} tháng sau quyết định công nhận mức độ 1 ngày {}, {}), tức là với kết quả năm {first_year}. Với năm đánh giá {year}, đơn vị giữ mức độ 1.",
                date_vi(*eligible_from),
                rules.timing.upgrade_after_months,
                date_vi(*decided),
                cite.long_vi()
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year, reading, cite } => format!(
                "Quyết định công nhận mức độ {} còn hiệu lực đến {} (bảo lưu {:02} năm tiếp theo năm được công nhận, {}); công nhận lại cho năm đánh giá {rerecognition_year}. Cách hiểu: “năm được công nhận” là {}.",
                level.number(),
                date_vi(*valid_until),
                rules.timing.valid_years,
                cite.long_vi(),
                reading_vi(*reading)
            ),
            Message::ReadingsDiffer { year, other_year, reading } => format!(
                "Hai cách hiểu “năm được công nhận” cho năm công nhận lại khác nhau: {year} theo {} (đang chọn), {other_year} theo {}. Hãy hỏi cơ quan nhận hồ sơ áp dụng cách hiểu nào và chọn ở mục Lần công nhận trước.",
                reading_vi(*reading),
                reading_vi(reading.other())
            ),
            Message::IndexForGeneralSchoolsOnly { value, cites } => format!(
                "{f} = {value} không được dùng: ở cấp huyện chỉ cơ sở giáo dục phổ thông có chỉ tiêu về mức độ chuyển đổi số ({}). Giá trị vẫn được giữ trong tệp.",
                cites.iter().map(Cite::long_vi).collect::<Vec<_>>().join(", ")
            ),
            Message::RequestLevelIgnored { asked, allowed } => match allowed {
                0 => format!("{f}: năm nay đơn vị không được đề nghị công nhận, nên đề nghị mức độ {asked} không được dùng. Giá trị vẫn được giữ trong tệp."),
                n => format!("{f}: đề nghị mức độ {asked} không được dùng (chỉ được đề nghị một mức độ đơn vị đạt, tối đa mức độ {n}, và không đề nghị thấp hơn khi nâng mức độ). Giá trị vẫn được giữ trong tệp."),
            },
            Message::ReportAfterFiling { date, last_day } => format!(
                "{f} là {}, sau hạn cuối nộp hồ sơ ({}); hãy kiểm tra lại ngày của văn bản.",
                date_vi(*date),
                date_vi(*last_day)
            ),
            Message::ReportBeforeEligible { date, eligible_from } => format!(
                "{f} là {}, trước ngày đơn vị được đề nghị nâng mức độ ({}); hãy ghi ngày từ {} trở đi.",
                date_vi(*date),
                date_vi(*eligible_from),
                date_vi(*eligible_from)
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} là {}, sau hạn nộp hồ sơ của năm đánh giá {year}; hãy kiểm tra lại ngày quyết định hoặc năm đánh giá.",
                date_vi(*decided)
            ),
            Message::PreviousIncomplete => format!(
                "{f} chưa nhập: chưa xác định được năm nay đơn vị được đề nghị gì (lần đầu, công nhận lại hay nâng mức độ) và thời hạn công nhận."
            ),
            Message::DistrictAuthorityChanged => format!(
                "Từ {} không còn chính quyền cấp huyện; hãy hỏi cơ quan quản lý giáo dục địa phương nơi nhận hồ sơ và người quyết định công nhận, rồi ghi vào mục Nơi nhận hồ sơ.",
                rules.district_governments_end.and_then(Date::parse).map_or_else(String::new, date_short_vi)
            ),
            Message::ChangedAfterFinal { date } => format!(
                "Hồ sơ đã được sửa sau khi chốt{}: mã kiểm tra không còn khớp. Hãy mở lại và chốt lại hồ sơ.",
                date.map_or(String::new(), |d| format!(" ngày {}", date_vi(d)))
            ),
            Message::Finalised => "Hồ sơ đã chốt: hãy mở lại hồ sơ trước khi sửa.".into(),
            // The receiving side's messages (appraisal.md).
            m @ (Message::WrongFormat { .. }
                | Message::Rejected { .. }
                | Message::Skipped { .. }
                | Message::ReceivedLate { .. }
                | Message::NothingRequested { .. }
                | Message::Replaces { .. }
                | Message::ReplacedBy { .. }
                | Message::PreviousDiffers { .. }
                | Message::ChangedSinceIntake
                | Message::CouncilTooSmall { .. }
                | Message::CouncilEven { .. }
                | Message::CouncilGroupMissing { .. }
                | Message::CouncilRole { .. }
                | Message::VerdictNotAppraised { .. }
                | Message::CannotRecognise { .. }
                | Message::AboveRequest { .. }
                | Message::UpgradeToTwoOnly { .. }
                | Message::NothingToRecognise
                | Message::RefusedWithoutReason { .. }
                | Message::FormDiffers { .. }
                | Message::ReplacedNotDecided
                | Message::AfterDeadline { .. }
                | Message::BeforeCouncil { .. }) => receiving(m, rules, f, Lang::Vi),
            Message::OverLimit { limit, max } => limit_vi(*limit, *max, f),
            Message::DuplicateKey { key } => format!(
                "{f}: khóa “{key}” xuất hiện hai lần trong cùng một đối tượng; dvht giữ giá trị viết sau."
            ),
            Message::NumberOutOfRange { found } => format!(
                "{f}: số {found} vượt quá phạm vi số dvht đọc được; giá trị được giữ nguyên dưới dạng văn bản."
            ),
            Message::NotFinite { found } => format!("{f} phải là một số hữu hạn, không phải {found}."),
            Message::Cyclic => format!("{f} chứa chính nó (tham chiếu vòng), nên không chuyển được thành JSON."),
            Message::NotJsonValue { found } => format!(
                "{f} là {found}, không phải giá trị JSON (văn bản, số, true/false, null, danh sách hoặc đối tượng)."
            ),
        }
    }

    fn en(&self, rules: &RuleSet, f: &str) -> String {
        match self {
            Message::EmptyFile => "The file is empty.".into(),
            Message::NotJson { line, column } => format!(
                "The file cannot be read: it is not valid JSON (error at line {line}, column {column}). It may be damaged or not a dvht dossier."
            ),
            Message::NotADossier => "This file is not a dvht “Learning unit” dossier (no \"format\": \"dvht-dossier\").".into(),
            Message::UnsupportedVersion { found } => format!(
                "The dossier uses format version {found}; this dvht reads version {} only. Open it with a newer dvht.",
                crate::file::VERSION
            ),
            Message::UnknownRuleset { found } => format!(
                "Rule set “{found}” is not supported; dvht uses {} (Circular {}).",
                rules.id, rules.number
            ),
            Message::Required => format!("{f} is missing: it is required."),
            Message::WrongType { expected } => format!("{f} must be {}.", expected_en(*expected)),
            Message::NotWholeNumber => format!("{f} must be a whole number, 0 or more."),
            Message::TooLarge { max } => format!(
                "{f} is too large: no unit has more than {} people. Check the number.",
                super::number(*max, Lang::En)
            ),
            Message::ImplausibleTotal { count, above } => format!(
                "{f} is {}, more than {} people: check the number.",
                super::number(*count, Lang::En),
                super::number(*above, Lang::En)
            ),
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} is {}, more than {} ({}).",
                super::number(*count, Lang::En),
                named(rules, total_field, Lang::En),
                super::number(*total, Lang::En)
            ),
            Message::ZeroTotal => format!("{f} must be more than 0."),
            Message::UnknownKind { found } => format!(
                "{f}: “{found}” is not one of the kinds of Article {} of Circular {}.",
                rules.kinds_article, rules.short_number
            ),
            Message::KindOfOtherScope { kind, scope } => format!(
                "{f}: kind {} is not a {} unit; choose the scope or the kind again.",
                kind_name(rules, kind, Lang::En),
                scope.name_en()
            ),
            Message::PublicRequired { kind } => format!(
                "{f}: say whether the unit is public or private (kind {}).",
                kind_name(rules, kind, Lang::En)
            ),
            Message::UnknownValue { found, allowed } => format!(
                "“{found}” is not a valid value of {f}; allowed: {}.",
                allowed.join(", ")
            ),
            Message::BadDate { found } => format!("{f}: “{found}” is not a real date in the form YYYY-MM-DD."),
            Message::EvidenceNeedsCodeOrTitle => format!("{f} needs a code or a title."),
            Message::YearOutOfRange { year, first, last } => format!("{f} is {year}, outside {first}–{last}."),
            Message::YearBeforeInForce { year, in_force_from } => format!(
                "Assessed year {year} is before Circular {} came into force ({in_force_from}); check the year.",
                rules.short_number
            ),
            Message::FixedByKind { kind, value } => format!(
                "{f} = {value} is not used: for kind {} the kind decides it. The value stays in the file.",
                kind_name(rules, kind, Lang::En)
            ),
            Message::NotApplicableData { kind } => format!(
                "{f} does not apply to kind {}: it is kept but not counted.",
                kind_name(rules, kind, Lang::En)
            ),
            Message::DigitalIndexNotUsed { scope } => format!(
                "{f}: no indicator of a {} unit uses this index; it is kept but not counted.",
                scope.name_en()
            ),
            Message::UnknownIndicator { id, scope } => format!(
                "{f}: a {} unit has no indicator {id}; kept but not counted.",
                scope.name_en()
            ),
            Message::MissingEvidence { id, article } => format!(
                "Indicator {id} is met by the figures but has no evidence; without suitable evidence it counts as not met (Article {article}.3)."
            ),
            Message::EvidenceAfterFiling { date, last_day } => format!(
                "{f} is {date}, after the last filing day ({last_day}): it cannot have been in a dossier filed in time. Check the date."
            ),
            Message::LevelTwoWithoutLevelOne { missing, basis } => format!(
                "The unit meets the level-2 criteria but not indicator(s) {} of level 1. Level 2 is judged on its own article ({}); a council may treat level 2 as an upgrade from level 1 (Article {}), so the report should say so.",
                missing.join(", "),
                basis.dotted(),
                rules.definitions.upgrade.dotted()
            ),
            Message::UpgradeNotYet { decided, eligible_from, year, first_year, cite } => format!(
                "The unit meets level 2 but may ask for the upgrade only from {eligible_from} ({} months after the level-1 decision of {decided}, Article {}), that is with the results of {first_year}. For assessed year {year} it keeps level 1.",
                rules.timing.upgrade_after_months,
                cite.dotted()
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year, reading, cite } => format!(
                "The level-{} recognition is valid until {valid_until} (kept 3 years after the year of recognition, Article {}); re-recognition is for assessed year {rerecognition_year}. Reading: the year of recognition is {}.",
                level.number(),
                cite.dotted(),
                reading_en(*reading)
            ),
            Message::ReadingsDiffer { year, other_year, reading } => format!(
                "The two readings of “the year of recognition” give different years for re-recognition: {year} by {} (chosen), {other_year} by {}. Ask the recipient which it applies and choose it under Previous recognition.",
                reading_en(*reading),
                reading_en(reading.other())
            ),
            Message::IndexForGeneralSchoolsOnly { value, cites } => format!(
                "{f} = {value} is not used: at district level only general schools have the digital-transformation indicator (Articles {}). The value stays in the file.",
                cites.iter().map(Cite::dotted).collect::<Vec<_>>().join(", ")
            ),
            Message::RequestLevelIgnored { asked, allowed } => match allowed {
                0 => format!("{f}: the unit may not ask for recognition this year, so level {asked} is not used. The value stays in the file."),
                n => format!("{f}: level {asked} is not used (a unit asks only for a level it meets, at most level {n}, and never lower in an upgrade). The value stays in the file."),
            },
            Message::ReportAfterFiling { date, last_day } => format!(
                "{f} is {date}, after the last filing day ({last_day}); check the documents' date."
            ),
            Message::ReportBeforeEligible { date, eligible_from } => format!(
                "{f} is {date}, before the unit may ask for the upgrade ({eligible_from}); date the documents from then on."
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} is {decided}, after the submission deadline of assessed year {year}; check the date or the year."
            ),
            Message::PreviousIncomplete => format!(
                "{f} is not filled in: what the unit may ask for this year (first recognition, re-recognition or upgrade) and the validity cannot be worked out."
            ),
            Message::DistrictAuthorityChanged => format!(
                "Since {} there is no district-level government; ask the local education authority who receives the dossier and who decides, and enter them under Submission.",
                rules.district_governments_end.and_then(Date::parse).map_or_else(String::new, date_long_en)
            ),
            Message::ChangedAfterFinal { date } => format!(
                "The dossier was changed after it was finalised{}: its fingerprint no longer matches. Reopen and finalise it again.",
                date.map_or(String::new(), |d| format!(" on {d}"))
            ),
            Message::Finalised => "The dossier is finalised: reopen it before editing.".into(),
            m @ (Message::WrongFormat { .. }
                | Message::Rejected { .. }
                | Message::Skipped { .. }
                | Message::ReceivedLate { .. }
                | Message::NothingRequested { .. }
                | Message::Replaces { .. }
                | Message::ReplacedBy { .. }
                | Message::PreviousDiffers { .. }
                | Message::ChangedSinceIntake
                | Message::CouncilTooSmall { .. }
                | Message::CouncilEven { .. }
                | Message::CouncilGroupMissing { .. }
                | Message::CouncilRole { .. }
                | Message::VerdictNotAppraised { .. }
                | Message::CannotRecognise { .. }
                | Message::AboveRequest { .. }
                | Message::UpgradeToTwoOnly { .. }
                | Message::NothingToRecognise
                | Message::RefusedWithoutReason { .. }
                | Message::FormDiffers { .. }
                | Message::ReplacedNotDecided
                | Message::AfterDeadline { .. }
                | Message::BeforeCouncil { .. }) => receiving(m, rules, f, Lang::En),
            Message::OverLimit { limit, max } => limit_en(*limit, *max, f),
            Message::DuplicateKey { key } => {
                format!("{f}: the key “{key}” appears twice in the same object; dvht keeps the later value.")
            }
            Message::NumberOutOfRange { found } => {
                format!("{f}: the number {found} is beyond the range dvht can read; it is kept as text.")
            }
            Message::NotFinite { found } => format!("{f} must be a finite number, not {found}."),
            Message::Cyclic => format!("{f} contains itself (a cycle), so it cannot become JSON."),
            Message::NotJsonValue { found } => format!(
                "{f} is {found}, not a JSON value (text, a number, true/false, null, a list or an object)."
            ),
        }
    }
}

fn expected_vi(e: Expected) -> &'static str {
    match e {
        Expected::Object => "một đối tượng {…}",
        Expected::List => "một danh sách […]",
        Expected::Text => "văn bản (trong dấu ngoặc kép)",
        Expected::YesNo => "true (có) hoặc false (không)",
        Expected::WholeNumber => "số nguyên không âm (0, 1, 2, …)",
        Expected::Year => "một năm (số nguyên, ví dụ 2025)",
    }
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::Object => "an object {…}",
        Expected::List => "a list […]",
        Expected::Text => "text (in double quotes)",
        Expected::YesNo => "true or false",
        Expected::WholeNumber => "a whole number, 0 or more",
        Expected::Year => "a year (a whole number such as 2025)",
    }
}

/// 100000 → "100.000" (Vietnamese) or "100,000" (English).
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A limit of the file format passed, naming the limit (file::limits).
fn limit_vi(limit: Limit, max: u64, f: &str) -> String {
    let n = grouped(max, '.');
    match limit {
        Limit::FileBytes => format!(
            "Tệp lớn hơn giới hạn {} MB ({n} byte) của hồ sơ dvht; một hồ sơ thật chỉ vài trăm KB. Tệp có thể đã hỏng hoặc không phải hồ sơ.",
            max / (1024 * 1024)
        ),
        Limit::Depth => format!("{f}: dữ liệu lồng nhau sâu hơn giới hạn {n} tầng của hồ sơ dvht."),
        Limit::Values => format!("{f}: tệp có nhiều hơn giới hạn {n} giá trị của hồ sơ dvht."),
        Limit::Keys => format!("{f} có nhiều hơn giới hạn {n} mục (khóa) của hồ sơ dvht."),
        Limit::TextChars => format!("{f} dài hơn giới hạn {n} ký tự của một ô văn bản."),
        Limit::EvidenceItems => format!("{f}: hồ sơ có nhiều hơn giới hạn {n} minh chứng."),
    }
}

fn limit_en(limit: Limit, max: u64, f: &str) -> String {
    let n = grouped(max, ',');
    match limit {
        Limit::FileBytes => format!(
            "The file is larger than the limit of {} MB ({n} bytes) of a dvht dossier; a real dossier is a few hundred KB. It may be damaged or not a dossier.",
            max / (1024 * 1024)
        ),
        Limit::Depth => format!("{f}: values nest deeper than the limit of {n} levels of a dvht dossier."),
        Limit::Values => format!("{f}: the file holds more than the limit of {n} values of a dvht dossier."),
        Limit::Keys => format!("{f} has more than the limit of {n} entries (keys) of a dvht dossier."),
        Limit::TextChars => format!("{f} is longer than the limit of {n} characters of one text."),
        Limit::EvidenceItems => format!("{f}: the dossier has more than the limit of {n} evidence items."),
    }
}
