//! The documents as one editable Word file (Office Open XML, ECMA-376), each document a section
//! of its own: A4, the margins of Nghị định 30/2020, Times New Roman 13 pt, page numbers
//! centred in the top margin from the second page, table headers repeated, rows kept whole.
//! Elements are written in the order the schema requires, so Word opens it without repair.
//! The fixed parts of the package (styles, relationships, properties) are template files in
//! `docx/`; only the body is written here.

use super::{Align, Block, Cell, Document, Run};

/// A4 in twentieths of a point, and the margins (top 20 mm, bottom 20 mm, left 30 mm, right
/// 15 mm; 1 mm = 56.7 twips).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const M_TOP: u32 = 1134;
const M_BOTTOM: u32 = 1134;
const M_LEFT: u32 = 1701;
const M_RIGHT: u32 = 850;
const TEXT_W: u32 = PAGE_W - M_LEFT - M_RIGHT;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    caps: bool,
    underline: bool,
    /// Half-points; 0 means the default (13 pt).
    size: u32,
}

fn run(out: &mut String, text: &str, s: Style) {
    out.push_str("<w:r>");
    let mut props = String::new();
    if s.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if s.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if s.caps {
        props.push_str("<w:caps/>");
    }
    if s.size > 0 {
        props.push_str(&format!("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", s.size));
    }
    if s.underline {
        props.push_str("<w:u w:val=\"single\"/>");
    }
    if !props.is_empty() {
        out.push_str(&format!("<w:rPr>{props}</w:rPr>"));
    }
    // Line breaks inside a run become <w:br/>.
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", super::escape(line)));
    }
    out.push_str("</w:r>");
}

struct ParaProps {
    align: &'static str,
    first_line: u32,
    before: u32,
    after: u32,
    border_top: bool,
    /// A rule under the paragraph, as wide as the paragraph between its side indents (the line
    /// under the Tiêu ngữ and under the issuing body's name, Nghị định 30/2020 Phụ lục I).
    border_bottom: bool,
    /// Left and right indent, in twips.
    indent: u32,
}

const BODY: ParaProps = ParaProps {
    align: "both",
    first_line: 567,
    before: 0,
    after: 120,
    border_top: false,
    border_bottom: false,
    indent: 0,
};
const CENTER: ParaProps = ParaProps { align: "center", first_line: 0, after: 0, ..BODY };
const LEFT: ParaProps = ParaProps { align: "left", first_line: 0, after: 0, ..BODY };

/// The width of the masthead's columns (42% and 58% of the text), in twips.
const LEFT_COL: u32 = TEXT_W * 42 / 100;
const RIGHT_COL: u32 = TEXT_W * 58 / 100;
/// "Độc lập - Tự do - Hạnh phúc" in 13.5 pt bold is about 4,000 twips wide: the rule under it
/// is as long as the line of text.
const MOTTO_W: u32 = 4000;

fn para(out: &mut String, p: &ParaProps, content: &str) {
    out.push_str("<w:p><w:pPr>");
    if p.border_top || p.border_bottom {
        out.push_str("<w:pBdr>");
        if p.border_top {
            out.push_str("<w:top w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/>");
        }
        if p.border_bottom {
            out.push_str("<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>");
        }
        out.push_str("</w:pBdr>");
    }
    out.push_str(&format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"312\" w:lineRule=\"auto\"/>",
        p.before, p.after
    ));
    if p.first_line > 0 {
        out.push_str(&format!("<w:ind w:firstLine=\"{}\"/>", p.first_line));
    } else if p.indent > 0 {
        out.push_str(&format!("<w:ind w:left=\"{0}\" w:right=\"{0}\"/>", p.indent));
    }
    out.push_str(&format!("<w:jc w:val=\"{}\"/></w:pPr>{content}</w:p>", p.align));
}

fn runs_xml(runs: &[Run], size: u32) -> String {
    let mut out = String::new();
    for r in runs {
        run(&mut out, &r.text, Style { bold: r.bold, italic: r.italic, size, ..Style::default() });
    }
    out
}

