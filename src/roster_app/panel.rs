//! The member list's panel and who a shortfall is about, as HTML the app shows as it is (issue
//! 14): drawn here, in the spreadsheet module, so that the app's first module carries only the
//! panel's heading. Plain string building, every text escaped; the ids, test ids, commands
//! (`data-act`, `data-arg`), classes and aria attributes are the app's, which its one click
//! handler, its change handler, its tests and `www/roster.css` rely on.

use crate::documents::escape;
use crate::file::DossierFile;
use crate::roster::Tally;
use crate::rules::{Input, RuleSet};
use crate::words::{number, roster as words, Lang};

use super::has_list;

/// An import the app is showing (from [`super::run`]): where it stands, the file's name, what
/// it did in words, and the preview's HTML (escaped already).
#[derive(Clone, Copy, Debug, Default)]
pub struct Shown<'a> {
    pub state: &'a str,
    pub name: &'a str,
    pub said: &'a str,
    pub html: &'a str,
}

impl<'a> Shown<'a> {
    /// The import as the app passes it back: the last four fields of [`super::answer`] (state,
    /// name, what was said, HTML) joined by NUL; `None` for an empty text (no import on screen).
    pub fn parse(text: &'a str) -> Option<Shown<'a>> {
        let mut f = text.splitn(4, '\0');
        let state = f.next().filter(|s| !s.is_empty())?;
        let mut next = || f.next().unwrap_or_default();
        Some(Shown { state, name: next(), said: next(), html: next() })
    }
}

/// A button whose test id is its command and argument.
fn button(h: &mut String, act: &str, arg: &str, test: &str, class: &str, label: &str) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    h.push_str(&format!(
        "<button type=\"button\"{class} data-act=\"{act}\" data-arg=\"{arg}\" data-testid=\"{test}\">{}</button>",
        escape(label)
    ));
}

