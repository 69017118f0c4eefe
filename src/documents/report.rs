//! The Báo cáo tự đánh giá: the unit, its team and method, each criterion's results and the
//! conclusion (Điều 10.1a–c, 16.1a–c).

use super::*;
use crate::rules::ValidityReading;

pub(super) fn build(c: &Ctx) -> Document {
    let year = c.year;
    let scope = c.scope;
    let rules = c.rules;
    let Some(kind) = c.a.kind else { return Document { kind: Kind::Report, blocks: Vec::new() } };
    let Some(profile) = c.a.profile else { return Document { kind: Kind::Report, blocks: Vec::new() } };
    let procedure = rules.procedure(scope);
    let team_article = procedure.map_or_else(String::new, |p| p.team.long_vi());
    let period_article = procedure.map_or_else(String::new, |p| p.period.long_vi());
    let judging = rules.level_articles_text(scope);
    let mut b = vec![
        c.masthead(c.report().and_then(|r| r.report_no.as_ref()), "BC-…"),
        Block::Title {
            kind: "BÁO CÁO".into(),
            summary: format!("Tự đánh giá, công nhận “Đơn vị học tập” {} năm {year}", scope.name_vi()),
        },
        Block::Recipient(c.recipient()),
        Block::Heading("I. THÔNG TIN CHUNG VỀ ĐƠN VỊ".into()),
        Block::Para(vec![Run::plain(format!("1. Tên đơn vị: {}.", c.unit_name()))]),
        Block::Para(vec![Run::plain(format!("2. Loại đơn vị: {} ({}).", kind.who, long_article(kind.article)))]),
    ];
    // Every kind states it: it decides whether 1.3 (and, at district level 2, 3.3) applies.
    let public = if profile.public { "công lập" } else { "ngoài công lập" };
    b.push(Block::Para(vec![Run::plain(format!("3. Loại hình: {public}."))]));
    b.push(Block::Para(vec![Run::plain(format!("4. Địa chỉ: {}.", address(c.file)))]));
    b.push(Block::Para(vec![Run::plain(format!(
        "5. Thủ trưởng đơn vị: {}.",
        c.file.unit.head.clone().unwrap_or_default()
    ))]));
    let values = &c.file.values;
    let mut size = format!(
        "6. Tổng số Thành viên trong đơn vị tính đến ngày 31/12/{year}: {}",
        values.count(Input::Members).map_or("…".into(), |n| crate::words::number(n, crate::Lang::Vi))
    );
    if profile.learners {
        size.push_str(&format!(
            "; tổng số Người học: {}",
            values.count(Input::Learners).map_or("…".into(), |n| crate::words::number(n, crate::Lang::Vi))
        ));
    }
    b.push(Block::Para(vec![Run::plain(format!("{size}."))]));
    if let Some(p) = &c.file.previous_recognition {
        let mut text =
            format!("7. Lần công nhận trước: mức độ {}", p.level.map_or("…".into(), |l| l.number().to_string()));
        if let Some(no) = &p.decision_no {
            text.push_str(&format!(", Quyết định số {no}"));
        }
        if let Some(d) = p.decision_date {
            text.push_str(&format!(" ngày {}", date_vi(d)));
        }
        // Validity names its reading, with the other beside it (rules.md §4, §7).
        if let Some(v) = c.result.validity {
            text.push_str(&format!(
                "; hiệu lực đến ngày {} ({}; nếu tính từ {}: đến ngày {})",
                date_vi(v.valid_until),
                reading_words(v.reading),
                reading_from(v.other_reading.reading),
                date_vi(v.other_reading.valid_until)
            ));
        }
        b.push(Block::Para(vec![Run::plain(format!("{text}."))]));
    }

    b.push(Block::Heading("II. TỔ ĐÁNH GIÁ VÀ CÁCH THỨC TỰ ĐÁNH GIÁ".into()));
    // The decision that set up the team (Điều 10.1a, 16.1a), when the unit gives it.
    let decision = c.report().and_then(|r| r.team_decision.as_ref()).map_or_else(String::new, |d| {
        let number = d.number.as_deref().filter(|n| !n.trim().is_empty()).map_or(String::new(), |n| format!(" số {n}"));
        let date = d.date.map_or(String::new(), |d| format!(" ngày {}", date_vi(d)));
        format!(" theo Quyết định{number}{date}")
    });
    b.push(Block::Para(vec![Run::plain(format!(
        "1. Tổ đánh giá do Thủ trưởng đơn vị thành lập{decision} ({team_article} {}) gồm:",
        circular(rules)
    ))]));
    let team = c.report().map(|r| r.team.clone()).unwrap_or_default();
    let rows: Vec<Vec<Cell>> = if team.is_empty() {
        vec![vec![Cell::center("1"), Cell::text(""), Cell::text(""), Cell::text("")]]
    } else {
        team.iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    Cell::center((i + 1).to_string()),
                    Cell::text(m.name.clone().unwrap_or_default()),
                    Cell::text(m.position.clone().unwrap_or_default()),
                    Cell::text(m.role.clone().unwrap_or_default()),
                ]
            })
            .collect()
    };
    b.push(Block::Table {
        header: vec!["TT".into(), "Họ và tên".into(), "Chức vụ".into(), "Nhiệm vụ trong Tổ".into()],
        widths: vec![8, 36, 30, 26],
        rows,
    });
    let method = c.report().and_then(|r| r.method.clone()).filter(|m| !m.trim().is_empty()).unwrap_or_else(|| {
        format!(
            "Tổ đánh giá thu thập thông tin, số liệu tính từ ngày 01 tháng 01 đến ngày 31 tháng 12 năm {year} ({period_article}), đối chiếu với từng tiêu chí, chỉ tiêu quy định tại {judging} {}, thu thập minh chứng và đánh giá từng chỉ tiêu theo hai hình thức đạt hoặc không đạt; chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt.",
            circular(rules)
        )
    });
    b.push(Block::Para(vec![Run::plain(format!("2. Cách thức tự đánh giá: {method}"))]));

    b.push(Block::Heading("III. KẾT QUẢ TỰ ĐÁNH GIÁ".into()));
    for (ci, crit) in rules.criteria.iter().enumerate() {
        let n = crit.number.to_string();
        b.push(Block::Heading(format!("{}. Tiêu chí {}: {}", ci + 1, crit.number, crit.title_vi)));
        for view in c.indicators(crit.number) {
            if let Some(runs) = indicator_sentence(c, view) {
                b.push(Block::Para(runs));
            }
        }
        let notes = c.report().and_then(|r| r.criterion(&n));
        for (label, text) in [
            ("Điểm mạnh", notes.and_then(|x| x.strengths.clone())),
            ("Điểm yếu", notes.and_then(|x| x.weaknesses.clone())),
            ("Kế hoạch cải tiến chất lượng", notes.and_then(|x| x.plan.clone())),
        ] {
            b.push(Block::Para(vec![Run::bold(format!("{label}: ")), Run::plain(text.unwrap_or_else(|| "…".into()))]));
        }
        let states: Vec<String> = c
            .result
            .levels
            .iter()
            .map(|l| {
                format!(
                    "mức độ {}: {}",
                    l.level.number(),
                    if l.criteria.get(ci).is_some_and(|x| x.met) { "Đạt" } else { "Không đạt" }
                )
            })
            .collect();
        b.push(Block::Para(vec![
            Run::bold(format!("Tự đánh giá Tiêu chí {}: ", crit.number)),
            Run::plain(format!("{}.", states.join("; "))),
        ]));
    }

    b.push(Block::Heading("IV. DANH MỤC MINH CHỨNG".into()));
    b.push(evidence_list(c));

    b.push(Block::Heading("V. KẾT LUẬN".into()));
    for para in conclusion(c) {
        b.push(Block::Para(para));
    }
    if let Some(text) = c.report().and_then(|r| r.conclusion.clone()).filter(|t| !t.trim().is_empty()) {
        b.push(Block::Para(vec![Run::plain(text)]));
    }
    b.push(c.signature(&["Như trên;"]));
    b.extend(c.stamp());
    Document { kind: Kind::Report, blocks: b }
}

