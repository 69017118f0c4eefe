//! Step 4 (Điều 10.2d–đ, 16.2d–đ): the papers — the letter to each unit refused, the Tờ
//! trình, the Báo cáo thẩm định, each unit's Bản tổng hợp as appraised, the draft Quyết định
//! with its list — each printed as a job of its own, or all as one Word file or HTML page.

use yew::prelude::*;

use super::{label, text_field, View};
use crate::appraisal_web::papers::{self, Paper};

fn paper_row(v: &View, p: &Paper) -> Html {
    html! {
        <li class="paper" data-testid="paper" data-key={p.key.clone()}>
            <span class="paper-title">{ p.title.clone() }</span>
            <span class="paper-actions">
                <button type="button" data-act="preview" data-arg={p.key.clone()} aria-label={format!("{} {}", v.pick("Xem", "View"), p.title)}>{ v.pick("Xem", "View") }</button>
                <button type="button" data-act="print" data-arg={p.key.clone()} data-testid={format!("print-{}", p.key)} aria-label={format!("{} {}", v.pick("In", "Print"), p.title)}>{ v.pick("In", "Print") }</button>
                <button type="button" data-act="word" data-arg={p.key.clone()} aria-label={format!("Word: {}", p.title)}>{ "Word" }</button>
            </span>
        </li>
    }
}

/// Many papers of one sort (letters, Bản tổng hợp): the first ones listed, the rest on demand.
fn group(v: &View, title: &str, list: &[Paper], testid: &'static str) -> Html {
    if list.is_empty() {
        return html! {};
    }
    const SHOWN: usize = 20;
    html! {
        <details class="paper-group" open={list.len() <= SHOWN} data-testid={testid}>
            <summary>{ format!("{title} ({})", v.n(list.len())) }</summary>
            <ul class="papers">{ for list.iter().take(200).map(|p| paper_row(v, p)) }</ul>
            { if list.len() > 200 { html! { <p class="hint">{ v.pick("Các văn bản còn lại có trong “In tất cả” và bản Word.", "The others are in “Print all” and the Word file.") }</p> } } else { html! {} } }
        </details>
    }
}

pub fn screen(v: &View) -> Html {
    let w = v.w;
    let letters = papers::letters(w);
    let summaries = papers::summaries(w);
    let sub = papers::submission();
    let ready = v.reg.year.is_some() && v.reg.scope.is_some();
    let decided = summaries.len();
    let preview = if v.s.paper.is_empty() { None } else { Some(papers::fragment(w, &v.s.paper)) };
    html! {
        <>
        <section class="card" aria-labelledby="h-decision">
            <h2 id="h-decision">{ v.pick("Quyết định công nhận", "The decision") }</h2>
            <p class="hint">{ v.pick("Số và ngày của Quyết định, khi Chủ tịch UBND đã ký; để trống khi lập dự thảo.", "The decision's number and date once it is signed; empty for the draft.") }</p>
            <div class="grid">
                { text_field(v, "decision.number", &label(v, "decision.number"), "text", false) }
                { text_field(v, "decision.date", &label(v, "decision.date"), "date", false) }
            </div>
        </section>
        <section class="card" aria-labelledby="h-papers" data-testid="papers">
            <div class="card-head">
                <h2 id="h-papers">{ v.pick("Văn bản", "Papers") }</h2>
                <div class="actions">
                    <button type="button" class="primary" data-act="print" data-arg="all" data-testid="print-all" disabled={!ready}>{ v.pick("In tất cả (mỗi văn bản một lần in)", "Print all (each paper a job)") }</button>
                    <button type="button" data-act="word" data-arg="all" data-testid="word-all" disabled={!ready}>{ v.pick("Tải Word (.docx)", "Word (.docx)") }</button>
                    <button type="button" data-act="html" data-arg="all" data-testid="html-all" disabled={!ready}>{ v.pick("Tải HTML", "HTML") }</button>
                </div>
            </div>
            { if !ready { html! { <p class="hint">{ v.pick("Chọn cấp và năm đánh giá ở bước 1 để lập văn bản.", "Choose the scope and year in step 1 to make the papers.") }</p> } } else { html! {
                <>
                <p class="hint">{ format!("{} {} · {} {}", v.n(decided), v.pick("đơn vị được đề nghị công nhận", "units proposed for recognition"), v.n(letters.len()), v.pick("đơn vị không được công nhận", "refused")) }</p>
                { group(v, v.pick("Văn bản trả lời đơn vị không được công nhận (điểm d)", "Letters to the units refused (point d)"), &letters, "letters") }
                <h3>{ v.pick("Hồ sơ trình Chủ tịch UBND (điểm đ)", "The file put to the chair of the People's Committee (point đ)") }</h3>
                <ul class="papers">
                    { paper_row(v, &sub[0]) }
                    { paper_row(v, &sub[1]) }
                </ul>
                { group(v, v.pick("Bản tổng hợp kết quả đánh giá của từng đơn vị, theo thẩm định", "Each unit's summary as appraised"), &summaries, "summaries") }
                <ul class="papers">{ paper_row(v, &sub[2]) }</ul>
                </>
            } } }
        </section>
        { match preview {
            Some(html) => html! {
                <section class="card" aria-labelledby="h-preview">
                    <div class="card-head">
                        <h2 id="h-preview">{ v.pick("Xem trước", "Preview") }</h2>
                        <button type="button" data-act="preview" data-arg="">{ v.pick("Đóng", "Close") }</button>
                    </div>
                    <div class="preview" data-testid="preview">{ Html::from_html_unchecked(AttrValue::from(html)) }</div>
                </section>
            },
            None => html! {},
        } }
        </>
    }
}
