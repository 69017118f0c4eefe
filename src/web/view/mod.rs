//! The page, drawn from the state, the rules table and the engine's result by plain functions.
//! Each control's `id` and `name` are the path of its field in the dossier file.

mod documents;
mod form;
mod header;
mod result;
mod roster;
mod start;

use yew::prelude::*;

use super::state::{Notice, Screen, State};
use super::text::Texts;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::assessment::{Assessment, IndicatorView, Requirement};
use crate::engine::evaluate::Status;
use crate::rules::{Input, InputDef, InputKind, Level, PublicRule, Scope, UnitKind};
use crate::words::{date_vi, field_label};
use crate::{Date, Lang};

use documents::documents_view;
use form::{criteria, unit_section};
use header::{drafts, finalised, notice, save_state, undo, update};
use result::{dates, verdict};

/// What every part of the page reads: the state, the words, and the one assessment of the
/// open dossier (computed once per change by the App).
pub struct View<'a> {
    pub s: &'a State,
    pub t: &'static Texts,
    pub lang: Lang,
    pub a: &'a Assessment,
    /// The dossier the assessment is of.
    pub file: &'a crate::file::DossierFile,
    /// Both, as the other modules take them.
    pub derived: &'a crate::web::Derived,
    pub today: Date,
    /// The dossier changed since it was last exported or opened.
    pub unexported: bool,
    /// The member list's panel and who is missing, as the spreadsheet module drew them.
    pub roster: &'a crate::web::roster::Drawn,
}

impl View<'_> {
    fn vi(&self) -> bool {
        self.lang.vi()
    }
    fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }
    /// "khoản 3 Điều 2" or "Article 2.3".
    fn cite(&self, c: crate::rules::Cite) -> String {
        if self.vi() {
            c.long_vi()
        } else {
            format!("Article {}", c.dotted())
        }
    }
    fn label(&self, path: &str) -> String {
        field_label(self.a.rules, path, self.lang).map_or_else(|| path.to_string(), str::to_string)
    }
    fn shown(&self, path: &str) -> String {
        self.s.draft.shown(path)
    }
    fn date(&self, d: Date) -> String {
        if self.vi() {
            date_vi(d)
        } else {
            d.to_string()
        }
    }
    /// Errors and warnings about one field, for the line under its control.
    fn field_messages(&self, path: &str) -> Html {
        let mut lines: Vec<(bool, String)> = Vec::new();
        if let Some(m) = self.s.draft.text_error(path) {
            lines.push((true, m.text(self.a.rules, path, self.lang)));
        }
        // "Required" is guidance, given once in the result panel, not an error on an empty field.
        for d in self.a.problems.iter().filter(|d| d.field == path && d.code() != "required") {
            lines.push((true, d.text(self.lang)));
        }
        if lines.is_empty() {
            return html! {};
        }
        html! { <>{ for lines.into_iter().map(|(_, l)| html! { <p class="field-error" id={format!("{path}-error")}>{ l }</p> }) }</> }
    }
    fn has_error(&self, path: &str) -> bool {
        self.s.draft.text_error(path).is_some() || self.a.problems.iter().any(|d| d.field == path)
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Pass => "st-pass",
        Status::MissingEvidence => "st-evidence",
        Status::Fail => "st-fail",
        Status::MissingInput => "st-input",
        Status::NotApplicable => "st-na",
    }
}

fn status_index(s: Status) -> usize {
    match s {
        Status::Pass => 0,
        Status::MissingEvidence => 1,
        Status::Fail => 2,
        Status::MissingInput => 3,
        Status::NotApplicable => 4,
    }
}

fn percent(v: &View, count: u64, total: u64) -> String {
    crate::words::percent_text(count, total, v.lang)
}