fn styled(text: &str, s: Style) -> String {
    let mut out = String::new();
    run(&mut out, text, s);
    out
}

/// A table without borders, for the masthead and the signature block.
fn layout_table(out: &mut String, columns: &[(u32, String)]) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>");
    out.push_str("<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>");
    out.push_str("<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>");
    for (w, _) in columns {
        out.push_str(&format!("<w:gridCol w:w=\"{}\"/>", TEXT_W * w / 100));
    }
    out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
    for (w, content) in columns {
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>",
            TEXT_W * w / 100
        ));
    }
    out.push_str("</w:tr></w:tbl>");
}

fn grid_cell(out: &mut String, width: u32, c: &Cell, header: bool) {
    out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
    if c.span > 1 {
        out.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", c.span));
    }
    out.push_str("</w:tcPr>");
    let props = if header || c.align == Align::Center { CENTER } else { LEFT };
    let size = 23;
    if header {
        para(out, &props, &runs_xml(&c.runs.iter().map(|r| Run { bold: true, ..r.clone() }).collect::<Vec<_>>(), size));
    } else {
        para(out, &props, &runs_xml(&c.runs, size));
    }
    out.push_str("</w:tc>");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Masthead { parent, unit, number, subject, place_date, draft } => {
            if *draft {
                para(out, &LEFT, &styled("DỰ THẢO", Style { bold: true, size: 24, ..Style::default() }));
            }
            let mut left = String::new();
            if let Some(p) = parent {
                para(&mut left, &CENTER, &styled(p, Style { caps: true, size: 25, ..Style::default() }));
            }
            para(&mut left, &CENTER, &styled(unit, Style { bold: true, caps: true, size: 25, ..Style::default() }));
            // The rule under the issuing body: a third of the column, centred (Nghị định 30:
            // from a third to a half of the line above it).
            let third = ParaProps { border_bottom: true, indent: LEFT_COL / 3, ..CENTER };
            para(&mut left, &third, &styled("", Style { size: 8, ..Style::default() }));
            if !number.is_empty() {
                para(&mut left, &CENTER, &styled(number, Style::default()));
            }
            if let Some(v) = subject {
                para(&mut left, &CENTER, &styled(v, Style { size: 24, ..Style::default() }));
            }
            let mut right = String::new();
            para(
                &mut right,
                &CENTER,
                &styled("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style { bold: true, size: 25, ..Style::default() }),
            );
            para(
                &mut right,
                &CENTER,
                &styled("Độc lập - Tự do - Hạnh phúc", Style { bold: true, size: 27, ..Style::default() }),
            );
            // The rule under the Tiêu ngữ, as long as it (a rule, not underlined text).
            para(
                &mut right,
                &ParaProps { border_bottom: true, indent: RIGHT_COL.saturating_sub(MOTTO_W) / 2, ..CENTER },
                &styled("", Style { size: 4, ..Style::default() }),
            );
            para(
                &mut right,
                &ParaProps { before: 120, ..CENTER },
                &styled(place_date, Style { italic: true, size: 27, ..Style::default() }),
            );
            layout_table(out, &[(42, left), (58, right)]);
        }
        Block::Title { kind, summary } => {
            para(
                out,
                &ParaProps { before: 360, ..CENTER },
                &styled(kind, Style { bold: true, size: 28, ..Style::default() }),
            );
            para(
                out,
                &ParaProps { after: 240, ..CENTER },
                &styled(summary, Style { bold: true, size: 28, ..Style::default() }),
            );
        }
        Block::Recipient(r) => {
            para(out, &ParaProps { after: 240, ..CENTER }, &styled(&format!("Kính gửi: {r}"), Style::default()))
        }
        Block::Heading(h) => para(
            out,
            &ParaProps { before: 200, after: 120, ..LEFT },
            &styled(h, Style { bold: true, ..Style::default() }),
        ),
        Block::Para(runs) => para(out, &BODY, &runs_xml(runs, 0)),
        Block::Table { header, widths, rows } => {
            let width =
                |i: usize, span: usize| -> u32 { widths.iter().skip(i).take(span).map(|w| TEXT_W * w / 100).sum() };
            out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                out.push_str(&format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"));
            }
            out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>");
            for w in widths {
                out.push_str(&format!("<w:gridCol w:w=\"{}\"/>", TEXT_W * w / 100));
            }
            out.push_str("</w:tblGrid>");
            // The header row repeats on every page; no row splits across pages.
            out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            for (i, h) in header.iter().enumerate() {
                grid_cell(
                    out,
                    width(i, 1),
                    &Cell { runs: vec![Run::plain(h.clone())], align: Align::Center, span: 1 },
                    true,
                );
            }
            out.push_str("</w:tr>");
            for row in rows {
                out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                let mut col = 0;
                for c in row {
                    grid_cell(out, width(col, c.span), c, false);
                    col += c.span;
                }
                out.push_str("</w:tr>");
            }
            out.push_str("</w:tbl>");
            para(out, &LEFT, "");
        }
        Block::Signature { copies, title, name } => {
            let mut left = String::new();
            if !copies.is_empty() {
                para(
                    &mut left,
                    &LEFT,
                    &styled("Nơi nhận:", Style { bold: true, italic: true, size: 24, ..Style::default() }),
                );
                for c in copies {
                    para(&mut left, &LEFT, &styled(&format!("- {c}"), Style { size: 22, ..Style::default() }));
                }
            }
            let mut right = String::new();
            para(&mut right, &CENTER, &styled(title, Style { bold: true, ..Style::default() }));
            para(
                &mut right,
                &CENTER,
                &styled("(Ký, ghi rõ họ tên, đóng dấu)", Style { italic: true, size: 24, ..Style::default() }),
            );
            for _ in 0..4 {
                para(&mut right, &CENTER, "");
            }
            para(&mut right, &CENTER, &styled(name, Style { bold: true, ..Style::default() }));
            para(out, &LEFT, "");
            layout_table(out, &[(45, left), (55, right)]);
        }
        Block::Center(t) => para(
            out,
            &ParaProps { before: 120, after: 120, ..CENTER },
            &styled(t, Style { bold: true, ..Style::default() }),
        ),
        Block::Stamp(s) => {
            para(
                out,
                &ParaProps { before: 240, border_top: true, ..LEFT },
                &styled(s, Style { italic: true, size: 20, ..Style::default() }),
            );
        }
    }
}

