//! The limits of a dossier file: far above any real dossier, so that no file, however made,
//! can make dvht work without end or without bound. A real dossier is a few hundred kilobytes
//! at most: one unit, 62 indicators, a few evidence items each.
//!
//! They are enforced while the bytes are parsed (`parse.rs`: size, depth, values, keys, text),
//! while a dossier is read (`json.rs`: evidence items), on a value that did not come from bytes
//! ([`check_value`]: the JavaScript API's objects, stored drafts), and when a field is edited
//! (`edit.rs`: text, evidence items), so that what the app writes always reads back.

use serde_json::Value as Json;

use crate::diagnostic::{Limit, Message};

/// The size of a file, in bytes: 16 MiB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// How deep values may nest: the dossier itself is 5 deep (the file, `evidence`, an indicator's
/// list, an item, a field); unknown fields may add more, up to this.
pub const MAX_DEPTH: usize = 32;
/// Values (objects, lists, texts, numbers, yes/no, null) in one file.
pub const MAX_VALUES: usize = 250_000;
/// Keys of one object: 62 indicators have evidence and notes; unknown ids are kept, up to this.
pub const MAX_KEYS: usize = 1_000;
/// Characters of one text (or key): about 30 printed pages.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Evidence items in one dossier, over all indicators.
pub const MAX_EVIDENCE_ITEMS: usize = 10_000;

/// The limit's number, for messages.
pub fn max(limit: Limit) -> u64 {
    let n = match limit {
        Limit::FileBytes => MAX_FILE_BYTES,
        Limit::Depth => MAX_DEPTH,
        Limit::Values => MAX_VALUES,
        Limit::Keys => MAX_KEYS,
        Limit::TextChars => MAX_TEXT_CHARS,
        Limit::EvidenceItems => MAX_EVIDENCE_ITEMS,
    };
    n as u64
}

/// The message for a limit passed.
pub fn over(limit: Limit) -> Message {
    Message::OverLimit { limit, max: max(limit) }
}

/// Checks a value that did not come from bytes against the limits of a file (depth, values,
/// keys, text), iteratively: `Err` holds the path of the first place past a limit and why.
/// Depth counts lists and objects, as the parser does: the file's own object is depth 1.
pub fn check_value(root: &Json) -> Result<(), (String, Message)> {
    // Most values are within every limit: checked first without naming paths, which only the
    // value past a limit needs.
    if within(root) {
        return Ok(());
    }
    located(root)
}

/// Whether a value is within every limit, by a walk that builds no path.
fn within(root: &Json) -> bool {
    let mut values = 0usize;
    let mut stack: Vec<(&Json, usize)> = vec![(root, 0)];
    while let Some((v, around)) = stack.pop() {
        values += 1;
        let depth = around + 1;
        let ok = match v {
            Json::String(s) => text_fits(s),
            Json::Array(list) => {
                stack.extend(list.iter().map(|item| (item, depth)));
                depth <= MAX_DEPTH
            }
            Json::Object(map) => {
                stack.extend(map.values().map(|item| (item, depth)));
                depth <= MAX_DEPTH && map.len() <= MAX_KEYS && map.keys().all(|k| text_fits(k))
            }
            _ => true,
        };
        if !ok || values > MAX_VALUES {
            return false;
        }
    }
    true
}

/// The first place past a limit, with its path.
fn located(root: &Json) -> Result<(), (String, Message)> {
    let mut values = 0usize;
    // (value, its path, the lists and objects around it)
    let mut stack: Vec<(&Json, String, usize)> = vec![(root, String::new(), 0)];
    while let Some((v, path, around)) = stack.pop() {
        values += 1;
        if values > MAX_VALUES {
            return Err((path, over(Limit::Values)));
        }
        let depth = around + 1;
        if matches!(v, Json::Array(_) | Json::Object(_)) && depth > MAX_DEPTH {
            return Err((path, over(Limit::Depth)));
        }
        match v {
            Json::String(s) if !text_fits(s) => return Err((path, over(Limit::TextChars))),
            Json::Array(list) => {
                for (i, item) in list.iter().enumerate() {
                    stack.push((item, format!("{path}[{i}]"), depth));
                }
            }
            Json::Object(map) => {
                if map.len() > MAX_KEYS {
                    return Err((path, over(Limit::Keys)));
                }
                for (k, item) in map {
                    let at = join(&path, k);
                    if !text_fits(k) {
                        return Err((at, over(Limit::TextChars)));
                    }
                    stack.push((item, at, depth));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// `unit` + `name` → `unit.name`; at the top, the key alone.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether a text fits [`MAX_TEXT_CHARS`], without counting past it.
pub fn text_fits(text: &str) -> bool {
    text.len() <= MAX_TEXT_CHARS || text.chars().nth(MAX_TEXT_CHARS).is_none()
}
