//! The result panel: the verdict, the criteria, progress, the chart, notes and the dates.

use yew::prelude::*;

use super::*;

pub(super) fn verdict(v: &View) -> Html {
    let t = v.t;
    let result = match &v.a.evaluation {
        Some(r) => r,
        None => {
            // A field whose control holds text that is not a value is listed under "Cần sửa",
            // not as missing.
            let errors: Vec<_> = v.a.problems.iter().filter(|e| v.s.draft.text_error(&e.field).is_none()).collect();
            let (missing, wrong): (Vec<&crate::Diagnostic>, Vec<&crate::Diagnostic>) = errors
                .iter()
                .copied()
                .partition(|e| ["required", "public_required", "previous_incomplete"].contains(&e.code()));
            let incomplete = errors.iter().all(|e| e.code() == "required")
                && v.s.draft.pending.iter().all(|(p, _)| v.s.draft.text_error(p).is_none());
            return html! {
                <section class="verdict" data-testid="verdict" data-level="0" data-state="invalid" aria-labelledby="h-result">
                    <h2 id="h-result">{ t.result }</h2>
                    { to_fix(v) }
                    { if incomplete && v.a.kind.is_none() { html! { <p>{ t.choose_first }</p> } } else { html! {
                        <>
                        // What is not answered yet, then what is wrong: a question nobody has
                        // answered is to be entered, not "fixed".
                        { problem_list(v, t.to_enter, &missing) }
                        { problem_list(v, t.fix_first, &wrong) }
                        </>
                    } } }
                </section>
            };
        }
    };
    let progress = v.a.progress;
    // Inputs whose control holds text that is not a value yet.
    let fixing = |i: crate::rules::Input| {
        let path = crate::file::fields::FieldPath::input(v.a.rules, i).to_string();
        v.s.draft.text_error(&path).is_some()
    };
    let headline = crate::words::summary::headline_fixing(v.a, v.lang, &fixing);
    let to_fix = to_fix(v);
    let ignoring = match result.level_ignoring_evidence {
        0 => t.no_level.to_string(),
        n => format!("{} {n}", t.level_lower),
    };
    let ignoring = if v.vi() && result.level_ignoring_evidence > 0 { format!("đạt {ignoring}") } else { ignoring };
    html! {
        <section class="verdict" data-testid="verdict" data-level={result.level.to_string()} data-state="evaluated" aria-labelledby="h-result">
            <h2 id="h-result">{ t.result }</h2>
            { to_fix }
            <p class={classes!("headline", format!("level-{}", result.level))} aria-live="polite">{ headline }</p>
            <p class="request" data-testid="request" data-kind={format!("{:?}", result.request.kind).to_ascii_lowercase()} data-level={result.request.level.to_string()}>
                { crate::words::summary::request_sentence(v.a, v.lang) }
            </p>
            { super::roster::missing(v) }
            <p data-testid="level-ignoring-evidence" data-level={result.level_ignoring_evidence.to_string()}>{ format!("{} {ignoring}.", t.with_evidence) }</p>
            <table class="criteria-state">
                <caption>{ t.criteria_state }</caption>
                <thead><tr><th scope="col">{ t.criterion }</th>{ for result.levels.iter().map(|l| html! {
                    <th scope="col">{ format!("{} {}", t.level, l.level.number()) }</th>
                }) }</tr></thead>
                <tbody>{ for v.a.rules.criteria.iter().enumerate().map(|(c, crit)| html! {
                    <tr>
                        <th scope="row">{ crit.number }</th>
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
            { chart(v) }
            { diagnostics(v, result) }
            <button type="button" data-act="brief" data-testid="brief">{ t.brief }</button>
        </section>
    }
}

/// A lead sentence and its problems, each a link to its field; nothing without problems.
fn problem_list(v: &View, lead: &str, problems: &[&crate::Diagnostic]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <>
        <p>{ lead.to_string() }</p>
        <ul class="problems">{ for problems.iter().map(|e| html! {
            <li><a href={format!("#{}", e.field)} data-act="focus" data-arg={e.field.clone()}>{ e.text(v.lang) }</a></li>
        }) }</ul>
        </>
    }
}

/// Text typed that is not a valid value yet: "Cần sửa", naming the field, never "cần nhập" as
/// if nothing had been typed (the verdict counts it as not entered meanwhile).
fn to_fix(v: &View) -> Html {
    let lines: Vec<(String, String)> =
        v.s.draft
            .pending
            .iter()
            .filter_map(|(path, _)| Some((path.clone(), v.s.draft.text_error(path)?.text(v.a.rules, path, v.lang))))
            .collect();
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="to-fix" role="alert" data-testid="to-fix">
            <p><strong>{ v.t.to_fix }</strong></p>
            <ul>{ for lines.into_iter().map(|(path, text)| html! {
                <li><a href={format!("#{path}")} data-act="focus" data-arg={path}>{ text }</a></li>
            }) }</ul>
        </div>
    }
}

/// The verdict in one line that stays in view while a phone scrolls the form.
pub(super) fn summary_bar(v: &View) -> Html {
    let t = v.t;
    let Some(r) = &v.a.evaluation else { return html! {} };
    let level = match r.level {
        0 => t.no_level.to_string(),
        n => t.bar_level.replace("{n}", &n.to_string()),
    };
    // What may be asked for, by its kind: "đề nghị nâng mức độ 2", "công nhận lại mức độ 1".
    use crate::engine::evaluate::RequestKind;
    let what = match r.request.kind {
        RequestKind::None => None,
        RequestKind::First => Some(t.bar_first),
        RequestKind::Renewal => Some(t.bar_renewal),
        RequestKind::Upgrade => Some(t.bar_upgrade),
    };
    let asked = what.map_or_else(String::new, |w| {
        format!(" · {}", t.bar_request.replace("{what}", &w.replace("{n}", &r.request.level.to_string())))
    });
    html! {
        <a class="summary-bar" href="#result" data-testid="summary-bar" data-level={r.level.to_string()}>
            { format!("{level}{asked}") }
        </a>
    }
}

/// Each ratio against its level-1 and level-2 thresholds, as bars.
fn chart(v: &View) -> Html {
    let rules = v.a.rules;
    // One row per (indicator, count) with the threshold each level sets on it.
    type Row<'a> = (&'a str, Input, (Option<u64>, Option<u64>), [Option<u32>; 2]);
    let mut rows: Vec<Row> =
        v.a.indicators
            .iter()
            .flat_map(|i| {
                i.requirements.iter().filter_map(move |r| match r {
                    Requirement::Ratio { count, observed, at_least, .. } => Some((i.id, *count, *observed, *at_least)),
                    _ => None,
                })
            })
            .collect();
    if rows.is_empty() {
        return html! {};
    }
    crate::order::sort_by_key(&mut rows, |r| (r.0, r.3[0].is_none()));
    // Geometry in whole units: the bar spans x 52..252 for 0..100%, so 1% is 2 units.
    let height = rows.len() * 26 + 4;
    let x = |per_mille: u64| 52 + per_mille.min(1000) / 5;
    html! {
        <figure class="chart">
            <figcaption>{ v.t.chart }</figcaption>
            <svg viewBox={format!("0 0 300 {height}")} role="img" aria-labelledby="chart-desc" class="bars">
                <desc id="chart-desc">{ v.t.chart_note }</desc>
                { for rows.iter().enumerate().map(|(i, (id, count, observed, th))| {
                    let y = i * 26 + 4;
                    let (c, tot) = *observed;
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
                    let d = rules.input(*count);
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

fn diagnostics(v: &View, result: &crate::engine::evaluate::Evaluation) -> Html {
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
                <li class={if d.severity == Severity::Warning { "warn" } else { "note" }}>{
                    // A note about a field links to it, as the problems do.
                    if d.field.is_empty() { html! { d.text(v.lang) } } else { html! {
                        <a href={format!("#{}", d.field)} data-act="focus" data-arg={d.field.clone()}>{ d.text(v.lang) }</a>
                    } }
                }</li>
            }) }</ul>
        </div>
    }
}

pub(super) fn dates(v: &View) -> Html {
    if v.a.evaluation.is_none() {
        return html! {};
    }
    let t = v.t;
    let events = crate::words::calendar::entries(v.a, v.lang);
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
                        <span class="hint" lang={e.quoted.then_some("vi")}>{ format!(" [{}]", e.source) }</span>
                    </li>
                }
            }) }</ul>
            <button type="button" data-act="ics">{ t.calendar }</button>
        </section>
    }
}
