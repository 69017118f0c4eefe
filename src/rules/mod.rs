//! The rules as data: unit kinds, the inputs a dossier holds, criteria and indicators.
//!
//! Everything that depends on the Circular's wording lives in one rule set (`tt24_2023.rs`),
//! read in order by the evaluator, the file reader and writer, the form and the printed
//! summary. Code elsewhere never names a threshold, an article or a unit kind.

use serde::Serialize;

/// An English text of the rules table or the app, kept only in builds with English (the `en`
/// feature; see `words::Lang::en`): evaluated at compile time, so the app's Vietnamese first
/// module carries none of them.
pub const fn en(text: &'static str) -> &'static str {
    if cfg!(feature = "en") {
        text
    } else {
        ""
    }
}

mod tt24_2023;

pub use tt24_2023::TT24_2023;

/// Every rule set this build knows, newest first: the registry a dossier's `ruleset` names its
/// rules from. An amendment of the Circular is one more file here and one more entry.
pub static RULESETS: [&RuleSet; 1] = [&TT24_2023];

/// The rule set with this id (`"TT24/2023"`).
pub fn ruleset(id: &str) -> Option<&'static RuleSet> {
    RULESETS.iter().copied().find(|r| r.id == id)
}

/// The rule set of a new dossier, and of a file that names none.
pub fn current() -> &'static RuleSet {
    RULESETS[0]
}

/// The rule set a dossier names, or the current one when it names none or an unknown one
/// (checking reports an unknown id; reading and writing still need a table of inputs).
pub fn for_id(id: &str) -> &'static RuleSet {
    ruleset(id).unwrap_or_else(current)
}

/// Đơn vị cấp huyện (Điều 2.3) or Đơn vị cấp tỉnh (Điều 2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Huyen,
    Tinh,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Huyen, Scope::Tinh];

    pub fn key(self) -> &'static str {
        match self {
            Scope::Huyen => "huyen",
            Scope::Tinh => "tinh",
        }
    }
    pub fn from_key(key: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.key() == key)
    }
    pub fn name_vi(self) -> &'static str {
        match self {
            Scope::Huyen => "cấp huyện",
            Scope::Tinh => "cấp tỉnh",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Scope::Huyen => "district level",
            Scope::Tinh => "provincial level",
        }
    }
}

/// Mức độ 1 or mức độ 2 (Điều 5.2, 11.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub enum Level {
    One,
    Two,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::One, Level::Two];
    pub fn number(self) -> u8 {
        match self {
            Level::One => 1,
            Level::Two => 2,
        }
    }
    pub fn from_number(n: u8) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.number() == n)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.number()
    }
}

/// Which digital-transformation index a school is measured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum DigitalIndex {
    /// QĐ 4725/QĐ-BGDĐT: general and continuing education.
    #[serde(rename = "4725")]
    Qd4725,
    /// QĐ 4740/QĐ-BGDĐT: higher education.
    #[serde(rename = "4740")]
    Qd4740,
}

impl DigitalIndex {
    pub const ALL: [DigitalIndex; 2] = [DigitalIndex::Qd4725, DigitalIndex::Qd4740];
    /// The decision that sets the index, and whom it measures.
    pub fn label_vi(self) -> &'static str {
        match self {
            DigitalIndex::Qd4725 => "QĐ 4725/QĐ-BGDĐT (phổ thông, thường xuyên)",
            DigitalIndex::Qd4740 => "QĐ 4740/QĐ-BGDĐT (đại học)",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            DigitalIndex::Qd4725 => "Decision 4725/QĐ-BGDĐT (schools)",
            DigitalIndex::Qd4740 => "Decision 4740/QĐ-BGDĐT (higher education)",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            DigitalIndex::Qd4725 => "4725",
            DigitalIndex::Qd4740 => "4740",
        }
    }
    pub fn from_key(key: &str) -> Option<DigitalIndex> {
        DigitalIndex::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// The two readings of "bảo lưu … 03 năm tiếp theo năm được công nhận" (Điều 5.4, 11.4;
/// rules.md §4): the year of the decision, or the assessed year it recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidityReading {
    DecisionYear,
    AssessedYear,
}

