//! Reading Excel workbooks (`.xlsx`, ECMA-376 SpreadsheetML) as Excel, LibreOffice, openpyxl
//! and our own writer save them: the package's relationships lead to the workbook and its
//! sheets in order; cells are placed by their `r` references (`B7`), so row numbers are those
//! a spreadsheet shows; shared strings (with rich-text runs, without phonetic hints), inline
//! strings, numbers, booleans, formula results and error values are read. Styles, formulas
//! and merged cells are not: a cell is what it shows.

use super::xml::{attr, unescape, Scanner, Token};
use super::{Cell, ReadError, Sheet, MAX_CELLS, MAX_ROWS};
use crate::unzip::Archive;

/// Excel's own limit of columns (XFD).
const MAX_COLUMNS: usize = 16_384;

fn part(a: &Archive, name: &str) -> Result<String, ReadError> {
    let bytes = a.read(name).map_err(ReadError::Zip)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| ReadError::Encoding)
}

/// A relationship target relative to the part at `base` (`xl/workbook.xml`).
fn resolve(base: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The relationships of a part: (id, type, resolved target).
fn relationships(a: &Archive, of: &str) -> Vec<(String, String, String)> {
    let (dir, file) = of.rsplit_once('/').unwrap_or(("", of));
    let rels = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    let Ok(xml) = part(a, &rels) else { return Vec::new() };
    Scanner::new(&xml)
        .filter_map(|t| match t {
            Token::Start { name: "Relationship", attrs, .. } => Some((
                attr(attrs, "Id")?.into_owned(),
                attr(attrs, "Type")?.into_owned(),
                resolve(of, &attr(attrs, "Target")?),
            )),
            _ => None,
        })
        .collect()
}

/// "B7" → (1, 7): the 0-based column and the 1-based row.
fn reference(r: &str) -> Option<(usize, usize)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col = 0usize;
    for b in r[..letters].bytes() {
        col = col * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    let row: usize = r[letters..].parse().ok()?;
    Some((col - 1, row))
}

/// The text of `<si>` or `<is>`: its `<t>` elements, not those of phonetic runs.
fn rich_text<'a>(tokens: &mut impl Iterator<Item = Token<'a>>, end: &str) -> String {
    let mut out = String::new();
    let (mut in_t, mut phonetic) = (false, 0usize);
    for t in tokens.by_ref() {
        match t {
            Token::Start { name: "rPh", empty: false, .. } => phonetic += 1,
            Token::End { name: "rPh" } => phonetic = phonetic.saturating_sub(1),
            Token::Start { name: "t", empty: false, .. } => in_t = true,
            Token::End { name: "t" } => in_t = false,
            Token::Text(s) if in_t && phonetic == 0 => out.push_str(&unescape(s)),
            Token::Cdata(s) if in_t && phonetic == 0 => out.push_str(s),
            Token::End { name } if name == end => break,
            _ => {}
        }
    }
    out
}

fn shared_strings(xml: &str) -> Vec<String> {
    let mut tokens = Scanner::new(xml);
    let mut out = Vec::new();
    while let Some(t) = tokens.next() {
        match t {
            Token::Start { name: "si", empty: false, .. } => out.push(rich_text(&mut tokens, "si")),
            Token::Start { name: "si", empty: true, .. } => out.push(String::new()),
            _ => {}
        }
    }
    out
}

/// A number as the sheet shows it: whole numbers as numbers, others as their text.
fn number(v: &str) -> Cell {
    let v = v.trim();
    if let Ok(n) = v.parse::<i64>() {
        return Cell::Number(n);
    }
    match v.parse::<f64>() {
        // 2025.0, 1E3: whole, and within the exact range of a double.
        Ok(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => Cell::Number(f as i64),
        _ if v.is_empty() => Cell::Empty,
        _ => Cell::Text(v.to_string()),
    }
}

fn worksheet(xml: &str, strings: &[String], name: String) -> Result<Sheet, ReadError> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut cells = 0usize;
    let mut tokens = Scanner::new(xml);
    let (mut row_no, mut col_no) = (0usize, 0usize);
    while let Some(t) = tokens.next() {
        match t {
            Token::Start { name: "row", attrs, .. } => {
                row_no = attr(attrs, "r").and_then(|r| r.parse().ok()).unwrap_or(row_no + 1);
                col_no = 0;
            }
            Token::Start { name: "c", attrs, empty } => {
                let (col, row) = attr(attrs, "r").and_then(|r| reference(&r)).unwrap_or((col_no, row_no.max(1)));
                col_no = col + 1;
                if empty {
                    continue;
                }
                let kind = attr(attrs, "t");
                let mut value: Option<String> = None;
                let mut inline: Option<String> = None;
                let mut in_v = false;
                while let Some(t) = tokens.next() {
                    match t {
                        Token::Start { name: "v", empty: false, .. } => in_v = true,
                        Token::End { name: "v" } => in_v = false,
                        Token::Text(s) if in_v => value.get_or_insert_with(String::new).push_str(&unescape(s)),
                        Token::Cdata(s) if in_v => value.get_or_insert_with(String::new).push_str(s),
                        Token::Start { name: "is", empty: false, .. } => inline = Some(rich_text(&mut tokens, "is")),
                        Token::End { name: "c" } => break,
                        _ => {}
                    }
                }
                let cell = match (kind.as_deref(), value, inline) {
                    (Some("inlineStr"), _, Some(s)) => Cell::Text(s),
                    (Some("s"), Some(v), _) => match v.trim().parse::<usize>().ok().and_then(|i| strings.get(i)) {
                        Some(s) => Cell::Text(s.clone()),
                        None => return Err(ReadError::Corrupt),
                    },
                    (Some("b"), Some(v), _) => Cell::text(if v.trim() == "1" { "TRUE" } else { "FALSE" }),
                    (Some("str" | "e" | "d"), Some(v), _) => Cell::Text(v),
                    (_, Some(v), _) => number(&v),
                    (_, None, Some(s)) => Cell::Text(s),
                    (_, None, None) => Cell::Empty,
                };
                if matches!(&cell, Cell::Empty) || matches!(&cell, Cell::Text(t) if t.is_empty()) {
                    continue;
                }
                if row == 0 || row > MAX_ROWS || col >= MAX_COLUMNS {
                    return Err(ReadError::TooLarge);
                }
                if rows.len() < row {
                    rows.resize_with(row, Vec::new);
                }
                let r = &mut rows[row - 1];
                if r.len() <= col {
                    cells += col + 1 - r.len();
                    if cells > MAX_CELLS {
                        return Err(ReadError::TooLarge);
                    }
                    r.resize(col + 1, Cell::Empty);
                }
                r[col] = cell;
            }
            _ => {}
        }
    }
    Ok(super::trimmed(Sheet { name, rows }))
}

