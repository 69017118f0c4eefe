//! The member list's spreadsheet work for the app: what the on-demand module
//! `src/bin/dvht-sheets.rs` exports, as plain functions tested natively (the bin only wraps
//! them), so the app's first module links no spreadsheet reader or writer, no inflate and no
//! import code (issue 14 item 6).
//!
//! The protocol is plain data both ways. In: the dossier as its file's JSON text, written with
//! its list (`file::write_with(.., WriteOptions { roster: true })`), and a file's bytes. Out:
//! the bytes of a template or an export; a preview as JSON text ([`preview`]: how each column
//! was understood and every problem by row and column, already in words); and, on [`apply`],
//! the new dossier as JSON text, which the app reads back with `crate::read` and takes the
//! list from.
//!
//! An import that would make the dossier larger than a file may be (`file/limits.rs`) is
//! refused with a sentence saying so: what the app keeps, it can always write and read back.

use serde_json::{json, Value as Json};

use crate::diagnostic::{Limit, Message, Severity};
use crate::file::{limits, DossierFile, WriteOptions};
use crate::roster::import::{self, ColumnUse, ListPreview, Mode, Preview};
use crate::roster::{table, Roster};
use crate::rules::RuleSet;
use crate::words::{roster as words, Lang};

/// The language a module was asked to speak in ("en", else Vietnamese).
pub fn lang(code: &str) -> Lang {
    if code == "en" {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// The dossier the app passed; an unreadable one is taken as an empty dossier of the current
/// rule set (the app never passes one: it wrote the text itself).
fn dossier(text: &str) -> DossierFile {
    crate::read(text.as_bytes()).unwrap_or_default()
}

fn rules_of(file: &DossierFile) -> &'static RuleSet {
    crate::rules::for_id(&file.ruleset)
}

/// Whether a dossier has a list with anyone in it.
pub fn has_list(file: &DossierFile) -> bool {
    file.roster.as_ref().is_some_and(|r| !r.members.is_empty() || !r.groups.is_empty())
}

/// The template, generated from the dossier's rule set: `xlsx` (members, learner groups and how
/// to fill them), `csv` (the member sheet) or `groups-csv` (the learner sheet).
pub fn template(dossier_json: &str, format: &str) -> Vec<u8> {
    let rules = rules_of(&dossier(dossier_json));
    match format {
        "xlsx" => table::template_xlsx(rules),
        "groups-csv" => table::template_groups_csv(rules),
        _ => table::template_csv(rules),
    }
}

/// The dossier's list as `xlsx` (members, and learner groups if any), `csv` (members) or
/// `groups-csv`; an empty template's shape when there is no list.
pub fn export(dossier_json: &str, format: &str) -> Vec<u8> {
    let file = dossier(dossier_json);
    let rules = rules_of(&file);
    let empty = Roster::default();
    let r = file.roster.as_ref().unwrap_or(&empty);
    match format {
        "xlsx" => table::export_xlsx(rules, r),
        "groups-csv" => table::export_groups_csv(rules, r),
        _ => table::export_csv(rules, r),
    }
}

/// The dossier with the import applied; the typed counts stay. A dossier that had no list
/// takes its counts from the new one (the point of importing it); otherwise the user's choice
/// of counts stays as it was.
fn applied(file: &DossierFile, p: &Preview, mode: Mode) -> (DossierFile, import::Applied) {
    let mut out = file.clone();
    let first = !has_list(file);
    let roster = out.roster.get_or_insert_with(Roster::default);
    let done = import::apply(roster, p, mode);
    if first {
        roster.counts_from_list = true;
    }
    (out, done)
}

/// Why a dossier with this list could not be kept: past a limit of the file, in words, with
/// about how many such members a dossier holds; `None` if it fits.
fn too_large(before: &DossierFile, after: &DossierFile, lang: Lang) -> Option<String> {
    let with = WriteOptions { roster: true };
    let value = crate::file::to_json_with(after, with);
    let bytes = crate::file::write_with(after, with).len();
    let limit = match limits::check_value(&value) {
        Err((_, Message::OverLimit { limit, .. })) => limit,
        Err(_) => Limit::Values,
        Ok(()) if bytes > limits::MAX_FILE_BYTES => Limit::FileBytes,
        Ok(()) => return None,
    };
    let members = after.roster.as_ref().map_or(0, |r| r.members.len() + r.groups.len());
    // What one member costs, from the dossier without and with the list.
    let without = DossierFile { roster: None, ..before.clone() };
    let base_values = count_values(&crate::file::to_json_with(&without, with));
    let base_bytes = crate::file::write_with(&without, with).len();
    let per_value = (count_values(&value).saturating_sub(base_values)) / members.max(1);
    let per_byte = bytes.saturating_sub(base_bytes) / members.max(1);
    let fits = |max: usize, base: usize, each: usize| max.saturating_sub(base).checked_div(each).unwrap_or(usize::MAX);
    let capacity =
        fits(limits::MAX_VALUES, base_values, per_value).min(fits(limits::MAX_FILE_BYTES, base_bytes, per_byte));
    Some(words::too_large(limit, members, capacity, lang))
}

/// Values in a JSON value, counted as the file's parser counts them, without recursion.
fn count_values(root: &Json) -> usize {
    let mut n = 0;
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        n += 1;
        match v {
            Json::Array(a) => stack.extend(a),
            Json::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    n
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn sheet(rules: &RuleSet, l: &ListPreview, kind: &str, lang: Lang) -> Json {
    let columns: Vec<Json> = l
        .columns
        .iter()
        .map(|c| {
            let ignored = matches!(
                c.used_as,
                ColumnUse::Ignored | ColumnUse::Ambiguous | ColumnUse::Repeated { .. } | ColumnUse::Ordinal
            );
            json!({
                "letter": crate::sheets::xlsx::column(c.index),
                "header": c.header,
                "used": words::column_use(rules, c.used_as, lang),
                "ignored": ignored,
            })
        })
        .collect();
    let rows = if kind == "members" { l.members.len() } else { l.groups.len() };
    json!({ "sheet": l.sheet, "kind": kind, "header_row": l.header_row, "rows": rows, "columns": columns })
}

/// What a file would import, before anything changes, as JSON text:
///
/// ```json
/// { "ok": true, "refused": null, "first": true,
///   "summary": "Tệp có 40 thành viên …", "members": 40, "groups": 0,
///   "sheets": [ { "sheet": "", "kind": "members", "header_row": 1, "rows": 40,
///                 "columns": [ { "letter": "B", "header": "Ho ten", "used": "Họ và tên", "ignored": false } ] } ],
///   "problems": [ { "severity": "warning", "text": "Dòng 5, cột B: …" } ] }
/// ```
///
/// `ok`: there is something to import and it fits a dossier (else `refused` says why, when it
/// is the limits); `first`: the dossier has no list yet, so it takes effect at once.
pub fn preview(dossier_json: &str, bytes: &[u8], lang_code: &str) -> String {
    let lang = lang(lang_code);
    let file = dossier(dossier_json);
    let rules = rules_of(&file);
    let p = import::preview_bytes(rules, bytes);
    let first = !has_list(&file);
    // Replacing gives the smallest dossier the file can make: if even that is too large, no
    // choice can import it.
    let refused = if p.is_empty() { None } else { too_large(&file, &applied(&file, &p, Mode::Replace).0, lang) };
    let mut sheets = Vec::new();
    if let Some(l) = &p.members {
        sheets.push(sheet(rules, l, "members", lang));
    }
    if let Some(l) = &p.groups {
        sheets.push(sheet(rules, l, "groups", lang));
    }
    let mut problems = Vec::new();
    for s in [Severity::Error, Severity::Warning, Severity::Note] {
        for q in p.problems.iter().filter(|q| q.severity == s) {
            problems.push(json!({ "severity": severity(s), "text": words::problem(rules, q, lang) }));
        }
    }
    json!({
        "ok": !p.is_empty() && refused.is_none(),
        "refused": refused,
        "first": first,
        "summary": words::preview_summary(&p, lang),
        "members": p.members.as_ref().map_or(0, |l| l.members.len()),
        "groups": p.groups.as_ref().map_or(0, |l| l.groups.len()),
        "sheets": sheets,
        "problems": problems,
    })
    .to_string()
}

/// Applies a file to the dossier's list (`mode`: `replace` or `merge`): the new dossier's JSON
/// text, with its list, and what changed in words; or an empty text and why nothing changed.
pub fn apply(dossier_json: &str, bytes: &[u8], mode: &str, lang_code: &str) -> (String, String) {
    let lang = lang(lang_code);
    let file = dossier(dossier_json);
    let rules = rules_of(&file);
    let p = import::preview_bytes(rules, bytes);
    if p.is_empty() {
        return (String::new(), words::nothing_to_import(lang));
    }
    let mode = if mode == "merge" { Mode::Merge } else { Mode::Replace };
    let (after, done) = applied(&file, &p, mode);
    if let Some(why) = too_large(&file, &after, lang) {
        return (String::new(), why);
    }
    let text = crate::file::write_with(&after, WriteOptions { roster: true });
    (text, words::applied(&done, mode == Mode::Replace, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::write_with;

    const CSV: &[u8] = include_bytes!("../tests/fixtures/roster/members-utf8.csv");
    const BAD: &[u8] = include_bytes!("../tests/fixtures/roster/bad-rows.csv");
    const XLSX: &[u8] = include_bytes!("../tests/fixtures/roster/libreoffice.xlsx");

    fn school() -> String {
        let bytes = include_bytes!("../tests/fixtures/complete-thpt.json");
        let file = crate::read(bytes).unwrap();
        write_with(&file, WriteOptions { roster: true })
    }

    fn parse(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_first_import_is_previewed_then_applied_and_its_counts_used() {
        let d = school();
        let p = parse(&preview(&d, CSV, "vi"));
        assert_eq!(p["ok"], true);
        assert_eq!(p["first"], true);
        assert!(p["members"].as_u64().unwrap() > 0);
        let cols = p["sheets"][0]["columns"].as_array().unwrap();
        assert!(cols.iter().any(|c| c["used"] == "Họ và tên" && c["header"] == "Ho ten" && c["letter"] == "B"));
        assert!(cols.iter().any(|c| c["header"] == "Ghi chu" && c["ignored"] == true));
        let (text, said) = apply(&d, CSV, "replace", "vi");
        assert!(said.starts_with("Đã thêm"), "{said}");
        let after = crate::read(text.as_bytes()).unwrap();
        let r = after.roster.as_ref().unwrap();
        assert!(r.counts_from_list, "a first list gives the counts");
        assert_eq!(r.members.len() as u64, p["members"].as_u64().unwrap());
        // The typed counts stay, to go back to.
        assert_eq!(after.values, crate::read(d.as_bytes()).unwrap().values);
        // A second import is not a first one, and merges by name.
        let p2 = parse(&preview(&text, XLSX, "vi"));
        assert_eq!(p2["first"], false);
        let (merged, said) = apply(&text, XLSX, "merge", "vi");
        assert!(said.contains("cập nhật"), "{said}");
        assert!(crate::read(merged.as_bytes()).unwrap().roster.unwrap().counts_from_list);
    }

    #[test]
    fn every_problem_is_worded_with_its_row_and_column() {
        let p = parse(&preview(&school(), BAD, "vi"));
        let problems = p["problems"].as_array().unwrap();
        assert!(!problems.is_empty());
        assert_eq!(problems[0]["severity"], "error", "errors first");
        for q in problems {
            let text = q["text"].as_str().unwrap();
            assert!(text.starts_with("Dòng ") || text.starts_with("Trang"), "{text}");
        }
        let en = parse(&preview(&school(), BAD, "en"));
        assert!(en["problems"][0]["text"].as_str().unwrap().starts_with("Row "));
    }

    #[test]
    fn a_file_that_is_not_a_list_changes_nothing() {
        let p = parse(&preview(&school(), b"\x00\x01not a sheet", "vi"));
        assert_eq!(p["ok"], false);
        assert_eq!(p["problems"][0]["severity"], "error");
        assert!(p["summary"].as_str().unwrap().starts_with("Tệp không có danh sách"));
        let (text, why) = apply(&school(), b"%PDF-1.4", "replace", "vi");
        assert!(text.is_empty() && !why.is_empty());
    }

    #[test]
    fn templates_and_exports_read_back() {
        let d = school();
        for format in ["csv", "xlsx", "groups-csv"] {
            let t = template(&d, format);
            assert!(!t.is_empty(), "{format}");
            let sheets = crate::sheets::read(&t).unwrap();
            assert_eq!(sheets[0].rows.len(), 1, "{format}: headers only");
        }
        let (text, _) = apply(&d, XLSX, "replace", "vi");
        let before = crate::read(text.as_bytes()).unwrap().roster.unwrap();
        for format in ["csv", "xlsx"] {
            let again = apply(&school(), &export(&text, format), "replace", "vi").0;
            let after = crate::read(again.as_bytes()).unwrap().roster.unwrap();
            assert_eq!(after.members, before.members, "{format}");
        }
    }

    /// A list larger than a dossier may hold is refused, in words, before and on applying:
    /// what the app keeps always writes and reads back.
    #[test]
    fn a_list_past_the_file_limits_is_refused() {
        let rules = crate::rules::current();
        let mut list = Roster::default();
        for i in 0..16_000 {
            let mut m = crate::roster::Member::named(format!("Thành viên số {i}"));
            for c in crate::roster::member_columns(rules) {
                m.yes.set(c, true);
            }
            for t in rules.titles {
                *m.award_mut(t.input) = import::award("12/QĐ-UBND", Some(crate::roster::Period::Year(2025)));
            }
            list.members.push(m);
        }
        for c in crate::roster::member_columns(rules) {
            list.record(c);
        }
        let csv = table::export_csv(rules, &list);
        let p = parse(&preview(&school(), &csv, "vi"));
        assert_eq!(p["ok"], false);
        let why = p["refused"].as_str().unwrap();
        assert!(why.contains("16.000 thành viên") && why.contains("khoảng"), "{why}");
        let (text, again) = apply(&school(), &csv, "replace", "vi");
        assert!(text.is_empty());
        assert_eq!(again, why);
        // The capacity said is right: that many import.
        let capacity: usize =
            why.split("khoảng ").nth(1).unwrap().split(' ').next().unwrap().replace('.', "").parse().unwrap();
        list.members.truncate(capacity * 98 / 100);
        let fits = table::export_csv(rules, &list);
        let (text, _) = apply(&school(), &fits, "replace", "vi");
        assert!(!text.is_empty(), "{capacity}");
        assert!(crate::read(text.as_bytes()).is_ok(), "and it reads back");
    }
}
