//! The three documents (Điều 10.1c, 16.1c) as HTML and as Word, natively.

mod common;
use common::*;
use dvht::documents::{self, html, Block};
use dvht::rules::Input;
use dvht::{Level, Status};

fn built(f: &dvht::DossierFile) -> (Vec<documents::Document>, dvht::Evaluation) {
    let a = dvht::assess(f, &dvht::Env::new(date(TODAY)));
    (documents::build(f, &a).unwrap(), a.evaluation.unwrap())
}

fn text_of(docs: &[documents::Document]) -> String {
    html::fragment(docs)
}

#[test]
fn the_three_documents_name_the_unit_and_every_indicator_with_its_verdict() {
    let mut f = full("thpt");
    f.values.set(Input::MembersAdvancedWorker, Some(dvht::file::Value::Count(185))); // 92.5%: level 1 only
    let (docs, r) = built(&f);
    assert_eq!(r.level, 1);
    let page = text_of(&docs);
    for heading in [
        "TỜ TRÌNH",
        "BÁO CÁO",
        "BẢN TỔNG HỢP",
        "Kính gửi: Sở Giáo dục và Đào tạo",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
    ] {
        assert!(page.contains(heading), "{heading}");
    }
    assert!(page.contains("Đơn vị thử thpt"));
    assert!(page.contains("“Đơn vị học tập” cấp tỉnh mức độ 1"), "the request asks for the level met");
    // The summary table: a row per indicator of the level requested (rules.md §7), with the
    // Circular's own wording and the verdict.
    let summary = html::fragment(&docs[2..]);
    assert!(summary.contains("Kết quả tự đánh giá các tiêu chí, chỉ tiêu “Đơn vị học tập” cấp tỉnh mức độ 1 năm 2025"));
    let words = |s: Status| match s {
        Status::Pass => "Đạt",
        Status::NotApplicable => "Không áp dụng",
        _ => "Không đạt",
    };
    for ind in r.level(Level::One).unwrap().indicators() {
        let def = dvht::rules::TT24_2023.indicator(dvht::Scope::Tinh, Level::One, ind.id).unwrap();
        let row_start = summary.find(&format!("<b>{}. ", ind.id)).unwrap_or_else(|| panic!("row {}", ind.id));
        let row = &summary[row_start..summary[row_start..].find("</tr>").unwrap() + row_start];
        assert!(row.contains(&html::escape(def.text)), "{}: the Circular's wording", ind.id);
        let verdict = row.rsplit("<td class=\"c\">").next().unwrap();
        assert!(verdict.starts_with(words(ind.status)), "{} level 1: {verdict}", ind.id);
        if ind.status == Status::NotApplicable {
            assert!(row.contains("Chỉ áp dụng: “"), "{}: the phrase that limits it", ind.id);
        }
    }
    assert!(summary.contains("185/200 (92,5%)"));
}

#[test]
fn a_unit_meeting_no_level_is_not_made_to_ask_for_one() {
    let f = with_count(full("ubnd_xa"), Input::MembersDigital, 10);
    let (docs, r) = built(&f);
    assert_eq!(r.level, 0);
    let page = text_of(&docs);
    // No Tờ trình where none may be filed (Điều 21.2, rules.md §7): the report says why.
    assert!(!page.contains("TỜ TRÌNH"));
    assert_eq!(docs.len(), 2);
    assert!(page.contains("Theo khoản 2 Điều 21"), "{page}");
    assert!(page.contains("chưa đủ điều kiện đề nghị công nhận"));
    assert!(!page.contains("mức độ 0"));
}

#[test]
fn the_layout_of_nghi_dinh_30() {
    let mut f = full("co_quan_ubnd_huyen");
    f.unit.province = Some("Lai Châu".into());
    for (path, value) in [
        ("report.parent", "UBND HUYỆN TAM ĐƯỜNG"),
        ("report.request_no", "07/TTr-VHTT"),
        ("report.date", "2026-01-05"),
        ("report.signer_title", "Trưởng phòng"),
    ] {
        dvht::file::edit::set_field(&mut f, path, value).unwrap();
    }
    let (docs, _) = built(&f);
    let Block::Masthead { parent, number, place_date, draft, .. } = &docs[0].blocks[0] else {
        panic!("a masthead first")
    };
    assert_eq!(parent.as_deref(), Some("UBND HUYỆN TAM ĐƯỜNG"));
    assert_eq!(number, "Số: 07/TTr-VHTT");
    assert_eq!(place_date, "Lai Châu, ngày 05 tháng 01 năm 2026");
    assert!(*draft, "not final yet: marked DỰ THẢO");
    let Some(Block::Signature { title, copies, .. }) =
        docs[0].blocks.iter().find(|b| matches!(b, Block::Signature { .. }))
    else {
        panic!()
    };
    assert_eq!(title, "TRƯỞNG PHÒNG");
    assert_eq!(copies.last().map(String::as_str), Some("Lưu: VT."));
    // The summary is an attachment: no number of its own.
    let Block::Masthead { number, .. } = &docs[2].blocks[0] else { panic!() };
    assert_eq!(number, "");
}

