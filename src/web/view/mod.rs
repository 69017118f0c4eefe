//! The page, drawn from the state, the rules table and the engine's result by plain functions.
//! Each control's `id` and `name` are the path of its field in the dossier file.

use yew::prelude::*;

use super::state::{Notice, State};
use super::text::Texts;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::check::Dossier;
use crate::engine::evaluate::{Evaluation, Status};
use crate::rules::{
    IndicatorDef, Input, InputDef, InputKind, Level, Profile, PublicRule, Scope, Test, UnitKind, TT24_2023,
};
use crate::words::{date_vi, field_label};
use crate::{Date, Lang};

pub struct View<'a> {
    pub s: &'a State,
    pub t: &'static Texts,
    pub lang: Lang,
    pub checked: &'a Result<Dossier, Vec<Diagnostic>>,
    pub result: Option<&'a Evaluation>,
    pub profile: Option<(&'static UnitKind, Profile)>,
    pub today: Date,
    /// The dossier changed since it was last exported or opened.
    pub unexported: bool,
}

impl View<'_> {
    fn vi(&self) -> bool {
        self.lang == Lang::Vi
    }
    fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        if self.vi() {
            vi
        } else {
            en
        }
    }
    fn label(&self, path: &str) -> String {
        field_label(path, self.lang).unwrap_or_else(|| path.to_string())
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
            lines.push((true, m.text(path, self.lang)));
        }
        // "Required" is guidance, given once in the result panel, not an error on an empty field.
        if let Err(errors) = self.checked {
            for d in errors.iter().filter(|d| d.field == path && d.code() != "required") {
                lines.push((true, d.text(self.lang)));
            }
        }
        if lines.is_empty() {
            return html! {};
        }
        html! { <>{ for lines.into_iter().map(|(_, l)| html! { <p class="field-error" id={format!("{path}-error")}>{ l }</p> }) }</> }
    }
    fn has_error(&self, path: &str) -> bool {
        self.s.draft.text_error(path).is_some() || matches!(self.checked, Err(e) if e.iter().any(|d| d.field == path))
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
    crate::engine::evaluate::percent_text(count, total, v.lang)
}

pub fn page(v: &View, oninput: Callback<InputEvent>, onfile: Callback<Event>) -> Html {
    let t = v.t;
    let locked = v.s.draft.file.finalised.is_some();
    html! {
        <>
        <a class="skip" href="#main">{ t.skip }</a>
        <header>
        <div class="top">
            <div class="brand">
                <h1>{ t.title }</h1>
                <p>{ t.subtitle }</p>
            </div>
            <nav class="actions" aria-label={v.pick("Thao tác với hồ sơ", "Dossier actions")}>
                { if v.s.embed { html! {
                    <a class="button" href="./" target="_blank" rel="noopener">{ t.open_full }</a>
                } } else { html! { <>
                    <button type="button" data-act="new">{ t.new_dossier }</button>
                    <button type="button" data-act="drafts" aria-expanded={v.s.drafts.is_some().to_string()}>{ t.drafts }</button>
                    <button type="button" data-act="documents" aria-pressed={v.s.documents.to_string()} data-testid="documents">{ if v.s.documents { t.back_to_form } else { t.documents } }</button>
                </> } } }
                <input id="dossier-import" class="file-input" type="file" accept=".json,application/json" data-testid="dossier-import" onchange={onfile} />
                <label for="dossier-import" class="button">{ t.open_file }</label>
                <button type="button" class="primary" data-act="export" data-testid="export-json">{ t.export_json }</button>
                <button type="button" data-act="lang" lang={if v.vi() { "en" } else { "vi" }} aria-label={t.other_lang_name}>{ t.other_lang }</button>
            </nav>
        </div>
        { update(v) }
        { save_state(v) }
        { finalised(v) }
        { notice(v) }
        </header>
        { drafts(v) }
        { if v.s.documents { documents_view(v, oninput) } else { html! {
        <div class="layout">
            <aside class="panel" aria-label={t.result}>
                { verdict(v) }
                { dates(v) }
            </aside>
            <main id="main" {oninput}>
                <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} autocomplete="off">
                    // A finalised dossier is read-only until it is reopened.
                    <fieldset class="lock" disabled={locked}>
                        { unit_section(v) }
                        { criteria(v) }
                    </fieldset>
                </form>
            </main>
        </div>
        } } }
        <footer class="foot" hidden={v.s.embed}>
            <p>{ t.privacy }{ " " }{ t.reading }</p>
            <p data-testid="version">{ format!("dvht {}{} · {}: {}", env!("CARGO_PKG_VERSION"), option_env!("DVHT_RELEASE").map_or(String::new(), |r| format!(" ({r})")), v.pick("bộ tiêu chí", "rule set"), TT24_2023.id) }</p>
        </footer>
        </>
    }
}

