//! The receiving side's words (appraisal.md): the messages about received files, the council
//! and its verdicts, and the fields of the appraisal, register and report files, named by
//! their labels from `appraisal::fields`.

use super::messages::{date_vi, named as dossier_named};
use super::Lang;
use crate::appraisal::fields::{label, place};
use crate::appraisal::Form;
use crate::diagnostic::{Message, Rejection};
use crate::rules::{Cite, RuleSet};
use crate::unzip;

/// A field of the receiving side's files as a user knows it: "Ngày nhận hồ sơ (hồ sơ thứ 3)",
/// "Kết quả thẩm định chỉ tiêu 2.1 (hồ sơ thứ 3)", "Nhiệm vụ trong Hội đồng của thành viên
/// thứ 2", "Tổng số Thành viên trong đơn vị (hồ sơ thứ 3)". `None` for a path of none of them.
pub fn named(rules: &RuleSet, field: &str, lang: Lang) -> Option<String> {
    let vi = lang.vi();
    let p = place(field);
    let own = label(field).map(|(v, e)| if vi { v } else { e });
    let nth = |list: &str| p.indices.iter().find(|(n, _)| *n == list).map(|(_, i)| i + 1);
    let root = p.pattern.split('[').next().unwrap_or("");
    Some(match root {
        "dossiers" => {
            let n = nth("dossiers")?;
            if p.pattern == "dossiers[].dossier" {
                let inner = dossier_named(rules, p.key, lang);
                return Some(if vi {
                    format!("{inner} (hồ sơ thứ {n})")
                } else {
                    format!("{inner} (dossier {n})")
                });
            }
            if p.pattern == "dossiers[]" && p.key.is_empty() {
                return Some(if vi { format!("Hồ sơ thứ {n}") } else { format!("Dossier {n}") });
            }
            let own = own?;
            match (p.indicator, vi) {
                (Some(id), true) => format!("{own} chỉ tiêu {id} (hồ sơ thứ {n})"),
                (Some(id), false) => format!("{own}, indicator {id} (dossier {n})"),
                (None, true) => format!("{own} (hồ sơ thứ {n})"),
                (None, false) => format!("{own} (dossier {n})"),
            }
        }
        "council.members" => {
            let n = nth("members")?;
            match (p.key.is_empty(), vi) {
                (true, true) => format!("Thành viên thứ {n} của Hội đồng"),
                (true, false) => format!("Council member {n}"),
                (false, true) => format!("{} của thành viên thứ {n} của Hội đồng", own?),
                (false, false) => format!("{} of council member {n}", own?),
            }
        }
        "rejected" | "recognitions" | "expiring" | "units" => {
            let n = nth(root)?;
            let what = match (root, vi) {
                ("rejected", true) => "tệp không tiếp nhận",
                ("rejected", false) => "file not taken in",
                ("units", true) => "đơn vị",
                ("units", false) => "unit",
                (_, true) => "quyết định",
                (_, false) => "decision",
            };
            let reason = nth("reasons");
            match (reason, vi) {
                (Some(m), true) => format!("{} (lý do thứ {m} của {what} thứ {n})", own?),
                (Some(m), false) => format!("{} (reason {m} of {what} {n})", own?),
                (None, true) => format!("{} ({what} thứ {n})", own.unwrap_or("Mục")),
                (None, false) => format!("{} ({what} {n})", own.unwrap_or("Item")),
            }
        }
        _ => own?.to_string(),
    })
}

fn form_vi(key: &str) -> &'static str {
    match Form::from_key(key) {
        Some(Form::First) => "công nhận",
        Some(Form::Renewal) => "công nhận lại",
        Some(Form::Upgrade) => "công nhận nâng mức độ",
        None => "",
    }
}

fn form_en(key: &str) -> &'static str {
    match Form::from_key(key) {
        Some(Form::First) => "first recognition",
        Some(Form::Renewal) => "renewal",
        Some(Form::Upgrade) => "upgrade",
        None => "",
    }
}

