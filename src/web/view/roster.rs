//! The member list (Danh sách Thành viên): who counts as a member in the Circular's words, the
//! import with its preview, the templates and the export, whether the counts come from the
//! list, the learners by class; and, in the result panel, who a shortfall is about.

use yew::prelude::*;

use super::*;
use crate::engine::assessment::Gap;
use crate::roster::Roster;
use crate::web::roster::Seen;

/// The list of the open dossier, if it has anyone in it.
fn list<'a>(v: &View<'a>) -> Option<&'a Roster> {
    v.file.roster.as_ref().filter(|r| !r.members.is_empty() || !r.groups.is_empty())
}

pub(super) fn roster_panel(v: &View, onfile: Callback<Event>) -> Html {
    let t = v.t;
    let rules = v.a.rules;
    let locked = v.s.draft.file.finalised.is_some();
    let r = list(v);
    let from_list = v.file.roster.as_ref().is_some_and(|r| r.counts_from_list);
    let n = |x: u64| crate::words::number(x, v.lang);
    // What the list holds: its members, and the learner groups' totals (the learner counts
    // come from them; each class is in the export).
    let mut status = String::new();
    if let Some(r) = r.filter(|r| !r.members.is_empty()) {
        status.push_str(&t.roster_members.replace("{n}", &n(r.members.len() as u64)));
    }
    if let Some(r) = r.filter(|r| !r.groups.is_empty()) {
        let total = |i: Input| n(r.groups.iter().filter_map(|g| g.count(i)).fold(0u64, u64::saturating_add));
        let counts: Vec<String> = crate::roster::group_columns(rules)
            .into_iter()
            .map(|i| format!("{} {}", total(i), v.pick(rules.input(i).short_vi, rules.input(i).short_en)))
            .collect();
        status.push(' ');
        status.push_str(
            &t.roster_groups_count
                .replace("{n}", &n(r.groups.len() as u64))
                .replace("{learners}", &total(Input::Learners))
                .replace("{counts}", &counts.join(", ")),
        );
    }
    // The spreadsheets, each a button whose test id is its command and format.
    let mut files =
        vec![("roster-template", "xlsx", t.roster_template_xlsx), ("roster-template", "csv", t.roster_template_csv)];
    if v.a.profile.is_some_and(|p| p.learners) {
        files.push(("roster-template", "groups-csv", t.roster_template_groups));
    }
    if let Some(r) = r {
        files.push(("roster-export", "xlsx", t.roster_export_xlsx));
        if !r.members.is_empty() {
            files.push(("roster-export", "csv", t.roster_export_csv));
        }
        if !r.groups.is_empty() {
            files.push(("roster-export", "groups-csv", t.roster_export_groups));
        }
    }
    html! {
        <section class="card roster" aria-labelledby="h-roster" data-testid="roster">
            <h2 id="h-roster">{ t.roster }</h2>
            <p class="hint">{ t.roster_intro }</p>
            <details class="who">
                <summary>{ t.roster_who }</summary>
                <p lang="vi">{ rules.input(Input::Members).help_vi }</p>
            </details>
            <p data-testid="roster-status">{ if r.is_some() { status } else { t.roster_none.to_string() } }</p>
            { if r.is_some() { checkbox("roster-use", from_list, locked, t.roster_use, Some(t.roster_use_hint)) } else { html! {} } }
            <div class="roster-actions">
                <input id="roster-import" class="file-input" type="file" data-testid="roster-import" disabled={locked}
                    accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    onchange={onfile} />
                <label for="roster-import" class={classes!("button", r.is_none().then_some("primary"), locked.then_some("disabled"))}>{ t.roster_import }</label>
                { for files.into_iter().map(|(act, arg, label)| html! {
                    <button type="button" data-act={act} data-arg={arg} data-testid={format!("{act}-{arg}")}>{ label }</button>
                }) }
            </div>
            { v.s.roster_import.as_ref().map_or(html! {}, |seen| preview(v, seen, locked)) }
            { other_years(v) }
        </section>
    }
}

