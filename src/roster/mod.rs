//! The member list (Danh sách Thành viên): one row per member, with a yes or no for each count
//! of "members who …" of the rules table, and learners counted by class or group. When the
//! dossier says so, its counts come from the list ([`effective`]), so offices stop working
//! them out by hand, and a shortfall can name who is missing ([`Tally::not_counted`]).
//!
//! Which columns there are is the rules table's: a member column for every count whose total
//! is the member count, a group column for every count whose total is the learner count, and
//! a decision and a year for every [`crate::rules::Title`]. A new rule set brings its own.
//!
//! Names stay on the device: the file's writer leaves the list out unless asked
//! (`file::write_with`), and the published report never carries it.

pub mod import;
pub mod json;
pub mod table;

use serde_json::{Map, Value as Json};

use crate::file::{DossierFile, Value, Values};
use crate::rules::{Input, InputKind, RuleSet};

/// The counts of "members who …": every count whose total is the member count, in table order.
pub fn member_columns(rules: &RuleSet) -> Vec<Input> {
    counts_of(rules, Input::Members)
}

/// The counts of "learners who …", kept by class or group.
pub fn group_columns(rules: &RuleSet) -> Vec<Input> {
    counts_of(rules, Input::Learners)
}

fn counts_of(rules: &RuleSet, total: Input) -> Vec<Input> {
    rules
        .inputs
        .iter()
        .filter(|d| matches!(d.kind, InputKind::Count { total: Some(t) } if t == total))
        .map(|d| d.id)
        .collect()
}

const _: () = assert!(Input::COUNT <= 32, "Marks holds one bit per input");

/// Which of a member's counts hold: one bit per [`Input`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Marks(u32);

impl Marks {
    pub fn get(self, input: Input) -> bool {
        self.0 & (1 << input.index()) != 0
    }
    pub fn set(&mut self, input: Input, yes: bool) {
        if yes {
            self.0 |= 1 << input.index();
        } else {
            self.0 &= !(1 << input.index());
        }
    }
}

/// The year a title was awarded for: a calendar year, or a school year (by the year it ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    /// Năm học `end − 1`–`end`.
    SchoolYear {
        end: i32,
    },
}

impl Period {
    /// Whether a title for this period counts for assessed year `year` (rules.md §1: awarded
    /// for that year, or for the school year ending in it).
    pub fn counts_for(self, year: i32) -> bool {
        match self {
            Period::Year(y) => y == year,
            Period::SchoolYear { end } => end == year,
        }
    }

    /// "2025", "2024-2025", "năm học 2024 – 2025", "2024/2025", "2024-25".
    pub fn parse(text: &str) -> Option<Period> {
        let digits: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
        let rest_ok = text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-–—/.".contains(c) || crate::collate::is_letter(c));
        if !rest_ok {
            return None;
        }
        // Words allowed around the years: "năm", "năm học", "NH".
        let words: String =
            crate::collate::lower(&text.chars().filter(|c| crate::collate::is_letter(*c)).collect::<String>());
        if !["", "năm", "nămhọc", "nh", "nam", "namhoc"].contains(&words.as_str()) {
            return None;
        }
        let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
        match digits.as_slice() {
            [y] if y.len() == 4 => year(y).map(Period::Year),
            [a, b] if a.len() == 4 => {
                let start = year(a)?;
                let end = match b.len() {
                    4 => year(b)?,
                    2 => start / 100 * 100 + b.parse::<i32>().ok()?,
                    _ => return None,
                };
                (end == start + 1).then_some(Period::SchoolYear { end })
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::SchoolYear { end } => write!(f, "{}-{end}", end - 1),
        }
    }
}

/// A title's decision and the year it is for, as the list records them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Award {
    /// Số quyết định.
    pub decision: Option<String>,
    pub period: Option<Period>,
    pub extra: Map<String, Json>,
}

impl Award {
    pub fn is_empty(&self) -> bool {
        self.decision.is_none() && self.period.is_none() && self.extra.is_empty()
    }
}

