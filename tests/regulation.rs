//! The rules table against the Circular's own text: every indicator's wording, citation,
//! numbering and threshold, and the article each level rests on. A wrong digit or a wrong
//! điểm in `src/rules/tt24_2023.rs` fails here.

use std::collections::BTreeMap;

use dvht::rules::{Level, Scope, Test, TT24_2023};

const TEXT: &str = include_str!("regulation/tt24-2023.txt");

/// Điều → khoản → (the khoản's own text, điểm → text).
type Articles = BTreeMap<u8, BTreeMap<u8, (String, BTreeMap<String, String>)>>;

fn articles() -> Articles {
    let mut out: Articles = BTreeMap::new();
    let mut dieu = 0u8;
    let mut khoan = 0u8;
    for line in TEXT.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Điều ") {
            if let Some((n, _)) = rest.split_once('.') {
                if let Ok(n) = n.parse() {
                    dieu = n;
                    khoan = 0;
                    continue;
                }
            }
        }
        if dieu == 0 {
            continue;
        }
        if let Some((n, rest)) = line.split_once(". ") {
            if let Ok(n) = n.parse::<u8>() {
                khoan = n;
                out.entry(dieu).or_default().insert(n, (rest.to_string(), BTreeMap::new()));
                continue;
            }
        }
        if let Some((letter, rest)) = line.split_once(") ") {
            if ["a", "b", "c", "d", "đ", "e", "g"].contains(&letter) {
                let entry = out.entry(dieu).or_default().entry(khoan).or_default();
                entry.1.insert(letter.to_string(), rest.to_string());
                continue;
            }
        }
        // A continuation line belongs to the khoản's own text.
        if let Some(entry) = out.get_mut(&dieu).and_then(|k| k.get_mut(&khoan)) {
            entry.0.push(' ');
            entry.0.push_str(line);
        }
    }
    out
}

#[test]
fn the_vendored_text_is_the_shared_one() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/regulation/tt24-2023.txt");
    match std::fs::read_to_string(shared) {
        Ok(text) => assert_eq!(text, TEXT, "tests/regulation/tt24-2023.txt differs from {shared}"),
        // A clone outside the workplace has only the vendored copy.
        Err(_) => eprintln!("{shared} not found: checked against the vendored copy only"),
    }
}

#[test]
fn every_indicator_quotes_its_article_and_threshold() {
    let arts = articles();
    let mut checked = 0;
    for ind in TT24_2023.indicators {
        let c = ind.cite;
        let (_, points) = &arts[&c.dieu][&c.khoan];
        let raw = points
            .get(c.diem)
            .unwrap_or_else(|| panic!("{} {:?}: no điểm {} in Điều {}.{}", ind.id, ind.level, c.diem, c.dieu, c.khoan));
        // "Chỉ tiêu 4: …" — the number is the indicator's.
        let (head, text) = raw.split_once(": ").expect("Chỉ tiêu N: text");
        let number = ind.id.split('.').nth(1).unwrap();
        assert_eq!(head, format!("Chỉ tiêu {number}"), "{} {:?} {:?}", ind.id, ind.scope, ind.level);
        assert_eq!(ind.text, text, "wording of {} {:?} {:?}", ind.id, ind.scope, ind.level);

        // The khoản is the criterion: "1. Tiêu chí 1: …".
        let (criterion_text, _) = &arts[&c.dieu][&c.khoan];
        assert!(criterion_text.starts_with(&format!("Tiêu chí {}", ind.criterion)), "{}: {criterion_text}", ind.id);

        // Incorporated by reference: the referring khoản says so.
        if let Some((dieu, khoan)) = c.via {
            let (own, _) = &arts[&dieu][&khoan];
            assert!(own.starts_with(&format!("Tiêu chí {}", ind.criterion)), "{dieu}.{khoan}: {own}");
            assert!(
                own.contains(&format!("theo quy định tại khoản {} Điều {} Thông tư này", c.khoan, c.dieu)),
                "Điều {dieu}.{khoan} should refer to khoản {} Điều {}: {own}",
                c.khoan,
                c.dieu
            );
            assert_eq!(dieu, TT24_2023.level_article(ind.scope, ind.level), "{}", ind.id);
        } else {
            assert_eq!(c.dieu, TT24_2023.level_article(ind.scope, ind.level), "{}", ind.id);
        }

        // Every "Tối thiểu X%" of the text, in order, is a ratio part's threshold.
        let in_text: Vec<u32> =
            text.split("ối thiểu ").skip(1).map(|s| s.split('%').next().unwrap().parse().unwrap()).collect();
        let in_table: Vec<u32> = ind
            .parts
            .iter()
            .filter_map(|p| match p.test {
                Test::Ratio { percent, .. } => Some(percent),
                _ => None,
            })
            .collect();
        assert_eq!(in_table, in_text, "thresholds of {} {:?} {:?}", ind.id, ind.scope, ind.level);
        checked += 1;
    }
    assert_eq!(checked, 62);
}

