//! Checking a dossier file (rules.md §5) into the form the evaluator takes.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Message};
use crate::file::{DossierFile, FieldPath, Values};
use crate::rules::{
    self, Applies, DigitalIndex, IndexRule, Input, InputKind, Level, Profile, PublicRule, RuleSet, Scope, UnitKind,
    ValidityReading,
};

/// A dossier that passed every check: the evaluator's input. Only [`check`] makes one.
#[derive(Clone, Debug)]
pub struct Dossier {
    rules: &'static RuleSet,
    kind: &'static UnitKind,
    profile: Profile,
    year: i32,
    values: Values,
    /// Indicator ids with at least one evidence item.
    evidenced: Vec<&'static str>,
    previous: Option<Previous>,
    /// The date of the documents (the Tờ trình), if given.
    report_date: Option<Date>,
    /// A lower level the unit asks for, if it says so (rules.md §3a).
    request_level: Option<Level>,
    diagnostics: Vec<Diagnostic>,
}

/// A previous recognition complete enough to compute with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Previous {
    pub level: Level,
    pub decision_date: Date,
    /// The assessed year it recognises, if the dossier says (else the year before the decision's).
    pub year: Option<i32>,
    /// The reading of "năm được công nhận" the recipient applies.
    pub reading: ValidityReading,
}

impl Dossier {
    pub fn rules(&self) -> &'static RuleSet {
        self.rules
    }
    pub fn scope(&self) -> Scope {
        self.kind.scope
    }
    pub fn kind(&self) -> &'static UnitKind {
        self.kind
    }
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn values(&self) -> &Values {
        &self.values
    }
    pub fn has_evidence(&self, id: &str) -> bool {
        self.evidenced.contains(&id)
    }
    pub fn previous(&self) -> Option<Previous> {
        self.previous
    }
    pub fn report_date(&self) -> Option<Date> {
        self.report_date
    }
    pub fn request_level(&self) -> Option<Level> {
        self.request_level
    }
    /// Warnings and notes found while checking.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// The profile a file describes, if its kind is known: used by the form to show only what
/// applies even before the dossier is complete.
pub fn profile_of(file: &DossierFile) -> Option<(&'static UnitKind, Profile)> {
    profile_in(rules::ruleset(&file.ruleset)?, file)
}

/// The same, with the rule set already chosen.
pub fn profile_in(rules: &'static RuleSet, file: &DossierFile) -> Option<(&'static UnitKind, Profile)> {
    let kind = rules.kind(file.unit.kind.as_deref()?)?;
    let u = &file.unit;
    Some((kind, RuleSet::profile(kind, u.public, u.learners, u.vocational, u.digital_index)))
}

/// Does any applicable part of any indicator of this scope read `input`?
pub fn input_applies(rules: &'static RuleSet, scope: Scope, profile: &Profile, input: Input) -> bool {
    Level::ALL
        .into_iter()
        .flat_map(|level| rules.indicators_for(scope, level))
        .any(|ind| ind.inputs_for(profile).contains(&input))
}

/// Checks a dossier file with the rule set it names. `Err` holds every error found (each
/// naming its field).
pub fn check(file: &DossierFile) -> Result<Dossier, Vec<Diagnostic>> {
    match rules::ruleset(&file.ruleset) {
        Some(rules) => check_in(rules, file),
        None => Err(vec![Diagnostic::error(
            rules::current(),
            FieldPath::Top("ruleset"),
            Message::UnknownRuleset { found: file.ruleset.clone() },
        )]),
    }
}

