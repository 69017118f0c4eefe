//! Editing a dossier field by field, from what a form control holds.
//!
//! Every control of the app is named by the path of its field in the file (`counts.members`,
//! `evidence.2.1[0].title`), the same path messages use. One function sets any field from
//! the control's text, so the form needs one input handler, and the parsing of what people
//! type is plain Rust, tested natively.

use super::fields::{self, Field, FieldPath, Kind, Record, Value as FieldValue};
use super::{
    CriterionNotes, DossierFile, EvidenceItem, Final, PreviousRecognition, Report, Submission, TeamDecision,
    TeamMember, Value,
};
use crate::date::Date;
use crate::diagnostic::Message;
use crate::rules::{self, InputKind, RuleSet, Scope, Section};

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
    // All digits: the only way left to fail is size.
    let too_large = Message::TooLarge { max: super::MAX_COUNT };
    match groups.concat().parse::<u64>() {
        Ok(n) if n <= super::MAX_COUNT => Ok(Some(n)),
        _ => Err(too_large),
    }
}

/// 1500 → "1.500": thousands grouped with dots, as Vietnamese writes numbers (and as
/// [`parse_count`] reads them back).
pub fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
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
pub(crate) fn parse(kind: Kind, raw: &str) -> Result<FieldValue, Message> {
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
        Kind::Number => FieldValue::Number(parse_count(raw)?.map(|n| i64::try_from(n).unwrap_or(i64::MAX))),
        Kind::Lines => {
            FieldValue::Lines(raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
        }
    })
}