impl ValidityReading {
    pub const ALL: [ValidityReading; 2] = [ValidityReading::DecisionYear, ValidityReading::AssessedYear];
    pub fn key(self) -> &'static str {
        match self {
            ValidityReading::DecisionYear => "decision_year",
            ValidityReading::AssessedYear => "assessed_year",
        }
    }
    pub fn from_key(key: &str) -> Option<ValidityReading> {
        ValidityReading::ALL.into_iter().find(|r| r.key() == key)
    }
    pub fn other(self) -> ValidityReading {
        match self {
            ValidityReading::DecisionYear => ValidityReading::AssessedYear,
            ValidityReading::AssessedYear => ValidityReading::DecisionYear,
        }
    }
}

/// Whether a kind of unit is "cơ quan, đơn vị sự nghiệp công lập" (rules.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicRule {
    /// Fixed by the kind; a different value in a file is ignored with a warning.
    Fixed(bool),
    /// The kind's default, which a dossier may override (a Party or mass-organisation body
    /// whose running costs the state budget does not guarantee is not "của nhà nước").
    Overridable(bool),
    /// A school: the dossier must say công lập (true) or ngoài công lập (false).
    Choose,
}

impl PublicRule {
    /// The kind's own answer, if it has one.
    pub fn default(self) -> Option<bool> {
        match self {
            PublicRule::Fixed(v) | PublicRule::Overridable(v) => Some(v),
            PublicRule::Choose => None,
        }
    }
}

/// Which digital-transformation index applies to a kind (rules.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexRule {
    /// Fixed by the kind; a different value in a file is ignored with a warning.
    Fixed(Option<DigitalIndex>),
    /// The kind's default, which a dossier may override.
    Overridable(Option<DigitalIndex>),
    /// The dossier must say whether this index applies (`"none"` if not); unanswered, the
    /// indicators it governs are `missing_input`.
    Choose(DigitalIndex),
}

/// An attribute of a kind with its default, and whether a dossier may override it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Attribute<T> {
    pub default: T,
    pub overridable: bool,
}

/// One kind of unit (rules.md §1), with the attributes that decide which indicators apply.
/// Two kinds are the same when their ids are.
#[derive(Debug, Serialize)]
pub struct UnitKind {
    pub id: &'static str,
    pub scope: Scope,
    /// Where Điều 2 names it.
    pub article: &'static str,
    /// Short name for a list.
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// The Circular's own words for who this is.
    pub who: &'static str,
    pub public: PublicRule,
    /// Has "Người học" (Điều 2.8): the learner part of indicator 3.1 applies.
    pub learners: Attribute<bool>,
    /// A "cơ sở giáo dục nghề nghiệp": accreditation applies (3.5 huyện, 3.6 tỉnh).
    pub vocational: Attribute<bool>,
    pub digital_index: IndexRule,
    /// A "tổ chức kinh tế": indicator 2.4 does not apply.
    pub economic: bool,
    /// Nhà trẻ, trường mẫu giáo, trường mầm non: the preschool parts of 1.2 and 3.2.
    pub preschool: bool,
}

impl PartialEq for UnitKind {
    fn eq(&self, other: &UnitKind) -> bool {
        self.id == other.id
    }
}
impl Eq for UnitKind {}

/// The attributes of one unit, once its kind and the dossier's answers are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub public: bool,
    pub learners: bool,
    pub vocational: bool,
    pub digital_index: Option<DigitalIndex>,
    /// The kind asks which index applies and the dossier has not said yet.
    pub index_unanswered: bool,
    /// The index the kind asks about, if it asks.
    pub index_choice: Option<DigitalIndex>,
    pub economic: bool,
    pub preschool: bool,
}

impl Profile {
    /// Whether an unanswered choice of index could be this one.
    pub fn may_use(&self, index: DigitalIndex) -> bool {
        self.index_choice == Some(index)
    }
}

/// The inputs of a dossier, in the order of the file's `counts` then `facts`.
/// `INPUTS[i].id == Input::ALL[i]`, checked by a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    Members,
    MembersDiscipline,
    MembersTrainingCompleted,
    MembersDigital,
    MembersLanguageCertificate,
    MembersLanguageProficiency,
    MembersAdvancedWorker,
    MembersLearningCitizen,
    Learners,
    LearnersLearningCitizen,
    AnnualPlan,
    TrainingRegimeAndIncentives,
    SupportsPrivatePreschools,
    StateBudgetForTraining,
    DigitalTransformationEquipped,
    LifelongLearningActivities,
    KnowledgeSharing,
    CollectiveTitle,
    DigitalLevel,
    VocationalAccredited,
}

