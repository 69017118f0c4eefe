//! CSV as Excel reads it (RFC 4180): UTF-8 with a byte-order mark, CRLF line ends, fields
//! quoted when they hold a comma, a quote, a line break or leading/trailing space.

use super::Sheet;

/// The rows of a sheet as CSV bytes.
pub fn write(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in &sheet.rows {
        let fields: Vec<String> = row.iter().map(|c| field(&c.as_text())).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn field(text: &str) -> String {
    // A leading = + - @ would be read as a formula by spreadsheets: kept as text with a quote.
    let formula = text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err();
    let text = if formula { format!("'{text}") } else { text.to_string() };
    let quote = text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if quote {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cell, Sheet};
    use super::*;

    #[test]
    fn excel_reads_vietnamese_and_commas() {
        let mut s = Sheet::new("x", &["Tên", "Số"]);
        s.push(vec![Cell::text("Trường THPT Nguyễn Trãi, Hưng Yên"), Cell::Number(1500)]);
        s.push(vec![Cell::text("Nói \"có\""), Cell::Empty]);
        s.push(vec![Cell::text("=HYPERLINK(\"x\")"), Cell::text("-3")]);
        let text = String::from_utf8(write(&s)).unwrap();
        assert_eq!(
            text,
            "\u{feff}Tên,Số\r\n\"Trường THPT Nguyễn Trãi, Hưng Yên\",1500\r\n\"Nói \"\"có\"\"\",\r\n\"'=HYPERLINK(\"\"x\"\")\",-3\r\n"
        );
    }
}