/// The panel's body, under its heading (which the app draws): who counts as a member, what the
/// list holds, whether the counts come from it, the import, the templates and the export, an
/// import's preview with its choices, and the titles marked for another year.
pub fn panel(file: &DossierFile, locked: bool, shown: Option<Shown>, lang: Lang) -> String {
    let rules = crate::rules::for_id(&file.ruleset);
    let r = file.roster.as_ref().filter(|_| has_list(file));
    let n = |x: u64| number(x, lang);
    let mut h = String::new();
    h.push_str(&format!(
        "<p class=\"hint\">{}</p><details class=\"who\"><summary>{}</summary><p lang=\"vi\">{}</p></details>",
        lang.pick("Một dòng cho mỗi Thành viên, mỗi chỉ tiêu một cột có hoặc không: các số liệu “Thành viên …” được tính từ danh sách, và khi còn thiếu, biết ngay ai chưa đạt. Danh sách chỉ ở trên máy này.", "One row per member and a yes-or-no column per indicator: the “members who …” figures are counted from the list, and when one falls short you see who is missing. The list stays on this device."),
        lang.pick("Ai là Thành viên? (khoản 5, 6, 7 Điều 2)", "Who is a member? (Article 2.5–2.7)"),
        escape(rules.input(Input::Members).help_vi),
    ));
    // What the list holds: its members, and the learner groups' totals (the learner counts
    // come from them; each class is in the export).
    let mut status = String::new();
    if let Some(r) = r.filter(|r| !r.members.is_empty()) {
        status.push_str(
            &lang
                .pick("Danh sách có {n} thành viên.", "The list has {n} members.")
                .replace("{n}", &n(r.members.len() as u64)),
        );
    }
    if let Some(r) = r.filter(|r| !r.groups.is_empty()) {
        let total = |i: Input| n(r.groups.iter().filter_map(|g| g.count(i)).fold(0u64, u64::saturating_add));
        let counts: Vec<String> = crate::roster::group_columns(rules)
            .into_iter()
            .map(|i| format!("{} {}", total(i), lang.pick(rules.input(i).short_vi, rules.input(i).short_en)))
            .collect();
        status.push(' ');
        status.push_str(
            &lang
                .pick(
                    "Người học: {n} lớp, nhóm; tổng cộng {learners} người học ({counts}).",
                    "Learners: {n} classes or groups; {learners} learners in all ({counts}).",
                )
                .replace("{n}", &n(r.groups.len() as u64))
                .replace("{learners}", &total(Input::Learners))
                .replace("{counts}", &counts.join(", ")),
        );
    }
    if r.is_none() {
        status = lang.pick("Chưa có danh sách. Nhập tệp Excel (.xlsx) hoặc .csv đơn vị đang giữ (tiêu đề cột viết có dấu hay không dấu đều được), hoặc tải tệp mẫu để điền.", "No list yet. Import the Excel (.xlsx) or .csv file the unit keeps (headers with or without diacritics), or download the template to fill in.").to_string();
    }
    h.push_str(&format!("<p data-testid=\"roster-status\">{}</p>", escape(&status)));
    let disabled = if locked { " disabled" } else { "" };
    if let Some(r) = r {
        // A checkbox whose click runs the command named by its id (the app's `checkbox`).
        let checked = if r.counts_from_list { " checked" } else { "" };
        h.push_str(&format!(
            "<span class=\"choice roster-use\"><input type=\"checkbox\" id=\"roster-use\" data-act=\"roster-use\" data-testid=\"roster-use\"{checked}{disabled} aria-describedby=\"roster-use-hint\"><label for=\"roster-use\">{}</label><span class=\"hint\" id=\"roster-use-hint\">{}</span></span>",
            lang.pick("Lấy các số liệu từ danh sách", "Take the figures from the list"),
            lang.pick("Khi chọn, các ô số Thành viên hiện số tính từ danh sách và không sửa ở đó được; bỏ chọn để trở lại các số đã nhập tay (vẫn được giữ).", "When ticked, the member figures show what the list gives and cannot be typed over; untick to go back to the figures typed by hand (they are kept)."),
        ));
    }
    // The file input is the app's (its change handler reads `roster-import`).
    let label_class = match (r.is_none(), locked) {
        (true, true) => "button primary disabled",
        (true, false) => "button primary",
        (false, true) => "button disabled",
        (false, false) => "button",
    };
    h.push_str(&format!(
        "<div class=\"roster-actions\"><input id=\"roster-import\" class=\"file-input\" type=\"file\" data-testid=\"roster-import\"{disabled} accept=\".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"><label for=\"roster-import\" class=\"{label_class}\">{}</label>",
        lang.pick("Nhập danh sách (.xlsx, .csv)", "Import a list (.xlsx, .csv)"),
    ));
    // The spreadsheets, each a button whose test id is its command and format.
    let mut files = vec![
        ("roster-template", "xlsx", lang.pick("Tải tệp mẫu (.xlsx)", "Template (.xlsx)")),
        ("roster-template", "csv", lang.pick("Tải tệp mẫu (.csv)", "Template (.csv)")),
    ];
    if crate::engine::check::profile_in(rules, file).is_some_and(|(_, p)| p.learners) {
        files.push((
            "roster-template",
            "groups-csv",
            lang.pick("Tệp mẫu người học theo lớp (.csv)", "Template of learners by class (.csv)"),
        ));
    }
    if let Some(r) = r {
        files.push(("roster-export", "xlsx", lang.pick("Xuất danh sách (.xlsx)", "Export the list (.xlsx)")));
        if !r.members.is_empty() {
            files.push(("roster-export", "csv", lang.pick("Xuất danh sách (.csv)", "Export the list (.csv)")));
        }
        if !r.groups.is_empty() {
            files.push((
                "roster-export",
                "groups-csv",
                lang.pick("Xuất người học theo lớp (.csv)", "Export learners by class (.csv)"),
            ));
        }
    }
    for (act, arg, label) in files {
        button(&mut h, act, arg, &format!("{act}-{arg}"), "", label);
    }
    h.push_str("</div>");
    if let Some(s) = shown {
        preview(&mut h, s, locked, lang);
    }
    let list = crate::roster::dossier_tally(file);
    other_years(&mut h, rules, list.as_ref(), file, lang);
    h
}

