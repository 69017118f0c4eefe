//! Every field of a dossier, defined once (ripgrep's flag table): its key in the file, its
//! label in Vietnamese and English, what kind of value it holds, and how to get and set it.
//! The JSON reader and writer, the form's one input handler, the value a control shows, the
//! labels in messages and the NFC normalisation all walk these tables; a new field is one row
//! here and one struct field. The `counts` and `facts` are the rule set's own table
//! (`rules::InputDef`); [`FieldPath`] names any field of either kind, with one parser and one
//! printer.

use std::fmt;

use super::{
    CriterionNotes, EvidenceItem, Final, PreviousRecognition, Report, Submission, TeamDecision, TeamMember, UnitFile,
};
use crate::date::Date;
use crate::rules::{DigitalIndex, Input, Level, RuleSet, Scope, Section, ValidityReading};

/// What a field holds, and so how it is read, written, typed into and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Several lines of text (a JSON list of strings).
    Lines,
    Date,
    YesNo,
    /// One of these keys (a JSON string).
    Choice(&'static [&'static str]),
    /// Mức độ 1 or 2 (a JSON number).
    Level,
    /// A whole number (a JSON number; a year).
    Number,
    /// A list or map of records with a table of their own (the report's team, its criteria,
    /// the decision that set up the team): read and written by their owner.
    Group,
}

/// A field's value, whatever its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(Option<String>),
    Lines(Vec<String>),
    Date(Option<Date>),
    Flag(Option<bool>),
    /// A choice's key, or a level's number as text.
    Key(Option<&'static str>),
    Number(Option<i64>),
    None,
}

/// One field of a record of type `T`.
pub struct Field<T: 'static> {
    pub key: &'static str,
    pub label: (&'static str, &'static str),
    pub kind: Kind,
    /// Written only when it holds a value: an addition to format version 1, so that files
    /// without it keep their bytes.
    pub sparse: bool,
    pub get: fn(&T) -> Value,
    pub set: fn(&mut T, Value),
}

impl<T> Field<T> {
    /// Applies `f` to the text this field holds, if it holds text.
    pub fn map_text(&self, record: &mut T, f: &dyn Fn(&str) -> String) {
        match (self.get)(record) {
            Value::Text(Some(t)) => (self.set)(record, Value::Text(Some(f(&t)))),
            Value::Lines(lines) => (self.set)(record, Value::Lines(lines.iter().map(|l| f(l)).collect())),
            _ => {}
        }
    }
}

/// Applies `f` to every text field of a record.
pub fn map_texts<T>(table: &[Field<T>], record: &mut T, f: &dyn Fn(&str) -> String) {
    for field in table {
        field.map_text(record, f);
    }
}

macro_rules! text {
    ($key:literal, $vi:literal, $en:literal, $f:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::Text,
            sparse: false,
            get: |r| Value::Text(r.$f.clone()),
            set: |r, v| {
                if let Value::Text(t) = v {
                    r.$f = t
                }
            },
        }
    };
}

macro_rules! date {
    ($key:literal, $vi:literal, $en:literal, $f:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::Date,
            sparse: false,
            get: |r| Value::Date(r.$f),
            set: |r, v| {
                if let Value::Date(d) = v {
                    r.$f = d
                }
            },
        }
    };
}

macro_rules! yes_no {
    ($key:literal, $vi:literal, $en:literal, $f:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::YesNo,
            sparse: false,
            get: |r| Value::Flag(r.$f),
            set: |r, v| {
                if let Value::Flag(b) = v {
                    r.$f = b
                }
            },
        }
    };
}

macro_rules! group {
    ($key:literal, $vi:literal, $en:literal) => {
        Field { key: $key, label: ($vi, $en), kind: Kind::Group, sparse: false, get: |_| Value::None, set: |_, _| {} }
    };
}

const SCOPES: [&str; 2] = ["huyen", "tinh"];
/// The digital-transformation indexes, and "none" (rules.md §1).
const INDEXES: [&str; 3] = ["4725", "4740", "none"];
const LEVELS: [&str; 2] = ["1", "2"];
const READINGS: [&str; 2] = ["decision_year", "assessed_year"];

/// A row that is written only when it holds a value.
const fn sparse<T>(f: Field<T>) -> Field<T> {
    Field { sparse: true, ..f }
}