fn format_vi(expected: &str) -> &'static str {
    match expected {
        "dvht-appraisal" => "tệp thẩm định hồ sơ",
        "dvht-register" => "sổ theo dõi công nhận",
        "dvht-report" => "báo cáo kết quả năm",
        _ => "hồ sơ “Đơn vị học tập”",
    }
}

fn format_en(expected: &str) -> &'static str {
    match expected {
        "dvht-appraisal" => "appraisal file",
        "dvht-register" => "register of recognitions",
        "dvht-report" => "year's report",
        _ => "“Learning unit” dossier",
    }
}

fn archive_vi(e: &unzip::Error) -> String {
    match e {
        unzip::Error::NotZip => "tệp nén không đọc được (không phải tệp .zip)".into(),
        unzip::Error::Truncated | unzip::Error::Corrupt => "tệp nén bị hỏng".into(),
        unzip::Error::Encrypted => "tệp nén có mật khẩu".into(),
        unzip::Error::Method(m) => format!("tệp nén dùng kiểu nén {m}, dvht chỉ đọc kiểu lưu và deflate"),
        unzip::Error::TooLarge => "tệp quá lớn, hoặc tệp nén lồng nhau quá nhiều lớp".into(),
        unzip::Error::MultiDisk => "tệp nén bị chia thành nhiều phần".into(),
        unzip::Error::Missing(name) => format!("tệp nén bị hỏng (thiếu {name})"),
    }
}

fn archive_en(e: &unzip::Error) -> String {
    match e {
        unzip::Error::NotZip => "the archive cannot be read (not a .zip file)".into(),
        unzip::Error::Truncated | unzip::Error::Corrupt => "the archive is damaged".into(),
        unzip::Error::Encrypted => "the archive is password-protected".into(),
        unzip::Error::Method(m) => format!("the archive uses compression method {m}; dvht reads stored and deflate"),
        unzip::Error::TooLarge => "too large, or archives nested too deep".into(),
        unzip::Error::MultiDisk => "the archive is split into several parts".into(),
        unzip::Error::Missing(name) => format!("the archive is damaged ({name} is missing)"),
    }
}

fn rejection_vi(rules: &RuleSet, why: &Rejection) -> String {
    let name = |f: &str| super::field_label(rules, f, Lang::Vi).unwrap_or(f).to_string();
    match why {
        Rejection::OtherYear { found, expected } => {
            format!("{} là {found}, không phải năm {expected} đang tiếp nhận", name("year"))
        }
        Rejection::OtherScope { found, expected } => format!(
            "{} là {}, trong khi cơ quan tiếp nhận hồ sơ {}",
            name("unit.scope"),
            found.name_vi(),
            expected.name_vi()
        ),
        Rejection::NotADossier => "không phải hồ sơ “Đơn vị học tập” của dvht".into(),
        Rejection::UnknownType => "chỉ nhận hồ sơ (.json), báo cáo có kèm hồ sơ (.html) hoặc tệp nén (.zip)".into(),
        Rejection::NoCarriedDossier => "trang HTML này không kèm hồ sơ dvht".into(),
        Rejection::Archive(e) => archive_vi(e),
    }
}

fn rejection_en(rules: &RuleSet, why: &Rejection) -> String {
    let name = |f: &str| super::field_label(rules, f, Lang::En).unwrap_or(f).to_string();
    match why {
        Rejection::OtherYear { found, expected } => {
            format!("{} is {found}, not {expected}, the year being received", name("year"))
        }
        Rejection::OtherScope { found, expected } => format!(
            "{} is {}, while the body receives {} dossiers",
            name("unit.scope"),
            found.name_en(),
            expected.name_en()
        ),
        Rejection::NotADossier => "not a dvht “Learning unit” dossier".into(),
        Rejection::UnknownType => {
            "only dossiers (.json), reports carrying one (.html) and archives (.zip) are taken".into()
        }
        Rejection::NoCarriedDossier => "this HTML page carries no dvht dossier".into(),
        Rejection::Archive(e) => archive_en(e),
    }
}

