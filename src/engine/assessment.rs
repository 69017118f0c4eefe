//! The read-model: everything the screen, the documents, the command line and the JavaScript
//! API show about one dossier, computed once by [`assess`]. Plain data: no method here judges
//! (the parts come from `evaluate::judge`, the verdicts from `evaluate::evaluate`), and no field
//! holds words (`words` says it all in Vietnamese or English).

use super::check::{self, Previous};
use super::evaluate::{self, Evaluation, Judged, Outcome, Status};
use super::Env;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::file::{DossierFile, Values};
use crate::rules::{
    Choice, Cite, IndicatorDef, Input, Level, MonthDay, Profile, ProvincialCalendar, RuleSet, Scope, Test, UnitKind,
};

/// Everything known about one dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub rules: &'static RuleSet,
    pub today: Date,
    /// The unit's kind and its attributes: known as soon as a kind is chosen, even while the
    /// dossier is incomplete, so the form can ask only what applies.
    pub kind: Option<&'static UnitKind>,
    pub profile: Option<Profile>,
    /// The errors that stop an evaluation (empty when there is one; its warnings are in
    /// `evaluation.diagnostics`).
    pub problems: Vec<Diagnostic>,
    /// The result, as `dvht evaluate` prints it, when the dossier is valid.
    pub evaluation: Option<Evaluation>,
    /// One per indicator id of the scope, in table order, both levels side by side.
    pub indicators: Vec<IndicatorView>,
    /// The next level and what stands between the unit and it (none at level 2).
    pub next: Option<(Level, Vec<Gap>)>,
    pub progress: Progress,
    /// The dates of the assessed year, in date order.
    pub events: Vec<Event>,
    /// Who receives the dossier, and who decides: the dossier's own words, else the rule set's
    /// (rules.md §6).
    pub recipient: String,
    pub decision_maker: String,
    pub previous: Option<Previous>,
    /// When the counts come from the member list: what it says for the assessed year — the
    /// counts, and for each member column who is not counted (so a shortfall can name them).
    pub list: Option<crate::roster::Tally>,
}

/// One indicator, both levels side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorView {
    pub id: &'static str,
    pub criterion: u8,
    /// Its definition at level 1 and at level 2.
    pub defs: [Option<&'static IndicatorDef>; 2],
    /// Whether each level's definition applies to the unit.
    pub applies: [bool; 2],
    /// What each part asks, merged over the levels, in table order.
    pub requirements: Vec<Requirement>,
    /// Each level's parts as judged (empty where the level does not apply).
    pub judged: [Vec<Judged>; 2],
    /// Each level's status, when the dossier is valid.
    pub status: [Option<Status>; 2],
    /// Evidence items recorded for it.
    pub evidence: usize,
}

impl IndicatorView {
    /// The first definition there is (for its title).
    pub fn def(&self) -> Option<&'static IndicatorDef> {
        self.defs[0].or(self.defs[1])
    }
    pub fn applies_at_all(&self) -> bool {
        self.applies.iter().any(|a| *a)
    }
    /// Every input the requirements read, in table order.
    pub fn inputs(&self) -> Vec<Input> {
        let mut out: Vec<Input> = self.requirements.iter().flat_map(Requirement::inputs).collect();
        crate::order::sort(&mut out);
        out.dedup();
        out
    }
    /// The ratio requirement on `count`, if there is one.
    pub fn ratio(&self, count: Input) -> Option<&Requirement> {
        self.requirements.iter().find(|r| matches!(r, Requirement::Ratio { count: c, .. } if *c == count))
    }
}

/// What one part of an indicator asks, at each level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// "Tối thiểu X%": `count` of `total`.
    Ratio {
        count: Input,
        total: Input,
        /// The values entered.
        observed: (Option<u64>, Option<u64>),
        at_least: [Option<u32>; 2],
        met: [Option<bool>; 2],
        shortfall: [Option<u64>; 2],
    },
    /// A yes.
    Fact { input: Input, answer: Option<bool>, asked: [bool; 2] },
    /// An answer at least this high.
    AtLeast {
        input: Input,
        chosen: Option<&'static Choice>,
        needed: [Option<&'static Choice>; 2],
        met: [Option<bool>; 2],
    },
}

impl Requirement {
    pub fn inputs(&self) -> Vec<Input> {
        match self {
            Requirement::Ratio { count, total, .. } => vec![*count, *total],
            Requirement::Fact { input, .. } | Requirement::AtLeast { input, .. } => vec![*input],
        }
    }
    /// The input it is keyed by: the count of a ratio, the answer otherwise.
    pub fn input(&self) -> Input {
        match self {
            Requirement::Ratio { count, .. } => *count,
            Requirement::Fact { input, .. } | Requirement::AtLeast { input, .. } => *input,
        }
    }
}