pub static UNIT: [Field<UnitFile>; 11] = [
    text!("name", "Tên đơn vị", "Unit name", name),
    Field {
        key: "scope",
        label: ("Cấp đánh giá (huyện/tỉnh)", "Scope (district/province)"),
        kind: Kind::Choice(&SCOPES),
        sparse: false,
        get: |u| Value::Key(u.scope.map(Scope::key)),
        set: |u, v| {
            if let Value::Key(k) = v {
                u.scope = k.and_then(Scope::from_key)
            }
        },
    },
    text!("kind", "Loại đơn vị", "Kind of unit", kind),
    yes_no!("public", "Công lập", "Public", public),
    text!("province", "Tỉnh, thành phố", "Province", province),
    text!("district", "Huyện, xã", "District or commune", district),
    text!("head", "Thủ trưởng đơn vị", "Head of unit", head),
    text!("address", "Địa chỉ", "Address", address),
    yes_no!("vocational", "Là cơ sở giáo dục nghề nghiệp", "Vocational institution", vocational),
    Field {
        key: "digital_index",
        label: ("Bộ chỉ số chuyển đổi số", "Digital-transformation index"),
        kind: Kind::Choice(&INDEXES),
        sparse: false,
        get: |u| Value::Key(u.digital_index.map(|d| d.map_or("none", DigitalIndex::key))),
        set: |u, v| {
            if let Value::Key(k) = v {
                u.digital_index = k.map(DigitalIndex::from_key)
            }
        },
    },
    sparse(yes_no!(
        "learners",
        "Có Người học (học sinh, sinh viên, học viên)",
        "Has learners (pupils, students, trainees)",
        learners
    )),
];

pub static SUBMISSION: [Field<Submission>; 2] = [
    text!("recipient", "Cơ quan nhận hồ sơ", "Recipient", recipient),
    text!("decision_maker", "Người quyết định công nhận", "Decision maker", decision_maker),
];

pub static PREVIOUS: [Field<PreviousRecognition>; 5] = [
    Field {
        key: "level",
        label: ("Mức độ đã được công nhận", "Level recognised"),
        kind: Kind::Level,
        sparse: false,
        get: |p| Value::Key(p.level.map(|l| LEVELS[usize::from(l.number() - 1)])),
        set: |p, v| {
            if let Value::Key(k) = v {
                p.level = k.and_then(|k| k.parse().ok()).and_then(Level::from_number)
            }
        },
    },
    text!("decision_no", "Số quyết định công nhận", "Decision number", decision_no),
    date!("decision_date", "Ngày quyết định công nhận", "Decision date", decision_date),
    sparse(Field {
        key: "year",
        label: ("Năm đánh giá được công nhận", "Assessed year recognised"),
        kind: Kind::Number,
        sparse: false,
        get: |p| Value::Number(p.year),
        set: |p, v| {
            if let Value::Number(n) = v {
                p.year = n
            }
        },
    }),
    sparse(Field {
        key: "validity_from",
        label: ("Cách tính thời hạn công nhận", "How validity is counted"),
        kind: Kind::Choice(&READINGS),
        sparse: false,
        get: |p| Value::Key(p.validity_from.map(ValidityReading::key)),
        set: |p, v| {
            if let Value::Key(k) = v {
                p.validity_from = k.and_then(ValidityReading::from_key)
            }
        },
    }),
];

pub static EVIDENCE: [Field<EvidenceItem>; 6] = [
    text!("code", "Mã minh chứng", "Evidence code", code),
    text!("title", "Tên minh chứng", "Evidence title", title),
    text!("number", "Số, ký hiệu văn bản", "Document number", number),
    date!("date", "Ngày ban hành", "Date of issue", date),
    text!("issuer", "Nơi ban hành", "Issued by", issuer),
    text!("location", "Nơi lưu trữ", "Kept at", location),
];

pub static TEAM: [Field<TeamMember>; 3] = [
    text!("name", "Họ và tên", "Name", name),
    text!("position", "Chức vụ", "Position", position),
    text!("role", "Nhiệm vụ trong Tổ đánh giá", "Role in the team", role),
];

pub static CRITERION: [Field<CriterionNotes>; 3] = [
    text!("strengths", "Điểm mạnh", "Strengths", strengths),
    text!("weaknesses", "Điểm yếu", "Weaknesses", weaknesses),
    text!("plan", "Kế hoạch cải tiến chất lượng", "Improvement plan", plan),
];