/// "Chỉ tiêu 2.1 (…): có 118/120 thành viên (98,3%); yêu cầu tối thiểu 90% (mức độ 1), 95%
/// (mức độ 2). Tự đánh giá: mức độ 1 Đạt, mức độ 2 Đạt."
fn indicator_sentence(c: &Ctx, view: &IndicatorView) -> Option<Vec<Run>> {
    let id = view.id;
    let first = view.def()?;
    if !view.applies_at_all() {
        return None;
    }
    let results: Vec<(Level, Status)> =
        Level::ALL.into_iter().zip(view.status).filter_map(|(l, s)| Some((l, s?))).collect();
    let mut text = String::new();
    let groups = ratio_groups(c.rules, view);
    if !groups.is_empty() {
        let figures: Vec<String> = groups.iter().map(|g| format!("{} {}", ratio_text(g.observed), g.subject)).collect();
        let requirements: Vec<String> = groups.iter().map(|g| format!("{} {}", g.thresholds(), g.subject)).collect();
        text.push_str(&format!("có {}; yêu cầu tối thiểu {}. ", figures.join("; "), requirements.join("; ")));
    }
    let evidence = c.evidence_codes(id);
    if !evidence.is_empty() {
        text.push_str(&format!("Minh chứng: {}. ", evidence.join(", ")));
    }
    let verdicts: Vec<String> = results.iter().map(|(l, s)| format!("mức độ {} {}", l.number(), verdict(*s))).collect();
    text.push_str(&format!("Tự đánh giá: {}.", verdicts.join(", ")));
    if let Some(note) = c.file.note(id).filter(|n| !n.trim().is_empty() && !c.public) {
        text.push_str(&format!(" Ghi chú: {note}"));
    }
    Some(vec![Run::bold(format!("Chỉ tiêu {id} ({}): ", first.title_vi)), Run::plain(text)])
}

