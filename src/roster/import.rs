//! Importing the list an office already keeps (`.xlsx` or `.csv`), in two steps: [`preview`]
//! says how each column was understood and what each row gives, with every problem named by
//! its row and column, and changes nothing; [`apply`] then replaces the list or merges into it
//! by name, as the caller chooses.
//!
//! Headers are matched leniently — with or without diacritics, in any case and order, extra
//! columns ignored ("Họ và tên", "Ho ten", "HỌ TÊN") — against the template's own headers and
//! the rules table's labels; yes and no are read from what people type (x, có, đạt, 1, ✓ …;
//! blank, không, 0, ✗ …). The header row need not be the first: titles above it are skipped.

use super::table::{group_layout, header, member_layout};
use super::{group_columns, member_columns, Award, LearnerGroup, Member, Period, Roster};
use crate::diagnostic::Severity;
use crate::rules::{Input, RuleSet};
use crate::sheets::{Cell, ReadError, Sheet};

/// What a column of the file was understood as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUse {
    /// Số thứ tự: read past.
    Ordinal,
    Name,
    Position,
    Section,
    /// Yes or no for a member count.
    Mark(Input),
    /// The decision of a title.
    Decision(Input),
    /// The year or school year of a title.
    Period(Input),
    /// A class or group of learners.
    GroupName,
    /// How many learners of the group (the total, or a learner count).
    GroupCount(Input),
    /// Not understood: ignored.
    Ignored,
    /// Could be more than one column of the template: ignored (a problem says which).
    Ambiguous,
    /// Understood as the same as an earlier column (its 0-based index): ignored.
    Repeated {
        first: usize,
    },
}

/// One column of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// 0-based; its letter is `sheets::xlsx::column(index)`.
    pub index: usize,
    pub header: String,
    pub used_as: ColumnUse,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Members,
    Groups,
}

/// What one sheet of the file gives.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListPreview {
    /// The sheet's name in the workbook ("" for CSV).
    pub sheet: String,
    /// The row of the headers (1-based, as the spreadsheet shows it).
    pub header_row: usize,
    pub columns: Vec<Column>,
    /// Each row imported, with its row number.
    pub members: Vec<(usize, Member)>,
    pub groups: Vec<(usize, LearnerGroup)>,
    /// The member counts the file has a column for.
    pub recorded: Vec<Input>,
    /// The file has a column for the members' position, section.
    pub has_position: bool,
    pub has_section: bool,
}

/// A problem found, at a row and column of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error: the row is not imported; warning: it is, as the preview shows it; note: for
    /// information.
    pub severity: Severity,
    /// The sheet's name ("" for CSV).
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it; 0 for the file as a whole.
    pub row: usize,
    /// 0-based column, if the problem is in one cell or column.
    pub column: Option<usize>,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file cannot be read as a table.
    Unreadable(ReadError),
    /// No sheet has a header row with a name column (or a class column with a count).
    NoHeader,
    /// A header that could be several columns of the template.
    AmbiguousColumn { header: String, could_be: Vec<ColumnUse> },
    /// A second column understood as an earlier one (0-based index): ignored.
    RepeatedColumn { first: usize },
    /// A row with data but no name: not imported.
    EmptyName,
    /// A name already on an earlier row (1-based): imported, both kept.
    DuplicateName { name: String, first_row: usize },
    /// A yes/no not understood: read as no.
    UnknownValue { found: String },
    /// A year not understood: the title is kept without it.
    BadPeriod { found: String },
    /// A count that is not a whole number ≥ 0: the row is not imported.
    BadCount { found: String },
    /// More learners with a count than in the group.
    CountAboveTotal { count: u64, total: u64 },
    /// A group without its number of learners: not imported.
    MissingCount,
    /// Cells to the right of the last header: ignored.
    RowTooLong { cells: usize },
    /// A row of totals ("Tổng cộng"): not a member, skipped.
    TotalRow,
    /// A sheet that is neither list: ignored.
    SheetIgnored,
}

/// What a file would import, before anything changes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Preview {
    pub members: Option<ListPreview>,
    pub groups: Option<ListPreview>,
    pub problems: Vec<Problem>,
}