fn role_vi(role: &str) -> &'static str {
    if role == "chair" {
        "chủ tịch"
    } else {
        "thư ký"
    }
}

/// The sentence of a receiving-side message, naming field `f` (already named).
pub fn vi(m: &Message, rules: &RuleSet, f: &str) -> String {
    match m {
        Message::WrongFormat { expected } => format!(
            "Tệp này không phải {} của dvht (thiếu \"format\": \"{expected}\").",
            format_vi(expected)
        ),
        Message::Rejected { file, why } => format!("Tệp “{file}” không được tiếp nhận: {}.", rejection_vi(rules, why)),
        Message::Skipped { file, why } => format!("Tệp “{file}” được bỏ qua: {}.", rejection_vi(rules, why)),
        Message::ReceivedLate { received, last_day, cite } => format!(
            "{f} là {}, sau hạn cuối nộp hồ sơ {} ({}): hồ sơ nộp muộn.",
            date_vi(*received),
            date_vi(*last_day),
            cite.long_vi()
        ),
        Message::NothingRequested { cite } => format!(
            "Hồ sơ chưa đủ: không có Tờ trình, vì theo kết quả tự đánh giá năm nay đơn vị không được đề nghị công nhận ({}); xem các lưu ý của hồ sơ.",
            cite.long_vi()
        ),
        Message::Replaces { file, identical } => format!(
            "Hồ sơ này thay cho hồ sơ của cùng đơn vị nhận trước đó (tệp “{file}”){}.",
            if *identical { "; hai tệp giống hệt nhau" } else { "" }
        ),
        Message::ReplacedBy { file } => format!(
            "Đơn vị đã gửi lại hồ sơ (tệp “{file}”): hồ sơ này được thay thế và không đưa vào quyết định."
        ),
        Message::PreviousDiffers { level, decision_no, decision_date } => format!(
            "Theo sổ theo dõi công nhận, đơn vị đã được công nhận mức độ {} theo Quyết định số {}{}; hồ sơ ghi khác. Năm nay đơn vị được đề nghị gì được tính theo quyết định trong sổ.",
            level.number(),
            if decision_no.is_empty() { "…" } else { decision_no },
            decision_date.map_or_else(String::new, |d| format!(" ngày {}", date_vi(d)))
        ),
        Message::ChangedSinceIntake => format!(
            "{f}: nội dung hồ sơ đã thay đổi sau khi tiếp nhận (mã SHA-256 không còn khớp). Hãy đối chiếu với tệp đơn vị đã gửi."
        ),
        Message::CouncilTooSmall { count, min, cite } => format!(
            "Hội đồng có {count} thành viên; số lượng ủy viên của hội đồng tối thiểu là {min:02} người ({}).",
            cite.long_vi()
        ),
        Message::CouncilEven { count, cite } => format!(
            "Hội đồng có {count} thành viên; số lượng ủy viên của hội đồng phải là số lẻ ({}).",
            cite.long_vi()
        ),
        Message::CouncilGroupMissing { group, cite } => {
            format!("Thành phần Hội đồng chưa có {group} ({}).", cite.long_vi())
        }
        Message::CouncilRole { role, count: 0, cite } => {
            format!("Hội đồng chưa có {} ({}).", role_vi(role), cite.long_vi())
        }
        Message::CouncilRole { role, count, cite } => format!(
            "Hội đồng có {count} {}; Hội đồng gồm có chủ tịch, thư ký và các ủy viên ({}).",
            role_vi(role),
            cite.long_vi()
        ),
        Message::VerdictNotAppraised { id, level } => format!(
            "{f}: chỉ tiêu {id} không thuộc các chỉ tiêu được thẩm định ở mức độ {level} của đơn vị này; kết quả được giữ lại nhưng không tính."
        ),
        Message::CannotRecognise { level, met, cite } => format!(
            "Hội đồng không thể đề nghị công nhận mức độ {level}: theo kết quả thẩm định của chính Hội đồng, đơn vị {} ({}). Hãy sửa kết luận hoặc kết quả thẩm định các chỉ tiêu.",
            if *met == 0 { "không đạt mức độ nào".to_string() } else { format!("chỉ đạt mức độ {met}") },
            cite.long_vi()
        ),
        Message::AboveRequest { level, requested } => format!(
            "{f}: mức độ {level} cao hơn mức độ đơn vị đề nghị (mức độ {requested}); Hội đồng thẩm định mức độ đơn vị đề nghị."
        ),
        Message::UpgradeToTwoOnly { cite } => format!(
            "{f}: công nhận nâng mức độ là công nhận mức độ 2 cho đơn vị đã được công nhận mức độ 1 ({}).",
            cite.long_vi()
        ),
        Message::NothingToRecognise => format!(
            "{f}: không thể đề nghị công nhận vì hồ sơ không hợp lệ hoặc năm nay đơn vị không được đề nghị công nhận."
        ),
        Message::RefusedWithoutReason { cite } => format!(
            "Hội đồng kết luận không công nhận nhưng chưa nêu lý do: văn bản trả lời đơn vị phải nêu rõ lý do không đạt ({}). Hãy ghi các chỉ tiêu không đạt hoặc ý kiến của Hội đồng.",
            cite.long_vi()
        ),
        Message::FormDiffers { recorded, computed } => format!(
            "{f} ghi “{}”, nhưng theo kết quả tự đánh giá và lần công nhận trước, đơn vị đề nghị “{}”.",
            form_vi(recorded),
            form_vi(computed)
        ),
        Message::ReplacedNotDecided => format!(
            "{f}: hồ sơ này đã được thay bằng hồ sơ đơn vị gửi sau; kết luận này không được đưa vào quyết định."
        ),
        Message::AfterDeadline { date, deadline, cite } => format!(
            "{f} là {}: việc đánh giá, công nhận phải hoàn thành trước ngày {} ({}).",
            date_vi(*date),
            date_vi(*deadline),
            cite.long_vi()
        ),
        Message::BeforeCouncil { date, council } => format!(
            "{f} là {}, trước ngày quyết định thành lập Hội đồng ({}).",
            date_vi(*date),
            date_vi(*council)
        ),
        _ => String::new(),
    }
}

