//! Intake (Điều 10.2a, 16.2a): what comes in — dossier files, published reports that carry a
//! dossier, ZIP archives of either — into the appraisal file. Each dossier is embedded exactly
//! as received, with the SHA-256 of its bytes; a file that is not a dossier of this year and
//! scope is listed in `rejected` with the reason, never dropped. One bad file never stops the
//! others, and the work is linear in the number of files.

use serde_json::Value as Json;

use super::{embed, AppraisalFile, Channel, CouncilAppraisal, Received, Rejected};
use crate::date::Date;
use crate::diagnostic::Rejection;
use crate::rules::{self, Scope};
use crate::sha256::{hex, sha256};
use crate::unzip;

/// A file as it came in: its name, its bytes, when and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub name: String,
    pub bytes: Vec<u8>,
    pub received: Option<Date>,
    pub channel: Option<Channel>,
}

/// What one file holds: a dossier's bytes, or the reason it holds none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Dossier { name: String, bytes: Vec<u8> },
    Rejected { name: String, sha256: String, why: Rejection },
}

/// Archives inside archives are opened this deep.
const MAX_DEPTH: u8 = 3;

fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default()
}

/// The dossiers a file holds: itself (`.json`), the one a report carries (`.html`), or those of
/// an archive (`.zip`, with its folders; an archive's own name prefixes its entries'). A file
/// without an extension is recognised by its first bytes.
pub fn expand(name: &str, bytes: &[u8]) -> Vec<Piece> {
    let mut out = Vec::new();
    expand_into(name, bytes, 0, &mut out);
    out
}

fn rejected(name: &str, bytes: &[u8], why: Rejection) -> Piece {
    Piece::Rejected { name: name.to_string(), sha256: hex(&sha256(bytes)), why }
}

fn expand_into(name: &str, bytes: &[u8], depth: u8, out: &mut Vec<Piece>) {
    let ext = extension(name);
    let text_start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace());
    if ext == "zip" || (ext.is_empty() && unzip::looks_like_zip(bytes)) {
        if depth >= MAX_DEPTH {
            out.push(rejected(name, bytes, Rejection::Archive(unzip::Error::TooLarge)));
            return;
        }
        match unzip::read(bytes) {
            Err(e) => out.push(rejected(name, bytes, Rejection::Archive(e))),
            Ok(entries) => {
                for e in entries {
                    // macOS adds resource forks under __MACOSX/: not files anyone sent.
                    if e.name.starts_with("__MACOSX/") {
                        continue;
                    }
                    let inner = format!("{name}/{}", e.name);
                    match e.data {
                        Ok(data) => expand_into(&inner, &data, depth + 1, out),
                        Err(err) => out.push(Piece::Rejected {
                            name: inner,
                            sha256: String::new(),
                            why: Rejection::Archive(err),
                        }),
                    }
                }
            }
        }
    } else if ext == "html" || ext == "htm" || (ext.is_empty() && text_start == Some(&b'<')) {
        let text = String::from_utf8_lossy(bytes);
        match crate::file::carried::carried_dossier(&text).and_then(|j| serde_json::from_str::<Json>(j).ok()) {
            // The carried dossier in dvht's canonical bytes: the file the unit exported.
            Some(v) => out.push(Piece::Dossier { name: name.to_string(), bytes: super::json::pretty(&v).into_bytes() }),
            None => out.push(rejected(name, bytes, Rejection::NoCarriedDossier)),
        }
    } else if ext == "json" || (ext.is_empty() && text_start == Some(&b'{')) {
        out.push(Piece::Dossier { name: name.to_string(), bytes: bytes.to_vec() })
    } else {
        out.push(rejected(name, bytes, Rejection::UnknownType));
    }
}

/// What a dossier says of its year and scope, read from the JSON as it is, before any check,
/// so that a dossier of another year or scope is told apart from an invalid one.
pub fn peek(value: &Json) -> Option<(Option<i64>, Option<Scope>)> {
    let obj = value.as_object()?;
    if obj.get("format").and_then(Json::as_str) != Some(crate::file::FORMAT) {
        return None;
    }
    let year = obj.get("year").and_then(Json::as_i64);
    let unit = obj.get("unit");
    let scope = unit.and_then(|u| u.get("scope")).and_then(Json::as_str).and_then(Scope::from_key).or_else(|| {
        let ruleset = obj.get("ruleset").and_then(Json::as_str).map_or_else(rules::current, rules::for_id);
        let kind = unit.and_then(|u| u.get("kind")).and_then(Json::as_str)?;
        ruleset.kind(kind).map(|k| k.scope)
    });
    Some((year, scope))
}

/// Whether a dossier of this year and scope belongs to a body receiving `year` and `scope`;
/// `None` answers anything.
pub fn mismatch(found: (Option<i64>, Option<Scope>), year: Option<i32>, scope: Option<Scope>) -> Option<Rejection> {
    match (found, year, scope) {
        ((Some(f), _), Some(y), _) if f != i64::from(y) => Some(Rejection::OtherYear { found: f, expected: y }),
        ((_, Some(f)), _, Some(s)) if f != s => Some(Rejection::OtherScope { found: f, expected: s }),
        _ => None,
    }
}

/// The reason codes of `rejected` entries.
pub const REASONS: [&str; 6] =
    ["other_year", "other_scope", "not_a_dossier", "unknown_type", "no_carried_dossier", "archive"];