/// One member of the unit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Member {
    pub name: String,
    /// Chức vụ, and the part of the unit (tổ, phòng, khoa), if given.
    pub position: Option<String>,
    pub section: Option<String>,
    pub yes: Marks,
    /// For the titles of the rule set: the decision and the year, when known.
    pub awards: Vec<(Input, Award)>,
    pub extra: Map<String, Json>,
}

impl Member {
    pub fn named(name: impl Into<String>) -> Member {
        Member { name: name.into(), ..Member::default() }
    }
    pub fn award(&self, input: Input) -> Option<&Award> {
        self.awards.iter().find(|(i, _)| *i == input).map(|(_, a)| a)
    }
    pub fn award_mut(&mut self, input: Input) -> &mut Award {
        let at = match self.awards.iter().position(|(i, _)| *i == input) {
            Some(at) => at,
            None => {
                self.awards.push((input, Award::default()));
                self.awards.len() - 1
            }
        };
        &mut self.awards[at].1
    }
}

/// Learners of one class or group: how many, and how many hold each count.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LearnerGroup {
    pub name: String,
    /// The learner total's and each learner count's value, by input.
    pub counts: Vec<(Input, u64)>,
    pub extra: Map<String, Json>,
}

impl LearnerGroup {
    pub fn count(&self, input: Input) -> Option<u64> {
        self.counts.iter().find(|(i, _)| *i == input).map(|(_, n)| *n)
    }
    pub fn set(&mut self, input: Input, n: Option<u64>) {
        self.counts.retain(|(i, _)| *i != input);
        if let Some(n) = n {
            self.counts.push((input, n));
        }
    }
}

/// The member list of a dossier.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Roster {
    /// The dossier's counts come from the list (the typed counts are kept, to go back to).
    pub counts_from_list: bool,
    /// The member columns the list records, in table order: a count the list does not record
    /// stays as typed.
    pub columns: Vec<Input>,
    pub members: Vec<Member>,
    pub groups: Vec<LearnerGroup>,
    pub extra: Map<String, Json>,
}

impl Roster {
    /// The counts the list gives a value for: the member total and its recorded columns when
    /// it has members; the learner total and its counts when it has groups.
    pub fn covered(&self, rules: &RuleSet) -> Vec<Input> {
        let mut out = Vec::new();
        if !self.members.is_empty() {
            out.push(Input::Members);
            out.extend(member_columns(rules).into_iter().filter(|i| self.columns.contains(i)));
        }
        if !self.groups.is_empty() {
            out.push(Input::Learners);
            out.extend(group_columns(rules));
        }
        crate::order::sort(&mut out);
        out
    }
    /// Records a member column (kept in table order).
    pub fn record(&mut self, input: Input) {
        if !self.columns.contains(&input) {
            self.columns.push(input);
            crate::order::sort(&mut self.columns);
        }
    }
}

/// What the list says for one assessed year.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Tally {
    /// A value for each covered input, nothing for the others.
    pub values: Values,
    pub covered: Vec<Input>,
    /// For each recorded member column, the members it does not count (indices in the list).
    pub not_counted: Vec<(Input, Vec<usize>)>,
    /// Titles marked but awarded for another year: not counted (member index, count, period).
    pub other_year: Vec<(usize, Input, Period)>,
}

impl Tally {
    /// The members `input` does not count, if the list records it.
    pub fn not_counted(&self, input: Input) -> Option<&[usize]> {
        self.not_counted.iter().find(|(i, _)| *i == input).map(|(_, m)| m.as_slice())
    }
}