impl Input {
    pub const COUNT: usize = 20;
    pub const ALL: [Input; Input::COUNT] = [
        Input::Members,
        Input::MembersDiscipline,
        Input::MembersTrainingCompleted,
        Input::MembersDigital,
        Input::MembersLanguageCertificate,
        Input::MembersLanguageProficiency,
        Input::MembersAdvancedWorker,
        Input::MembersLearningCitizen,
        Input::Learners,
        Input::LearnersLearningCitizen,
        Input::AnnualPlan,
        Input::TrainingRegimeAndIncentives,
        Input::SupportsPrivatePreschools,
        Input::StateBudgetForTraining,
        Input::DigitalTransformationEquipped,
        Input::LifelongLearningActivities,
        Input::KnowledgeSharing,
        Input::CollectiveTitle,
        Input::DigitalLevel,
        Input::VocationalAccredited,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where an input sits in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Counts,
    Facts,
}

impl Section {
    pub fn key(self) -> &'static str {
        match self {
            Section::Counts => "counts",
            Section::Facts => "facts",
        }
    }
}

/// One answer of an ordered choice; a higher rank is a better result.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub key: &'static str,
    pub rank: u8,
    pub label_vi: &'static str,
    pub label_en: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InputKind {
    /// A whole number of people; never more than `total` when that is given.
    Count { total: Option<Input> },
    /// Yes or no; `unless` is a third answer that makes the part asking it not apply
    /// ("none_in_area": no private preschool in the area, rules.md §2).
    Flag { unless: Option<&'static Choice> },
    /// One of an ordered list of answers.
    Choice { choices: &'static [Choice] },
}

#[derive(Debug, Serialize)]
pub struct InputDef {
    pub id: Input,
    /// The key in the file's `counts` or `facts`.
    pub key: &'static str,
    pub section: Section,
    pub kind: InputKind,
    /// A short noun phrase for sentences: "cần thêm 4 {thành viên đạt “Công dân học tập”}".
    pub short_vi: &'static str,
    pub short_en: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub help_vi: &'static str,
    pub help_en: &'static str,
}

impl InputDef {
    pub fn choice(&self, key: &str) -> Option<&'static Choice> {
        match &self.kind {
            InputKind::Choice { choices } => choices.iter().find(|c| c.key == key),
            _ => None,
        }
    }
    pub fn choice_at_rank(&self, rank: u8) -> Option<&'static Choice> {
        match &self.kind {
            InputKind::Choice { choices } => choices.iter().find(|c| c.rank == rank),
            _ => None,
        }
    }
}

/// A title some members hold that others award, for a year or a school year (rules.md §1:
/// it counts for year Y when awarded for Y or for the school year ending in it). The member
/// list records, for each, the decision that awarded it and the year it is for.
#[derive(Debug, Serialize)]
pub struct Title {
    /// The count of members who hold it.
    pub input: Input,
    /// The title's own name: “Lao động tiên tiến”.
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Who awards it, for the help text of its columns.
    pub awarded_by_vi: &'static str,
    pub awarded_by_en: &'static str,
}

/// To whom an indicator, or a part of one, applies (rules.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    All,
    /// "đối với đơn vị là cơ quan, đơn vị sự nghiệp công lập"
    Public,
    /// "không bao gồm thành viên trong đơn vị là tổ chức kinh tế"
    NotEconomic,
    /// "Đối với đơn vị là Cơ sở giáo dục…": units that have Người học
    Learners,
    /// "nhà trẻ, trường mẫu giáo, trường mầm non công lập"
    PublicPreschool,
    Digital(DigitalIndex),
    /// "cơ sở giáo dục nghề nghiệp"
    Vocational,
}

impl Applies {
    pub fn holds(self, p: &Profile) -> bool {
        match self {
            Applies::All => true,
            Applies::Public => p.public,
            Applies::NotEconomic => !p.economic,
            Applies::Learners => p.learners,
            Applies::PublicPreschool => p.public && p.preschool,
            // Unanswered, the indicator is asked for (and judged missing_input).
            Applies::Digital(index) => p.digital_index == Some(index) || (p.index_unanswered && p.may_use(index)),
            Applies::Vocational => p.vocational,
        }
    }
}