impl Preview {
    /// Whether applying it changes anything.
    pub fn is_empty(&self) -> bool {
        self.members.as_ref().is_none_or(|l| l.members.is_empty())
            && self.groups.as_ref().is_none_or(|l| l.groups.is_empty())
    }
    /// The problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }
}

/// Lower case, without diacritics (đ as d, decomposed marks dropped), every run of other
/// characters one space: "HỌ VÀ TÊN" and "Ho va ten" are both "ho va ten" (the search folding
/// of [`crate::collate`], the one the receiving side searches by).
pub use crate::collate::fold;

/// Yes, no, or not understood, from what people type.
pub fn yes_no(cell: &Cell) -> Result<bool, String> {
    let raw = match cell {
        Cell::Empty => return Ok(false),
        Cell::Number(1) => return Ok(true),
        Cell::Number(0) => return Ok(false),
        Cell::Number(n) => return Err(n.to_string()),
        Cell::Text(t) => t.trim(),
    };
    if ["✓", "✔", "√", "☑", "✅", "+"].contains(&raw) {
        return Ok(true);
    }
    if ["✗", "✘", "☐", "×", "-", "–", "—", "❌"].contains(&raw) {
        return Ok(false);
    }
    match fold(raw).as_str() {
        "x" | "co" | "1" | "dat" | "yes" | "y" | "true" | "v" | "ok" | "roi" | "da dat" | "co dat" => Ok(true),
        "" | "khong" | "k" | "0" | "no" | "n" | "false" | "chua" | "chua dat" | "khong dat" => Ok(false),
        _ => Err(raw.to_string()),
    }
}

/// A whole number ≥ 0 as a person types it: 1200, "1.200", "1,200", "1 200".
fn whole(cell: &Cell) -> Result<Option<u64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => u64::try_from(*n).map(Some).map_err(|_| n.to_string()),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let groups: Vec<&str> = t.split(['.', ',', ' ', '\u{a0}']).collect();
            let grouped = groups.len() > 1
                && groups[0].len() <= 3
                && !groups[0].is_empty()
                && groups[1..].iter().all(|g| g.len() == 3);
            let digits: String = if grouped { groups.concat() } else { t.to_string() };
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().map(Some).map_err(|_| t.to_string())
            } else {
                Err(t.to_string())
            }
        }
    }
}