pub static REPORT: [Field<Report>; 12] = [
    text!("parent", "Cơ quan, tổ chức chủ quản", "Parent body", parent),
    text!("request_no", "Số, ký hiệu Tờ trình", "Number of the request", request_no),
    text!("report_no", "Số, ký hiệu Báo cáo", "Number of the report", report_no),
    text!("place", "Địa danh", "Place", place),
    date!("date", "Ngày ban hành văn bản", "Date of the documents", date),
    text!("signer_title", "Chức vụ người ký", "Signer's position", signer_title),
    sparse(group!("team_decision", "Quyết định thành lập Tổ đánh giá", "Decision setting up the team")),
    group!("team", "Thành viên Tổ đánh giá", "Team member"),
    text!("method", "Cách thức tự đánh giá", "How the assessment was done", method),
    group!("criteria", "Nhận xét theo tiêu chí", "Notes by criterion"),
    text!("conclusion", "Kết luận của đơn vị", "The unit's conclusion", conclusion),
    Field {
        key: "recipients",
        label: ("Nơi nhận (mỗi dòng một nơi)", "Copies to (one per line)"),
        kind: Kind::Lines,
        sparse: false,
        get: |r| Value::Lines(r.recipients.clone()),
        set: |r, v| {
            if let Value::Lines(l) = v {
                r.recipients = l
            }
        },
    },
];

pub static TEAM_DECISION: [Field<TeamDecision>; 2] = [
    text!("number", "Số quyết định thành lập Tổ đánh giá", "Number of the decision setting up the team", number),
    date!("date", "Ngày quyết định thành lập Tổ đánh giá", "Date of the decision setting up the team", date),
];

pub static FINAL: [Field<Final>; 2] = [
    date!("date", "Ngày chốt hồ sơ", "Date finalised", date),
    text!("fingerprint", "Mã kiểm tra hồ sơ", "Fingerprint", fingerprint),
];

/// The top-level keys, in the order the file writes them, with the labels of whole sections.
pub static TOP: [(&str, (&str, &str)); 16] = [
    ("format", ("Định dạng tệp", "File format")),
    ("version", ("Phiên bản định dạng", "Format version")),
    ("ruleset", ("Bộ tiêu chí", "Rule set")),
    ("unit", ("Thông tin đơn vị", "Unit")),
    ("year", ("Năm đánh giá", "Assessed year")),
    ("submission", ("Nơi nhận hồ sơ", "Submission")),
    ("previous_recognition", ("Lần công nhận trước", "Previous recognition")),
    ("request_level", ("Mức độ đề nghị công nhận", "Level requested")),
    ("counts", ("Số liệu", "Figures")),
    ("facts", ("Kết quả thực hiện", "Facts")),
    ("evidence", ("Minh chứng", "Evidence")),
    ("notes", ("Ghi chú", "Notes")),
    ("report", ("Văn bản hồ sơ", "Documents")),
    ("final", ("Hồ sơ đã chốt", "Finalised")),
    ("roster", ("Danh sách Thành viên", "Member list")),
    ("", ("Tệp", "The file")),
];

/// One of the fixed records of a dossier, each with its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Unit,
    Submission,
    Previous,
    Report,
    /// `report.team_decision`
    TeamDecision,
    Final,
}

impl Record {
    pub const ALL: [Record; 6] =
        [Record::Unit, Record::Submission, Record::Previous, Record::Report, Record::TeamDecision, Record::Final];
    /// Its path in the file.
    pub fn key(self) -> &'static str {
        match self {
            Record::Unit => "unit",
            Record::Submission => "submission",
            Record::Previous => "previous_recognition",
            Record::Report => "report",
            Record::TeamDecision => "report.team_decision",
            Record::Final => "final",
        }
    }
    /// Each row's key, label and kind.
    pub fn rows(self) -> Vec<(&'static str, (&'static str, &'static str), Kind)> {
        fn rows<T>(t: &'static [Field<T>]) -> Vec<(&'static str, (&'static str, &'static str), Kind)> {
            t.iter().map(|f| (f.key, f.label, f.kind)).collect()
        }
        match self {
            Record::Unit => rows(&UNIT),
            Record::Submission => rows(&SUBMISSION),
            Record::Previous => rows(&PREVIOUS),
            Record::Report => rows(&REPORT),
            Record::TeamDecision => rows(&TEAM_DECISION),
            Record::Final => rows(&FINAL),
        }
    }
    fn row(self, key: &str) -> Option<(&'static str, (&'static str, &'static str), Kind)> {
        self.rows().into_iter().find(|r| r.0 == key)
    }
}

/// A list inside the report whose items have a table of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Items {
    /// `evidence.<id>[i]`
    Evidence,
    /// `report.team[i]`
    Team,
    /// `report.criteria.<n>`
    Criterion,
}