fn save_state(v: &View) -> Html {
    let t = v.t;
    if !v.s.storage_ok {
        return html! { <p class="banner warn" role="alert">{ t.not_saved }</p> };
    }
    if v.s.draft.is_blank() {
        return html! {};
    }
    let (class, text) = if v.unexported { ("save unexported", t.unexported) } else { ("save", t.exported) };
    html! { <p class={class} data-testid="save-state">{ t.saved }{ " · " }{ text }</p> }
}

fn update(v: &View) -> Html {
    if !v.s.update_ready {
        return html! {};
    }
    html! {
        <p class="banner info" role="status" data-testid="update">
            { v.t.update_ready }{ " " }<button type="button" class="primary" data-act="update">{ v.t.update_now }</button>
        </p>
    }
}

fn finalised(v: &View) -> Html {
    let Some(mark) = &v.s.draft.file.finalised else { return html! {} };
    let code = mark.fingerprint.clone().unwrap_or_default();
    let code = if code.len() == 8 { format!("{}-{}", &code[..4], &code[4..]) } else { code };
    let text =
        v.t.finalised.replace("{date}", &mark.date.map_or_else(String::new, |d| v.date(d))).replace("{code}", &code);
    html! {
        <p class="banner final" role="status" data-testid="finalised">
            { text }{ " " }<button type="button" class="link" data-act="reopen">{ v.t.reopen }</button>
        </p>
    }
}

fn notice(v: &View) -> Html {
    let Some(n) = &v.s.notice else { return html! {} };
    let dismiss = html! { <button type="button" class="link" data-act="dismiss">{ v.t.dismiss }</button> };
    match n {
        Notice::Info(text) => html! { <div class="banner info" role="status">{ text }{ " " }{ dismiss }</div> },
        Notice::Problem { title, lines } => html! {
            <div class="banner problem" role="alert" data-testid="import-error">
                <p><strong>{ title }</strong></p>
                <ul>{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                { dismiss }
            </div>
        },
    }
}

fn drafts(v: &View) -> Html {
    let Some(list) = &v.s.drafts else { return html! {} };
    let t = v.t;
    let row = |e: &super::state::DraftEntry| {
        if let Some(text) = &e.damaged {
            return html! {
                <li class="draft damaged">
                    <p>{ t.damaged }</p>
                    <pre>{ text.chars().take(400).collect::<String>() }</pre>
                    <button type="button" data-act="delete" data-arg={e.id.clone()}>{ t.delete }</button>
                </li>
            };
        }
        let name = e.name.clone().unwrap_or_else(|| t.unnamed.to_string());
        let year = e.year.map_or(String::new(), |y| y.to_string());
        let current = e.id == v.s.draft.id;
        let next = e.year.map_or(String::new(), |y| (y + 1).to_string());
        html! {
            <li class="draft">
                <span class="draft-name">{ name }{ " · " }{ year }{ if current { format!(" ({})", t.current) } else { String::new() } }</span>
                <span class="draft-saved">{ e.saved.as_deref().map(super::browser::local_time).unwrap_or_default() }</span>
                <span class="draft-actions">
                    <button type="button" data-act="open" data-arg={e.id.clone()} disabled={current}>{ t.open }</button>
                    <button type="button" data-act="carry" data-arg={e.id.clone()}>{ t.carry_forward.replace("{year}", &next) }</button>
                    <button type="button" data-act="delete" data-arg={e.id.clone()}>{ t.delete }</button>
                </span>
            </li>
        }
    };
    html! {
        <section class="drafts" aria-labelledby="h-drafts" data-testid="drafts">
            <h2 id="h-drafts">{ t.draft_list }</h2>
            <ul>{ for list.iter().map(row) }</ul>
            <button type="button" data-act="close-drafts">{ t.close }</button>
        </section>
    }
}

// ── The form ─────────────────────────────────────────────────────────────────────────────

fn text_input(v: &View, path: &str, kind: &'static str) -> Html {
    let invalid = v.has_error(path);
    html! {
        <div class="field">
            <label for={path.to_string()}>{ v.label(path) }</label>
            <input id={path.to_string()} name={path.to_string()} type={kind} value={v.shown(path)}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| format!("{path}-error"))} />
            { v.field_messages(path) }
        </div>
    }
}

