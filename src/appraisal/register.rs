//! The read-model of a whole appraisal, computed once by [`build`] as `engine::assess` is for
//! one dossier: every received dossier checked by the same engine (the register of intake,
//! Điều 10.2a, 16.2a), the council and its checks (10.2b, 16.2b), the council's verdicts and
//! the level they meet (10.2c, 16.2c), what goes into the decision (10.2d–đ, 16.2d–đ), the
//! dates, and the counts, filters and sort keys the screen needs. Linear in the number of
//! dossiers. No words: `words::appraisal` says it all.

use std::collections::HashMap;

use super::recognitions::{unit_key, Recognition, Recognitions};
use super::{dossier_bytes, intake, AppraisalFile, Channel, Form, Outcome, Received, Role, Verdict};
use crate::collate::{self, Key};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Message, Rejection};
use crate::engine::assessment::Source;
use crate::engine::evaluate::{Evaluation, LevelResult, Request, RequestKind, Status};
use crate::engine::{assess, Env};
use crate::file::DossierFile;
use crate::rules::{Appraisal as Procedure, Cite, CouncilGroup, Level, RuleSet, Scope, UnitKind};
use crate::sha256::{hex, sha256};

/// One indicator of the level appraised: the unit's status, the council's verdict if it gave
/// one, and what stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictView {
    pub id: &'static str,
    pub unit: Status,
    pub verdict: Option<Verdict>,
    /// The council's verdict where it gave one, else the unit's status.
    pub council: Status,
    pub note: Option<String>,
}

/// What the council's verdicts make of a dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appraised {
    /// The level appraised: the one the dossier asks for.
    pub level: Level,
    /// The levels as the council judges them (the level appraised, and level 1 below it).
    pub levels: Vec<LevelResult>,
    /// The highest level the council's verdicts meet, at most the one appraised.
    pub council_level: u8,
    /// Each indicator of the level appraised, in table order.
    pub verdicts: Vec<VerdictView>,
}

impl Appraised {
    /// The indicators the council found không đạt, with its notes: a refusal's reasons.
    pub fn failed(&self) -> impl Iterator<Item = &VerdictView> {
        self.verdicts.iter().filter(|v| !matches!(v.council, Status::Pass | Status::NotApplicable))
    }
}

/// One dossier received, as the register shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Its place in the file's `dossiers`.
    pub index: usize,
    pub file: String,
    pub name: String,
    /// The name as searched, and as sorted.
    pub folded: String,
    pub sort: Key,
    pub kind: Option<&'static UnitKind>,
    pub kind_id: Option<String>,
    pub scope: Option<Scope>,
    pub received: Option<Date>,
    pub channel: Option<Channel>,
    /// Received by the last filing day (14/01 of the next year).
    pub on_time: Option<bool>,
    /// Valid and with a Tờ trình (something is asked for): the three documents.
    pub complete: bool,
    /// The embedded bytes no longer have the SHA-256 recorded at intake.
    pub changed: bool,
    /// The SHA-256 recorded at intake.
    pub sha256: Option<String>,
    /// The dossier's own errors (paths into the dossier): no evaluation while there are any.
    pub problems: Vec<Diagnostic>,
    pub evaluation: Option<Evaluation>,
    /// The unit's latest decision in the register of recognitions, if known.
    pub previous: Option<Recognition>,
    /// What the unit may ask for: with the register's decision where the register knows one.
    pub request: Option<Request>,
    /// What the dossier itself asks for.
    pub own_request: Option<Request>,
    /// Positions in `dossiers` of the entry this one replaces, and of the one replacing it.
    pub replaces: Option<usize>,
    pub replaced_by: Option<usize>,
    pub appraised: Option<Appraised>,
    pub outcome: Option<Outcome>,
    pub form: Option<Form>,
    /// The level the decision recognises: set only for a recognition the council's own
    /// verdicts support, of a valid dossier not replaced.
    pub recognised: Option<Level>,
    /// Intake's and the appraisal's messages (paths into the appraisal file).
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    /// The unit's self-assessed level (0 when invalid).
    pub fn level(&self) -> u8 {
        self.evaluation.as_ref().map_or(0, |e| e.level)
    }
    pub fn council_level(&self) -> Option<u8> {
        self.appraised.as_ref().map(|a| a.council_level)
    }
    pub fn valid(&self) -> bool {
        self.evaluation.is_some()
    }
    pub fn request_kind(&self) -> Option<RequestKind> {
        self.request.map(|r| r.kind)
    }
}

/// A file not taken in.
#[derive(Clone, Debug, PartialEq)]
pub struct RejectedView {
    pub index: usize,
    pub file: String,
    pub why: Option<Rejection>,
    pub diagnostic: Diagnostic,
}

/// The council as the text asks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilView {
    pub members: usize,
    /// Each member's group, given or read from the organisation's name.
    pub member_groups: Vec<Option<&'static CouncilGroup>>,
    /// Each group of the text, with how many members represent it.
    pub groups: Vec<(&'static CouncilGroup, usize)>,
    pub chairs: usize,
    pub secretaries: usize,
}

/// A date the body must keep, and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    /// `None`: no fixed day ("vào cuối năm học", Điều 18.3).
    pub date: Option<Date>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// The last day a dossier is on time (14/01), and the day the decision is due before (15/02).
    pub last_filing_day: Date,
    pub decision_before: Date,
    /// Days from today to `decision_before`: 1 on the last day, 0 or less once it has passed.
    pub days_left: i64,
    /// The year's report: the Circular's date, and the province's beside it.
    pub report: Vec<Due>,
}