/// One thing missing for a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// `more` additional people counted by `input` (a ratio's shortfall).
    People { id: &'static str, input: Input, more: u64 },
    /// A requirement the data say is not met (a "no", a title or level too low).
    NotMet { id: &'static str, input: Input },
    /// Values not entered yet.
    Enter { id: &'static str, inputs: Vec<Input> },
    /// Met by the data, but no evidence recorded.
    Evidence { id: &'static str },
    /// A question about the unit that decides whether the indicator applies (the digital-
    /// transformation index of a provincial trung tâm GDNN-GDTX), not answered yet.
    Answer { id: &'static str, field: &'static str },
}

impl Gap {
    pub fn id(&self) -> &'static str {
        match self {
            Gap::People { id, .. }
            | Gap::NotMet { id, .. }
            | Gap::Enter { id, .. }
            | Gap::Evidence { id }
            | Gap::Answer { id, .. } => id,
        }
    }
}

/// How far the dossier has come, over the indicators that apply at either level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    pub applicable: usize,
    /// Every value the indicator reads is entered.
    pub answered: usize,
    /// At least one evidence item is recorded.
    pub evidenced: usize,
}

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

/// Where a date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Circular(Cite),
    Province(&'static ProvincialCalendar),
}

/// A date of the assessed year; its title is in `words::calendar`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub date: Date,
    pub source: Source,
}

/// Reads, checks and evaluates a dossier once: the one pipeline of every edge.
pub fn assess(file: &DossierFile, env: &Env) -> Assessment {
    // When the counts come from the member list, the dossier judged is the one with its counts.
    let counted = crate::roster::effective(file);
    let list = counted.as_ref().and_then(|_| crate::roster::dossier_tally(file));
    let file = counted.as_ref().unwrap_or(file);
    let rules = env.ruleset(&file.ruleset).unwrap_or_else(|| env.current());
    let profile = check::profile_in(rules, file);
    let (problems, dossier) = match env.ruleset(&file.ruleset) {
        Some(rules) => match check::check_in(rules, file) {
            Ok(d) => (Vec::new(), Some(d)),
            Err(e) => (e, None),
        },
        None => (check::check(file).err().unwrap_or_default(), None),
    };
    let evaluation = dossier.as_ref().map(|d| evaluate::evaluate(d, env.today));
    let indicators = match profile {
        Some((kind, p)) => views(rules, kind.scope, &p, file, evaluation.as_ref()),
        None => Vec::new(),
    };
    let next = evaluation.as_ref().and_then(|e| {
        let level = match e.level {
            0 => Level::One,
            1 => Level::Two,
            _ => return None,
        };
        Some((level, gaps(&indicators, &file.values, profile.map(|(_, p)| p), level)))
    });
    let progress = progress(&indicators, &file.values);
    let scope = profile.map(|(k, _)| k.scope).or(file.unit.scope);
    let (recipient, decision_maker) = authority(rules, file, scope);
    let previous = dossier.as_ref().and_then(|d| d.previous());
    let events = match (&dossier, &evaluation) {
        (Some(d), Some(e)) => events(rules, file, d.year(), d.scope(), e),
        _ => Vec::new(),
    };
    Assessment {
        rules,
        today: env.today,
        kind: profile.map(|(k, _)| k),
        profile: profile.map(|(_, p)| p),
        problems,
        evaluation,
        indicators,
        next,
        progress,
        events,
        recipient,
        decision_maker,
        previous,
        list,
    }
}

impl Assessment {
    pub fn scope(&self) -> Option<Scope> {
        self.kind.map(|k| k.scope)
    }
    pub fn year(&self) -> Option<i32> {
        self.evaluation.as_ref().map(|e| e.year)
    }
    /// The errors that stop an evaluation, or else its warnings and notes.
    pub fn messages(&self) -> &[Diagnostic] {
        match &self.evaluation {
            Some(e) => &e.diagnostics,
            None => &self.problems,
        }
    }
    pub fn indicator(&self, id: &str) -> Option<&IndicatorView> {
        self.indicators.iter().find(|i| i.id == id)
    }
    /// The members (indices in the dossier's list) a count does not count, when the counts
    /// come from the list and it records that count: who a `Gap::People` is about.
    pub fn not_counted(&self, input: Input) -> Option<&[usize]> {
        self.list.as_ref()?.not_counted(input)
    }
}

