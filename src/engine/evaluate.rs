//! The verdicts (rules.md §3) and the dates (rules.md §4) of a checked dossier.
//!
//! Pure: the rules come with the dossier, "today" is an argument, nothing here reads a clock
//! or a file, and no input can make it panic (there is no division and no unchecked index).

use serde::Serialize;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Message};
use crate::engine::check::Dossier;
use crate::file::{FieldPath, Values};
use crate::rules::{
    Applies, Cite, IndicatorDef, InputKind, Level, MonthDay, Part, Profile, RuleSet, Scope, Test, ValidityReading,
};

/// An indicator's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The data meet the requirement and evidence is recorded.
    Pass,
    /// The data meet the requirement but no evidence is recorded: không đạt (Điều 9.3, 15.3).
    MissingEvidence,
    /// The data do not meet the requirement.
    Fail,
    /// A value it needs was not entered.
    MissingInput,
    /// The Circular does not apply this indicator to this kind of unit.
    NotApplicable,
}

/// A ratio against its threshold. `None` where an input is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub count: Option<u64>,
    pub total: Option<u64>,
    pub required_percent: u32,
    /// The fewest additional people that make it pass (0 when it passes).
    pub shortfall: Option<u64>,
}

impl Ratio {
    fn new(count: Option<u64>, total: Option<u64>, percent: u32) -> Ratio {
        let shortfall = match (count, total) {
            (Some(c), Some(t)) => Some(shortfall(c, t, percent)),
            _ => None,
        };
        Ratio { count, total, required_percent: percent, shortfall }
    }
    pub fn passes(&self) -> Option<bool> {
        Some(meets(self.count?, self.total?, self.required_percent))
    }
}

/// "Tối thiểu X%": `count × 100 ≥ X × total`, exactly, in integers.
pub fn meets(count: u64, total: u64, percent: u32) -> bool {
    u128::from(count) * 100 >= u128::from(percent) * u128::from(total)
}