pub fn page(v: &View, oninput: Callback<InputEvent>, onfile: Callback<Event>) -> Html {
    let t = v.t;
    let locked = v.s.draft.file.finalised.is_some();
    let screen = v.s.screen;
    html! {
        <>
        <a class="skip" href="#main">{ t.skip }</a>
        <header>
        <div class={classes!("top", v.s.menu.then_some("menu-open"))}>
            <div class="brand">
                <h1><button type="button" class="home" data-act="home" hidden={v.s.embed}>{ t.title }</button></h1>
                <p>{ t.subtitle.replace("{number}", v.a.rules.number) }</p>
            </div>
            // On a phone the actions fold into a menu, so the form starts near the top.
            <button type="button" class="menu-toggle" data-act="menu" aria-expanded={v.s.menu.to_string()} aria-controls="actions">{ t.menu }</button>
            <nav class="actions" id="actions" aria-label={v.pick("Thao tác với hồ sơ", "Dossier actions")}>
                { if v.s.embed { html! {
                    <a class="button" href="./" target="_blank" rel="noopener">{ t.open_full }</a>
                } } else { html! { <>
                    <button type="button" data-act="new">{ t.new_dossier }</button>
                    <button type="button" data-act="drafts" aria-expanded={v.s.drafts.is_some().to_string()}>{ t.drafts }</button>
                    <button type="button" data-act="documents" aria-pressed={(screen == Screen::Documents).to_string()} data-testid="documents">{ if screen == Screen::Documents { t.back_to_form } else { t.documents } }</button>
                </> } } }
                <input id="dossier-import" class="file-input" type="file" accept=".json,.html,application/json,text/html" data-testid="dossier-import" onchange={onfile.clone()} />
                <label for="dossier-import" class="button">{ t.open_file }</label>
                <button type="button" class="primary" data-act="export" data-testid="export-json">{ t.export_json }</button>
                // Names leave the device only when asked: the list is written only if ticked.
                { if v.file.roster.as_ref().is_some_and(|r| !r.members.is_empty() || !r.groups.is_empty()) {
                    checkbox("export-roster", v.s.export_roster, t.export_roster, None)
                } else { html! {} } }
                <button type="button" data-act="lang" lang={if v.vi() { "en" } else { "vi" }} aria-label={t.other_lang_name}>{ t.other_lang }</button>
            </nav>
        </div>
        { update(v) }
        { save_state(v) }
        { finalised(v) }
        { notice(v) }
        { undo(v) }
        </header>
        { if screen == Screen::Start { html! {} } else { drafts(v) } }
        { match screen {
            Screen::Start => start::start_page(v),
            Screen::Documents => documents_view(v, oninput),
            Screen::Form => html! { <>
                // Outside the grid, so it sticks over the whole page, not one grid row.
                { result::summary_bar(v) }
                <div class="layout">
                    <aside class="panel" aria-label={t.result} id="result">
                        { verdict(v) }
                        { dates(v) }
                    </aside>
                    <main id="main" {oninput}>
                        <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} autocomplete="off">
                            // A finalised dossier is read-only until it is reopened.
                            <fieldset class="lock" disabled={locked}>
                                { unit_section(v) }
                            </fieldset>
                            // Near the member counts; outside the lock, so its list can still be
                            // exported from a finalised dossier (its import is locked itself).
                            { if v.a.kind.is_some() || v.file.roster.is_some() { roster::roster_panel(v, onfile) } else { html! {} } }
                            <fieldset class="lock" disabled={locked}>
                                { form::paste_box(v) }
                                { criteria(v) }
                            </fieldset>
                        </form>
                    </main>
                </div>
            </> },
        } }
        <footer class="foot" hidden={v.s.embed}>
            <p>{ t.privacy }{ " " }{ t.reading.replace("{months}", &v.a.rules.timing.upgrade_after_months.to_string()) }{ " " }{ t.language_note }</p>
            <p data-testid="version">{ format!("dvht {}{} · {}: {}", env!("CARGO_PKG_VERSION"), option_env!("DVHT_RELEASE").map_or(String::new(), |r| format!(" ({r})")), v.pick("bộ tiêu chí", "rule set"), v.a.rules.id) }</p>
        </footer>
        </>
    }
}

