//! The form: the unit, then each criterion's indicators with their inputs and evidence. What
//! it asks comes from the assessment's indicator views, so it asks only what applies.

use yew::prelude::*;

use super::*;
use crate::file::FieldPath;
use crate::rules::{DigitalIndex, IndexRule};

pub(super) fn unit_section(v: &View) -> Html {
    let t = v.t;
    let rules = v.a.rules;
    let f = &v.s.draft.file;
    let scope = f.unit.scope;
    let scope_name = |s: Scope| if v.vi() { s.name_vi() } else { s.name_en() };
    let kind_options: Vec<(&str, String)> = std::iter::once(("", t.choose_kind.to_string()))
        .chain(
            rules
                .kinds
                .iter()
                .filter(|k| scope.is_none_or(|s| s == k.scope))
                .map(|k| (k.id, format!("{} ({})", v.pick(k.name_vi, k.name_en), scope_name(k.scope)))),
        )
        .collect();
    let scope_label = |s: Scope, words: &str| {
        let cite = rules.scope_article(s).map_or_else(String::new, |c| v.cite(c));
        format!("{words} ({cite})")
    };
    let (huyen, tinh) = (scope_label(Scope::Huyen, t.scope_huyen), scope_label(Scope::Tinh, t.scope_tinh));
    let kind = v.a.kind;
    html! {
        <section class="card" aria-labelledby="h-unit">
            <h2 id="h-unit">{ t.unit }</h2>
            { radios(v, "unit.scope", v.label("unit.scope"), &[("huyen", huyen.as_str()), ("tinh", tinh.as_str())]) }
            { select(v, "unit.kind", v.label("unit.kind"), &kind_options) }
            { kind.map_or(html! {}, |k| kind_who(v, k)) }
            { kind.map_or(html! {}, |k| kind_attributes(v, k)) }
            <div class="grid">
                { text_input(v, "unit.name", "text") }
                { text_input(v, "year", "text") }
                { text_input(v, "unit.province", "text") }
                { text_input(v, "unit.district", "text") }
                { text_input(v, "unit.head", "text") }
                { text_input(v, "unit.address", "text") }
            </div>
            { if kind.is_some() { size(v) } else { html! {} } }
            { previous(v) }
            { submission(v, scope) }
        </section>
    }
}

fn kind_attributes(v: &View, k: &'static UnitKind) -> Html {
    let t = v.t;
    let yes_no = |default: bool| {
        vec![
            ("", format!("{} ({})", t.by_kind, if default { t.yes } else { t.no })),
            ("true", t.yes.to_string()),
            ("false", t.no.to_string()),
        ]
    };
    let public = match k.public {
        PublicRule::Choose => {
            radios(v, "unit.public", v.label("unit.public"), &[("true", t.public_yes), ("false", t.public_no)])
        }
        PublicRule::Overridable(default) => html! { <>
            { select(v, "unit.public", v.label("unit.public"), &yes_no(default)) }
            <p class="hint">{ t.public_override_hint }</p>
        </> },
        PublicRule::Fixed(true) => html! { <p class="hint">{ t.fixed_public }</p> },
        PublicRule::Fixed(false) => html! { <p class="hint">{ t.fixed_private }</p> },
    };
    let attribute = |path: &str, a: crate::rules::Attribute<bool>| {
        if a.overridable {
            select(v, path, v.label(path), &yes_no(a.default))
        } else {
            html! {}
        }
    };
    let index_label = |d: Option<DigitalIndex>| match d {
        Some(d) => v.pick(d.label_vi(), d.label_en()).to_string(),
        None => t.no_index.to_string(),
    };
    let index = match k.digital_index {
        IndexRule::Fixed(_) => html! {},
        IndexRule::Overridable(default) => {
            let options: Vec<(&str, String)> =
                std::iter::once(("", format!("{} ({})", t.by_kind, index_label(default))))
                    .chain(DigitalIndex::ALL.iter().map(|d| (d.key(), index_label(Some(*d)))))
                    .chain(std::iter::once(("none", index_label(None))))
                    .collect();
            select(v, "unit.digital_index", v.label("unit.digital_index"), &options)
        }
        // The unit must say which applies; the Circular names only the centres of continuing
        // education (Điều 12.3.d), so the hint says to ask the Sở.
        IndexRule::Choose(asked) => {
            let (yes, no) = (index_label(Some(asked)), index_label(None));
            html! { <>
                { radios(v, "unit.digital_index", v.label("unit.digital_index"), &[(asked.key(), yes.as_str()), ("none", no.as_str())]) }
                <p class="hint">{ t.index_choose_hint }</p>
            </> }
        }
    };
    html! { <>{ public }{ attribute("unit.learners", k.learners) }{ attribute("unit.vocational", k.vocational) }{ index }</> }
}

