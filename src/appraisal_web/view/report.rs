//! Step 5 (Điều 20.3, 18.3): the year's report with its deadline (the province's date beside
//! the Circular's), the counts by kind, level and form with a chart, the refusals with their
//! reasons and the recognitions expiring; every table as CSV and as an Excel workbook. A Sở
//! takes its Phòng's reports in and merges them.

use yew::prelude::*;

use super::View;
use crate::appraisal::report::{tally, Tally, YearReport};
use crate::appraisal::Outcome;
use crate::appraisal_web::papers;
use crate::engine::assessment::Source;

fn deadlines(v: &View) -> Html {
    let Some(d) = &v.reg.deadlines else {
        return html! { <p class="hint">{ v.pick("Chọn cấp và năm đánh giá ở bước 1 để biết thời hạn.", "Choose the scope and year in step 1 to see the deadlines.") }</p> };
    };
    let left = if d.days_left > 0 {
        if v.vi() {
            format!("còn {} ngày", d.days_left)
        } else {
            format!("{} days left", d.days_left)
        }
    } else {
        v.pick("đã quá hạn", "passed").to_string()
    };
    let circular = |c: crate::rules::Cite| {
        format!(
            "{} {}, {}",
            v.pick("Thông tư", "Circular"),
            v.reg.rules.number,
            if v.vi() { c.long_vi() } else { format!("Article {}", c.dotted()) }
        )
    };
    let procedure = v.reg.scope.and_then(|s| v.reg.rules.procedure(s));
    let row = |what: &str, when: String, source: String| {
        html! {
            <tr><th scope="row">{ what.to_string() }</th><td>{ when }</td><td class="source">{ source }</td></tr>
        }
    };
    html! {
        <table class="register deadlines" data-testid="deadlines">
            <caption>{ v.pick("Thời hạn", "Deadlines") }</caption>
            <thead><tr>
                <th scope="col">{ v.pick("Việc", "What") }</th>
                <th scope="col">{ v.pick("Hạn", "By") }</th>
                <th scope="col">{ v.pick("Căn cứ", "Source") }</th>
            </tr></thead>
            <tbody>
                { row(v.pick("Nhận hồ sơ của đơn vị", "Dossiers received"), format!("{} {}", v.pick("đến hết ngày", "by"), v.date(d.last_filing_day)), v.reg.procedure.map_or(String::new(), |p| circular(p.intake))) }
                { row(v.pick("Trình Chủ tịch UBND công nhận", "Decision put to the chair"), format!("{} {} ({left})", v.pick("trước ngày", "before"), v.date(d.decision_before)), procedure.map_or(String::new(), |p| circular(p.decision))) }
                { for d.report.iter().map(|r| {
                    let source = match r.source {
                        Source::Circular(c) => circular(c),
                        Source::Province(p) => p.source.to_string(),
                    };
                    let when = r.date.map_or_else(|| v.pick("vào cuối năm học", "at the end of the school year").to_string(), |x| format!("{} {}", v.pick("đến hết ngày", "by"), v.date(x)));
                    row(v.pick("Báo cáo kết quả năm lên cấp trên", "The year's report to the level above"), when, source)
                }) }
            </tbody>
        </table>
    }
}

