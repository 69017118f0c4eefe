//! The dates a unit works to, from the rules table and its province's calendar, and the same
//! dates as an iCalendar file (RFC 5545) for any calendar application.

use crate::date::Date;
use crate::engine::check::Dossier;
use crate::engine::evaluate::Evaluation;
use crate::file::DossierFile;
use crate::rules::{MonthDay, Scope};
use crate::words::{date_vi, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Last day to send the dossier (before 15/01: Điều 10.1c, 16.1c).
    Submit,
    /// Last day for the decision (before 15/02: Điều 10.3, 16.3).
    Decision,
    /// Last day for Phòng GD&ĐT's report to Sở GD&ĐT (Điều 20.3, or the province's plan).
    DistrictReport,
    /// Last day for Sở GD&ĐT's yearly report, where the province's plan sets one.
    ProvinceReport,
    /// First day a level-1 unit may ask for level 2 (Điều 5.3, 11.3).
    UpgradeFrom,
    /// Last day a recognition is valid (Điều 5.4, 11.4).
    ValidUntil,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub date: Date,
    pub title: String,
    /// Where the date comes from.
    pub source: String,
}

/// The last day of a period ending "before" `md` of `year`.
fn last_day_before(year: i32, md: MonthDay) -> Option<Date> {
    Date::new(year, md.month, md.day)?.add_days(-1)
}