#[test]
fn each_level_rests_on_the_article_the_conditions_name() {
    let arts = articles();
    for (scope, dieu) in [(Scope::Huyen, 8u8), (Scope::Tinh, 14u8)] {
        for level in Level::ALL {
            let (text, _) = &arts[&dieu][&level.number()];
            let article = TT24_2023.level_article(scope, level);
            assert!(text.contains(&format!("mức độ {}", level.number())), "{text}");
            assert!(text.contains(&format!("quy định tại Điều {article} Thông tư này")), "{scope:?} {level:?}: {text}");
        }
    }
    // How indicators are judged: without suitable evidence, not met (khoản 3).
    for (scope, dieu) in [(Scope::Huyen, 9u8), (Scope::Tinh, 15u8)] {
        assert_eq!(TT24_2023.judging_article(scope), dieu);
        assert!(arts[&dieu][&3].0.contains("không có minh chứng phù hợp được đánh giá là không đạt"));
        assert!(arts[&dieu][&4].0.contains("đạt tất cả các chỉ tiêu của tiêu chí"));
    }
}

#[test]
fn the_dates_are_the_circulars() {
    let arts = articles();
    let t = &TT24_2023.timing;
    // Submission before 15 January (Điều 10.1c, 16.1c), decision before 15 February (10.3, 16.3).
    for dieu in [10u8, 16] {
        let point_c = &arts[&dieu][&1].1["c"];
        assert!(point_c.contains(&format!("trước ngày {} tháng {}", t.submit_before.day, t.submit_before.month)));
        assert!(arts[&dieu][&3]
            .0
            .contains(&format!("trước ngày {} tháng {}", t.decision_before.day, t.decision_before.month)));
    }
    assert!(arts[&20][&3]
        .0
        .contains(&format!("trước ngày {} tháng {}", t.district_report_before.day, t.district_report_before.month)));
    for dieu in [5u8, 11] {
        assert!(arts[&dieu][&3].0.contains(&format!("({} tháng)", t.upgrade_after_months)));
        assert!(arts[&dieu][&4].0.contains(&format!("0{} năm", t.valid_years)));
    }
    assert!(arts[&22][&1].0.contains("26 tháng 01 năm 2024"));
    assert_eq!(t.in_force_from, "2024-01-26");
}

/// The text a citation points at: the điểm, or the khoản's own text.
fn cited(arts: &Articles, c: dvht::rules::Cite) -> String {
    let (own, points) = arts
        .get(&c.dieu)
        .and_then(|k| k.get(&c.khoan))
        .unwrap_or_else(|| panic!("no khoản {} Điều {}", c.khoan, c.dieu));
    if c.diem.is_empty() {
        own.clone()
    } else {
        points.get(c.diem).unwrap_or_else(|| panic!("no {}", c.long_vi())).clone()
    }
}