/// Text of a cell, trimmed, inner runs of spaces made one.
fn text(cell: &Cell) -> Option<String> {
    let t = cell.as_text();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The key a name is matched by: case and spacing aside.
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Words that say nothing about which column a header is.
const FILLER: [&str; 12] = ["so", "dat", "co", "duoc", "danh", "hieu", "thanh", "vien", "nguoi", "hs", "sv", "hv"];

fn content_words(folded: &str) -> Vec<&str> {
    folded.split(' ').filter(|w| !w.is_empty() && !FILLER.contains(w)).collect()
}

fn initials(folded: &str) -> String {
    folded.split(' ').filter_map(|w| w.chars().next()).collect()
}

/// How well a header fits a column, from its phrases: 3 the same, 2 its words are among the
/// column's, 1 its initials ("ldtt"), 0 not at all.
fn fit(h: &str, phrases: &[String]) -> u8 {
    let hw = content_words(h);
    let mut best = 0;
    for p in phrases {
        let pw = content_words(p);
        let score = if h == p || (!hw.is_empty() && hw == pw) {
            3
        } else if hw.len() >= 2 && hw.iter().all(|w| pw.contains(w)) {
            2
        } else if hw.len() == 1 && hw[0].len() >= 3 && pw.len() >= 3 && initials(&pw.join(" ")) == hw[0] {
            1
        } else {
            0
        };
        best = best.max(score);
    }
    best
}

/// The phrases a column is known by: the template's header and the table's labels.
fn phrases(rules: &RuleSet, column: ColumnUse) -> Vec<String> {
    let mut out = vec![fold(&header(rules, column))];
    let fixed: &[&str] = match column {
        ColumnUse::Ordinal => &["stt", "tt", "so tt", "so thu tu", "no", "number"],
        ColumnUse::Name => {
            &["ho va ten", "ho ten", "ten", "ho va ten thanh vien", "ten thanh vien", "name", "full name"]
        }
        ColumnUse::Position => &["chuc vu", "chuc danh", "vi tri viec lam", "vi tri", "chuc vu chuc danh", "position"],
        ColumnUse::Section => &[
            "bo phan",
            "to",
            "phong",
            "khoa",
            "to chuyen mon",
            "phong ban",
            "don vi",
            "to bo phan",
            "section",
            "department",
        ],
        ColumnUse::GroupName => &["lop", "nhom", "lop nhom", "ten lop", "lop hoc", "chi doan", "class", "group"],
        ColumnUse::GroupCount(Input::Learners) => &[
            "si so",
            "so hoc sinh",
            "so sinh vien",
            "so hoc vien",
            "tong so",
            "tong so hoc sinh",
            "so luong",
            "so hs",
            "so sv",
            "so hv",
        ],
        _ => &[],
    };
    out.extend(fixed.iter().map(|s| s.to_string()));
    match column {
        ColumnUse::Mark(i) | ColumnUse::GroupCount(i) => {
            let d = rules.input(i);
            out.extend([
                fold(d.short_vi),
                fold(d.label_vi),
                fold(d.short_en),
                fold(d.label_en),
                d.key.replace('_', " "),
            ]);
            if let Some(t) = rules.title(i) {
                out.push(fold(t.name_vi));
                out.push(fold(t.name_en));
            }
        }
        _ => {}
    }
    out
}

/// What a header is, among `candidates`: the one column it fits best, `Ambiguous` when two
/// fit equally, `Ignored` when none does.
fn understand(rules: &RuleSet, raw: &str, candidates: &[ColumnUse]) -> (ColumnUse, Vec<ColumnUse>) {
    let h = fold(raw);
    if h.is_empty() {
        return (ColumnUse::Ignored, Vec::new());
    }
    // A title's decision or year: "Số QĐ LĐTT", "Năm học CDHT", "Năm, năm học “Công dân học tập”".
    let words: Vec<&str> = h.split(' ').collect();
    let decision = h.contains("quyet dinh") || words.contains(&"qd") || words.contains(&"qđ");
    let year = words.contains(&"nam") && !words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()));
    if decision || year {
        let rest: String = words
            .iter()
            .filter(|w| !["so", "quyet", "dinh", "qd", "nam", "hoc", "ngay", "cong", "nhan", "duoc"].contains(w))
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let titles: Vec<Input> = rules.titles.iter().map(|t| t.input).collect();
        let fits: Vec<Input> = titles
            .iter()
            .copied()
            .filter(|i| {
                let t = rules.title(*i).map(|t| fold(t.name_vi)).unwrap_or_default();
                // "hoc" was taken out of the header above: take it out of the name too.
                let t: String = t.split(' ').filter(|w| *w != "hoc").collect::<Vec<_>>().join(" ");
                let rest_words = content_words(&rest);
                !rest_words.is_empty()
                    && (rest_words.iter().all(|w| t.split(' ').any(|x| x == *w))
                        || (rest_words.len() == 1
                            && initials(&fold(rules.title(*i).map_or("", |t| t.name_vi))) == rest_words[0]))
            })
            .collect();
        let make = |i: Input| if decision { ColumnUse::Decision(i) } else { ColumnUse::Period(i) };
        let wanted: Vec<ColumnUse> = fits.into_iter().map(make).filter(|c| candidates.contains(c)).collect();
        match wanted.as_slice() {
            [one] => return (*one, Vec::new()),
            [] => {}
            many => return (ColumnUse::Ambiguous, many.to_vec()),
        }
    }
    let scored: Vec<(u8, ColumnUse)> =
        candidates.iter().map(|c| (fit(&h, &phrases(rules, *c)), *c)).filter(|(s, _)| *s > 0).collect();
    let best = scored.iter().map(|(s, _)| *s).max().unwrap_or(0);
    let top: Vec<ColumnUse> = scored.iter().filter(|(s, _)| *s == best).map(|(_, c)| *c).collect();
    match top.as_slice() {
        [] => (ColumnUse::Ignored, Vec::new()),
        [one] => (*one, Vec::new()),
        many => (ColumnUse::Ambiguous, many.to_vec()),
    }
}

