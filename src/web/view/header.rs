//! The header: save state, update, finalised mark, notices, the drafts list.

use yew::prelude::*;

use super::View;
use crate::web::state::Notice;

pub(super) fn save_state(v: &View) -> Html {
    let t = v.t;
    if v.s.example {
        return html! { <p class="banner info" role="status" data-testid="example">{ t.example_banner }</p> };
    }
    if !v.s.storage_ok {
        return html! { <p class="banner warn" role="alert">{ t.not_saved }</p> };
    }
    if v.s.draft.is_blank() {
        return html! {};
    }
    let (class, text) = if v.unexported { ("save unexported", t.unexported) } else { ("save", t.exported) };
    html! { <p class={class} data-testid="save-state">{ t.saved }{ " · " }{ text }</p> }
}

pub(super) fn update(v: &View) -> Html {
    if !v.s.update_ready {
        return html! {};
    }
    html! {
        <p class="banner info" role="status" data-testid="update">
            { v.t.update_ready }{ " " }<button type="button" class="primary" data-act="update">{ v.t.update_now }</button>
        </p>
    }
}

pub(super) fn finalised(v: &View) -> Html {
    let Some(mark) = &v.s.draft.file.finalised else { return html! {} };
    let code = crate::words::fingerprint_text(mark.fingerprint.as_deref().unwrap_or_default());
    let text =
        v.t.finalised.replace("{date}", &mark.date.map_or_else(String::new, |d| v.date(d))).replace("{code}", &code);
    html! {
        <p class="banner final" role="status" data-testid="finalised">
            { text }{ " " }<button type="button" class="link" data-act="reopen">{ v.t.reopen }</button>
        </p>
    }
}

pub(super) fn notice(v: &View) -> Html {
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

pub(super) fn drafts(v: &View) -> Html {
    let Some(list) = &v.s.drafts else { return html! {} };
    let t = v.t;
    let row = |e: &crate::web::state::DraftEntry| {
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
                <span class="draft-saved">{ e.saved.as_deref().map(crate::web::browser::local_time).unwrap_or_default() }</span>
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

/// The last deletion, with a way to take it back.
pub(super) fn undo(v: &View) -> Html {
    let Some(u) = &v.s.undo else { return html! {} };
    html! {
        <p class="banner info" role="status" data-testid="undo">
            { u.what.clone() }{ " " }<button type="button" class="link" data-act="undo">{ v.t.undo }</button>
        </p>
    }
}
