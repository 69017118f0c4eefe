//! The receiving side (shared/spec/appraisal.md): a Phòng or Sở takes in the year's dossiers,
//! its council appraises them, and the decision and the reports come out.
//!
//! Plain data and pure functions, like the engine, with no words (`words::appraisal` says it
//! all) and no IO (files come in as bytes with their names):
//!
//! - the appraisal file, format `dvht-appraisal` version 1: [`AppraisalFile`], read and written
//!   by [`read`] and [`write`] (`json.rs`), its fields in one table (`fields.rs`);
//! - [`intake`]: received files (dossiers, reports carrying one, ZIP archives of either) into
//!   the file, each dossier embedded exactly as received with its SHA-256;
//! - [`edit`]: any field set from a control's text by its path, as the screen edits it;
//! - [`head`], [`payload`] and [`unsplit`]: the file stored on a device in two parts, so the
//!   council's every change rewrites only the small one;
//! - [`register`]: the read-model of a whole appraisal, every dossier checked by the engine,
//!   the council's verdicts and levels, the checks of the council and of the dates, with the
//!   counts, filters and sort keys the screen needs;
//! - [`summary`]: what `dvht summary` prints for many dossier files;
//! - [`recognitions`]: the register of recognitions kept from year to year (`dvht-register`);
//! - [`report`]: the year's report as data, and its export (`dvht-report`) that a Sở takes
//!   back in.

pub mod edit;
pub mod fields;
pub mod intake;
mod json;
pub mod recognitions;
pub mod register;
pub mod report;
pub mod summary;

pub use json::{dossier_bytes, embed, head, payload, read, restore, unsplit, write};
pub use register::{build as review, Register};

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::rules::{self, Level, Scope};

pub const FORMAT: &str = "dvht-appraisal";
/// The version this build writes.
pub const VERSION: u64 = 1;

/// An enum kept in a file by its key.
macro_rules! keyed {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const KEYS: &'static [&'static str] = &[$($key),+];
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

keyed!(
    /// How a dossier came in: "gửi trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính" (Điều 10.1c, 16.1c).
    Channel { Direct = "direct", Online = "online", Post = "post" }
);
keyed!(
    /// How the council appraised: "tổ chức cuộc họp … hoặc lấy ý kiến bằng văn bản" (Điều 10.2c, 16.2c).
    Method { Meeting = "meeting", Written = "written" }
);
keyed!(
    /// "chủ tịch, thư ký và các ủy viên" (Điều 10.2b, 16.2b).
    Role { Chair = "chair", Secretary = "secretary", Member = "member" }
);
keyed!(
    /// The council's verdict on one indicator: đạt or không đạt (Điều 9.2, 15.2).
    Verdict { Pass = "pass", Fail = "fail" }
);
keyed!(
    /// What the council concludes for a dossier (Điều 10.2d–đ, 16.2d–đ); absent: not yet.
    Outcome { Recognise = "recognise", Refuse = "refuse" }
);
keyed!(
    /// The form of a recognition: công nhận, công nhận lại (Điều 2.10), nâng mức độ (Điều 2.11).
    Form { First = "first", Renewal = "renewal", Upgrade = "upgrade" }
);

/// The body that receives the dossiers (a Phòng or Sở GD&ĐT, or whoever receives them now).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Body {
    pub name: Option<String>,
    /// The scope of the dossiers it receives.
    pub scope: Option<Scope>,
    pub province: Option<String>,
    pub head: Option<String>,
    pub decision_maker: Option<String>,
    /// Additions to version 1, written only when given: the cơ quan chủ quản above the body's
    /// name, the place documents are dated at, the signer's title.
    pub parent: Option<String>,
    pub place: Option<String>,
    pub signer_title: Option<String>,
    pub extra: Map<String, Json>,
}

/// A member of the Hội đồng.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Member {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub organisation: Option<String>,
    /// Which group of the text the member represents (a key of the rules table's
    /// `council_groups`); absent, it is read from the organisation's name. An addition to
    /// version 1, written only when given.
    pub group: Option<String>,
    pub extra: Map<String, Json>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Council {
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    pub method: Option<Method>,
    pub date: Option<Date>,
    pub members: Vec<Member>,
    pub extra: Map<String, Json>,
}