fn radios(v: &View, path: &str, legend: String, options: &[(&str, &str)]) -> Html {
    let current = v.shown(path);
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

fn unit_section(v: &View) -> Html {
    let t = v.t;
    let f = &v.s.draft.file;
    let scope = f.unit.scope;
    let kind_options: Vec<(&str, String)> = std::iter::once(("", t.choose_kind.to_string()))
        .chain(
            TT24_2023
                .kinds
                .iter()
                .filter(|k| scope.is_none_or(|s| s == k.scope))
                .map(|k| (k.id, format!("{} ({})", v.pick(k.name_vi, k.name_en), k.scope.name_vi()))),
        )
        .collect();
    let kind = v.profile.map(|(k, _)| k);
    html! {
        <section class="card" aria-labelledby="h-unit">
            <h2 id="h-unit">{ t.unit }</h2>
            { radios(v, "unit.scope", v.label("unit.scope"), &[("huyen", t.scope_huyen), ("tinh", t.scope_tinh)]) }
            { select(v, "unit.kind", v.label("unit.kind"), &kind_options) }
            { kind.map_or(html! {}, |k| html! { <p class="hint" id="kind-who">{ format!("{}: {}", k.article, k.who) }</p> }) }
            { kind.map_or(html! {}, |k| kind_attributes(v, k)) }
            <div class="grid">
                { text_input(v, "unit.name", "text") }
                { text_input(v, "year", "text") }
                { text_input(v, "unit.province", "text") }
                { text_input(v, "unit.district", "text") }
                { text_input(v, "unit.head", "text") }
                { text_input(v, "unit.address", "text") }
            </div>
            { v.profile.map_or(html! {}, |(k, p)| size(v, k, &p)) }
            { previous(v) }
            { submission(v, scope) }
        </section>
    }
}

fn kind_attributes(v: &View, k: &'static UnitKind) -> Html {
    let t = v.t;
    let public = match k.public {
        PublicRule::Choose => {
            radios(v, "unit.public", v.label("unit.public"), &[("true", t.public_yes), ("false", t.public_no)])
        }
        PublicRule::Fixed(true) => html! { <p class="hint">{ t.fixed_public }</p> },
        PublicRule::Fixed(false) => html! { <p class="hint">{ t.fixed_private }</p> },
    };
    let yes_no = |default: bool| {
        vec![
            ("", format!("{} ({})", t.by_kind, if default { t.yes } else { t.no })),
            ("true", t.yes.to_string()),
            ("false", t.no.to_string()),
        ]
    };
    let vocational = if k.vocational.overridable {
        select(v, "unit.vocational", v.label("unit.vocational"), &yes_no(k.vocational.default))
    } else {
        html! {}
    };
    let index = if k.digital_index.overridable {
        let options =
            vec![("", t.by_kind.to_string()), ("4725", t.index_4725.to_string()), ("4740", t.index_4740.to_string())];
        select(v, "unit.digital_index", v.label("unit.digital_index"), &options)
    } else {
        html! {}
    };
    html! { <>{ public }{ vocational }{ index }</> }
}

/// The totals every ratio divides by.
fn size(v: &View, k: &'static UnitKind, p: &Profile) -> Html {
    let totals: Vec<&InputDef> = TT24_2023
        .inputs
        .iter()
        .filter(|d| matches!(d.kind, InputKind::Count { total: None }))
        .filter(|d| crate::engine::check::input_applies(&TT24_2023, k.scope, p, d.id))
        .collect();
    html! {
        <fieldset class="group">
            <legend>{ v.t.size }</legend>
            <div class="grid">{ for totals.into_iter().map(|d| count_input(v, d, None)) }</div>
        </fieldset>
    }
}

fn previous(v: &View) -> Html {
    let t = v.t;
    let options = vec![("", t.never.to_string()), ("1", format!("{} 1", t.level)), ("2", format!("{} 2", t.level))];
    let known = v.s.draft.file.previous_recognition.is_some();
    html! {
        <fieldset class="group">
            <legend>{ t.previous }</legend>
            <div class="grid">
                { select(v, "previous_recognition.level", v.label("previous_recognition.level"), &options) }
                { if known { html! { <>
                    { text_input(v, "previous_recognition.decision_no", "text") }
                    { text_input(v, "previous_recognition.decision_date", "date") }
                </> } } else { html! {} } }
            </div>
        </fieldset>
    }
}

fn submission(v: &View, scope: Option<Scope>) -> Html {
    let t = v.t;
    let default = scope.and_then(|s| TT24_2023.authority(s));
    html! {
        <details class="group" open={v.s.draft.file.submission.is_some()}>
            <summary>{ t.submission }</summary>
            { default.map_or(html! {}, |a| html! {
                <p class="hint">{ format!("{} {}; {} ({}).", t.submission_hint, a.recipient, a.decision_maker, a.article) }</p>
            }) }
            <div class="grid">
                { text_input(v, "submission.recipient", "text") }
                { text_input(v, "submission.decision_maker", "text") }
            </div>
        </details>
    }
}

fn count_input(v: &View, d: &InputDef, thresholds: Option<Html>) -> Html {
    let path = d.path();
    let invalid = v.has_error(&path);
    let help = format!("{path}-help");
    html! {
        <div class="field count">
            <label for={path.clone()}>{ v.pick(d.label_vi, d.label_en) }</label>
            <input id={path.clone()} name={path.clone()} type="text" inputmode="numeric" value={v.shown(&path)}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={if invalid { format!("{path}-error {help}") } else { help.clone() }} />
            <p class="hint" id={help}>{ v.pick(d.help_vi, d.help_en) }{ thresholds.unwrap_or_default() }</p>
            { v.field_messages(&path) }
        </div>
    }
}

fn fact_input(v: &View, d: &InputDef) -> Html {
    let t = v.t;
    let path = d.path();
    match &d.kind {
        InputKind::Flag => radios(
            v,
            &path,
            v.pick(d.label_vi, d.label_en).to_string(),
            &[("true", t.yes), ("false", t.no), ("", t.unanswered)],
        ),
        InputKind::Choice { choices } => {
            let options: Vec<(&str, String)> = std::iter::once(("", t.unanswered.to_string()))
                .chain(choices.iter().map(|c| (c.key, v.pick(c.label_vi, c.label_en).to_string())))
                .collect();
            select(v, &path, v.pick(d.label_vi, d.label_en).to_string(), &options)
        }
        InputKind::Count { .. } => count_input(v, d, None),
    }
}

/// The two levels' definitions of indicator `id`.
fn defs(scope: Scope, id: &str) -> [Option<&'static IndicatorDef>; 2] {
    Level::ALL.map(|level| TT24_2023.indicator(scope, level, id))
}

fn criteria(v: &View) -> Html {
    let Some((kind, profile)) = v.profile else {
        return html! { <p class="card hint">{ v.t.choose_first }</p> };
    };
    let scope = kind.scope;
    let ids = TT24_2023.indicator_ids(scope);
    html! {
        <>{ for TT24_2023.criteria.iter().map(|c| {
            let ids: Vec<&str> = ids.iter().copied().filter(|id| id.starts_with(&format!("{}.", c.number))).collect();
            let (shown, hidden): (Vec<&str>, Vec<&str>) = ids.into_iter().partition(|id| {
                defs(scope, id).iter().flatten().any(|d| d.applies.holds(&profile))
            });
            let heading = format!("h-c{}", c.number);
            html! {
                <section class="criterion" aria-labelledby={heading.clone()}>
                    <h2 id={heading}>{ format!("{} {}: {}", v.t.criterion, c.number, v.pick(c.title_vi, c.title_en)) }</h2>
                    { for shown.iter().map(|id| indicator(v, scope, &profile, id)) }
                    { criterion_notes(v, c.number) }
                    { if hidden.is_empty() { html! {} } else { html! {
                        <p class="hint na">{ v.t.not_applicable_here }{ " " }{ hidden.iter().map(|id| {
                            let d = defs(scope, id)[0].or(defs(scope, id)[1]);
                            format!("{id} ({})", d.map_or("", |d| v.pick(d.title_vi, d.title_en)))
                        }).collect::<Vec<_>>().join("; ") }</p>
                    } } }
                </section>
            }
        }) }</>
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

/// Strengths, weaknesses and the improvement plan the report gives for each criterion.
fn criterion_notes(v: &View, n: u8) -> Html {
    html! {
        <fieldset class="group notes">
            <legend>{ format!("{} {n}", v.t.criterion_notes) }</legend>
            { textarea(v, &format!("report.criteria.{n}.strengths"), "2") }
            { textarea(v, &format!("report.criteria.{n}.weaknesses"), "2") }
            { textarea(v, &format!("report.criteria.{n}.plan"), "2") }
        </fieldset>
    }
}

/// The documents: their details, the team, the exports, and a preview of the pages.
fn documents_view(v: &View, oninput: Callback<InputEvent>) -> Html {
    let t = v.t;
    let locked = v.s.draft.file.finalised.is_some();
    let team = v.s.draft.file.report.as_ref().map_or(0, |r| r.team.len());
    let ready = v.checked.is_ok();
    html! {
        <main id="main" class="documents" {oninput}>
            <section class="card" aria-labelledby="h-docs">
                <h2 id="h-docs">{ t.documents }</h2>
                <p class="hint">{ t.documents_intro }</p>
                <form onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} autocomplete="off">
                    <fieldset class="lock" disabled={locked}>
                        <fieldset class="group">
                            <legend>{ t.document_details }</legend>
                            <div class="grid">
                                { text_input(v, "report.parent", "text") }
                                { text_input(v, "report.request_no", "text") }
                                { text_input(v, "report.report_no", "text") }
                                { text_input(v, "report.place", "text") }
                                { text_input(v, "report.date", "date") }
                                { text_input(v, "report.signer_title", "text") }
                            </div>
                        </fieldset>
                        <fieldset class="group">
                            <legend>{ t.team }</legend>
                            { for (0..team).map(|i| html! {
                                <div class="member" role="group" aria-label={format!("{} {}", t.team, i + 1)}>
                                    { text_input(v, &format!("report.team[{i}].name"), "text") }
                                    { text_input(v, &format!("report.team[{i}].position"), "text") }
                                    { text_input(v, &format!("report.team[{i}].role"), "text") }
                                    <button type="button" class="link danger" data-act="rm-member" data-arg={i.to_string()}
                                        aria-label={format!("{} {} {}", t.remove, t.team, i + 1)}>{ t.remove }</button>
                                </div>
                            }) }
                            <button type="button" data-act="add-member">{ format!("+ {}", t.add_member) }</button>
                        </fieldset>
                        { textarea(v, "report.method", "3") }
                        { textarea(v, "report.conclusion", "3") }
                        { textarea(v, "report.recipients", "3") }
                    </fieldset>
                </form>
                <div class="doc-actions" role="group" aria-label={t.documents}>
                    <button type="button" class="primary" data-act="print" data-arg="" disabled={!ready}>{ t.print_all }</button>
                    <button type="button" data-act="print" data-arg="request" disabled={!ready}>{ t.print_request }</button>
                    <button type="button" data-act="print" data-arg="report" disabled={!ready}>{ t.print_report }</button>
                    <button type="button" data-act="print" data-arg="summary" disabled={!ready}>{ t.print_summary }</button>
                    <button type="button" data-act="docx" data-testid="export-docx" disabled={!ready}>{ t.word }</button>
                    <button type="button" data-act="html-report" data-testid="export-html" disabled={!ready}>{ t.html_report }</button>
                    { if locked {
                        html! { <button type="button" data-act="reopen">{ t.reopen }</button> }
                    } else {
                        html! { <button type="button" data-act="finalise" data-testid="finalise" disabled={!ready}>{ t.finalise }</button> }
                    } }
                </div>
            </section>
            <div class="preview" data-testid="preview">
                { Html::from_html_unchecked(AttrValue::from(super::print::fragment(&v.s.draft.file))) }
            </div>
        </main>
    }
}

/// "tối thiểu 90% (mức độ 1) · 95% (mức độ 2) · hiện 91,7%"
fn thresholds(v: &View, scope: Scope, profile: &Profile, id: &str, input: Input) -> Html {
    let t = v.t;
    let mut parts = Vec::new();
    let mut total = None;
    for (i, d) in defs(scope, id).iter().enumerate() {
        let Some(d) = d.filter(|d| d.applies.holds(profile)) else { continue };
        for p in d.parts.iter().filter(|p| p.applies.holds(profile)) {
            if let Test::Ratio { count, total: tot, percent } = p.test {
                if count == input {
                    parts.push(format!("{percent}% ({} {})", t.level_lower, i + 1));
                    total = Some(tot);
                }
            }
        }
    }
    let values = &v.s.draft.file.values;
    let now = match (values.count(input), total.and_then(|t| values.count(t))) {
        (Some(c), Some(t)) if t > 0 => format!(" · {} {}", v.pick("hiện", "now"), percent(v, c, t)),
        _ => String::new(),
    };
    html! { <span class="thresholds">{ format!(" {} {}{now}", t.at_least, parts.join(" · ")) }</span> }
}

fn badge(v: &View, level: Level, id: &str) -> Html {
    let Some(ind) = v.result.and_then(|r| r.indicator(level, id)) else { return html! {} };
    let mut text = format!("{} {}: {}", v.t.level, level.number(), v.t.statuses[status_index(ind.status)]);
    if ind.status == Status::Fail {
        // The shortfall in words: "thiếu 2 thành viên, 5 người học".
        let parts: Vec<String> = ind
            .ratios()
            .iter()
            .filter_map(|(key, r)| r.shortfall.filter(|n| *n > 0).map(|n| (key, n)))
            .map(|(key, n)| format!("{n} {}", if *key == "learners" { v.t.learners_word } else { v.t.members_word }))
            .collect();
        if !parts.is_empty() {
            text.push_str(&format!(" ({} {})", v.t.short_of, parts.join(", ")));
        }
    }
    html! { <span class={classes!("badge", status_class(ind.status))} data-level={level.number().to_string()} data-status={format!("{:?}", ind.status)}>{ text }</span> }
}

fn indicator(v: &View, scope: Scope, profile: &Profile, id: &str) -> Html {
    let t = v.t;
    let [one, two] = defs(scope, id);
    let Some(first) = one.or(two) else { return html! {} };
    let mut inputs: Vec<Input> = [one, two].iter().flatten().flat_map(|d| d.inputs_for(profile)).collect();
    inputs.sort();
    inputs.dedup();
    // Totals are asked once, with the unit's size.
    inputs.retain(|i| !matches!(TT24_2023.input(*i).kind, InputKind::Count { total: None }));
    let cite = [one, two].iter().flatten().map(|d| d.cite.short()).collect::<Vec<_>>();
    let mut cites = cite.clone();
    cites.dedup();
    let heading = format!("h-{id}");
    let texts: Vec<&str> = {
        let mut x: Vec<&str> =
            [one, two].iter().flatten().filter(|d| d.applies.holds(profile)).map(|d| d.text).collect();
        x.dedup();
        x
    };
    let items = v.s.draft.file.evidence_for(id);
    html! {
        <article class="indicator" id={format!("ind-{id}")} aria-labelledby={heading.clone()}>
            <header>
                <h3 id={heading}>{ format!("{} {id} — {}", t.indicator, v.pick(first.title_vi, first.title_en)) }</h3>
                <span class="cite">{ cites.join(" · ") }</span>
                <span class="badges">{ badge(v, Level::One, id) }{ badge(v, Level::Two, id) }</span>
            </header>
            <details class="wording">
                <summary>{ t.wording }</summary>
                { for texts.iter().map(|x| html! { <p>{ *x }</p> }) }
            </details>
            <div class="inputs">
                { for inputs.iter().map(|i| {
                    let d = TT24_2023.input(*i);
                    match d.kind {
                        InputKind::Count { .. } => count_input(v, d, Some(thresholds(v, scope, profile, id, *i))),
                        _ => fact_input(v, d),
                    }
                }) }
            </div>
            <fieldset class="evidence">
                <legend>{ format!("{} ({})", t.evidence, items.len()) }</legend>
                { for items.iter().enumerate().map(|(i, _)| evidence_item(v, id, i)) }
                <button type="button" data-act="add-ev" data-arg={id.to_string()}>{ format!("+ {} {id}", t.add_evidence) }</button>
                { v.field_messages(&format!("evidence.{id}")) }
            </fieldset>
            <div class="field note">
                <label for={format!("notes.{id}")}>{ format!("{} ({} {id})", t.note, t.indicator) }</label>
                <textarea id={format!("notes.{id}")} name={format!("notes.{id}")} rows="2" value={v.shown(&format!("notes.{id}"))} />
            </div>
        </article>
    }
}

fn evidence_item(v: &View, id: &str, i: usize) -> Html {
    let base = format!("evidence.{id}[{i}]");
    let field = |f: &str, kind: &'static str| text_input(v, &format!("{base}.{f}"), kind);
    html! {
        <div class="evidence-item" role="group" aria-label={format!("{} {} {}", v.t.evidence, id, i + 1)}>
            { field("code", "text") }
            { field("title", "text") }
            { field("number", "text") }
            { field("date", "date") }
            { field("issuer", "text") }
            { field("location", "text") }
            <button type="button" class="link danger" data-act="rm-ev" data-arg={format!("{id}|{i}")}
                aria-label={format!("{} {} {}", v.t.remove, v.t.evidence, i + 1)}>{ v.t.remove }</button>
            { v.field_messages(&base) }
        </div>
    }
}

// ── The verdict ──────────────────────────────────────────────────────────────────────────

fn verdict(v: &View) -> Html {
    let t = v.t;
    let (dossier, result) = match (v.checked, v.result) {
        (Ok(d), Some(r)) => (d, r),
        (Err(errors), _) => {
            let incomplete = errors.iter().all(|e| e.code() == "required");
            return html! {
                <section class="verdict" data-testid="verdict" data-level="0" data-state="invalid" aria-labelledby="h-result">
                    <h2 id="h-result">{ t.result }</h2>
                    { if incomplete && v.profile.is_none() { html! { <p>{ t.choose_first }</p> } } else { html! {
                        <>
                        <p>{ t.fix_first }</p>
                        <ul class="problems">{ for errors.iter().map(|e| html! {
                            <li><a href={format!("#{}", e.field)} data-act="focus" data-arg={e.field.clone()}>{ e.text(v.lang) }</a></li>
                        }) }</ul>
                        </>
                    } } }
                </section>
            };
        }
        _ => return html! {},
    };
    let progress = crate::words::summary::progress(dossier);
    let headline = crate::words::summary::headline(dossier, result, v.lang);
    let ignoring = match result.level_ignoring_evidence {
        0 => t.no_level.to_string(),
        n => format!("{} {n}", t.level_lower),
    };
    let ignoring = if v.vi() && result.level_ignoring_evidence > 0 { format!("đạt {ignoring}") } else { ignoring };
    html! {
        <section class="verdict" data-testid="verdict" data-level={result.level.to_string()} data-state="evaluated" aria-labelledby="h-result">
            <h2 id="h-result">{ t.result }</h2>
            <p class={classes!("headline", format!("level-{}", result.level))} aria-live="polite">{ headline }</p>
            <p data-testid="level-ignoring-evidence" data-level={result.level_ignoring_evidence.to_string()}>{ format!("{} {ignoring}.", t.with_evidence) }</p>
            <table class="criteria-state">
                <caption>{ t.criteria_state }</caption>
                <thead><tr><th scope="col">{ t.criterion }</th>{ for result.levels.iter().map(|l| html! {
                    <th scope="col">{ format!("{} {}", t.level, l.level.number()) }</th>
                }) }</tr></thead>
                <tbody>{ for (0..3).map(|c| html! {
                    <tr>
                        <th scope="row">{ c + 1 }</th>
                        { for result.levels.iter().map(|l| {
                            let met = l.criteria.get(c).is_some_and(|x| x.met);
                            html! { <td class={if met { "st-pass" } else { "st-fail" }}>{ if met { t.met } else { t.not_met } }</td> }
                        }) }
                    </tr>
                }) }</tbody>
            </table>
            <div class="progress">
                <h3>{ t.progress }</h3>
                <label>
                    <progress max={progress.applicable.to_string()} value={progress.answered.to_string()}></progress>
                    { format!(" {}/{} {}", progress.answered, progress.applicable, t.entered) }
                </label>
                <label>
                    <progress max={progress.applicable.to_string()} value={progress.evidenced.to_string()}></progress>
                    { format!(" {}/{} {}", progress.evidenced, progress.applicable, t.evidenced) }
                </label>
            </div>
            { chart(v, dossier) }
            { diagnostics(v, result) }
        </section>
    }
}

/// Each ratio against its level-1 and level-2 thresholds, as bars.
fn chart(v: &View, dossier: &Dossier) -> Html {
    let scope = dossier.scope();
    let profile = dossier.profile();
    let values = dossier.values();
    // One row per (indicator, count) with the threshold each level sets on it.
    let mut rows: Vec<(&str, Input, Input, [Option<u32>; 2])> = Vec::new();
    for (li, level) in Level::ALL.into_iter().enumerate() {
        for d in TT24_2023.indicators_for(scope, level).filter(|d| d.applies.holds(profile)) {
            for p in d.parts.iter().filter(|p| p.applies.holds(profile)) {
                if let Test::Ratio { count, total, percent } = p.test {
                    match rows.iter_mut().find(|r| r.0 == d.id && r.1 == count) {
                        Some(r) => r.3[li] = Some(percent),
                        None => {
                            let mut th = [None, None];
                            th[li] = Some(percent);
                            rows.push((d.id, count, total, th));
                        }
                    }
                }
            }
        }
    }
    if rows.is_empty() {
        return html! {};
    }
    rows.sort_by_key(|r| (r.0, r.3[0].is_none()));
    // Geometry in whole units: the bar spans x 52..252 for 0..100%, so 1% is 2 units.
    let height = rows.len() * 26 + 4;
    let x = |per_mille: u64| 52 + per_mille.min(1000) / 5;
    html! {
        <figure class="chart">
            <figcaption>{ v.t.chart }</figcaption>
            <svg viewBox={format!("0 0 300 {height}")} role="img" aria-labelledby="chart-desc" class="bars">
                <desc id="chart-desc">{ v.t.chart_note }</desc>
                { for rows.iter().enumerate().map(|(i, (id, count, total, th))| {
                    let y = i * 26 + 4;
                    let (c, tot) = (values.count(*count), values.count(*total));
                    let per_mille = match (c, tot) {
                        (Some(c), Some(t)) if t > 0 => Some(u64::try_from(u128::from(c) * 1000 / u128::from(t)).unwrap_or(1000)),
                        _ => None,
                    };
                    let meets = |p: Option<u32>| match (c, tot, p) { (Some(c), Some(t), Some(p)) => crate::engine::evaluate::meets(c, t, p), _ => false };
                    let class = if meets(th[1]) || (th[1].is_none() && meets(th[0])) { "bar ok2" } else if meets(th[0]) { "bar ok1" } else { "bar low" };
                    // Two counts for one indicator (2.4): say which level each serves.
                    let twin = rows.iter().filter(|r| r.0 == *id).count() > 1;
                    let label = match (*count == Input::LearnersLearningCitizen, twin, th) {
                        (true, _, _) => format!("{id}*"),
                        (false, true, [Some(_), None]) => format!("{id} ({}1)", v.pick("M", "L")),
                        (false, true, [None, Some(_)]) => format!("{id} ({}2)", v.pick("M", "L")),
                        _ => id.to_string(),
                    };
                    let d = TT24_2023.input(*count);
                    let mark = |p: Option<u32>, class: &'static str| p.map_or(html! {}, |p| {
                        let at = x(u64::from(p) * 10).to_string();
                        html! { <line x1={at.clone()} x2={at} y1={y.saturating_sub(2).to_string()} y2={(y + 20).to_string()} class={class} /> }
                    });
                    html! {
                        <g>
                            <title>{ format!("{} {id}: {}", v.t.indicator, v.pick(d.short_vi, d.short_en)) }</title>
                            <text x="0" y={(y + 14).to_string()} class="bar-label">{ label }</text>
                            <rect x="52" y={y.to_string()} width="200" height="18" class="bar-bg" />
                            { per_mille.map_or(html! {}, |p| html! { <rect x="52" y={y.to_string()} width={(x(p) - 52).to_string()} height="18" class={class} /> }) }
                            { mark(th[0], "mark1") }
                            { mark(th[1], "mark2") }
                            <text x="258" y={(y + 14).to_string()} class="bar-value">{ match (c, tot) { (Some(c), Some(t)) => percent(v, c, t), _ => "—".into() } }</text>
                        </g>
                    }
                }) }
            </svg>
            <p class="hint">{ v.t.chart_note }{ if rows.iter().any(|r| r.1 == Input::LearnersLearningCitizen) { v.pick(" * người học.", " * learners.") } else { "" } }</p>
        </figure>
    }
}

