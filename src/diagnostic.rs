//! What went wrong or deserves attention, as data: the severity, the field it concerns and
//! what it is. No words here: `words::messages` says each in Vietnamese or English.

use serde::Serialize;

use crate::date::Date;
use crate::rules::{Cite, Level, RuleSet, Scope, ValidityReading};

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
    NotJson {
        line: usize,
        column: usize,
    },
    NotADossier,
    UnsupportedVersion {
        found: String,
    },
    UnknownRuleset {
        found: String,
    },
    Required,
    WrongType {
        expected: Expected,
    },
    NotWholeNumber,
    /// More than any unit has: a typing slip (rules.md §5; `file::MAX_COUNT`).
    TooLarge {
        max: u64,
    },
    /// A total no unit of this kind is likely to reach: worth a second look.
    ImplausibleTotal {
        count: u64,
        above: u64,
    },
    CountExceedsTotal {
        count: u64,
        total: u64,
        total_field: String,
    },
    ZeroTotal,
    UnknownKind {
        found: String,
    },
    KindOfOtherScope {
        kind: &'static str,
        scope: Scope,
    },
    PublicRequired {
        kind: &'static str,
    },
    UnknownValue {
        found: String,
        allowed: Vec<&'static str>,
    },
    BadDate {
        found: String,
    },
    EvidenceNeedsCodeOrTitle,
    YearOutOfRange {
        year: i64,
        first: i32,
        last: i32,
    },
    // Warnings and notes.
    YearBeforeInForce {
        year: i32,
        in_force_from: &'static str,
    },
    FixedByKind {
        kind: &'static str,
        value: String,
    },
    NotApplicableData {
        kind: &'static str,
    },
    DigitalIndexNotUsed {
        scope: Scope,
    },
    UnknownIndicator {
        id: String,
        scope: Scope,
    },
    MissingEvidence {
        id: &'static str,
        article: u8,
    },
    /// Dated after the last filing day of the assessed year (rules.md §5).
    EvidenceAfterFiling {
        date: Date,
        last_day: Date,
    },
    /// Level 2 met but not level 1: `missing` are the level-1 indicators not met; `basis` the
    /// article level 2 is judged on (Điều 8.2, 14.2).
    LevelTwoWithoutLevelOne {
        missing: Vec<&'static str>,
        basis: Cite,
    },
    UpgradeNotYet {
        decided: Date,
        eligible_from: Date,
        year: i32,
        first_year: i32,
        cite: Cite,
    },
    RecognitionStillValid {
        level: Level,
        valid_until: Date,
        rerecognition_year: i32,
        reading: ValidityReading,
        cite: Cite,
    },
    /// The two readings of the validity put the re-recognition in different years, and the
    /// assessed year is the earlier one (rules.md §4).
    ReadingsDiffer {
        year: i32,
        other_year: i32,
        reading: ValidityReading,
    },
    /// At huyện level only general schools have a digital-transformation index (6.3.d, 7.3.d).
    IndexForGeneralSchoolsOnly {
        value: String,
        cites: Vec<Cite>,
    },
    /// `request_level` asks for a level that cannot be granted; it is ignored (rules.md §3a).
    RequestLevelIgnored {
        asked: u8,
        allowed: u8,
    },
    /// The documents are dated after the last filing day.
    ReportAfterFiling {
        date: Date,
        last_day: Date,
    },
    /// An upgrade's documents are dated before the unit may ask for it.
    ReportBeforeEligible {
        date: Date,
        eligible_from: Date,
    },
    DecisionAfterSubmission {
        decided: Date,
        year: i32,
    },
    PreviousIncomplete,
    DistrictAuthorityChanged,
    ChangedAfterFinal {
        date: Option<Date>,
    },
    Finalised,

    // The receiving side (appraisal.md): files, intake, the council, the appraisal.
    /// A file of another dvht format, or of none: `expected` is the format looked for.
    WrongFormat {
        expected: &'static str,
    },
    /// A received file not taken in, and why; `file` is its name.
    Rejected {
        file: String,
        why: Rejection,
    },
    /// A file left out of a summary (another year or scope than asked), and why.
    Skipped {
        file: String,
        why: Rejection,
    },
    /// Received after the last filing day (Điều 10.1c, 16.1c).
    ReceivedLate {
        received: Date,
        last_day: Date,
        cite: Cite,
    },
    /// No Tờ trình: the unit may ask for nothing this cycle, so the dossier is not complete.
    NothingRequested {
        cite: Cite,
    },
    /// The same unit (name and kind) received again: this entry replaces `file`.
    Replaces {
        file: String,
        identical: bool,
    },
    ReplacedBy {
        file: String,
    },
    /// The register of recognitions knows a decision the dossier does not state as it.
    PreviousDiffers {
        level: Level,
        decision_no: String,
        decision_date: Option<Date>,
    },
    /// The embedded dossier's bytes no longer have the SHA-256 recorded at intake.
    ChangedSinceIntake,
    CouncilTooSmall {
        count: usize,
        min: usize,
        cite: Cite,
    },
    CouncilEven {
        count: usize,
        cite: Cite,
    },
    /// No member of a group the text requires; `group` is the Circular's words.
    CouncilGroupMissing {
        group: &'static str,
        cite: Cite,
    },
    /// `role` is "chair" or "secretary"; `count` how many the council has.
    CouncilRole {
        role: &'static str,
        count: usize,
        cite: Cite,
    },
    /// A verdict on an indicator the dossier is not appraised on (another level, or one that
    /// does not apply): kept, not counted.
    VerdictNotAppraised {
        id: String,
        level: u8,
    },
    /// The council's own verdicts do not meet the level it would recognise.
    CannotRecognise {
        level: u8,
        met: u8,
        cite: Cite,
    },
    /// A level above the one the dossier asks for.
    AboveRequest {
        level: u8,
        requested: u8,
    },
    /// An upgrade is to level 2 (Điều 2.11).
    UpgradeToTwoOnly {
        cite: Cite,
    },
    /// Recognition of a dossier that asks for nothing or is not valid.
    NothingToRecognise,
    /// A refusal that names no indicator không đạt and no reason (Điều 10.2d, 16.2d).
    RefusedWithoutReason {
        cite: Cite,
    },
    /// `appraisal.kind` says another form than the dossier's request.
    FormDiffers {
        recorded: &'static str,
        computed: &'static str,
    },
    /// A decision on an entry a later one replaced: left out of the decision.
    ReplacedNotDecided,
    /// A date after the day the procedure must be complete by (Điều 10.3, 16.3).
    AfterDeadline {
        date: Date,
        deadline: Date,
        cite: Cite,
    },
    /// The council met before the decision that set it up.
    BeforeCouncil {
        date: Date,
        council: Date,
    },

    // The limits and strictness of the file (issue 10): a limit passed (`max` is its number);
    // a key given twice in one object (a warning: the later value is kept); a number beyond a
    // 64-bit float, kept as its text (a warning); from the JavaScript API, a number that is not
    // finite (NaN, Infinity), an object that contains itself, and a value JSON cannot hold (a
    // function, a symbol, a BigInt).
    OverLimit {
        limit: Limit,
        max: u64,
    },
    DuplicateKey {
        key: String,
    },
    NumberOutOfRange {
        found: String,
    },
    NotFinite {
        found: String,
    },
    Cyclic,
    NotJsonValue {
        found: String,
    },
}