impl Items {
    pub fn rows(self) -> Vec<(&'static str, (&'static str, &'static str), Kind)> {
        fn rows<T>(t: &'static [Field<T>]) -> Vec<(&'static str, (&'static str, &'static str), Kind)> {
            t.iter().map(|f| (f.key, f.label, f.kind)).collect()
        }
        match self {
            Items::Evidence => rows(&EVIDENCE),
            Items::Team => rows(&TEAM),
            Items::Criterion => rows(&CRITERION),
        }
    }
    fn row(self, key: &str) -> Option<(&'static str, (&'static str, &'static str), Kind)> {
        self.rows().into_iter().find(|r| r.0 == key)
    }
}

/// The path of any field of a dossier, as messages and the form's controls name it:
/// `unit.name`, `counts.members`, `evidence.2.1[0].title`, `report.team[1].role`,
/// `report.criteria.2.plan`. [`FieldPath::parse`] is the one parser, `Display` the one printer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldPath {
    /// The whole file (the empty path).
    File,
    /// A top-level key: `year`, `ruleset`, or a whole section such as `unit` or `counts`.
    Top(&'static str),
    /// A field of a fixed record: `unit.name`, `report.date`.
    Field(Record, &'static str),
    /// An answer of the rule set: `counts.members`, `facts.annual_plan`.
    Input(Section, &'static str),
    /// `evidence.<id>`, one of its items, or one field of an item.
    Evidence(String, Option<usize>, Option<&'static str>),
    /// `notes.<id>`
    Note(String),
    /// `report.team[i]` or one of its fields.
    Team(usize, Option<&'static str>),
    /// `report.criteria.<n>.<field>`
    Criterion(String, &'static str),
    /// Inside the member list: `roster.members[3].name` is `Roster("members[3].name")`.
    Roster(String),
}

/// `"2.1[0].title"` → `("2.1", 0, "title")`; `"2.1[0]"` → `("2.1", 0, "")`.
fn indexed(rest: &str) -> Option<(&str, usize, &str)> {
    let (name, rest) = rest.split_once('[')?;
    let (index, field) = rest.split_once(']')?;
    let field = match field {
        "" => "",
        f => f.strip_prefix('.')?,
    };
    Some((name, index.parse().ok()?, field))
}

impl FieldPath {
    /// The path as the file and the form write it, if it names a field this rule set has.
    pub fn parse(text: &str, rules: &RuleSet) -> Option<FieldPath> {
        if text.is_empty() {
            return Some(FieldPath::File);
        }
        let Some((head, rest)) = text.split_once('.') else {
            return TOP.iter().map(|(k, _)| *k).find(|k| *k == text).map(FieldPath::Top);
        };
        if let Some(record) = Record::ALL.into_iter().find(|r| r.key() == head) {
            if let Some(key) = rest.strip_prefix("team_decision.").filter(|_| record == Record::Report) {
                return Some(FieldPath::Field(Record::TeamDecision, Record::TeamDecision.row(key)?.0));
            }
            if record == Record::Report {
                if let Some((name, index, field)) = indexed(rest) {
                    if name != "team" {
                        return None;
                    }
                    let field = match field {
                        "" => None,
                        f => Some(Items::Team.row(f)?.0),
                    };
                    return Some(FieldPath::Team(index, field));
                }
                if let Some(c) = rest.strip_prefix("criteria.") {
                    let (n, field) = c.split_once('.')?;
                    return Some(FieldPath::Criterion(n.to_string(), Items::Criterion.row(field)?.0));
                }
            }
            return Some(FieldPath::Field(record, record.row(rest)?.0));
        }
        match head {
            "counts" | "facts" => {
                let section = if head == "counts" { Section::Counts } else { Section::Facts };
                let def = rules.input_by_key(section, rest)?;
                Some(FieldPath::Input(section, def.key))
            }
            "notes" => Some(FieldPath::Note(rest.to_string())),
            "roster" => Some(FieldPath::Roster(rest.to_string())),
            "evidence" => match indexed(rest) {
                Some((id, index, "")) => Some(FieldPath::Evidence(id.to_string(), Some(index), None)),
                Some((id, index, field)) => {
                    Some(FieldPath::Evidence(id.to_string(), Some(index), Some(Items::Evidence.row(field)?.0)))
                }
                None if rest.contains('[') => None,
                None => Some(FieldPath::Evidence(rest.to_string(), None, None)),
            },
            _ => None,
        }
    }

    /// The path of an input of the rule set.
    pub fn input(rules: &RuleSet, input: Input) -> FieldPath {
        let def = rules.input(input);
        FieldPath::Input(def.section, def.key)
    }

    /// The field's label, Vietnamese and English.
    pub fn label(&self, rules: &RuleSet) -> Option<(&'static str, &'static str)> {
        let top = |key: &str| TOP.iter().find(|(k, _)| *k == key).map(|(_, l)| *l);
        match self {
            FieldPath::File => top(""),
            FieldPath::Top(key) => top(key),
            FieldPath::Field(record, key) => record.row(key).map(|r| r.1),
            FieldPath::Input(section, key) => {
                let def = rules.inputs.iter().find(|i| i.section == *section && i.key == *key)?;
                // The rule set outlives any path; its labels are 'static.
                Some((def.label_vi, def.label_en))
            }
            FieldPath::Evidence(_, _, Some(field)) => Items::Evidence.row(field).map(|r| r.1),
            FieldPath::Evidence(..) => top("evidence"),
            FieldPath::Note(_) => top("notes"),
            FieldPath::Team(_, Some(field)) => Items::Team.row(field).map(|r| r.1),
            FieldPath::Team(_, None) => Record::Report.row("team").map(|r| r.1),
            FieldPath::Criterion(_, field) => Items::Criterion.row(field).map(|r| r.1),
            FieldPath::Roster(_) => top("roster"),
        }
    }

    /// What kind of value the field holds (`None` for whole sections and lists).
    pub fn kind(&self, rules: &RuleSet) -> Option<Kind> {
        match self {
            FieldPath::Top("year") => Some(Kind::Text),
            FieldPath::Field(record, key) => record.row(key).map(|r| r.2),
            FieldPath::Input(section, key) => {
                rules.inputs.iter().find(|i| i.section == *section && i.key == *key).map(|_| Kind::Text)
            }
            FieldPath::Evidence(_, _, Some(field)) => Items::Evidence.row(field).map(|r| r.2),
            FieldPath::Note(_) => Some(Kind::Text),
            FieldPath::Team(_, Some(field)) => Items::Team.row(field).map(|r| r.2),
            FieldPath::Criterion(_, field) => Items::Criterion.row(field).map(|r| r.2),
            _ => None,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FieldPath::File => Ok(()),
            FieldPath::Top(key) => f.write_str(key),
            FieldPath::Field(record, key) => write!(f, "{}.{key}", record.key()),
            FieldPath::Input(section, key) => write!(f, "{}.{key}", section.key()),
            FieldPath::Evidence(id, None, _) => write!(f, "evidence.{id}"),
            FieldPath::Evidence(id, Some(i), None) => write!(f, "evidence.{id}[{i}]"),
            FieldPath::Evidence(id, Some(i), Some(field)) => write!(f, "evidence.{id}[{i}].{field}"),
            FieldPath::Note(id) => write!(f, "notes.{id}"),
            FieldPath::Team(i, None) => write!(f, "report.team[{i}]"),
            FieldPath::Team(i, Some(field)) => write!(f, "report.team[{i}].{field}"),
            FieldPath::Criterion(n, field) => write!(f, "report.criteria.{n}.{field}"),
            FieldPath::Roster(rest) => write!(f, "roster.{rest}"),
        }
    }
}

impl From<FieldPath> for String {
    fn from(p: FieldPath) -> String {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_prints_as_it_parses() {
        let rules = crate::rules::current();
        for text in [
            "",
            "year",
            "unit",
            "unit.name",
            "unit.digital_index",
            "submission.recipient",
            "previous_recognition.decision_date",
            "counts.members",
            "facts.collective_title",
            "evidence.2.1",
            "evidence.2.1[3]",
            "evidence.2.1[3].title",
            "notes.2.4",
            "report.request_no",
            "report.team[2]",
            "report.team[2].role",
            "report.criteria.3.plan",
            "report.team_decision.number",
            "request_level",
            "previous_recognition.validity_from",
            "unit.learners",
            "final.fingerprint",
            "roster",
            "roster.members[3].yes[0]",
        ] {
            let path = FieldPath::parse(text, rules).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(path.to_string(), text);
        }
        for bad in ["unit.nope", "counts.nope", "evidence.2.1[x].title", "evidence.2.1[0].nope", "report.team[0].x"] {
            assert_eq!(FieldPath::parse(bad, rules), None, "{bad}");
        }
    }

    #[test]
    fn every_row_has_both_labels() {
        for record in Record::ALL {
            for (key, (vi, en), _) in record.rows() {
                assert!(!vi.is_empty() && !en.is_empty(), "{}.{key}", record.key());
            }
        }
        for items in [Items::Evidence, Items::Team, Items::Criterion] {
            for (key, (vi, en), _) in items.rows() {
                assert!(!vi.is_empty() && !en.is_empty(), "{key}");
            }
        }
    }
}