fn reading_words(r: ValidityReading) -> &'static str {
    match r {
        ValidityReading::DecisionYear => "tính từ năm ra quyết định",
        ValidityReading::AssessedYear => "tính từ năm đánh giá được công nhận",
    }
}

fn reading_from(r: ValidityReading) -> &'static str {
    match r {
        ValidityReading::DecisionYear => "năm ra quyết định",
        ValidityReading::AssessedYear => "năm đánh giá được công nhận",
    }
}

/// The conclusion, in the terms of what the unit may ask for (rules.md §3a, §7).
fn conclusion(c: &Ctx) -> Vec<Vec<Run>> {
    let rules = c.rules;
    let r = c.result;
    let procedure = rules.procedure(c.scope);
    let dieu = procedure.map_or(0, |p| p.conditions);
    let unit = c.unit_name();
    let year = c.year;
    let mut out = Vec::new();
    // What the data meet.
    out.push(vec![Run::plain(if r.level > 0 {
        format!(
            "Căn cứ kết quả tự đánh giá, {unit} đạt đầy đủ các tiêu chí, chỉ tiêu của {} theo Điều {dieu} {}.",
            c.level_phrase(),
            circular(rules)
        )
    } else {
        format!(
            "Căn cứ kết quả tự đánh giá, {unit} chưa đạt đầy đủ các tiêu chí, chỉ tiêu của “Đơn vị học tập” {} mức độ 1.",
            c.scope.name_vi()
        )
    })]);
    // Level 2 met without level 1: the basis for judging level 2 on its own article.
    let level_one = r.levels.first();
    if r.level == 2 && !level_one.is_some_and(|l| l.met) {
        let missing: Vec<&str> = level_one
            .map(|l| {
                l.indicators()
                    .filter(|i| !matches!(i.status, Status::Pass | Status::NotApplicable))
                    .map(|i| i.id)
                    .collect()
            })
            .unwrap_or_default();
        let submit = procedure.map_or_else(String::new, |p| p.submit.long_vi());
        out.push(vec![Run::plain(format!(
            "Đơn vị chưa đạt chỉ tiêu {} của mức độ 1 nhưng đạt đầy đủ các tiêu chí, chỉ tiêu của mức độ 2. Theo khoản 2 Điều {dieu} và {submit} {} (đạt ở mức độ nào thì đề nghị công nhận ở mức độ đó), mức độ 2 được đánh giá theo điều kiện của chính mức độ 2.",
            missing.join(", "),
            circular(rules)
        ))]);
    }
    // What is asked, or why nothing is.
    let asked = super::request::Asked::of(r.request.kind);
    let text = match (asked, r.request.reason) {
        (Some(asked), _) => {
            let lower = if r.request.level < r.level {
                format!(" (đơn vị đạt mức độ {} nhưng đề nghị mức độ {})", r.level, r.request.level)
            } else {
                String::new()
            };
            format!(
                "{unit} đề nghị {} xem xét, tổ chức thẩm định và trình {} quyết định {} {unit} đạt {} năm {year}{lower}.",
                c.recipient(),
                c.decision_maker(),
                asked.verb(),
                c.phrase(r.request.level)
            )
        }
        (None, crate::engine::evaluate::RequestReason::NotMet) => format!(
            "Theo {} {}, đơn vị chỉ đề nghị đánh giá, công nhận khi kết quả tự đánh giá đạt điều kiện; năm {year} {unit} chưa đủ điều kiện đề nghị công nhận.",
            rules.apply_when_met.long_vi(),
            circular(rules)
        ),
        (None, crate::engine::evaluate::RequestReason::UpgradeNotYet) => format!(
            "{unit} được công nhận mức độ 1 theo {}; theo {} {}, đơn vị chỉ được đề nghị công nhận nâng mức độ từ ngày {}, tức là với kết quả năm {}. Năm {year} đơn vị giữ mức độ 1 và chưa đề nghị công nhận.",
            c.previous_decision().unwrap_or_else(|| "quyết định trước".into()),
            procedure.map_or_else(String::new, |p| p.upgrade.long_vi()),
            circular(rules),
            r.request.eligible_from.map_or_else(String::new, date_vi),
            r.request.first_year.unwrap_or(year + 1)
        ),
        (None, _) => {
            let v = r.validity;
            format!(
                "{} còn hiệu lực đến ngày {} ({}; {} {}); năm {year} đơn vị chưa đề nghị công nhận. Đơn vị đề nghị công nhận lại với kết quả năm {}.",
                c.previous_decision().unwrap_or_else(|| "Quyết định công nhận trước".into()),
                v.map_or_else(String::new, |v| date_vi(v.valid_until)),
                v.map_or("", |v| reading_words(v.reading)),
                procedure.map_or_else(String::new, |p| p.validity.long_vi()),
                circular(rules),
                v.map_or(year + 1, |v| v.rerecognition_year)
            )
        }
    };
    out.push(vec![Run::plain(text)]);
    out
}

