//! The documents view: their details, the team, the exports, and a preview of the pages.

use yew::prelude::*;

use super::*;

pub(super) fn documents_view(v: &View, oninput: Callback<InputEvent>) -> Html {
    let t = v.t;
    let locked = v.s.draft.file.finalised.is_some();
    let team = v.s.draft.file.report.as_ref().map_or(0, |r| r.team.len());
    let ready = v.a.evaluation.is_some();
    // No Tờ trình when nothing may be asked (rules.md §7): say why instead.
    let requested =
        v.a.evaluation.as_ref().is_some_and(|r| r.request.kind != crate::engine::evaluate::RequestKind::None);
    let has_list = v.file.roster.as_ref().is_some_and(|r| !r.members.is_empty() || !r.groups.is_empty());
    html! {
        <main id="main" class="documents" {oninput}>
            <section class="card" aria-labelledby="h-docs">
                <h2 id="h-docs">{ t.documents }</h2>
                <p class="hint">{ t.documents_intro.replace("{cite}", &crate::words::cites_short(&own_procedures(v).map(|p| p.submit).collect::<Vec<_>>(), v.lang)) }</p>
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
                                { text_input_or(v, "report.signer_title", "text", v.a.kind.map(|k| v.a.rules.signer(k))) }
                            </div>
                        </fieldset>
                        <fieldset class="group">
                            <legend>{ t.team }</legend>
                            <div class="grid">
                                { text_input(v, "report.team_decision.number", "text") }
                                { text_input(v, "report.team_decision.date", "date") }
                            </div>
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
                <p class="hint" id="embed-hint">{ t.embed_hint }</p>
                { if ready && !requested { html! {
                    <p class="banner info" data-testid="no-request">{ t.no_request }{ " " }{ crate::words::summary::request_sentence(v.a, v.lang) }</p>
                } } else { html! {} } }
                <div class="doc-actions" role="group" aria-label={t.documents}>
                    <button type="button" class="primary" data-act="print" data-arg="" disabled={!ready}>{ t.print_all }</button>
                    <button type="button" data-act="print" data-arg="request" disabled={!ready || !requested}>{ t.print_request }</button>
                    <button type="button" data-act="print" data-arg="report" disabled={!ready}>{ t.print_report }</button>
                    <button type="button" data-act="print" data-arg="summary" disabled={!ready}>{ t.print_summary }</button>
                    <button type="button" data-act="docx" data-testid="export-docx" disabled={!ready}>{ t.word }</button>
                    <button type="button" data-act="html-report" data-testid="export-html" disabled={!ready}>{ t.html_report }</button>
                    <span class="choice embed-choice">
                        <input type="checkbox" id="embed-dossier" data-act="embed-dossier" checked={v.s.embed_dossier} aria-describedby="embed-hint" />
                        <label for="embed-dossier">{ t.embed_dossier }</label>
                    </span>
                    { if has_list { checkbox("annex", v.s.annex, t.annex, Some(t.annex_hint)) } else { html! {} } }
                    { if locked {
                        html! { <button type="button" data-act="reopen">{ t.reopen }</button> }
                    } else {
                        html! { <button type="button" data-act="finalise" data-testid="finalise" disabled={!ready}>{ t.finalise }</button> }
                    } }
                </div>
            </section>
            <div class="preview" data-testid="preview" lang="vi" tabindex="0" role="region" aria-label={v.pick("Xem trước văn bản", "Preview of the documents")}>
                { match crate::web::print::fragment(v.derived, v.lang, v.s.annex && has_list) {
                    Some(docs) => Html::from_html_unchecked(AttrValue::from(docs)),
                    None => html! { <p class="loading" role="status">{ t.documents_loading }</p> },
                } }
            </div>
        </main>
    }
}

/// The procedure of the dossier's own scope (both while the scope is not chosen): a message
/// cites its own scope's article, never both (rules.md §5).
pub(super) fn own_procedures<'a>(v: &View<'a>) -> impl Iterator<Item = &'static crate::rules::Procedure> + 'a {
    let scope = v.file.unit.scope;
    v.a.rules.procedures.iter().filter(move |p| scope.is_none_or(|s| s == p.scope))
}