#[test]
fn text_from_the_unit_is_escaped() {
    let mut f = full("ubnd_xa");
    f.unit.name = Some("Xã <b>A</b> & \"B\"".into());
    f.set_note("1.1", Some("</script><script>alert(1)</script>".into()));
    let (docs, _) = built(&f);
    let page = html::standalone(&docs, Some(&f), "t");
    assert!(page.contains("Xã &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;"));
    assert!(!page.contains("<script>alert"));
    assert_eq!(page.matches("</script>").count(), 1, "only the data block's own end tag");
    // …and the dossier it carries is the same, byte for byte.
    let carried = html::carried_dossier(&page).unwrap();
    let back = dvht::read(carried.as_bytes()).unwrap();
    assert_eq!(dvht::write(&back), dvht::write(&f));
}

#[test]
fn a_finalised_dossier_carries_its_date_and_fingerprint() {
    let mut f = full("thpt");
    dvht::file::edit::finalise(&mut f, date("2026-01-05"));
    let (docs, _) = built(&f);
    let page = text_of(&docs);
    let code = f.fingerprint();
    assert!(page.contains(&format!("Hồ sơ đã chốt ngày 05/01/2026 · mã kiểm tra {}-{}", &code[..4], &code[4..])));
    assert_eq!(page.matches("class=\"stamp\"").count(), 3, "on each document");
    assert!(!page.contains("DỰ THẢO"));
    // Changed afterwards (outside the app): the fingerprint no longer matches, and it says so.
    f.unit.head = Some("Người khác".into());
    assert!(codes(&eval(&f)).contains(&"changed_after_final"));
}

fn unzip(bytes: &[u8], dir: &std::path::Path) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("d.docx");
    std::fs::write(&path, bytes).unwrap();
    // Every part must be well-formed XML, and every entry's CRC right.
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys,zipfile,xml.dom.minidom as m\nz=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None\nfor n in z.namelist(): m.parseString(z.read(n))\nsys.stdout.write(z.read('word/document.xml').decode())"])
        .arg(&path)
        .output()
        .expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_word_file_is_a_valid_package_with_three_sections() {
    let f = full("thpt");
    let (docs, _) = built(&f);
    let bytes = documents::docx::write(&docs, "Hồ sơ");
    assert_eq!(bytes, documents::docx::write(&docs, "Hồ sơ"), "the same dossier gives the same bytes");
    let xml = unzip(&bytes, &std::env::temp_dir().join(format!("dvht-docx-{}", std::process::id())));
    assert_eq!(xml.matches("<w:sectPr>").count(), 3, "one section per document");
    assert_eq!(xml.matches("<w:pgNumType w:start=\"1\"/>").count(), 3, "pages numbered from 1 in each");
    assert_eq!(xml.matches("<w:titlePg/>").count(), 3, "no number on a first page");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""), "20/15/20/30 mm");
    assert!(xml.contains("<w:tblHeader/>"), "table headers repeat");
    assert!(xml.matches("<w:cantSplit/>").count() > 20, "rows never split");
    for word in ["TỜ TRÌNH", "BÁO CÁO", "BẢN TỔNG HỢP", "Đơn vị thử thpt"] {
        assert!(xml.contains(word), "{word}");
    }
}