/// The totals every ratio divides by, asked once with the unit's size.
fn totals(v: &View) -> Vec<Input> {
    let mut out: Vec<Input> =
        v.a.indicators
            .iter()
            .flat_map(|i| &i.requirements)
            .filter_map(|r| match r {
                Requirement::Ratio { total, .. } => Some(*total),
                _ => None,
            })
            .collect();
    crate::order::sort(&mut out);
    out.dedup();
    out
}

fn size(v: &View) -> Html {
    let rules = v.a.rules;
    html! {
        <fieldset class="group">
            <legend>{ v.t.size }</legend>
            <div class="grid">{ for totals(v).into_iter().map(|i| count_input(v, rules.input(i), None)) }</div>
        </fieldset>
    }
}

fn previous(v: &View) -> Html {
    let t = v.t;
    let options = vec![("", t.never.to_string()), ("1", format!("{} 1", t.level)), ("2", format!("{} 2", t.level))];
    let known = v.s.draft.file.previous_recognition.is_some();
    let validity = v.a.evaluation.as_ref().and_then(|r| r.validity);
    html! {
        <fieldset class="group">
            <legend>{ t.previous }</legend>
            <div class="grid">
                { select(v, "previous_recognition.level", v.label("previous_recognition.level"), &options) }
                { if known { html! { <>
                    { text_input(v, "previous_recognition.decision_no", "text") }
                    { text_input(v, "previous_recognition.decision_date", "date") }
                    { text_input(v, "previous_recognition.year", "text") }
                </> } } else { html! {} } }
            </div>
            { if known { html! { <>
                // The Circular's default reading (dossier-format.md: "decision_year") shows as chosen.
                { radios_or(v, "previous_recognition.validity_from", v.label("previous_recognition.validity_from"),
                    &[("decision_year", t.reading_decision_year), ("assessed_year", t.reading_assessed_year)], Some("decision_year")) }
                // Both readings' results side by side, so the choice is an informed one.
                { validity.map_or(html! {}, |val| {
                    let line = |reading: crate::rules::ValidityReading, until: crate::Date, again: i32| {
                        let name = match reading {
                            crate::rules::ValidityReading::DecisionYear => t.reading_decision_year,
                            crate::rules::ValidityReading::AssessedYear => t.reading_assessed_year,
                        };
                        t.reading_result.replace("{reading}", name).replace("{until}", &v.date(until)).replace("{year}", &again.to_string())
                    };
                    html! {
                        <ul class="hint readings" data-testid="readings">
                            <li><strong>{ line(val.reading, val.valid_until, val.rerecognition_year) }</strong></li>
                            <li>{ line(val.other_reading.reading, val.other_reading.valid_until, val.other_reading.rerecognition_year) }</li>
                        </ul>
                    }
                }) }
            </> } } else { html! {} } }
            { request_level(v) }
        </fieldset>
    }
}

/// A unit meeting level 2 may ask for level 1 only (rules.md §3a).
fn request_level(v: &View) -> Html {
    use crate::engine::evaluate::RequestKind;
    let t = v.t;
    let Some(r) = &v.a.evaluation else { return html! {} };
    let lowerable = matches!(r.request.kind, RequestKind::First | RequestKind::Renewal)
        && (r.level == 2 || v.s.draft.file.request_level.is_some());
    if !lowerable {
        return html! {};
    }
    let options =
        vec![("", t.request_as_met.replace("{level}", &r.level.to_string())), ("1", format!("{} 1", t.level))];
    select(v, "request_level", v.label("request_level"), &options)
}

