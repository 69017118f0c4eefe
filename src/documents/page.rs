//! The documents as the app shows and prints them, as HTML text: the preview, one print job per
//! document, the one-page brief and the report to publish. These are what the documents module
//! (`src/bin/dvht-docs.rs`, loaded after the form, never in the first load) exports to the app;
//! they are tested natively here.
//!
//! The annex “Danh sách Thành viên” is added to the preview, the print jobs (and the Word file,
//! `docx_for_request`) only when the user ticks it and the dossier given carries its list;
//! never to the report to publish.

use super::{brief, build, escape, html, roster_annex, title, Document, Kind};
use crate::engine::Assessment;
use crate::file::DossierFile;
use crate::words::Lang;

/// Why there are no documents yet: the problems that stop them, as a page of their own.
fn incomplete(a: &Assessment, lang: Lang) -> String {
    let items: String = a.problems.iter().map(|p| format!("<li>{}</li>", escape(&p.text(lang)))).collect();
    let lead = if lang.vi() {
        "Hồ sơ chưa đủ thông tin để lập văn bản:"
    } else {
        "The dossier lacks what the documents need:"
    };
    format!("<article class=\"doc\"><p><b>{}</b></p><ul>{items}</ul></article>", escape(lead))
}

/// The filed documents, and the annex after them when asked for and the dossier has a list.
pub fn with_annex(file: &DossierFile, a: &Assessment, annex: bool) -> Option<Vec<Document>> {
    let mut docs = build(file, a)?;
    docs.extend(roster_annex(file, a).filter(|_| annex));
    Some(docs)
}

/// Every document of the dossier in one fragment (the preview, and what the browser's own
/// print menu prints), or why there are none yet.
pub fn preview(file: &DossierFile, a: &Assessment, lang: Lang, annex: bool) -> String {
    match with_annex(file, a, annex) {
        Some(docs) => html::fragment(&docs),
        None => incomplete(a, lang),
    }
}

/// Each document as a print job of its own, so each is numbered from 1 with no number on its
/// first page (Nghị định 30/2020): one job has one page counter.
pub fn jobs(file: &DossierFile, a: &Assessment, lang: Lang, annex: bool) -> Vec<String> {
    match with_annex(file, a, annex) {
        Some(docs) => docs.iter().map(|d| html::fragment(std::slice::from_ref(d))).collect(),
        None => vec![incomplete(a, lang)],
    }
}

/// One of the filed documents alone: `request`, `report` or `summary`.
pub fn one(file: &DossierFile, a: &Assessment, which: &str) -> Option<String> {
    let kind = match which {
        "request" => Kind::Request,
        "report" => Kind::Report,
        "summary" => Kind::Summary,
        _ => return None,
    };
    let docs = build(file, a)?;
    let doc = docs.iter().find(|d| d.kind == kind)?;
    Some(html::fragment(std::slice::from_ref(doc)))
}

/// The one-page summary for the head of the unit.
pub fn brief(file: &DossierFile, a: &Assessment) -> Option<String> {
    brief::build(file, a).map(|d| html::fragment(std::slice::from_ref(&d)))
}

/// The report to publish (Điều 21.3): the documents as published (without the unit's notes
/// and where each document is kept), carrying the dossier for re-opening only when the user
/// chose so.
pub fn report(file: &DossierFile, a: &Assessment, embed: bool) -> Option<String> {
    let docs = super::build_public(file, a)?;
    Some(html::standalone(&docs, embed.then_some(file), &title(file, a)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess, Env};

    fn example() -> (DossierFile, Assessment) {
        let bytes = include_bytes!("../../tests/fixtures/complete-thpt.json");
        let file = crate::read(bytes).unwrap();
        let a = assess(&file, &Env::new(crate::Date::parse("2026-01-05").unwrap()));
        (file, a)
    }

    #[test]
    fn one_job_per_document_and_the_preview_has_them_all() {
        let (file, a) = example();
        let jobs = jobs(&file, &a, Lang::Vi, true);
        assert_eq!(jobs.len(), 3);
        for (job, heading) in jobs.iter().zip(["TỜ TRÌNH", "BÁO CÁO", "BẢN TỔNG HỢP"]) {
            assert_eq!(job.matches("<article").count(), 1);
            assert!(job.contains(heading), "{heading}");
        }
        assert_eq!(preview(&file, &a, Lang::Vi, false), jobs.concat(), "no list, no annex");
        assert_eq!(one(&file, &a, "report").as_deref(), Some(jobs[1].as_str()));
        assert!(brief(&file, &a).is_some_and(|b| b.contains("Đạt mức độ 2")));
        let bare = report(&file, &a, false).unwrap();
        let carried = report(&file, &a, true).unwrap();
        assert!(!bare.contains("dvht-dossier") && carried.contains("\"format\": \"dvht-dossier\""));
        // Published: no note of the unit, no column of where documents are kept; printed, both.
        let mut noted = file.clone();
        noted.set_note("1.1", Some("Ghi chú nội bộ".into()));
        let a = assess(&noted, &Env::new(crate::Date::parse("2026-01-05").unwrap()));
        let printed = preview(&noted, &a, Lang::Vi, false);
        assert!(printed.contains("Ghi chú nội bộ") && printed.contains("Nơi lưu trữ"));
        let published = report(&noted, &a, false).unwrap();
        assert!(!published.contains("Ghi chú nội bộ") && !published.contains("Nơi lưu trữ"));
    }

    #[test]
    fn without_documents_the_page_says_why_in_the_users_language() {
        let file = DossierFile::default();
        let a = assess(&file, &Env::new(crate::Date::parse("2026-01-05").unwrap()));
        assert!(preview(&file, &a, Lang::Vi, true).contains("Hồ sơ chưa đủ thông tin"));
        assert!(preview(&file, &a, Lang::En, false).contains("lacks what the documents need"));
        assert_eq!(jobs(&file, &a, Lang::En, true).len(), 1);
        assert!(report(&file, &a, false).is_none() && brief(&file, &a).is_none());
    }

    #[test]
    fn the_annex_only_when_asked_for_and_never_published() {
        let (mut file, _) = example();
        let mut list = crate::roster::Roster::default();
        list.members.push(crate::roster::Member::named("Nguyễn Văn An"));
        file.roster = Some(list);
        let a = assess(&file, &Env::new(crate::Date::parse("2026-01-05").unwrap()));
        assert_eq!(jobs(&file, &a, Lang::Vi, false).len(), 3);
        let with = jobs(&file, &a, Lang::Vi, true);
        assert_eq!(with.len(), 4);
        assert!(with[3].contains("DANH SÁCH THÀNH VIÊN") && with[3].contains("Nguyễn Văn An"));
        assert!(!preview(&file, &a, Lang::Vi, false).contains("Nguyễn Văn An"));
        assert!(preview(&file, &a, Lang::Vi, true).contains("Nguyễn Văn An"));
        assert!(!report(&file, &a, false).unwrap().contains("Nguyễn Văn An"), "never published");
    }
}