/// What one part of an indicator asks of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Test {
    /// The answer is yes.
    Fact { input: Input },
    /// `count × 100 ≥ percent × total`, in integers ("tối thiểu X%").
    Ratio { count: Input, total: Input, percent: u32 },
    /// The chosen answer ranks at least `rank` ("từ … trở lên", "mức đáp ứng …").
    AtLeast { input: Input, rank: u8 },
}

impl Test {
    /// The inputs this test reads.
    pub fn inputs(&self) -> Vec<Input> {
        match *self {
            Test::Fact { input } | Test::AtLeast { input, .. } => vec![input],
            Test::Ratio { count, total, .. } => vec![count, total],
        }
    }
}

/// A requirement inside an indicator. Most indicators have one part; 1.2 and 3.2 (huyện) add
/// a part for public preschools, 3.1 a part for learners.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// `members` or `learners` for ratios: the key of the part in the result.
    pub key: &'static str,
    pub applies: Applies,
    pub test: Test,
}

/// A citation: điểm `diem` khoản `khoan` Điều `dieu`, possibly through a referring article
/// ("Nội dung tiêu chí theo quy định tại khoản 1 Điều 6").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Cite {
    pub dieu: u8,
    pub khoan: u8,
    pub diem: &'static str,
    /// The article that refers to this text: (Điều, khoản).
    pub via: Option<(u8, u8)>,
}

impl Cite {
    /// A whole khoản, without a điểm.
    pub const fn khoan(dieu: u8, khoan: u8) -> Cite {
        Cite { dieu, khoan, diem: "", via: None }
    }
    /// A điểm of a khoản.
    pub const fn diem(dieu: u8, khoan: u8, diem: &'static str) -> Cite {
        Cite { dieu, khoan, diem, via: None }
    }