/// The counts of a list for assessed year `year` (titles counted per rules.md §1; without a
/// year, every title marked counts). Sums saturate: nothing overflows, whatever the list.
pub fn tally(rules: &RuleSet, roster: &Roster, year: Option<i32>) -> Tally {
    let mut t = Tally { covered: roster.covered(rules), ..Tally::default() };
    if !roster.members.is_empty() {
        t.values.set(Input::Members, Some(Value::Count(roster.members.len() as u64)));
        for input in member_columns(rules).into_iter().filter(|i| roster.columns.contains(i)) {
            let titled = rules.title(input).is_some();
            let mut missing = Vec::new();
            let mut n = 0u64;
            for (at, m) in roster.members.iter().enumerate() {
                let period = if titled { m.award(input).and_then(|a| a.period) } else { None };
                let counts = m.yes.get(input)
                    && match (period, year) {
                        (Some(p), Some(y)) => p.counts_for(y),
                        _ => true,
                    };
                if counts {
                    n += 1;
                } else {
                    missing.push(at);
                    if let (true, Some(p)) = (m.yes.get(input), period) {
                        t.other_year.push((at, input, p));
                    }
                }
            }
            t.values.set(input, Some(Value::Count(n)));
            t.not_counted.push((input, missing));
        }
    }
    if !roster.groups.is_empty() {
        for input in std::iter::once(Input::Learners).chain(group_columns(rules)) {
            let n = roster.groups.iter().filter_map(|g| g.count(input)).fold(0u64, u64::saturating_add);
            t.values.set(input, Some(Value::Count(n)));
        }
    }
    crate::order::sort_by_key(&mut t.other_year, |(at, input, _)| (*input, *at));
    t
}

/// The assessed year of a dossier, if it is one the calendar holds.
fn year_of(file: &DossierFile) -> Option<i32> {
    file.year.and_then(|y| i32::try_from(y).ok())
}

/// The tally of a dossier's list, when its counts come from it.
pub fn dossier_tally(file: &DossierFile) -> Option<Tally> {
    let roster = file.roster.as_ref().filter(|r| r.counts_from_list)?;
    Some(tally(crate::rules::for_id(&file.ruleset), roster, year_of(file)))
}

/// The counts a dossier stands on: the list's where its counts come from the list, the typed
/// ones elsewhere.
pub fn counts(file: &DossierFile) -> Values {
    let mut values = file.values.clone();
    if let Some(t) = dossier_tally(file) {
        for input in &t.covered {
            values.set(*input, t.values.get(*input));
        }
    }
    values
}

/// The dossier with the counts it stands on, when they come from its list; `None` when they
/// are the typed ones (the dossier itself is then what is judged).
pub fn effective(file: &DossierFile) -> Option<DossierFile> {
    file.roster.as_ref().filter(|r| r.counts_from_list)?;
    let mut out = file.clone();
    out.values = counts(file);
    Some(out)
}