/// The whole appraisal.
#[derive(Clone, Debug, PartialEq)]
pub struct Register {
    pub rules: &'static RuleSet,
    pub today: Date,
    pub year: Option<i32>,
    pub scope: Option<Scope>,
    pub procedure: Option<&'static Procedure>,
    pub entries: Vec<Entry>,
    pub rejected: Vec<RejectedView>,
    pub council: CouncilView,
    pub deadlines: Option<Deadlines>,
    /// The file's own messages: the body, the council, the dates.
    pub diagnostics: Vec<Diagnostic>,
}

fn form_of(kind: RequestKind) -> Option<Form> {
    match kind {
        RequestKind::First => Some(Form::First),
        RequestKind::Renewal => Some(Form::Renewal),
        RequestKind::Upgrade => Some(Form::Upgrade),
        RequestKind::None => None,
    }
}

/// The embedded dossier, read.
pub fn dossier_of(r: &Received) -> Result<DossierFile, Vec<Diagnostic>> {
    match &r.dossier {
        serde_json::Value::String(text) => crate::file::read(text.as_bytes()),
        v => crate::file::read_value(v.clone()),
    }
}

/// The group a member represents: the one the file gives, else the one its organisation's
/// name begins like.
pub fn member_group(p: &Procedure, group: Option<&str>, organisation: Option<&str>) -> Option<&'static CouncilGroup> {
    if let Some(key) = group {
        return p.council_groups.iter().find(|g| g.key == key);
    }
    let org = organisation?.trim().to_lowercase();
    p.council_groups.iter().find(|g| g.prefixes.iter().any(|pre| org.starts_with(pre)))
}

/// The register of an appraisal file, on `env.today`, with the register of recognitions of
/// earlier years if there is one.
pub fn build(file: &AppraisalFile, env: &Env, known: Option<&Recognitions>) -> Register {
    Prepared::default().build(file, env, known)
}

/// What the entries of [`build`] were computed with: a change of any of these prepares every
/// dossier afresh.
#[derive(Clone, Debug, PartialEq)]
struct Basis {
    ruleset: &'static str,
    year: Option<i32>,
    scope: Option<Scope>,
    today: Date,
    known: Option<Recognitions>,
}

/// What one entry was computed from, besides the dossier itself (which is never changed in
/// place: intake appends, and another file is prepared afresh).
#[derive(Clone, Debug)]
struct Stamp {
    file: Option<String>,
    received: Option<Date>,
    channel: Option<Channel>,
    sha256: Option<String>,
}

impl Stamp {
    fn of(d: &Received) -> Stamp {
        Stamp { file: d.file.clone(), received: d.received, channel: d.channel, sha256: d.sha256.clone() }
    }
    /// Compared without a copy: this runs over every dossier at each step of an intake.
    fn fits(&self, d: &Received) -> bool {
        self.received == d.received && self.channel == d.channel && self.sha256 == d.sha256 && self.file == d.file
    }
}

/// The costly part of the register, kept between builds: each received dossier read, checked
/// and evaluated by the engine (with the register of recognitions' decision), which the
/// council's work — verdicts, outcomes, the council, the decision — does not change. The screen
/// prepares dossiers a few at a time as they come in ([`Prepared::advance`], so a progress bar
/// moves and nothing blocks for long) and rebuilds the register after every change of the
/// council's work in a fraction of the time ([`Prepared::build`]). The register is the same as
/// a fresh [`build`]'s: an entry is prepared again when its date, channel, file name or
/// fingerprint changed, and all are when the year, scope, rule set, day or register of
/// recognitions did. A dossier's embedded text is never changed in place (intake appends;
/// another file starts a new `Prepared`).
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    basis: Option<Basis>,
    entries: Vec<Option<(Stamp, Entry)>>,
}