/// Bars by kind: recognised at level 1, at level 2, refused. A picture where it reads faster
/// than the table beside it.
fn chart(v: &View, t: &Tally) -> Html {
    if t.by_kind.is_empty() {
        return html! {};
    }
    let max = t.by_kind.iter().map(|(_, n)| n[0] + n[1] + n[2]).max().unwrap_or(1).max(1);
    // Each kind's name on a line of its own, its bar under it: the Circular's names are long.
    let (width, bar_w, row_h) = (720.0, 640.0, 46.0);
    let height = row_h * t.by_kind.len() as f64 + 34.0;
    let colours = ["#0b5394", "#1a6130", "#9f1414"];
    let names = [v.pick("Mức độ 1", "Level 1"), v.pick("Mức độ 2", "Level 2"), v.pick("Không công nhận", "Refused")];
    let summary = t
        .by_kind
        .iter()
        .map(|(k, n)| format!("{}: {}, {}, {}", v.kind_name(k), n[0], n[1], n[2]))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="chart" data-testid="chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={format!("{}: {summary}", v.pick("Kết quả theo loại đơn vị (mức độ 1, mức độ 2, không công nhận)", "Results by kind (level 1, level 2, refused)"))}>
                { for t.by_kind.iter().enumerate().map(|(i, (k, n))| {
                    let y = i as f64 * row_h;
                    let mut x = 0.0;
                    let bars: Vec<Html> = (0..3).filter(|j| n[*j] > 0).map(|j| {
                        let w = bar_w * n[j] as f64 / max as f64;
                        let bar = html! { <rect x={x.to_string()} y={(y + 20.0).to_string()} width={w.max(1.0).to_string()} height="18" fill={colours[j]} /> };
                        x += w;
                        bar
                    }).collect();
                    html! {
                        <g>
                            <text x="0" y={(y + 14.0).to_string()} font-size="13">{ v.kind_name(k) }</text>
                            { for bars }
                            <text x={(x + 6.0).to_string()} y={(y + 34.0).to_string()} font-size="13">{ (n[0] + n[1] + n[2]).to_string() }</text>
                        </g>
                    }
                }) }
                { for (0..3).map(|j| {
                    let x = j as f64 * 170.0;
                    let y = height - 16.0;
                    html! { <g>
                        <rect x={x.to_string()} y={y.to_string()} width="14" height="14" fill={colours[j]} />
                        <text x={(x + 20.0).to_string()} y={(y + 12.0).to_string()} font-size="13">{ names[j] }</text>
                    </g> }
                }) }
            </svg>
            <figcaption>{ v.pick("Số đơn vị theo loại: công nhận mức độ 1, mức độ 2 và không công nhận.", "Units by kind: recognised at level 1, at level 2, and refused.") }</figcaption>
        </figure>
    }
}

fn tables_view(v: &View, r: &YearReport, t: &Tally) -> Html {
    let refused: Vec<_> = r.units.iter().filter(|u| u.outcome == Some(Outcome::Refuse)).collect();
    html! {
        <>
        <div class="count-row" data-testid="tally">
            { for [
                ("tally-recognised", t.recognised, v.pick("được đề nghị công nhận", "recognised")),
                ("tally-level-1", t.by_level[0], v.pick("mức độ 1", "level 1")),
                ("tally-level-2", t.by_level[1], v.pick("mức độ 2", "level 2")),
                ("tally-first", t.by_form[0], v.pick("công nhận lần đầu", "first")),
                ("tally-renewal", t.by_form[1], v.pick("công nhận lại", "renewal")),
                ("tally-upgrade", t.by_form[2], v.pick("nâng mức độ", "upgrade")),
                ("tally-refused", t.refused, v.pick("không công nhận", "refused")),
                ("tally-undecided", t.undecided, v.pick("chưa kết luận", "undecided")),
            ].into_iter().map(|(id, n, l)| html! {
                <div class="count-box" data-testid={id} data-count={n.to_string()}><span class="count-n">{ v.n(n) }</span><span class="count-label">{ l }</span></div>
            }) }
        </div>
        { chart(v, t) }
        { if t.by_kind.is_empty() { html! {} } else { html! {
            <table class="register compact">
                <caption>{ v.pick("Theo loại đơn vị", "By kind of unit") }</caption>
                <thead><tr>
                    <th scope="col">{ v.pick("Loại đơn vị", "Kind") }</th>
                    <th scope="col">{ v.pick("Mức độ 1", "Level 1") }</th>
                    <th scope="col">{ v.pick("Mức độ 2", "Level 2") }</th>
                    <th scope="col">{ v.pick("Không công nhận", "Refused") }</th>
                </tr></thead>
                <tbody>{ for t.by_kind.iter().map(|(k, n)| html! {
                    <tr><th scope="row">{ v.kind_name(k) }</th><td class="num">{ n[0] }</td><td class="num">{ n[1] }</td><td class="num">{ n[2] }</td></tr>
                }) }</tbody>
            </table>
        } } }
        { if refused.is_empty() { html! {} } else { html! {
            <>
            <h3>{ v.pick("Đơn vị không được công nhận và lý do", "Units refused and why") }</h3>
            <ul class="messages" data-testid="refused">
                { for refused.iter().take(200).map(|u| {
                    let reasons = u.reasons.iter().map(|x| match (&x.indicator, &x.note) {
                        (Some(i), Some(n)) => format!("{} {i} ({n})", v.pick("chỉ tiêu", "indicator")),
                        (Some(i), None) => format!("{} {i}", v.pick("chỉ tiêu", "indicator")),
                        (None, Some(n)) => n.clone(),
                        (None, None) => String::new(),
                    }).chain(u.note.clone()).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ");
                    html! { <li>{ format!("{}: {}", u.name.clone().unwrap_or_default(), if reasons.is_empty() { "—".into() } else { reasons }) }</li> }
                }) }
            </ul>
            </>
        } } }
        { if r.expiring.is_empty() { html! {} } else { html! {
            <>
            <h3>{ v.pick("Công nhận hết hiệu lực trong năm (cần công nhận lại)", "Recognitions expiring this year (to renew)") }</h3>
            <ul class="messages">{ for r.expiring.iter().take(200).map(|x| html! {
                <li>{ format!("{} — {} {}", x.unit.clone().unwrap_or_default(), x.decision_no.clone().unwrap_or_default(), v.opt_date(x.decision_date)) }</li>
            }) }</ul>
            </>
        } } }
        </>
    }
}

