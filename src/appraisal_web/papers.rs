//! The papers and tables of the receiving side, made in this module (it is fetched on demand,
//! so it may carry the documents' code): each paper printed as a print job of its own, so each
//! is numbered from 1 with no number on its first page (Nghị định 30/2020; one job has one page
//! counter, see `web/print.rs`); the papers as one Word file (`documents::docx`) or one HTML
//! page; the tables as an Excel workbook (`sheets::xlsx`) or CSV (`sheets::csv`, UTF-8 with BOM).

use super::work::Work;
use crate::appraisal::recognitions::Recognitions;
use crate::appraisal::register;
use crate::appraisal::report::{self, YearReport};
use crate::documents::appraisal as papers;
use crate::documents::{docx, html, Document};
use crate::sheets::Sheet;
use crate::web::browser;

/// A paper the screen offers: its key and its name.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Paper {
    pub key: String,
    pub title: String,
}

fn unit_name(w: &Work, index: usize) -> String {
    w.register.entries.get(index).map_or_else(String::new, |e| {
        if e.name.is_empty() {
            e.file.clone()
        } else {
            e.name.clone()
        }
    })
}

/// The letters to the units refused, by name.
pub fn letters(w: &Work) -> Vec<Paper> {
    register::refused(&w.register)
        .iter()
        .map(|e| Paper {
            key: format!("letter:{}", e.index),
            title: format!("Thông báo kết quả thẩm định — {}", unit_name(w, e.index)),
        })
        .collect()
}

/// The Bản tổng hợp of each unit recognised, in the order of the decision's list.
pub fn summaries(w: &Work) -> Vec<Paper> {
    register::decided(&w.register)
        .iter()
        .map(|e| Paper {
            key: format!("summary:{}", e.index),
            title: format!("Bản tổng hợp — {}", unit_name(w, e.index)),
        })
        .collect()
}

/// The papers put to the Chủ tịch UBND that are one document each.
pub fn submission() -> Vec<Paper> {
    [
        ("request", "Tờ trình đề nghị công nhận"),
        ("report", "Báo cáo thẩm định"),
        ("decision", "Dự thảo Quyết định và danh sách kèm theo"),
    ]
    .into_iter()
    .map(|(key, title)| Paper { key: key.into(), title: title.into() })
    .collect()
}

/// Every paper, in the order they are filed: the letters, then the submission (Tờ trình, Báo
/// cáo thẩm định, each Bản tổng hợp, the draft decision).
pub fn all(w: &Work) -> Vec<Paper> {
    let mut out = letters(w);
    let sub = submission();
    out.extend(sub[..2].iter().cloned());
    out.extend(summaries(w));
    out.extend(sub[2..].iter().cloned());
    out
}

/// The year's report: this body's, with the Phòng reports it took in merged (a Sở).
pub fn year_report(w: &Work) -> YearReport {
    let own = report::from_register(&w.file, &w.register, w.known.as_ref());
    report::merge(own, &w.reports)
}

/// The documents of one paper (a key of [`all`], or `year`).
pub fn docs(w: &Work, key: &str) -> Vec<Document> {
    let (file, reg) = (&w.file, &*w.register);
    let index = |k: &str| key.strip_prefix(k).and_then(|i| i.parse::<usize>().ok());
    if let Some(i) = index("letter:") {
        return papers::letter(file, reg, i).into_iter().collect();
    }
    if let Some(i) = index("summary:") {
        return papers::appraised_summary(file, reg, i, &w.env).into_iter().collect();
    }
    if key == "year" {
        let r = year_report(w);
        return papers::year_report(reg.rules, &r, file.body.parent.as_deref(), file.body.signer_title.as_deref())
            .into_iter()
            .collect();
    }
    papers::submission_part(file, reg, key).unwrap_or_default()
}

/// The paper as HTML, for the preview.
pub fn fragment(w: &Work, key: &str) -> String {
    html::fragment(&docs(w, key))
}

/// Prints each paper as a print job of its own.
pub fn print(w: &Work, keys: &[String]) {
    for key in keys {
        let d = docs(w, key);
        if !d.is_empty() {
            crate::web::print::print(&html::fragment(&d));
        }
    }
}

/// "dvht-tham-dinh-2025-so-giao-duc-va-dao-tao-tinh-hung-yen": the stem of every file made.
pub fn stem(w: &Work) -> String {
    let body = w.file.body.name.as_deref().map(browser::slug).filter(|s| !s.is_empty());
    let year = w.file.year.map_or(String::new(), |y| format!("-{y}"));
    format!("dvht-tham-dinh{year}{}", body.map_or(String::new(), |b| format!("-{b}")))
}

fn gather(w: &Work, keys: &[String]) -> Vec<Document> {
    keys.iter().flat_map(|k| docs(w, k)).collect()
}

/// The papers as one Word file.
pub fn word(w: &Work, keys: &[String], name: &str) {
    let bytes = docx::write(&gather(w, keys), &papers::title(&w.file, &w.register));
    browser::download_bytes(
        &format!("{name}.docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &bytes,
    );
}

/// The papers as one HTML page, for printing elsewhere or publishing.
pub fn html_page(w: &Work, keys: &[String], name: &str) {
    let page = html::standalone_papers(&gather(w, keys), &papers::title(&w.file, &w.register));
    browser::download(&format!("{name}.html"), "text/html", &page);
}

/// Every table: the register of intake and the files not taken in, the year's report's.
pub fn tables(w: &Work) -> Vec<Sheet> {
    let mut sheets = papers::tables::intake(&w.file, &w.register);
    sheets.extend(papers::tables::report(w.register.rules, &year_report(w)));
    sheets
}

pub fn workbook(sheets: &[Sheet], name: &str) {
    browser::download_bytes(
        &format!("{name}.xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &crate::sheets::xlsx::write(sheets),
    );
}

pub fn csv(sheet: &Sheet, name: &str) {
    browser::download_bytes(&format!("{name}.csv"), "text/csv", &crate::sheets::csv::write(sheet));
}

/// The register of recognitions for next year's intake: the one taken in, with this year's
/// decisions added.
pub fn next_register(w: &Work) -> Recognitions {
    let mut out = w.known.clone().unwrap_or_default();
    out.add(report::recognitions(&w.file, &w.register));
    out
}