/// What a control shows for a value.
pub(crate) fn show(value: FieldValue) -> String {
    match value {
        FieldValue::Text(t) => t.unwrap_or_default(),
        FieldValue::Lines(l) => l.join("\n"),
        FieldValue::Date(d) => d.map_or(String::new(), |d| d.to_string()),
        FieldValue::Flag(b) => b.map_or(String::new(), |b| b.to_string()),
        FieldValue::Key(k) => k.unwrap_or_default().to_string(),
        FieldValue::Number(n) => n.map_or(String::new(), |n| n.to_string()),
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
        FieldPath::Top("request_level") => {
            let FieldValue::Key(k) = parse(Kind::Level, raw)? else { return Err(unknown()) };
            file.request_level = k.and_then(|k| k.parse().ok()).and_then(crate::rules::Level::from_number);
        }
        FieldPath::Field(Record::TeamDecision, key) => {
            let value = parse(row(&fields::TEAM_DECISION, key).ok_or_else(unknown)?.kind, raw)?;
            edit_report(file, |r| {
                let d = r.team_decision.get_or_insert_with(TeamDecision::default);
                set_value(d, &fields::TEAM_DECISION, key, value);
                if *d == TeamDecision::default() {
                    r.team_decision = None;
                }
            });
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
                    InputKind::Flag { unless: Some(other) } if raw == other.key => Some(Value::Choice(other.key)),
                    InputKind::Flag { unless } => yes_no(raw)
                        .map_err(|_| Message::UnknownValue {
                            found: raw.into(),
                            allowed: ["true", "false"].into_iter().chain(unless.map(|c| c.key)).collect(),
                        })?
                        .map(Value::Flag),
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

/// A dossier carried into next year: open again, and without last year's document numbers,
/// date and team decision (the unit, its figures, evidence and team stay to be updated).
pub fn carry_forward(file: &mut DossierFile) {
    reopen(file);
    if let Some(r) = file.report.as_mut() {
        r.request_no = None;
        r.report_no = None;
        r.date = None;
        r.team_decision = None;
    }
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
            // The kind decides the scope. Nothing is answered for the user: a school's công lập
            // or ngoài công lập stays unanswered until chosen (issue 11).
            if let Some(kind) = kind {
                u.scope = Some(kind.scope);
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
        Some(FieldPath::Top("request_level")) => file.request_level.map_or(String::new(), |l| l.number().to_string()),
        Some(FieldPath::Field(Record::TeamDecision, key)) => file
            .report
            .as_ref()
            .and_then(|r| r.team_decision.as_ref())
            .map_or(String::new(), |d| get_in(d, &fields::TEAM_DECISION, key)),
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
                // As people write it, so a control shows "1.500" (parse_count reads it back).
                Some(Value::Count(n)) => grouped(n, '.'),
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
        FieldPath::Input(..)
        | FieldPath::Field(Record::Unit, _)
        | FieldPath::Field(Record::Previous, "level" | "year" | "validity_from")
        | FieldPath::Top("request_level") => set_field(&mut DossierFile::default(), path, text).err(),
        _ if parsed.kind(rules) == Some(Kind::Date) => date(text).err(),
        _ => None,
    }
}

/// Adds an evidence item to indicator `id`, coded as Vietnamese accreditation software codes
/// evidence (`H2.01.03`: criterion 2, indicator 1, item 3), so it is identified from the start.
/// Returns its index; `None` when the dossier already holds as many items as a file may
/// (`limits::MAX_EVIDENCE_ITEMS`), so that what the app writes always reads back.
pub fn add_evidence(file: &mut DossierFile, id: &str) -> Option<usize> {
    if evidence_full(file) {
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

/// Whether the dossier holds as many evidence items as a file may (`limits::MAX_EVIDENCE_ITEMS`):
/// then nothing adds another.
pub fn evidence_full(file: &DossierFile) -> bool {
    let total: usize = file.evidence.iter().map(|(_, items)| items.len()).sum();
    total >= super::limits::MAX_EVIDENCE_ITEMS
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

/// What pasting rows of evidence did: where each new item went, and the rows it could not use.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    /// (indicator id, index) of each item added.
    pub added: Vec<(String, usize)>,
    /// (row number from 1, what is wrong with it).
    pub problems: Vec<(usize, PasteProblem)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteProblem {
    /// Neither a code nor a title.
    Unidentified,
    /// No indicator given, none in the code, and none to default to.
    NoIndicator,
    /// An indicator id this rule set does not have.
    UnknownIndicator(String),
    /// A date that is not a real day; the item is added without it.
    BadDate(String),
    /// A limit of the file passed (a cell's text, the evidence items of a dossier): the row is
    /// not added, so that what the app writes always reads back.
    OverLimit(crate::diagnostic::Limit),
}

/// The indicator an evidence code names: "H2.01.03" → "2.1" (the coding `add_evidence` uses).
fn indicator_of_code(code: &str) -> Option<String> {
    let rest = code.trim().strip_prefix(['H', 'h'])?;
    let mut parts = rest.split('.');
    let criterion: u32 = parts.next()?.parse().ok()?;
    let indicator: u32 = parts.next()?.parse().ok()?;
    Some(format!("{criterion}.{indicator}"))
}

/// A date as offices type it: "08/01/2025", "8/1/2025" or "2025-01-08".
fn office_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = Date::parse(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Adds the rows of a table copied from a spreadsheet (tab-separated: code, title, number,
/// date, issuer, where kept, and optionally the indicators it supports, "1.1, 3.2"). A row goes
/// to the indicators it names, else to the one its code names ("H2.01.03" → 2.1), else to
/// `default_id`. A header row (first cell "Mã …") is skipped; an item already listed under an
/// indicator with the same code and title is not added twice.
pub fn paste_evidence(file: &mut DossierFile, text: &str, default_id: Option<&str>) -> Pasted {
    let rules = rules::for_id(&file.ruleset);
    // The dossier's own scope's indicators (both while the scope is not chosen).
    let known = file.unit.scope.map_or_else(|| rules.all_indicator_ids(), |s| rules.indicator_ids(s));
    let mut out = Pasted::default();
    'rows: for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))) {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |i: usize| cells.get(i).copied().filter(|c| !c.is_empty()).map(String::from);
        let header = crate::collate::lower(cells[0]);
        if n == 1 && (header.starts_with("mã") || header == "ma" || header.starts_with("ma ")) {
            continue;
        }
        let item_date = cell(3);
        let date = item_date.as_deref().and_then(office_date);
        if let (Some(t), None) = (&item_date, date) {
            out.problems.push((n, PasteProblem::BadDate(t.clone())));
        }
        let item = EvidenceItem {
            code: cell(0),
            title: cell(1),
            number: cell(2),
            date,
            issuer: cell(4),
            location: cell(5),
            ..Default::default()
        };
        if !item.is_identified() {
            out.problems.push((n, PasteProblem::Unidentified));
            continue;
        }
        if !cells.iter().all(|c| super::limits::text_fits(c)) {
            out.problems.push((n, PasteProblem::OverLimit(crate::diagnostic::Limit::TextChars)));
            continue;
        }
        let mut ids: Vec<String> = cell(6).map_or_else(Vec::new, |c| {
            c.split([',', ';', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        });
        if ids.is_empty() {
            ids.extend(item.code.as_deref().and_then(indicator_of_code).filter(|id| known.contains(&id.as_str())));
        }
        if ids.is_empty() {
            ids.extend(default_id.map(String::from));
        }
        if ids.is_empty() {
            out.problems.push((n, PasteProblem::NoIndicator));
            continue;
        }
        for id in ids {
            if !known.contains(&id.as_str()) {
                out.problems.push((n, PasteProblem::UnknownIndicator(id)));
                continue;
            }
            if file.evidence_for(&id).iter().any(|it| (&it.code, &it.title) == (&item.code, &item.title)) {
                continue;
            }
            if evidence_full(file) {
                // Said once, at the first row that does not fit: the rows after it are not read.
                out.problems.push((n, PasteProblem::OverLimit(crate::diagnostic::Limit::EvidenceItems)));
                break 'rows;
            }
            let items = file.evidence_for_mut(&id);
            items.push(item.clone());
            out.added.push((id, items.len() - 1));
        }
    }
    out
}

/// Cites an item already recorded under one indicator under another too, without retyping.
pub fn reuse_evidence(file: &mut DossierFile, from: &str, index: usize, to: &str) -> Option<usize> {
    let item = file.evidence_for(from).get(index)?.clone();
    if let Some(at) = file.evidence_for(to).iter().position(|it| (&it.code, &it.title) == (&item.code, &item.title)) {
        return Some(at);
    }
    if evidence_full(file) {
        return None;
    }
    let items = file.evidence_for_mut(to);
    items.push(item);
    Some(items.len() - 1)
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
        for bad in ["12.5", "1.20", "-3", "abc", "1..200", "1200.", ".5", "1e3", "1.2345"] {
            assert_eq!(parse_count(bad), Err(Message::NotWholeNumber), "{bad}");
        }
        // Digits, but more than any unit has: said so, not "not a whole number".
        for big in ["99999999999999999999", "100000001", "4.294.967.296", "12345678901234567890123456789012"] {
            assert_eq!(parse_count(big), Err(Message::TooLarge { max: crate::file::MAX_COUNT }), "{big}");
        }
        assert_eq!(parse_count("100.000.000"), Ok(Some(100_000_000)));
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
        assert_eq!(f.unit.public, None, "nothing is answered for the user");
        set_field(&mut f, "unit.public", "true").unwrap();
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
    fn a_table_pasted_from_excel_goes_where_it_says() {
        let mut f = DossierFile::default();
        let text = "Mã\tTên\tSố\tNgày\tNơi ban hành\tNơi lưu trữ\tChỉ tiêu\r\n\
            H1.01\tKế hoạch học tập năm 2025\t12/KH-THPT\t08/01/2025\tHiệu trưởng\tVăn phòng\t\r\n\
            HC.01\tQuy chế học tập\t05/QC\t2024-03-15\tHiệu trưởng\tTủ 2\t1.2, 3.2\r\n\
            \tBiên bản họp\t\t31/02/2025\t\t\t\r\n\
            \t\t\t\t\t\t\r\n\
            X9\tKhông rõ chỉ tiêu\r\n\
            H9.09.01\tSai chỉ tiêu\t\t\t\t\t9.9\r\n";
        let p = paste_evidence(&mut f, text, None);
        assert_eq!(p.added, [("1.1".to_string(), 0), ("1.2".into(), 0), ("3.2".into(), 0)]);
        let first = &f.evidence_for("1.1")[0];
        assert_eq!(first.number.as_deref(), Some("12/KH-THPT"));
        assert_eq!(first.date, Date::parse("2025-01-08"));
        assert_eq!(f.evidence_for("3.2")[0].title.as_deref(), Some("Quy chế học tập"));
        assert_eq!(
            p.problems,
            [
                (4, PasteProblem::BadDate("31/02/2025".into())),
                (4, PasteProblem::NoIndicator),
                (6, PasteProblem::NoIndicator),
                (7, PasteProblem::UnknownIndicator("9.9".into()))
            ]
        );
        // With a default indicator the untitled-indicator rows land there; pasting again adds nothing twice.
        let p = paste_evidence(&mut f, text, Some("2.1"));
        assert_eq!(p.added, [("2.1".to_string(), 0), ("2.1".into(), 1)]);
        assert_eq!(f.evidence_for("1.1").len(), 1);
        // Reusing an item under another indicator copies it once.
        assert_eq!(reuse_evidence(&mut f, "1.2", 0, "1.5"), Some(0));
        assert_eq!(reuse_evidence(&mut f, "1.2", 0, "1.5"), Some(0));
        assert_eq!(f.evidence_for("1.5")[0].code.as_deref(), Some("HC.01"));
        assert_eq!(reuse_evidence(&mut f, "1.2", 7, "1.5"), None);
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
        // Nor does pasting or citing an item again add one past the limit; an item already
        // cited is found as before.
        let p = paste_evidence(&mut f, "H3.01.01\tMới\nH3.02.01\tMới nữa\n", None);
        assert!(p.added.is_empty());
        assert_eq!(p.problems, [(1, PasteProblem::OverLimit(Limit::EvidenceItems))]);
        assert_eq!(reuse_evidence(&mut f, "2.1", 0, "3.1"), None);
        assert_eq!(reuse_evidence(&mut f, "1.1", 0, "1.1"), Some(0));
        assert!(f.evidence_for("3.1").is_empty());
        f.evidence.retain(|(id, _)| id != "1.1");
        let p = paste_evidence(&mut f, &format!("H3.01.01\t{long}\nH3.01.02\tNgắn\n"), None);
        assert_eq!(p.added, [("3.1".to_string(), 0)]);
        assert_eq!(p.problems, [(1, PasteProblem::OverLimit(Limit::TextChars))]);
        assert!(crate::read(crate::write(&f).as_bytes()).is_ok(), "what was set reads back");
    }
}