impl Prepared {
    /// Resets what another year, scope, rule set, day or register of recognitions makes stale.
    fn rebase(&mut self, file: &AppraisalFile, env: &Env, known: Option<&Recognitions>) -> &'static RuleSet {
        let rules = env.ruleset(&file.ruleset).unwrap_or_else(|| env.current());
        let (year, scope, today) = (file.assessed_year(), file.body.scope, env.today);
        // Compared before anything is cloned: this runs on every step of a long intake.
        let same = self.basis.as_ref().is_some_and(|b| {
            (b.ruleset, b.year, b.scope, b.today) == (rules.id, year, scope, today) && b.known.as_ref() == known
        });
        if !same {
            self.entries.clear();
            self.basis = Some(Basis { ruleset: rules.id, year, scope, today, known: known.cloned() });
        }
        self.entries.resize(file.dossiers.len(), None);
        rules
    }

    /// Prepares up to `budget` dossiers not prepared yet (or stale), in file order; returns how
    /// many are left.
    pub fn advance(&mut self, file: &AppraisalFile, env: &Env, known: Option<&Recognitions>, budget: usize) -> usize {
        let rules = self.rebase(file, env, known);
        let year = file.assessed_year();
        let procedure = file.body.scope.and_then(|s| rules.appraisal(s));
        let index = known.map(Recognitions::index);
        let mut left = 0;
        let mut done = 0;
        for (i, d) in file.dossiers.iter().enumerate() {
            if self.entries[i].as_ref().is_some_and(|(s, _)| s.fits(d)) {
                continue;
            }
            if done == budget {
                left += 1;
                continue;
            }
            let e = entry(rules, env, year, procedure, i, d, known.zip(index.as_ref()));
            self.entries[i] = Some((Stamp::of(d), e));
            done += 1;
        }
        left
    }

    /// How many dossiers are prepared, of how many (as of the last call).
    pub fn progress(&self) -> (usize, usize) {
        (self.entries.iter().filter(|e| e.is_some()).count(), self.entries.len())
    }

    /// The register, preparing first whatever is not prepared yet.
    pub fn build(&mut self, file: &AppraisalFile, env: &Env, known: Option<&Recognitions>) -> Register {
        self.advance(file, env, known, usize::MAX);
        let rules = self.rebase(file, env, known);
        let year = file.assessed_year();
        let scope = file.body.scope;
        let procedure = scope.and_then(|s| rules.appraisal(s));
        let mut diagnostics = Vec::new();
        match (file.year, year) {
            (None, _) => diagnostics.push(Diagnostic::error(rules, "year", Message::Required)),
            (Some(y), None) => diagnostics.push(Diagnostic::error(
                rules,
                "year",
                Message::YearOutOfRange { year: y, first: rules.timing.first_year, last: rules.timing.last_year },
            )),
            _ => {}
        }
        if scope.is_none() {
            diagnostics.push(Diagnostic::error(rules, "body.scope", Message::Required));
        }
        let mut entries: Vec<Entry> = self.entries.iter().flatten().map(|(_, e)| e.clone()).collect();
        // The council's part is read afresh: it is not what entries were prepared from.
        for e in &mut entries {
            e.outcome = file.dossiers[e.index].appraisal.outcome;
        }
        link_replacements(&mut entries, rules);
        for e in &mut entries {
            decide(rules, procedure, e, &file.dossiers[e.index]);
        }
        let rejected = file
            .rejected
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let why = intake::rejection_of(r, year, scope);
                let name = r.file.clone().unwrap_or_default();
                let message = match &why {
                    Some(w) => Message::Rejected { file: name.clone(), why: w.clone() },
                    None => Message::UnknownValue {
                        found: r.reason.clone().unwrap_or_default(),
                        allowed: intake::REASONS.to_vec(),
                    },
                };
                RejectedView {
                    index: i,
                    file: name,
                    why,
                    diagnostic: Diagnostic::warning(rules, format!("rejected[{i}]"), message),
                }
            })
            .collect();
        let council = council(file, procedure);
        if let Some(p) = procedure {
            council_checks(rules, p, &council, &mut diagnostics);
        }
        let deadlines = year.zip(scope).map(|(y, s)| deadlines(rules, file, env.today, y, s));
        if let (Some(d), Some(p)) = (&deadlines, scope.and_then(|s| rules.procedure(s))) {
            date_checks(rules, file, d, p.decision, &entries, &mut diagnostics);
        }
        Register { rules, today: env.today, year, scope, procedure, entries, rejected, council, deadlines, diagnostics }
    }
}

/// One received dossier, checked and evaluated; its verdicts and outcome come after
/// replacements are known ([`decide`]).
fn entry(
    rules: &'static RuleSet,
    env: &Env,
    year: Option<i32>,
    procedure: Option<&Procedure>,
    i: usize,
    d: &Received,
    known: Option<(&Recognitions, &super::recognitions::Index)>,
) -> Entry {
    let at = |field: &str| format!("dossiers[{i}].{field}");
    let mut diagnostics = Vec::new();
    let changed = match (dossier_bytes(d), &d.sha256) {
        (Some(bytes), Some(sha)) => !hex(&sha256(&bytes)).eq_ignore_ascii_case(sha.trim()),
        _ => true,
    };
    if changed {
        diagnostics.push(Diagnostic::warning(rules, at("sha256"), Message::ChangedSinceIntake));
    }
    let last_day = year.map(|y| rules.timing.last_filing_day(y));
    let on_time = d.received.zip(last_day).map(|(r, l)| r <= l);
    match (d.received, last_day) {
        (None, _) => diagnostics.push(Diagnostic::warning(rules, at("received"), Message::Required)),
        (Some(received), Some(last_day)) if received > last_day => diagnostics.push(Diagnostic::warning(
            rules,
            at("received"),
            Message::ReceivedLate { received, last_day, cite: procedure.map_or(Cite::khoan(0, 0), |p| p.channels) },
        )),
        _ => {}
    }
    let mut e = Entry {
        index: i,
        file: d.file.clone().unwrap_or_default(),
        name: String::new(),
        folded: String::new(),
        sort: Key::default(),
        kind: None,
        kind_id: None,
        scope: None,
        received: d.received,
        channel: d.channel,
        on_time,
        complete: false,
        changed,
        sha256: d.sha256.clone(),
        problems: Vec::new(),
        evaluation: None,
        previous: None,
        request: None,
        own_request: None,
        replaces: None,
        replaced_by: None,
        appraised: None,
        // The council's part: read by `Prepared::build`, not prepared.
        outcome: None,
        form: None,
        recognised: None,
        diagnostics,
    };
    let mut f = match dossier_of(d) {
        Ok(f) => f,
        Err(problems) => {
            e.problems = problems;
            return e;
        }
    };
    e.name = f.unit.name.clone().unwrap_or_default();
    e.folded = collate::fold(&e.name);
    e.sort = collate::key(&e.name);
    e.kind_id = f.unit.kind.clone();
    let a = assess(&f, env);
    e.kind = a.kind;
    e.scope = a.scope().or(f.unit.scope);
    e.own_request = a.evaluation.as_ref().map(|ev| ev.request);
    e.request = e.own_request;
    e.problems = a.problems;
    e.evaluation = a.evaluation;
    // The register's decision, where it knows one, stands for the dossier's own.
    if let (Some((reg, index)), Some(kind)) = (known, &e.kind_id) {
        if let Some(rec) = reg.latest(index, &e.name, kind) {
            let stated = f.previous_recognition.as_ref();
            let same = stated.is_some_and(|p| {
                p.level == rec.level
                    && p.decision_date == rec.decision_date
                    && p.decision_no.as_deref().map(str::trim) == rec.decision_no.as_deref().map(str::trim)
            });
            if !same {
                if let Some(level) = rec.level {
                    e.diagnostics.push(Diagnostic::warning(
                        rules,
                        at("dossier.previous_recognition"),
                        Message::PreviousDiffers {
                            level,
                            decision_no: rec.decision_no.clone().unwrap_or_default(),
                            decision_date: rec.decision_date,
                        },
                    ));
                }
                let reading = stated.and_then(|p| p.validity_from);
                f.previous_recognition =
                    Some(crate::file::PreviousRecognition { validity_from: reading, ..rec.as_previous() });
                if let Some(ev) = assess(&f, env).evaluation {
                    e.request = Some(ev.request);
                }
            }
            e.previous = Some(rec.clone());
        }
    }
    e.complete = e.request.is_some_and(|r| r.kind != RequestKind::None);
    if e.evaluation.is_some() && !e.complete {
        e.diagnostics.push(Diagnostic::warning(
            rules,
            at("dossier"),
            Message::NothingRequested { cite: rules.apply_when_met },
        ));
    }
    e
}

