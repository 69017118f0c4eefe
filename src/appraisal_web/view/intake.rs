//! Step 1 (Điều 10.2a, 16.2a): the body receiving, the files taken in, the register with its
//! counts, filters, sorting and search, and the files not taken in with the reason.

use yew::prelude::*;

use super::{label, select_field, text_field, View};
use crate::appraisal::register::{self, counts, Entry, SortKey, State as EntryState};
use crate::appraisal::Channel;
use crate::engine::evaluate::RequestKind;
use crate::Severity;

fn body(v: &View) -> Html {
    let taken = !v.w.file.dossiers.is_empty();
    let scopes = [
        ("", v.pick("— chọn —", "— choose —").to_string()),
        ("huyen", v.pick("Hồ sơ cấp huyện (Phòng GD&ĐT)", "District-level dossiers (district office)").to_string()),
        ("tinh", v.pick("Hồ sơ cấp tỉnh (Sở GD&ĐT)", "Provincial dossiers (provincial department)").to_string()),
    ];
    let fields = html! {
            <div class="grid">
                { text_field(v, "body.name", &label(v, "body.name"), "text", false) }
                { select_field(v, "body.scope", &label(v, "body.scope"), &scopes, taken) }
                { text_field(v, "year", &label(v, "year"), "text", taken) }
                { text_field(v, "body.province", &label(v, "body.province"), "text", false) }
                { text_field(v, "body.head", &label(v, "body.head"), "text", false) }
                { text_field(v, "body.signer_title", &label(v, "body.signer_title"), "text", false) }
                { text_field(v, "body.decision_maker", &label(v, "body.decision_maker"), "text", false) }
                { text_field(v, "body.parent", &label(v, "body.parent"), "text", false) }
                { text_field(v, "body.place", &label(v, "body.place"), "text", false) }
            </div>
    };
    let title = v.pick("Cơ quan tiếp nhận", "Receiving body");
    // Folded once dossiers are taken in (its year and scope are fixed then).
    if taken {
        html! {
            <details class="card" data-testid="body">
                <summary><h2 class="inline">{ title }</h2>{ format!(" — {}", v.w.file.body.name.clone().unwrap_or_default()) }</summary>
                { fields }
                <p class="hint">{ v.pick("Đã tiếp nhận hồ sơ: năm đánh giá và cấp không đổi được nữa (mỗi hồ sơ đã được đối chiếu với chúng). Muốn khác, hãy bắt đầu “Thẩm định mới”.", "Dossiers are taken in: the year and scope are fixed (each dossier was checked against them). For others, start a “New appraisal”.") }</p>
            </details>
        }
    } else {
        html! {
            <section class="card" aria-labelledby="h-body" data-testid="body">
                <h2 id="h-body">{ title }</h2>
                { fields }
            </section>
        }
    }
}

fn receipt(v: &View, onfile: Callback<Event>) -> Html {
    let ready = v.reg.year.is_some() && v.reg.scope.is_some();
    let busy = v.s.progress.is_some();
    let channels: Vec<(&str, String)> = std::iter::once(("", v.pick("— chọn —", "— choose —").to_string()))
        .chain(Channel::ALL.iter().map(|c| {
            let name = match c {
                Channel::Direct => v.pick("Trực tiếp", "In person"),
                Channel::Online => v.pick("Trực tuyến", "Online"),
                Channel::Post => v.pick("Qua bưu chính", "By post"),
            };
            (c.key(), name.to_string())
        }))
        .collect();
    html! {
        <section class={classes!("card", "receive", v.s.dragging.then_some("dragging"))} aria-labelledby="h-receive" data-testid="drop">
            <h2 id="h-receive">{ v.pick("Tiếp nhận hồ sơ", "Take dossiers in") }</h2>
            { if !ready { html! {
                <p class="hint" data-testid="not-ready">{ v.pick("Trước hết hãy chọn cấp của hồ sơ và nhập năm đánh giá ở mục “Cơ quan tiếp nhận”: hồ sơ của năm khác hoặc cấp khác sẽ không được tiếp nhận.", "First choose the scope and the assessed year under “Receiving body”: dossiers of another year or scope are not taken in.") }</p>
            } } else { html! {} } }
            <div class="grid">
                <div class="field">
                    <label for="receipt.date">{ v.pick("Ngày nhận", "Date received") }</label>
                    <input id="receipt.date" name="receipt.date" type="date" value={v.s.received.clone()} />
                </div>
                <div class="field">
                    <label for="receipt.channel">{ v.pick("Hình thức nhận", "How it came") }</label>
                    <select id="receipt.channel" name="receipt.channel" data-value={v.s.channel.clone()}>
                        { for channels.iter().map(|(k, t)| html! { <option value={k.to_string()} selected={v.s.channel == *k}>{ t.clone() }</option> }) }
                    </select>
                </div>
            </div>
            <div class="start-actions">
                <input id="intake-files" name="intake-files" class="file-input" type="file" multiple=true accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" disabled={!ready || busy} data-testid="intake-files" onchange={onfile.clone()} />
                <label for="intake-files" class="button primary">{ v.pick("Chọn các tệp hồ sơ…", "Choose dossier files…") }</label>
                <input id="intake-folder" name="intake-folder" class="file-input" type="file" webkitdirectory=true disabled={!ready || busy} data-testid="intake-folder" onchange={onfile} />
                <label for="intake-folder" class="button">{ v.pick("Chọn cả thư mục…", "Choose a folder…") }</label>
            </div>
            <p class="hint">{ v.pick("Nhận tệp .json của dvht, báo cáo .html có kèm dữ liệu hồ sơ và tệp .zip chứa chúng; có thể kéo thả nhiều tệp hoặc cả thư mục vào đây. Mỗi hồ sơ được kiểm tra bằng cùng bộ máy đánh giá; tệp lỗi không làm dừng các tệp khác.", "Takes dvht .json files, published .html reports carrying their data and .zip archives of them; drop many files or a whole folder here. Each dossier is checked by the same engine; a bad file never stops the others.") }</p>
        </section>
    }
}

