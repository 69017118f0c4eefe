//! Tables as offices exchange them: CSV (UTF-8 with a byte-order mark, so Excel opens
//! Vietnamese text correctly) and Excel workbooks (Office Open XML, `.xlsx`). One model of a
//! table — sheets of rows of cells — written by [`csv::write`] and [`xlsx::write`]. The
//! member list (reading what offices have) and the receiving side's registers and reports
//! (writing what offices merge) both use it.

pub mod csv;
pub mod xlsx;

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