/// The same unit (name and kind) received more than once: each later one (by date received,
/// then order) replaces the one before it.
fn link_replacements(entries: &mut [Entry], rules: &'static RuleSet) {
    let mut groups: HashMap<(Key, String), Vec<usize>> = HashMap::new();
    for (pos, e) in entries.iter().enumerate() {
        if let (false, Some(kind)) = (e.name.trim().is_empty(), &e.kind_id) {
            groups.entry(unit_key(&e.name, kind)).or_default().push(pos);
        }
    }
    let mut pairs = Vec::new();
    for (_, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by_key(|&p| (entries[p].received, entries[p].index));
        pairs.extend(members.windows(2).map(|w| (w[0], w[1])));
    }
    pairs.sort_unstable();
    for (earlier, later) in pairs {
        let identical = !entries[earlier].changed
            && !entries[later].changed
            && sha_of(entries, earlier).is_some()
            && sha_of(entries, earlier) == sha_of(entries, later);
        let (ei, li) = (entries[earlier].index, entries[later].index);
        let (ef, lf) = (entries[earlier].file.clone(), entries[later].file.clone());
        entries[earlier].replaced_by = Some(li);
        entries[later].replaces = Some(ei);
        entries[later].diagnostics.push(Diagnostic::note(
            rules,
            format!("dossiers[{li}]"),
            Message::Replaces { file: ef, identical },
        ));
        entries[earlier].diagnostics.push(Diagnostic::note(
            rules,
            format!("dossiers[{ei}]"),
            Message::ReplacedBy { file: lf },
        ));
    }
}

fn sha_of(entries: &[Entry], pos: usize) -> Option<String> {
    entries[pos].sha256.as_deref().map(|s| s.trim().to_lowercase())
}