/// Every worksheet of a workbook, in the order of its tabs.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let a = Archive::open(bytes).map_err(ReadError::Zip)?;
    const DOC: &str = "/officeDocument";
    let book = relationships(&a, "")
        .into_iter()
        .find(|(_, ty, _)| ty.ends_with(DOC))
        .map(|(_, _, target)| target)
        .unwrap_or_else(|| "xl/workbook.xml".into());
    if !a.has(&book) {
        // A Word document or another package: not a workbook.
        return Err(ReadError::NotAWorkbook);
    }
    let rels = relationships(&a, &book);
    let strings = match rels.iter().find(|(_, ty, _)| ty.ends_with("/sharedStrings")) {
        Some((_, _, target)) => shared_strings(&part(&a, target)?),
        None if a.has("xl/sharedStrings.xml") => shared_strings(&part(&a, "xl/sharedStrings.xml")?),
        None => Vec::new(),
    };
    let xml = part(&a, &book)?;
    let mut sheets = Vec::new();
    for t in Scanner::new(&xml) {
        if let Token::Start { name: "sheet", attrs, .. } = t {
            let name = attr(attrs, "name").map(|n| n.into_owned()).unwrap_or_default();
            let Some(id) = attr(attrs, "id") else { continue };
            // Chartsheets and dialog sheets have no cells: only worksheets are read.
            let Some((_, _, target)) = rels.iter().find(|(rid, ty, _)| *rid == *id && ty.ends_with("/worksheet"))
            else {
                continue;
            };
            sheets.push(worksheet(&part(&a, target)?, &strings, name)?);
        }
    }
    if sheets.is_empty() {
        return Err(ReadError::NoSheet);
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_paths() {
        assert_eq!(reference("A1"), Some((0, 1)));
        assert_eq!(reference("AB12"), Some((27, 12)));
        assert_eq!(reference("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(reference("12"), None);
        assert_eq!(reference("ABCD1"), None);
        assert_eq!(resolve("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/workbook.xml", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve("xl/workbook.xml", "../xl/./s.xml"), "xl/s.xml");
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn reads_what_the_writer_writes() {
        let mut a = Sheet::new("Thành viên", &["Họ và tên", "Năm"]);
        a.push(vec![Cell::text("Nguyễn <Văn> & A"), Cell::Number(2025)]);
        a.push(vec![]);
        a.push(vec![Cell::Empty, Cell::text(" x ")]);
        let b = Sheet::new("Lớp", &["Lớp"]);
        let back = read(&super::super::xlsx::write(&[a.clone(), b.clone()])).unwrap();
        assert_eq!(back[0].name, "Thành viên");
        assert_eq!(back[0].rows, a.rows);
        assert_eq!(back[1], b);
    }

    #[test]
    fn shared_and_rich_strings_numbers_and_booleans() {
        let sst = "<sst><si><t>Họ tên</t></si><si><r><t>Lê </t></r><r><rPr/><t xml:space=\"preserve\">Văn &amp; B</t></r><rPh><t>x</t></rPh></si><si/></sst>";
        let strings = shared_strings(sst);
        assert_eq!(strings, ["Họ tên", "Lê Văn & B", ""]);
        let xml = "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c t=\"b\"><v>1</v></c><c><v>2025.0</v></c><c><v>0.5</v></c><c t=\"str\"><f>A1</f><v>k</v></c><c t=\"s\"><v>2</v></c><c r=\"J2\" s=\"3\"/></row></sheetData></worksheet>";
        let s = worksheet(xml, &strings, String::new()).unwrap();
        assert_eq!(s.rows[0], Vec::<Cell>::new());
        assert_eq!(
            s.rows[1],
            [
                Cell::Empty,
                Cell::text("Lê Văn & B"),
                Cell::text("TRUE"),
                Cell::Number(2025),
                Cell::text("0.5"),
                Cell::text("k")
            ]
        );
        assert_eq!(worksheet("<c r=\"A1\" t=\"s\"><v>9</v></c>", &strings, String::new()), Err(ReadError::Corrupt));
        assert_eq!(worksheet("<c r=\"A200001\"><v>1</v></c>", &[], String::new()), Err(ReadError::TooLarge));
    }
}