pub fn screen(v: &View, onfile: Callback<Event>) -> Html {
    let r = papers::year_report(v.w);
    let t = tally(v.reg.rules, &r);
    let sheets = papers::tables(v.w);
    let ready = v.reg.year.is_some() && v.reg.scope.is_some();
    html! {
        <>
        <section class="card" aria-labelledby="h-report" data-testid="year-report">
            <div class="card-head">
                <h2 id="h-report">{ format!("{} {}", v.pick("Báo cáo kết quả năm", "The year's report"), v.reg.year.map_or(String::new(), |y| y.to_string())) }</h2>
                <div class="actions">
                    <button type="button" class="primary" data-act="print" data-arg="year" disabled={!ready} data-testid="print-year">{ v.pick("In báo cáo", "Print") }</button>
                    <button type="button" data-act="word" data-arg="year" disabled={!ready}>{ "Word" }</button>
                    <button type="button" data-act="html" data-arg="year" disabled={!ready}>{ "HTML" }</button>
                    <button type="button" data-act="report-json" disabled={!ready} data-testid="report-json">{ v.pick("Tệp báo cáo gửi cấp trên (.json)", "Report file for the level above (.json)") }</button>
                </div>
            </div>
            { deadlines(v) }
            { tables_view(v, &r, &t) }
        </section>
        <section class="card" aria-labelledby="h-tables">
            <h2 id="h-tables">{ v.pick("Bảng số liệu", "Tables") }</h2>
            <p class="hint">{ v.pick("Mỗi bảng tải được dạng CSV (UTF-8, mở đúng tiếng Việt trong Excel), hoặc tất cả trong một tệp Excel.", "Each table as CSV (UTF-8, opens correctly in Excel), or all in one Excel workbook.") }</p>
            <div class="start-actions">
                <button type="button" class="primary" data-act="xlsx" data-arg="all" data-testid="report-xlsx">{ v.pick("Tải Excel (.xlsx), tất cả bảng", "Excel workbook, every table") }</button>
                { for sheets.iter().enumerate().map(|(i, s)| html! {
                    <button type="button" data-act="csv" data-arg={i.to_string()}>{ format!("CSV: {}", s.name) }</button>
                }) }
            </div>
        </section>
        <section class="card" aria-labelledby="h-parts">
            <h2 id="h-parts">{ v.pick("Báo cáo của các Phòng (dành cho Sở)", "District offices' reports (for a provincial department)") }</h2>
            <p class="hint">{ v.pick("Sở GD&ĐT tổng hợp báo cáo năm từ tệp báo cáo (.json) các Phòng gửi lên, cùng với hồ sơ Sở tự thẩm định.", "A provincial department merges the report files (.json) its district offices send with its own appraisal.") }</p>
            <input id="open-reports" name="open-reports" class="file-input" type="file" multiple=true accept=".json,application/json" onchange={onfile} />
            <label for="open-reports" class="button">{ v.pick("Thêm báo cáo của Phòng…", "Add district reports…") }</label>
            { if v.w.reports.is_empty() { html! {} } else { html! {
                <ul class="papers">{ for v.w.reports.iter().enumerate().map(|(i, p)| html! {
                    <li class="paper">
                        <span class="paper-title">{ format!("{} — {} {}", p.body.clone().unwrap_or_default(), v.n(p.units.len()), v.pick("đơn vị", "units")) }</span>
                        <button type="button" class="danger" data-act="rm-report" data-arg={i.to_string()}>{ v.pick("Bỏ", "Remove") }</button>
                    </li>
                }) }</ul>
            } } }
        </section>
        </>
    }
}
