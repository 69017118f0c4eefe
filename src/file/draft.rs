//! A draft as the app stores it on the device: the dossier plus what the app knows about it
//! (when it was saved, what was last exported, text a control held that did not parse yet).
//!
//! Records carry their own version and are migrated forward on reading, never dropped; the
//! dossier inside is the file format itself, so its own migrations apply too.

use serde_json::{Map, Value as Json};

use crate::diagnostic::{Diagnostic, Message};
use crate::file::{self, DossierFile};

pub const STORAGE_VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub id: String,
    pub file: DossierFile,
    /// When it was last saved (an ISO timestamp from the device).
    pub saved: Option<String>,
    /// The checksum of the bytes last exported or opened: unchanged since means nothing to lose.
    pub exported: Option<String>,
    /// What a control shows where it differs from the stored value ("1.200" for 1200, or
    /// "12,5", not a count yet), by field path: kept so that nothing typed is lost or rewritten
    /// under the cursor, even across a reload.
    pub pending: Vec<(String, String)>,
    /// How many times the record was saved: a tab that saves checks that no other tab saved in
    /// between, so one never overwrites the other's work unseen.
    pub rev: u64,
}

impl Draft {
    pub fn new(id: impl Into<String>, file: DossierFile) -> Draft {
        Draft { id: id.into(), file, ..Draft::default() }
    }
    /// Whether the dossier changed since it was last exported (or opened from a file).
    pub fn unexported(&self) -> bool {
        self.exported.as_deref() != Some(checksum(&file::write(&self.file)).as_str())
    }
    pub fn pending(&self, path: &str) -> Option<&str> {
        self.pending.iter().find(|(p, _)| p == path).map(|(_, t)| t.as_str())
    }
    pub fn set_pending(&mut self, path: &str, text: Option<String>) {
        self.pending.retain(|(p, _)| p != path);
        if let Some(t) = text {
            self.pending.push((path.to_string(), t));
        }
    }
    /// Sets a field from its control's text. On `Err` the text is kept as pending and the field
    /// is cleared: the verdict never counts a value the control no longer shows.
    pub fn set(&mut self, path: &str, text: &str) -> Result<(), Message> {
        // A finalised dossier is reopened first (the form is read-only then).
        if self.file.finalised.is_some() {
            return Err(Message::Finalised);
        }
        match crate::file::edit::set_field(&mut self.file, path, text) {
            Ok(()) => {
                let shown = crate::file::edit::field_value(&self.file, path);
                self.set_pending(path, (shown != text).then(|| text.to_string()));
                Ok(())
            }
            Err(m) => {
                let _ = crate::file::edit::set_field(&mut self.file, path, "");
                self.set_pending(path, Some(text.to_string()));
                Err(m)
            }
        }
    }

    /// What the control for `path` shows.
    pub fn shown(&self, path: &str) -> String {
        match self.pending(path) {
            Some(t) => t.to_string(),
            None => crate::file::edit::field_value(&self.file, path),
        }
    }

    /// The problem with what the control for `path` holds, if any.
    pub fn text_error(&self, path: &str) -> Option<Message> {
        crate::file::edit::text_error(path, self.pending(path)?)
    }

    /// Nothing entered yet: safe to replace without asking.
    pub fn is_blank(&self) -> bool {
        self.pending.is_empty() && self.file == DossierFile { year: self.file.year, ..DossierFile::default() }
    }
}

/// A 64-bit FNV-1a checksum, as 16 hex digits: enough to tell whether bytes changed.
pub fn checksum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

pub fn encode(d: &Draft) -> String {
    let mut m = Map::new();
    m.insert("storage".into(), STORAGE_VERSION.into());
    m.insert("id".into(), d.id.clone().into());
    m.insert("rev".into(), d.rev.into());
    m.insert("saved".into(), d.saved.clone().map_or(Json::Null, Json::from));
    m.insert("exported".into(), d.exported.clone().map_or(Json::Null, Json::from));
    let pending: Map<String, Json> = d.pending.iter().map(|(p, t)| (p.clone(), Json::from(t.clone()))).collect();
    m.insert("pending".into(), Json::Object(pending));
    // The device keeps everything, the member list too.
    m.insert("dossier".into(), file::to_json_with(&d.file, file::WriteOptions { roster: true }));
    file::format::compact(&Json::Object(m))
}