#[test]
fn the_procedure_cites_what_it_says() {
    let arts = articles();
    for scope in Scope::ALL {
        let p = TT24_2023.procedure(scope).expect("a procedure for each scope");
        let level = match scope {
            Scope::Huyen => "cấp huyện",
            Scope::Tinh => "cấp tỉnh",
        };
        for (what, cite, words) in [
            ("team", p.team, "Thủ trưởng đơn vị thành lập Tổ đánh giá"),
            ("period", p.period, "từ ngày 01 tháng 1"),
            ("submit", p.submit, "trước ngày 15 tháng 1"),
            ("decision", p.decision, "trước ngày 15 tháng 2"),
            ("upgrade", p.upgrade, "(12 tháng)"),
            ("validity", p.validity, "03 năm (36 tháng)"),
        ] {
            let text = cited(&arts, cite);
            // The period's wording differs by one zero between Điều 10 and 16 ("01 tháng 1" / "01 tháng 01").
            let words = if what == "period" && scope == Scope::Tinh { "từ ngày 01 tháng 01" } else { words };
            assert!(text.contains(words), "{scope:?} {what} ({}): {text}", cite.long_vi());
            if what != "period" && what != "team" {
                assert!(text.contains(level) || text.contains("đánh giá, công nhận"), "{scope:?} {what}: {text}");
            }
        }
        let conditions = &arts[&p.conditions];
        assert!(conditions[&1].0.contains(&format!("“Đơn vị học tập” {level} mức độ 1")));
    }
    assert!(cited(&arts, TT24_2023.district_report).contains("trước ngày 15 tháng 3"));
    assert!(cited(&arts, TT24_2023.apply_when_met)
        .contains("đề nghị đánh giá, công nhận khi kết quả tự đánh giá đảm bảo đạt điều kiện"));
    assert!(cited(&arts, TT24_2023.publish).contains("Công bố công khai"));
}

#[test]
fn the_facts_about_the_circular_itself_are_its_own() {
    let arts = articles();
    let r = &TT24_2023;
    // The head of the text names the number, the date and the issuer.
    let head = TEXT.lines().next().unwrap();
    assert!(head.contains(&r.number.to_uppercase()) || head.contains(r.number), "{head}");
    let issued = dvht::Date::parse(r.issued).unwrap();
    assert!(head.contains(&format!("ngày {:02}/{:02}/{}", issued.day(), issued.month(), issued.year())), "{head}");
    assert!(head.contains(r.issuer), "{head}");
    assert!(TEXT.contains(&format!("Hiệu lực từ {}", {
        let d = dvht::Date::parse(r.timing.in_force_from).unwrap();
        format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
    })));
    // Điều 2 lists the kinds; its khoản 3 and 4 define each scope's units.
    assert!(arts[&r.kinds_article].contains_key(&3));
    for (scope, words) in [(Scope::Huyen, "Đơn vị cấp huyện là"), (Scope::Tinh, "Đơn vị cấp tỉnh là")]
    {
        let cite = r.scope_article(scope).unwrap();
        assert!(cited(&arts, cite).starts_with(words), "{scope:?}: {}", cited(&arts, cite));
    }
    assert!(cited(&arts, r.definitions.rerecognition).starts_with("Công nhận lại là"));
    assert!(cited(&arts, r.definitions.upgrade).starts_with("Công nhận nâng mức độ là"));
    // The QĐ 4740 index is a provincial one only (tỉnh 3.5), as the evaluator reads it.
    assert!(!r.uses_index(Scope::Huyen, dvht::rules::DigitalIndex::Qd4740));
    assert!(r.uses_index(Scope::Tinh, dvht::rules::DigitalIndex::Qd4740));
    assert!(r.uses_index(Scope::Huyen, dvht::rules::DigitalIndex::Qd4725));
}