/// The council's verdict and note on one indicator.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IndicatorVerdict {
    /// Absent: the unit's own status stands.
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    pub extra: Map<String, Json>,
}

/// What the council made of one dossier, kept beside the unit's assessment, never in its place.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CouncilAppraisal {
    /// By indicator id of the level appraised, in file order (written in rules-table order).
    pub indicators: Vec<(String, IndicatorVerdict)>,
    pub outcome: Option<Outcome>,
    /// The level to recognise (absent: the level asked for).
    pub level: Option<Level>,
    /// The form (from the dossier's request).
    pub kind: Option<Form>,
    /// The council's conclusion in its own words (a reason for refusing, for example); an
    /// addition to version 1, written only when given.
    pub note: Option<String>,
    pub extra: Map<String, Json>,
}

impl CouncilAppraisal {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorVerdict> {
        self.indicators.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }
    /// Sets (or, with `None` and no note, removes) the council's verdict on an indicator.
    pub fn set(&mut self, id: &str, verdict: Option<Verdict>, note: Option<String>) {
        let note = note.filter(|n| !n.trim().is_empty());
        match self.indicators.iter().position(|(k, _)| k == id) {
            Some(at) if verdict.is_none() && note.is_none() && self.indicators[at].1.extra.is_empty() => {
                self.indicators.remove(at);
            }
            Some(at) => {
                self.indicators[at].1.verdict = verdict;
                self.indicators[at].1.note = note;
            }
            None if verdict.is_none() && note.is_none() => {}
            None => self.indicators.push((id.to_string(), IndicatorVerdict { verdict, note, extra: Map::new() })),
        }
    }
}

/// One dossier received, embedded exactly as it came.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Received {
    /// The name of the file it came in (an addition to version 1, written when known).
    pub file: Option<String>,
    pub received: Option<Date>,
    pub channel: Option<Channel>,
    /// SHA-256 of the dossier's bytes as received, in lower-case hex.
    pub sha256: Option<String>,
    /// The dossier: its JSON object when its bytes are dvht's canonical form of it (every file
    /// dvht writes), else the received text itself, so the bytes are always recoverable.
    pub dossier: Json,
    pub appraisal: CouncilAppraisal,
    pub extra: Map<String, Json>,
}

/// The decision of the Chủ tịch UBND, once taken.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decision {
    pub number: Option<String>,
    pub date: Option<Date>,
    pub extra: Map<String, Json>,
}

/// A received file not taken in, with the reason (listed, never dropped).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Rejected {
    pub file: Option<String>,
    pub received: Option<Date>,
    pub channel: Option<Channel>,
    pub sha256: Option<String>,
    /// The reason's code (`other_year`, `other_scope`, `not_a_dossier`, `unknown_type`,
    /// `no_carried_dossier`, `archive`), and what was found (the year, the scope, the archive's
    /// error).
    pub reason: Option<String>,
    pub found: Option<String>,
    pub extra: Map<String, Json>,
}

/// One body's work for one assessed year.
#[derive(Clone, Debug, PartialEq)]
pub struct AppraisalFile {
    pub ruleset: String,
    pub year: Option<i64>,
    pub body: Body,
    pub council: Council,
    pub dossiers: Vec<Received>,
    pub decision: Decision,
    /// Written only when there is one.
    pub rejected: Vec<Rejected>,
    pub extra: Map<String, Json>,
}

impl Default for AppraisalFile {
    fn default() -> Self {
        AppraisalFile {
            ruleset: rules::current().id.to_string(),
            year: None,
            body: Body::default(),
            council: Council::default(),
            dossiers: Vec::new(),
            decision: Decision::default(),
            rejected: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl AppraisalFile {
    /// A new appraisal for a body receiving dossiers of `scope` for assessed year `year`.
    pub fn new(year: i32, scope: Scope) -> AppraisalFile {
        AppraisalFile {
            year: Some(i64::from(year)),
            body: Body { scope: Some(scope), ..Body::default() },
            ..AppraisalFile::default()
        }
    }
    /// The assessed year, when it is one the rule set accepts.
    pub fn assessed_year(&self) -> Option<i32> {
        let t = &rules::for_id(&self.ruleset).timing;
        self.year.and_then(|y| i32::try_from(y).ok()).filter(|y| (t.first_year..=t.last_year).contains(y))
    }
}
