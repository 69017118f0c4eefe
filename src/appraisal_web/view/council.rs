//! Step 2 (Điều 10.2b, 16.2b): the council — the decision setting it up, its members with
//! their role and organisation — checked against the text with warnings, never refusals.

use yew::prelude::*;

use super::{label, messages, select_field, text_field, View};
use crate::appraisal::{Method, Role};
use crate::diagnostic::Diagnostic;

fn roles(v: &View) -> Vec<(&'static str, String)> {
    let mut out = vec![("", v.pick("— chọn —", "— choose —").to_string())];
    for r in Role::ALL {
        let name = match r {
            Role::Chair => v.pick("Chủ tịch Hội đồng", "Chair"),
            Role::Secretary => v.pick("Thư ký", "Secretary"),
            Role::Member => v.pick("Ủy viên", "Member"),
        };
        out.push((r.key(), name.to_string()));
    }
    out
}

fn member(v: &View, i: usize) -> Html {
    let p = |k: &str| format!("council.members[{i}].{k}");
    let groups: Vec<(&'static str, String)> =
        std::iter::once(("", v.pick("Theo tên cơ quan", "From the organisation's name").to_string()))
            .chain(
                v.reg
                    .procedure
                    .iter()
                    .flat_map(|pr| pr.council_groups.iter())
                    .map(|g| (g.key, if v.vi() { g.label_vi } else { g.label_en }.to_string())),
            )
            .collect();
    let group = v.reg.council.member_groups.get(i).copied().flatten();
    html! {
        <tr data-testid="member">
            <td class="num">{ i + 1 }</td>
            <td>{ text_field(v, &p("name"), &label(v, &p("name")), "text", false) }</td>
            <td>{ select_field(v, &p("role"), &label(v, &p("role")), &roles(v), false) }</td>
            <td>{ text_field(v, &p("organisation"), &label(v, &p("organisation")), "text", false) }</td>
            <td>
                { select_field(v, &p("group"), &label(v, &p("group")), &groups, false) }
                <p class="hint">{ group.map_or_else(|| v.pick("Chưa rõ thành phần", "Group not known").to_string(), |g| format!("{}: {}", v.pick("Thành phần", "Group"), if v.vi() { g.label_vi } else { g.label_en })) }</p>
            </td>
            <td><button type="button" class="danger" data-act="rm-member" data-arg={i.to_string()} aria-label={format!("{} {}", v.pick("Xóa thành viên", "Remove member"), i + 1)}>{ v.pick("Xóa", "Remove") }</button></td>
        </tr>
    }
}

pub fn screen(v: &View) -> Html {
    let methods = [
        ("", v.pick("— chọn —", "— choose —").to_string()),
        (Method::Meeting.key(), v.pick("Tổ chức cuộc họp Hội đồng", "A council meeting").to_string()),
        (Method::Written.key(), v.pick("Lấy ý kiến bằng văn bản", "Written opinions").to_string()),
    ];
    let c = &v.reg.council;
    let warnings: Vec<&Diagnostic> = v.reg.diagnostics.iter().filter(|d| d.field.starts_with("council")).collect();
    let cite =
        v.reg.procedure.map(|p| if v.vi() { p.council.long_vi() } else { format!("Article {}", p.council.dotted()) });
    html! {
        <>
        <section class="card" aria-labelledby="h-council">
            <h2 id="h-council">{ v.reg.procedure.map_or(v.pick("Hội đồng thẩm định", "Appraisal council"), |p| p.council_name) }</h2>
            { if v.reg.procedure.is_none() { html! { <p class="hint">{ v.pick("Chọn cấp của hồ sơ ở bước 1 để biết Hội đồng theo điều nào.", "Choose the scope in step 1 to see which article sets the council.") }</p> } } else { html! {} } }
            <div class="grid">
                { text_field(v, "council.decision_no", &label(v, "council.decision_no"), "text", false) }
                { text_field(v, "council.decision_date", &label(v, "council.decision_date"), "date", false) }
                { select_field(v, "council.method", &label(v, "council.method"), &methods, false) }
                { text_field(v, "council.date", &label(v, "council.date"), "date", false) }
            </div>
        </section>
        <section class="card" aria-labelledby="h-members">
            <div class="card-head">
                <h2 id="h-members">{ format!("{} ({})", v.pick("Thành viên Hội đồng", "Members"), c.members) }</h2>
                <button type="button" class="primary" data-act="add-member" data-testid="add-member">{ v.pick("Thêm thành viên", "Add a member") }</button>
            </div>
            { if c.members == 0 { html! { <p class="hint">{ v.pick("Chưa có thành viên nào.", "No member yet.") }</p> } } else { html! {
                <div class="table-wrap">
                    <table class="register members">
                        <thead><tr>
                            <th scope="col">{ "STT" }</th>
                            <th scope="col">{ v.pick("Họ và tên", "Name") }</th>
                            <th scope="col">{ v.pick("Nhiệm vụ", "Role") }</th>
                            <th scope="col">{ v.pick("Cơ quan, tổ chức", "Organisation") }</th>
                            <th scope="col">{ v.pick("Thành phần theo Thông tư", "Group under the Circular") }</th>
                            <th scope="col"><span class="sr-only">{ v.pick("Xóa", "Remove") }</span></th>
                        </tr></thead>
                        <tbody>{ for (0..c.members).map(|i| member(v, i)) }</tbody>
                    </table>
                </div>
            } } }
        </section>
        <section class="card" aria-labelledby="h-checks" data-testid="council-checks">
            <h2 id="h-checks">{ v.pick("Đối chiếu với Thông tư", "Checked against the Circular") }</h2>
            { cite.map_or(html! {}, |c| html! { <p class="hint">{ format!("{} {c}: {}", v.pick("Theo", "Under"), v.pick("Hội đồng có chủ tịch, thư ký và các ủy viên; số lượng là số lẻ, tối thiểu 05 người; có đại diện các thành phần dưới đây. Đây là cảnh báo, không ngăn việc thẩm định.", "a chair, a secretary and members; an odd number, at least five; the groups below represented. These are warnings: they stop nothing.")) }</p> }) }
            <ul class="groups">
                { for c.groups.iter().map(|(g, n)| html! {
                    <li class={if *n == 0 { "bad" } else { "ok" }}>{ format!("{}: {}", if v.vi() { g.label_vi } else { g.label_en }, v.n(*n)) }</li>
                }) }
            </ul>
            { if warnings.is_empty() && c.members > 0 { html! { <p class="ok" data-testid="council-ok">{ v.pick("Hội đồng đúng như Thông tư quy định.", "The council is as the Circular asks.") }</p> } } else { messages(v, &warnings, "council-warnings") } }
        </section>
        </>
    }
}
