//! Tables as offices exchange them: CSV (UTF-8 with a byte-order mark, so Excel opens
//! Vietnamese text correctly) and Excel workbooks (Office Open XML, `.xlsx`). One model of a
//! table — sheets of rows of cells — written by [`csv::write`] and [`xlsx::write`], and read
//! back from what offices have by [`read`] (CSV in the encodings and separators Excel saves,
//! and workbooks saved by Excel, LibreOffice or other tools). The member list (reading what
//! offices have) and the receiving side's registers and reports (writing what offices merge)
//! both use it.

pub mod csv;
pub mod read_csv;
pub mod read_xlsx;
pub mod xlsx;
mod xml;

/// The most rows a table read may have, and the most cells in all.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_CELLS: usize = 5_000_000;

/// Why a file cannot be read as a table. Words are the reader's caller's (`words::roster`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Text that is neither UTF-8 nor UTF-16 (a CSV saved in a Windows code page).
    Encoding,
    /// A ZIP package that cannot be opened or one of whose parts cannot be read.
    Zip(crate::unzip::Error),
    /// A ZIP package without a workbook (a Word document, an OpenDocument file).
    NotAWorkbook,
    /// An OpenDocument spreadsheet (`.ods`): to be saved as `.xlsx` first.
    OpenDocument,
    /// The binary Excel 97–2003 format (`.xls`): to be saved as `.xlsx` first.
    OldExcel,
    /// A workbook without worksheets.
    NoSheet,
    /// A workbook whose parts contradict each other (a shared string that is not there).
    Corrupt,
    /// More than [`MAX_ROWS`] rows or [`MAX_CELLS`] cells.
    TooLarge,
}

/// The tables in a file: every worksheet of a workbook, or the one table of a CSV file,
/// told apart by their first bytes, not by the file's name.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    if crate::unzip::looks_like_zip(bytes) {
        if let Ok(a) = crate::unzip::Archive::open(bytes) {
            if a.read("mimetype").is_ok_and(|m| m.starts_with(b"application/vnd.oasis.opendocument")) {
                return Err(ReadError::OpenDocument);
            }
        }
        return read_xlsx::read(bytes);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(ReadError::OldExcel);
    }
    read_csv::read(bytes).map(|s| vec![s])
}

/// Without the empty cells at the end of each row and the empty rows at the end.
fn trimmed(mut sheet: Sheet) -> Sheet {
    for row in &mut sheet.rows {
        while row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
    }
    while sheet.rows.last().is_some_and(Vec::is_empty) {
        sheet.rows.pop();
    }
    sheet
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number (counts, years): a number in a workbook, so sums work.
    Number(i64),
}

impl Cell {
    pub fn text(t: impl Into<String>) -> Cell {
        Cell::Text(t.into())
    }
    /// Empty, or text that is only spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
    /// The cell as text, as a CSV file or a person reads it.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(t: &str) -> Cell {
        Cell::Text(t.to_string())
    }
}

impl From<String> for Cell {
    fn from(t: String) -> Cell {
        Cell::Text(t)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Number(n)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        i64::try_from(n).map_or_else(|_| Cell::Text(n.to_string()), Cell::Number)
    }
}

/// A named table: the first row is its header.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: impl Into<String>, header: &[&str]) -> Sheet {
        Sheet { name: name.into(), rows: vec![header.iter().map(|h| Cell::text(*h)).collect()] }
    }
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}
