//! Editing an appraisal file field by field, from what a control holds, as `file::edit` edits a
//! dossier: every control of the receiving side's screen is named by the path of its field in
//! the file (`body.name`, `council.members[2].role`, `dossiers[7].appraisal.outcome`,
//! `dossiers[7].appraisal.indicators.2.1.verdict`), the same paths messages use, so one input
//! handler serves the whole screen and the parsing is plain Rust, tested here.
//!
//! What a unit sent is never edited: of a received dossier only the date and channel of its
//! receipt and the council's part may be set, and the year and scope only while nothing has
//! been taken in (a dossier was taken in for them).

use super::fields::{self, place};
use super::{AppraisalFile, Member, Verdict};
use crate::diagnostic::Message;
use crate::file::edit::{parse, parse_count, show};
use crate::file::fields::{Field, Kind, Value};

fn unknown(path: &str) -> Message {
    Message::UnknownValue { found: path.to_string(), allowed: Vec::new() }
}

fn row<T>(table: &'static [Field<T>], key: &str) -> Option<&'static Field<T>> {
    table.iter().find(|f| f.key == key && f.kind != Kind::Group)
}

fn set_row<T>(table: &'static [Field<T>], record: &mut T, key: &str, raw: &str, path: &str) -> Result<(), Message> {
    let field = row(table, key).ok_or_else(|| unknown(path))?;
    let value = parse(field.kind, raw)?;
    (field.set)(record, value);
    Ok(())
}

fn get_row<T>(table: &'static [Field<T>], record: &T, key: &str) -> String {
    row(table, key).map_or(String::new(), |f| show((f.get)(record)))
}

/// The fields of a received dossier the body may set: how and when it came in.
const RECEIPT: [&str; 2] = ["received", "channel"];

/// The index in `path` of the list named `list`.
fn index(p: &fields::Place, list: &str) -> Option<usize> {
    p.indices.iter().find(|(n, _)| *n == list).map(|(_, i)| *i)
}

/// Sets the field at `path` from a control's text (trimmed text empty: not given). Errors say
/// why the text cannot be the value; the file is then unchanged.
pub fn set(file: &mut AppraisalFile, path: &str, raw: &str) -> Result<(), Message> {
    let p = place(path);
    match (p.pattern.as_str(), p.key) {
        ("", "year") => {
            if !file.dossiers.is_empty() {
                return Err(unknown(path));
            }
            let year = parse_count(raw)?;
            file.year = year.map(|y| i64::try_from(y).unwrap_or(i64::MAX));
        }
        ("body", "scope") if !file.dossiers.is_empty() => return Err(unknown(path)),
        ("body", key) => set_row(&fields::BODY, &mut file.body, key, raw, path)?,
        ("council", key) => set_row(&fields::COUNCIL, &mut file.council, key, raw, path)?,
        ("council.members[]", key) => {
            let m = index(&p, "members").and_then(|i| file.council.members.get_mut(i)).ok_or_else(|| unknown(path))?;
            set_row(&fields::MEMBER, m, key, raw, path)?;
        }
        ("decision", key) => set_row(&fields::DECISION, &mut file.decision, key, raw, path)?,
        ("dossiers[]", key) if RECEIPT.contains(&key) => {
            let d = index(&p, "dossiers").and_then(|i| file.dossiers.get_mut(i)).ok_or_else(|| unknown(path))?;
            set_row(&fields::RECEIVED, d, key, raw, path)?;
        }
        ("dossiers[].appraisal", key) => {
            let d = index(&p, "dossiers").and_then(|i| file.dossiers.get_mut(i)).ok_or_else(|| unknown(path))?;
            set_row(&fields::APPRAISAL, &mut d.appraisal, key, raw, path)?;
        }
        ("dossiers[].appraisal.indicators.*", key) => {
            let id = p.indicator.filter(|id| !id.is_empty()).ok_or_else(|| unknown(path))?;
            let d = index(&p, "dossiers").and_then(|i| file.dossiers.get_mut(i)).ok_or_else(|| unknown(path))?;
            let current = d.appraisal.indicator(id).cloned().unwrap_or_default();
            match key {
                "verdict" => {
                    let Value::Key(k) = parse(Kind::Choice(Verdict::KEYS), raw)? else { return Err(unknown(path)) };
                    d.appraisal.set(id, k.and_then(Verdict::from_key), current.note);
                }
                "note" => {
                    let Value::Text(note) = parse(Kind::Text, raw)? else { return Err(unknown(path)) };
                    d.appraisal.set(id, current.verdict, note);
                }
                _ => return Err(unknown(path)),
            }
        }
        _ => return Err(unknown(path)),
    }
    Ok(())
}

/// What a control shows for the field at `path` ("" for a field not given, or no such field).
pub fn shown(file: &AppraisalFile, path: &str) -> String {
    let p = place(path);
    let dossier = index(&p, "dossiers").and_then(|i| file.dossiers.get(i));
    match (p.pattern.as_str(), p.key) {
        ("", "year") => file.year.map_or(String::new(), |y| y.to_string()),
        ("body", key) => get_row(&fields::BODY, &file.body, key),
        ("council", key) => get_row(&fields::COUNCIL, &file.council, key),
        ("council.members[]", key) => index(&p, "members")
            .and_then(|i| file.council.members.get(i))
            .map_or(String::new(), |m| get_row(&fields::MEMBER, m, key)),
        ("decision", key) => get_row(&fields::DECISION, &file.decision, key),
        ("dossiers[]", key) => dossier.map_or(String::new(), |d| get_row(&fields::RECEIVED, d, key)),
        ("dossiers[].appraisal", key) => {
            dossier.map_or(String::new(), |d| get_row(&fields::APPRAISAL, &d.appraisal, key))
        }
        ("dossiers[].appraisal.indicators.*", key) => {
            let v = p.indicator.and_then(|id| dossier.and_then(|d| d.appraisal.indicator(id)));
            v.map_or(String::new(), |v| get_row(&fields::VERDICT, v, key))
        }
        _ => String::new(),
    }
}

/// Adds an empty member to the council; returns its index.
pub fn add_member(file: &mut AppraisalFile) -> usize {
    file.council.members.push(Member::default());
    file.council.members.len() - 1
}

pub fn remove_member(file: &mut AppraisalFile, index: usize) {
    if index < file.council.members.len() {
        file.council.members.remove(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::appraisal::{Channel, Method, Outcome, Received, Role};
    use crate::rules::{Level, Scope};
    use crate::Date;

    fn file() -> AppraisalFile {
        AppraisalFile::new(2025, Scope::Huyen)
    }

    #[test]
    fn every_part_of_the_file_is_set_by_its_path() {
        let mut f = file();
        set(&mut f, "body.name", "Phòng Giáo dục và Đào tạo huyện Văn Lâm").unwrap();
        set(&mut f, "body.signer_title", "Trưởng phòng").unwrap();
        set(&mut f, "council.decision_no", "15/QĐ-PGDĐT").unwrap();
        set(&mut f, "council.decision_date", "2026-01-16").unwrap();
        set(&mut f, "council.method", "written").unwrap();
        assert_eq!(add_member(&mut f), 0);
        set(&mut f, "council.members[0].name", "Nguyễn Văn A").unwrap();
        set(&mut f, "council.members[0].role", "chair").unwrap();
        set(&mut f, "council.members[0].organisation", "Hội Khuyến học huyện").unwrap();
        set(&mut f, "decision.number", "12/QĐ-UBND").unwrap();
        set(&mut f, "decision.date", "2026-02-10").unwrap();
        assert_eq!(f.body.name.as_deref(), Some("Phòng Giáo dục và Đào tạo huyện Văn Lâm"));
        assert_eq!(f.council.decision_date, Date::parse("2026-01-16"));
        assert_eq!(f.council.method, Some(Method::Written));
        assert_eq!(f.council.members[0].role, Some(Role::Chair));
        assert_eq!(shown(&f, "council.members[0].role"), "chair");
        assert_eq!(shown(&f, "council.decision_date"), "2026-01-16");
        assert_eq!(shown(&f, "decision.number"), "12/QĐ-UBND");
        assert_eq!(shown(&f, "body.signer_title"), "Trưởng phòng");
        // Empty text: not given.
        set(&mut f, "body.signer_title", "  ").unwrap();
        assert_eq!(f.body.signer_title, None);
        remove_member(&mut f, 0);
        remove_member(&mut f, 5);
        assert!(f.council.members.is_empty());
    }

    #[test]
    fn the_councils_part_of_a_dossier_and_its_receipt() {
        let mut f = file();
        f.dossiers.push(Received { dossier: serde_json::json!({}), ..Received::default() });
        set(&mut f, "dossiers[0].received", "2026-01-09").unwrap();
        set(&mut f, "dossiers[0].channel", "post").unwrap();
        set(&mut f, "dossiers[0].appraisal.outcome", "recognise").unwrap();
        set(&mut f, "dossiers[0].appraisal.level", "1").unwrap();
        set(&mut f, "dossiers[0].appraisal.note", "Đủ điều kiện").unwrap();
        let d = &f.dossiers[0];
        assert_eq!((d.received, d.channel), (Date::parse("2026-01-09"), Some(Channel::Post)));
        assert_eq!((d.appraisal.outcome, d.appraisal.level), (Some(Outcome::Recognise), Some(Level::One)));
        assert_eq!(shown(&f, "dossiers[0].appraisal.outcome"), "recognise");
        assert_eq!(shown(&f, "dossiers[0].channel"), "post");
        // A verdict and its note are set apart, each keeping the other.
        set(&mut f, "dossiers[0].appraisal.indicators.2.1.verdict", "fail").unwrap();
        set(&mut f, "dossiers[0].appraisal.indicators.2.1.note", "Số liệu không khớp").unwrap();
        set(&mut f, "dossiers[0].appraisal.indicators.1.3.note", "Đã xem bản gốc").unwrap();
        let a = &f.dossiers[0].appraisal;
        assert_eq!(a.indicator("2.1").unwrap().verdict, Some(Verdict::Fail));
        assert_eq!(a.indicator("2.1").unwrap().note.as_deref(), Some("Số liệu không khớp"));
        assert_eq!(a.indicator("1.3").unwrap().verdict, None);
        assert_eq!(shown(&f, "dossiers[0].appraisal.indicators.2.1.verdict"), "fail");
        assert_eq!(shown(&f, "dossiers[0].appraisal.indicators.2.1.note"), "Số liệu không khớp");
        assert_eq!(shown(&f, "dossiers[0].appraisal.indicators.3.1.verdict"), "");
        // Back to the unit's own status, with no note: the indicator has no entry.
        set(&mut f, "dossiers[0].appraisal.indicators.2.1.verdict", "").unwrap();
        set(&mut f, "dossiers[0].appraisal.indicators.2.1.note", "").unwrap();
        assert!(f.dossiers[0].appraisal.indicator("2.1").is_none());
        // Back to undecided.
        set(&mut f, "dossiers[0].appraisal.outcome", "").unwrap();
        assert_eq!(f.dossiers[0].appraisal.outcome, None);
    }

    #[test]
    fn what_cannot_be_the_value_leaves_the_file_unchanged() {
        let mut f = file();
        f.dossiers.push(Received { dossier: serde_json::json!({}), ..Received::default() });
        let before = f.clone();
        assert!(matches!(set(&mut f, "council.decision_date", "16/01/2026"), Err(Message::BadDate { .. })));
        assert!(matches!(set(&mut f, "dossiers[0].channel", "fax"), Err(Message::UnknownValue { .. })));
        assert!(set(&mut f, "dossiers[0].appraisal.indicators.2.1.verdict", "maybe").is_err());
        assert!(set(&mut f, "dossiers[0].appraisal.level", "3").is_err());
        // What the unit sent, and a dossier or member that is not there.
        assert!(set(&mut f, "dossiers[0].sha256", "00").is_err());
        assert!(set(&mut f, "dossiers[0].dossier.unit.name", "X").is_err());
        assert!(set(&mut f, "dossiers[4].appraisal.outcome", "refuse").is_err());
        assert!(set(&mut f, "council.members[0].name", "X").is_err());
        assert!(set(&mut f, "council.members", "X").is_err());
        assert!(set(&mut f, "nope", "X").is_err());
        // The year and scope stay those the dossiers were taken in for.
        assert!(set(&mut f, "year", "2026").is_err());
        assert!(set(&mut f, "body.scope", "tinh").is_err());
        assert_eq!(f, before);
        let mut empty = file();
        set(&mut empty, "year", "2026").unwrap();
        set(&mut empty, "body.scope", "tinh").unwrap();
        assert_eq!((empty.year, empty.body.scope), (Some(2026), Some(Scope::Tinh)));
        assert_eq!(shown(&empty, "year"), "2026");
        assert_eq!(shown(&empty, "body.scope"), "tinh");
    }
}
