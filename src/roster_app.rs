//! The member list's spreadsheet work for the app: what the on-demand module
//! `src/bin/dvht-sheets.rs` exports, as plain functions tested natively (the bin only wraps
//! them), so the app's first module links no spreadsheet reader or writer, no inflate and no
//! import code (issue 14 item 6).
//!
//! The protocol is plain data both ways. In: the dossier as its file's JSON text, written with
//! its list (`file::write_with(.., WriteOptions { roster: true })`), and a file's bytes. Out:
//! the bytes of a template or an export; a preview as JSON text ([`preview`]: how each column
//! was understood and every problem by row and column, already in words, and the same as an
//! HTML fragment the app shows as it is, so that the first module carries no code to lay it
//! out); and, on [`apply`], the new dossier as JSON text, which the app reads back with
//! `crate::read` and takes the list from.
//!
//! An import that would make the dossier larger than a file may be (`file/limits.rs`) is
//! refused with a sentence saying so: what the app keeps, it can always write and read back.

pub mod panel;

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

/// The preview's body as HTML, every text escaped: the summary, a table of how each sheet's
/// columns were understood, and every problem (errors, warnings, notes) in a list.
fn preview_html(summary: &str, sheets: &[Json], problems: &[Json], lang: Lang) -> String {
    use crate::documents::escape;
    let text = |v: &Json| escape(v.as_str().unwrap_or_default());
    let mut h = format!("<p>{}</p>", escape(summary));
    for (i, s) in sheets.iter().enumerate() {
        let mut caption = lang.pick("Các cột được hiểu như sau", "How the columns were understood").to_string();
        if let Some(name) = s["sheet"].as_str().filter(|n| !n.is_empty()) {
            caption.push_str(&format!(" — {} “{}”", lang.pick("trang", "sheet"), escape(name)));
        }
        h.push_str(&format!(
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"cols-{i}\"><table class=\"columns\"><caption id=\"cols-{i}\">{caption}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            lang.pick("Cột", "Column"),
            lang.pick("Tiêu đề trong tệp", "Header in the file"),
            lang.pick("Được hiểu là", "Understood as"),
        ));
        for c in s["columns"].as_array().into_iter().flatten() {
            let class = if c["ignored"] == true { " class=\"ignored\"" } else { "" };
            h.push_str(&format!(
                "<tr{class}><td>{}</td><td lang=\"vi\">{}</td><td>{}</td></tr>",
                text(&c["letter"]),
                text(&c["header"]),
                text(&c["used"])
            ));
        }
        h.push_str("</tbody></table></div>");
    }
    if problems.is_empty() {
        h.push_str(&format!("<p class=\"hint\">{}</p>", lang.pick("Không có vấn đề nào.", "No problems.")));
    } else {
        h.push_str(&format!(
            "<h4 id=\"h-import-problems\">{} ({})</h4><ul class=\"import-problems\" data-testid=\"roster-problems\" aria-labelledby=\"h-import-problems\" tabindex=\"0\">",
            lang.pick("Các vấn đề trong tệp", "Problems in the file"),
            problems.len()
        ));
        for q in problems {
            h.push_str(&format!("<li class=\"{}\">{}</li>", text(&q["severity"]), text(&q["text"])));
        }
        h.push_str("</ul>");
    }
    h
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
///   "problems": [ { "severity": "warning", "text": "Dòng 5, cột B: …" } ],
///   "html": "<p>Tệp có 40 thành viên …</p><div class=\"table-scroll\" …" }
/// ```
///
/// `ok`: there is something to import and it fits a dossier (else `refused` says why, when it
/// is the limits); `first`: the dossier has no list yet, so it takes effect at once.
pub fn preview(dossier_json: &str, bytes: &[u8], lang_code: &str) -> String {
    let lang = lang(lang_code);
    let file = dossier(dossier_json);
    let p = import::preview_bytes(rules_of(&file), bytes);
    preview_of(&file, &p, lang).to_string()
}

fn preview_of(file: &DossierFile, p: &Preview, lang: Lang) -> Json {
    let rules = rules_of(file);
    let first = !has_list(file);
    // Replacing gives the smallest dossier the file can make: if even that is too large, no
    // choice can import it.
    let refused = if p.is_empty() { None } else { too_large(file, &applied(file, p, Mode::Replace).0, lang) };
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
    let summary = words::preview_summary(p, lang);
    let html = preview_html(&summary, &sheets, &problems, lang);
    json!({
        "ok": !p.is_empty() && refused.is_none(),
        "refused": refused,
        "first": first,
        "summary": summary,
        "members": p.members.as_ref().map_or(0, |l| l.members.len()),
        "groups": p.groups.as_ref().map_or(0, |l| l.groups.len()),
        "sheets": sheets,
        "problems": problems,
        "html": html,
    })
}

/// Applies a file to the dossier's list (`mode`: `replace` or `merge`): the new dossier's JSON
/// text, with its list, and what changed in words; or an empty text and why nothing changed.
pub fn apply(dossier_json: &str, bytes: &[u8], mode: &str, lang_code: &str) -> (String, String) {
    let file = dossier(dossier_json);
    let p = import::preview_bytes(rules_of(&file), bytes);
    let mode = if mode == "merge" { Mode::Merge } else { Mode::Replace };
    apply_preview(&file, &p, mode, lang(lang_code))
}

fn apply_preview(file: &DossierFile, p: &Preview, mode: Mode, lang: Lang) -> (String, String) {
    if p.is_empty() {
        return (String::new(), words::nothing_to_import(lang));
    }
    let (after, done) = applied(file, p, mode);
    if let Some(why) = too_large(file, &after, lang) {
        return (String::new(), why);
    }
    let text = crate::file::write_with(&after, WriteOptions { roster: true });
    (text, words::applied(&done, mode == Mode::Replace, lang))
}

/// What one step of an import gives the app: where it stands (`applied`, `pending` — the user
/// chooses to replace or merge — or `refused`), the preview's HTML, the new dossier's JSON text
/// once applied, and what changed or why nothing did, in words.
#[derive(Debug, PartialEq, Eq)]
pub struct Imported {
    pub state: &'static str,
    pub html: String,
    pub dossier: String,
    pub said: String,
}

/// The app's one call for an import (the file is read once per step): `mode` = `preview`
/// previews the file, and applies it at once when the dossier has no list yet (issue 14 item
/// 5); `replace` and `merge` apply it.
pub fn run(dossier_json: &str, bytes: &[u8], mode: &str, lang_code: &str) -> Imported {
    let lang = lang(lang_code);
    let file = dossier(dossier_json);
    let p = import::preview_bytes(rules_of(&file), bytes);
    let view = preview_of(&file, &p, lang);
    let html = view["html"].as_str().unwrap_or_default().to_string();
    let refused = |said: String| Imported { state: "refused", html: html.clone(), dossier: String::new(), said };
    if view["ok"] != true {
        let why = view["refused"].as_str().map_or_else(|| words::nothing_to_import(lang), str::to_string);
        return refused(why);
    }
    let mode = match mode {
        "merge" => Mode::Merge,
        "replace" => Mode::Replace,
        _ if view["first"] == true => Mode::Replace,
        _ => {
            let choose = lang.pick("Đơn vị đã có danh sách: chọn thay bằng tệp này hay gộp tệp vào. Thay: danh sách trong tệp thay cho danh sách hiện có. Gộp: người trùng họ tên được cập nhật theo tệp (chỉ ở các cột tệp có), người mới được thêm, người không có trong tệp giữ nguyên.",
                "The unit has a list already: replace it with this file, or merge the file into it. Replace: the file's list takes the place of the present one. Merge: people of the same name are updated from the file (only in the columns it has), new people are added, the others stay.",
            );
            let html = format!("{html}<p class=\"hint\">{choose}</p>");
            return Imported { state: "pending", html, dossier: String::new(), said: String::new() };
        }
    };
    match apply_preview(&file, &p, mode, lang) {
        (text, said) if text.is_empty() => refused(said),
        // What the app keeps reads back (the limits are checked above; this says so if not).
        (dossier, said) => match crate::read(dossier.as_bytes()) {
            Ok(_) => Imported { state: "applied", html, dossier, said },
            // Said by the problems' codes: their sentences would bring every message's words
            // into this module, for what the limits above already rule out.
            Err(e) => refused(
                lang.pick(
                    "Với danh sách này hồ sơ không đọc lại được ({codes}); không có gì thay đổi.",
                    "With this list the dossier would not read back ({codes}); nothing changed.",
                )
                .replace("{codes}", &e.iter().map(|d| d.code()).collect::<Vec<_>>().join(", ")),
            ),
        },
    }
}

/// The name and type of a spreadsheet the app downloads: `act` is the button's command
/// (`roster-template`, `roster-export`), `format` its argument (`xlsx`, `csv`, `groups-csv`),
/// `stem` the dossier's file stem ("dvht-truong-thpt-nguyen-trai-2025").
pub fn file_name(act: &str, format: &str, stem: &str) -> (String, &'static str) {
    let name = match (act, format) {
        ("roster-template", "xlsx") => "dvht-mau-danh-sach-thanh-vien.xlsx".to_string(),
        ("roster-template", "groups-csv") => "dvht-mau-nguoi-hoc-theo-lop.csv".to_string(),
        ("roster-template", _) => "dvht-mau-danh-sach-thanh-vien.csv".to_string(),
        (_, "xlsx") => format!("{stem}-danh-sach-thanh-vien.xlsx"),
        (_, "groups-csv") => format!("{stem}-nguoi-hoc-theo-lop.csv"),
        _ => format!("{stem}-danh-sach-thanh-vien.csv"),
    };
    let mime =
        if format == "xlsx" { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } else { "text/csv" };
    (name, mime)
}

/// The bytes of that spreadsheet: the template, or the dossier's list.
pub fn spreadsheet(dossier_json: &str, act: &str, format: &str) -> Vec<u8> {
    if act == "roster-template" {
        template(dossier_json, format)
    } else {
        export(dossier_json, format)
    }
}

/// A file too large to be read as a list: refused before a byte is read.
pub fn too_big(name: &str, lang: Lang) -> String {
    lang.pick(
        "Tệp “{name}” lớn hơn 16 MB: không phải một danh sách Thành viên mà hồ sơ giữ được.",
        "“{name}” is larger than 16 MB: not a member list a dossier can hold.",
    )
    .replace("{name}", name)
}

/// A file the browser could not read.
pub fn cannot_open(name: &str, lang: Lang) -> String {
    lang.pick("Không mở được tệp “{name}”:", "Could not open “{name}”:").replace("{name}", name)
}

/// The app's answer for one step of an import of the file `name`, as one text, its fields
/// joined by NUL (which no field holds: the HTML and the words are escaped or plain, the JSON
/// escapes it): what the undo offer says once applied ("Đã nhập danh sách từ tệp …"), the new
/// dossier's JSON text (empty unless applied), then what the panel shows of it, which the app
/// passes back to [`panel::html`] as it is — the state, the name, what was said, the preview's
/// HTML. `problem` is the state of a file that could not be read at all: what was said is then
/// the app's notice's title and the HTML its line.
pub fn answer(done: &Imported, name: &str, lang: Lang) -> String {
    let what = if done.state == "applied" {
        lang.pick("Đã nhập danh sách từ tệp “{name}”: {what}", "Imported the list from “{name}”: {what}")
            .replace("{name}", name)
            .replace("{what}", &done.said)
    } else {
        String::new()
    };
    [what.as_str(), &done.dossier, done.state, name, &done.said, &done.html].join("\0")
}

/// The answer for a file that could not be read: `title` and `line` are the notice's.
pub fn problem(name: &str, title: &str, line: &str) -> String {
    ["", "", "problem", name, title, line].join("\0")
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
        // The same, laid out for the app.
        let html = p["html"].as_str().unwrap();
        assert!(html.contains("<td>B</td><td lang=\"vi\">Ho ten</td><td>Họ và tên</td>"), "{html}");
        assert!(html.contains("<tr class=\"ignored\"><td>"), "ignored columns are marked");
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
        // Every problem in the HTML, escaped.
        let html = p["html"].as_str().unwrap();
        assert_eq!(html.matches("<li class=").count(), problems.len());
        assert!(html.contains("<li class=\"error\">Dòng "));
        let odd = parse(&preview(&school(), "Họ tên,<script>x</script>\nAn,1\n".as_bytes(), "vi"));
        let html = odd["html"].as_str().unwrap();
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script"), "text is escaped: {html}");
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

    /// What the app is answered: one text, the undo offer's words and the new dossier first,
    /// then what the panel shows, which `panel::Shown::parse` reads back as it was.
    #[test]
    fn the_answer_is_one_text_the_panel_reads_back() {
        let d = school();
        let done = run(&d, CSV, "preview", "vi");
        let text = answer(&done, "a.csv", Lang::Vi);
        let parts: Vec<&str> = text.splitn(3, '\0').collect();
        assert!(parts[0].starts_with("Đã nhập danh sách từ tệp “a.csv”: Đã thêm"), "{}", parts[0]);
        assert_eq!(parts[1], done.dossier);
        let shown = panel::Shown::parse(parts[2]).unwrap();
        assert_eq!((shown.state, shown.name, shown.said, shown.html), ("applied", "a.csv", &*done.said, &*done.html));
        assert!(panel::Shown::parse("").is_none());
        // Not applied: no words for undo, no dossier.
        let pending = answer(&run(&done.dossier, XLSX, "preview", "en"), "b.xlsx", Lang::En);
        assert!(pending.starts_with("\0\0pending\0b.xlsx\0"), "{pending}");
        let p = problem("c.csv", &too_big("c.csv", Lang::Vi), "");
        assert_eq!(
            p,
            "\0\0problem\0c.csv\0Tệp “c.csv” lớn hơn 16 MB: không phải một danh sách Thành viên mà hồ sơ giữ được.\0"
        );
        assert_eq!(cannot_open("c.csv", Lang::En), "Could not open “c.csv”:");
    }

    #[test]
    fn downloads_are_named_from_the_dossier() {
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        assert_eq!(file_name("roster-template", "xlsx", "dvht-x"), ("dvht-mau-danh-sach-thanh-vien.xlsx".into(), xlsx));
        assert_eq!(file_name("roster-template", "csv", "dvht-x").0, "dvht-mau-danh-sach-thanh-vien.csv");
        assert_eq!(file_name("roster-template", "groups-csv", "dvht-x").0, "dvht-mau-nguoi-hoc-theo-lop.csv");
        assert_eq!(file_name("roster-export", "xlsx", "dvht-x-2025").0, "dvht-x-2025-danh-sach-thanh-vien.xlsx");
        assert_eq!(file_name("roster-export", "csv", "dvht-x"), ("dvht-x-danh-sach-thanh-vien.csv".into(), "text/csv"));
        assert_eq!(file_name("roster-export", "groups-csv", "dvht-x").0, "dvht-x-nguoi-hoc-theo-lop.csv");
        let d = school();
        assert_eq!(spreadsheet(&d, "roster-template", "csv"), template(&d, "csv"));
        assert_eq!(spreadsheet(&d, "roster-export", "xlsx"), export(&d, "xlsx"));
    }

    #[test]
    fn the_apps_one_call_applies_a_first_list_at_once_and_asks_after() {
        let d = school();
        let first = run(&d, CSV, "preview", "vi");
        assert_eq!(first.state, "applied", "no list yet: it takes effect");
        assert!(first.said.starts_with("Đã thêm") && first.html.contains("<table class=\"columns\">"));
        let with_list = first.dossier;
        assert!(crate::read(with_list.as_bytes()).unwrap().roster.unwrap().counts_from_list);
        let second = run(&with_list, XLSX, "preview", "vi");
        assert_eq!((second.state, second.dossier.as_str(), second.said.as_str()), ("pending", "", ""));
        let merged = run(&with_list, XLSX, "merge", "vi");
        assert_eq!(merged.state, "applied");
        assert_eq!(merged.dossier, apply(&with_list, XLSX, "merge", "vi").0);
        let bad = run(&with_list, b"%PDF-1.4", "replace", "vi");
        assert_eq!(bad.state, "refused");
        assert!(!bad.said.is_empty() && bad.dossier.is_empty());
    }
}
