//! The member list (Danh sách Thành viên): its card, whose body the spreadsheet module draws
//! (`roster_app::panel`, kept in `web::roster::Drawn`), and, in the result panel, who a
//! shortfall is about, drawn there too. The module's change events (the list's file input)
//! bubble to the card's handler, its clicks to the app's (`data-act`).

use yew::prelude::*;

use super::*;

pub(super) fn roster_panel(v: &View, onfile: Callback<Event>) -> Html {
    html! {
        <section class="card roster" aria-labelledby="h-roster" data-testid="roster" onchange={onfile}>
            <h2 id="h-roster">{ v.t.roster }</h2>
            // Every text escaped by the module.
            { if v.roster.ready() {
                Html::from_html_unchecked(v.roster.panel.clone())
            } else if v.s.sheets_failed {
                // Offline before a first visit cached it, say: said, with a way to try again
                // (fixed words of text.rs, as markup: less code in the first module).
                Html::from_html_unchecked(AttrValue::Static(v.t.roster_retry))
            } else {
                html! { <p class="hint">{ v.t.roster_loading }</p> }
            } }
        </section>
    }
}

/// Who a shortfall is about, when the counts come from the list.
pub(super) fn missing(v: &View) -> Html {
    if v.roster.missing.is_empty() {
        return html! {};
    }
    Html::from_html_unchecked(v.roster.missing.clone())
}