/// Who a kind is: the Circular's own words in Vietnamese; in English the kind's name, with the
/// article (the wording stays in the Circular's language).
fn kind_who(v: &View, k: &crate::rules::UnitKind) -> Html {
    if v.vi() {
        html! { <p class="hint" id="kind-who">{ format!("{}: {}", k.article, k.who) }</p> }
    } else {
        html! {
            <p class="hint" id="kind-who">
                { format!("{} ({}): ", k.name_en, k.article.replace("Điều", "Article")) }<q lang="vi">{ k.who }</q>
            </p>
        }
    }
}

fn submission(v: &View, scope: Option<Scope>) -> Html {
    let t = v.t;
    let rules = v.a.rules;
    let default = scope.and_then(|s| rules.authority(s));
    let file = &v.s.draft.file;
    // Since district governments ended, a district-level dossier names its recipient; the
    // likely one is offered, for the user to confirm (rules.md §6).
    let reformed = rules.district_governments_end_year().zip(file.year).is_some_and(|(from, y)| y >= i64::from(from));
    let suggestion = rules.district_successor.as_ref().filter(|_| scope == Some(Scope::Huyen) && reformed).map(|s| {
        // The field holds a district or a commune; only a commune's name fits here (district
        // bodies are gone), so a district's name gives way to "[xã, phường]" to fill in.
        let is_commune = |d: &str| {
            let d = crate::collate::lower(d.trim());
            ["xã ", "phường ", "thị trấn ", "đặc khu "].iter().any(|p| d.starts_with(p))
        };
        let commune =
            file.unit.district.clone().filter(|d| is_commune(d)).unwrap_or_else(|| t.your_commune.to_string());
        (
            s.recipient.replace("{commune}", &commune),
            s.decision_maker.replace("{commune}", &commune),
            v.pick(s.basis, s.basis_en),
        )
    });
    html! {
        <details class="group" open={file.submission.is_some() || suggestion.is_some()}>
            <summary>{ t.submission }</summary>
            { default.map_or(html! {}, |a| html! {
                <p class="hint">
                    { t.submission_hint }{ " " }<span lang="vi">{ a.recipient }</span>{ "; " }<span lang="vi">{ a.decision_maker }</span>
                    { format!(" ({}).", crate::words::cites_short(a.cites, v.lang)) }
                </p>
            }) }
            { suggestion.map_or(html! {}, |(recipient, decision_maker, basis)| html! {
                <div class="suggestion" data-testid="suggested-recipient">
                    <p class="hint">{ t.suggestion_intro.replace("{date}", &rules.district_governments_end.and_then(crate::Date::parse).map_or_else(String::new, |d| v.date(d))) }{ " " }<strong lang="vi">{ format!("{recipient}; {decision_maker}.") }</strong>{ format!(" ({basis})") }</p>
                    <button type="button" data-act="suggest-recipient" data-arg={format!("{recipient}|{decision_maker}")}>{ t.use_suggestion }</button>
                </div>
            }) }
            <div class="grid">
                { text_input(v, "submission.recipient", "text") }
                { text_input(v, "submission.decision_maker", "text") }
            </div>
        </details>
    }
}

fn count_input(v: &View, d: &InputDef, thresholds: Option<Html>) -> Html {
    let path = FieldPath::input(v.a.rules, d.id).to_string();
    let invalid = v.has_error(&path);
    let help = format!("{path}-help");
    // Counted from the member list: shown, not typed — no name, so no edit reaches the field,
    // and what was typed is kept, to go back to.
    let listed = v.a.list.as_ref().filter(|l| l.covered.contains(&d.id)).and_then(|l| l.values.count(d.id));
    let value = listed.map_or_else(|| v.shown(&path), |n| crate::words::number(n, v.lang));
    let mut described = if invalid { format!("{path}-error {help}") } else { help.clone() };
    if listed.is_some() {
        described = format!("{path}-list {described}");
    }
    html! {
        <div class={classes!("field", "count", listed.map(|_| "from-list"))}>
            <label for={path.clone()}>{ v.pick(d.label_vi, d.label_en) }</label>
            <input id={path.clone()} name={listed.is_none().then(|| path.clone())} type="text" inputmode="numeric" value={value}
                readonly={listed.is_some()} aria-invalid={invalid.then_some("true")} aria-describedby={described} />
            { if listed.is_some() { html! { <p class="from-list-note" id={format!("{path}-list")}>{ v.t.from_list }</p> } } else { html! {} } }
            <p class="hint" id={help}>{ v.pick(d.help_vi, d.help_en) }{ thresholds.unwrap_or_default() }</p>
            { v.field_messages(&path) }
        </div>
    }
}

