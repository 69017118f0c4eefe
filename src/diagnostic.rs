//! What went wrong or deserves attention, as data: the severity, the field it concerns and
//! what it is. No words here: `words::messages` says each in Vietnamese or English.

use serde::Serialize;

use crate::date::Date;
use crate::rules::{Level, RuleSet, Scope};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dossier cannot be evaluated until this is fixed.
    Error,
    /// The result stands, but the unit should look at this.
    Warning,
    /// Information.
    Note,
}

/// What went wrong or deserves attention. `field` is a path into the dossier file
/// (`counts.members`, `evidence.1.2[0].date`, printed by `file::FieldPath`); an empty path is
/// the whole file. `rules` is the rule set the dossier was read with: the words of a message
/// (a field's label, a kind's name, an article) come from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub field: String,
    pub message: Message,
    pub rules: &'static RuleSet,
}

impl Diagnostic {
    pub fn error(rules: &'static RuleSet, field: impl Into<String>, message: Message) -> Diagnostic {
        Diagnostic { severity: Severity::Error, field: field.into(), message, rules }
    }
    pub fn warning(rules: &'static RuleSet, field: impl Into<String>, message: Message) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, field: field.into(), message, rules }
    }
    pub fn note(rules: &'static RuleSet, field: impl Into<String>, message: Message) -> Diagnostic {
        Diagnostic { severity: Severity::Note, field: field.into(), message, rules }
    }
    pub fn code(&self) -> &'static str {
        self.message.code()
    }
}

/// The type a field must have, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    YesNo,
    WholeNumber,
    Year,
}

/// A limit of the file format (`file::limits` has their numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// The size of a file, in bytes.
    FileBytes,
    /// How deep values nest.
    Depth,
    /// Values in one file.
    Values,
    /// Keys of one object.
    Keys,
    /// Characters of one text.
    TextChars,
    /// Evidence items in one dossier.
    EvidenceItems,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    EmptyFile,
    NotJson { line: usize, column: usize },
    NotADossier,
    UnsupportedVersion { found: String },
    UnknownRuleset { found: String },
    Required,
    WrongType { expected: Expected },
    NotWholeNumber,
    CountExceedsTotal { count: u64, total: u64, total_field: String },
    ZeroTotal,
    UnknownKind { found: String },
    KindOfOtherScope { kind: &'static str, scope: Scope },
    PublicRequired { kind: &'static str },
    UnknownValue { found: String, allowed: Vec<&'static str> },
    BadDate { found: String },
    EvidenceNeedsCodeOrTitle,
    YearOutOfRange { year: i64, first: i32, last: i32 },
    // Warnings and notes.
    YearBeforeInForce { year: i32, in_force_from: &'static str },
    FixedByKind { kind: &'static str, value: String },
    NotApplicableData { kind: &'static str },
    DigitalIndexNotUsed { scope: Scope },
    UnknownIndicator { id: String, scope: Scope },
    MissingEvidence { id: &'static str, article: u8 },
    EvidenceOutsideYear { date: Date, year: i32 },
    LevelTwoWithoutLevelOne,
    UpgradeNotYet { decided: Date, eligible_from: Date, year: i32 },
    RecognitionStillValid { level: Level, valid_until: Date, rerecognition_year: i32 },
    DecisionAfterSubmission { decided: Date, year: i32 },
    PreviousIncomplete,
    DistrictAuthorityChanged,
    ChangedAfterFinal { date: Option<Date> },
    Finalised,
    // The limits and strictness of the file (issue 10): a limit passed (`max` is its number);
    // a key given twice in one object (a warning: the later value is kept); a number beyond a
    // 64-bit float, kept as its text (a warning); from the JavaScript API, a number that is not
    // finite (NaN, Infinity), an object that contains itself, and a value JSON cannot hold (a
    // function, a symbol, a BigInt).
    OverLimit { limit: Limit, max: u64 },
    DuplicateKey { key: String },
    NumberOutOfRange { found: String },
    NotFinite { found: String },
    Cyclic,
    NotJsonValue { found: String },
}

impl Message {
    /// A stable identifier, for scripts and for tests.
    pub fn code(&self) -> &'static str {
        match self {
            Message::EmptyFile => "empty_file",
            Message::NotJson { .. } => "not_json",
            Message::NotADossier => "not_a_dossier",
            Message::UnsupportedVersion { .. } => "unsupported_version",
            Message::UnknownRuleset { .. } => "unknown_ruleset",
            Message::Required => "required",
            Message::WrongType { .. } => "wrong_type",
            Message::NotWholeNumber => "not_whole_number",
            Message::CountExceedsTotal { .. } => "count_exceeds_total",
            Message::ZeroTotal => "zero_total",
            Message::UnknownKind { .. } => "unknown_kind",
            Message::KindOfOtherScope { .. } => "kind_of_other_scope",
            Message::PublicRequired { .. } => "public_required",
            Message::UnknownValue { .. } => "unknown_value",
            Message::BadDate { .. } => "bad_date",
            Message::EvidenceNeedsCodeOrTitle => "evidence_needs_code_or_title",
            Message::YearOutOfRange { .. } => "year_out_of_range",
            Message::YearBeforeInForce { .. } => "year_before_in_force",
            Message::FixedByKind { .. } => "fixed_by_kind",
            Message::NotApplicableData { .. } => "not_applicable_data",
            Message::DigitalIndexNotUsed { .. } => "digital_index_not_used",
            Message::UnknownIndicator { .. } => "unknown_indicator",
            Message::MissingEvidence { .. } => "missing_evidence",
            Message::EvidenceOutsideYear { .. } => "evidence_outside_year",
            Message::LevelTwoWithoutLevelOne => "level_two_without_level_one",
            Message::UpgradeNotYet { .. } => "upgrade_not_yet",
            Message::RecognitionStillValid { .. } => "recognition_still_valid",
            Message::DecisionAfterSubmission { .. } => "decision_after_submission",
            Message::PreviousIncomplete => "previous_incomplete",
            Message::DistrictAuthorityChanged => "district_authority_changed",
            Message::ChangedAfterFinal { .. } => "changed_after_final",
            Message::Finalised => "finalised",
            Message::OverLimit { .. } => "over_limit",
            Message::DuplicateKey { .. } => "duplicate_key",
            Message::NumberOutOfRange { .. } => "number_out_of_range",
            Message::NotFinite { .. } => "not_finite",
            Message::Cyclic => "cyclic",
            Message::NotJsonValue { .. } => "not_json_value",
        }
    }
}