    /// "điểm a khoản 2 Điều 6", the form of Nghị định 30/2020's citations.
    pub fn long_vi(&self) -> String {
        let own = if self.diem.is_empty() {
            format!("khoản {} Điều {}", self.khoan, self.dieu)
        } else {
            format!("điểm {} khoản {} Điều {}", self.diem, self.khoan, self.dieu)
        };
        match self.via {
            Some((dieu, khoan)) => format!("khoản {khoan} Điều {dieu} ({own})"),
            None => own,
        }
    }
    /// "2.11" or "6.2a", as English citations write it.
    pub fn dotted(&self) -> String {
        format!("{}.{}{}", self.dieu, self.khoan, self.diem)
    }
    /// "Art. 6.2a", or "Art. 12.1 (6.1a)" for a khoản that applies another article's điểm.
    pub fn short_en(&self) -> String {
        match self.via {
            Some((dieu, khoan)) => format!("Art. {dieu}.{khoan} ({})", self.dotted()),
            None => format!("Art. {}", self.dotted()),
        }
    }
    /// "Đ6.2.a", for narrow tables.
    pub fn short(&self) -> String {
        match self.via {
            Some((dieu, khoan)) => format!("Đ{dieu}.{khoan} (Đ{}.{}.{})", self.dieu, self.khoan, self.diem),
            None => format!("Đ{}.{}.{}", self.dieu, self.khoan, self.diem),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct CriterionDef {
    pub number: u8,
    pub title_vi: &'static str,
    pub title_en: &'static str,
}

/// One indicator (Chỉ tiêu) of one scope and level.
#[derive(Debug, Serialize)]
pub struct IndicatorDef {
    /// `T.C`: Tiêu chí T, Chỉ tiêu C of the article for this scope and level.
    pub id: &'static str,
    pub scope: Scope,
    pub level: Level,
    pub criterion: u8,
    pub cite: Cite,
    pub title_vi: &'static str,
    pub title_en: &'static str,
    /// The Circular's wording.
    pub text: &'static str,
    pub applies: Applies,
    pub parts: &'static [Part],
}

impl PartialEq for IndicatorDef {
    fn eq(&self, other: &IndicatorDef) -> bool {
        (self.scope, self.level, self.id) == (other.scope, other.level, other.id)
    }
}
impl Eq for IndicatorDef {}

impl IndicatorDef {
    /// Every input any part reads, in table order, without repeats.
    pub fn inputs(&self) -> Vec<Input> {
        let mut out: Vec<Input> = self.parts.iter().flat_map(|p| p.test.inputs()).collect();
        crate::order::sort(&mut out);
        out.dedup();
        out
    }
    /// The inputs the parts that apply to this unit read (empty if the indicator does not apply).
    pub fn inputs_for(&self, profile: &Profile) -> Vec<Input> {
        if !self.applies.holds(profile) {
            return Vec::new();
        }
        let mut out: Vec<Input> =
            self.parts.iter().filter(|p| p.applies.holds(profile)).flat_map(|p| p.test.inputs()).collect();
        crate::order::sort(&mut out);
        out.dedup();
        out
    }
}

/// A day of the year, for deadlines that recur every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

/// The time rules of a rule set (rules.md §4).
#[derive(Debug, Serialize)]
pub struct Timing {
    /// The dossier goes in before this day of the year after the assessed year (Điều 10.1c, 16.1c).
    pub submit_before: MonthDay,
    /// The decision is due before this day (Điều 10.3, 16.3).
    pub decision_before: MonthDay,
    /// Phòng GD&ĐT reports district results before this day (Điều 20.3).
    pub district_report_before: MonthDay,
    /// A level-1 unit may ask for level 2 this many months after its decision (Điều 5.3, 11.3).
    pub upgrade_after_months: u32,
    /// A recognition is kept for this many years after the year of the decision (Điều 5.4, 11.4).
    pub valid_years: i32,
    /// The first and last assessed years accepted.
    pub first_year: i32,
    pub last_year: i32,
    /// The first day the Circular was in force (Điều 22.1).
    pub in_force_from: &'static str,
}

impl MonthDay {
    /// This day in `year`; a day that does not exist falls back to the month's last day.
    pub fn in_year(self, year: i32) -> crate::date::Date {
        let day = self.day.min(crate::date::days_in_month(year, self.month)).max(1);
        crate::date::Date::new(year, self.month, day).unwrap_or(crate::date::Date::MIN)
    }
}

impl Timing {
    /// The last day a dossier of assessed year `year` can be filed: the day before
    /// `submit_before` of the next year (14/01).
    pub fn last_filing_day(&self, year: i32) -> crate::date::Date {
        let due = self.submit_before.in_year(year.saturating_add(1));
        due.add_days(-1).unwrap_or(due)
    }

    /// The first assessed year whose filing window (to 14/01 of the next year) includes `day`:
    /// a request that may be made from `day` is made with that year's results.
    pub fn first_cycle(&self, day: crate::date::Date) -> i32 {
        let y = day.year();
        if day <= self.last_filing_day(y.saturating_sub(1)) {
            y - 1
        } else {
            y
        }
    }
}

/// Where the Circular sets out the procedure for one scope: the citations the documents and
/// the calendar give. `tests/regulation.rs` checks each against the text.
#[derive(Debug, Serialize)]
pub struct Procedure {
    pub scope: Scope,
    /// The article of the conditions for each level (Điều 8, 14).
    pub conditions: u8,
    /// Thủ trưởng đơn vị thành lập Tổ đánh giá.
    pub team: Cite,
    /// Figures count from 01/01 to 31/12 of the assessed year.
    pub period: Cite,
    /// The dossier, its content, and the day it is due.
    pub submit: Cite,
    /// The day the decision is due.
    pub decision: Cite,
    /// Level 2 after 12 months at level 1.
    pub upgrade: Cite,
    /// Kept 3 years.
    pub validity: Cite,
}

/// Who receives and who decides, by scope, unless the dossier names others (rules.md §6).
#[derive(Debug, Serialize)]
pub struct Authority {
    pub scope: Scope,
    pub recipient: &'static str,
    pub decision_maker: &'static str,
    /// Where the Circular says so.
    pub cites: &'static [Cite],
}

/// A province's own reporting dates, from its plan (data, not code: rules.md §4).
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct ProvincialCalendar {
    pub province: &'static str,
    pub source: &'static str,
    /// Phòng GD&ĐT (or UBND cấp huyện) reports district results to Sở GD&ĐT before this day.
    pub district_report_before: MonthDay,
    /// Sở GD&ĐT reports to the Ministry (and the province) before this day, if the plan says.
    pub province_report_before: Option<MonthDay>,
}

/// Who probably receives and decides a district-level dossier now; `{commune}` is the unit's
/// commune (rules.md §6).
#[derive(Debug, Serialize)]
pub struct Successor {
    pub recipient: &'static str,
    pub decision_maker: &'static str,
    /// Why: the text that moved the duty.
    pub basis: &'static str,
    pub basis_en: &'static str,
}

/// A group the appraisal council must include (Điều 10.2b, 16.2b: "Thành phần Hội đồng gồm …").
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct CouncilGroup {
    pub key: &'static str,
    /// The Circular's words.
    pub text: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    /// How the name of a member's organisation begins when it is of this group (lower case):
    /// the group of a member whose file does not say it.
    pub prefixes: &'static [&'static str],
}

/// How the receiving body takes the dossiers in, has a council appraise them, prepares the
/// decision and reports the year (Điều 10.2–10.4 for huyện, 16.2–16.4 for tỉnh; Điều 20.3 and
/// 18.3 for the report). `tests/regulation.rs` checks each citation against the text.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Appraisal {
    pub scope: Scope,
    /// How a unit may send its dossier: "gửi trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính".
    pub channels: Cite,
    /// The body receives, reviews and checks the dossiers.
    pub intake: Cite,
    /// The head of the body sets up the council; its size and make-up.
    pub council: Cite,
    /// "Trưởng phòng Giáo dục và Đào tạo", who sets up the council and answers the units.
    pub council_head: &'static str,
    /// "Hội đồng đánh giá, công nhận “Đơn vị học tập” cấp huyện", and its short name.
    pub council_name: &'static str,
    pub council_short: &'static str,
    /// "số lẻ, tối thiểu là 05 người".
    pub council_min: usize,
    pub council_odd: bool,
    pub council_groups: &'static [CouncilGroup],
    /// The council meets, or collects written opinions, and appraises.
    pub meeting: Cite,
    /// Not met: a letter to the unit stating why.
    pub refusal: Cite,
    /// Met: the file put to the Chủ tịch UBND, and what it holds.
    pub submission: Cite,
    /// Renewal and upgrade follow the same steps.
    pub again: Cite,
    /// The year's report: to whom, and by when ("trước ngày 15 tháng 3 hằng năm"; `None`:
    /// "vào cuối năm học", no fixed day).
    pub report: Cite,
    pub report_to: &'static str,
    pub report_before: Option<MonthDay>,
}

/// The definitions the procedure rests on (Điều 2).
#[derive(Debug, Serialize)]
pub struct Definitions {
    /// "Công nhận lại": recognition again once the previous one has lapsed.
    pub rerecognition: Cite,
    /// "Nâng mức độ": from level 1 to level 2.
    pub upgrade: Cite,
}

/// One version of the rules: `TT24/2023`. Two are the same when their ids are.
#[derive(Debug, Serialize)]
pub struct RuleSet {
    pub id: &'static str,
    pub title: &'static str,
    /// "24/2023/TT-BGDĐT", and "24/2023" where a message names it briefly.
    pub number: &'static str,
    pub short_number: &'static str,
    /// Who issued it, when, and what it is about: the "Căn cứ" line of a document.
    pub issuer: &'static str,
    pub issued: &'static str,
    pub subject: &'static str,
    /// The article that lists the kinds of unit (Điều 2).
    pub kinds_article: u8,
    /// Where the text defines each scope's units (khoản 3, 4 Điều 2).
    pub scope_articles: &'static [(Scope, Cite)],
    /// Where the text defines công nhận lại and nâng mức độ (khoản 10, 11 Điều 2).
    pub definitions: Definitions,
    /// The day district-level governments ended (Luật Tổ chức chính quyền địa phương 2025):
    /// from that year on, who receives a district-level dossier is the user's to say.
    pub district_governments_end: Option<&'static str>,
    /// The likely new recipient and decision-maker of a district-level dossier since then,
    /// offered as a choice the user confirms, never as a default (rules.md §6).
    pub district_successor: Option<Successor>,
    pub kinds: &'static [UnitKind],
    pub inputs: &'static [InputDef],
    /// The titles among the member counts, awarded by others for a year or a school year.
    pub titles: &'static [Title],
    pub criteria: &'static [CriterionDef],
    /// Both scopes and both levels, in the order results are reported.
    pub indicators: &'static [IndicatorDef],
    /// The article whose indicators a level must meet: (scope, level, Điều).
    pub level_articles: &'static [(Scope, Level, u8)],
    /// The article that says how indicators are judged (Điều 9, 15), by scope.
    pub judging_articles: &'static [(Scope, u8)],
    pub timing: Timing,
    pub authorities: &'static [Authority],
    pub procedures: &'static [Procedure],
    /// Phòng GD&ĐT reports district results to Sở GD&ĐT (Điều 20.3).
    pub district_report: Cite,
    /// A unit applies only when its self-assessment meets the conditions (Điều 21.2).
    pub apply_when_met: Cite,
    /// A unit publishes its results (Điều 21.3).
    pub publish: Cite,
    pub calendars: &'static [ProvincialCalendar],
    /// The phrases of the text that limit an indicator to some units, by the applicability
    /// they express: the Bản tổng hợp cites them on rows that do not apply (rules.md §7).
    pub limits: &'static [(Applies, &'static str)],
    /// Who signs for a unit of each kind, when the dossier does not say (by kind id); others
    /// sign as `signer_default`.
    pub signers: &'static [(&'static str, &'static str)],
    pub signer_default: &'static str,
    /// How the receiving body takes the dossiers in, has them appraised and reports, by scope
    /// (Điều 10.2–10.4, 16.2–16.4, 18.3, 20.3).
    pub appraisals: &'static [Appraisal],
}