#[test]
fn who_is_a_member_is_quoted_verbatim() {
    // rules.md §1: the help text of the member count quotes Điều 2.5 and 2.6 verbatim.
    let arts = articles();
    let help = TT24_2023.input(dvht::rules::Input::Members).help_vi;
    for khoan in [5, 6] {
        let text = &arts[&2][&khoan].0;
        let definition = text.split(" là ").nth(1).unwrap().split(" trong Đơn vị cấp huyện").next().unwrap();
        assert!(help.contains(&format!("“{definition}”")), "khoản {khoan}: «{definition}» not quoted in «{help}»");
    }
    assert!(arts[&2][&7].0.starts_with(help.split(" (khoản 7 Điều 2)").next().unwrap()), "khoản 7 quoted");
}

#[test]
fn every_limited_indicator_has_the_phrase_that_limits_it() {
    for ind in TT24_2023.indicators.iter().filter(|i| i.applies != dvht::rules::Applies::All) {
        let phrase = TT24_2023
            .limit(ind)
            .unwrap_or_else(|| panic!("{:?} {:?} {}: no limiting phrase", ind.scope, ind.level, ind.id));
        assert!(ind.text.contains(phrase));
    }
}

#[test]
fn the_appraisal_procedure_cites_what_it_says() {
    // appraisal.md §1: the receiving side's steps, each at the article the rules table names.
    let arts = articles();
    for scope in Scope::ALL {
        let a = TT24_2023.appraisal(scope).expect("an appraisal procedure for each scope");
        let level = match scope {
            Scope::Huyen => "cấp huyện",
            Scope::Tinh => "cấp tỉnh",
        };
        assert!(cited(&arts, a.channels).contains("gửi trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính"));
        assert!(cited(&arts, a.intake).contains("tiếp nhận, rà soát, kiểm tra hồ sơ"), "{scope:?}");
        let council = cited(&arts, a.council);
        assert!(council.contains(&format!("{} thành lập {}", a.council_head, a.council_name)), "{council}");
        assert!(council.contains(&format!("(sau đây gọi là {})", a.council_short)), "{council}");
        assert!(a.council_name.ends_with(level) && a.council_short.ends_with(level));
        assert!(a.council_odd);
        assert!(council.contains(&format!("số lẻ, tối thiểu là {:02} người", a.council_min)), "{council}");
        assert!(council.contains("gồm có chủ tịch, thư ký và các ủy viên"));
        assert_eq!(a.council_groups.len(), 3);
        for g in a.council_groups {
            assert!(council.contains(g.text), "{scope:?}: «{}» not in «{council}»", g.text);
            assert!(g.text.ends_with(level));
        }
        let meeting = cited(&arts, a.meeting);
        assert!(meeting.contains("Tổ chức cuộc họp") && meeting.contains("lấy ý kiến bằng văn bản"), "{meeting}");
        assert!(cited(&arts, a.refusal).contains("nêu rõ lý do không đạt"));
        assert!(cited(&arts, a.submission).contains("trình Chủ tịch Ủy ban nhân dân"));
        // The list of what is put to the Chủ tịch follows điểm đ in the khoản's text.
        let khoan = &arts[&a.submission.dieu][&a.submission.khoan].0;
        for paper in ["Tờ trình đề nghị công nhận", "Báo cáo thẩm định", "do Hội đồng", "dự thảo Quyết định công nhận"]
        {
            assert!(khoan.contains(paper), "{paper}: {khoan}");
        }
        assert!(cited(&arts, a.again).contains("công nhận lại hoặc công nhận nâng mức độ"));
        let report = cited(&arts, a.report);
        assert!(report.contains(a.report_to), "{report}");
        match a.report_before {
            Some(md) => assert!(report.contains(&format!("trước ngày {} tháng {}", md.day, md.month)), "{report}"),
            None => assert!(report.contains("vào cuối năm học"), "{report}"),
        }
        // The decision is the Chủ tịch's (Điều 5.1, 11.1) and due by the procedure's date.
        assert_eq!(a.intake.dieu, TT24_2023.procedure(scope).unwrap().decision.dieu);
    }
}