/// What an import found — how each column was understood and every problem by row and column,
/// laid out by [`super::run`] — and the choice to replace or merge while it has not taken
/// effect.
fn preview(h: &mut String, s: Shown, locked: bool, lang: Lang) {
    let title = if s.state == "applied" {
        lang.pick("Đã nhập tệp “{name}”", "Imported “{name}”")
    } else {
        lang.pick("Xem trước tệp “{name}”", "Preview of “{name}”")
    };
    let state = escape(s.state);
    h.push_str(&format!(
        "<section class=\"roster-preview\" id=\"roster-preview\" tabindex=\"-1\" aria-labelledby=\"h-roster-preview\" data-testid=\"roster-preview\" data-state=\"{state}\"><h3 id=\"h-roster-preview\">{}</h3><p class=\"{state}\" role=\"status\">{}</p>{}<div class=\"roster-choice\">",
        escape(&title.replace("{name}", s.name)),
        escape(s.said),
        // Escaped by `run`, which made it.
        s.html,
    ));
    if s.state == "pending" && !locked {
        button(
            h,
            "roster-apply",
            "replace",
            "roster-replace",
            "primary",
            lang.pick("Thay danh sách hiện có", "Replace the present list"),
        );
        button(
            h,
            "roster-apply",
            "merge",
            "roster-merge",
            "",
            lang.pick("Gộp vào danh sách hiện có (theo họ tên)", "Merge into the present list (by name)"),
        );
        button(h, "roster-close", "", "roster-close", "", lang.pick("Hủy", "Cancel"));
    } else {
        button(h, "roster-close", "", "roster-close", "", lang.pick("Đóng", "Close"));
    }
    h.push_str("</div></section>");
}

/// "… và 7 người khác (xem trong danh sách xuất ra)".
fn more(n: usize, lang: Lang) -> String {
    lang.pick("… và {n} người khác (xem trong danh sách xuất ra)", "… and {n} more (see the exported list)")
        .replace("{n}", &n.to_string())
}

/// Titles the list marks but for another year (rules.md §1): said, so no one wonders why the
/// count is lower than the crosses.
fn other_years(h: &mut String, rules: &RuleSet, list: Option<&Tally>, file: &DossierFile, lang: Lang) {
    let lines = words::other_years(rules, list, file, lang);
    if lines.is_empty() {
        return;
    }
    const SHOWN: usize = 20;
    h.push_str(&format!(
        "<div class=\"other-years\"><p class=\"hint\">{}</p><ul class=\"hint\">",
        lang.pick(
            "Danh hiệu đánh dấu trong danh sách nhưng không tính cho năm đánh giá:",
            "Titles marked in the list that do not count for the assessed year:"
        )
    ));
    for l in lines.iter().take(SHOWN) {
        h.push_str(&format!("<li lang=\"vi\">{}</li>", escape(l)));
    }
    if lines.len() > SHOWN {
        h.push_str(&format!("<li>{}</li>", escape(&more(lines.len() - SHOWN, lang))));
    }
    h.push_str("</ul></div>");
}

/// Who a shortfall is about, for each count in `inputs` (the app's gaps to the next level, by
/// people), when the counts come from the list: "4 thành viên chưa đạt “Công dân học tập”: …",
/// with the whole list to open.
pub fn missing(file: &DossierFile, inputs: &[Input], lang: Lang) -> String {
    // Named in the sentence; the rest in a list to open (long lists cut, the export has them).
    const NAMED: usize = 5;
    const LISTED: usize = 300;
    let rules = crate::rules::for_id(&file.ruleset);
    let list = crate::roster::dossier_tally(file);
    let mut h = String::new();
    for &input in inputs {
        let Some(line) = words::not_counted(rules, list.as_ref(), file, input, NAMED, lang) else { continue };
        let names = words::not_counted_names(list.as_ref(), file, input);
        h.push_str(&format!(
            "<div class=\"missing\" data-testid=\"missing\" data-input=\"{}\"><p>{}</p>",
            escape(rules.input(input).key),
            escape(&line)
        ));
        if names.len() > NAMED {
            h.push_str(&format!(
                "<details><summary>{}</summary><ol class=\"names\" lang=\"vi\">",
                escape(
                    &lang
                        .pick("Xem cả danh sách ({n} người)", "See the whole list ({n} people)")
                        .replace("{n}", &names.len().to_string())
                )
            ));
            for name in names.iter().take(LISTED) {
                h.push_str(&format!("<li>{}</li>", escape(name)));
            }
            h.push_str("</ol>");
            if names.len() > LISTED {
                h.push_str(&format!("<p class=\"hint\">{}</p>", escape(&more(names.len() - LISTED, lang))));
            }
            h.push_str("</details>");
        }
        h.push_str("</div>");
    }
    h
}