/// What an import found — how each column was understood and every problem by row and column,
/// laid out by the spreadsheet module — and the choice to replace or merge while it has not
/// taken effect.
fn preview(v: &View, seen: &Seen, locked: bool) -> Html {
    let t = v.t;
    let title = if seen.state == "applied" { t.roster_applied_title } else { t.roster_preview_title };
    let choices = if seen.state == "pending" && !locked {
        vec![("replace", t.roster_replace), ("merge", t.roster_merge), ("", t.cancel)]
    } else {
        vec![("", t.close)]
    };
    html! {
        <section class="roster-preview" id="roster-preview" tabindex="-1" aria-labelledby="h-roster-preview"
            data-testid="roster-preview" data-state={seen.state.clone()}>
            <h3 id="h-roster-preview">{ title.replace("{name}", &seen.name) }</h3>
            <p class={seen.state.clone()} role="status">{ seen.said.clone() }</p>
            // Every text escaped by the module (roster_app::run).
            { Html::from_html_unchecked(AttrValue::from(seen.html.clone())) }
            <div class="roster-choice">{ for choices.into_iter().map(|(mode, label)| {
                let act = if mode.is_empty() { "roster-close" } else { "roster-apply" };
                html! {
                    <button type="button" class={classes!((mode == "replace").then_some("primary"))} data-act={act} data-arg={mode}
                        data-testid={if mode.is_empty() { "roster-close".to_string() } else { format!("roster-{mode}") }}>{ label }</button>
                }
            }) }</div>
        </section>
    }
}

/// Titles the list marks but for another year (rules.md §1): said, so no one wonders why the
/// count is lower than the crosses.
fn other_years(v: &View) -> Html {
    let lines = crate::words::roster::other_years(v.a, v.file, v.lang);
    if lines.is_empty() {
        return html! {};
    }
    let shown = 20;
    html! {
        <div class="other-years">
            <p class="hint">{ v.t.roster_other_year }</p>
            <ul class="hint">
                { for lines.iter().take(shown).map(|l| html! { <li lang="vi">{ l.clone() }</li> }) }
                { if lines.len() > shown { html! { <li>{ v.t.missing_more.replace("{n}", &(lines.len() - shown).to_string()) }</li> } } else { html! {} } }
            </ul>
        </div>
    }
}

/// Who a shortfall is about, when the counts come from the list: "4 thành viên chưa đạt “Công
/// dân học tập”: …", with the whole list to open.
pub(super) fn missing(v: &View) -> Html {
    let Some((_, gaps)) = &v.a.next else { return html! {} };
    let mut inputs: Vec<Input> = gaps
        .iter()
        .filter_map(|g| match g {
            Gap::People { input, .. } => Some(*input),
            _ => None,
        })
        .filter(|i| v.a.not_counted(*i).is_some())
        .collect();
    inputs.dedup();
    if inputs.is_empty() {
        return html! {};
    }
    // Named in the sentence; the rest in a list to open (long lists cut, the export has them).
    const NAMED: usize = 5;
    const LISTED: usize = 300;
    html! { <>{ for inputs.into_iter().map(|input| {
        let Some(line) = crate::words::roster::not_counted(v.a, v.file, input, NAMED, v.lang) else { return html! {} };
        let names = crate::words::roster::not_counted_names(v.a, v.file, input);
        html! {
            <div class="missing" data-testid="missing" data-input={v.a.rules.input(input).key}>
                <p>{ line }</p>
                { if names.len() > NAMED { html! {
                    <details>
                        <summary>{ v.t.missing_all.replace("{n}", &names.len().to_string()) }</summary>
                        <ol class="names" lang="vi">{ for names.iter().take(LISTED).map(|n| html! { <li>{ *n }</li> }) }</ol>
                        { if names.len() > LISTED { html! { <p class="hint">{ v.t.missing_more.replace("{n}", &(names.len() - LISTED).to_string()) }</p> } } else { html! {} } }
                    </details>
                } } else { html! {} } }
            </div>
        }
    }) }</> }
}