fn section() -> String {
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"{M_TOP}\" w:right=\"{M_RIGHT}\" w:bottom=\"{M_BOTTOM}\" w:left=\"{M_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>"
    )
}

fn document_xml(docs: &[Document]) -> String {
    let mut body = String::new();
    for (i, d) in docs.iter().enumerate() {
        for b in &d.blocks {
            block(&mut body, b);
        }
        // Every document but the last ends its section with a paragraph that carries it.
        if i + 1 < docs.len() {
            body.push_str(&format!("<w:p><w:pPr>{}</w:pPr></w:p>", section()));
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}{}</w:body></w:document>",
        section()
    )
}

/// The Word file, as bytes (a ZIP package).
pub fn write(docs: &[Document], title: &str) -> Vec<u8> {
    let core = part(include_str!("docx/core.xml")).replace("{title}", &super::escape(title));
    crate::zip::store(&[
        ("[Content_Types].xml", part(include_str!("docx/content-types.xml")).into_bytes()),
        ("_rels/.rels", part(include_str!("docx/rels.xml")).into_bytes()),
        ("word/document.xml", document_xml(docs).into_bytes()),
        ("word/_rels/document.xml.rels", part(include_str!("docx/document-rels.xml")).into_bytes()),
        ("word/styles.xml", part(include_str!("docx/styles.xml")).into_bytes()),
        ("word/settings.xml", part(include_str!("docx/settings.xml")).into_bytes()),
        ("word/header1.xml", part(include_str!("docx/header.xml")).into_bytes()),
        ("docProps/core.xml", core.into_bytes()),
        ("docProps/app.xml", part(include_str!("docx/app.xml")).into_bytes()),
    ])
}

/// A fixed part of the package, from its template file (without the file's final newline).
fn part(template: &str) -> String {
    template.trim_end().to_string()
}