impl PartialEq for RuleSet {
    fn eq(&self, other: &RuleSet) -> bool {
        self.id == other.id
    }
}
impl Eq for RuleSet {}

impl RuleSet {
    /// The scope's definition in the text (khoản 3 Điều 2 for huyện).
    pub fn scope_article(&self, scope: Scope) -> Option<Cite> {
        self.scope_articles.iter().find(|(s, _)| *s == scope).map(|(_, c)| *c)
    }

    /// The title of whoever signs for a unit of this kind ("Hiệu trưởng").
    pub fn signer(&self, kind: &UnitKind) -> &'static str {
        self.signers.iter().find(|(k, _)| *k == kind.id).map_or(self.signer_default, |(_, s)| *s)
    }

    /// The phrase of an indicator's own text that limits it to some units, if it is limited.
    pub fn limit(&self, def: &IndicatorDef) -> Option<&'static str> {
        self.limits.iter().find(|(a, phrase)| *a == def.applies && def.text.contains(phrase)).map(|(_, p)| *p)
    }

    /// Whether any indicator of a scope is measured by this digital index (QĐ 4740 only by
    /// provincial universities).
    pub fn uses_index(&self, scope: Scope, index: DigitalIndex) -> bool {
        self.indicators.iter().any(|i| i.scope == scope && i.applies == Applies::Digital(index))
    }

    /// The year from which district-level dossiers name their recipient themselves.
    pub fn district_governments_end_year(&self) -> Option<i32> {
        self.district_governments_end.and_then(crate::date::Date::parse).map(crate::date::Date::year)
    }

    pub fn kind(&self, id: &str) -> Option<&'static UnitKind>
    where
        Self: 'static,
    {
        self.kinds.iter().find(|k| k.id == id)
    }

    pub fn kinds_for(&'static self, scope: Scope) -> impl Iterator<Item = &'static UnitKind> {
        self.kinds.iter().filter(move |k| k.scope == scope)
    }

    /// The title a member count counts, if it counts one.
    pub fn title(&self, input: Input) -> Option<&Title> {
        self.titles.iter().find(|t| t.input == input)
    }

    pub fn input(&self, id: Input) -> &InputDef {
        &self.inputs[id.index()]
    }

    /// The input a test asks about (the count of a ratio).
    pub fn input_of(&self, test: &Test) -> &InputDef {
        match *test {
            Test::Fact { input } | Test::AtLeast { input, .. } => self.input(input),
            Test::Ratio { count, .. } => self.input(count),
        }
    }

    pub fn input_by_key(&self, section: Section, key: &str) -> Option<&InputDef> {
        self.inputs.iter().find(|i| i.section == section && i.key == key)
    }

    /// The indicator `id` of one scope and level.
    pub fn indicator(&'static self, scope: Scope, level: Level, id: &str) -> Option<&'static IndicatorDef> {
        self.indicators_for(scope, level).find(|i| i.id == id)
    }

    /// Indicator `id` at each level that has it, level 1 first.
    pub fn indicator_levels(&'static self, scope: Scope, id: &str) -> Vec<(Level, &'static IndicatorDef)> {
        Level::ALL.into_iter().filter_map(|l| self.indicator(scope, l, id).map(|d| (l, d))).collect()
    }

    /// The indicators of one scope and level, in order.
    pub fn indicators_for(&'static self, scope: Scope, level: Level) -> impl Iterator<Item = &'static IndicatorDef> {
        self.indicators.iter().filter(move |i| i.scope == scope && i.level == level)
    }

    /// Indicator ids of a scope, each once, in order (evidence and notes are kept by id).
    pub fn indicator_ids(&'static self, scope: Scope) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        for level in Level::ALL {
            for ind in self.indicators_for(scope, level) {
                if !ids.contains(&ind.id) {
                    ids.push(ind.id);
                }
            }
        }
        ids
    }

    /// Indicator ids of either scope, each once, in order.
    pub fn all_indicator_ids(&'static self) -> Vec<&'static str> {
        let mut ids = self.indicator_ids(Scope::Huyen);
        for id in self.indicator_ids(Scope::Tinh) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    pub fn level_article(&self, scope: Scope, level: Level) -> u8 {
        self.level_articles.iter().find(|(s, l, _)| *s == scope && *l == level).map_or(0, |(_, _, dieu)| *dieu)
    }

    pub fn judging_article(&self, scope: Scope) -> u8 {
        self.judging_articles.iter().find(|(s, _)| *s == scope).map_or(0, |(_, d)| *d)
    }

    pub fn authority(&self, scope: Scope) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.scope == scope)
    }

    pub fn procedure(&self, scope: Scope) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.scope == scope)
    }

    /// "Điều 6, Điều 7": the articles of a scope's two levels.
    pub fn level_articles_text(&self, scope: Scope) -> String {
        Level::ALL.map(|l| format!("Điều {}", self.level_article(scope, l))).join(", ")
    }

    pub fn appraisal(&self, scope: Scope) -> Option<&Appraisal> {
        self.appraisals.iter().find(|a| a.scope == scope)
    }

    pub fn calendar(&self, province: &str) -> Option<&ProvincialCalendar> {
        self.calendars.iter().find(|c| c.province == province)
    }

    /// The profile of a unit of this kind, with the dossier's answers where the kind allows.
    /// `None` means "the kind's default" for every answer (dossier-format.md); for the index,
    /// `Some(None)` is the answer "none".
    pub fn profile(
        kind: &UnitKind,
        public: Option<bool>,
        learners: Option<bool>,
        vocational: Option<bool>,
        digital_index: Option<Option<DigitalIndex>>,
    ) -> Profile {
        let public = match kind.public {
            PublicRule::Fixed(value) => value,
            PublicRule::Overridable(default) => public.unwrap_or(default),
            // Unanswered, a school is judged as công lập until it says (check reports it).
            PublicRule::Choose => public.unwrap_or(true),
        };
        let attribute = |a: Attribute<bool>, given: Option<bool>| match given {
            Some(v) if a.overridable => v,
            _ => a.default,
        };
        let (digital_index, index_unanswered, index_choice) = match (kind.digital_index, digital_index) {
            (IndexRule::Fixed(d), _) => (d, false, None),
            (IndexRule::Overridable(_), Some(given)) => (given, false, None),
            (IndexRule::Overridable(d), None) => (d, false, None),
            (IndexRule::Choose(d), Some(None)) => (None, false, Some(d)),
            (IndexRule::Choose(d), Some(Some(given))) if given == d => (Some(d), false, Some(d)),
            // Another index is not an answer to the kind's question: still unanswered.
            (IndexRule::Choose(d), _) => (None, true, Some(d)),
        };
        Profile {
            public,
            learners: attribute(kind.learners, learners),
            vocational: attribute(kind.vocational, vocational),
            digital_index,
            index_unanswered,
            index_choice,
            economic: kind.economic,
            preschool: kind.preschool,
        }
    }
}
