//! Everything the engine tells a user: problems that stop a dossier from being read, and
//! warnings and notes about one that was. Each names the field it concerns; the text is
//! Vietnamese by default, English on request.

use serde::ser::SerializeStruct;
use serde::Serialize;

use super::Lang;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Expected, Message};
use crate::rules::{Cite, Procedure, RuleSet, TT24_2023};

impl Diagnostic {
    pub fn text(&self, lang: Lang) -> String {
        self.message.text(&self.field, lang)
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

/// The label of a field path, in the user's language, if it has one.
pub fn field_label(field: &str, lang: Lang) -> Option<String> {
    field_label_in(&TT24_2023, field, lang)
}

fn field_label_in(rules: &RuleSet, field: &str, lang: Lang) -> Option<String> {
    let pick = |vi: &str, en: &str| Some(if lang == Lang::Vi { vi } else { en }.to_string());
    if let Some((section, key)) = field.split_once('.') {
        if section == "counts" || section == "facts" {
            let def = rules.inputs.iter().find(|i| i.section.key() == section && i.key == key)?;
            return pick(def.label_vi, def.label_en);
        }
    }
    // Evidence items: evidence.1.2[0].code
    if let Some(rest) = field.strip_prefix("report.team[") {
        return match rest.rsplit_once("].").map(|(_, f)| f) {
            Some("name") => pick("Họ và tên", "Name"),
            Some("position") => pick("Chức vụ", "Position"),
            Some("role") => pick("Nhiệm vụ trong Tổ đánh giá", "Role in the team"),
            _ => pick("Thành viên Tổ đánh giá", "Team member"),
        };
    }
    if let Some(rest) = field.strip_prefix("report.criteria.") {
        return match rest.split_once('.').map(|(_, f)| f) {
            Some("strengths") => pick("Điểm mạnh", "Strengths"),
            Some("weaknesses") => pick("Điểm yếu", "Weaknesses"),
            Some("plan") => pick("Kế hoạch cải tiến chất lượng", "Improvement plan"),
            _ => None,
        };
    }
    if let Some(rest) = field.strip_prefix("evidence.") {
        let what = rest.rsplit_once("].").map(|(_, f)| f);
        return match what {
            Some("code") => pick("Mã minh chứng", "Evidence code"),
            Some("title") => pick("Tên minh chứng", "Evidence title"),
            Some("number") => pick("Số, ký hiệu văn bản", "Document number"),
            Some("date") => pick("Ngày ban hành", "Date of issue"),
            Some("issuer") => pick("Nơi ban hành", "Issued by"),
            Some("location") => pick("Nơi lưu trữ", "Kept at"),
            _ => pick("Minh chứng", "Evidence"),
        };
    }
    match field {
        "format" => pick("Định dạng tệp", "File format"),
        "version" => pick("Phiên bản định dạng", "Format version"),
        "ruleset" => pick("Bộ tiêu chí", "Rule set"),
        "unit" => pick("Thông tin đơn vị", "Unit"),
        "unit.name" => pick("Tên đơn vị", "Unit name"),
        "unit.scope" => pick("Cấp đánh giá (huyện/tỉnh)", "Scope (district/province)"),
        "unit.kind" => pick("Loại đơn vị", "Kind of unit"),
        "unit.public" => pick("Công lập", "Public"),
        "unit.province" => pick("Tỉnh, thành phố", "Province"),
        "unit.district" => pick("Huyện, xã", "District or commune"),
        "unit.head" => pick("Thủ trưởng đơn vị", "Head of unit"),
        "unit.address" => pick("Địa chỉ", "Address"),
        "unit.vocational" => pick("Là cơ sở giáo dục nghề nghiệp", "Vocational institution"),
        "unit.digital_index" => pick("Bộ chỉ số chuyển đổi số", "Digital-transformation index"),
        "year" => pick("Năm đánh giá", "Assessed year"),
        "submission" => pick("Nơi nhận hồ sơ", "Submission"),
        "submission.recipient" => pick("Cơ quan nhận hồ sơ", "Recipient"),
        "submission.decision_maker" => pick("Người quyết định công nhận", "Decision maker"),
        "previous_recognition" => pick("Lần công nhận trước", "Previous recognition"),
        "previous_recognition.level" => pick("Mức độ đã được công nhận", "Level recognised"),
        "previous_recognition.decision_no" => pick("Số quyết định công nhận", "Decision number"),
        "previous_recognition.decision_date" => pick("Ngày quyết định công nhận", "Decision date"),
        "counts" => pick("Số liệu", "Figures"),
        "facts" => pick("Kết quả thực hiện", "Facts"),
        "evidence" => pick("Minh chứng", "Evidence"),
        "notes" => pick("Ghi chú", "Notes"),
        "report" => pick("Văn bản hồ sơ", "Documents"),
        "report.parent" => pick("Cơ quan, tổ chức chủ quản", "Parent body"),
        "report.request_no" => pick("Số, ký hiệu Tờ trình", "Number of the request"),
        "report.report_no" => pick("Số, ký hiệu Báo cáo", "Number of the report"),
        "report.place" => pick("Địa danh", "Place"),
        "report.date" => pick("Ngày ban hành văn bản", "Date of the documents"),
        "report.signer_title" => pick("Chức vụ người ký", "Signer's position"),
        "report.method" => pick("Cách thức tự đánh giá", "How the assessment was done"),
        "report.conclusion" => pick("Kết luận của đơn vị", "The unit's conclusion"),
        "report.recipients" => pick("Nơi nhận (mỗi dòng một nơi)", "Copies to (one per line)"),
        "final" => pick("Hồ sơ đã chốt", "Finalised"),
        "final.date" => pick("Ngày chốt hồ sơ", "Date finalised"),
        "final.fingerprint" => pick("Mã kiểm tra hồ sơ", "Fingerprint"),
        _ => None,
    }
}

/// "Tổng số Thành viên (counts.members)", or the bare path if it has no label.
fn named(field: &str, lang: Lang) -> String {
    match field_label(field, lang) {
        Some(label) if !field.is_empty() => format!("{label} ({field})"),
        _ if field.is_empty() => match lang {
            Lang::Vi => "Tệp".to_string(),
            Lang::En => "The file".to_string(),
        },
        _ => field.to_string(),
    }
}

fn kind_name(id: &str, lang: Lang) -> String {
    match TT24_2023.kind(id) {
        Some(k) if lang == Lang::Vi => format!("“{}”", k.name_vi),
        Some(k) => format!("“{}”", k.name_en),
        None => format!("“{id}”"),
    }
}

/// One step of the procedure as both scopes' articles cite it, from the rules table:
/// "khoản 3 Điều 5, khoản 3 Điều 11".
fn cites_vi(step: fn(&Procedure) -> Cite) -> String {
    TT24_2023.procedures.iter().map(|p| step(p).long_vi()).collect::<Vec<_>>().join(", ")
}

/// The same in English: "Articles 5.3, 11.3".
fn cites_en(step: fn(&Procedure) -> Cite) -> String {
    let cites: Vec<String> =
        TT24_2023.procedures.iter().map(step).map(|c| format!("{}.{}{}", c.dieu, c.khoan, c.diem)).collect();
    format!("Articles {}", cites.join(", "))
}

/// 14/01/2026, the way Vietnamese documents write dates.
pub fn date_vi(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

impl Message {
    /// The sentence for a user, naming `field`.
    pub fn text(&self, field: &str, lang: Lang) -> String {
        let f = named(field, lang);
        match lang {
            Lang::Vi => self.vi(field, &f),
            Lang::En => self.en(field, &f),
        }
    }

    fn vi(&self, field: &str, f: &str) -> String {
        match self {
            Message::EmptyFile => "Tệp trống: không có nội dung để mở.".into(),
            Message::NotJson { line, column } => format!(
                "Tệp không đọc được: nội dung không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}). Tệp có thể bị hỏng hoặc không phải hồ sơ dvht."
            ),
            Message::NotADossier => "Tệp này không phải hồ sơ “Đơn vị học tập” của dvht (thiếu \"format\": \"dvht-dossier\").".into(),
            Message::UnsupportedVersion { found } => format!(
                "Hồ sơ dùng định dạng phiên bản {found}, phiên bản dvht này chỉ đọc được phiên bản 1. Hãy mở bằng dvht mới hơn."
            ),
            Message::UnknownRuleset { found } => format!(
                "Bộ tiêu chí “{found}” không được hỗ trợ; dvht dùng bộ tiêu chí TT24/2023 (Thông tư 24/2023/TT-BGDĐT)."
            ),
            Message::Required => format!("Thiếu {f}: đây là thông tin bắt buộc."),
            Message::WrongType { expected } => format!("{f} phải là {}.", expected_vi(*expected)),
            Message::NotWholeNumber => format!("{f} phải là số nguyên không âm (0, 1, 2, …)."),
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} là {count}, lớn hơn {} là {total}.",
                named(total_field, Lang::Vi)
            ),
            Message::ZeroTotal => format!("{f} phải lớn hơn 0."),
            Message::UnknownKind { found } => format!(
                "{f}: “{found}” không có trong danh sách đơn vị theo Điều 2 Thông tư 24/2023."
            ),
            Message::KindOfOtherScope { kind, scope } => format!(
                "{f}: loại đơn vị {} không phải đơn vị {}; hãy chọn lại cấp đánh giá hoặc loại đơn vị.",
                kind_name(kind, Lang::Vi),
                scope.name_vi()
            ),
            Message::PublicRequired { kind } => format!(
                "{f}: cần cho biết đơn vị công lập hay ngoài công lập (loại đơn vị {}).",
                kind_name(kind, Lang::Vi)
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
                "Năm đánh giá {year} trước ngày Thông tư 24/2023 có hiệu lực ({}); hãy kiểm tra lại năm đánh giá.",
                Date::parse(in_force_from).map_or_else(|| in_force_from.to_string(), date_vi)
            ),
            Message::FixedByKind { kind, value } => format!(
                "{f} = {value} không được dùng: với loại đơn vị {} giá trị này do loại đơn vị quyết định. Giá trị vẫn được giữ trong tệp.",
                kind_name(kind, Lang::Vi)
            ),
            Message::NotApplicableData { kind } => format!(
                "{f} không áp dụng cho loại đơn vị {}: số liệu được giữ lại nhưng không tính vào kết quả.",
                kind_name(kind, Lang::Vi)
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
                cites_vi(|p| p.period)
            ),
            Message::LevelTwoWithoutLevelOne => "Đơn vị đạt các tiêu chí mức độ 2 nhưng chưa đạt đủ tiêu chí mức độ 1; Hội đồng có thể coi mức độ 2 là nâng mức từ mức độ 1 (khoản 11 Điều 2, khoản 3 Điều 5).".into(),
            Message::UpgradeNotYet { decided, eligible_from, year } => format!(
                "Đơn vị được công nhận mức độ 1 ngày {}; chỉ được đề nghị nâng lên mức độ 2 từ ngày {} (sau 12 tháng, {}), sau hạn nộp hồ sơ năm đánh giá {year}. Năm nay đơn vị giữ mức độ 1.",
                date_vi(*decided),
                date_vi(*eligible_from),
                cites_vi(|p| p.upgrade)
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year } => format!(
                "Quyết định công nhận mức độ {} còn hiệu lực đến {} (bảo lưu 03 năm tiếp theo năm được công nhận, {}); công nhận lại cho năm đánh giá {rerecognition_year}. Cách hiểu: “năm được công nhận” là năm ra quyết định.",
                level.number(),
                date_vi(*valid_until),
                cites_vi(|p| p.validity)
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} là {}, sau hạn nộp hồ sơ của năm đánh giá {year}; hãy kiểm tra lại ngày quyết định hoặc năm đánh giá.",
                date_vi(*decided)
            ),
            Message::PreviousIncomplete => format!(
                "{f} chưa nhập: chưa tính được thời hạn công nhận và thời điểm được đề nghị nâng mức độ."
            ),
            Message::DistrictAuthorityChanged => "Từ 01/7/2025 không còn chính quyền cấp huyện; hãy hỏi cơ quan quản lý giáo dục địa phương nơi nhận hồ sơ và người quyết định công nhận, rồi ghi vào mục Nơi nhận hồ sơ.".into(),
            Message::ChangedAfterFinal { date } => format!(
                "Hồ sơ đã được sửa sau khi chốt{}: mã kiểm tra không còn khớp. Hãy mở lại và chốt lại hồ sơ.",
                date.map_or(String::new(), |d| format!(" ngày {}", date_vi(d)))
            ),
            Message::Finalised => "Hồ sơ đã chốt: hãy mở lại hồ sơ trước khi sửa.".into(),
        }
    }

