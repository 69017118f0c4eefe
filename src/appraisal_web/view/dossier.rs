//! Step 3 (Điều 10.2c, 16.2c): one dossier appraised. The unit's figures, evidence and
//! self-assessment per indicator beside the council's verdict — pre-filled from the unit's own
//! status, changed only on purpose, with a note — the council's level computed by the engine
//! from its verdicts, and the outcome.

use yew::prelude::*;

use super::{label, messages, select_field, status_class, View};
use crate::appraisal::register::{dossier_of, Entry, VerdictView};
use crate::appraisal::{Form, Outcome, Verdict};
use crate::diagnostic::Diagnostic;
use crate::engine::assess;
use crate::engine::assessment::{Assessment, Requirement};
use crate::file::DossierFile;
use crate::rules::Level;

fn nav(v: &View, index: usize) -> Html {
    let last = v.reg.entries.len().saturating_sub(1);
    html! {
        <nav class="dossier-nav" aria-label={v.pick("Chuyển hồ sơ", "Other dossiers")}>
            <button type="button" data-act="show" data-arg="intake">{ v.pick("‹ Về sổ tiếp nhận", "‹ Back to the register") }</button>
            <button type="button" data-act="dossier" data-arg={index.saturating_sub(1).to_string()} disabled={index == 0}>{ v.pick("Hồ sơ trước", "Previous dossier") }</button>
            <span>{ format!("{} {}/{}", v.pick("Hồ sơ", "Dossier"), v.n(index + 1), v.n(last + 1)) }</span>
            <button type="button" data-act="dossier" data-arg={(index + 1).min(last).to_string()} disabled={index >= last} data-testid="next-dossier">{ v.pick("Hồ sơ sau", "Next dossier") }</button>
        </nav>
    }
}

fn about(v: &View, e: &Entry, file: Option<&DossierFile>) -> Html {
    let name = if e.name.is_empty() { e.file.clone() } else { e.name.clone() };
    let own = match &e.evaluation {
        Some(ev) => v.level(ev.level),
        None => v.pick("Hồ sơ không hợp lệ", "Invalid dossier").into(),
    };
    let request = e.request.map_or_else(|| "—".into(), |r| v.request(r.kind, r.level));
    let previous = e.previous.as_ref().map(|p| (p.level, p.decision_no.clone(), p.decision_date)).or_else(|| {
        file.and_then(|f| f.previous_recognition.as_ref()).map(|p| (p.level, p.decision_no.clone(), p.decision_date))
    });
    let previous = previous.map_or_else(
        || v.pick("Chưa được công nhận", "Never recognised").to_string(),
        |(level, no, date)| {
            format!(
                "{} — {} {} {} {}",
                level.map_or_else(|| "—".into(), |l| v.level(l.number())),
                v.pick("QĐ số", "decision"),
                no.unwrap_or_else(|| "…".into()),
                v.pick("ngày", "of"),
                v.opt_date(date)
            )
        },
    );
    let from_register = e.previous.is_some();
    let row = |k: &str, value: String| html! { <><dt>{ k.to_string() }</dt><dd>{ value }</dd></> };
    html! {
        <section class="card" aria-labelledby="h-unit" data-testid="dossier-about">
            <h2 id="h-unit">{ name }</h2>
            <dl class="facts">
                { row(v.pick("Loại đơn vị", "Kind"), e.kind.map_or_else(|| e.kind_id.clone().unwrap_or_default(), |k| v.kind_name(k.id))) }
                { row(v.pick("Tệp", "File"), e.file.clone()) }
                { row(v.pick("Ngày nhận", "Received"), format!("{}{}", v.opt_date(e.received), match e.on_time { Some(false) => v.pick(" (muộn)", " (late)"), _ => "" })) }
                { row(v.pick("Mã SHA-256", "SHA-256"), format!("{}{}", e.sha256.as_deref().map_or("—", |s| s.get(..16).unwrap_or(s)), if e.changed { v.pick(" — bị sửa sau khi nhận", " — changed since intake") } else { "" })) }
                { row(v.pick("Đơn vị tự đánh giá", "Self-assessed"), own) }
                { row(v.pick("Đề nghị", "Request"), request) }
                { row(if from_register { v.pick("Quyết định trước (sổ công nhận)", "Previous decision (register)") } else { v.pick("Quyết định trước", "Previous decision") }, previous) }
            </dl>
        </section>
    }
}