/// The columns of a header row, each understood among the layout's.
fn columns(rules: &RuleSet, row: &[Cell], layout: &[ColumnUse]) -> (Vec<Column>, Vec<(usize, ProblemKind)>) {
    let mut out: Vec<Column> = Vec::new();
    let mut problems = Vec::new();
    for (index, cell) in row.iter().enumerate() {
        let header = cell.as_text().trim().to_string();
        let (mut used_as, could_be) = understand(rules, &header, layout);
        if used_as == ColumnUse::Ambiguous {
            problems.push((index, ProblemKind::AmbiguousColumn { header: header.clone(), could_be }));
        } else if let Some(first) = out.iter().find(|c| c.used_as == used_as && used_as != ColumnUse::Ignored) {
            problems.push((index, ProblemKind::RepeatedColumn { first: first.index }));
            used_as = ColumnUse::Repeated { first: first.index };
        }
        out.push(Column { index, header, used_as });
    }
    (out, problems)
}

/// Names that are the totals line of a table, not a person or a class.
fn is_total(name: &str) -> bool {
    matches!(fold(name).as_str(), "tong" | "tong cong" | "cong" | "tong so" | "total")
}

struct SheetReader<'a> {
    rules: &'a RuleSet,
    sheet: &'a str,
    problems: Vec<Problem>,
}