/// The module's call: the panel's body and who is missing, as HTML. `dossier_json` is the
/// dossier with its list (the app passes the parts the panel reads: the rule set, the unit,
/// the year and the list); `missing_keys` the keys of the counts short of the next level by
/// people, comma-separated; `shown` the import on screen, if any.
pub fn html(
    dossier_json: &str,
    locked: bool,
    missing_keys: &str,
    shown: Option<Shown>,
    lang_code: &str,
) -> (String, String) {
    let lang = super::lang(lang_code);
    let file = super::dossier(dossier_json);
    let rules = crate::rules::for_id(&file.ruleset);
    let inputs: Vec<Input> = missing_keys
        .split(',')
        .filter_map(|k| rules.inputs.iter().find(|d| !k.is_empty() && d.key == k))
        .map(|d| d.id)
        .collect();
    (panel(&file, locked, shown, lang), missing(&file, &inputs, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{write_with, WriteOptions};

    const CSV: &[u8] = include_bytes!("../../tests/fixtures/roster/members-utf8.csv");

    fn school() -> String {
        let file = crate::read(include_bytes!("../../tests/fixtures/complete-thpt.json")).unwrap();
        write_with(&file, WriteOptions { roster: true })
    }

    /// The school with the fixture's list, its counts from the list.
    fn listed() -> String {
        super::super::run(&school(), CSV, "preview", "vi").dossier
    }

    #[test]
    fn a_dossier_without_a_list_offers_the_import_and_the_templates() {
        let (panel, missing) = html(&school(), false, "", None, "vi");
        assert!(missing.is_empty());
        for id in [
            "data-testid=\"roster-status\">Chưa có danh sách.",
            "<details class=\"who\"><summary>Ai là Thành viên?",
            "id=\"roster-import\" class=\"file-input\" type=\"file\" data-testid=\"roster-import\" accept=",
            "<label for=\"roster-import\" class=\"button primary\">Nhập danh sách (.xlsx, .csv)</label>",
            "data-act=\"roster-template\" data-arg=\"xlsx\" data-testid=\"roster-template-xlsx\"",
            "data-act=\"roster-template\" data-arg=\"csv\" data-testid=\"roster-template-csv\"",
            "data-testid=\"roster-template-groups-csv\"",
        ] {
            assert!(panel.contains(id), "{id}: {panel}");
        }
        assert!(!panel.contains("roster-use") && !panel.contains("roster-export"), "{panel}");
        // Finalised: the import is locked.
        let (locked, _) = html(&school(), true, "", None, "vi");
        assert!(locked.contains("data-testid=\"roster-import\" disabled"), "{locked}");
        assert!(locked.contains("class=\"button primary disabled\""), "{locked}");
    }

    #[test]
    fn a_list_gives_its_status_its_checkbox_its_exports_and_who_is_missing() {
        let d = listed();
        let file = crate::read(d.as_bytes()).unwrap();
        let n = file.roster.as_ref().unwrap().members.len();
        let (panel, missing) = html(&d, false, "members_learning_citizen,not_a_count", None, "vi");
        assert!(panel.contains(&format!("Danh sách có {n} thành viên.")), "{panel}");
        assert!(panel.contains("<input type=\"checkbox\" id=\"roster-use\" data-act=\"roster-use\" data-testid=\"roster-use\" checked aria-describedby=\"roster-use-hint\">"), "{panel}");
        assert!(panel.contains("class=\"button\">Nhập danh sách"), "a list: the import is not the main action");
        for id in ["roster-export-xlsx", "roster-export-csv"] {
            assert!(panel.contains(&format!("data-testid=\"{id}\"")), "{id}");
        }
        assert!(!panel.contains("roster-export-groups-csv"), "no learner groups");
        // Who is missing: as the result panel names them, the keys the app passed.
        let names = crate::words::roster::not_counted_names(
            crate::roster::dossier_tally(&file).as_ref(),
            &file,
            Input::MembersLearningCitizen,
        );
        if names.is_empty() {
            assert!(missing.is_empty() || missing.contains("Mọi thành viên"), "{missing}");
        } else {
            assert!(
                missing.starts_with(
                    "<div class=\"missing\" data-testid=\"missing\" data-input=\"members_learning_citizen\"><p>"
                ),
                "{missing}"
            );
            assert!(missing.contains(names[0]), "{missing}");
        }
        assert_eq!(missing.matches("data-testid=\"missing\"").count(), 1, "an unknown key is ignored");
        // In English.
        let (en, _) = html(&d, false, "", None, "en");
        assert!(
            en.contains(&format!("The list has {n} members.")) && en.contains("Take the figures from the list"),
            "{en}"
        );
        assert!(en.contains("<summary>Who is a member? (Article 2.5–2.7)</summary>"), "{en}");
    }

    #[test]
    fn the_preview_keeps_its_choices_and_every_text_is_escaped() {
        let d = listed();
        let shown = Shown { state: "pending", name: "<b>x</b>.csv", said: "a & b", html: "<p>made by run</p>" };
        let (panel, _) = html(&d, false, "", Some(shown), "vi");
        assert!(panel.contains("<section class=\"roster-preview\" id=\"roster-preview\" tabindex=\"-1\" aria-labelledby=\"h-roster-preview\" data-testid=\"roster-preview\" data-state=\"pending\">"), "{panel}");
        assert!(panel.contains("<h3 id=\"h-roster-preview\">Xem trước tệp “&lt;b&gt;x&lt;/b&gt;.csv”</h3>"), "{panel}");
        assert!(panel.contains("<p class=\"pending\" role=\"status\">a &amp; b</p><p>made by run</p>"), "{panel}");
        for (arg, id) in [("replace", "roster-replace"), ("merge", "roster-merge")] {
            assert!(
                panel.contains(&format!("data-act=\"roster-apply\" data-arg=\"{arg}\" data-testid=\"{id}\"")),
                "{id}"
            );
        }
        assert!(panel.contains("class=\"primary\" data-act=\"roster-apply\" data-arg=\"replace\""));
        assert!(panel.contains("data-act=\"roster-close\" data-arg=\"\" data-testid=\"roster-close\">Hủy</button>"));
        // Applied, or finalised: only closing is left.
        let applied = Shown { state: "applied", ..shown };
        let (panel, _) = html(&d, false, "", Some(applied), "en");
        assert!(panel.contains("<h3 id=\"h-roster-preview\">Imported “&lt;b&gt;x&lt;/b&gt;.csv”</h3>"), "{panel}");
        assert!(!panel.contains("roster-replace") && panel.contains("data-testid=\"roster-close\">Close</button>"));
        let (panel, _) = html(&d, true, "", Some(shown), "vi");
        assert!(!panel.contains("roster-merge") && panel.contains("data-testid=\"roster-close\">Đóng</button>"));
        // A state that is not one of the module's is escaped too.
        let odd = Shown { state: "\"><script>", ..shown };
        let (panel, _) = html(&d, false, "", Some(odd), "vi");
        assert!(!panel.contains("<script>"), "{panel}");
    }

    #[test]
    fn names_in_the_list_are_escaped() {
        let csv = "Họ tên,CDHT\n<img src=x onerror=alert(1)>,\nB Hai,x\n";
        let d = super::super::run(&school(), csv.as_bytes(), "preview", "vi").dossier;
        let (_, missing) = html(&d, false, "members_learning_citizen", None, "vi");
        assert!(missing.contains("&lt;img src=x onerror=alert(1)&gt;"), "{missing}");
        assert!(!missing.contains("<img"), "{missing}");
    }
}