/// The evidence the council judges by (Điều 9.1): each item once, with the indicators it
/// supports. Items recorded under several indicators with the same code and title are one.
fn evidence_list(c: &Ctx) -> Block {
    let mut items: Vec<(&crate::file::EvidenceItem, Vec<&str>)> = Vec::new();
    for view in c.a.indicators.iter().filter(|v| v.applies_at_all()) {
        for item in c.file.evidence_for(view.id) {
            let same = |other: &&crate::file::EvidenceItem| {
                (&other.code, &other.title, &other.number, other.date)
                    == (&item.code, &item.title, &item.number, item.date)
            };
            match items.iter_mut().find(|(it, _)| same(it)) {
                Some((_, ids)) => {
                    if !ids.contains(&view.id) {
                        ids.push(view.id)
                    }
                }
                None => items.push((item, vec![view.id])),
            }
        }
    }
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    let rows: Vec<Vec<Cell>> = if items.is_empty() {
        vec![vec![
            Cell::center("1"),
            Cell::text(""),
            Cell::text("(chưa có minh chứng)"),
            Cell::text(""),
            Cell::text(""),
            Cell::text(""),
            Cell::text(""),
        ]]
    } else {
        items
            .iter()
            .enumerate()
            .map(|(i, (it, ids))| {
                let number_date = [it.number.clone(), it.date.map(date_vi)]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(", ngày ");
                vec![
                    Cell::center((i + 1).to_string()),
                    Cell::text(text(&it.code)),
                    Cell::text(text(&it.title)),
                    Cell::text(number_date),
                    Cell::text(text(&it.issuer)),
                    Cell::text(text(&it.location)),
                    Cell::center(ids.join(", ")),
                ]
            })
            .collect()
    };
    // Published, the list leaves out where each document is kept (for the council only).
    let mut header: Vec<String> =
        ["TT", "Mã", "Tên minh chứng", "Số, ngày ban hành", "Nơi ban hành", "Nơi lưu trữ", "Chỉ tiêu"]
            .into_iter()
            .map(String::from)
            .collect();
    let mut widths = vec![6, 12, 28, 16, 14, 14, 10];
    let mut rows = rows;
    if c.public {
        const KEPT_AT: usize = 5;
        header.remove(KEPT_AT);
        widths = vec![6, 12, 36, 20, 16, 10];
        for row in &mut rows {
            if row.len() > KEPT_AT + 1 {
                row.remove(KEPT_AT);
            }
        }
    }
    Block::Table { header, widths, rows }
}

/// The unit's address, with its commune and province added only when it does not name them
/// already ("… phường Phố Hiến, tỉnh Hưng Yên" is not followed by "Phố Hiến, Hưng Yên").
fn address(file: &crate::file::DossierFile) -> String {
    let u = &file.unit;
    let mut parts: Vec<String> = u.address.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    for place in [&u.district, &u.province].into_iter().flatten().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let said = parts.iter().any(|p| p.to_lowercase().contains(&place.to_lowercase()));
        if !said {
            parts.push(place.to_string());
        }
    }
    parts.join(", ")
}