/// The smallest n ≥ 0 with `meets(count + n, total, percent)`.
pub fn shortfall(count: u64, total: u64, percent: u32) -> u64 {
    let needed = (u128::from(percent) * u128::from(total)).div_ceil(100);
    u64::try_from(needed.saturating_sub(u128::from(count))).unwrap_or(u64::MAX)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorResult {
    pub id: &'static str,
    pub status: Status,
    /// The single ratio of a ratio indicator.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// 3.1 with its learner part: the two ratios.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Ratio>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learners: Option<Ratio>,
}

impl IndicatorResult {
    /// Every ratio this indicator reports, with its part key.
    pub fn ratios(&self) -> Vec<(&'static str, Ratio)> {
        let mut out = Vec::new();
        if let Some(r) = self.ratio {
            out.push(("members", r));
        }
        if let Some(r) = self.members {
            out.push(("members", r));
        }
        if let Some(r) = self.learners {
            out.push(("learners", r));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult {
    pub id: String,
    pub met: bool,
    pub indicators: Vec<IndicatorResult>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelResult {
    pub level: Level,
    pub met: bool,
    pub criteria: Vec<CriterionResult>,
}

/// Điều 9.4, 15.4: a criterion is met when all its indicators are.
fn criterion_met(indicators: &[IndicatorResult]) -> bool {
    indicators.iter().all(|i| matches!(i.status, Status::Pass | Status::NotApplicable))
}

/// Điều 8, 14: a level is met when all its criteria are.
fn level_met(criteria: &[CriterionResult]) -> bool {
    criteria.iter().all(|c| c.met)
}

impl LevelResult {
    /// This level judged again with some indicators' statuses given by someone else — a
    /// council's verdicts on a unit's dossier (Điều 10.2c, 16.2c) — by the same rules as
    /// [`evaluate`]: an indicator `status` says nothing about keeps its own; a criterion is met
    /// when all its indicators are, the level when all its criteria are.
    pub fn rejudged(&self, status: impl Fn(&IndicatorResult) -> Option<Status>) -> LevelResult {
        let criteria: Vec<CriterionResult> = self
            .criteria
            .iter()
            .map(|c| {
                let indicators: Vec<IndicatorResult> = c
                    .indicators
                    .iter()
                    .map(|i| IndicatorResult { status: status(i).unwrap_or(i.status), ..i.clone() })
                    .collect();
                CriterionResult { id: c.id.clone(), met: criterion_met(&indicators), indicators }
            })
            .collect();
        LevelResult { level: self.level, met: level_met(&criteria), criteria }
    }

    pub fn indicators(&self) -> impl Iterator<Item = &IndicatorResult> {
        self.criteria.iter().flat_map(|c| c.indicators.iter())
    }
    /// Met if missing evidence did not count against it.
    pub fn met_ignoring_evidence(&self) -> bool {
        self.indicators().all(|i| matches!(i.status, Status::Pass | Status::MissingEvidence | Status::NotApplicable))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Upgrade {
    pub eligible_from: Date,
    pub eligible_this_cycle: bool,
}

/// How long a previous recognition lasts (Điều 5.4, 11.4), under the reading the dossier
/// chose, with the other reading beside it (rules.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Validity {
    pub reading: ValidityReading,
    pub valid_until: Date,
    pub rerecognition_year: i32,
    pub valid_on_today: bool,
    pub other_reading: OtherReading,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct OtherReading {
    pub reading: ValidityReading,
    pub valid_until: Date,
    pub rerecognition_year: i32,
}

/// What the unit may ask for this cycle (rules.md §3a).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Đánh giá, công nhận: no recognition before.
    First,
    /// Công nhận lại (Điều 2.10): the previous recognition has lapsed for this cycle.
    Renewal,
    /// Công nhận nâng mức độ (Điều 2.11): from level 1 to level 2.
    Upgrade,
    /// Nothing may be asked this cycle.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestReason {
    MeetsLevel,
    /// No level is met (Điều 21.2: a unit files only when its self-assessment meets one).
    NotMet,
    /// The previous recognition is still valid for this cycle.
    StillValid,
    /// Level 2 is met but the 12 months after the level-1 decision end after this cycle.
    UpgradeNotYet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Request {
    pub kind: RequestKind,
    pub level: u8,
    pub reason: RequestReason,
    /// With `upgrade_not_yet`: the first day the upgrade may be asked, and the first assessed
    /// year whose filing window (to 14/01 of the next year) it falls in.
    pub eligible_from: Option<Date>,
    pub first_year: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Deadlines {
    pub submit_before: Date,
    pub decision_before: Date,
    /// Days from today to `submit_before`: 1 on the last day, 0 or less once it has passed.
    pub days_left: i64,
}

/// The result of [`evaluate`], as the command line prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub ruleset: &'static str,
    pub scope: Scope,
    pub year: i32,
    pub level: u8,
    pub level_ignoring_evidence: u8,
    pub levels: Vec<LevelResult>,
    pub upgrade: Option<Upgrade>,
    pub validity: Option<Validity>,
    pub request: Request,
    pub deadlines: Deadlines,
    pub diagnostics: Vec<Diagnostic>,
}

impl Evaluation {
    pub fn level(&self, level: Level) -> Option<&LevelResult> {
        self.levels.iter().find(|l| l.level == level)
    }
    pub fn indicator(&self, level: Level, id: &str) -> Option<&IndicatorResult> {
        self.level(level)?.indicators().find(|i| i.id == id)
    }
}

/// The date of `md` in `year`; a day that does not exist falls back to the month's last day.
fn on(year: i32, md: MonthDay) -> Date {
    let day = md.day.min(crate::date::days_in_month(year, md.month)).max(1);
    Date::new(year, md.month, day).unwrap_or(Date::MIN)
}

/// Evaluates a checked dossier. `today` only feeds `valid_on_today` and `days_left`.
pub fn evaluate(dossier: &Dossier, today: Date) -> Evaluation {
    let rules = dossier.rules();
    let scope = dossier.scope();
    let year = dossier.year();
    let mut diagnostics = dossier.diagnostics().to_vec();

    let levels: Vec<LevelResult> = Level::ALL
        .into_iter()
        .map(|level| {
            let criteria: Vec<CriterionResult> = rules
                .criteria
                .iter()
                .map(|c| {
                    let indicators: Vec<IndicatorResult> = rules
                        .indicators_for(scope, level)
                        .filter(|i| i.criterion == c.number)
                        .map(|def| {
                            judge(rules, def, dossier.profile(), dossier.values(), dossier.has_evidence(def.id)).result
                        })
                        .collect();
                    CriterionResult { id: c.number.to_string(), met: criterion_met(&indicators), indicators }
                })
                .collect();
            LevelResult { level, met: level_met(&criteria), criteria }
        })
        .collect();

    let highest = |met: &dyn Fn(&LevelResult) -> bool| -> u8 {
        levels.iter().rev().find(|l| met(l)).map_or(0, |l| l.level.number())
    };
    let level = highest(&|l| l.met);
    let level_ignoring_evidence = highest(&|l| l.met_ignoring_evidence());

    // Missing evidence, once per indicator id.
    let judging = rules.judging_article(scope);
    let mut seen: Vec<&str> = Vec::new();
    for ind in levels.iter().flat_map(LevelResult::indicators) {
        if ind.status == Status::MissingEvidence && !seen.contains(&ind.id) {
            seen.push(ind.id);
            diagnostics.push(Diagnostic::warning(
                rules,
                FieldPath::Evidence(ind.id.to_string(), None, None),
                Message::MissingEvidence { id: ind.id, article: judging },
            ));
        }
    }
    let conditions = rules.procedure(scope).map_or(0, |p| p.conditions);
    let level_one = levels.first();
    if level == 2 && !level_one.is_some_and(|l| l.met) {
        // Level 2 is judged on its own article (Điều 8.2, 14.2); say which of level 1 fail.
        let missing = level_one
            .map(|l| {
                l.indicators()
                    .filter(|i| !matches!(i.status, Status::Pass | Status::NotApplicable))
                    .map(|i| i.id)
                    .collect()
            })
            .unwrap_or_default();
        diagnostics.push(Diagnostic::warning(
            rules,
            "",
            Message::LevelTwoWithoutLevelOne { missing, basis: Cite::khoan(conditions, 2) },
        ));
    }

    let t = &rules.timing;
    let next = year.saturating_add(1);
    let submit_before = on(next, t.submit_before);
    let last_submit_day = t.last_filing_day(year);
    let deadlines = Deadlines {
        submit_before,
        decision_before: on(next, t.decision_before),
        days_left: today.days_until(submit_before),
    };
    let procedure = rules.procedure(scope);
    let cite = |f: fn(&crate::rules::Procedure) -> Cite| procedure.map_or(Cite::khoan(0, 0), f);

    let mut upgrade = None;
    let mut validity = None;
    if let Some(prev) = dossier.previous() {
        let decided = prev.decision_date;
        if decided > last_submit_day {
            diagnostics.push(Diagnostic::warning(
                rules,
                "previous_recognition.decision_date",
                Message::DecisionAfterSubmission { decided, year },
            ));
        }
        // Điều 5.3, 11.3 counted as BLDS 2015 Điều 147–148: the period starts the day after the
        // decision and ends with the same date 12 months on; the unit may ask from the next day.
        if prev.level == Level::One {
            if let Some(eligible_from) = decided.add_months_clamped(t.upgrade_after_months).and_then(|d| d.add_days(1))
            {
                upgrade = Some(Upgrade { eligible_from, eligible_this_cycle: eligible_from <= last_submit_day });
            }
        }
        // Điều 5.4, 11.4: kept for the 3 years after "năm được công nhận", read as the year of
        // the decision or as the assessed year it recognises (rules.md §4).
        let until = |reading: ValidityReading| {
            let from = match reading {
                ValidityReading::DecisionYear => decided.year(),
                ValidityReading::AssessedYear => prev.year.unwrap_or(decided.year().saturating_sub(1)),
            };
            let again = from.saturating_add(t.valid_years);
            Date::new(again, 12, 31).map(|d| (d, again))
        };
        if let (Some((valid_until, rerecognition_year)), Some((other_until, other_year))) =
            (until(prev.reading), until(prev.reading.other()))
        {
            validity = Some(Validity {
                reading: prev.reading,
                valid_until,
                rerecognition_year,
                valid_on_today: today <= valid_until,
                other_reading: OtherReading {
                    reading: prev.reading.other(),
                    valid_until: other_until,
                    rerecognition_year: other_year,
                },
            });
            // The readings disagree about this cycle: the unit should ask which applies.
            if rerecognition_year != other_year && year == rerecognition_year.min(other_year) {
                diagnostics.push(Diagnostic::warning(
                    rules,
                    "previous_recognition.validity_from",
                    Message::ReadingsDiffer { year: rerecognition_year, other_year, reading: prev.reading },
                ));
            }
        }
    }

    let request = request(&levels, level, dossier, validity, upgrade, year, &mut diagnostics, rules);
    match (request.reason, dossier.previous(), validity) {
        (RequestReason::UpgradeNotYet, Some(prev), _) => diagnostics.push(Diagnostic::warning(
            rules,
            "previous_recognition.decision_date",
            Message::UpgradeNotYet {
                decided: prev.decision_date,
                eligible_from: request.eligible_from.unwrap_or(prev.decision_date),
                year,
                first_year: request.first_year.unwrap_or(year),
                cite: cite(|p| p.upgrade),
            },
        )),
        (RequestReason::StillValid, Some(prev), Some(v)) => diagnostics.push(Diagnostic::note(
            rules,
            "previous_recognition",
            Message::RecognitionStillValid {
                level: prev.level,
                valid_until: v.valid_until,
                rerecognition_year: v.rerecognition_year,
                reading: v.reading,
                cite: cite(|p| p.validity),
            },
        )),
        _ => {}
    }
    // The documents' date: within the filing window, and for an upgrade not before it may be asked.
    if let Some(date) = dossier.report_date() {
        if date > last_submit_day {
            diagnostics.push(Diagnostic::warning(
                rules,
                "report.date",
                Message::ReportAfterFiling { date, last_day: last_submit_day },
            ));
        }
        if let (RequestKind::Upgrade, Some(up)) = (request.kind, upgrade) {
            if date < up.eligible_from {
                diagnostics.push(Diagnostic::warning(
                    rules,
                    "report.date",
                    Message::ReportBeforeEligible { date, eligible_from: up.eligible_from },
                ));
            }
        }
    }

    Evaluation {
        ruleset: rules.id,
        scope,
        year,
        level,
        level_ignoring_evidence,
        levels,
        upgrade,
        validity,
        request,
        deadlines,
        diagnostics,
    }
}

/// What the unit may ask for this cycle: the table of rules.md §3a, then `request_level`.
#[allow(clippy::too_many_arguments)]
fn request(
    levels: &[LevelResult],
    level: u8,
    dossier: &Dossier,
    validity: Option<Validity>,
    upgrade: Option<Upgrade>,
    year: i32,
    diagnostics: &mut Vec<Diagnostic>,
    rules: &'static RuleSet,
) -> Request {
    let asked = |kind, level, reason| Request { kind, level, reason, eligible_from: None, first_year: None };
    let still_valid = validity.is_some_and(|v| year < v.rerecognition_year);
    let mut request = match (level, dossier.previous()) {
        (0, _) => asked(RequestKind::None, 0, RequestReason::NotMet),
        (l, None) => asked(RequestKind::First, l, RequestReason::MeetsLevel),
        (l, Some(_)) if !still_valid => asked(RequestKind::Renewal, l, RequestReason::MeetsLevel),
        (2, Some(prev)) if prev.level == Level::One => match upgrade {
            Some(up) if up.eligible_this_cycle => asked(RequestKind::Upgrade, 2, RequestReason::MeetsLevel),
            Some(up) => {
                let first_year = rules.timing.first_cycle(up.eligible_from);
                Request {
                    eligible_from: Some(up.eligible_from),
                    first_year: Some(first_year),
                    ..asked(RequestKind::None, 0, RequestReason::UpgradeNotYet)
                }
            }
            None => asked(RequestKind::None, 0, RequestReason::StillValid),
        },
        _ => asked(RequestKind::None, 0, RequestReason::StillValid),
    };
    // A unit may ask for less, never for more, and only for a level it meets.
    if let Some(lower) = dossier.request_level().map(Level::number) {
        let lowerable = matches!(request.kind, RequestKind::First | RequestKind::Renewal);
        let met = levels.get(usize::from(lower.max(1)) - 1).is_some_and(|l| l.met);
        if lowerable && lower <= request.level && met {
            request.level = lower;
        } else if lower != request.level {
            diagnostics.push(Diagnostic::warning(
                rules,
                "request_level",
                Message::RequestLevelIgnored { asked: lower, allowed: request.level },
            ));
        }
    }
    request
}

/// What one part of an indicator found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Met,
    NotMet,
    /// A value it needs was not entered.
    Unknown,
}

/// One part of an indicator that applies to the unit, judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judged {
    pub part: &'static Part,
    pub outcome: Outcome,
    /// The ratio, for a ratio part.
    pub ratio: Option<Ratio>,
}

/// An indicator judged at one level: its result as the command line prints it, and each part
/// that applies with what it found, so that the verdict and its explanation come from one
/// place and cannot disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub result: IndicatorResult,
    pub parts: Vec<Judged>,
}

/// Judges one indicator of one level (rules.md §3).
pub fn judge(
    rules: &RuleSet,
    def: &'static IndicatorDef,
    profile: &Profile,
    values: &Values,
    evidenced: bool,
) -> Judgement {
    let mut result =
        IndicatorResult { id: def.id, status: Status::NotApplicable, ratio: None, members: None, learners: None };
    if !def.applies.holds(profile) {
        return Judgement { result, parts: Vec::new() };
    }
    // A part the unit answered "does not apply" to (no private preschool in the area) is not
    // counted: the indicator rests on its other parts (rules.md §2).
    let answered_away = |p: &Part| match (p.test, &rules.input_of(&p.test).kind) {
        (Test::Fact { input }, InputKind::Flag { unless: Some(other) }) => values.choice(input) == Some(other.key),
        _ => false,
    };
    let applicable: Vec<&'static Part> =
        def.parts.iter().filter(|p| p.applies.holds(profile) && !answered_away(p)).collect();
    let ratio_parts = applicable.iter().filter(|p| matches!(p.test, Test::Ratio { .. })).count();
    let mut parts = Vec::with_capacity(applicable.len());
    for part in applicable {
        let mut ratio = None;
        let outcome = match part.test {
            Test::Fact { input } => match values.flag(input) {
                Some(true) => Outcome::Met,
                Some(false) => Outcome::NotMet,
                None => Outcome::Unknown,
            },
            Test::AtLeast { input, rank } => {
                let chosen = values.choice(input).and_then(|key| rules.input(input).choice(key)).map(|c| c.rank);
                match chosen {
                    Some(r) if r >= rank => Outcome::Met,
                    Some(_) => Outcome::NotMet,
                    None => Outcome::Unknown,
                }
            }
            Test::Ratio { count, total, percent } => {
                let r = Ratio::new(values.count(count), values.count(total), percent);
                // One ratio is reported flat; several by their part's key (3.1 with learners).
                match (ratio_parts, part.key) {
                    (1, _) => result.ratio = Some(r),
                    (_, "learners") => result.learners = Some(r),
                    _ => result.members = Some(r),
                }
                ratio = Some(r);
                match r.passes() {
                    Some(true) => Outcome::Met,
                    Some(false) => Outcome::NotMet,
                    None => Outcome::Unknown,
                }
            }
        };
        parts.push(Judged { part, outcome, ratio });
    }
    // Whether the indicator applies at all is still open while the unit has not said which
    // digital-transformation index it is rated under (rules.md §1).
    let open = profile.index_unanswered && matches!(def.applies, Applies::Digital(_));
    // Any part known to fail fails the indicator; else any unknown part leaves it open.
    result.status = if open {
        Status::MissingInput
    } else if parts.iter().any(|p| p.outcome == Outcome::NotMet) {
        Status::Fail
    } else if parts.iter().any(|p| p.outcome == Outcome::Unknown) {
        Status::MissingInput
    } else if evidenced {
        Status::Pass
    } else {
        Status::MissingEvidence
    };
    Judgement { result, parts }
}