/// Takes the dossier's counts from its list (creating an empty list if it has none); the
/// typed counts stay, to go back to.
pub fn use_list(file: &mut DossierFile, yes: bool) {
    match (&mut file.roster, yes) {
        (Some(r), _) => r.counts_from_list = yes,
        (None, true) => file.roster = Some(Roster { counts_from_list: true, ..Roster::default() }),
        (None, false) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::current;

    #[test]
    fn columns_come_from_the_table() {
        let rules = current();
        let m = member_columns(rules);
        assert_eq!(m.len(), 7);
        assert_eq!(m[0], Input::MembersDiscipline);
        assert!(m.contains(&Input::MembersLearningCitizen));
        assert_eq!(group_columns(rules), [Input::LearnersLearningCitizen]);
        for t in rules.titles {
            assert!(m.contains(&t.input), "a title is a member count");
        }
    }

    #[test]
    fn periods() {
        let p = Period::parse;
        assert_eq!(p("2025"), Some(Period::Year(2025)));
        for s in ["2024-2025", "2024 – 2025", "năm học 2024-2025", "Năm học 2024/2025", "2024-25", "NH 2024-2025"]
        {
            assert_eq!(p(s), Some(Period::SchoolYear { end: 2025 }), "{s}");
        }
        for s in ["2024-2026", "25", "x2025", "15/01/2025", "", "2025 QĐ", "2025-2024"] {
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(Period::SchoolYear { end: 2025 }.to_string(), "2024-2025");
        assert!(Period::SchoolYear { end: 2025 }.counts_for(2025));
        assert!(!Period::SchoolYear { end: 2026 }.counts_for(2025), "2025-2026 ends in 2026");
        assert!(!Period::Year(2024).counts_for(2025));
    }

    #[test]
    fn marks_are_bits() {
        let mut m = Marks::default();
        m.set(Input::VocationalAccredited, true);
        m.set(Input::MembersDigital, true);
        assert!(m.get(Input::VocationalAccredited) && m.get(Input::MembersDigital));
        m.set(Input::MembersDigital, false);
        assert!(!m.get(Input::MembersDigital));
    }

    #[test]
    fn a_tally_by_hand() {
        let rules = current();
        let mut r = Roster::default();
        r.record(Input::MembersLearningCitizen);
        r.record(Input::MembersDiscipline);
        for (name, discipline, citizen, period) in [
            ("A", true, true, Some(Period::Year(2025))),
            ("B", true, true, Some(Period::SchoolYear { end: 2025 })),
            ("C", true, true, Some(Period::SchoolYear { end: 2026 })),
            ("D", false, true, None),
            ("E", true, false, Some(Period::Year(2025))),
        ] {
            let mut m = Member::named(name);
            m.yes.set(Input::MembersDiscipline, discipline);
            m.yes.set(Input::MembersLearningCitizen, citizen);
            m.award_mut(Input::MembersLearningCitizen).period = period;
            r.members.push(m);
        }
        let t = tally(rules, &r, Some(2025));
        assert_eq!(t.values.count(Input::Members), Some(5));
        assert_eq!(t.values.count(Input::MembersDiscipline), Some(4));
        // A, B (school year ending in 2025) and D (no year given); not C (2025-2026), not E.
        assert_eq!(t.values.count(Input::MembersLearningCitizen), Some(3));
        assert_eq!(t.not_counted(Input::MembersLearningCitizen), Some(&[2usize, 4][..]));
        assert_eq!(t.other_year, [(2, Input::MembersLearningCitizen, Period::SchoolYear { end: 2026 })]);
        assert_eq!(t.values.count(Input::MembersDigital), None, "not recorded: stays as typed");
        assert_eq!(t.values.count(Input::Learners), None);
        assert_eq!(t.covered, [Input::Members, Input::MembersDiscipline, Input::MembersLearningCitizen]);
        // In 2026 C counts and A, B do not.
        assert_eq!(tally(rules, &r, Some(2026)).values.count(Input::MembersLearningCitizen), Some(2));
    }

    #[test]
    fn learners_by_group() {
        let rules = current();
        let mut r = Roster::default();
        for (name, n, c) in [("10A1", 42, Some(40)), ("10A2", 40, None), ("11A1", u64::MAX, Some(1))] {
            let mut g = LearnerGroup { name: name.into(), ..LearnerGroup::default() };
            g.set(Input::Learners, Some(n));
            g.set(Input::LearnersLearningCitizen, c);
            r.groups.push(g);
        }
        let t = tally(rules, &r, Some(2025));
        assert_eq!(t.values.count(Input::Learners), Some(u64::MAX), "saturates, never overflows");
        assert_eq!(t.values.count(Input::LearnersLearningCitizen), Some(41));
        assert_eq!(t.values.count(Input::Members), None, "no members listed: typed");
    }

    #[test]
    fn typed_counts_stay_to_go_back_to() {
        let mut f = DossierFile { year: Some(2025), ..DossierFile::default() };
        f.values.set(Input::Members, Some(Value::Count(120)));
        assert_eq!(effective(&f), None);
        use_list(&mut f, true);
        f.roster.as_mut().unwrap().members.push(Member::named("A"));
        assert_eq!(counts(&f).count(Input::Members), Some(1));
        assert_eq!(f.values.count(Input::Members), Some(120));
        use_list(&mut f, false);
        assert_eq!(counts(&f).count(Input::Members), Some(120));
        assert_eq!(f.roster.as_ref().unwrap().members.len(), 1, "the list stays too");
    }
}
