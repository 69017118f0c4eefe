//! Reading CSV as offices save it: UTF-8 with or without a byte-order mark, UTF-16 with one
//! (Excel's "Unicode text", tab-separated), fields separated by tabs, semicolons (Excel with a
//! Vietnamese or European locale) or commas, quoted as RFC 4180 quotes them. One record is one
//! row of the sheet, so row numbers are those a spreadsheet shows.

use super::{Cell, ReadError, Sheet, MAX_CELLS, MAX_ROWS};

/// The text of a file, from its byte-order mark: UTF-8, UTF-16 LE or BE; without one, UTF-8,
/// or UTF-16 recognised by its zero bytes.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let utf16 = |b: &[u8], le: bool| -> Result<String, ReadError> {
        let units =
            b.chunks_exact(2)
                .map(|p| if le { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
        char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| ReadError::Encoding)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| ReadError::Encoding);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        // "H\0o\0": UTF-16 LE without its mark; "\0H\0o": BE.
        Err(_) if bytes.len() >= 2 && bytes.len().is_multiple_of(2) && bytes[1] == 0 && bytes[0] != 0 => {
            utf16(bytes, true)
        }
        Err(_) if bytes.len() >= 2 && bytes.len().is_multiple_of(2) && bytes[0] == 0 && bytes[1] != 0 => {
            utf16(bytes, false)
        }
        Err(_) => Err(ReadError::Encoding),
    }
}

/// The separator of a file: the one of tab, semicolon and comma found most often outside
/// quotes on its first line (Excel's `sep=` line wins).
fn separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return ',';
    }
    ['\t', ';', ','][counts.iter().position(|n| *n == best).unwrap_or(2)]
}

/// The table in a CSV file.
pub fn read(bytes: &[u8]) -> Result<Sheet, ReadError> {
    let text = decode(bytes)?;
    let mut text = text.as_str();
    let mut sep = None;
    // Excel's hint on the first line: "sep=;".
    if let Some(rest) = text.strip_prefix("sep=") {
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            let after = chars.as_str();
            if after.is_empty() || after.starts_with(['\r', '\n']) {
                sep = Some(c);
                text = after.trim_start_matches('\r').strip_prefix('\n').unwrap_or(after.trim_start_matches('\r'));
            }
        }
    }
    let sep = sep.unwrap_or_else(|| separator(text));
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut cells = 0usize;
    let mut quoted = false;
    // A field that started with a quote: the quote is not part of it.
    let mut chars = text.chars().peekable();
    let push_field = |row: &mut Vec<Cell>, field: &mut String| {
        let f = std::mem::take(field);
        row.push(if f.is_empty() { Cell::Empty } else { Cell::Text(f) });
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push_field(&mut row, &mut field);
                cells += row.len();
                rows.push(std::mem::take(&mut row));
                if rows.len() > MAX_ROWS || cells > MAX_CELLS {
                    return Err(ReadError::TooLarge);
                }
            }
            c if c == sep => push_field(&mut row, &mut field),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() || quoted {
        push_field(&mut row, &mut field);
        rows.push(row);
    }
    if rows.len() > MAX_ROWS {
        return Err(ReadError::TooLarge);
    }
    Ok(super::trimmed(Sheet { name: String::new(), rows }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &Sheet) -> Vec<Vec<String>> {
        s.rows.iter().map(|r| r.iter().map(Cell::as_text).collect()).collect()
    }

    #[test]
    fn separators_quotes_and_line_ends() {
        let s = read("Họ và tên;Ghi chú\r\n\"Lê, Văn A\";\"nói \"\"có\"\"\"\r\nB;\"hai\ndòng\"\n".as_bytes()).unwrap();
        assert_eq!(texts(&s), [vec!["Họ và tên", "Ghi chú"], vec!["Lê, Văn A", "nói \"có\""], vec!["B", "hai\ndòng"]]);
        let s = read(b"a,b,c\n1,,3").unwrap();
        assert_eq!(s.rows[1], vec![Cell::text("1"), Cell::Empty, Cell::text("3")]);
        let s = read(b"sep=,\na;b,c\n").unwrap();
        assert_eq!(texts(&s), [vec!["a;b", "c"]]);
        let s = read(b"a\tb;c\n").unwrap();
        assert_eq!(s.rows[0].len(), 2, "a tab and a semicolon: the tab wins a tie");
    }

    #[test]
    fn encodings_by_their_marks() {
        let text = "Tên\tĐạt\r\nNguyễn Thị Ánh\tx\r\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let bom: Vec<u8> = b"\xEF\xBB\xBF".iter().copied().chain(text.bytes()).collect();
        let bare16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        for bytes in [le, be, bom, text.as_bytes().to_vec(), bare16] {
            let s = read(&bytes).unwrap();
            assert_eq!(texts(&s), [vec!["Tên", "Đạt"], vec!["Nguyễn Thị Ánh", "x"]]);
        }
        assert_eq!(read(b"T\xEAn,x\n").unwrap_err(), ReadError::Encoding, "Windows-1258 is not guessed");
        assert_eq!(read(b"\xFF\xFE\x00\xD8").unwrap_err(), ReadError::Encoding, "a lone surrogate");
    }

    #[test]
    fn what_the_writer_writes_reads_back() {
        let mut s = Sheet::new("x", &["Tên", "Số"]);
        s.push(vec![Cell::text("Trường A, Hưng Yên"), Cell::Number(1500)]);
        s.push(vec![Cell::text("Nói \"có\""), Cell::Empty]);
        let back = read(&super::super::csv::write(&s)).unwrap();
        assert_eq!(texts(&back), [vec!["Tên", "Số"], vec!["Trường A, Hưng Yên", "1500"], vec!["Nói \"có\""]]);
    }
}