impl SheetReader<'_> {
    fn problem(&mut self, severity: Severity, row: usize, column: Option<usize>, kind: ProblemKind) {
        self.problems.push(Problem { severity, sheet: self.sheet.to_string(), row, column, kind });
    }

    /// The name of a data row, or `None` for a row to pass over: an empty one, an unused line
    /// of a form (only its number, STT, filled), a row with data but no name (an error), a
    /// total row (a note). A row with cells right of the last header is warned about.
    fn named_row(&mut self, row_no: usize, row: &[Cell], cols: &[Column], name_col: usize) -> Option<String> {
        if row.iter().all(Cell::is_empty) {
            return None;
        }
        let cell = |i: usize| row.get(i).unwrap_or(&Cell::Empty);
        let Some(name) = text(cell(name_col)) else {
            let only_ordinal =
                cols.iter().filter(|c| c.used_as != ColumnUse::Ordinal).all(|c| cell(c.index).is_empty());
            if !only_ordinal {
                self.problem(Severity::Error, row_no, Some(name_col), ProblemKind::EmptyName);
            }
            return None;
        };
        if is_total(&name) {
            self.problem(Severity::Note, row_no, Some(name_col), ProblemKind::TotalRow);
            return None;
        }
        self.too_long(row_no, row, cols.len());
        Some(name)
    }

    /// Cells right of the last header.
    fn too_long(&mut self, row_no: usize, row: &[Cell], width: usize) {
        let extra = row.iter().skip(width).filter(|c| !c.is_empty()).count();
        if extra > 0 {
            self.problem(Severity::Warning, row_no, Some(width), ProblemKind::RowTooLong { cells: extra });
        }
    }

    fn members(&mut self, rows: &[Vec<Cell>], cols: &[Column], first: usize) -> Vec<(usize, Member)> {
        let mut out: Vec<(usize, Member)> = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let name_col = cols.iter().find(|c| c.used_as == ColumnUse::Name).map_or(0, |c| c.index);
        for (at, row) in rows.iter().enumerate().skip(first) {
            let row_no = at + 1;
            let cell = |i: usize| row.get(i).unwrap_or(&Cell::Empty);
            let Some(name) = self.named_row(row_no, row, cols, name_col) else { continue };
            let mut m = Member::named(name.clone());
            let mut marked: Vec<(Input, usize, bool)> = Vec::new();
            for c in cols {
                let v = cell(c.index);
                match c.used_as {
                    ColumnUse::Position => m.position = text(v),
                    ColumnUse::Section => m.section = text(v),
                    ColumnUse::Mark(i) => match yes_no(v) {
                        Ok(yes) => marked.push((i, c.index, yes)),
                        Err(found) => {
                            // A title's column holding its year ("2024-2025") says yes, for that year.
                            match (self.rules.title(i), Period::parse(&found)) {
                                (Some(_), Some(p)) => {
                                    marked.push((i, c.index, true));
                                    m.award_mut(i).period.get_or_insert(p);
                                }
                                _ => {
                                    self.problem(
                                        Severity::Warning,
                                        row_no,
                                        Some(c.index),
                                        ProblemKind::UnknownValue { found },
                                    );
                                    marked.push((i, c.index, false));
                                }
                            }
                        }
                    },
                    ColumnUse::Decision(i) => {
                        if let Some(d) = text(v) {
                            m.award_mut(i).decision = Some(d);
                        }
                    }
                    ColumnUse::Period(i) => {
                        let period = match v {
                            Cell::Empty => continue,
                            Cell::Number(n) => i32::try_from(*n).ok().and_then(|y| Period::parse(&y.to_string())),
                            Cell::Text(t) if t.trim().is_empty() => continue,
                            Cell::Text(t) => Period::parse(t),
                        };
                        match period {
                            Some(p) => m.award_mut(i).period = Some(p),
                            None => self.problem(
                                Severity::Warning,
                                row_no,
                                Some(c.index),
                                ProblemKind::BadPeriod { found: v.as_text().trim().to_string() },
                            ),
                        }
                    }
                    _ => {}
                }
            }
            for (i, _, yes) in &marked {
                // A title with its decision or year but no mark was awarded all the same.
                let awarded = m.award(*i).is_some_and(|a| a.decision.is_some() || a.period.is_some());
                m.yes.set(*i, *yes || awarded);
            }
            // Titles whose mark column is absent: a decision or year says yes.
            for t in self.rules.titles {
                if !marked.iter().any(|(i, _, _)| *i == t.input) && m.award(t.input).is_some() {
                    m.yes.set(t.input, true);
                }
            }
            m.awards.retain(|(_, a)| !a.is_empty());
            let key = name_key(&name);
            if let Some(&first_row) = seen.get(&key) {
                self.problem(Severity::Warning, row_no, Some(name_col), ProblemKind::DuplicateName { name, first_row });
            } else {
                seen.insert(key, row_no);
            }
            out.push((row_no, m));
        }
        out
    }

    fn groups(&mut self, rows: &[Vec<Cell>], cols: &[Column], first: usize) -> Vec<(usize, LearnerGroup)> {
        let mut out: Vec<(usize, LearnerGroup)> = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let name_col = cols.iter().find(|c| c.used_as == ColumnUse::GroupName).map_or(0, |c| c.index);
        for (at, row) in rows.iter().enumerate().skip(first) {
            let row_no = at + 1;
            let cell = |i: usize| row.get(i).unwrap_or(&Cell::Empty);
            let Some(name) = self.named_row(row_no, row, cols, name_col) else { continue };
            let mut g = LearnerGroup { name: name.clone(), ..LearnerGroup::default() };
            let mut ok = true;
            for c in cols {
                if let ColumnUse::GroupCount(i) = c.used_as {
                    match whole(cell(c.index)) {
                        Ok(n) => g.set(i, n),
                        Err(found) => {
                            self.problem(Severity::Error, row_no, Some(c.index), ProblemKind::BadCount { found });
                            ok = false;
                        }
                    }
                }
            }
            let total_col = cols.iter().find(|c| c.used_as == ColumnUse::GroupCount(Input::Learners));
            let Some(total) = g.count(Input::Learners) else {
                if ok {
                    self.problem(Severity::Error, row_no, total_col.map(|c| c.index), ProblemKind::MissingCount);
                }
                continue;
            };
            if !ok {
                continue;
            }
            for c in cols {
                if let ColumnUse::GroupCount(i) = c.used_as {
                    if let Some(count) = g.count(i).filter(|n| i != Input::Learners && *n > total) {
                        self.problem(
                            Severity::Warning,
                            row_no,
                            Some(c.index),
                            ProblemKind::CountAboveTotal { count, total },
                        );
                    }
                }
            }
            let key = name_key(&name);
            if let Some(&first_row) = seen.get(&key) {
                self.problem(Severity::Warning, row_no, Some(name_col), ProblemKind::DuplicateName { name, first_row });
            } else {
                seen.insert(key, row_no);
            }
            out.push((row_no, g));
        }
        out
    }
}