    fn en(&self, field: &str, f: &str) -> String {
        match self {
            Message::EmptyFile => "The file is empty.".into(),
            Message::NotJson { line, column } => format!(
                "The file cannot be read: it is not valid JSON (error at line {line}, column {column}). It may be damaged or not a dvht dossier."
            ),
            Message::NotADossier => "This file is not a dvht “Learning unit” dossier (no \"format\": \"dvht-dossier\").".into(),
            Message::UnsupportedVersion { found } => format!(
                "The dossier uses format version {found}; this dvht reads version 1 only. Open it with a newer dvht."
            ),
            Message::UnknownRuleset { found } => format!(
                "Rule set “{found}” is not supported; dvht uses TT24/2023 (Circular 24/2023/TT-BGDĐT)."
            ),
            Message::Required => format!("{f} is missing: it is required."),
            Message::WrongType { expected } => format!("{f} must be {}.", expected_en(*expected)),
            Message::NotWholeNumber => format!("{f} must be a whole number, 0 or more."),
            Message::CountExceedsTotal { count, total, total_field } => format!(
                "{f} is {count}, more than {} ({total}).",
                named(total_field, Lang::En)
            ),
            Message::ZeroTotal => format!("{f} must be more than 0."),
            Message::UnknownKind { found } => format!(
                "{f}: “{found}” is not one of the kinds of Article 2 of Circular 24/2023."
            ),
            Message::KindOfOtherScope { kind, scope } => format!(
                "{f}: kind {} is not a {} unit; choose the scope or the kind again.",
                kind_name(kind, Lang::En),
                scope.name_en()
            ),
            Message::PublicRequired { kind } => format!(
                "{f}: say whether the unit is public or private (kind {}).",
                kind_name(kind, Lang::En)
            ),
            Message::UnknownValue { found, allowed } => format!(
                "“{found}” is not a valid value of {f}; allowed: {}.",
                allowed.join(", ")
            ),
            Message::BadDate { found } => format!("{f}: “{found}” is not a real date in the form YYYY-MM-DD."),
            Message::EvidenceNeedsCodeOrTitle => format!("Evidence item {field} needs a code or a title."),
            Message::YearOutOfRange { year, first, last } => format!("{f} is {year}, outside {first}–{last}."),
            Message::YearBeforeInForce { year, in_force_from } => format!(
                "Assessed year {year} is before Circular 24/2023 came into force ({in_force_from}); check the year."
            ),
            Message::FixedByKind { kind, value } => format!(
                "{f} = {value} is not used: for kind {} the kind decides it. The value stays in the file.",
                kind_name(kind, Lang::En)
            ),
            Message::NotApplicableData { kind } => format!(
                "{f} does not apply to kind {}: it is kept but not counted.",
                kind_name(kind, Lang::En)
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
                cites_en(|p| p.period)
            ),
            Message::LevelTwoWithoutLevelOne => "The unit meets the level-2 criteria but not all of level 1; a council may treat level 2 as an upgrade from level 1 (Articles 2.11, 5.3).".into(),
            Message::UpgradeNotYet { decided, eligible_from, year } => format!(
                "Recognised at level 1 on {decided}; the unit may ask for level 2 from {eligible_from} (12 months, {}), after the deadline for assessed year {year}. It keeps level 1 this year.",
                cites_en(|p| p.upgrade)
            ),
            Message::RecognitionStillValid { level, valid_until, rerecognition_year } => format!(
                "The level-{} recognition is valid until {valid_until} (kept 3 years after the year of recognition, {}); re-recognition is for assessed year {rerecognition_year}. Reading: the year of recognition is the year of the decision.",
                level.number(),
                cites_en(|p| p.validity)
            ),
            Message::DecisionAfterSubmission { decided, year } => format!(
                "{f} is {decided}, after the submission deadline of assessed year {year}; check the date or the year."
            ),
            Message::PreviousIncomplete => format!(
                "{f} is not filled in: the validity and the upgrade date cannot be worked out."
            ),
            Message::DistrictAuthorityChanged => "Since 1 July 2025 there is no district-level government; ask the local education authority who receives the dossier and who decides, and enter them under Submission.".into(),
            Message::ChangedAfterFinal { date } => format!(
                "The dossier was changed after it was finalised{}: its fingerprint no longer matches. Reopen and finalise it again.",
                date.map_or(String::new(), |d| format!(" on {d}"))
            ),
            Message::Finalised => "The dossier is finalised: reopen it before editing.".into(),
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