fn views(
    rules: &'static RuleSet,
    scope: Scope,
    profile: &Profile,
    file: &DossierFile,
    evaluation: Option<&Evaluation>,
) -> Vec<IndicatorView> {
    // Items by id, counted in one pass over the evidence.
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, items) in &file.evidence {
        *counts.entry(k.as_str()).or_default() += items.len();
    }
    rules
        .indicator_ids(scope)
        .into_iter()
        .map(|id| {
            let defs = Level::ALL.map(|level| rules.indicator(scope, level, id));
            let evidence = counts.get(id).copied().unwrap_or(0);
            let judged = defs.map(|def| match def {
                Some(def) => evaluate::judge(rules, def, profile, &file.values, evidence > 0).parts,
                None => Vec::new(),
            });
            let status = Level::ALL.map(|level| evaluation.and_then(|e| e.indicator(level, id)).map(|r| r.status));
            IndicatorView {
                id,
                criterion: defs.iter().flatten().next().map_or(0, |d| d.criterion),
                defs,
                applies: defs.map(|d| d.is_some_and(|d| d.applies.holds(profile))),
                requirements: requirements(rules, &judged, &file.values),
                judged,
                status,
                evidence,
            }
        })
        .collect()
}

/// The parts of both levels, one requirement per input they are keyed by.
fn requirements(rules: &RuleSet, judged: &[Vec<Judged>; 2], values: &Values) -> Vec<Requirement> {
    let mut out: Vec<Requirement> = Vec::new();
    for (li, parts) in judged.iter().enumerate() {
        for j in parts {
            let met = match j.outcome {
                Outcome::Met => Some(true),
                Outcome::NotMet => Some(false),
                Outcome::Unknown => None,
            };
            match j.part.test {
                Test::Ratio { count, total, percent } => {
                    let at = match out
                        .iter()
                        .position(|r| matches!(r, Requirement::Ratio { count: c, .. } if *c == count))
                    {
                        Some(at) => at,
                        None => {
                            out.push(Requirement::Ratio {
                                count,
                                total,
                                observed: (values.count(count), values.count(total)),
                                at_least: [None; 2],
                                met: [None; 2],
                                shortfall: [None; 2],
                            });
                            out.len() - 1
                        }
                    };
                    if let Requirement::Ratio { at_least, met: m, shortfall, .. } = &mut out[at] {
                        at_least[li] = Some(percent);
                        m[li] = met;
                        shortfall[li] = j.ratio.and_then(|r| r.shortfall);
                    }
                }
                Test::Fact { input } => {
                    let at =
                        match out.iter().position(|r| matches!(r, Requirement::Fact { input: i, .. } if *i == input)) {
                            Some(at) => at,
                            None => {
                                out.push(Requirement::Fact { input, answer: values.flag(input), asked: [false; 2] });
                                out.len() - 1
                            }
                        };
                    if let Requirement::Fact { asked, .. } = &mut out[at] {
                        asked[li] = true;
                    }
                }
                Test::AtLeast { input, rank } => {
                    let def = rules.input(input);
                    let at = match out
                        .iter()
                        .position(|r| matches!(r, Requirement::AtLeast { input: i, .. } if *i == input))
                    {
                        Some(at) => at,
                        None => {
                            let chosen = values.choice(input).and_then(|k| def.choice(k));
                            out.push(Requirement::AtLeast { input, chosen, needed: [None; 2], met: [None; 2] });
                            out.len() - 1
                        }
                    };
                    if let Requirement::AtLeast { needed, met: m, .. } = &mut out[at] {
                        needed[li] = def.choice_at_rank(rank);
                        m[li] = met;
                    }
                }
            }
        }
    }
    out
}