fn fact_input(v: &View, d: &InputDef) -> Html {
    let t = v.t;
    let path = FieldPath::input(v.a.rules, d.id).to_string();
    match &d.kind {
        InputKind::Flag { unless } => {
            let mut options = vec![("true", t.yes), ("false", t.no)];
            options.extend(unless.map(|c| (c.key, v.pick(c.label_vi, c.label_en))));
            options.push(("", t.unanswered));
            radios(v, &path, v.pick(d.label_vi, d.label_en).to_string(), &options)
        }
        InputKind::Choice { choices } => {
            let options: Vec<(&str, String)> = std::iter::once(("", t.unanswered.to_string()))
                .chain(choices.iter().map(|c| (c.key, v.pick(c.label_vi, c.label_en).to_string())))
                .collect();
            select(v, &path, v.pick(d.label_vi, d.label_en).to_string(), &options)
        }
        InputKind::Count { .. } => count_input(v, d, None),
    }
}

pub(super) fn criteria(v: &View) -> Html {
    if v.a.kind.is_none() {
        return html! { <p class="card hint">{ v.t.choose_first }</p> };
    }
    html! {
        <>{ for v.a.rules.criteria.iter().map(|c| {
            let (shown, hidden): (Vec<&IndicatorView>, Vec<&IndicatorView>) =
                v.a.indicators.iter().filter(|i| i.criterion == c.number).partition(|i| i.applies_at_all());
            let heading = format!("h-c{}", c.number);
            // Each criterion folds away (a long form on a phone); it starts open.
            html! {
                <details class="criterion" open={true} aria-labelledby={heading.clone()}>
                    <summary><h2 id={heading}>{ format!("{} {}: {}", v.t.criterion, c.number, v.pick(c.title_vi, c.title_en)) }</h2></summary>
                    { for shown.iter().map(|view| indicator(v, view)) }
                    { criterion_notes(v, c.number) }
                    { if hidden.is_empty() { html! {} } else { html! {
                        <p class="hint na">{ v.t.not_applicable_here }{ " " }{ hidden.iter().map(|view| {
                            format!("{} ({})", view.id, view.def().map_or("", |d| v.pick(d.title_vi, d.title_en)))
                        }).collect::<Vec<_>>().join("; ") }</p>
                    } } }
                </details>
            }
        }) }</>
    }
}

/// Strengths, weaknesses and the improvement plan the report gives for each criterion.
fn criterion_notes(v: &View, n: u8) -> Html {
    html! {
        <fieldset class="group notes">
            <legend>{ format!("{} {n}", v.t.criterion_notes) }</legend>
            { textarea(v, &format!("report.criteria.{n}.strengths"), "2") }
            { textarea(v, &format!("report.criteria.{n}.weaknesses"), "2") }
            { textarea(v, &format!("report.criteria.{n}.plan"), "2") }
        </fieldset>
    }
}

/// "tối thiểu 90% (mức độ 1) · 95% (mức độ 2) · hiện 91,7%"
fn thresholds(v: &View, view: &IndicatorView, input: Input) -> Html {
    let t = v.t;
    let Some(Requirement::Ratio { at_least, observed, .. }) = view.ratio(input) else { return html! {} };
    let parts: Vec<String> = at_least
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| format!("{p}% ({} {})", t.level_lower, i + 1)))
        .collect();
    let now = match *observed {
        (Some(c), Some(t)) if t > 0 => format!(" · {} {}", v.pick("hiện", "now"), percent(v, c, t)),
        _ => String::new(),
    };
    html! { <span class="thresholds">{ format!(" {} {}{now}", t.at_least, parts.join(" · ")) }</span> }
}

