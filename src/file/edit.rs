//! Editing a dossier field by field, from what a form control holds.
//!
//! Every control of the app is named by the path of its field in the file (`counts.members`,
//! `evidence.2.1[0].title`), the same path messages use. One function sets any field from
//! the control's text, so the form needs one input handler, and the parsing of what people
//! type is plain Rust, tested natively.

use crate::date::Date;
use crate::diagnostic::Message;
use crate::file::{DossierFile, EvidenceItem, Final, PreviousRecognition, Report, Submission, TeamMember, Value};
use crate::rules::{DigitalIndex, InputKind, Level, Scope, Section, TT24_2023};

/// Parses a count as people type it: "1200", "1.200", "1 200" or "1,200" (groups of three
/// after the first). Empty means "not entered".
pub fn parse_count(text: &str) -> Result<Option<u64>, Message> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let groups: Vec<&str> = t.split(['.', ',', ' ', '\u{a0}']).collect();
    let grouped = groups.len() > 1;
    let valid = groups.iter().enumerate().all(|(i, g)| {
        let digits = !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        digits && (!grouped || (i == 0 && g.len() <= 3) || (i > 0 && g.len() == 3))
    });
    if !valid {
        return Err(Message::NotWholeNumber);
    }
    groups.concat().parse::<u64>().map(Some).map_err(|_| Message::NotWholeNumber)
}

fn text(raw: &str) -> Option<String> {
    (!raw.trim().is_empty()).then(|| raw.to_string())
}

fn yes_no(raw: &str) -> Result<Option<bool>, Message> {
    match raw {
        "" => Ok(None),
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        other => Err(Message::UnknownValue { found: other.into(), allowed: vec!["true", "false"] }),
    }
}

fn date(raw: &str) -> Result<Option<Date>, Message> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Date::parse(t).map(Some).ok_or_else(|| Message::BadDate { found: t.into() })
}

/// Splits `evidence.2.1[0].title` into ("2.1", 0, "title").
fn evidence_path(rest: &str) -> Option<(&str, usize, &str)> {
    let (id, rest) = rest.split_once('[')?;
    let (index, field) = rest.split_once("].")?;
    Some((id, index.parse().ok()?, field))
}