/// The header row of a sheet and what kind of list it heads: the first of its first 30 rows
/// with a name column (members), or a class column and a count (learner groups).
fn find_header(rules: &RuleSet, sheet: &Sheet) -> Option<(usize, ListKind)> {
    let members = member_layout(rules);
    let groups = group_layout(rules);
    for (at, row) in sheet.rows.iter().enumerate().take(30) {
        let uses = |layout: &[ColumnUse]| -> Vec<ColumnUse> {
            row.iter().map(|c| understand(rules, &c.as_text(), layout).0).collect()
        };
        let g = uses(&groups);
        if g.contains(&ColumnUse::GroupName) && g.contains(&ColumnUse::GroupCount(Input::Learners)) {
            return Some((at, ListKind::Groups));
        }
        if uses(&members).contains(&ColumnUse::Name) {
            return Some((at, ListKind::Members));
        }
    }
    None
}

/// What the sheets of a file would import: the first members' sheet and the first learner
/// groups' sheet. Changes nothing.
pub fn preview(rules: &RuleSet, sheets: &[Sheet]) -> Preview {
    let mut p = Preview::default();
    for sheet in sheets {
        let mut r = SheetReader { rules, sheet: &sheet.name, problems: Vec::new() };
        let found = find_header(rules, sheet);
        match found {
            Some((at, ListKind::Members)) if p.members.is_none() => {
                let (cols, col_problems) = columns(rules, &sheet.rows[at], &member_layout(rules));
                for (i, k) in col_problems {
                    r.problem(Severity::Warning, at + 1, Some(i), k);
                }
                let members = r.members(&sheet.rows, &cols, at + 1);
                let recorded = member_columns(rules)
                    .into_iter()
                    .filter(|i| {
                        cols.iter().any(|c| {
                            c.used_as == ColumnUse::Mark(*i)
                                || (rules.title(*i).is_some()
                                    && matches!(c.used_as, ColumnUse::Decision(t) | ColumnUse::Period(t) if t == *i))
                        })
                    })
                    .collect();
                p.members = Some(ListPreview {
                    sheet: sheet.name.clone(),
                    header_row: at + 1,
                    has_position: cols.iter().any(|c| c.used_as == ColumnUse::Position),
                    has_section: cols.iter().any(|c| c.used_as == ColumnUse::Section),
                    columns: cols,
                    members,
                    groups: Vec::new(),
                    recorded,
                });
            }
            Some((at, ListKind::Groups)) if p.groups.is_none() => {
                let (cols, col_problems) = columns(rules, &sheet.rows[at], &group_layout(rules));
                for (i, k) in col_problems {
                    r.problem(Severity::Warning, at + 1, Some(i), k);
                }
                let groups = r.groups(&sheet.rows, &cols, at + 1);
                p.groups = Some(ListPreview {
                    sheet: sheet.name.clone(),
                    header_row: at + 1,
                    columns: cols,
                    groups,
                    recorded: group_columns(rules),
                    ..ListPreview::default()
                });
            }
            // A sheet of instructions, or a second list of a kind already read.
            _ if !sheet.rows.is_empty() && sheets.len() > 1 => {
                r.problem(Severity::Note, 0, None, ProblemKind::SheetIgnored)
            }
            _ => {}
        }
        p.problems.extend(r.problems);
    }
    if p.members.is_none() && p.groups.is_none() {
        let sheet = sheets.first().map_or(String::new(), |s| s.name.clone());
        p.problems.push(Problem {
            severity: Severity::Error,
            sheet,
            row: 0,
            column: None,
            kind: ProblemKind::NoHeader,
        });
    }
    p
}

