//! The documents as HTML: a fragment the app prints, and a standalone report (Điều 21.3,
//! công bố công khai) with its styles inlined, readable without any script, that carries the
//! dossier so the app can open it again.

pub use super::escape;
use super::{Align, Block, Cell, Document, Kind, Run};
use crate::file::DossierFile;

/// The print stylesheet, the same file the app links.
pub const STYLES: &str = include_str!("../../www/documents.css");

/// The id of the element that carries the dossier inside a standalone report.
pub use crate::file::carried::DOSSIER_ID;

fn runs(out: &mut String, runs: &[Run]) {
    for r in runs {
        let text = escape(&r.text);
        match (r.bold, r.italic) {
            (true, true) => out.push_str(&format!("<b><i>{text}</i></b>")),
            (true, false) => out.push_str(&format!("<b>{text}</b>")),
            (false, true) => out.push_str(&format!("<i>{text}</i>")),
            (false, false) => out.push_str(&text),
        }
    }
}

fn cell(out: &mut String, c: &Cell) {
    let class = if c.align == Align::Center { " class=\"c\"" } else { "" };
    let span = if c.span > 1 { format!(" colspan=\"{}\"", c.span) } else { String::new() };
    out.push_str(&format!("<td{class}{span}>"));
    runs(out, &c.runs);
    out.push_str("</td>");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Masthead { parent, unit, number, subject, place_date, draft } => {
            if *draft {
                out.push_str("<div class=\"draft-mark\">DỰ THẢO</div>");
            }
            out.push_str("<table class=\"masthead\" role=\"presentation\"><tr><td class=\"mh-left\">");
            if let Some(p) = parent {
                out.push_str(&format!("<div class=\"mh-parent\">{}</div>", escape(p)));
            }
            out.push_str(&format!("<div class=\"mh-unit\">{}</div>", escape(unit)));
            if !number.is_empty() {
                out.push_str(&format!("<div class=\"mh-number\">{}</div>", escape(number)));
            }
            if let Some(v) = subject {
                out.push_str(&format!("<div class=\"mh-subject\">{}</div>", escape(v)));
            }
            out.push_str("</td>");
            out.push_str(&format!(
                "<td class=\"mh-right\"><div class=\"mh-nation\">Cộng hòa xã hội chủ nghĩa Việt Nam</div><div class=\"mh-motto\"><span>Độc lập - Tự do - Hạnh phúc</span></div><div class=\"mh-date\">{}</div></td></tr></table>",
                escape(place_date)
            ));
        }
        Block::Title { kind, summary } => {
            out.push_str(&format!(
                "<h1 class=\"doc-kind\">{}</h1><p class=\"doc-summary\">{}</p>",
                escape(kind),
                escape(summary)
            ));
        }
        Block::Recipient(r) => out.push_str(&format!("<p class=\"recipient\">Kính gửi: {}</p>", escape(r))),
        Block::Heading(h) => out.push_str(&format!("<h2>{}</h2>", escape(h))),
        Block::Para(rs) => {
            out.push_str("<p class=\"body\">");
            runs(out, rs);
            out.push_str("</p>");
        }
        Block::Table { header, widths, rows } => {
            out.push_str("<table class=\"doc-table\"><colgroup>");
            for w in widths {
                // A class, not a style attribute: the app's Content-Security-Policy forbids those.
                out.push_str(&format!("<col class=\"w{w}\">"));
            }
            out.push_str("</colgroup><thead><tr>");
            for h in header {
                out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
            }
            out.push_str("</tr></thead><tbody>");
            for row in rows {
                out.push_str("<tr>");
                for c in row {
                    cell(out, c);
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table>");
        }
        Block::Signature { copies, title, name } => {
            out.push_str("<table class=\"signature\" role=\"presentation\"><tr><td class=\"copies\">");
            if !copies.is_empty() {
                out.push_str("<p class=\"lead\">Nơi nhận:</p>");
                for c in copies {
                    out.push_str(&format!("<p>- {}</p>", escape(c)));
                }
            }
            out.push_str(&format!(
                "</td><td class=\"signer\"><p class=\"title\">{}</p><p class=\"note\">(Ký, ghi rõ họ tên, đóng dấu)</p><p class=\"name\">{}</p></td></tr></table>",
                escape(title),
                escape(name)
            ));
        }
        Block::Stamp(s) => out.push_str(&format!("<p class=\"stamp\">{}</p>", escape(s))),
        Block::Center(t) => out.push_str(&format!("<p class=\"doc-summary\">{}</p>", escape(t))),
    }
}

fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Request => "doc-request",
        Kind::Report => "doc-report",
        Kind::Summary => "doc-summary-table",
        Kind::Brief => "doc-brief",
        Kind::Annex => "doc-annex",
        Kind::Letter => "doc-letter",
        Kind::Submission => "doc-submission",
        Kind::AppraisalReport => "doc-appraisal-report",
        Kind::AppraisedSummary => "doc-appraised-summary",
        Kind::Decision => "doc-decision",
        Kind::YearReport => "doc-year-report",
    }
}

/// The documents as one HTML fragment, each an `<article class="doc">`.
pub fn fragment(docs: &[Document]) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&format!("<article class=\"doc {}\" lang=\"vi\">", kind_class(d.kind)));
        for b in &d.blocks {
            block(&mut out, b);
        }
        out.push_str("</article>");
    }
    out
}

/// A complete page for publishing: no script runs in it; the dossier rides along as a JSON
/// data block, with `<` escaped so no text can close the element.
///
/// It carries only what it shows, unless `carried` is given: then the dossier rides along so
/// the app can open the report again (notes and where each document is kept included), which
/// the user chooses knowingly. The member list's annex is never published: it is left out, and
/// a carried dossier rides along without its list.
pub fn standalone(docs: &[Document], carried: Option<&DossierFile>, title: &str) -> String {
    let published: Vec<Document> = docs.iter().filter(|d| d.kind != Kind::Annex).cloned().collect();
    let data = carried.map_or_else(String::new, |file| {
        // U+FFFE and U+FFFF escaped too: noncharacters have no place in an HTML page (they read
        // back the same).
        let json =
            crate::write(file).replace('<', "\\u003c").replace('\u{FFFE}', "\\ufffe").replace('\u{FFFF}', "\\uffff");
        format!("<script type=\"application/json\" id=\"{DOSSIER_ID}\">\n{json}</script>\n")
    });
    page(&published, title, &data)
}

/// A complete page of the receiving side's papers, for printing or publishing: no script,
/// no dossier carried.
pub fn standalone_papers(docs: &[Document], title: &str) -> String {
    page(docs, title, "")
}

/// A page with a policy of its own, wherever it is published: no script runs, nothing is
/// fetched, and the one style allowed is its own, by hash (a JSON block in `data` is data,
/// never executed).
fn page(docs: &[Document], title: &str, data: &str) -> String {
    let style = format!("\nbody {{ margin: 0; background: #eee; }}\n{STYLES}");
    let hash = crate::sha256::base64(&crate::sha256::sha256(style.as_bytes()));
    let policy = format!("default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'");
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"dvht {}\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n{}\n{data}</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title),
        fragment(docs)
    )
}

/// The dossier a standalone report carries, as JSON text, if these bytes are one.
pub use crate::file::carried::carried_dossier;