/// Checks a dossier file against `rules`.
pub fn check_in(rules: &'static RuleSet, file: &DossierFile) -> Result<Dossier, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut notes = Vec::new();

    let u = &file.unit;
    if u.scope.is_none() {
        errors.push(Diagnostic::error(rules, "unit.scope", Message::Required));
    }
    let kind = match u.kind.as_deref() {
        None => {
            errors.push(Diagnostic::error(rules, "unit.kind", Message::Required));
            None
        }
        Some(id) => match rules.kind(id) {
            None => {
                errors.push(Diagnostic::error(rules, "unit.kind", Message::UnknownKind { found: id.to_string() }));
                None
            }
            Some(kind) => match u.scope {
                Some(scope) if scope != kind.scope => {
                    errors.push(Diagnostic::error(
                        rules,
                        "unit.kind",
                        Message::KindOfOtherScope { kind: kind.id, scope },
                    ));
                    None
                }
                _ => Some(kind),
            },
        },
    };

    let t = &rules.timing;
    let year = match file.year {
        None => {
            errors.push(Diagnostic::error(rules, "year", Message::Required));
            None
        }
        Some(y) if y < i64::from(t.first_year) || y > i64::from(t.last_year) => {
            errors.push(Diagnostic::error(
                rules,
                "year",
                Message::YearOutOfRange { year: y, first: t.first_year, last: t.last_year },
            ));
            None
        }
        Some(y) => i32::try_from(y).ok(),
    };
    if let Some(y) = year {
        let in_force = Date::parse(t.in_force_from).map_or(t.first_year, Date::year);
        if y < in_force {
            notes.push(Diagnostic::warning(
                rules,
                "year",
                Message::YearBeforeInForce { year: y, in_force_from: t.in_force_from },
            ));
        }
    }

    let profile = kind.map(|kind| {
        match (kind.public, u.public) {
            (PublicRule::Choose, None) => {
                errors.push(Diagnostic::error(rules, "unit.public", Message::PublicRequired { kind: kind.id }));
            }
            (PublicRule::Fixed(fixed), Some(given)) if fixed != given => {
                notes.push(Diagnostic::warning(
                    rules,
                    "unit.public",
                    Message::FixedByKind { kind: kind.id, value: given.to_string() },
                ));
            }
            _ => {}
        }
        for (field, attribute, given) in
            [("unit.learners", kind.learners, u.learners), ("unit.vocational", kind.vocational, u.vocational)]
        {
            if let Some(v) = given.filter(|v| !attribute.overridable && *v != attribute.default) {
                notes.push(Diagnostic::warning(
                    rules,
                    field,
                    Message::FixedByKind { kind: kind.id, value: v.to_string() },
                ));
            }
        }
        let index_key = |d: Option<DigitalIndex>| format!("\"{}\"", d.map_or("none", DigitalIndex::key));
        match (kind.digital_index, u.digital_index) {
            // At huyện level only general schools have 3.4 (Điều 6.3.d, 7.3.d).
            // "none" agrees with such a kind: nothing to say.
            (IndexRule::Fixed(None), Some(given @ Some(_))) if kind.scope == Scope::Huyen => {
                let cites = rules
                    .indicators
                    .iter()
                    .filter(|i| i.scope == Scope::Huyen && matches!(i.applies, Applies::Digital(_)))
                    .map(|i| i.cite)
                    .collect();
                notes.push(Diagnostic::warning(
                    rules,
                    "unit.digital_index",
                    Message::IndexForGeneralSchoolsOnly { value: index_key(given), cites },
                ));
            }
            (IndexRule::Fixed(fixed), Some(given)) if fixed != given => notes.push(Diagnostic::warning(
                rules,
                "unit.digital_index",
                Message::FixedByKind { kind: kind.id, value: index_key(given) },
            )),
            (IndexRule::Choose(asked), Some(Some(given))) if given != asked => notes.push(Diagnostic::warning(
                rules,
                "unit.digital_index",
                Message::FixedByKind { kind: kind.id, value: index_key(Some(given)) },
            )),
            _ => {}
        }
        RuleSet::profile(kind, u.public, u.learners, u.vocational, u.digital_index)
    });

    // Counts against their totals.
    let values = &file.values;
    for def in rules.inputs {
        let InputKind::Count { total } = def.kind else { continue };
        let Some(count) = values.count(def.id) else { continue };
        if count > crate::file::MAX_COUNT {
            errors.push(Diagnostic::error(
                rules,
                FieldPath::input(rules, def.id),
                Message::TooLarge { max: crate::file::MAX_COUNT },
            ));
            continue;
        }
        if total.is_none() && count > crate::file::PLAUSIBLE_TOTAL {
            notes.push(Diagnostic::warning(
                rules,
                FieldPath::input(rules, def.id),
                Message::ImplausibleTotal { count, above: crate::file::PLAUSIBLE_TOTAL },
            ));
        }
        // Data that does not apply is ignored, its consistency too (it is reported below).
        if let (Some(kind), Some(p)) = (kind, &profile) {
            if !input_applies(rules, kind.scope, p, def.id) {
                continue;
            }
        }
        match total {
            None if count == 0 => {
                // No members is never valid; no learners only where learners count.
                let applies = def.id == Input::Members || profile.is_some_and(|p| p.learners);
                if applies {
                    errors.push(Diagnostic::error(rules, FieldPath::input(rules, def.id), Message::ZeroTotal));
                }
            }
            Some(total) => {
                if let Some(total_value) = values.count(total) {
                    if count > total_value {
                        errors.push(Diagnostic::error(
                            rules,
                            FieldPath::input(rules, def.id),
                            Message::CountExceedsTotal {
                                count,
                                total: total_value,
                                total_field: FieldPath::input(rules, total).to_string(),
                            },
                        ));
                    }
                }
            }
            None => {}
        }
    }

    // Evidence: each item identifiable; dates inside the assessed year.
    for (id, items) in &file.evidence {
        for (i, item) in items.iter().enumerate() {
            if !item.is_identified() {
                errors.push(Diagnostic::error(
                    rules,
                    FieldPath::Evidence(id.clone(), Some(i), None),
                    Message::EvidenceNeedsCodeOrTitle,
                ));
            }
            // Older evidence is normal (a unit's standing rules and plans); evidence dated after
            // the last filing day cannot have been in a dossier filed in time (rules.md §5).
            if let (Some(date), Some(year)) = (item.date, year) {
                let last_day = t.last_filing_day(year);
                if date > last_day {
                    notes.push(Diagnostic::warning(
                        rules,
                        FieldPath::Evidence(id.clone(), Some(i), Some("date")),
                        Message::EvidenceAfterFiling { date, last_day },
                    ));
                }
            }
        }
    }

    // A recognition begun but not complete: what the unit may ask for this year (first,
    // renewal or upgrade, rules.md §3a) cannot be told, so nothing is evaluated until it is. A
    // section left empty is no recognition.
    if let Some(p) = &file.previous_recognition {
        let begun = p.level.is_some()
            || p.decision_date.is_some()
            || p.decision_no.as_deref().is_some_and(|n| !n.trim().is_empty());
        if begun && p.level.is_none() {
            errors.push(Diagnostic::error(rules, "previous_recognition.level", Message::PreviousIncomplete));
        }
        if begun && p.decision_date.is_none() {
            errors.push(Diagnostic::error(rules, "previous_recognition.decision_date", Message::PreviousIncomplete));
        }
    }

    let (Some(kind), Some(profile), Some(year), true) = (kind, profile, year, errors.is_empty()) else {
        return Err(errors);
    };
    let scope = kind.scope;

    // Data that does not apply is kept and reported, never an error (rules.md §5).
    for (input, _) in values.filled() {
        if !input_applies(rules, scope, &profile, input) {
            notes.push(Diagnostic::warning(
                rules,
                FieldPath::input(rules, input),
                Message::NotApplicableData { kind: kind.id },
            ));
        }
    }
    if profile.digital_index.is_some_and(|d| !rules.uses_index(scope, d)) {
        notes.push(Diagnostic::warning(rules, "unit.digital_index", Message::DigitalIndexNotUsed { scope }));
    }
    let ids = rules.indicator_ids(scope);
    // The ids that apply to this unit at either level, found once (not once per evidence id).
    let applicable: Vec<&str> = Level::ALL
        .into_iter()
        .flat_map(|l| rules.indicators_for(scope, l))
        .filter(|ind| ind.applies.holds(&profile))
        .map(|ind| ind.id)
        .collect();
    let mut evidenced = Vec::new();
    for (id, items) in &file.evidence {
        match ids.iter().find(|k| **k == id.as_str()) {
            None => notes.push(Diagnostic::warning(
                rules,
                FieldPath::Evidence(id.clone(), None, None),
                Message::UnknownIndicator { id: id.clone(), scope },
            )),
            Some(known) => {
                let applies = applicable.contains(known);
                if !applies && !items.is_empty() {
                    notes.push(Diagnostic::warning(
                        rules,
                        FieldPath::Evidence(id.clone(), None, None),
                        Message::NotApplicableData { kind: kind.id },
                    ));
                }
                if !items.is_empty() && !evidenced.contains(known) {
                    evidenced.push(*known);
                }
            }
        }
    }

    let previous = file.previous_recognition.as_ref().and_then(|p| {
        Some(Previous {
            level: p.level?,
            decision_date: p.decision_date?,
            year: p.year.and_then(|y| i32::try_from(y).ok()),
            reading: p.validity_from.unwrap_or(ValidityReading::DecisionYear),
        })
    });

    // District governments have ended (the rule set says when); who receives the dossier is the
    // user's to say.
    let recipient_given =
        file.submission.as_ref().and_then(|s| s.recipient.as_deref()).is_some_and(|r| !r.trim().is_empty());
    let reformed = rules.district_governments_end_year().is_some_and(|from| year >= from);
    if scope == Scope::Huyen && reformed && !recipient_given {
        notes.push(Diagnostic::note(rules, "submission.recipient", Message::DistrictAuthorityChanged));
    }

    // A finalised dossier changed afterwards (outside the app): say so.
    if let Some(mark) = &file.finalised {
        if mark.fingerprint.as_deref() != Some(file.fingerprint().as_str()) {
            notes.push(Diagnostic::warning(rules, "final.fingerprint", Message::ChangedAfterFinal { date: mark.date }));
        }
    }

    let report_date = file.report.as_ref().and_then(|r| r.date);
    Ok(Dossier {
        rules,
        kind,
        profile,
        year,
        values: values.clone(),
        evidenced,
        previous,
        report_date,
        request_level: file.request_level,
        diagnostics: notes,
    })
}