/// What a paste did, as a notice: how many items were added, and each row it could not use.
pub fn pasted_notice(t: &Texts, p: &crate::file::edit::Pasted) -> Notice {
    use crate::file::edit::PasteProblem;
    let title = t.pasted.replace("{n}", &p.added.len().to_string());
    if p.problems.is_empty() {
        return Notice::Info(title);
    }
    let lines = p
        .problems
        .iter()
        .map(|(row, problem)| {
            let what = match problem {
                PasteProblem::Unidentified => t.paste_unidentified.to_string(),
                PasteProblem::NoIndicator => t.paste_no_indicator.to_string(),
                PasteProblem::UnknownIndicator(id) => t.paste_unknown_indicator.replace("{id}", id),
                PasteProblem::BadDate(d) => t.paste_bad_date.replace("{date}", d),
                PasteProblem::OverLimit(limit) => {
                    let lang = if t.lang_code == "vi" { crate::Lang::Vi } else { crate::Lang::En };
                    let message = crate::file::limits::over(*limit);
                    crate::Diagnostic::error(crate::rules::current(), "evidence", message).text(lang)
                }
            };
            t.paste_row.replace("{row}", &row.to_string()).replace("{what}", &what)
        })
        .collect();
    Notice::Problem { title, lines }
}

/// A checkbox whose click runs the command named by its id (`data-act`), with its label and
/// an optional hint it is described by.
fn checkbox(id: &'static str, checked: bool, label: &'static str, hint: Option<&'static str>) -> Html {
    let hint_id = format!("{id}-hint");
    html! {
        <span class={classes!("choice", id)}>
            <input type="checkbox" id={id} data-act={id} data-testid={id} {checked}
                aria-describedby={hint.map(|_| hint_id.clone())} />
            <label for={id}>{ label }</label>
            { hint.map_or(html! {}, |h| html! { <span class="hint" id={hint_id}>{ h }</span> }) }
        </span>
    }
}

fn text_input(v: &View, path: &str, kind: &'static str) -> Html {
    text_input_or(v, path, kind, None)
}

/// A text field that shows, while empty, the value used when it stays empty.
fn text_input_or(v: &View, path: &str, kind: &'static str, default: Option<&str>) -> Html {
    let invalid = v.has_error(path);
    html! {
        <div class="field">
            <label for={path.to_string()}>{ v.label(path) }</label>
            <input id={path.to_string()} name={path.to_string()} type={kind} value={v.shown(path)}
                placeholder={default.map(str::to_string)}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| format!("{path}-error"))} />
            { v.field_messages(path) }
        </div>
    }
}

fn radios(v: &View, path: &str, legend: String, options: &[(&str, &str)]) -> Html {
    radios_or(v, path, legend, options, None)
}

/// Radio buttons showing `default` as chosen while the field is empty (the value the rules use
/// then), so the form never looks unanswered where an answer applies.
fn radios_or(v: &View, path: &str, legend: String, options: &[(&str, &str)], default: Option<&str>) -> Html {
    let shown = v.shown(path);
    let current = if shown.is_empty() { default.unwrap_or_default().to_string() } else { shown };
    html! {
        <fieldset class="choices">
            <legend>{ legend }</legend>
            { for options.iter().enumerate().map(|(i, (value, label))| {
                // The first choice carries the field's path, so messages can focus the group.
                let id = if i == 0 { path.to_string() } else { format!("{path}#{i}") };
                html! {
                    <span class="choice">
                        <input type="radio" id={id.clone()} name={path.to_string()} value={value.to_string()} checked={current == *value} />
                        <label for={id}>{ *label }</label>
                    </span>
                }
            }) }
            { v.field_messages(path) }
        </fieldset>
    }
}

fn select(v: &View, path: &str, label: String, options: &[(&str, String)]) -> Html {
    let current = v.shown(path);
    html! {
        <div class="field">
            <label for={path.to_string()}>{ label }</label>
            <select id={path.to_string()} name={path.to_string()} data-value={current.clone()}>
                { for options.iter().map(|(value, text)| html! {
                    <option value={value.to_string()} selected={current == *value}>{ text.clone() }</option>
                }) }
            </select>
            { v.field_messages(path) }
        </div>
    }
}

fn textarea(v: &View, path: &str, rows: &'static str) -> Html {
    html! {
        <div class="field">
            <label for={path.to_string()}>{ v.label(path) }</label>
            <textarea id={path.to_string()} name={path.to_string()} rows={rows} value={v.shown(path)} />
            { v.field_messages(path) }
        </div>
    }
}