/// Everything missing for `level`, indicator by indicator, in table order.
fn gaps(indicators: &[IndicatorView], values: &Values, profile: Option<Profile>, level: Level) -> Vec<Gap> {
    let li = usize::from(level.number() - 1);
    let mut out = Vec::new();
    for ind in indicators {
        let parts = &ind.judged[li];
        match ind.status[li] {
            None | Some(Status::Pass | Status::NotApplicable) => {}
            Some(Status::MissingEvidence) => out.push(Gap::Evidence { id: ind.id }),
            Some(Status::MissingInput) => {
                let index_open = profile.is_some_and(|p| p.index_unanswered)
                    && ind.defs[li].is_some_and(|d| matches!(d.applies, crate::rules::Applies::Digital(_)));
                if index_open {
                    out.push(Gap::Answer { id: ind.id, field: "unit.digital_index" });
                }
                let mut inputs: Vec<Input> =
                    parts.iter().flat_map(|p| p.part.test.inputs()).filter(|i| values.get(*i).is_none()).collect();
                inputs.dedup();
                if !inputs.is_empty() || !index_open {
                    out.push(Gap::Enter { id: ind.id, inputs });
                }
            }
            Some(Status::Fail) => {
                for p in parts {
                    match p.part.test {
                        Test::Ratio { count, .. } => {
                            if let Some(more) = p.ratio.and_then(|r| r.shortfall).filter(|n| *n > 0) {
                                out.push(Gap::People { id: ind.id, input: count, more });
                            }
                        }
                        Test::Fact { input } | Test::AtLeast { input, .. } => {
                            if p.outcome == Outcome::NotMet {
                                out.push(Gap::NotMet { id: ind.id, input });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn progress(indicators: &[IndicatorView], values: &Values) -> Progress {
    let mut p = Progress::default();
    for ind in indicators.iter().filter(|i| i.applies_at_all()) {
        p.applicable += 1;
        if ind.inputs().iter().all(|i| values.get(*i).is_some()) {
            p.answered += 1;
        }
        if ind.evidence > 0 {
            p.evidenced += 1;
        }
    }
    p
}

/// The recipient and the decision-maker: the dossier's, else the rule set's for the scope
/// (the provincial department named after its province).
fn authority(rules: &RuleSet, file: &DossierFile, scope: Option<Scope>) -> (String, String) {
    let given = |f: fn(&crate::file::Submission) -> &Option<String>| {
        file.submission.as_ref().and_then(|s| f(s).clone()).filter(|t| !t.trim().is_empty())
    };
    let default = scope.and_then(|s| rules.authority(s));
    let province = file.unit.province.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let recipient = given(|s| &s.recipient).unwrap_or_else(|| match (default, province) {
        (Some(a), Some(p)) if a.scope == Scope::Tinh => format!("{} {p}", a.recipient),
        (Some(a), _) => a.recipient.to_string(),
        (None, _) => String::new(),
    });
    let decision_maker =
        given(|s| &s.decision_maker).unwrap_or_else(|| default.map_or(String::new(), |a| a.decision_maker.to_string()));
    (recipient, decision_maker)
}

/// The last day of a period ending "before" `md` of `year`.
fn last_day_before(year: i32, md: MonthDay) -> Option<Date> {
    Date::new(year, md.month, md.day)?.add_days(-1)
}

/// The dates of one assessed year, in date order.
fn events(rules: &'static RuleSet, file: &DossierFile, year: i32, scope: Scope, result: &Evaluation) -> Vec<Event> {
    let t = &rules.timing;
    let next = year.saturating_add(1);
    let procedure = rules.procedure(scope);
    let mut out = Vec::new();
    let mut push = |kind, date: Option<Date>, source: Option<Source>| {
        if let (Some(date), Some(source)) = (date, source) {
            out.push(Event { kind, date, source });
        }
    };
    let cite = |f: fn(&crate::rules::Procedure) -> Cite| procedure.map(|p| Source::Circular(f(p)));
    push(EventKind::Submit, last_day_before(next, t.submit_before), cite(|p| p.submit));
    push(EventKind::Decision, last_day_before(next, t.decision_before), cite(|p| p.decision));
    let calendar = file.unit.province.as_deref().and_then(|p| rules.calendar(p.trim()));
    if scope == Scope::Huyen {
        // The Circular's date, and the province's beside it, never instead (rules.md §4).
        push(
            EventKind::DistrictReport,
            last_day_before(next, t.district_report_before),
            Some(Source::Circular(rules.district_report)),
        );
        if let Some(c) = calendar.filter(|c| c.district_report_before != t.district_report_before) {
            push(EventKind::DistrictReport, last_day_before(next, c.district_report_before), Some(Source::Province(c)));
        }
    }
    if let Some(c) = calendar {
        push(
            EventKind::ProvinceReport,
            c.province_report_before.and_then(|md| last_day_before(next, md)),
            Some(Source::Province(c)),
        );
    }
    // The day an upgrade may be asked for, while one may still come (not once the recognition
    // has lapsed and must be renewed).
    if let Some(up) = result.upgrade.filter(|_| result.request.kind != evaluate::RequestKind::Renewal) {
        push(EventKind::UpgradeFrom, Some(up.eligible_from), cite(|p| p.upgrade));
    }
    if let Some(v) = result.validity {
        push(EventKind::ValidUntil, Some(v.valid_until), cite(|p| p.validity));
    }
    crate::order::sort_by_key(&mut out, |e| e.date);
    out
}
