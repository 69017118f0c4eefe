//! The verdicts (rules.md §3) and the dates (rules.md §4) of a checked dossier.
//!
//! Pure: the rules come with the dossier, "today" is an argument, nothing here reads a clock
//! or a file, and no input can make it panic (there is no division and no unchecked index).

use serde::Serialize;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Message};
use crate::engine::check::Dossier;
use crate::file::{FieldPath, Values};
use crate::rules::{IndicatorDef, Level, MonthDay, Part, Profile, RuleSet, Scope, Test};

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

impl LevelResult {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Validity {
    pub valid_until: Date,
    pub rerecognition_year: i32,
    pub valid_on_today: bool,
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
                    // Điều 9.4, 15.4: a criterion is met when all its indicators are.
                    let met = indicators.iter().all(|i| matches!(i.status, Status::Pass | Status::NotApplicable));
                    CriterionResult { id: c.number.to_string(), met, indicators }
                })
                .collect();
            // Điều 8, 14: a level is met when all its criteria are.
            let met = criteria.iter().all(|c| c.met);
            LevelResult { level, met, criteria }
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
    let level_one_met = levels.first().is_some_and(|l| l.met);
    if level == 2 && !level_one_met {
        diagnostics.push(Diagnostic::warning(rules, "", Message::LevelTwoWithoutLevelOne));
    }

    let t = &rules.timing;
    let next = year.saturating_add(1);
    let submit_before = on(next, t.submit_before);
    let last_submit_day = submit_before.add_days(-1).unwrap_or(submit_before);
    let deadlines = Deadlines {
        submit_before,
        decision_before: on(next, t.decision_before),
        days_left: today.days_until(submit_before),
    };

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
                let eligible_this_cycle = eligible_from <= last_submit_day;
                if level == 2 && !eligible_this_cycle {
                    diagnostics.push(Diagnostic::warning(
                        rules,
                        "previous_recognition.decision_date",
                        Message::UpgradeNotYet { decided, eligible_from, year },
                    ));
                }
                upgrade = Some(Upgrade { eligible_from, eligible_this_cycle });
            }
        }
        // Điều 5.4, 11.4: kept for the 3 years after the year of the decision.
        let rerecognition_year = decided.year().saturating_add(t.valid_years);
        if let Some(valid_until) = Date::new(rerecognition_year, 12, 31) {
            if year < rerecognition_year && (prev.level == Level::Two || level < 2) {
                diagnostics.push(Diagnostic::note(
                    rules,
                    "previous_recognition",
                    Message::RecognitionStillValid { level: prev.level, valid_until, rerecognition_year },
                ));
            }
            validity = Some(Validity { valid_until, rerecognition_year, valid_on_today: today <= valid_until });
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
        deadlines,
        diagnostics,
    }
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
    let applicable: Vec<&'static Part> = def.parts.iter().filter(|p| p.applies.holds(profile)).collect();
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
    // Any part known to fail fails the indicator; else any unknown part leaves it open.
    result.status = if parts.iter().any(|p| p.outcome == Outcome::NotMet) {
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
