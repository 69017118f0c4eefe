//! Everything the engine tells a user: problems that stop a dossier from being read, and
//! warnings and notes about one that was. Each names the field it concerns; the text is
//! Vietnamese by default, English on request.

use serde::ser::SerializeStruct;
use serde::Serialize;

use super::Lang;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Limit, Message};
use crate::file::FieldPath;
use crate::rules::{Cite, Procedure, RuleSet};

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
    Some(if lang == Lang::Vi { vi } else { en })
}

/// "Tổng số Thành viên (counts.members)", or the bare path if it has no label.
fn named(rules: &RuleSet, field: &str, lang: Lang) -> String {
    match field_label(rules, field, lang) {
        Some(label) if !field.is_empty() => format!("{label} ({field})"),
        _ if field.is_empty() => match lang {
            Lang::Vi => "Tệp".to_string(),
            Lang::En => "The file".to_string(),
        },
        _ => field.to_string(),
    }
}

fn kind_name(rules: &RuleSet, id: &str, lang: Lang) -> String {
    match rules.kind(id) {
        Some(k) if lang == Lang::Vi => format!("“{}”", k.name_vi),
        Some(k) => format!("“{}”", k.name_en),
        None => format!("“{id}”"),
    }
}

/// One step of the procedure as both scopes' articles cite it, from the rules table:
/// "khoản 3 Điều 5, khoản 3 Điều 11".
fn cites_vi(rules: &RuleSet, step: fn(&Procedure) -> Cite) -> String {
    rules.procedures.iter().map(|p| step(p).long_vi()).collect::<Vec<_>>().join(", ")
}

/// The same in English: "Articles 5.3, 11.3".
fn cites_en(rules: &RuleSet, step: fn(&Procedure) -> Cite) -> String {
    let cites: Vec<String> =
        rules.procedures.iter().map(step).map(|c| format!("{}.{}{}", c.dieu, c.khoan, c.diem)).collect();
    format!("Articles {}", cites.join(", "))
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
            Lang::Vi => self.vi(rules, field, &f),
            Lang::En => self.en(rules, field, &f),
        }
    }

    fn vi(&self, rules: &RuleSet, field: &str, f: &str) -> String {
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
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} là {count}, lớn hơn {} là {total}.",
                named(rules, total_field, Lang::Vi)
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
            Message::EvidenceNeedsCodeOrTitle => format!("Minh chứng {field} cần có mã hoặc tên."),
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
            Message::EvidenceOutsideYear { date, year } => format!(
                "{f} là {}, ngoài năm đánh giá {year}; thông tin, số liệu được tính từ 01/01 đến 31/12 của năm đánh giá ({}).",
                date_vi(*date),
                cites_vi(rules, |p| p.period)
            ),
            Message::LevelTwoWithoutLevelOne => format!(
                "Đơn vị đạt các tiêu chí mức độ 2 nhưng chưa đạt đủ tiêu chí mức độ 1; Hội đồng có thể coi mức độ 2 là nâng mức từ mức độ 1 ({}, {}).",
                rules.definitions.upgrade.long_vi(),
                rules.procedures.first().map_or_else(String::new, |p| p.upgrade.long_vi())
            ),
            Message::UpgradeNotYet { decided, eligible_from, year } => format!(
                "Đơn vị được công nhận mức độ 1 ngày {}; chỉ được đề nghị nâng lên mức độ 2 từ ngày {} (sau {} tháng, {}), sau hạn nộp hồ sơ năm đánh giá {year}. Năm nay đơn vị giữ mức độ 1.",
                date_vi(*decided),
                date_vi(*eligible_from),
                rules.timing.upgrade_after_months,
                cites_vi(rules, |p| p.upgrade)
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year } => format!(
                "Quyết định công nhận mức độ {} còn hiệu lực đến {} (bảo lưu {:02} năm tiếp theo năm được công nhận, {}); công nhận lại cho năm đánh giá {rerecognition_year}. Cách hiểu: “năm được công nhận” là năm ra quyết định.",
                level.number(),
                date_vi(*valid_until),
                rules.timing.valid_years,
                cites_vi(rules, |p| p.validity)
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} là {}, sau hạn nộp hồ sơ của năm đánh giá {year}; hãy kiểm tra lại ngày quyết định hoặc năm đánh giá.",
                date_vi(*decided)
            ),
            Message::PreviousIncomplete => format!(
                "{f} chưa nhập: chưa tính được thời hạn công nhận và thời điểm được đề nghị nâng mức độ."
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

    fn en(&self, rules: &RuleSet, field: &str, f: &str) -> String {
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
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} is {count}, more than {} ({total}).",
                named(rules, total_field, Lang::En)
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
            Message::EvidenceNeedsCodeOrTitle => format!("Evidence item {field} needs a code or a title."),
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
            Message::EvidenceOutsideYear { date, year } => format!(
                "{f} is {date}, outside the assessed year {year}; figures are counted from 1 January to 31 December of that year ({}).",
                cites_en(rules, |p| p.period)
            ),
            Message::LevelTwoWithoutLevelOne => format!(
                "The unit meets the level-2 criteria but not all of level 1; a council may treat level 2 as an upgrade from level 1 (Articles {}, {}).",
                rules.definitions.upgrade.dotted(),
                rules.procedures.first().map_or_else(String::new, |p| p.upgrade.dotted())
            ),
            Message::UpgradeNotYet { decided, eligible_from, year } => format!(
                "Recognised at level 1 on {decided}; the unit may ask for level 2 from {eligible_from} (12 months, {}), after the deadline for assessed year {year}. It keeps level 1 this year.",
                cites_en(rules, |p| p.upgrade)
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year } => format!(
                "The level-{} recognition is valid until {valid_until} (kept 3 years after the year of recognition, {}); re-recognition is for assessed year {rerecognition_year}. Reading: the year of recognition is the year of the decision.",
                level.number(),
                cites_en(rules, |p| p.validity)
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} is {decided}, after the submission deadline of assessed year {year}; check the date or the year."
            ),
            Message::PreviousIncomplete => format!(
                "{f} is not filled in: the validity and the upgrade date cannot be worked out."
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