/// The events of one assessed year, in date order.
pub fn events(file: &DossierFile, dossier: &Dossier, result: &Evaluation, lang: Lang) -> Vec<Event> {
    let rules = dossier.rules();
    let t = &rules.timing;
    let year = dossier.year();
    let next = year + 1;
    let vi = lang == Lang::Vi;
    let scope = dossier.scope();
    let cite = |c: Option<crate::rules::Cite>| {
        c.map_or_else(String::new, |c| format!("Thông tư 24/2023/TT-BGDĐT, {}", c.long_vi()))
    };
    let procedure = rules.procedure(scope);
    let (submit_article, decision_article) = (cite(procedure.map(|p| p.submit)), cite(procedure.map(|p| p.decision)));
    let recipient = file
        .submission
        .as_ref()
        .and_then(|s| s.recipient.clone())
        .or_else(|| rules.authority(scope).map(|a| a.recipient.to_string()))
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut push = |kind, date: Option<Date>, title: String, source: String| {
        if let Some(date) = date {
            out.push(Event { kind, date, title, source });
        }
    };
    push(
        EventKind::Submit,
        last_day_before(next, t.submit_before),
        if vi {
            format!("Hạn cuối gửi hồ sơ “Đơn vị học tập” năm {year} đến {recipient}")
        } else {
            format!("Last day to send the {year} learning-unit dossier to {recipient}")
        },
        submit_article,
    );
    push(
        EventKind::Decision,
        last_day_before(next, t.decision_before),
        if vi {
            format!("Hạn hoàn thành đánh giá, công nhận “Đơn vị học tập” năm {year}")
        } else {
            format!("Deadline for the {year} recognition decision")
        },
        decision_article,
    );
    let calendar = file.unit.province.as_deref().and_then(|p| rules.calendar(p.trim()));
    if scope == Scope::Huyen {
        let (md, source) = match calendar {
            Some(c) => (c.district_report_before, c.source.to_string()),
            None => (t.district_report_before, cite(Some(rules.district_report))),
        };
        push(
            EventKind::DistrictReport,
            last_day_before(next, md),
            if vi {
                format!("Hạn Phòng GD&ĐT báo cáo Sở GD&ĐT kết quả công nhận năm {year}")
            } else {
                format!("Deadline for the district report to the provincial department ({year})")
            },
            source,
        );
    }
    if let Some(c) = calendar {
        push(
            EventKind::ProvinceReport,
            c.province_report_before.and_then(|md| last_day_before(next, md)),
            if vi {
                format!("Hạn Sở GD&ĐT {} báo cáo kết quả năm {year}", c.province)
            } else {
                format!("Deadline for the {} department's yearly report ({year})", c.province)
            },
            c.source.to_string(),
        );
    }
    if let (Some(up), Some(prev)) = (result.upgrade, dossier.previous()) {
        push(
            EventKind::UpgradeFrom,
            Some(up.eligible_from),
            if vi {
                format!(
                    "Từ ngày này được đề nghị nâng lên mức độ 2 (công nhận mức độ 1 ngày {})",
                    date_vi(prev.decision_date)
                )
            } else {
                format!("From this day the unit may ask for level 2 (level 1 recognised on {})", prev.decision_date)
            },
            cite(procedure.map(|p| p.upgrade)),
        );
    }
    if let (Some(v), Some(prev)) = (result.validity, dossier.previous()) {
        push(
            EventKind::ValidUntil,
            Some(v.valid_until),
            if vi {
                format!(
                    "Hết hiệu lực công nhận mức độ {}; công nhận lại cho năm đánh giá {}",
                    prev.level.number(),
                    v.rerecognition_year
                )
            } else {
                format!(
                    "Level-{} recognition expires; re-recognition for assessed year {}",
                    prev.level.number(),
                    v.rerecognition_year
                )
            },
            cite(procedure.map(|p| p.validity)),
        );
    }
    out.sort_by_key(|e| e.date);
    out
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The events as an iCalendar file: all-day events with a reminder a week before.
/// `stamp` is the creation date (DTSTAMP); `uid_base` makes the UIDs stable for one dossier.
pub fn ics(events: &[Event], stamp: Date, uid_base: &str, lang: Lang) -> String {
    let mut out = String::new();
    for line in
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dvht//Don vi hoc tap//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        fold(line, &mut out);
    }
    let reminder = if lang == Lang::Vi { "Còn 7 ngày" } else { "7 days left" };
    for e in events {
        let end = e.date.add_days(1).unwrap_or(e.date);
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid_base}-{:?}-{}@dvht", e.kind, ics_date(e.date)),
            format!("DTSTAMP:{}T000000Z", ics_date(stamp)),
            format!("DTSTART;VALUE=DATE:{}", ics_date(e.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", escape(&e.title)),
            format!("DESCRIPTION:{}", escape(&e.source)),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-P7D".to_string(),
            format!("DESCRIPTION:{}", escape(&format!("{reminder}: {}", e.title))),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ];
        for line in &lines {
            fold(line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(json: &str) -> (DossierFile, Dossier, Evaluation) {
        let f = crate::read(json.as_bytes()).unwrap();
        let d = crate::check(&f).unwrap();
        let r = crate::evaluate(&d, Date::parse("2025-12-01").unwrap());
        (f, d, r)
    }

    const HUYEN: &str = r#"{"format":"dvht-dossier","version":1,"unit":{"scope":"huyen","kind":"ubnd_xa","province":"Hưng Yên"},"year":2025,
        "previous_recognition":{"level":1,"decision_date":"2025-02-10"}}"#;

    #[test]
    fn the_years_dates_with_the_provinces_own() {
        let (f, d, r) = setup(HUYEN);
        let e = events(&f, &d, &r, Lang::Vi);
        let dates: Vec<(EventKind, String)> = e.iter().map(|e| (e.kind, e.date.to_string())).collect();
        assert_eq!(
            dates,
            [
                (EventKind::Submit, "2026-01-14".to_string()),
                (EventKind::UpgradeFrom, "2026-02-11".into()),
                (EventKind::Decision, "2026-02-14".into()),
                (EventKind::DistrictReport, "2026-04-29".into()), // Hưng Yên: before 30/04
                (EventKind::ProvinceReport, "2026-05-30".into()), // before 31/05
                (EventKind::ValidUntil, "2028-12-31".into()),
            ]
        );
        assert!(e[0].title.contains("Phòng Giáo dục và Đào tạo"));
        // Lai Châu keeps the Circular's 15/03; a province without a plan here gets the Circular's.
        for (province, last_day) in [("Lai Châu", "2026-03-14"), ("Nam Định", "2026-03-14")] {
            let json = HUYEN.replace("Hưng Yên", province);
            let (f, d, r) = setup(&json);
            let report =
                events(&f, &d, &r, Lang::Vi).into_iter().find(|e| e.kind == EventKind::DistrictReport).unwrap();
            assert_eq!(report.date.to_string(), last_day, "{province}");
        }
    }

    #[test]
    fn an_ics_file_that_calendars_accept() {
        let (f, d, r) = setup(HUYEN);
        let text = ics(&events(&f, &d, &r, Lang::Vi), Date::parse("2025-12-01").unwrap(), "abc", Lang::Vi);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
        assert!(text.contains("DTSTART;VALUE=DATE:20260114\r\nDTEND;VALUE=DATE:20260115\r\n"));
        assert!(text.contains("DTSTAMP:20251201T000000Z"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        // Unfolded, the summary is whole and escaped.
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("SUMMARY:Hạn cuối gửi hồ sơ “Đơn vị học tập” năm 2025 đến Phòng Giáo dục và Đào tạo\r\n")
        );
        assert!(unfolded.contains("DESCRIPTION:Thông tư 24/2023/TT-BGDĐT\\, điểm c khoản 1 Điều 10\r\n"));
    }
}