pub fn en(m: &Message, rules: &RuleSet, f: &str) -> String {
    let dotted = Cite::dotted;
    match m {
        Message::WrongFormat { expected } => {
            format!("This file is not a dvht {} (no \"format\": \"{expected}\").", format_en(expected))
        }
        Message::Rejected { file, why } => format!("File “{file}” was not taken in: {}.", rejection_en(rules, why)),
        Message::Skipped { file, why } => format!("File “{file}” was skipped: {}.", rejection_en(rules, why)),
        Message::ReceivedLate { received, last_day, cite } => format!(
            "{f} is {received}, after the last filing day {last_day} (Article {}): the dossier is late.",
            dotted(cite)
        ),
        Message::NothingRequested { cite } => format!(
            "The dossier is not complete: it has no request, as by its self-assessment the unit may ask for nothing this year (Article {}); see its notes.",
            dotted(cite)
        ),
        Message::Replaces { file, identical } => format!(
            "This dossier replaces one of the same unit received before (file “{file}”){}.",
            if *identical { "; the two files are identical" } else { "" }
        ),
        Message::ReplacedBy { file } => {
            format!("The unit sent its dossier again (file “{file}”): this one is replaced and left out of the decision.")
        }
        Message::PreviousDiffers { level, decision_no, decision_date } => format!(
            "The register of recognitions has the unit recognised at level {} by decision {}{}; the dossier says otherwise. What the unit may ask for this year follows the register.",
            level.number(),
            if decision_no.is_empty() { "…" } else { decision_no },
            decision_date.map_or_else(String::new, |d| format!(" of {d}"))
        ),
        Message::ChangedSinceIntake => format!(
            "{f}: the dossier changed after it was received (its SHA-256 no longer matches). Compare it with the file the unit sent."
        ),
        Message::CouncilTooSmall { count, min, cite } => {
            format!("The council has {count} members; it needs at least {min} (Article {}).", dotted(cite))
        }
        Message::CouncilEven { count, cite } => {
            format!("The council has {count} members; the number must be odd (Article {}).", dotted(cite))
        }
        Message::CouncilGroupMissing { group, cite } => {
            format!("The council has no member for “{group}” (Article {}).", dotted(cite))
        }
        Message::CouncilRole { role, count: 0, cite } => format!("The council has no {role} (Article {}).", dotted(cite)),
        Message::CouncilRole { role, count, cite } => format!(
            "The council has {count} of role {role}; it has a chair, a secretary and members (Article {}).",
            dotted(cite)
        ),
        Message::VerdictNotAppraised { id, level } => format!(
            "{f}: indicator {id} is not one this unit is appraised on at level {level}; the verdict is kept but not counted."
        ),
        Message::CannotRecognise { level, met, cite } => format!(
            "The council cannot propose level {level}: by its own verdicts the unit {} (Article {}). Change the conclusion or the verdicts.",
            if *met == 0 { "meets no level".to_string() } else { format!("meets level {met} only") },
            dotted(cite)
        ),
        Message::AboveRequest { level, requested } => format!(
            "{f}: level {level} is above the level the unit asks for (level {requested}); the council appraises the level asked for."
        ),
        Message::UpgradeToTwoOnly { cite } => {
            format!("{f}: an upgrade recognises level 2 for a unit recognised at level 1 (Article {}).", dotted(cite))
        }
        Message::NothingToRecognise => {
            format!("{f}: nothing can be recognised: the dossier is invalid or the unit may ask for nothing this year.")
        }
        Message::RefusedWithoutReason { cite } => format!(
            "The council refuses without a reason: the answer to the unit must state why (Article {}). Record the indicators not met or the council's note.",
            dotted(cite)
        ),
        Message::FormDiffers { recorded, computed } => format!(
            "{f} says “{}”, but by the self-assessment and the previous recognition the unit asks for “{}”.",
            form_en(recorded),
            form_en(computed)
        ),
        Message::ReplacedNotDecided => {
            format!("{f}: this dossier was replaced by one sent later; this conclusion is left out of the decision.")
        }
        Message::AfterDeadline { date, deadline, cite } => format!(
            "{f} is {date}: the appraisal and recognition must be complete before {deadline} (Article {}).",
            dotted(cite)
        ),
        Message::BeforeCouncil { date, council } => {
            format!("{f} is {date}, before the decision setting up the council ({council}).")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_the_receiving_files_are_named_by_label() {
        let rules = crate::rules::current();
        let n = |p: &str| named(rules, p, Lang::Vi).unwrap_or_default();
        assert_eq!(n("dossiers[2].received"), "Ngày nhận hồ sơ (hồ sơ thứ 3)");
        assert_eq!(n("dossiers[0].appraisal.indicators.2.1.verdict"), "Kết quả thẩm định chỉ tiêu 2.1 (hồ sơ thứ 1)");
        assert_eq!(n("dossiers[4].dossier.counts.members"), "Tổng số Thành viên trong đơn vị (hồ sơ thứ 5)");
        assert_eq!(n("dossiers[4]"), "Hồ sơ thứ 5");
        assert_eq!(n("council.members[1].role"), "Nhiệm vụ trong Hội đồng của thành viên thứ 2 của Hội đồng");
        assert_eq!(n("body.scope"), "Cấp của hồ sơ tiếp nhận (huyện/tỉnh)");
        assert_eq!(n("recognitions[0].decision_date"), "Ngày quyết định công nhận (quyết định thứ 1)");
        assert_eq!(n("units[2].reasons[0].note"), "Lý do (lý do thứ 1 của đơn vị thứ 3)");
        assert_eq!(named(rules, "nope.x", Lang::Vi), None);
    }
}