fn badge(v: &View, view: &IndicatorView, level: Level) -> Html {
    let li = usize::from(level.number() - 1);
    // Badges show a verdict, so only once the dossier can be evaluated.
    let Some(status) = view.status[li].filter(|_| v.a.evaluation.is_some()) else { return html! {} };
    let mut text = format!("{} {}: {}", v.t.level, level.number(), v.t.statuses[status_index(status)]);
    if status == Status::Fail {
        // The shortfall in words: "thiếu 2 thành viên, 5 người học".
        let parts: Vec<String> = view
            .requirements
            .iter()
            .filter_map(|r| match r {
                Requirement::Ratio { total, shortfall, .. } => shortfall[li].filter(|n| *n > 0).map(|n| {
                    let who = if *total == Input::Learners { v.t.learners_word } else { v.t.members_word };
                    format!("{} {who}", crate::words::number(n, v.lang))
                }),
                _ => None,
            })
            .collect();
        if !parts.is_empty() {
            text.push_str(&format!(" ({} {})", v.t.short_of, parts.join(", ")));
        }
    }
    html! { <span class={classes!("badge", status_class(status))} data-level={level.number().to_string()} data-status={format!("{status:?}")}>{ text }</span> }
}

fn indicator(v: &View, view: &IndicatorView) -> Html {
    let t = v.t;
    let rules = v.a.rules;
    let id = view.id;
    let Some(first) = view.def() else { return html! {} };
    let mut inputs = view.inputs();
    // Totals are asked once, with the unit's size.
    inputs.retain(|i| !matches!(rules.input(*i).kind, InputKind::Count { total: None }));
    let mut cites: Vec<String> =
        view.defs.iter().flatten().map(|d| if v.vi() { d.cite.short() } else { d.cite.short_en() }).collect();
    cites.dedup();
    let heading = format!("h-{id}");
    let mut texts: Vec<&str> =
        view.defs.iter().zip(view.applies).filter_map(|(d, applies)| d.filter(|_| applies).map(|d| d.text)).collect();
    texts.dedup();
    html! {
        <article class="indicator" id={format!("ind-{id}")} aria-labelledby={heading.clone()}>
            <header>
                <h3 id={heading}>{ format!("{} {id} — {}", t.indicator, v.pick(first.title_vi, first.title_en)) }</h3>
                <span class="cite">{ cites.join(" · ") }</span>
                <span class="badges">{ for Level::ALL.into_iter().map(|l| badge(v, view, l)) }</span>
            </header>
            <details class="wording">
                <summary>{ t.wording }</summary>
                { for texts.iter().map(|x| html! { <p lang="vi">{ *x }</p> }) }
            </details>
            <div class="inputs">
                { for inputs.iter().map(|i| {
                    let d = rules.input(*i);
                    match d.kind {
                        InputKind::Count { .. } => count_input(v, d, Some(thresholds(v, view, *i))),
                        _ => fact_input(v, d),
                    }
                }) }
            </div>
            { evidence_table(v, id) }
            <div class="field note">
                <label for={format!("notes.{id}")}>{ format!("{} ({} {id})", t.note, t.indicator) }</label>
                <textarea id={format!("notes.{id}")} name={format!("notes.{id}")} rows="2" value={v.shown(&format!("notes.{id}"))} />
            </div>
        </article>
    }
}