/// A rejection as the file keeps it: a reason code and what was found.
pub fn rejection_code(why: &Rejection) -> (&'static str, Option<String>) {
    match why {
        Rejection::OtherYear { found, .. } => ("other_year", Some(found.to_string())),
        Rejection::OtherScope { found, .. } => ("other_scope", Some(found.key().to_string())),
        Rejection::NotADossier => ("not_a_dossier", None),
        Rejection::UnknownType => ("unknown_type", None),
        Rejection::NoCarriedDossier => ("no_carried_dossier", None),
        Rejection::Archive(e) => (
            "archive",
            Some(match e {
                unzip::Error::NotZip => "not_zip".into(),
                // One code for an archive that does not hold together, whatever part of it
                // does not (an entry named but absent is one of them).
                unzip::Error::Truncated | unzip::Error::Corrupt | unzip::Error::Missing(_) => "damaged".into(),
                unzip::Error::Encrypted => "encrypted".into(),
                unzip::Error::Method(m) => format!("method_{m}"),
                unzip::Error::TooLarge => "too_large".into(),
                unzip::Error::MultiDisk => "multi_disk".into(),
            }),
        ),
    }
}

/// The rejection a file's entry records, for its message (`None` for a code this build does
/// not know: the entry is kept as it is).
pub fn rejection_of(r: &Rejected, year: Option<i32>, scope: Option<Scope>) -> Option<Rejection> {
    let found = r.found.as_deref().unwrap_or("");
    Some(match r.reason.as_deref()? {
        "other_year" => Rejection::OtherYear { found: found.parse().ok()?, expected: year.unwrap_or(0) },
        "other_scope" => Rejection::OtherScope {
            found: Scope::from_key(found)?,
            expected: scope.unwrap_or(if found == "huyen" { Scope::Tinh } else { Scope::Huyen }),
        },
        "not_a_dossier" => Rejection::NotADossier,
        "unknown_type" => Rejection::UnknownType,
        "no_carried_dossier" => Rejection::NoCarriedDossier,
        "archive" => Rejection::Archive(match found {
            "not_zip" => unzip::Error::NotZip,
            "encrypted" => unzip::Error::Encrypted,
            "too_large" => unzip::Error::TooLarge,
            "multi_disk" => unzip::Error::MultiDisk,
            m if m.starts_with("method_") => unzip::Error::Method(m["method_".len()..].parse().ok()?),
            _ => unzip::Error::Corrupt,
        }),
        _ => return None,
    })
}

/// Where the files of one intake went: indices into `dossiers` and into `rejected`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Taken {
    pub dossiers: Vec<usize>,
    pub rejected: Vec<usize>,
}

/// Takes one incoming file (an archive: each of its files) into the appraisal. The council's
/// part starts empty: each indicator has the unit's own status, and the form of recognition
/// is what the dossier asks for (with the register's decision, see `register`), until the
/// council says otherwise.
pub fn receive(file: &mut AppraisalFile, incoming: &Incoming) -> Taken {
    let mut taken = Taken::default();
    for piece in expand(&incoming.name, &incoming.bytes) {
        receive_piece(file, piece, incoming.received, incoming.channel, &mut taken);
    }
    taken
}

/// Files one piece of what came in ([`expand`]), received on `received` by `channel`: a screen
/// taking in a large archive files its pieces a few at a time.
pub fn receive_piece(
    file: &mut AppraisalFile,
    piece: Piece,
    received: Option<Date>,
    channel: Option<Channel>,
    taken: &mut Taken,
) {
    let year = file.assessed_year();
    let scope = file.body.scope;
    let mut reject = |name: String, sha: String, why: Rejection| {
        let (reason, found) = rejection_code(&why);
        file.rejected.push(Rejected {
            file: Some(name),
            received,
            channel,
            sha256: Some(sha).filter(|s| !s.is_empty()),
            reason: Some(reason.to_string()),
            found,
            ..Rejected::default()
        });
        taken.rejected.push(file.rejected.len() - 1);
    };
    let (name, bytes) = match piece {
        Piece::Rejected { name, sha256, why } => return reject(name, sha256, why),
        Piece::Dossier { name, bytes } => (name, bytes),
    };
    let Some((dossier, sha)) = embed(&bytes) else {
        return reject(name, hex(&sha256(&bytes)), Rejection::NotADossier);
    };
    let value = match &dossier {
        Json::String(text) => serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or(Json::Null),
        v => v.clone(),
    };
    let Some(found) = peek(&value) else {
        return reject(name, sha, Rejection::NotADossier);
    };
    if let Some(why) = mismatch(found, year, scope) {
        return reject(name, sha, why);
    }
    file.dossiers.push(Received {
        file: Some(name),
        received,
        channel,
        sha256: Some(sha),
        dossier,
        appraisal: CouncilAppraisal::default(),
        extra: Default::default(),
    });
    taken.dossiers.push(file.dossiers.len() - 1);
}

/// Takes many files in, in the order given.
pub fn receive_all(file: &mut AppraisalFile, incoming: &[Incoming]) -> Taken {
    let mut taken = Taken::default();
    for i in incoming {
        let t = receive(file, i);
        taken.dossiers.extend(t.dossiers);
        taken.rejected.extend(t.rejected);
    }
    taken
}