/// Sets the field at `path` from a control's text. On `Err` the dossier is unchanged and the
/// message says what is wrong with the text.
pub fn set_field(file: &mut DossierFile, path: &str, raw: &str) -> Result<(), Message> {
    let unknown = || Message::UnknownValue { found: path.to_string(), allowed: Vec::new() };
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    match head {
        "year" => {
            let year = parse_count(raw)?;
            file.year = year.map(|y| i64::try_from(y).unwrap_or(i64::MAX));
        }
        "unit" => set_unit(file, rest, raw)?,
        "submission" => {
            let sub = file.submission.get_or_insert_with(Submission::default);
            match rest {
                "recipient" => sub.recipient = text(raw),
                "decision_maker" => sub.decision_maker = text(raw),
                _ => return Err(unknown()),
            }
            if sub.recipient.is_none() && sub.decision_maker.is_none() && sub.extra.is_empty() {
                file.submission = None;
            }
        }
        "previous_recognition" => {
            let prev = file.previous_recognition.get_or_insert_with(PreviousRecognition::default);
            match rest {
                "level" => {
                    prev.level = match raw {
                        "" => None,
                        n => Some(
                            n.parse()
                                .ok()
                                .and_then(Level::from_number)
                                .ok_or_else(|| Message::UnknownValue { found: n.into(), allowed: vec!["1", "2"] })?,
                        ),
                    }
                }
                "decision_no" => prev.decision_no = text(raw),
                "decision_date" => prev.decision_date = date(raw)?,
                _ => return Err(unknown()),
            }
        }
        "counts" | "facts" => {
            let section = if head == "counts" { Section::Counts } else { Section::Facts };
            let def = TT24_2023.input_by_key(section, rest).ok_or_else(unknown)?;
            let value =
                match &def.kind {
                    InputKind::Count { .. } => parse_count(raw)?.map(Value::Count),
                    InputKind::Flag => yes_no(raw)?.map(Value::Flag),
                    InputKind::Choice { choices } => match raw {
                        "" => None,
                        key => Some(Value::Choice(choices.iter().find(|c| c.key == key).map(|c| c.key).ok_or_else(
                            || Message::UnknownValue {
                                found: key.into(),
                                allowed: choices.iter().map(|c| c.key).collect(),
                            },
                        )?)),
                    },
                };
            file.values.set(def.id, value);
        }
        "evidence" => {
            let (id, index, field) = evidence_path(rest).ok_or_else(unknown)?;
            let item = file.evidence_for_mut(id).get_mut(index).ok_or_else(unknown)?;
            match field {
                "code" => item.code = text(raw),
                "title" => item.title = text(raw),
                "number" => item.number = text(raw),
                "date" => item.date = date(raw)?,
                "issuer" => item.issuer = text(raw),
                "location" => item.location = text(raw),
                _ => return Err(unknown()),
            }
        }
        "notes" => file.set_note(rest, text(raw)),
        "report" => {
            let report = file.report.get_or_insert_with(Report::default);
            set_report(report, rest, raw).ok_or_else(unknown)??;
            if *report == Report::default() {
                file.report = None;
            }
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

/// `None` when the path names no field of the report.
fn set_report(r: &mut Report, path: &str, raw: &str) -> Option<Result<(), Message>> {
    let slot = match path {
        "parent" => &mut r.parent,
        "request_no" => &mut r.request_no,
        "report_no" => &mut r.report_no,
        "place" => &mut r.place,
        "signer_title" => &mut r.signer_title,
        "method" => &mut r.method,
        "conclusion" => &mut r.conclusion,
        "date" => return Some(date(raw).map(|d| r.date = d)),
        "recipients" => {
            r.recipients = raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            return Some(Ok(()));
        }
        _ => {
            if let Some(rest) = path.strip_prefix("team[") {
                let (index, field) = rest.split_once("].")?;
                let member = r.team.get_mut(index.parse::<usize>().ok()?)?;
                match field {
                    "name" => member.name = text(raw),
                    "position" => member.position = text(raw),
                    "role" => member.role = text(raw),
                    _ => return None,
                }
                return Some(Ok(()));
            }
            let (n, field) = path.strip_prefix("criteria.")?.split_once('.')?;
            if !matches!(n, "1" | "2" | "3") {
                return None;
            }
            let notes = r.criterion_mut(n);
            match field {
                "strengths" => notes.strengths = text(raw),
                "weaknesses" => notes.weaknesses = text(raw),
                "plan" => notes.plan = text(raw),
                _ => return None,
            }
            if *notes == crate::file::CriterionNotes::default() {
                r.criteria.retain(|(k, _)| k != n);
            }
            return Some(Ok(()));
        }
    };
    *slot = text(raw);
    Some(Ok(()))
}

fn report_value(r: &Report, path: &str) -> Option<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    Some(match path {
        "parent" => opt(&r.parent),
        "request_no" => opt(&r.request_no),
        "report_no" => opt(&r.report_no),
        "place" => opt(&r.place),
        "signer_title" => opt(&r.signer_title),
        "method" => opt(&r.method),
        "conclusion" => opt(&r.conclusion),
        "date" => r.date.map_or(String::new(), |d| d.to_string()),
        "recipients" => r.recipients.join("\n"),
        _ => {
            if let Some(rest) = path.strip_prefix("team[") {
                let (index, field) = rest.split_once("].")?;
                let m = r.team.get(index.parse::<usize>().ok()?)?;
                return Some(match field {
                    "name" => opt(&m.name),
                    "position" => opt(&m.position),
                    "role" => opt(&m.role),
                    _ => return None,
                });
            }
            let (n, field) = path.strip_prefix("criteria.")?.split_once('.')?;
            let c = r.criterion(n)?;
            match field {
                "strengths" => opt(&c.strengths),
                "weaknesses" => opt(&c.weaknesses),
                "plan" => opt(&c.plan),
                _ => return None,
            }
        }
    })
}

/// Adds a member to the Tổ đánh giá; returns its index.
pub fn add_team_member(file: &mut DossierFile) -> usize {
    let r = file.report.get_or_insert_with(Report::default);
    r.team.push(TeamMember::default());
    r.team.len() - 1
}

pub fn remove_team_member(file: &mut DossierFile, index: usize) {
    if let Some(r) = file.report.as_mut() {
        if index < r.team.len() {
            r.team.remove(index);
        }
        if *r == Report::default() {
            file.report = None;
        }
    }
}

/// Marks the dossier final on `today`, with the fingerprint of what it holds.
pub fn finalise(file: &mut DossierFile, today: Date) {
    file.finalised = None;
    let fingerprint = file.fingerprint();
    file.finalised = Some(Final { date: Some(today), fingerprint: Some(fingerprint), ..Final::default() });
}

/// Reopens a finalised dossier for editing.
pub fn reopen(file: &mut DossierFile) {
    file.finalised = None;
}

fn set_unit(file: &mut DossierFile, field: &str, raw: &str) -> Result<(), Message> {
    let u = &mut file.unit;
    match field {
        "name" => u.name = text(raw),
        "province" => u.province = text(raw),
        "district" => u.district = text(raw),
        "head" => u.head = text(raw),
        "address" => u.address = text(raw),
        "scope" => {
            let scope = match raw {
                "" => None,
                key => Some(Scope::from_key(key).ok_or_else(|| Message::UnknownValue {
                    found: key.into(),
                    allowed: Scope::ALL.iter().map(|s| s.key()).collect(),
                })?),
            };
            // A kind belongs to one scope: choosing the other scope means choosing the kind again.
            let kind_scope = u.kind.as_deref().and_then(|k| TT24_2023.kind(k)).map(|k| k.scope);
            if scope.is_some() && kind_scope.is_some() && kind_scope != scope {
                u.kind = None;
            }
            u.scope = scope;
        }
        "kind" => {
            let kind = match raw {
                "" => None,
                id => Some(TT24_2023.kind(id).ok_or_else(|| Message::UnknownKind { found: id.into() })?),
            };
            if let Some(kind) = kind {
                u.scope = Some(kind.scope);
                // Pre-fill the answer a school must give; most schools are công lập.
                if kind.public == crate::rules::PublicRule::Choose && u.public.is_none() {
                    u.public = Some(true);
                }
            }
            u.kind = kind.map(|k| k.id.to_string());
        }
        "public" => u.public = yes_no(raw)?,
        "vocational" => u.vocational = yes_no(raw)?,
        "digital_index" => {
            u.digital_index = match raw {
                "" => None,
                key => Some(DigitalIndex::from_key(key).ok_or_else(|| Message::UnknownValue {
                    found: key.into(),
                    allowed: DigitalIndex::ALL.iter().map(|d| d.key()).collect(),
                })?),
            }
        }
        _ => return Err(Message::UnknownValue { found: format!("unit.{field}"), allowed: Vec::new() }),
    }
    Ok(())
}

/// What the control for `path` shows: the inverse of [`set_field`].
pub fn field_value(file: &DossierFile, path: &str) -> String {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let flag = |b: Option<bool>| b.map_or(String::new(), |b| b.to_string());
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    match head {
        "year" => file.year.map_or(String::new(), |y| y.to_string()),
        "unit" => {
            let u = &file.unit;
            match rest {
                "name" => opt(&u.name),
                "province" => opt(&u.province),
                "district" => opt(&u.district),
                "head" => opt(&u.head),
                "address" => opt(&u.address),
                "scope" => u.scope.map_or(String::new(), |s| s.key().into()),
                "kind" => opt(&u.kind),
                "public" => flag(u.public),
                "vocational" => flag(u.vocational),
                "digital_index" => u.digital_index.map_or(String::new(), |d| d.key().into()),
                _ => String::new(),
            }
        }
        "submission" => file.submission.as_ref().map_or(String::new(), |s| match rest {
            "recipient" => opt(&s.recipient),
            "decision_maker" => opt(&s.decision_maker),
            _ => String::new(),
        }),
        "previous_recognition" => file.previous_recognition.as_ref().map_or(String::new(), |p| match rest {
            "level" => p.level.map_or(String::new(), |l| l.number().to_string()),
            "decision_no" => opt(&p.decision_no),
            "decision_date" => p.decision_date.map_or(String::new(), |d| d.to_string()),
            _ => String::new(),
        }),
        "counts" | "facts" => {
            let section = if head == "counts" { Section::Counts } else { Section::Facts };
            match TT24_2023.input_by_key(section, rest).and_then(|d| file.values.get(d.id)) {
                Some(Value::Count(n)) => n.to_string(),
                Some(Value::Flag(b)) => b.to_string(),
                Some(Value::Choice(c)) => c.to_string(),
                None => String::new(),
            }
        }
        "evidence" => evidence_path(rest)
            .and_then(|(id, index, field)| {
                let item = file.evidence_for(id).get(index)?;
                Some(match field {
                    "code" => opt(&item.code),
                    "title" => opt(&item.title),
                    "number" => opt(&item.number),
                    "date" => item.date.map_or(String::new(), |d| d.to_string()),
                    "issuer" => opt(&item.issuer),
                    "location" => opt(&item.location),
                    _ => String::new(),
                })
            })
            .unwrap_or_default(),
        "notes" => file.note(rest).unwrap_or_default().to_string(),
        "report" => file.report.as_ref().and_then(|r| report_value(r, rest)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// What is wrong with `text` as the value of the control for `path`, if anything. Only
/// counts, years, dates and choices can be wrong; any text is a valid name or note.
pub fn text_error(path: &str, text: &str) -> Option<Message> {
    let field = path.rsplit(['.', ']']).next().unwrap_or(path);
    if path == "year" || path.starts_with("counts.") {
        return parse_count(text).err();
    }
    if field.ends_with("date") {
        return date(text).err();
    }
    let mut scratch = DossierFile::default();
    if path.starts_with("facts.") || path.starts_with("unit.") || path.starts_with("previous_recognition.level") {
        return set_field(&mut scratch, path, text).err();
    }
    None
}

/// Adds an evidence item to indicator `id`, coded as Vietnamese accreditation software codes
/// evidence (`H2.01.03`: criterion 2, indicator 1, item 3), so it is identified from the start.
/// Returns its index.
pub fn add_evidence(file: &mut DossierFile, id: &str) -> usize {
    let items = file.evidence_for_mut(id);
    let (criterion, indicator) = id.split_once('.').unwrap_or((id, "0"));
    let indicator: u32 = indicator.parse().unwrap_or(0);
    let mut n = items.len() + 1;
    let code = |n: usize| format!("H{criterion}.{indicator:02}.{n:02}");
    while items.iter().any(|it| it.code.as_deref() == Some(code(n).as_str())) {
        n += 1;
    }
    items.push(EvidenceItem { code: Some(code(n)), ..Default::default() });
    items.len() - 1
}

/// Removes item `index` of indicator `id`; the list goes when it is empty.
pub fn remove_evidence(file: &mut DossierFile, id: &str, index: usize) {
    if let Some(at) = file.evidence.iter().position(|(k, _)| k == id) {
        let items = &mut file.evidence[at].1;
        if index < items.len() {
            items.remove(index);
        }
        if items.is_empty() {
            file.evidence.remove(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Input;

    #[test]
    fn counts_as_people_type_them() {
        for (text, n) in [
            ("0", 0),
            ("120", 120),
            (" 120 ", 120),
            ("1.200", 1200),
            ("1 200", 1200),
            ("1,234,567", 1_234_567),
            ("12.345.678", 12_345_678),
        ] {
            assert_eq!(parse_count(text), Ok(Some(n)), "{text}");
        }
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("   "), Ok(None));
        for bad in ["12.5", "1.20", "-3", "abc", "1..200", "1200.", ".5", "1e3", "1.2345", "99999999999999999999"] {
            assert_eq!(parse_count(bad), Err(Message::NotWholeNumber), "{bad}");
        }
    }

    #[test]
    fn every_field_round_trips_through_its_control() {
        let mut f = DossierFile::default();
        let cases = [
            ("unit.name", "Trường THPT Nguyễn Trãi"),
            ("unit.kind", "thpt"),
            ("unit.public", "false"),
            ("unit.province", "Hưng Yên"),
            ("unit.vocational", "true"),
            ("unit.digital_index", "4740"),
            ("year", "2025"),
            ("submission.recipient", "Sở GD&ĐT"),
            ("previous_recognition.level", "1"),
            ("previous_recognition.decision_date", "2024-02-29"),
            ("counts.members", "120"),
            ("facts.annual_plan", "false"),
            ("facts.collective_title", "excellent_or_higher"),
            ("notes.2.4", "Ghi chú"),
        ];
        for (path, value) in cases {
            set_field(&mut f, path, value).unwrap();
            assert_eq!(field_value(&f, path), value, "{path}");
        }
        assert_eq!(field_value(&f, "unit.scope"), "tinh", "choosing a kind sets its scope");
        let i = add_evidence(&mut f, "2.1");
        set_field(&mut f, &format!("evidence.2.1[{i}].title"), "Biên bản").unwrap();
        assert_eq!(field_value(&f, "evidence.2.1[0].title"), "Biên bản");
        assert_eq!(field_value(&f, "evidence.2.1[0].code"), "H2.01.01");
        // Clearing a control clears the field.
        set_field(&mut f, "counts.members", "").unwrap();
        assert_eq!(f.values.count(Input::Members), None);
        set_field(&mut f, "submission.recipient", " ").unwrap();
        assert!(f.submission.is_none());
    }

    #[test]
    fn bad_text_leaves_the_dossier_unchanged() {
        let mut f = DossierFile::default();
        set_field(&mut f, "counts.members", "120").unwrap();
        let before = f.clone();
        assert_eq!(set_field(&mut f, "counts.members", "12,5"), Err(Message::NotWholeNumber));
        assert!(matches!(
            set_field(&mut f, "previous_recognition.decision_date", "30/02/2024"),
            Err(Message::BadDate { .. })
        ));
        assert!(set_field(&mut f, "unit.kind", "khong_co").is_err());
        assert!(set_field(&mut f, "counts.nope", "1").is_err());
        assert!(set_field(&mut f, "evidence.1.1[3].title", "x").is_err());
        assert!(set_field(&mut f, "facts.digital_level", "great").is_err());
        assert_eq!(f.values, before.values);
        assert_eq!(f.unit, before.unit);
    }

    #[test]
    fn choosing_the_other_scope_asks_for_the_kind_again_but_keeps_the_values() {
        let mut f = DossierFile::default();
        set_field(&mut f, "unit.kind", "thpt").unwrap();
        set_field(&mut f, "counts.learners", "900").unwrap();
        assert_eq!(f.unit.public, Some(true), "a school's answer is pre-filled");
        set_field(&mut f, "unit.scope", "huyen").unwrap();
        assert_eq!(f.unit.kind, None);
        set_field(&mut f, "unit.kind", "ubnd_xa").unwrap();
        set_field(&mut f, "unit.kind", "thpt").unwrap();
        assert_eq!(f.values.count(Input::Learners), Some(900));
        assert_eq!(f.unit.public, Some(true));
    }

    #[test]
    fn the_report_is_edited_like_the_rest() {
        let mut f = DossierFile::default();
        for (path, value) in [
            ("report.parent", "SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN"),
            ("report.request_no", "15/TTr-THPTNT"),
            ("report.date", "2026-01-05"),
            ("report.criteria.2.plan", "Bồi dưỡng ngoại ngữ"),
            ("report.recipients", "Như trên\nLưu: VT"),
        ] {
            set_field(&mut f, path, value).unwrap();
            assert_eq!(field_value(&f, path), value, "{path}");
        }
        let i = add_team_member(&mut f);
        set_field(&mut f, &format!("report.team[{i}].name"), "Nguyễn Văn A").unwrap();
        assert_eq!(field_value(&f, "report.team[0].name"), "Nguyễn Văn A");
        assert!(set_field(&mut f, "report.criteria.4.plan", "x").is_err());
        assert!(set_field(&mut f, "report.team[3].name", "x").is_err());
        assert!(set_field(&mut f, "report.date", "5/1/2026").is_err());
        // Emptied, the section goes, so a file without it keeps the spec's shape.
        for path in ["report.parent", "report.request_no", "report.date", "report.criteria.2.plan", "report.recipients"]
        {
            set_field(&mut f, path, "").unwrap();
        }
        remove_team_member(&mut f, 0);
        assert_eq!(f.report, None);
    }

    #[test]
    fn finalising_fingerprints_the_dossier() {
        let mut f = crate::read(include_bytes!("../../tests/fixtures/spec-example.json")).unwrap();
        let today = Date::parse("2026-01-05").unwrap();
        finalise(&mut f, today);
        let mark = f.finalised.clone().unwrap();
        assert_eq!(mark.date, Some(today));
        assert_eq!(mark.fingerprint.as_deref().map(str::len), Some(8));
        assert_eq!(mark.fingerprint, Some(f.fingerprint()), "the mark does not change what it marks");
        // It survives the file, and a change afterwards shows.
        let back = crate::read(crate::write(&f).as_bytes()).unwrap();
        assert_eq!(back.finalised, f.finalised);
        let mut changed = back.clone();
        changed.unit.head = Some("Người khác".into());
        assert_ne!(changed.fingerprint(), back.fingerprint());
        reopen(&mut changed);
        assert_eq!(changed.finalised, None);
    }

    #[test]
    fn text_errors_without_a_dossier() {
        assert_eq!(text_error("counts.members", "12,5"), Some(Message::NotWholeNumber));
        assert_eq!(text_error("counts.members", "1.200"), None);
        assert_eq!(text_error("year", "2O25"), Some(Message::NotWholeNumber));
        assert!(matches!(text_error("evidence.1.1[0].date", "2025-02-30"), Some(Message::BadDate { .. })));
        assert!(matches!(text_error("previous_recognition.decision_date", "x"), Some(Message::BadDate { .. })));
        assert!(text_error("facts.digital_level", "great").is_some());
        assert_eq!(text_error("unit.name", "anything"), None);
        assert_eq!(text_error("evidence.1.1[0].title", ""), None);
    }

    #[test]
    fn evidence_codes_stay_unique_and_lists_go_when_empty() {
        let mut f = DossierFile::default();
        add_evidence(&mut f, "3.1");
        add_evidence(&mut f, "3.1");
        remove_evidence(&mut f, "3.1", 0);
        let i = add_evidence(&mut f, "3.1");
        assert_eq!(f.evidence_for("3.1")[i].code.as_deref(), Some("H3.01.03"));
        remove_evidence(&mut f, "3.1", 0);
        remove_evidence(&mut f, "3.1", 0);
        remove_evidence(&mut f, "3.1", 5);
        assert!(f.evidence.is_empty());
    }
}
