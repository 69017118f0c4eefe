//! Step 6 (Điều 5.4, 11.4): the register of recognitions kept year after year. Last year's is
//! taken in, so this year's intake shows each unit's previous decision and whether it may ask
//! for an upgrade or must renew; this year's decisions are added to it for next year.

use yew::prelude::*;

use super::View;
use crate::appraisal::recognitions::Recognition;
use crate::appraisal::report;

fn table(v: &View, list: &[Recognition], caption: &str, testid: &'static str) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <div class="table-wrap">
            <table class="register compact" data-testid={testid}>
                <caption>{ format!("{caption} ({})", v.n(list.len())) }</caption>
                <thead><tr>
                    <th scope="col">{ v.pick("Đơn vị", "Unit") }</th>
                    <th scope="col">{ v.pick("Loại", "Kind") }</th>
                    <th scope="col">{ v.pick("Mức độ", "Level") }</th>
                    <th scope="col">{ v.pick("Năm", "Year") }</th>
                    <th scope="col">{ v.pick("Quyết định", "Decision") }</th>
                </tr></thead>
                <tbody>{ for list.iter().take(100).map(|r| html! {
                    <tr>
                        <td>{ r.unit.clone().unwrap_or_default() }</td>
                        <td>{ r.kind.as_deref().map(|k| v.kind_name(k)).unwrap_or_default() }</td>
                        <td class="num">{ r.level.map_or(String::new(), |l| l.number().to_string()) }</td>
                        <td class="num">{ r.year.map_or(String::new(), |y| y.to_string()) }</td>
                        <td>{ match (&r.decision_no, r.decision_date) {
                            (None, None) => v.pick("Chưa có số, ngày (bước 4)", "No number or date yet (step 4)").to_string(),
                            (no, date) => format!("{} {}", no.clone().unwrap_or_else(|| "…".into()), v.opt_date(date)),
                        } }</td>
                    </tr>
                }) }</tbody>
            </table>
            { if list.len() > 100 { html! { <p class="hint">{ v.pick("100 dòng đầu; đủ cả trong tệp tải về.", "The first 100 rows; all are in the files.") }</p> } } else { html! {} } }
        </div>
    }
}

pub fn screen(v: &View, onfile: Callback<Event>) -> Html {
    let known = v.w.known.as_ref().map(|k| k.entries.as_slice()).unwrap_or_default();
    let this_year = report::recognitions(&v.w.file, v.reg);
    let with_previous = v.reg.entries.iter().filter(|e| e.previous.is_some()).count();
    html! {
        <>
        <section class="card" aria-labelledby="h-known">
            <h2 id="h-known">{ v.pick("Sổ theo dõi công nhận các năm trước", "Recognitions of earlier years") }</h2>
            <p class="hint">{ v.pick("Mở tệp sổ theo dõi (dvht-register, .json) đã lưu năm trước: mỗi hồ sơ năm nay được đối chiếu với quyết định trước của đơn vị, để biết được đề nghị nâng mức độ hay phải công nhận lại.", "Open last year's register file (dvht-register, .json): each dossier is then read with the unit's previous decision, to tell an upgrade from a renewal.") }</p>
            <input id="open-register" name="open-register" class="file-input" type="file" accept=".json,application/json" data-testid="open-register" onchange={onfile} />
            <div class="start-actions">
                <label for="open-register" class="button primary">{ v.pick("Mở sổ theo dõi công nhận…", "Open a register…") }</label>
                { if known.is_empty() { html! {} } else { html! {
                    <button type="button" class="danger" data-act="rm-register">{ v.pick("Bỏ sổ này", "Remove it") }</button>
                } } }
            </div>
            { if known.is_empty() { html! {} } else { html! {
                <p data-testid="known-count">{ format!("{} {} · {} {}", v.n(known.len()), v.pick("quyết định công nhận trong sổ", "recognitions in the register"), v.n(with_previous), v.pick("hồ sơ năm nay có quyết định trước", "dossiers this year with a previous decision")) }</p>
            } } }
            { table(v, known, v.pick("Trong sổ", "In the register"), "known") }
        </section>
        <section class="card" aria-labelledby="h-next">
            <h2 id="h-next">{ v.pick("Sổ cho năm sau", "The register for next year") }</h2>
            <p class="hint">{ v.pick("Sổ năm trước cùng các đơn vị được đề nghị công nhận năm nay (số, ngày Quyết định lấy ở bước 4). Lưu lại để tiếp nhận năm sau.", "Last year's register with this year's recognitions (the decision's number and date from step 4). Keep it for next year's intake.") }</p>
            <div class="start-actions">
                <button type="button" class="primary" data-act="registry" data-arg="json" data-testid="registry-json">{ v.pick("Tải sổ (.json)", "Register (.json)") }</button>
                <button type="button" data-act="registry" data-arg="xlsx">{ "Excel (.xlsx)" }</button>
                <button type="button" data-act="registry" data-arg="csv">{ "CSV" }</button>
            </div>
            { table(v, &this_year, v.pick("Công nhận năm nay", "Recognised this year"), "this-year") }
        </section>
        </>
    }
}