/// An indicator's evidence as rows of a table, each cell a control; on a narrow screen each
/// row is a card. Items of other indicators can be cited here without retyping.
fn evidence_table(v: &View, id: &str) -> Html {
    use crate::file::fields::{Kind, EVIDENCE};
    let t = v.t;
    let items = v.s.draft.file.evidence_for(id);
    let heading = format!("ev-{id}");
    // A long list shows its first rows until asked (state::EVIDENCE_SHOWN).
    let all = v.s.expanded.iter().any(|e| e == id);
    let shown = if all { items.len() } else { items.len().min(crate::web::state::EVIDENCE_SHOWN) };
    // Items recorded under other indicators, once each, to cite here too.
    // At most REUSE_SHOWN of them: the list is for the few documents a unit cites twice, and
    // thousands of options under every indicator would slow every keystroke.
    const REUSE_SHOWN: usize = 100;
    let mine: std::collections::HashSet<(Option<&str>, Option<&str>)> =
        items.iter().map(|it| (it.code.as_deref(), it.title.as_deref())).collect();
    let mut others: Vec<(String, String)> = Vec::new();
    'lists: for (other, list) in &v.s.draft.file.evidence {
        if other == id {
            continue;
        }
        for (i, it) in list.iter().enumerate() {
            if others.len() == REUSE_SHOWN {
                break 'lists;
            }
            let label = [it.code.clone(), it.title.clone()].into_iter().flatten().collect::<Vec<_>>().join(" — ");
            let here = mine.contains(&(it.code.as_deref(), it.title.as_deref()));
            if !here && !others.iter().any(|(_, l)| *l == label) {
                others.push((format!("{other}|{i}"), label));
            }
        }
    }
    html! {
        <fieldset class="evidence">
            <legend id={heading.clone()}>{ format!("{} ({})", t.evidence, items.len()) }</legend>
            { if items.is_empty() { html! {} } else { html! {
                <table class="evidence-table" aria-labelledby={heading}>
                    <thead><tr>
                        { for t.evidence_columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                        <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
                    </tr></thead>
                    <tbody>{ for items.iter().enumerate().take(shown).map(|(i, _)| {
                        let base = format!("evidence.{id}[{i}]");
                        html! {
                            <tr class="evidence-item">
                                { for EVIDENCE.iter().zip(t.evidence_columns).map(|(f, column)| {
                                    let path = format!("{base}.{}", f.key);
                                    let kind = if f.kind == Kind::Date { "date" } else { "text" };
                                    let invalid = v.has_error(&path);
                                    html! {
                                        <td data-label={column}>
                                            <input id={path.clone()} name={path.clone()} type={kind} value={v.shown(&path)}
                                                aria-label={format!("{column} — {} {} {}", t.evidence, id, i + 1)}
                                                aria-invalid={invalid.then_some("true")}
                                                aria-describedby={invalid.then(|| format!("{path}-error"))} />
                                            { v.field_messages(&path) }
                                        </td>
                                    }
                                }) }
                                <td>
                                    <button type="button" class="link danger" data-act="rm-ev" data-arg={format!("{id}|{i}")}
                                        aria-label={format!("{} {} {} {}", t.remove, t.evidence, id, i + 1)}>{ t.remove }</button>
                                    { v.field_messages(&base) }
                                </td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            } } }
            { if shown < items.len() { html! {
                <p class="more">
                    <button type="button" class="link" data-act="ev-all" data-arg={id.to_string()}>
                        { t.evidence_show_all.replace("{n}", &crate::words::number(items.len() as u64, v.lang)) }
                    </button>
                </p>
            } } else { html! {} } }
            <div class="evidence-actions">
                <button type="button" data-act="add-ev" data-arg={id.to_string()}>{ format!("+ {} {id}", t.add_evidence) }</button>
                <details class="paste-here">
                    <summary>{ t.paste_here }</summary>
                    <label for={format!("paste-{id}")} class="visually-hidden">{ format!("{} ({} {id})", t.paste_here, t.indicator) }</label>
                    <textarea id={format!("paste-{id}")} rows="3" placeholder={t.paste_here_hint} />
                    <button type="button" data-act="paste" data-arg={format!("paste-{id}|{id}")}>{ t.paste_button }</button>
                </details>
                { if others.is_empty() { html! {} } else { html! {
                    <select name={format!("reuse:{id}")} aria-label={format!("{} ({} {id})", t.reuse, t.indicator)}>
                        <option value="" selected={true}>{ t.reuse }</option>
                        { for others.iter().map(|(value, label)| html! { <option value={value.clone()} lang="vi">{ label.clone() }</option> }) }
                    </select>
                } } }
            </div>
            { v.field_messages(&format!("evidence.{id}")) }
        </fieldset>
    }
}

/// One box for the whole evidence list copied from a spreadsheet (its rows name their
/// indicators, or their codes do): the fastest way in for an office that keeps it in Excel.
pub(super) fn paste_box(v: &View) -> Html {
    let t = v.t;
    if v.a.kind.is_none() {
        return html! {};
    }
    html! {
        <details class="card paste">
            <summary>{ t.paste_title }</summary>
            <p class="hint" id="paste-hint">{ t.paste_hint }</p>
            <label for="evidence-paste" class="visually-hidden">{ t.paste_title }</label>
            <textarea id="evidence-paste" rows="4" aria-describedby="paste-hint" data-testid="evidence-paste" />
            <button type="button" data-act="paste" data-arg="evidence-paste">{ t.paste_button }</button>
        </details>
    }
}