/// Why a received file is not taken in (appraisal.md §2: listed, never dropped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    OtherYear {
        found: i64,
        expected: i32,
    },
    OtherScope {
        found: Scope,
        expected: Scope,
    },
    /// Empty, not JSON, or JSON that is not a dvht dossier.
    NotADossier,
    /// Neither a dossier (.json), a report carrying one (.html) nor an archive (.zip).
    UnknownType,
    /// A page that carries no dossier.
    NoCarriedDossier,
    Archive(crate::unzip::Error),
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
            Message::TooLarge { .. } => "too_large",
            Message::ImplausibleTotal { .. } => "implausible_total",
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
            Message::EvidenceAfterFiling { .. } => "evidence_after_filing",
            Message::LevelTwoWithoutLevelOne { .. } => "level_two_without_level_one",
            Message::ReadingsDiffer { .. } => "readings_differ",
            Message::IndexForGeneralSchoolsOnly { .. } => "index_for_general_schools_only",
            Message::RequestLevelIgnored { .. } => "request_level_ignored",
            Message::ReportAfterFiling { .. } => "report_after_filing",
            Message::ReportBeforeEligible { .. } => "report_before_eligible",
            Message::UpgradeNotYet { .. } => "upgrade_not_yet",
            Message::RecognitionStillValid { .. } => "recognition_still_valid",
            Message::DecisionAfterSubmission { .. } => "decision_after_submission",
            Message::PreviousIncomplete => "previous_incomplete",
            Message::DistrictAuthorityChanged => "district_authority_changed",
            Message::ChangedAfterFinal { .. } => "changed_after_final",
            Message::Finalised => "finalised",
            Message::WrongFormat { .. } => "wrong_format",
            Message::Rejected { .. } => "rejected",
            Message::Skipped { .. } => "skipped",
            Message::ReceivedLate { .. } => "received_late",
            Message::NothingRequested { .. } => "nothing_requested",
            Message::Replaces { .. } => "replaces",
            Message::ReplacedBy { .. } => "replaced_by",
            Message::PreviousDiffers { .. } => "previous_differs",
            Message::ChangedSinceIntake => "changed_since_intake",
            Message::CouncilTooSmall { .. } => "council_too_small",
            Message::CouncilEven { .. } => "council_even",
            Message::CouncilGroupMissing { .. } => "council_group_missing",
            Message::CouncilRole { .. } => "council_role",
            Message::VerdictNotAppraised { .. } => "verdict_not_appraised",
            Message::CannotRecognise { .. } => "cannot_recognise",
            Message::AboveRequest { .. } => "above_request",
            Message::UpgradeToTwoOnly { .. } => "upgrade_to_two_only",
            Message::NothingToRecognise => "nothing_to_recognise",
            Message::RefusedWithoutReason { .. } => "refused_without_reason",
            Message::FormDiffers { .. } => "form_differs",
            Message::ReplacedNotDecided => "replaced_not_decided",
            Message::AfterDeadline { .. } => "after_deadline",
            Message::BeforeCouncil { .. } => "before_council",
            Message::OverLimit { .. } => "over_limit",
            Message::DuplicateKey { .. } => "duplicate_key",
            Message::NumberOutOfRange { .. } => "number_out_of_range",
            Message::NotFinite { .. } => "not_finite",
            Message::Cyclic => "cyclic",
            Message::NotJsonValue { .. } => "not_json_value",
        }
    }
}
