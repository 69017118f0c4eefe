//! Editing a dossier field by field, from what a form control holds.
//!
//! Every control of the app is named by the path of its field in the file (`counts.members`,
//! `evidence.2.1[0].title`), the same path messages use. One function sets any field from
//! the control's text, so the form needs one input handler, and the parsing of what people
//! type is plain Rust, tested natively.

use super::fields::{self, Field, FieldPath, Kind, Record, Value as FieldValue};
use super::{
    CriterionNotes, DossierFile, EvidenceItem, Final, PreviousRecognition, Report, Submission, TeamMember, Value,
};
use crate::date::Date;
use crate::diagnostic::Message;
use crate::rules::{self, InputKind, PublicRule, RuleSet, Scope, Section};

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

/// A control's text as the value of a field of `kind`.
fn parse(kind: Kind, raw: &str) -> Result<FieldValue, Message> {
    // What a file may not hold, a control may not set (the text stays in the control).
    if !super::limits::text_fits(raw) {
        return Err(super::limits::over(crate::diagnostic::Limit::TextChars));
    }
    let key = |allowed: &[&'static str]| match raw {
        "" => Ok(None),
        k => allowed
            .iter()
            .copied()
            .find(|a| *a == k)
            .map(Some)
            .ok_or_else(|| Message::UnknownValue { found: k.into(), allowed: allowed.to_vec() }),
    };
    Ok(match kind {
        Kind::Text | Kind::Group => FieldValue::Text(text(raw)),
        Kind::Date => FieldValue::Date(date(raw)?),
        Kind::YesNo => FieldValue::Flag(yes_no(raw)?),
        Kind::Choice(allowed) => FieldValue::Key(key(allowed)?),
        Kind::Level => FieldValue::Key(key(&["1", "2"])?),
        Kind::Lines => {
            FieldValue::Lines(raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
        }
    })
}

/// What a control shows for a value.
fn show(value: FieldValue) -> String {
    match value {
        FieldValue::Text(t) => t.unwrap_or_default(),
        FieldValue::Lines(l) => l.join("\n"),
        FieldValue::Date(d) => d.map_or(String::new(), |d| d.to_string()),
        FieldValue::Flag(b) => b.map_or(String::new(), |b| b.to_string()),
        FieldValue::Key(k) => k.unwrap_or_default().to_string(),
        FieldValue::None => String::new(),
    }
}

fn row<T>(table: &'static [Field<T>], key: &str) -> Option<&'static Field<T>> {
    table.iter().find(|f| f.key == key && f.kind != Kind::Group)
}

/// Sets the field `key` of a record from a control's text.
fn set_in<T>(record: &mut T, table: &'static [Field<T>], key: &str, raw: &str) -> Result<(), Message> {
    let f = row(table, key).ok_or_else(|| Message::UnknownValue { found: key.into(), allowed: Vec::new() })?;
    (f.set)(record, parse(f.kind, raw)?);
    Ok(())
}

fn get_in<T>(record: &T, table: &'static [Field<T>], key: &str) -> String {
    row(table, key).map_or(String::new(), |f| show((f.get)(record)))
}

/// Sets the field at `path` from a control's text. On `Err` the dossier is unchanged and the
/// message says what is wrong with the text.
pub fn set_field(file: &mut DossierFile, path: &str, raw: &str) -> Result<(), Message> {
    let unknown = || Message::UnknownValue { found: path.to_string(), allowed: Vec::new() };
    let rules = rules::for_id(&file.ruleset);
    match FieldPath::parse(path, rules).ok_or_else(unknown)? {
        FieldPath::Top("year") => {
            let year = parse_count(raw)?;
            file.year = year.map(|y| i64::try_from(y).unwrap_or(i64::MAX));
        }
        FieldPath::Field(Record::Unit, key) => set_unit(rules, file, key, raw)?,
        FieldPath::Field(Record::Submission, key) => {
            let value = parse(row(&fields::SUBMISSION, key).ok_or_else(unknown)?.kind, raw)?;
            let sub = file.submission.get_or_insert_with(Submission::default);
            set_value(sub, &fields::SUBMISSION, key, value);
            if *sub == Submission::default() {
                file.submission = None;
            }
        }
        FieldPath::Field(Record::Previous, key) => {
            let value = parse(row(&fields::PREVIOUS, key).ok_or_else(unknown)?.kind, raw)?;
            let prev = file.previous_recognition.get_or_insert_with(PreviousRecognition::default);
            set_value(prev, &fields::PREVIOUS, key, value);
        }
        FieldPath::Field(Record::Report, key) => {
            let value = parse(row(&fields::REPORT, key).ok_or_else(unknown)?.kind, raw)?;
            edit_report(file, |r| set_value(r, &fields::REPORT, key, value));
        }
        FieldPath::Input(section, key) => {
            let def = rules.input_by_key(section, key).ok_or_else(unknown)?;
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
        FieldPath::Evidence(id, Some(index), Some(key)) => {
            let item = file.evidence_for_mut(&id).get_mut(index).ok_or_else(unknown)?;
            set_in(item, &fields::EVIDENCE, key, raw)?;
        }
        FieldPath::Note(id) => {
            let FieldValue::Text(note) = parse(Kind::Text, raw)? else { return Err(unknown()) };
            file.set_note(&id, note);
        }
        FieldPath::Team(index, Some(key)) => {
            let value = parse(row(&fields::TEAM, key).ok_or_else(unknown)?.kind, raw)?;
            let member = file.report.as_mut().and_then(|r| r.team.get_mut(index)).ok_or_else(unknown)?;
            set_value(member, &fields::TEAM, key, value);
        }
        FieldPath::Criterion(n, key) => {
            if !rules.criteria.iter().any(|c| c.number.to_string() == n) {
                return Err(unknown());
            }
            let value = parse(row(&fields::CRITERION, key).ok_or_else(unknown)?.kind, raw)?;
            edit_report(file, |r| {
                let notes = r.criterion_mut(&n);
                set_value(notes, &fields::CRITERION, key, value);
                if *notes == CriterionNotes::default() {
                    r.criteria.retain(|(k, _)| *k != n);
                }
            });
        }
        _ => return Err(unknown()),
    }
    Ok(())
}

fn set_value<T>(record: &mut T, table: &'static [Field<T>], key: &str, value: FieldValue) {
    if let Some(f) = row(table, key) {
        (f.set)(record, value);
    }
}

/// Changes the report; emptied, the section goes, so a file without it keeps the spec's shape.
fn edit_report(file: &mut DossierFile, change: impl FnOnce(&mut Report)) {
    let report = file.report.get_or_insert_with(Report::default);
    change(report);
    if *report == Report::default() {
        file.report = None;
    }
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

fn set_unit(rules: &'static RuleSet, file: &mut DossierFile, field: &str, raw: &str) -> Result<(), Message> {
    let u = &mut file.unit;
    match field {
        "scope" => {
            let FieldValue::Key(key) = parse(row(&fields::UNIT, field).map_or(Kind::Text, |f| f.kind), raw)? else {
                return Ok(());
            };
            let scope = key.and_then(Scope::from_key);
            // A kind belongs to one scope: choosing the other scope means choosing the kind again.
            let kind_scope = u.kind.as_deref().and_then(|k| rules.kind(k)).map(|k| k.scope);
            if scope.is_some() && kind_scope.is_some() && kind_scope != scope {
                u.kind = None;
            }
            u.scope = scope;
        }
        "kind" => {
            let kind = match raw {
                "" => None,
                id => Some(rules.kind(id).ok_or_else(|| Message::UnknownKind { found: id.into() })?),
            };
            if let Some(kind) = kind {
                u.scope = Some(kind.scope);
                // Pre-fill the answer a school must give; most schools are công lập.
                if kind.public == PublicRule::Choose && u.public.is_none() {
                    u.public = Some(true);
                }
            }
            u.kind = kind.map(|k| k.id.to_string());
        }
        _ => set_in(u, &fields::UNIT, field, raw)?,
    }
    Ok(())
}

/// What the control for `path` shows: the inverse of [`set_field`].
pub fn field_value(file: &DossierFile, path: &str) -> String {
    let rules = rules::for_id(&file.ruleset);
    match FieldPath::parse(path, rules) {
        Some(FieldPath::Top("year")) => file.year.map_or(String::new(), |y| y.to_string()),
        Some(FieldPath::Field(Record::Unit, key)) => get_in(&file.unit, &fields::UNIT, key),
        Some(FieldPath::Field(Record::Submission, key)) => {
            file.submission.as_ref().map_or(String::new(), |s| get_in(s, &fields::SUBMISSION, key))
        }
        Some(FieldPath::Field(Record::Previous, key)) => {
            file.previous_recognition.as_ref().map_or(String::new(), |p| get_in(p, &fields::PREVIOUS, key))
        }
        Some(FieldPath::Field(Record::Report, key)) => {
            file.report.as_ref().map_or(String::new(), |r| get_in(r, &fields::REPORT, key))
        }
        Some(FieldPath::Input(section, key)) => {
            match rules.input_by_key(section, key).and_then(|d| file.values.get(d.id)) {
                Some(Value::Count(n)) => n.to_string(),
                Some(Value::Flag(b)) => b.to_string(),
                Some(Value::Choice(c)) => c.to_string(),
                None => String::new(),
            }
        }
        Some(FieldPath::Evidence(id, Some(i), Some(key))) => {
            file.evidence_for(&id).get(i).map_or(String::new(), |it| get_in(it, &fields::EVIDENCE, key))
        }
        Some(FieldPath::Note(id)) => file.note(&id).unwrap_or_default().to_string(),
        Some(FieldPath::Team(i, Some(key))) => {
            file.report.as_ref().and_then(|r| r.team.get(i)).map_or(String::new(), |m| get_in(m, &fields::TEAM, key))
        }
        Some(FieldPath::Criterion(n, key)) => file
            .report
            .as_ref()
            .and_then(|r| r.criterion(&n))
            .map_or(String::new(), |c| get_in(c, &fields::CRITERION, key)),
        _ => String::new(),
    }
}

/// What is wrong with `text` as the value of the control for `path`, if anything. Only
/// counts, years, dates and choices can be wrong; any text is a valid name or note.
pub fn text_error(path: &str, text: &str) -> Option<Message> {
    if !super::limits::text_fits(text) {
        return Some(super::limits::over(crate::diagnostic::Limit::TextChars));
    }
    let rules = rules::current();
    let parsed = FieldPath::parse(path, rules)?;
    match parsed {
        FieldPath::Top("year") | FieldPath::Input(Section::Counts, _) => parse_count(text).err(),
        FieldPath::Input(..) | FieldPath::Field(Record::Unit, _) | FieldPath::Field(Record::Previous, "level") => {
            set_field(&mut DossierFile::default(), path, text).err()
        }
        _ if parsed.kind(rules) == Some(Kind::Date) => date(text).err(),
        _ => None,
    }
}

/// Adds an evidence item to indicator `id`, coded as Vietnamese accreditation software codes
/// evidence (`H2.01.03`: criterion 2, indicator 1, item 3), so it is identified from the start.
/// Returns its index; `None` when the dossier already holds as many items as a file may
/// (`limits::MAX_EVIDENCE_ITEMS`), so that what the app writes always reads back.
pub fn add_evidence(file: &mut DossierFile, id: &str) -> Option<usize> {
    let total: usize = file.evidence.iter().map(|(_, items)| items.len()).sum();
    if total >= super::limits::MAX_EVIDENCE_ITEMS {
        return None;
    }
    let items = file.evidence_for_mut(id);
    let (criterion, indicator) = id.split_once('.').unwrap_or((id, "0"));
    let indicator: u32 = indicator.parse().unwrap_or(0);
    let mut n = items.len() + 1;
    let code = |n: usize| format!("H{criterion}.{indicator:02}.{n:02}");
    while items.iter().any(|it| it.code.as_deref() == Some(code(n).as_str())) {
        n += 1;
    }
    items.push(EvidenceItem { code: Some(code(n)), ..Default::default() });
    Some(items.len() - 1)
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
        let i = add_evidence(&mut f, "2.1").unwrap();
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
        let i = add_evidence(&mut f, "3.1").unwrap();
        assert_eq!(f.evidence_for("3.1")[i].code.as_deref(), Some("H3.01.03"));
        remove_evidence(&mut f, "3.1", 0);
        remove_evidence(&mut f, "3.1", 0);
        remove_evidence(&mut f, "3.1", 5);
        assert!(f.evidence.is_empty());
    }

    #[test]
    fn what_a_file_may_not_hold_a_control_may_not_set() {
        use crate::diagnostic::Limit;
        use crate::file::limits::{over, MAX_EVIDENCE_ITEMS, MAX_TEXT_CHARS};
        let mut f = DossierFile::default();
        let long = "ạ".repeat(MAX_TEXT_CHARS + 1);
        for path in ["unit.name", "notes.1.1", "report.conclusion", "report.recipients"] {
            assert_eq!(set_field(&mut f, path, &long), Err(over(Limit::TextChars)), "{path}");
            assert_eq!(text_error(path, &long), Some(over(Limit::TextChars)), "{path}");
        }
        assert_eq!(f, DossierFile::default(), "nothing set");
        set_field(&mut f, "unit.name", &long[..long.len() - "ạ".len()]).unwrap();
        // Evidence items: up to the limit, and no further.
        f.evidence.push(("1.1".into(), vec![EvidenceItem::default(); MAX_EVIDENCE_ITEMS - 1]));
        assert_eq!(add_evidence(&mut f, "2.1"), Some(0));
        assert_eq!(add_evidence(&mut f, "2.1"), None);
        assert_eq!(f.evidence_for("2.1").len(), 1);
        assert!(crate::read(crate::write(&f).as_bytes()).is_ok(), "what was set reads back");
    }
}