fn diagnostics(v: &View, result: &Evaluation) -> Html {
    // Missing evidence is shown on each indicator; the UI shows the kind's own answer for
    // `public`, so a stored answer of another kind is not worth a warning here.
    let shown: Vec<&Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|d| d.code() != "missing_evidence" && !(d.code() == "fixed_by_kind" && d.field == "unit.public"))
        .collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <div class="diagnostics">
            <h3>{ v.t.notes }</h3>
            <ul>{ for shown.iter().map(|d| html! {
                <li class={if d.severity == Severity::Warning { "warn" } else { "note" }}>{ d.text(v.lang) }</li>
            }) }</ul>
        </div>
    }
}

fn dates(v: &View) -> Html {
    let (Ok(dossier), Some(result)) = (v.checked, v.result) else { return html! {} };
    let t = v.t;
    let events = crate::words::calendar::events(&v.s.draft.file, dossier, result, v.lang);
    html! {
        <section class="dates" aria-labelledby="h-dates">
            <h2 id="h-dates">{ t.dates }</h2>
            <ul>{ for events.iter().map(|e| {
                let days = v.today.days_until(e.date);
                let left = match days {
                    d if d < 0 => t.passed.to_string(),
                    0 => t.last_day_today.to_string(),
                    d => t.days_left.replace("{n}", &d.to_string()),
                };
                html! {
                    <li>
                        <strong>{ v.date(e.date) }</strong>{ format!(" ({left}) — {}", e.title) }
                        <span class="hint">{ format!(" [{}]", e.source) }</span>
                    </li>
                }
            }) }</ul>
            <button type="button" data-act="ics">{ t.calendar }</button>
        </section>
    }
}