fn count(v: &View, testid: &str, n: usize, label: &str) -> Html {
    html! {
        <div class="count-box" data-testid={testid.to_string()} data-count={n.to_string()}>
            <span class="count-n">{ v.n(n) }</span>
            <span class="count-label">{ label.to_string() }</span>
        </div>
    }
}

fn counts_view(v: &View) -> Html {
    let c = counts(v.reg, 0..v.reg.entries.len());
    let rejected = v.reg.rejected.len();
    html! {
        <div class="counts" data-testid="counts">
            <div class="count-row">
                { count(v, "count-dossiers", c.dossiers, v.pick("hồ sơ đã nhận", "dossiers received")) }
                { count(v, "count-valid", c.valid, v.pick("hợp lệ", "valid")) }
                { count(v, "count-invalid", c.invalid, v.pick("không hợp lệ", "invalid")) }
                { count(v, "count-rejected", rejected, v.pick("tệp không tiếp nhận", "files not taken in")) }
                { count(v, "count-late", c.late, v.pick("nộp muộn", "late")) }
                { count(v, "count-replaced", c.replaced, v.pick("đã có hồ sơ gửi sau", "replaced")) }
            </div>
            <div class="count-row">
                { count(v, "count-level-0", c.by_level[0], v.pick("chưa đạt", "not met")) }
                { count(v, "count-level-1", c.by_level[1], v.pick("đạt mức độ 1", "level 1")) }
                { count(v, "count-level-2", c.by_level[2], v.pick("đạt mức độ 2", "level 2")) }
                { count(v, "count-first", c.by_request[0], v.pick("đề nghị công nhận", "first recognition")) }
                { count(v, "count-renewal", c.by_request[1], v.pick("công nhận lại", "renewal")) }
                { count(v, "count-upgrade", c.by_request[2], v.pick("nâng mức độ", "upgrade")) }
                { count(v, "count-none", c.by_request[3], v.pick("không đề nghị", "nothing asked")) }
            </div>
            { if c.by_kind.is_empty() { html! {} } else { html! {
                <details class="by-kind">
                    <summary>{ v.pick("Theo loại đơn vị (hồ sơ hợp lệ, mức độ tự đánh giá)", "By kind of unit (valid dossiers, self-assessed level)") }</summary>
                    <table class="register compact" data-testid="by-kind">
                        <thead><tr>
                            <th scope="col">{ v.pick("Loại đơn vị", "Kind") }</th>
                            <th scope="col">{ v.pick("Chưa đạt", "Not met") }</th>
                            <th scope="col">{ v.pick("Mức độ 1", "Level 1") }</th>
                            <th scope="col">{ v.pick("Mức độ 2", "Level 2") }</th>
                        </tr></thead>
                        <tbody>
                            { for c.by_kind.iter().map(|(k, n)| html! {
                                <tr data-kind={k.to_string()} data-counts={format!("{},{},{}", n[0], n[1], n[2])}>
                                    <th scope="row">{ v.kind_name(k) }</th>
                                    <td class="num">{ v.n(n[0]) }</td><td class="num">{ v.n(n[1]) }</td><td class="num">{ v.n(n[2]) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            } } }
        </div>
    }
}

fn filters(v: &View) -> Html {
    let f = &v.s.filter;
    let c = counts(v.reg, 0..v.reg.entries.len());
    let kinds: Vec<(String, String)> = c.by_kind.iter().map(|(k, _)| (k.to_string(), v.kind_name(k))).collect();
    let kind = f.kind.clone().unwrap_or_default();
    let level = f.level.map_or(String::new(), |l| l.to_string());
    let request = f.request.map_or("", register::request_key);
    let state = f.state.map_or("", EntryState::key);
    let states: Vec<(EntryState, &str)> = vec![
        (EntryState::Valid, v.pick("Hợp lệ", "Valid")),
        (EntryState::Invalid, v.pick("Không hợp lệ", "Invalid")),
        (EntryState::Late, v.pick("Nộp muộn", "Late")),
        (EntryState::Incomplete, v.pick("Không đề nghị được", "Nothing to ask")),
        (EntryState::Changed, v.pick("Bị sửa sau khi nhận", "Changed since intake")),
        (EntryState::Replaced, v.pick("Đã có hồ sơ gửi sau", "Replaced")),
        (EntryState::Undecided, v.pick("Chưa kết luận", "Undecided")),
        (EntryState::Recognised, v.pick("Đề nghị công nhận", "Recognised")),
        (EntryState::Refused, v.pick("Không công nhận", "Refused")),
    ];
    let any = v.pick("Tất cả", "All");
    html! {
        <div class="filters" role="search">
            <div class="field">
                <label for="filter.text">{ v.pick("Tìm tên đơn vị hoặc tệp", "Search a unit or file") }</label>
                <input id="filter.text" name="filter.text" type="search" value={f.text.clone().unwrap_or_default()} data-testid="search" />
            </div>
            <div class="field">
                <label for="filter.kind">{ v.pick("Loại đơn vị", "Kind") }</label>
                <select id="filter.kind" name="filter.kind" data-value={kind.clone()}>
                    <option value="" selected={kind.is_empty()}>{ any }</option>
                    { for kinds.iter().map(|(k, n)| html! { <option value={k.clone()} selected={kind == *k}>{ n.clone() }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="filter.level">{ v.pick("Mức độ tự đánh giá", "Self-assessed level") }</label>
                <select id="filter.level" name="filter.level" data-value={level.clone()}>
                    <option value="" selected={level.is_empty()}>{ any }</option>
                    { for ["0", "1", "2"].iter().map(|l| html! { <option value={l.to_string()} selected={level == *l}>{ v.level(l.parse().unwrap_or(0)) }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="filter.request">{ v.pick("Đề nghị", "Request") }</label>
                <select id="filter.request" name="filter.request" data-value={request.to_string()}>
                    <option value="" selected={request.is_empty()}>{ any }</option>
                    { for [RequestKind::First, RequestKind::Renewal, RequestKind::Upgrade, RequestKind::None].iter().map(|k| {
                        let key = register::request_key(*k);
                        let name = match k {
                            RequestKind::First => v.pick("Công nhận", "First recognition"),
                            RequestKind::Renewal => v.pick("Công nhận lại", "Renewal"),
                            RequestKind::Upgrade => v.pick("Nâng mức độ", "Upgrade"),
                            RequestKind::None => v.pick("Không đề nghị", "Nothing asked"),
                        };
                        html! { <option value={key} selected={request == key}>{ name }</option> }
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter.state">{ v.pick("Tình trạng", "State") }</label>
                <select id="filter.state" name="filter.state" data-value={state.to_string()}>
                    <option value="" selected={state.is_empty()}>{ any }</option>
                    { for states.iter().map(|(s, n)| html! { <option value={s.key()} selected={state == s.key()}>{ *n }</option> }) }
                </select>
            </div>
        </div>
    }
}

fn sort_header(v: &View, key: SortKey, text: &str) -> Html {
    let current = v.s.sort == key;
    let sort = match (current, v.s.descending) {
        (false, _) => None,
        (true, false) => Some("ascending"),
        (true, true) => Some("descending"),
    };
    let arrow = match sort {
        Some("ascending") => " ▲",
        Some(_) => " ▼",
        None => "",
    };
    html! {
        <th scope="col" aria-sort={sort}>
            <button type="button" class="sort" data-act="sort" data-arg={key.key()}>{ format!("{text}{arrow}") }</button>
        </th>
    }
}

/// What the register says of a dossier's problems, in a few words.
fn problems(v: &View, e: &Entry) -> Html {
    let errors = e.problems.iter().chain(&e.diagnostics).filter(|d| d.severity == Severity::Error).count();
    let warnings = e.problems.iter().chain(&e.diagnostics).filter(|d| d.severity == Severity::Warning).count();
    let first = e.problems.iter().chain(&e.diagnostics).find(|d| d.severity != Severity::Note).map(|d| v.diag(d));
    let mut tags = Vec::new();
    if e.replaced_by.is_some() {
        tags.push(html! { <span class="tag">{ v.pick("Đã có hồ sơ gửi sau", "Replaced by a later one") }</span> });
    }
    if e.replaces.is_some() {
        tags.push(html! { <span class="tag">{ v.pick("Thay hồ sơ gửi trước", "Replaces an earlier one") }</span> });
    }
    if e.changed {
        tags.push(html! { <span class="tag bad">{ v.pick("Bị sửa sau khi nhận", "Changed since intake") }</span> });
    }
    html! {
        <>
            { for tags }
            { match first {
                Some(text) => html! { <span class={if errors > 0 { "problem-text bad" } else { "problem-text" }}>
                    { if errors + warnings > 1 { format!("{text} (+{})", errors + warnings - 1) } else { text } }
                </span> },
                None => html! {},
            } }
        </>
    }
}

fn council_cell(v: &View, e: &Entry) -> String {
    let level = e.council_level().map(|l| v.level(l));
    let outcome = match (e.outcome, e.recognised) {
        (Some(crate::appraisal::Outcome::Recognise), Some(l)) => {
            Some(format!("{} {}", v.pick("Công nhận", "Recognise"), v.level(l.number()).to_lowercase()))
        }
        (Some(crate::appraisal::Outcome::Recognise), None) => {
            Some(v.pick("Công nhận (chưa hợp lệ)", "Recognise (not valid)").into())
        }
        (Some(crate::appraisal::Outcome::Refuse), _) => Some(v.pick("Không công nhận", "Refuse").into()),
        (None, _) => None,
    };
    match (level, outcome) {
        (Some(l), Some(o)) => format!("{l} · {o}"),
        (Some(l), None) => l,
        (None, Some(o)) => o,
        (None, None) => "—".into(),
    }
}

fn row(v: &View, e: &Entry) -> Html {
    let name = if e.name.is_empty() { e.file.clone() } else { e.name.clone() };
    let on_time = match e.on_time {
        Some(true) => v.pick("Đúng hạn", "On time"),
        Some(false) => v.pick("Muộn", "Late"),
        None => "—",
    };
    let channel = e.channel.map_or("—", |c| match c {
        Channel::Direct => v.pick("Trực tiếp", "In person"),
        Channel::Online => v.pick("Trực tuyến", "Online"),
        Channel::Post => v.pick("Bưu chính", "Post"),
    });
    let own = if e.valid() { v.level(e.level()) } else { v.pick("Không hợp lệ", "Invalid").to_string() };
    let request = e.request.map_or_else(|| "—".to_string(), |r| v.request(r.kind, r.level));
    html! {
        <tr data-testid="register-row" data-index={e.index.to_string()} class={classes!((!e.valid()).then_some("invalid"), e.replaced_by.map(|_| "replaced"))}>
            <td class="num">{ e.index + 1 }</td>
            <td>
                <button type="button" class="link unit" data-act="dossier" data-arg={e.index.to_string()}>{ name }</button>
                <span class="file">{ e.file.clone() }</span>
            </td>
            <td>{ e.kind.map_or_else(|| e.kind_id.clone().unwrap_or_default(), |k| v.kind_name(k.id)) }</td>
            <td>{ v.opt_date(e.received) }</td>
            <td>{ channel }</td>
            <td class={if e.on_time == Some(false) { "bad" } else { "" }}>{ on_time }</td>
            <td data-level={e.valid().then(|| e.level().to_string())}>{ own }</td>
            <td>{ request }</td>
            <td>{ council_cell(v, e) }</td>
            <td class="problems">{ problems(v, e) }</td>
        </tr>
    }
}

fn pager(v: &View, shown: usize) -> Html {
    let pages = shown.div_ceil(super::super::state::PAGE).max(1);
    if pages <= 1 {
        return html! {};
    }
    let page = v.s.page.min(pages - 1);
    html! {
        <nav class="pager" aria-label={v.pick("Trang của sổ", "Pages of the register")}>
            <button type="button" data-act="page" data-arg={page.saturating_sub(1).to_string()} disabled={page == 0}>{ v.pick("‹ Trang trước", "‹ Previous") }</button>
            <span>{ format!("{} {}/{}", v.pick("Trang", "Page"), page + 1, pages) }</span>
            <button type="button" data-act="page" data-arg={(page + 1).to_string()} disabled={page + 1 >= pages} data-testid="next-page">{ v.pick("Trang sau ›", "Next ›") }</button>
        </nav>
    }
}

fn register_view(v: &View) -> Html {
    let reg = v.reg;
    if reg.entries.is_empty() {
        return html! {
            <section class="card" aria-labelledby="h-register">
                <h2 id="h-register">{ v.pick("Sổ tiếp nhận", "Register of intake") }</h2>
                <p class="hint">{ v.pick("Chưa tiếp nhận hồ sơ nào.", "No dossier taken in yet.") }</p>
            </section>
        };
    }
    let mut shown = register::filter(reg, &v.s.filter);
    register::sort(reg, &mut shown, v.s.sort, v.s.descending);
    let page_size = super::super::state::PAGE;
    let pages = shown.len().div_ceil(page_size).max(1);
    let page = v.s.page.min(pages - 1);
    let rows: Vec<&Entry> =
        shown.iter().skip(page * page_size).take(page_size).filter_map(|&p| reg.entries.get(p)).collect();
    html! {
        <section class="card" aria-labelledby="h-register" data-testid="register">
            <div class="card-head">
                <h2 id="h-register">{ v.pick("Sổ tiếp nhận", "Register of intake") }</h2>
                <div class="actions">
                    <button type="button" data-act="xlsx" data-arg="intake" data-testid="intake-xlsx">{ v.pick("Tải Excel (.xlsx)", "Excel (.xlsx)") }</button>
                    <button type="button" data-act="csv" data-arg="0" data-testid="intake-csv">{ v.pick("Tải CSV", "CSV") }</button>
                </div>
            </div>
            { counts_view(v) }
            { filters(v) }
            <p class="hint" role="status" data-testid="shown" data-count={shown.len().to_string()}>{ format!("{} {} / {} {}", v.pick("Đang hiện", "Showing"), v.n(shown.len()), v.n(reg.entries.len()), v.pick("hồ sơ", "dossiers")) }</p>
            <div class="table-wrap">
                <table class="register">
                    <caption class="sr-only">{ v.pick("Sổ tiếp nhận hồ sơ; bấm tên đơn vị để thẩm định", "Dossiers received; choose a unit to appraise it") }</caption>
                    <thead><tr>
                        <th scope="col">{ "STT" }</th>
                        { sort_header(v, SortKey::Name, v.pick("Tên đơn vị", "Unit")) }
                        { sort_header(v, SortKey::Kind, v.pick("Loại", "Kind")) }
                        { sort_header(v, SortKey::Received, v.pick("Ngày nhận", "Received")) }
                        <th scope="col">{ v.pick("Hình thức", "Channel") }</th>
                        <th scope="col">{ v.pick("Thời hạn", "On time") }</th>
                        { sort_header(v, SortKey::Level, v.pick("Tự đánh giá", "Own level")) }
                        { sort_header(v, SortKey::Request, v.pick("Đề nghị", "Request")) }
                        { sort_header(v, SortKey::Outcome, v.pick("Thẩm định", "Appraisal")) }
                        <th scope="col">{ v.pick("Vấn đề", "Problems") }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|e| row(v, e)) }</tbody>
                </table>
            </div>
            { pager(v, shown.len()) }
        </section>
    }
}

fn rejected(v: &View) -> Html {
    if v.reg.rejected.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" aria-labelledby="h-rejected" data-testid="rejected">
            <h2 id="h-rejected">{ format!("{} ({})", v.pick("Tệp không tiếp nhận", "Files not taken in"), v.n(v.reg.rejected.len())) }</h2>
            <p class="hint">{ v.pick("Không tệp nào bị bỏ qua âm thầm: mỗi tệp dưới đây được ghi lại cùng lý do.", "No file is dropped silently: each below is kept with the reason.") }</p>
            <ul class="messages">
                { for v.reg.rejected.iter().map(|r| html! {
                    <li data-testid="rejected-file" data-reason={v.w.file.rejected.get(r.index).and_then(|x| x.reason.clone())}>{ v.diag(&r.diagnostic) }</li>
                }) }
            </ul>
        </section>
    }
}

pub fn screen(v: &View, onfile: Callback<Event>) -> Html {
    html! {
        <>
            { body(v) }
            { receipt(v, onfile) }
            { register_view(v) }
            { rejected(v) }
        </>
    }
}
