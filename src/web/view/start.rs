//! The start page: what dvht does in four steps, and where to begin — a new dossier, a draft
//! on this device, a file, or the worked example.

use yew::prelude::*;

use super::View;
use crate::web::state::DraftEntry;

pub(super) fn start_page(v: &View) -> Html {
    let t = v.t;
    let drafts: Vec<&DraftEntry> = v.s.drafts.iter().flatten().filter(|e| e.damaged.is_none()).collect();
    html! {
        <main id="main" class="start" data-testid="start">
            <section class="card hero" aria-labelledby="h-start">
                <h2 id="h-start">{ t.start_title }</h2>
                <p>{ t.start_intro.replace("{number}", v.a.rules.number) }</p>
                <ol class="steps">
                    { for t.steps.iter().map(|(title, text)| html! {
                        <li><strong>{ *title }</strong>{ " — " }{ *text }</li>
                    }) }
                </ol>
                <div class="start-actions">
                    <button type="button" class="primary" data-act="new" data-testid="start-new">{ t.start_new }</button>
                    <label for="dossier-import" class="button">{ t.open_file }</label>
                    <button type="button" data-act="example" data-testid="open-example">{ t.open_example }</button>
                </div>
                <p class="hint">{ t.json_explained }</p>
                // The receiving side: a module of its own, loaded by `?tiep-nhan` (web/mod.rs).
                <p>{ t.appraisal_for }<a href="?tiep-nhan" data-testid="open-appraisal-mode">{ t.appraisal_open }</a></p>
            </section>
            <section class="card" aria-labelledby="h-continue">
                <h2 id="h-continue">{ t.continue_draft }</h2>
                { if drafts.is_empty() { html! { <p class="hint">{ t.no_drafts }</p> } } else { html! {
                    <ul class="start-drafts">
                        { for drafts.iter().map(|e| {
                            let name = e.name.clone().unwrap_or_else(|| t.unnamed.to_string());
                            let year = e.year.map_or(String::new(), |y| format!(" · {y}"));
                            html! {
                                <li>
                                    <button type="button" class="link" data-act="open" data-arg={e.id.clone()}>{ format!("{name}{year}") }</button>
                                    <span class="hint">{ e.saved.as_deref().map(crate::web::browser::local_time).unwrap_or_default() }</span>
                                </li>
                            }
                        }) }
                    </ul>
                } } }
            </section>
        </main>
    }
}
