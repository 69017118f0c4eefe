//! The dates a unit works to, in words, and the same dates as an iCalendar file (RFC 5545)
//! for any calendar application. The dates themselves are the read-model's.

use super::{date_vi, Lang};
use crate::date::Date;
pub use crate::engine::assessment::EventKind;
use crate::engine::assessment::{Assessment, Event, Source};

/// One date with its title and where it comes from, in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: EventKind,
    pub date: Date,
    pub title: String,
    /// Where the date comes from.
    pub source: String,
    /// The source is a provincial document's own title, quoted in Vietnamese whatever the
    /// language.
    pub quoted: bool,
}

/// The assessment's dates, titled.
pub fn entries(a: &Assessment, lang: Lang) -> Vec<Entry> {
    a.events.iter().map(|e| entry(a, e, lang)).collect()
}

fn entry(a: &Assessment, e: &Event, lang: Lang) -> Entry {
    let vi = lang.vi();
    let year = a.year().unwrap_or_default();
    let recipient = &a.recipient;
    let source = match e.source {
        Source::Circular(c) if vi => format!("Thông tư {}, {}", a.rules.number, c.long_vi()),
        Source::Circular(c) => format!("Circular {}, Article {}", a.rules.number, c.dotted()),
        Source::Province(c) => c.source.to_string(),
    };
    let title = match e.kind {
        EventKind::Submit if vi => format!("Hạn cuối gửi hồ sơ “Đơn vị học tập” năm {year} đến {recipient}"),
        EventKind::Submit => format!("Last day to send the {year} learning-unit dossier to {recipient}"),
        EventKind::Decision if vi => format!("Hạn hoàn thành đánh giá, công nhận “Đơn vị học tập” năm {year}"),
        EventKind::Decision => format!("Deadline for the {year} recognition decision"),
        EventKind::DistrictReport if vi => format!("Hạn Phòng GD&ĐT báo cáo Sở GD&ĐT kết quả công nhận năm {year}"),
        EventKind::DistrictReport => {
            format!("Deadline for the district report to the provincial department ({year})")
        }
        EventKind::ProvinceReport => {
            let province = match e.source {
                Source::Province(c) => c.province,
                Source::Circular(_) => "",
            };
            if vi {
                format!("Hạn Sở GD&ĐT {province} báo cáo kết quả năm {year}")
            } else {
                format!("Deadline for the {province} department's yearly report ({year})")
            }
        }
        EventKind::UpgradeFrom => {
            let decided = a.previous.map(|p| p.decision_date);
            // Shown as the first assessed year that may ask for it, not only as a day.
            let cycle = a.rules.timing.first_cycle(e.date);
            if vi {
                format!(
                    "Từ ngày này được đề nghị nâng lên mức độ 2, tức là với kết quả năm {cycle} (công nhận mức độ 1 ngày {})",
                    decided.map_or_else(String::new, date_vi)
                )
            } else {
                format!(
                    "From this day the unit may ask for level 2, that is with the results of {cycle} (level 1 recognised on {})",
                    decided.map_or_else(String::new, |d| d.to_string())
                )
            }
        }
        EventKind::ValidUntil => {
            let level = a.previous.map_or(0, |p| p.level.number());
            let again = a.evaluation.as_ref().and_then(|r| r.validity).map_or(0, |v| v.rerecognition_year);
            if vi {
                format!("Hết hiệu lực công nhận mức độ {level}; công nhận lại cho năm đánh giá {again}")
            } else {
                format!("Level-{level} recognition expires; re-recognition for assessed year {again}")
            }
        }
    };
    let quoted = matches!(e.source, Source::Province(_));
    Entry { kind: e.kind, date: e.date, title, source, quoted }
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
pub fn ics(events: &[Entry], stamp: Date, uid_base: &str, lang: Lang) -> String {
    let mut out = String::new();
    for line in
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dvht//Don vi hoc tap//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        fold(line, &mut out);
    }
    let reminder = if lang.vi() { "Còn 7 ngày" } else { "7 days left" };
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

    fn setup(json: &str) -> Assessment {
        let f = crate::read(json.as_bytes()).unwrap();
        crate::engine::assess(&f, &crate::engine::Env::new(Date::parse("2025-12-01").unwrap()))
    }

    const HUYEN: &str = r#"{"format":"dvht-dossier","version":1,"unit":{"scope":"huyen","kind":"ubnd_xa","province":"Hưng Yên"},"year":2025,
        "previous_recognition":{"level":1,"decision_date":"2025-02-10"}}"#;

    #[test]
    fn the_years_dates_with_the_provinces_own() {
        let a = setup(HUYEN);
        let e = entries(&a, Lang::Vi);
        let dates: Vec<(EventKind, String)> = e.iter().map(|e| (e.kind, e.date.to_string())).collect();
        assert_eq!(
            dates,
            [
                (EventKind::Submit, "2026-01-14".to_string()),
                (EventKind::UpgradeFrom, "2026-02-11".into()),
                (EventKind::Decision, "2026-02-14".into()),
                // The Circular's 15/03, and Hưng Yên's 30/04 beside it, never instead (rules.md §4).
                (EventKind::DistrictReport, "2026-03-14".into()),
                (EventKind::DistrictReport, "2026-04-29".into()),
                (EventKind::ProvinceReport, "2026-05-30".into()), // before 31/05
                (EventKind::ValidUntil, "2028-12-31".into()),
            ]
        );
        assert!(e[0].title.contains("Phòng Giáo dục và Đào tạo"));
        assert!(e[3].source.contains("khoản 3 Điều 20") && e[4].source.contains("Hưng Yên"));
        // Lai Châu keeps the Circular's 15/03; a province without a plan here gets the Circular's.
        for province in ["Lai Châu", "Nam Định"] {
            let json = HUYEN.replace("Hưng Yên", province);
            let a = setup(&json);
            let reports: Vec<String> = entries(&a, Lang::Vi)
                .into_iter()
                .filter(|e| e.kind == EventKind::DistrictReport)
                .map(|e| e.date.to_string())
                .collect();
            assert_eq!(reports, ["2026-03-14"], "{province}");
        }
    }

    #[test]
    fn an_ics_file_that_calendars_accept() {
        let a = setup(HUYEN);
        let text = ics(&entries(&a, Lang::Vi), Date::parse("2025-12-01").unwrap(), "abc", Lang::Vi);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 7);
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