/// Reads a file's bytes (`.xlsx` or `.csv`, told apart by their content) and previews it.
pub fn preview_bytes(rules: &RuleSet, bytes: &[u8]) -> Preview {
    match crate::sheets::read(bytes) {
        Ok(sheets) => preview(rules, &sheets),
        Err(e) => Preview {
            problems: vec![Problem {
                severity: Severity::Error,
                sheet: String::new(),
                row: 0,
                column: None,
                kind: ProblemKind::Unreadable(e),
            }],
            ..Preview::default()
        },
    }
}

/// Whether an import replaces the list or merges into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The list becomes the file's (the members, or the groups, the file has).
    Replace,
    /// Rows whose name is on the list update it (only in the columns the file has); others
    /// are added; members the file does not name stay.
    Merge,
}

/// What an import changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    /// Left as they were (merging), or removed (replacing).
    pub untouched: usize,
    pub groups_added: usize,
    pub groups_updated: usize,
}

/// Applies a preview to a list.
pub fn apply(roster: &mut Roster, preview: &Preview, mode: Mode) -> Applied {
    let mut out = Applied::default();
    if let Some(list) = preview.members.as_ref().filter(|l| !l.members.is_empty()) {
        match mode {
            Mode::Replace => {
                out.untouched = roster.members.len();
                out.added = list.members.len();
                roster.members = list.members.iter().map(|(_, m)| m.clone()).collect();
                roster.columns = list.recorded.clone();
            }
            Mode::Merge => {
                let mut index: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
                for (at, m) in roster.members.iter().enumerate() {
                    index.entry(name_key(&m.name)).or_default().push(at);
                }
                let mut touched = vec![false; roster.members.len()];
                for (_, new) in &list.members {
                    // Two people of one name: the first not yet matched.
                    let at = index.get(&name_key(&new.name)).and_then(|v| v.iter().copied().find(|a| !touched[*a]));
                    let Some(at) = at else {
                        roster.members.push(new.clone());
                        out.added += 1;
                        continue;
                    };
                    touched[at] = true;
                    out.updated += 1;
                    let m = &mut roster.members[at];
                    if list.has_position {
                        m.position = new.position.clone();
                    }
                    if list.has_section {
                        m.section = new.section.clone();
                    }
                    for i in &list.recorded {
                        m.yes.set(*i, new.yes.get(*i));
                        if rules_title(&list.columns, *i) {
                            m.awards.retain(|(t, _)| t != i);
                            if let Some(a) = new.award(*i) {
                                m.awards.push((*i, a.clone()));
                            }
                        }
                    }
                }
                out.untouched = touched.iter().filter(|t| !**t).count();
                for i in &list.recorded {
                    roster.record(*i);
                }
            }
        }
    }
    if let Some(list) = preview.groups.as_ref().filter(|l| !l.groups.is_empty()) {
        match mode {
            Mode::Replace => {
                out.groups_added = list.groups.len();
                roster.groups = list.groups.iter().map(|(_, g)| g.clone()).collect();
            }
            Mode::Merge => {
                for (_, new) in &list.groups {
                    match roster.groups.iter_mut().find(|g| name_key(&g.name) == name_key(&new.name)) {
                        Some(g) => {
                            for (i, n) in &new.counts {
                                g.set(*i, Some(*n));
                            }
                            out.groups_updated += 1;
                        }
                        None => {
                            roster.groups.push(new.clone());
                            out.groups_added += 1;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Whether the file has a decision or year column for title `i` (then its awards replace).
fn rules_title(columns: &[Column], i: Input) -> bool {
    columns.iter().any(|c| matches!(c.used_as, ColumnUse::Decision(t) | ColumnUse::Period(t) if t == i))
}

/// An award a member holds, for tests and callers that build lists by hand.
pub fn award(decision: &str, period: Option<Period>) -> Award {
    Award { decision: Some(decision.to_string()).filter(|d| !d.is_empty()), period, ..Award::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::current;

    #[test]
    fn folding() {
        assert_eq!(fold("HỌ VÀ TÊN"), "ho va ten");
        assert_eq!(fold("  Họ   tên: "), "ho ten");
        assert_eq!(fold("Đạt “Công dân học tập”"), "dat cong dan hoc tap");
        assert_eq!(fold("Ho\u{0323} te\u{0302}n"), "ho ten", "decomposed marks");
        assert_eq!(fold("Số QĐ LĐTT"), "so qd ldtt");
    }

    #[test]
    fn yes_and_no_as_people_type_them() {
        for y in ["x", "X", "có", "Có", "co", "1", "đạt", "Đạt", "dat", "✓", "✔", "yes", "TRUE", " x "] {
            assert_eq!(yes_no(&Cell::text(y)), Ok(true), "{y}");
        }
        for n in ["", " ", "không", "Không", "khong", "0", "no", "✗", "chưa đạt", "FALSE"] {
            assert_eq!(yes_no(&Cell::text(n)), Ok(false), "{n}");
        }
        assert_eq!(yes_no(&Cell::Number(1)), Ok(true));
        assert_eq!(yes_no(&Cell::Empty), Ok(false));
        assert_eq!(yes_no(&Cell::text("có lẽ")), Err("có lẽ".into()));
        assert_eq!(yes_no(&Cell::Number(2)), Err("2".into()));
    }

    #[test]
    fn counts_as_people_type_them() {
        assert_eq!(whole(&Cell::text("1.200")), Ok(Some(1200)));
        assert_eq!(whole(&Cell::text("1,200")), Ok(Some(1200)));
        assert_eq!(whole(&Cell::text("42")), Ok(Some(42)));
        assert_eq!(whole(&Cell::Number(42)), Ok(Some(42)));
        assert_eq!(whole(&Cell::text("")), Ok(None));
        assert!(whole(&Cell::text("12,5")).is_err());
        assert!(whole(&Cell::text("-3")).is_err());
        assert!(whole(&Cell::Number(-3)).is_err());
        assert!(whole(&Cell::text("1.20")).is_err());
    }

    #[test]
    fn headers_understood() {
        let rules = current();
        let m = member_layout(rules);
        let u = |h: &str| understand(rules, h, &m).0;
        for h in ["Họ và tên", "Ho ten", "HỌ TÊN", "họ tên", "Tên"] {
            assert_eq!(u(h), ColumnUse::Name, "{h}");
        }
        assert_eq!(u("STT"), ColumnUse::Ordinal);
        assert_eq!(u("Chức vụ"), ColumnUse::Position);
        assert_eq!(u("Tổ"), ColumnUse::Section);
        assert_eq!(u("Lao động tiên tiến"), ColumnUse::Mark(Input::MembersAdvancedWorker));
        assert_eq!(u("LĐTT"), ColumnUse::Mark(Input::MembersAdvancedWorker));
        assert_eq!(u("CDHT"), ColumnUse::Mark(Input::MembersLearningCitizen));
        assert_eq!(u("Đạt danh hiệu Công dân học tập"), ColumnUse::Mark(Input::MembersLearningCitizen));
        assert_eq!(u("Kỷ luật lao động"), ColumnUse::Mark(Input::MembersDiscipline));
        assert_eq!(u("Chuyển đổi số"), ColumnUse::Mark(Input::MembersDigital));
        assert_eq!(u("Chứng chỉ ngoại ngữ"), ColumnUse::Mark(Input::MembersLanguageCertificate));
        assert_eq!(u("Ngoại ngữ"), ColumnUse::Ambiguous, "certificate or proficiency");
        assert_eq!(u("Số QĐ LĐTT"), ColumnUse::Decision(Input::MembersAdvancedWorker));
        assert_eq!(u("Năm học CDHT"), ColumnUse::Period(Input::MembersLearningCitizen));
        assert_eq!(u("Ngày sinh"), ColumnUse::Ignored);
        assert_eq!(u("Ghi chú"), ColumnUse::Ignored);
        for c in m.clone() {
            assert_eq!(u(&header(rules, c)), c, "the template's own header");
        }
        let g = group_layout(rules);
        for c in g.iter().copied() {
            assert_eq!(understand(rules, &header(rules, c), &g).0, c);
        }
        assert_eq!(understand(rules, "Sĩ số", &g).0, ColumnUse::GroupCount(Input::Learners));
        assert_eq!(understand(rules, "Số HS đạt CDHT", &g).0, ColumnUse::GroupCount(Input::LearnersLearningCitizen));
    }
}