fn figures(v: &View, a: &Assessment, id: &str, level: Level) -> Html {
    let li = usize::from(level.number() - 1);
    let Some(view) = a.indicators.iter().find(|i| i.id == id) else { return html! {} };
    let rules = a.rules;
    let label = |input| {
        let d = rules.input(input);
        if v.vi() {
            d.label_vi
        } else {
            d.label_en
        }
    };
    let lines: Vec<String> = view
        .requirements
        .iter()
        .filter_map(|r| match r {
            Requirement::Ratio { count, observed, at_least, .. } => {
                let x = at_least[li]?;
                let shown = match *observed {
                    (Some(c), Some(t)) => format!(
                        "{}/{} ({})",
                        v.n(c as usize),
                        v.n(t as usize),
                        crate::words::percent_text(c, t, v.lang)
                    ),
                    _ => "—".into(),
                };
                Some(format!("{}: {shown}; {} {x}%", label(*count), v.pick("tối thiểu", "at least")))
            }
            Requirement::Fact { input, answer, asked } => asked[li].then(|| {
                let a = match answer {
                    Some(true) => v.pick("Có", "Yes"),
                    Some(false) => v.pick("Không", "No"),
                    None => "—",
                };
                format!("{}: {a}", label(*input))
            }),
            Requirement::AtLeast { input, chosen, needed, .. } => needed[li].map(|n| {
                let name = |c: &crate::rules::Choice| if v.vi() { c.label_vi } else { c.label_en };
                format!("{}: {}; {} {}", label(*input), chosen.map_or("—", name), v.pick("cần", "needs"), name(n))
            }),
        })
        .collect();
    html! { <ul class="plain">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
}

fn evidence(v: &View, f: &DossierFile, id: &str) -> Html {
    let items = f.evidence_for(id);
    if items.is_empty() {
        return html! { <span class="hint">{ v.pick("Không có minh chứng", "No evidence") }</span> };
    }
    html! {
        <ul class="plain evidence-list">
            { for items.iter().take(8).map(|it| {
                let head = [it.code.clone(), it.title.clone()].into_iter().flatten().collect::<Vec<_>>().join(" — ");
                let tail = [it.number.clone(), it.date.map(|d| v.date(d))].into_iter().flatten().collect::<Vec<_>>().join(", ");
                html! { <li>{ if tail.is_empty() { head } else { format!("{head} ({tail})") } }</li> }
            }) }
            { if items.len() > 8 { html! { <li class="hint">{ format!("… {} {}", v.n(items.len() - 8), v.pick("minh chứng nữa", "more")) }</li> } } else { html! {} } }
        </ul>
    }
}

fn verdict_row(v: &View, index: usize, level: Level, vv: &VerdictView, a: &Assessment, f: &DossierFile) -> Html {
    let base = format!("dossiers[{index}].appraisal.indicators.{}", vv.id);
    let path = format!("{base}.verdict");
    let note = format!("{base}.note");
    let title = v
        .reg
        .rules
        .indicator(v.reg.scope.unwrap_or(crate::rules::Scope::Huyen), level, vv.id)
        .map_or("", |d| d.title_vi);
    let changed = vv.verdict.is_some_and(|x| (x == Verdict::Pass) != (vv.unit == crate::Status::Pass));
    let needs_note = changed && vv.note.is_none();
    let na = vv.unit == crate::Status::NotApplicable;
    let options = [
        ("", format!("{}: {}", v.pick("Như đơn vị", "As the unit"), v.status(vv.unit))),
        (Verdict::Pass.key(), v.pick("Đạt", "Met").to_string()),
        (Verdict::Fail.key(), v.pick("Không đạt", "Not met").to_string()),
    ];
    let current = v.shown(&path);
    html! {
        <tr class={classes!(changed.then_some("changed"), na.then_some("na"))} data-testid="verdict-row" data-id={vv.id}>
            <th scope="row" class="id">{ vv.id }</th>
            <td class="wording">{ title }</td>
            <td>{ figures(v, a, vv.id, level) }</td>
            <td>{ evidence(v, f, vv.id) }</td>
            <td><span class={classes!("badge", status_class(vv.unit))}>{ v.status(vv.unit) }</span></td>
            <td>
                { if na { html! { <span class="hint">{ v.pick("Không áp dụng", "Does not apply") }</span> } } else { html! {
                    <>
                    <label class="sr-only" for={path.clone()}>{ format!("{} {}", v.pick("Kết quả thẩm định chỉ tiêu", "Verdict on indicator"), vv.id) }</label>
                    <select id={path.clone()} name={path.clone()} data-value={current.clone()}>
                        { for options.iter().map(|(k, t)| html! { <option value={k.to_string()} selected={current == *k}>{ t.clone() }</option> }) }
                    </select>
                    <span class={classes!("badge", status_class(vv.council))} data-testid="council-status" data-status={format!("{:?}", vv.council)}>{ v.status(vv.council) }</span>
                    </>
                } } }
            </td>
            <td>
                <label class="sr-only" for={note.clone()}>{ format!("{} {}", v.pick("Ghi chú của Hội đồng, chỉ tiêu", "The council's note on indicator"), vv.id) }</label>
                <input id={note.clone()} name={note.clone()} type="text" value={v.shown(&note)}
                    aria-invalid={needs_note.then_some("true")} aria-describedby={needs_note.then(|| format!("{note}-hint"))} />
                { if needs_note { html! { <p class="field-error" id={format!("{note}-hint")}>{ v.pick("Kết luận khác tự đánh giá: hãy ghi lý do.", "Differs from the unit's: give the reason.") }</p> } } else { html! {} } }
            </td>
        </tr>
    }
}

fn outcome(v: &View, index: usize, e: &Entry) -> Html {
    let p = |k: &str| format!("dossiers[{index}].appraisal.{k}");
    let asked = e.appraised.as_ref().map(|a| a.level.number());
    let outcomes = [
        ("", v.pick("Chưa kết luận", "Not decided").to_string()),
        (Outcome::Recognise.key(), v.pick("Đề nghị công nhận", "Propose recognition").to_string()),
        (Outcome::Refuse.key(), v.pick("Không công nhận", "Refuse").to_string()),
    ];
    let levels = [
        (
            "",
            asked.map_or_else(
                || v.pick("Mức độ đề nghị", "The level asked").to_string(),
                |l| format!("{} ({})", v.pick("Mức độ đề nghị", "The level asked"), v.level(l)),
            ),
        ),
        ("1", v.level(1)),
        ("2", v.level(2)),
    ];
    let computed = e.request.and_then(|r| match r.kind {
        crate::engine::evaluate::RequestKind::First => Some(Form::First),
        crate::engine::evaluate::RequestKind::Renewal => Some(Form::Renewal),
        crate::engine::evaluate::RequestKind::Upgrade => Some(Form::Upgrade),
        crate::engine::evaluate::RequestKind::None => None,
    });
    let form_name = |f: Form| match f {
        Form::First => v.pick("Công nhận", "First recognition"),
        Form::Renewal => v.pick("Công nhận lại", "Renewal"),
        Form::Upgrade => v.pick("Nâng mức độ", "Upgrade"),
    };
    let forms = [
        (
            "",
            computed.map_or_else(
                || v.pick("Theo đề nghị", "As asked").to_string(),
                |f| format!("{}: {}", v.pick("Theo đề nghị", "As asked"), form_name(f)),
            ),
        ),
        (Form::First.key(), form_name(Form::First).to_string()),
        (Form::Renewal.key(), form_name(Form::Renewal).to_string()),
        (Form::Upgrade.key(), form_name(Form::Upgrade).to_string()),
    ];
    let own: Vec<&Diagnostic> =
        e.diagnostics.iter().filter(|d| d.field.starts_with(&format!("dossiers[{index}].appraisal"))).collect();
    let recognised = e.recognised.map(|l| v.level(l.number()));
    html! {
        <section class="card" aria-labelledby="h-outcome" data-testid="outcome">
            <h2 id="h-outcome">{ v.pick("Kết luận của Hội đồng", "The council's conclusion") }</h2>
            <p data-testid="council-level" data-level={e.council_level().map(|l| l.to_string())}>
                <strong>{ v.pick("Theo kết quả thẩm định, đơn vị đạt: ", "By the council's verdicts the unit meets: ") }</strong>
                { e.council_level().map_or_else(|| "—".into(), |l| v.level(l)) }
                { asked.map_or(html! {}, |l| html! { <span class="hint">{ format!(" ({} {})", v.pick("thẩm định ở", "appraised at"), v.level(l).to_lowercase()) }</span> }) }
            </p>
            <div class="grid">
                { select_field(v, &p("outcome"), &label(v, &p("outcome")), &outcomes, false) }
                { select_field(v, &p("level"), &label(v, &p("level")), &levels, false) }
                { select_field(v, &p("kind"), &label(v, &p("kind")), &forms, false) }
            </div>
            <div class="field">
                <label for={p("note")}>{ label(v, &p("note")) }</label>
                <textarea id={p("note")} name={p("note")} rows="2" value={v.shown(&p("note"))} />
            </div>
            { recognised.map_or(html! {}, |l| html! { <p class="ok" data-testid="recognised">{ format!("{} {l}.", v.pick("Đưa vào dự thảo Quyết định:", "Listed in the draft decision:")) }</p> }) }
            { messages(v, &own, "outcome-messages") }
        </section>
    }
}

pub fn screen(v: &View, index: usize) -> Html {
    if v.reg.entries.is_empty() {
        return html! { <section class="card"><h2>{ v.pick("Thẩm định", "Appraisal") }</h2><p class="hint">{ v.pick("Chưa tiếp nhận hồ sơ nào.", "No dossier taken in yet.") }</p></section> };
    }
    let index = index.min(v.reg.entries.len() - 1);
    let e = &v.reg.entries[index];
    let file = v.w.file.dossiers.get(index).and_then(|d| dossier_of(d).ok());
    let a = file.as_ref().map(|f| assess(f, &v.w.env));
    let problems: Vec<&Diagnostic> =
        e.problems.iter().chain(e.diagnostics.iter().filter(|d| !d.field.contains(".appraisal"))).collect();
    html! {
        <>
        { nav(v, index) }
        { about(v, e, file.as_ref()) }
        { if problems.is_empty() { html! {} } else { html! {
            <section class="card" aria-labelledby="h-problems">
                <h2 id="h-problems">{ v.pick("Kiểm tra hồ sơ", "Checks of the dossier") }</h2>
                { messages(v, &problems, "dossier-problems") }
            </section>
        } } }
        { match (&e.appraised, &a, &file) {
            (Some(ap), Some(a), Some(f)) => html! {
                <section class="card" aria-labelledby="h-verdicts" data-testid="verdicts">
                    <h2 id="h-verdicts">{ format!("{} — {}", v.pick("Thẩm định từng chỉ tiêu", "Each indicator appraised"), v.level(ap.level.number())) }</h2>
                    <p class="hint">{ v.pick("Mỗi chỉ tiêu giữ kết quả đơn vị tự đánh giá cho tới khi Hội đồng chọn khác; khi đổi, hãy ghi lý do. Mức độ theo thẩm định do bộ máy đánh giá tính từ các kết luận này.", "Each indicator keeps the unit's own result until the council chooses otherwise; when it does, give the reason. The council's level is computed by the engine from these verdicts.") }</p>
                    <div class="table-wrap">
                        <table class="register verdicts">
                            <thead><tr>
                                <th scope="col">{ v.pick("Chỉ tiêu", "Indicator") }</th>
                                <th scope="col">{ v.pick("Nội dung", "Wording") }</th>
                                <th scope="col">{ v.pick("Số liệu của đơn vị", "The unit's figures") }</th>
                                <th scope="col">{ v.pick("Minh chứng", "Evidence") }</th>
                                <th scope="col">{ v.pick("Tự đánh giá", "Unit") }</th>
                                <th scope="col">{ v.pick("Hội đồng", "Council") }</th>
                                <th scope="col">{ v.pick("Ghi chú của Hội đồng", "Council's note") }</th>
                            </tr></thead>
                            <tbody>{ for ap.verdicts.iter().map(|vv| verdict_row(v, index, ap.level, vv, a, f)) }</tbody>
                        </table>
                    </div>
                </section>
            },
            _ => html! {
                <section class="card"><p class="hint" data-testid="not-appraised">{ v.pick("Hồ sơ này không có gì để thẩm định: không hợp lệ, hoặc năm nay đơn vị không đề nghị được gì. Hội đồng vẫn có thể kết luận không công nhận, kèm lý do.", "Nothing to appraise here: the dossier is invalid, or the unit may ask for nothing this year. The council may still refuse it, with a reason.") }</p></section>
            },
        } }
        { outcome(v, index, e) }
        </>
    }
}