pub fn decode(text: &str) -> Result<Draft, Vec<Diagnostic>> {
    let bad = |m: Message| vec![Diagnostic::error(crate::rules::current(), "", m)];
    let root: Json = file::parse_json(text.as_bytes(), 1).map_err(bad)?;
    let Json::Object(mut m) = root else { return Err(bad(Message::NotADossier)) };
    let version = m.get("storage").and_then(Json::as_u64).unwrap_or(0);
    if version == 0 || version > STORAGE_VERSION {
        return Err(bad(Message::UnsupportedVersion { found: version.to_string() }));
    }
    // Records of version 2 will be migrated here: `if version < 2 { … }`.
    let text_of = |v: Option<Json>| match v {
        Some(Json::String(s)) => Some(s),
        _ => None,
    };
    let id = text_of(m.remove("id")).unwrap_or_default();
    let rev = m.remove("rev").and_then(|r| r.as_u64()).unwrap_or(0);
    let saved = text_of(m.remove("saved"));
    let exported = text_of(m.remove("exported"));
    let pending = match m.remove("pending") {
        Some(Json::Object(p)) => p.into_iter().filter_map(|(k, v)| Some((k, text_of(Some(v))?))).collect(),
        _ => Vec::new(),
    };
    let file = file::read_value(m.remove("dossier").unwrap_or(Json::Null))?;
    Ok(Draft { id, file, saved, exported, pending, rev })
}

/// The revision of a stored record, without reading its dossier (0 for records from before
/// revisions, and for any text that is not a record).
pub fn rev_of(text: &str) -> u64 {
    // `encode` writes the record's own keys before its dossier, so the first `"rev":` before
    // `"dossier":` is the record's (a key inside the dossier comes after; in a text value the
    // quotes would be escaped).
    let head = &text[..text.find("\"dossier\":").unwrap_or(text.len())];
    let Some(at) = head.find("\"rev\":") else { return 0 };
    let digits: String = head[at + 6..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_storage_exactly() {
        let file = crate::read(include_bytes!("../../tests/fixtures/spec-example.json")).unwrap();
        let mut d = Draft::new("d-1", file);
        d.saved = Some("2025-11-22T08:00:00.000Z".into());
        d.set_pending("counts.members_digital", Some("11,5".into()));
        d.exported = Some(checksum(&crate::write(&d.file)));
        d.rev = 7;
        let back = decode(&encode(&d)).unwrap();
        assert_eq!(back, d);
        assert_eq!(rev_of(&encode(&d)), 7);
        assert_eq!(rev_of(r#"{"storage": 1, "dossier": {}}"#), 0, "a record from before revisions");
        assert_eq!(rev_of("not a record"), 0);
        assert!(!back.unexported());
        assert_eq!(back.pending("counts.members_digital"), Some("11,5"));
    }

    #[test]
    fn changes_since_export_are_noticed() {
        let mut d = Draft::new("d", DossierFile::default());
        assert!(d.unexported());
        d.exported = Some(checksum(&crate::write(&d.file)));
        assert!(!d.unexported());
        d.file.unit.name = Some("Xã A".into());
        assert!(d.unexported());
    }

    #[test]
    fn records_from_elsewhere_are_refused_not_misread() {
        assert!(decode("not json").is_err());
        assert!(decode(r#"{"storage": 2, "dossier": {}}"#).is_err());
        assert!(decode(r#"{"dossier": {}}"#).is_err());
        // A record whose dossier is broken is reported, so the app can keep it aside.
        let e =
            decode(r#"{"storage": 1, "id": "x", "dossier": {"format": "dvht-dossier", "version": 9}}"#).unwrap_err();
        assert_eq!(e[0].code(), "unsupported_version");
    }

    #[test]
    fn controls_keep_what_was_typed() {
        let mut d = Draft::new("d", DossierFile::default());
        d.set("counts.members", "1.200").unwrap();
        assert_eq!(d.file.values.count(crate::rules::Input::Members), Some(1200));
        assert_eq!(d.shown("counts.members"), "1.200");
        assert_eq!(d.text_error("counts.members"), None);
        assert!(d.set("counts.members", "12,5").is_err());
        assert_eq!(d.file.values.count(crate::rules::Input::Members), None, "no longer on screen, no longer counted");
        assert_eq!(d.shown("counts.members"), "12,5");
        assert_eq!(d.text_error("counts.members"), Some(Message::NotWholeNumber));
        d.set("counts.members", "120").unwrap();
        assert_eq!(d.pending, vec![]);
    }

    #[test]
    fn blank_means_nothing_entered() {
        let mut d = Draft::new("d", DossierFile { year: Some(2025), ..DossierFile::default() });
        assert!(d.is_blank());
        d.file.unit.kind = Some("ubnd_xa".into());
        assert!(!d.is_blank());
    }

    #[test]
    fn checksum_is_fnv1a() {
        assert_eq!(checksum(""), "cbf29ce484222325");
        assert_eq!(checksum("a"), "af63dc4c8601ec8c");
    }
}