/// The council's verdicts on one dossier, the level they meet, and the outcome's checks.
fn decide(rules: &'static RuleSet, procedure: Option<&Procedure>, e: &mut Entry, d: &Received) {
    let i = e.index;
    let at = |field: &str| format!("dossiers[{i}].appraisal.{field}");
    let a = &d.appraisal;
    let computed = e.request.and_then(|r| form_of(r.kind));
    if let (Some(recorded), Some(computed)) = (a.kind, computed) {
        if recorded != computed {
            e.diagnostics.push(Diagnostic::warning(
                rules,
                at("kind"),
                Message::FormDiffers { recorded: recorded.key(), computed: computed.key() },
            ));
        }
    }
    e.form = a.kind.or(computed);
    let requested = e.request.filter(|r| r.kind != RequestKind::None).and_then(|r| Level::from_number(r.level));
    if let (Some(ev), Some(level)) = (&e.evaluation, requested) {
        let verdict = |id: &str| a.indicator(id).and_then(|v| v.verdict);
        let status = |v: Verdict| if v == Verdict::Pass { Status::Pass } else { Status::Fail };
        // The level appraised takes every verdict; level 1 below it keeps a không đạt (a
        // finding on the indicator's evidence or figures stands at both levels).
        let levels: Vec<LevelResult> = ev
            .levels
            .iter()
            .filter(|l| l.level <= level)
            .map(|l| {
                l.rejudged(|i| match (verdict(i.id), i.status) {
                    (_, Status::NotApplicable) | (None, _) => None,
                    (Some(v), _) if l.level == level => Some(status(v)),
                    (Some(Verdict::Fail), _) => Some(Status::Fail),
                    _ => None,
                })
            })
            .collect();
        let council_level = levels.iter().rev().find(|l| l.met).map_or(0, |l| l.level.number());
        let appraised_level = levels.iter().find(|l| l.level == level);
        let verdicts: Vec<VerdictView> = ev
            .level(level)
            .map(|unit| {
                unit.indicators()
                    .map(|u| {
                        let iv = a.indicator(u.id);
                        let council = appraised_level
                            .and_then(|l| l.indicators().find(|x| x.id == u.id))
                            .map_or(u.status, |x| x.status);
                        VerdictView {
                            id: u.id,
                            unit: u.status,
                            verdict: iv.and_then(|v| v.verdict),
                            council,
                            note: iv.and_then(|v| v.note.clone()).filter(|n| !n.trim().is_empty()),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        // A verdict on an indicator that is not appraised is kept but not counted.
        for (id, v) in &a.indicators {
            let applies = verdicts.iter().any(|x| x.id == id && x.unit != Status::NotApplicable);
            if v.verdict.is_some() && !applies {
                e.diagnostics.push(Diagnostic::warning(
                    rules,
                    format!("dossiers[{i}].appraisal.indicators.{id}.verdict"),
                    Message::VerdictNotAppraised { id: id.clone(), level: level.number() },
                ));
            }
        }
        e.appraised = Some(Appraised { level, levels, council_level, verdicts });
    }
    let conditions = e.scope.and_then(|s| rules.procedure(s)).map_or(0, |p| p.conditions);
    match a.outcome {
        None => {}
        Some(_) if e.replaced_by.is_some() => {
            e.diagnostics.push(Diagnostic::warning(rules, at("outcome"), Message::ReplacedNotDecided));
        }
        Some(Outcome::Recognise) => {
            let Some(appraised) = &e.appraised else {
                e.diagnostics.push(Diagnostic::error(rules, at("outcome"), Message::NothingToRecognise));
                return;
            };
            let level = a.level.unwrap_or(appraised.level);
            let field = if a.level.is_some() { at("level") } else { at("outcome") };
            if level > appraised.level {
                e.diagnostics.push(Diagnostic::error(
                    rules,
                    field,
                    Message::AboveRequest { level: level.number(), requested: appraised.level.number() },
                ));
            } else if e.form == Some(Form::Upgrade) && level != Level::Two {
                e.diagnostics.push(Diagnostic::error(
                    rules,
                    field,
                    Message::UpgradeToTwoOnly { cite: rules.definitions.upgrade },
                ));
            } else if appraised.council_level < level.number() {
                e.diagnostics.push(Diagnostic::error(
                    rules,
                    field,
                    Message::CannotRecognise {
                        level: level.number(),
                        met: appraised.council_level,
                        cite: Cite::khoan(conditions, level.number()),
                    },
                ));
            } else {
                e.recognised = Some(level);
            }
        }
        Some(Outcome::Refuse) => {
            let reasons = e.appraised.as_ref().is_some_and(|x| x.failed().next().is_some());
            let noted = a.note.as_deref().is_some_and(|n| !n.trim().is_empty());
            if !reasons && !noted && e.problems.is_empty() {
                e.diagnostics.push(Diagnostic::warning(
                    rules,
                    at("note"),
                    Message::RefusedWithoutReason { cite: procedure.map_or(Cite::khoan(0, 0), |p| p.refusal) },
                ));
            }
        }
    }
}

fn council(file: &AppraisalFile, procedure: Option<&'static Procedure>) -> CouncilView {
    let members = &file.council.members;
    let member_groups: Vec<Option<&'static CouncilGroup>> = members
        .iter()
        .map(|m| procedure.and_then(|p| member_group(p, m.group.as_deref(), m.organisation.as_deref())))
        .collect();
    let groups = procedure
        .map(|p| {
            p.council_groups
                .iter()
                .map(|g| (g, member_groups.iter().filter(|m| m.is_some_and(|x| x.key == g.key)).count()))
                .collect()
        })
        .unwrap_or_default();
    let count = |r: Role| members.iter().filter(|m| m.role == Some(r)).count();
    CouncilView {
        members: members.len(),
        member_groups,
        groups,
        chairs: count(Role::Chair),
        secretaries: count(Role::Secretary),
    }
}

/// Điều 10.2b, 16.2b: a chủ tịch, a thư ký, an odd number of at least 5, the three groups.
/// Warnings, not refusals: the body decides, the text is cited.
fn council_checks(rules: &'static RuleSet, p: &Procedure, c: &CouncilView, out: &mut Vec<Diagnostic>) {
    let cite = p.council;
    if c.members < p.council_min {
        out.push(Diagnostic::warning(
            rules,
            "council.members",
            Message::CouncilTooSmall { count: c.members, min: p.council_min, cite },
        ));
    }
    if p.council_odd && c.members.is_multiple_of(2) && c.members > 0 {
        out.push(Diagnostic::warning(rules, "council.members", Message::CouncilEven { count: c.members, cite }));
    }
    // One chủ tịch; at least one thư ký.
    for (role, count) in [("chair", c.chairs), ("secretary", c.secretaries)] {
        if count == 0 || (role == "chair" && count > 1) {
            out.push(Diagnostic::warning(rules, "council.members", Message::CouncilRole { role, count, cite }));
        }
    }
    for (g, n) in &c.groups {
        if *n == 0 {
            out.push(Diagnostic::warning(
                rules,
                "council.members",
                Message::CouncilGroupMissing { group: g.text, cite },
            ));
        }
    }
}

fn deadlines(rules: &'static RuleSet, file: &AppraisalFile, today: Date, year: i32, scope: Scope) -> Deadlines {
    let t = &rules.timing;
    let next = year.saturating_add(1);
    let decision_before = t.decision_before.in_year(next);
    let before = |md: crate::rules::MonthDay| md.in_year(next).add_days(-1);
    let mut report = Vec::new();
    if let Some(p) = rules.appraisal(scope) {
        report.push(Due { date: p.report_before.and_then(before), source: Source::Circular(p.report) });
    }
    if let Some(c) = file.body.province.as_deref().and_then(|p| rules.calendar(p.trim())) {
        let own = match scope {
            Scope::Huyen => Some(c.district_report_before),
            Scope::Tinh => c.province_report_before,
        };
        if let Some(md) = own {
            report.push(Due { date: before(md), source: Source::Province(c) });
        }
    }
    Deadlines {
        last_filing_day: t.last_filing_day(year),
        decision_before,
        days_left: today.days_until(decision_before),
        report,
    }
}

/// The council's and the decision's dates against the procedure's deadline (Điều 10.3, 16.3).
fn date_checks(
    rules: &'static RuleSet,
    file: &AppraisalFile,
    d: &Deadlines,
    cite: Cite,
    entries: &[Entry],
    out: &mut Vec<Diagnostic>,
) {
    let last = d.decision_before.add_days(-1).unwrap_or(d.decision_before);
    for (field, date) in [("council.date", file.council.date), ("decision.date", file.decision.date)] {
        if let Some(date) = date.filter(|x| *x > last) {
            out.push(Diagnostic::warning(
                rules,
                field,
                Message::AfterDeadline { date, deadline: d.decision_before, cite },
            ));
        }
    }
    if let (Some(date), Some(council)) = (file.council.date, file.council.decision_date) {
        if date < council {
            out.push(Diagnostic::warning(rules, "council.date", Message::BeforeCouncil { date, council }));
        }
    }
    // Once anything is decided, the council's decision, method and date belong in the papers.
    if entries.iter().any(|e| e.outcome.is_some()) {
        let c = &file.council;
        let missing = [
            ("council.decision_no", c.decision_no.as_deref().is_none_or(|s| s.trim().is_empty())),
            ("council.decision_date", c.decision_date.is_none()),
            ("council.method", c.method.is_none()),
            ("council.date", c.date.is_none()),
        ];
        for (field, absent) in missing {
            if absent {
                out.push(Diagnostic::warning(rules, field, Message::Required));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// What the screen asks of the register: counts, filters, sorting. Plain functions over the
// entries, each linear.

/// The counts shown above the register, over the entries given.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Counts {
    pub dossiers: usize,
    pub valid: usize,
    pub invalid: usize,
    pub on_time: usize,
    pub late: usize,
    pub complete: usize,
    pub changed: usize,
    pub replaced: usize,
    /// By the unit's own level: 0, 1, 2 (valid dossiers).
    pub by_level: [usize; 3],
    /// By what may be asked: first, renewal, upgrade, none.
    pub by_request: [usize; 4],
    /// By kind id, in the rules table's order: levels 0, 1, 2.
    pub by_kind: Vec<(&'static str, [usize; 3])>,
    /// Recognised (by level 1, 2), refused, undecided — entries not replaced.
    pub recognised: [usize; 2],
    pub refused: usize,
    pub undecided: usize,
}

pub fn request_slot(kind: RequestKind) -> usize {
    match kind {
        RequestKind::First => 0,
        RequestKind::Renewal => 1,
        RequestKind::Upgrade => 2,
        RequestKind::None => 3,
    }
}

/// Counts over the entries at `positions` (all of them: `0..entries.len()`).
pub fn counts(reg: &Register, positions: impl IntoIterator<Item = usize>) -> Counts {
    let mut c = Counts::default();
    let mut kinds: HashMap<&'static str, [usize; 3]> = HashMap::new();
    for e in positions.into_iter().filter_map(|p| reg.entries.get(p)) {
        c.dossiers += 1;
        match e.on_time {
            Some(true) => c.on_time += 1,
            Some(false) => c.late += 1,
            None => {}
        }
        c.complete += usize::from(e.complete);
        c.changed += usize::from(e.changed);
        c.replaced += usize::from(e.replaced_by.is_some());
        if let Some(ev) = &e.evaluation {
            c.valid += 1;
            let l = usize::from(ev.level.min(2));
            c.by_level[l] += 1;
            if let Some(k) = e.kind {
                kinds.entry(k.id).or_default()[l] += 1;
            }
        } else {
            c.invalid += 1;
        }
        if let Some(r) = e.request {
            c.by_request[request_slot(r.kind)] += 1;
        }
        if e.replaced_by.is_none() {
            match (e.outcome, e.recognised) {
                (Some(Outcome::Recognise), Some(l)) => c.recognised[usize::from(l.number() - 1)] += 1,
                (Some(Outcome::Refuse), _) => c.refused += 1,
                _ => c.undecided += 1,
            }
        }
    }
    c.by_kind = reg.rules.kinds.iter().filter_map(|k| kinds.get(k.id).map(|n| (k.id, *n))).collect();
    c
}

/// What a dossier's state may be filtered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Valid,
    Invalid,
    Late,
    Incomplete,
    Changed,
    Replaced,
    Recognised,
    Refused,
    Undecided,
}

/// The keys a screen names states, sort keys and requests by (a control's value).
const STATES: [(State, &str); 9] = [
    (State::Valid, "valid"),
    (State::Invalid, "invalid"),
    (State::Late, "late"),
    (State::Incomplete, "incomplete"),
    (State::Changed, "changed"),
    (State::Replaced, "replaced"),
    (State::Recognised, "recognised"),
    (State::Refused, "refused"),
    (State::Undecided, "undecided"),
];

impl State {
    pub const ALL: [State; 9] = [
        State::Valid,
        State::Invalid,
        State::Late,
        State::Incomplete,
        State::Changed,
        State::Replaced,
        State::Recognised,
        State::Refused,
        State::Undecided,
    ];
    pub fn key(self) -> &'static str {
        STATES.iter().find(|(s, _)| *s == self).map_or("", |(_, k)| k)
    }
    pub fn from_key(key: &str) -> Option<State> {
        STATES.iter().find(|(_, k)| *k == key).map(|(s, _)| *s)
    }
}

/// "first", "renewal", "upgrade", "none": a request's kind as the result JSON names it.
pub fn request_key(kind: RequestKind) -> &'static str {
    ["first", "renewal", "upgrade", "none"][request_slot(kind)]
}

pub fn request_from_key(key: &str) -> Option<RequestKind> {
    [RequestKind::First, RequestKind::Renewal, RequestKind::Upgrade, RequestKind::None]
        .into_iter()
        .find(|k| request_key(*k) == key)
}

/// A filter of the register; every criterion given must hold.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filter {
    /// Words of the unit's name or file name, matched without case or marks.
    pub text: Option<String>,
    pub kind: Option<String>,
    /// The unit's own level.
    pub level: Option<u8>,
    pub request: Option<RequestKind>,
    pub state: Option<State>,
}

impl Filter {
    pub fn matches(&self, e: &Entry) -> bool {
        let text = self.text.as_deref().map(collate::fold).filter(|t| !t.is_empty());
        text.is_none_or(|t| e.folded.contains(&t) || collate::fold(&e.file).contains(&t))
            && self.kind.as_deref().is_none_or(|k| e.kind_id.as_deref() == Some(k))
            && self.level.is_none_or(|l| e.valid() && e.level() == l)
            && self.request.is_none_or(|r| e.request_kind() == Some(r))
            && self.state.is_none_or(|s| match s {
                State::Valid => e.valid(),
                State::Invalid => !e.valid(),
                State::Late => e.on_time == Some(false),
                State::Incomplete => !e.complete,
                State::Changed => e.changed,
                State::Replaced => e.replaced_by.is_some(),
                State::Recognised => e.recognised.is_some() && e.replaced_by.is_none(),
                State::Refused => e.outcome == Some(Outcome::Refuse) && e.replaced_by.is_none(),
                State::Undecided => e.outcome.is_none() && e.replaced_by.is_none(),
            })
    }
}

/// The positions of the entries a filter keeps, in file order.
pub fn filter(reg: &Register, f: &Filter) -> Vec<usize> {
    reg.entries.iter().enumerate().filter(|(_, e)| f.matches(e)).map(|(p, _)| p).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The unit's name in the Vietnamese alphabet.
    Name,
    File,
    /// The kind in the rules table's order.
    Kind,
    Received,
    Level,
    CouncilLevel,
    Request,
    Outcome,
}

const SORT_KEYS: [(SortKey, &str); 8] = [
    (SortKey::Name, "name"),
    (SortKey::File, "file"),
    (SortKey::Kind, "kind"),
    (SortKey::Received, "received"),
    (SortKey::Level, "level"),
    (SortKey::CouncilLevel, "council_level"),
    (SortKey::Request, "request"),
    (SortKey::Outcome, "outcome"),
];

impl SortKey {
    pub fn key(self) -> &'static str {
        SORT_KEYS.iter().find(|(s, _)| *s == self).map_or("", |(_, k)| k)
    }
    pub fn from_key(key: &str) -> Option<SortKey> {
        SORT_KEYS.iter().find(|(_, k)| *k == key).map(|(s, _)| *s)
    }
}

/// `positions` sorted by `key` (then by name, then by order received); stable.
pub fn sort(reg: &Register, positions: &mut [usize], key: SortKey, descending: bool) {
    let kind_rank = |e: &Entry| e.kind.and_then(|k| reg.rules.kinds.iter().position(|x| x.id == k.id));
    let outcome_rank = |e: &Entry| match (e.outcome, e.recognised) {
        (Some(Outcome::Recognise), Some(l)) => l.number(),
        (Some(Outcome::Refuse), _) => 3,
        _ => 4,
    };
    positions.sort_by(|&a, &b| {
        let (x, y) = (&reg.entries[a], &reg.entries[b]);
        let primary = match key {
            SortKey::Name => std::cmp::Ordering::Equal,
            SortKey::File => collate::key(&x.file).cmp(&collate::key(&y.file)),
            SortKey::Kind => kind_rank(x).cmp(&kind_rank(y)),
            SortKey::Received => x.received.cmp(&y.received),
            SortKey::Level => (x.valid(), x.level()).cmp(&(y.valid(), y.level())),
            SortKey::CouncilLevel => x.council_level().cmp(&y.council_level()),
            SortKey::Request => x.request_kind().map(request_slot).cmp(&y.request_kind().map(request_slot)),
            SortKey::Outcome => outcome_rank(x).cmp(&outcome_rank(y)),
        };
        let primary = if descending { primary.reverse() } else { primary };
        primary.then_with(|| x.sort.cmp(&y.sort)).then_with(|| x.index.cmp(&y.index))
    });
}

/// The entries the decision lists: recognised, not replaced, in the order of the annex (by
/// form, then level, then name).
pub fn decided(reg: &Register) -> Vec<&Entry> {
    let mut out: Vec<&Entry> =
        reg.entries.iter().filter(|e| e.recognised.is_some() && e.replaced_by.is_none()).collect();
    let form_rank = |f: Option<Form>| f.map_or(3, |f| Form::ALL.iter().position(|x| *x == f).unwrap_or(3));
    out.sort_by(|a, b| {
        (form_rank(a.form), a.recognised, &a.sort, a.index).cmp(&(form_rank(b.form), b.recognised, &b.sort, b.index))
    });
    out
}

/// The entries refused (not replaced), by name.
pub fn refused(reg: &Register) -> Vec<&Entry> {
    let mut out: Vec<&Entry> =
        reg.entries.iter().filter(|e| e.outcome == Some(Outcome::Refuse) && e.replaced_by.is_none()).collect();
    out.sort_by(|a, b| (&a.sort, a.index).cmp(&(&b.sort, b.index)));
    out
}

impl Register {
    /// What `dvht appraisal evaluate` prints: each dossier's unit level, the council's level
    /// and outcome, the checks of the council and of the dates, and every message (each a
    /// `{severity, field, code, message}` object, as `dvht evaluate` prints them).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{json, Value as Json};
        let diags = |d: &[Diagnostic]| serde_json::to_value(d).unwrap_or(Json::Null);
        let request = |r: Option<Request>| r.map(|r| json!(r));
        let c = counts(self, 0..self.entries.len());
        let dossiers: Vec<Json> = self
            .entries
            .iter()
            .map(|e| {
                json!({
                    "index": e.index,
                    "file": e.file,
                    "name": e.name,
                    "kind": e.kind_id,
                    "received": e.received.map(|d| d.to_string()),
                    "channel": e.channel.map(Channel::key),
                    "on_time": e.on_time,
                    "complete": e.complete,
                    "changed": e.changed,
                    "valid": e.valid(),
                    "level": e.evaluation.as_ref().map(|ev| ev.level),
                    "request": request(e.request),
                    "own_request": request(e.own_request),
                    "previous": e.previous.as_ref().map(|p| json!({
                        "level": p.level.map(Level::number),
                        "decision_no": p.decision_no,
                        "decision_date": p.decision_date.map(|d| d.to_string()),
                    })),
                    "council_level": e.council_level(),
                    "verdicts": e.appraised.as_ref().map(|a| a.verdicts.iter().filter(|v| v.verdict.is_some() || v.note.is_some()).map(|v| json!({
                        "id": v.id, "unit": v.unit, "council": v.council, "note": v.note,
                    })).collect::<Vec<_>>()),
                    "outcome": e.outcome.map(Outcome::key),
                    "form": e.form.map(Form::key),
                    "recognised": e.recognised.map(Level::number),
                    "replaces": e.replaces,
                    "replaced_by": e.replaced_by,
                    "problems": diags(&e.problems),
                    "messages": diags(&e.diagnostics),
                })
            })
            .collect();
        let deadlines = self.deadlines.as_ref().map(|d| {
            json!({
                "last_filing_day": d.last_filing_day.to_string(),
                "decision_before": d.decision_before.to_string(),
                "days_left": d.days_left,
                "report": d.report.iter().map(|r| json!({
                    "last_day": r.date.map(|x| x.to_string()),
                    "source": match r.source {
                        Source::Circular(cite) => format!("Thông tư {}, {}", self.rules.number, cite.long_vi()),
                        Source::Province(p) => p.source.to_string(),
                    },
                })).collect::<Vec<_>>(),
            })
        });
        json!({
            "ruleset": self.rules.id,
            "year": self.year,
            "scope": self.scope.map(Scope::key),
            "dossiers": dossiers,
            "rejected": self.rejected.iter().map(|r| json!({ "file": r.file, "problem": r.diagnostic })).collect::<Vec<_>>(),
            "council": {
                "members": self.council.members,
                "chairs": self.council.chairs,
                "secretaries": self.council.secretaries,
                "groups": self.council.groups.iter().map(|(g, n)| (g.key.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            },
            "deadlines": deadlines,
            "counts": {
                "dossiers": c.dossiers, "valid": c.valid, "invalid": c.invalid, "on_time": c.on_time, "late": c.late,
                "complete": c.complete, "changed": c.changed, "replaced": c.replaced,
                "by_level": { "0": c.by_level[0], "1": c.by_level[1], "2": c.by_level[2] },
                "by_request": { "first": c.by_request[0], "renewal": c.by_request[1], "upgrade": c.by_request[2], "none": c.by_request[3] },
                "recognised": { "1": c.recognised[0], "2": c.recognised[1] },
                "refused": c.refused,
                "undecided": c.undecided,
            },
            "diagnostics": diags(&self.diagnostics),
        })
    }
}