#[test]
fn the_worker_request_makes_the_same_file() {
    let f = full("thpt");
    let (docs, _) = built(&f);
    let request = serde_json::json!({ "dossier": dvht::file::to_json(&f), "today": TODAY }).to_string();
    let bytes = documents::docx_for_request(&request).unwrap();
    assert_eq!(
        bytes,
        documents::docx::write(&docs, &documents::title(&f, &dvht::assess(&f, &dvht::Env::new(date(TODAY)))))
    );
    assert!(documents::docx_for_request("{}").is_err());
    assert!(
        documents::docx_for_request(r#"{"today":"2025-12-01","dossier":{"format":"dvht-dossier","version":1}}"#)
            .unwrap_err()
            .contains("Loại đơn vị"),
        "named by its label"
    );
}

/// The Word file carries the member list's annex only when the request asks for it and its
/// dossier carries the list (the app sends the list only then).
#[test]
fn the_worker_adds_the_annex_only_when_asked() {
    let mut f = full("thpt");
    let mut list = dvht::roster::Roster::default();
    list.members.push(dvht::roster::Member::named("Nguyễn Thị Annex"));
    f.roster = Some(list);
    let with_list = dvht::file::to_json_with(&f, dvht::file::WriteOptions { roster: true });
    let has = |bytes: &[u8], what: &str| bytes.windows(what.len()).any(|w| w == what.as_bytes());
    let ask = |dossier: &serde_json::Value, annex: bool| {
        let request = serde_json::json!({ "dossier": dossier, "today": TODAY, "annex": annex }).to_string();
        documents::docx_for_request(&request).unwrap()
    };
    let asked = ask(&with_list, true);
    assert!(has(&asked, "DANH SÁCH THÀNH VIÊN") && has(&asked, "Nguyễn Thị Annex"));
    assert!(!has(&ask(&with_list, false), "Nguyễn Thị Annex"), "not ticked");
    assert!(!has(&ask(&dvht::file::to_json(&f), true), "DANH SÁCH THÀNH VIÊN"), "no list given");
}

/// The text of the documents without tags, for reading like a person.
fn plain(docs: &[documents::Document]) -> String {
    let html = text_of(docs);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_request_follows_what_the_unit_may_ask_for() {
    let with_prev = |kind: &str, level: Level, decided: &str| {
        let mut f = with_previous(full(kind), level, decided);
        f.previous_recognition.as_mut().unwrap().decision_no = Some("12/QĐ-UBND".into());
        f
    };
    // A renewal: "công nhận lại", citing the earlier decision.
    let (docs, r) = built(&with_prev("ubnd_xa", Level::One, "2022-02-10"));
    assert_eq!(r.request.kind, dvht::engine::evaluate::RequestKind::Renewal);
    let text = plain(&docs);
    assert!(text.contains("Đề nghị công nhận lại “Đơn vị học tập” cấp huyện mức độ 2 năm 2025"), "{text}");
    assert!(text.contains("Căn cứ Quyết định số 12/QĐ-UBND ngày 10/02/2022 công nhận Đơn vị thử ubnd_xa đạt “Đơn vị học tập” cấp huyện mức độ 1;"));
    // The Phòng reviews and convenes the council; the Chủ tịch UBND decides (Điều 5.1, 10.2).
    assert!(text.contains(
        "kính trình Phòng Giáo dục và Đào tạo xem xét, tổ chức thẩm định và trình Chủ tịch Ủy ban nhân dân cấp huyện quyết định công nhận lại"
    ), "{text}");
    // An upgrade: "nâng mức độ 2".
    let (docs, r) = built(&with_prev("thpt", Level::One, "2024-02-10"));
    assert_eq!(r.request.kind, dvht::engine::evaluate::RequestKind::Upgrade);
    let text = plain(&docs);
    assert!(text.contains("Đề nghị công nhận nâng mức độ 2 “Đơn vị học tập” cấp tỉnh năm 2025"), "{text}");
    assert!(text.contains("quyết định công nhận nâng mức độ Đơn vị thử thpt đạt “Đơn vị học tập” cấp tỉnh mức độ 2"));
    assert!(text.contains("Quyết định số 12/QĐ-UBND ngày 10/02/2024"));
    // Not yet eligible: no Tờ trình, and the report says from when.
    let (docs, _) = built(&with_prev("ubnd_xa", Level::One, "2025-02-10"));
    let text = plain(&docs);
    assert_eq!(docs.len(), 2);
    assert!(!text.contains("TỜ TRÌNH"));
    assert!(
        text.contains("chỉ được đề nghị công nhận nâng mức độ từ ngày 11/02/2026, tức là với kết quả năm 2026"),
        "{text}"
    );
    assert!(!text.contains("đề nghị Phòng Giáo dục và Đào tạo xem xét"), "nothing is asked");
    // Still valid at level 2: no Tờ trình either; the validity names its reading.
    let (docs, _) = built(&with_prev("ubnd_xa", Level::Two, "2024-02-10"));
    let text = plain(&docs);
    assert!(!text.contains("TỜ TRÌNH"));
    assert!(text.contains("hiệu lực đến ngày 31/12/2027 (tính từ năm ra quyết định; nếu tính từ năm đánh giá được công nhận: đến ngày 31/12/2026)"), "{text}");
    assert!(text.contains("công nhận lại với kết quả năm 2027"));
}

#[test]
fn the_decision_maker_and_recipient_the_dossier_names() {
    let mut f = full("ubnd_xa");
    f.submission = Some(dvht::file::Submission {
        recipient: Some("Phòng Văn hóa – Xã hội, Ủy ban nhân dân xã A".into()),
        decision_maker: Some("Chủ tịch Ủy ban nhân dân xã A".into()),
        ..Default::default()
    });
    let text = plain(&built(&f).0);
    assert!(text.contains("Kính gửi: Phòng Văn hóa – Xã hội, Ủy ban nhân dân xã A"));
    assert!(text.contains("trình Chủ tịch Ủy ban nhân dân xã A quyết định công nhận"), "{text}");
}

#[test]
fn the_evidence_list_gives_each_item_once_with_what_it_supports() {
    let mut f = full("ubnd_xa");
    let shared = dvht::file::EvidenceItem {
        code: Some("HC.01".into()),
        title: Some("Quy chế học tập của cơ quan".into()),
        number: Some("05/QC-UBND".into()),
        date: Some(date("2024-03-15")),
        issuer: Some("UBND xã".into()),
        location: Some("Văn phòng, tủ 2".into()),
        ..Default::default()
    };
    f.evidence_for_mut("1.2").push(shared.clone());
    f.evidence_for_mut("3.2").push(shared);
    let (docs, _) = built(&f);
    let text = plain(&docs);
    assert!(text.contains("IV. DANH MỤC MINH CHỨNG"));
    for part in [
        "HC.01",
        "Quy chế học tập của cơ quan",
        "05/QC-UBND, ngày 15/03/2024",
        "UBND xã",
        "Văn phòng, tủ 2",
        "1.2, 3.2",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert_eq!(text.matches("Quy chế học tập của cơ quan").count(), 1, "a shared item once");
    // The Word file carries the same list.
    let docx = documents::docx::write(&docs, "t");
    let xml = String::from_utf8_lossy(&docx);
    assert!(xml.contains("Quy chế học tập của cơ quan") && xml.contains("Văn phòng, tủ 2"));
}

#[test]
fn the_team_decision_and_level_2_on_its_own_basis() {
    let mut f = with_count(full("ubnd_xa"), Input::MembersLanguageCertificate, 10);
    f.report = Some(dvht::file::Report {
        team_decision: Some(dvht::file::TeamDecision {
            number: Some("03/QĐ-UBND".into()),
            date: Some(date("2025-10-01")),
            ..Default::default()
        }),
        ..Default::default()
    });
    let (docs, r) = built(&f);
    assert_eq!(r.level, 2);
    let text = plain(&docs);
    assert!(text.contains("Tổ đánh giá do Thủ trưởng đơn vị thành lập theo Quyết định số 03/QĐ-UBND ngày 01/10/2025 (điểm a khoản 1 Điều 10"), "{text}");
    assert!(text.contains("Đơn vị chưa đạt chỉ tiêu 2.4 của mức độ 1 nhưng đạt đầy đủ các tiêu chí, chỉ tiêu của mức độ 2. Theo khoản 2 Điều 8 và điểm c khoản 1 Điều 10"), "{text}");
    // The summary is of level 2, the level requested.
    assert!(text.contains("Kết quả tự đánh giá các tiêu chí, chỉ tiêu “Đơn vị học tập” cấp huyện mức độ 2 năm 2025"));
}

#[test]
fn as_an_office_would_print_them() {
    // The address is not repeated when it already names the commune and the province.
    let mut f = full("thpt");
    f.unit.address = Some("Số 1 đường Lê Lợi, phường Phố Hiến, tỉnh Hưng Yên".into());
    f.unit.district = Some("Phường Phố Hiến".into());
    f.unit.province = Some("Hưng Yên".into());
    let (docs, _) = built(&f);
    let text = plain(&docs);
    assert!(text.contains("4. Địa chỉ: Số 1 đường Lê Lợi, phường Phố Hiến, tỉnh Hưng Yên."), "{text}");
    // A school's head signs as Hiệu trưởng, a commune's as Chủ tịch, unless the dossier says.
    assert!(text.contains("HIỆU TRƯỞNG"));
    assert!(plain(&built(&full("ubnd_xa")).0).contains("CHỦ TỊCH"));
    assert!(plain(&built(&full("co_quan_ubnd_huyen")).0).contains("THỦ TRƯỞNG ĐƠN VỊ"));
    f.report = Some(dvht::file::Report { signer_title: Some("Phó Hiệu trưởng".into()), ..Default::default() });
    assert!(plain(&built(&f).0).contains("PHÓ HIỆU TRƯỞNG"));
    // No program name in a finalised document.
    dvht::file::edit::finalise(&mut f, date("2026-01-05"));
    assert!(!plain(&built(&f).0).contains("dvht"));
    // In Word, the Tiêu ngữ has a rule under it (not underlined text), and so has the unit's name.
    let xml = unzip(&documents::docx::write(&built(&f).0, "t"), &std::env::temp_dir().join("dvht-office"));
    assert!(!xml.contains("<w:u "), "nothing underlined");
    assert!(xml.matches("<w:bottom w:val=\"single\"").count() >= 2 * docs.len(), "two rules per masthead");
}
