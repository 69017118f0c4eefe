//! Every field of the receiving side's files, defined once, as `file::fields` defines the
//! dossier's: key, Vietnamese and English label, kind, get and set. The readers and writers
//! walk these tables, and `words` names a field by its label from them ([`label`]).

use super::recognitions::Recognition;
use super::report::{Reason, ReportUnit};
use super::{Body, Channel, Council, CouncilAppraisal, Decision, Form, IndicatorVerdict, Member, Method, Outcome};
use super::{Received, Rejected, Role, Verdict};
use crate::file::fields::{Field, Kind, Value};
use crate::rules::{Level, Scope};

macro_rules! text {
    ($key:literal, $vi:literal, $en:literal, $f:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::Text,
            sparse: false,
            get: |r| Value::Text(r.$f.clone()),
            set: |r, v| {
                if let Value::Text(t) = v {
                    r.$f = t
                }
            },
        }
    };
}

macro_rules! date {
    ($key:literal, $vi:literal, $en:literal, $f:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::Date,
            sparse: false,
            get: |r| Value::Date(r.$f),
            set: |r, v| {
                if let Value::Date(d) = v {
                    r.$f = d
                }
            },
        }
    };
}

/// A field holding one of an enum's keys.
macro_rules! choice {
    ($key:literal, $vi:literal, $en:literal, $f:ident, $enum:ident) => {
        Field {
            key: $key,
            label: ($vi, $en),
            kind: Kind::Choice($enum::KEYS),
            sparse: false,
            get: |r| Value::Key(r.$f.map($enum::key)),
            set: |r, v| {
                if let Value::Key(k) = v {
                    r.$f = k.and_then($enum::from_key)
                }
            },
        }
    };
}

macro_rules! group {
    ($key:literal, $vi:literal, $en:literal) => {
        Field { key: $key, label: ($vi, $en), kind: Kind::Group, sparse: false, get: |_| Value::None, set: |_, _| {} }
    };
}

const fn sparse<T>(f: Field<T>) -> Field<T> {
    Field { sparse: true, ..f }
}

const SCOPES: [&str; 2] = ["huyen", "tinh"];

fn level_key(l: Option<Level>) -> Value {
    Value::Key(l.map(|l| if l == Level::One { "1" } else { "2" }))
}

fn level_of(v: Value) -> Option<Option<Level>> {
    match v {
        Value::Key(k) => Some(k.and_then(|k| k.parse().ok()).and_then(Level::from_number)),
        _ => None,
    }
}

/// The top-level keys of the appraisal file, in the order it writes them.
pub static TOP: [(&str, (&str, &str)); 9] = [
    ("format", ("Định dạng tệp", "File format")),
    ("version", ("Phiên bản định dạng", "Format version")),
    ("ruleset", ("Bộ tiêu chí", "Rule set")),
    ("year", ("Năm đánh giá", "Assessed year")),
    ("body", ("Cơ quan tiếp nhận hồ sơ", "Receiving body")),
    ("council", ("Hội đồng đánh giá", "Appraisal council")),
    ("dossiers", ("Hồ sơ đã tiếp nhận", "Dossiers received")),
    ("decision", ("Quyết định công nhận", "Decision")),
    ("rejected", ("Tệp không tiếp nhận", "Files not taken in")),
];

pub static BODY: [Field<Body>; 8] = [
    text!("name", "Tên cơ quan tiếp nhận", "Receiving body", name),
    Field {
        key: "scope",
        label: ("Cấp của hồ sơ tiếp nhận (huyện/tỉnh)", "Scope of the dossiers (district/province)"),
        kind: Kind::Choice(&SCOPES),
        sparse: false,
        get: |b| Value::Key(b.scope.map(Scope::key)),
        set: |b, v| {
            if let Value::Key(k) = v {
                b.scope = k.and_then(Scope::from_key)
            }
        },
    },
    text!("province", "Tỉnh, thành phố", "Province", province),
    text!("head", "Thủ trưởng cơ quan tiếp nhận", "Head of the body", head),
    text!("decision_maker", "Người quyết định công nhận", "Decision maker", decision_maker),
    sparse(text!("parent", "Cơ quan chủ quản", "Parent body", parent)),
    sparse(text!("place", "Địa danh", "Place", place)),
    sparse(text!("signer_title", "Chức vụ người ký", "Signer's title", signer_title)),
];

pub static COUNCIL: [Field<Council>; 5] = [
    text!(
        "decision_no",
        "Số quyết định thành lập Hội đồng",
        "Number of the decision setting up the council",
        decision_no
    ),
    date!(
        "decision_date",
        "Ngày quyết định thành lập Hội đồng",
        "Date of the decision setting up the council",
        decision_date
    ),
    choice!(
        "method",
        "Hình thức thẩm định (họp hoặc lấy ý kiến bằng văn bản)",
        "How the council appraised",
        method,
        Method
    ),
    date!("date", "Ngày thẩm định", "Date of the appraisal", date),
    group!("members", "Thành viên Hội đồng", "Council members"),
];

pub static MEMBER: [Field<Member>; 4] = [
    text!("name", "Họ và tên", "Name", name),
    choice!("role", "Nhiệm vụ trong Hội đồng", "Role in the council", role, Role),
    text!("organisation", "Cơ quan, tổ chức", "Organisation", organisation),
    sparse(text!("group", "Thành phần theo Thông tư", "Group under the Circular", group)),
];

pub static RECEIVED: [Field<Received>; 6] = [
    sparse(text!("file", "Tên tệp", "File name", file)),
    date!("received", "Ngày nhận hồ sơ", "Date received", received),
    choice!("channel", "Hình thức nhận hồ sơ", "How it was received", channel, Channel),
    text!("sha256", "Mã SHA-256 của hồ sơ", "SHA-256 of the dossier", sha256),
    group!("dossier", "Hồ sơ của đơn vị", "The unit's dossier"),
    group!("appraisal", "Kết quả thẩm định", "Appraisal"),
];

pub static APPRAISAL: [Field<CouncilAppraisal>; 5] = [
    group!("indicators", "Kết quả thẩm định các chỉ tiêu", "Verdicts by indicator"),
    choice!("outcome", "Kết luận của Hội đồng", "The council's conclusion", outcome, Outcome),
    Field {
        key: "level",
        label: ("Mức độ đề nghị công nhận", "Level to recognise"),
        kind: Kind::Level,
        sparse: false,
        get: |a| level_key(a.level),
        set: |a, v| {
            if let Some(l) = level_of(v) {
                a.level = l
            }
        },
    },
    choice!("kind", "Hình thức công nhận", "Form of recognition", kind, Form),
    sparse(text!("note", "Ý kiến của Hội đồng", "The council's note", note)),
];

pub static VERDICT: [Field<IndicatorVerdict>; 2] = [
    choice!("verdict", "Kết quả thẩm định", "Verdict", verdict, Verdict),
    text!("note", "Ghi chú của Hội đồng", "The council's note", note),
];

pub static DECISION: [Field<Decision>; 2] = [
    text!("number", "Số quyết định công nhận", "Decision number", number),
    date!("date", "Ngày quyết định công nhận", "Decision date", date),
];

pub static REJECTED: [Field<Rejected>; 6] = [
    text!("file", "Tên tệp", "File name", file),
    date!("received", "Ngày nhận", "Date received", received),
    choice!("channel", "Hình thức nhận", "How it was received", channel, Channel),
    text!("sha256", "Mã SHA-256 của tệp", "SHA-256 of the file", sha256),
    text!("reason", "Lý do không tiếp nhận", "Why it was not taken in", reason),
    text!("found", "Giá trị tìm thấy", "Value found", found),
];

/// A recognition in the register kept across years (`dvht-register`).
pub static RECOGNITION: [Field<Recognition>; 9] = [
    text!("unit", "Tên đơn vị", "Unit", unit),
    text!("kind", "Loại đơn vị", "Kind of unit", kind),
    Field {
        key: "scope",
        label: ("Cấp (huyện/tỉnh)", "Scope"),
        kind: Kind::Choice(&SCOPES),
        sparse: false,
        get: |r| Value::Key(r.scope.map(Scope::key)),
        set: |r, v| {
            if let Value::Key(k) = v {
                r.scope = k.and_then(Scope::from_key)
            }
        },
    },
    Field {
        key: "level",
        label: ("Mức độ được công nhận", "Level recognised"),
        kind: Kind::Level,
        sparse: false,
        get: |r| level_key(r.level),
        set: |r, v| {
            if let Some(l) = level_of(v) {
                r.level = l
            }
        },
    },
    choice!("form", "Hình thức công nhận", "Form of recognition", form, Form),
    Field {
        key: "year",
        label: ("Năm đánh giá được công nhận", "Assessed year recognised"),
        kind: Kind::Number,
        sparse: false,
        get: |r| Value::Number(r.year),
        set: |r, v| {
            if let Value::Number(n) = v {
                r.year = n
            }
        },
    },
    text!("decision_no", "Số quyết định công nhận", "Decision number", decision_no),
    date!("decision_date", "Ngày quyết định công nhận", "Decision date", decision_date),
    sparse(text!("body", "Cơ quan trình công nhận", "Body that proposed it", body)),
];

/// A unit in the year's report (`dvht-report`).
pub static REPORT_UNIT: [Field<ReportUnit>; 10] = [
    text!("name", "Tên đơn vị", "Unit", name),
    text!("kind", "Loại đơn vị", "Kind of unit", kind),
    Field {
        key: "scope",
        label: ("Cấp (huyện/tỉnh)", "Scope"),
        kind: Kind::Choice(&SCOPES),
        sparse: false,
        get: |r| Value::Key(r.scope.map(Scope::key)),
        set: |r, v| {
            if let Value::Key(k) = v {
                r.scope = k.and_then(Scope::from_key)
            }
        },
    },
    choice!("outcome", "Kết quả", "Outcome", outcome, Outcome),
    Field {
        key: "level",
        label: ("Mức độ", "Level"),
        kind: Kind::Level,
        sparse: false,
        get: |r| level_key(r.level),
        set: |r, v| {
            if let Some(l) = level_of(v) {
                r.level = l
            }
        },
    },
    choice!("form", "Hình thức công nhận", "Form of recognition", form, Form),
    text!("decision_no", "Số quyết định công nhận", "Decision number", decision_no),
    date!("decision_date", "Ngày quyết định công nhận", "Decision date", decision_date),
    group!("reasons", "Lý do không công nhận", "Reasons for refusal"),
    text!("note", "Ghi chú", "Note", note),
];

pub static REASON: [Field<Reason>; 2] =
    [text!("indicator", "Chỉ tiêu", "Indicator", indicator), text!("note", "Lý do", "Reason", note)];

/// The top-level keys of the register and report files, besides `format`, `version`, `ruleset`.
pub static OTHER_TOP: [(&str, (&str, &str)); 9] = [
    ("province", ("Tỉnh, thành phố", "Province")),
    ("recognitions", ("Danh sách quyết định công nhận", "Recognitions")),
    ("units", ("Danh sách đơn vị", "Units")),
    ("expiring", ("Công nhận hết hiệu lực trong năm", "Recognitions expiring")),
    ("received", ("Số hồ sơ đã nhận", "Dossiers received")),
    ("on_time", ("Số hồ sơ nộp đúng hạn", "Dossiers on time")),
    ("sources", ("Báo cáo tổng hợp từ", "Reports merged")),
    ("body", ("Cơ quan báo cáo", "Reporting body")),
    ("scope", ("Cấp (huyện/tỉnh)", "Scope")),
];

fn rows<T>(t: &'static [Field<T>]) -> Vec<(&'static str, (&'static str, &'static str))> {
    t.iter().map(|f| (f.key, f.label)).collect()
}

/// The rows of the record a path pattern names (indices written `[]`): `"council.members[]"`.
fn table(pattern: &str) -> Option<Vec<(&'static str, (&'static str, &'static str))>> {
    Some(match pattern {
        "body" => rows(&BODY),
        "council" => rows(&COUNCIL),
        "council.members[]" => rows(&MEMBER),
        "dossiers[]" => rows(&RECEIVED),
        "dossiers[].appraisal" => rows(&APPRAISAL),
        "dossiers[].appraisal.indicators.*" => rows(&VERDICT),
        "decision" => rows(&DECISION),
        "rejected[]" => rows(&REJECTED),
        "recognitions[]" | "expiring[]" => rows(&RECOGNITION),
        "units[]" => rows(&REPORT_UNIT),
        "units[].reasons[]" => rows(&REASON),
        _ => return None,
    })
}

/// Where a path of the receiving side's files points: the record pattern, the key inside it,
/// the indices of the lists on the way, and an indicator id, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    pub pattern: String,
    pub key: &'a str,
    pub indices: Vec<(&'a str, usize)>,
    pub indicator: Option<&'a str>,
}

/// Splits `dossiers[3].appraisal.indicators.2.1.verdict` into its record pattern
/// (`dossiers[].appraisal.indicators.*`), its key (`verdict`), its indices (`dossiers`, 3) and
/// its indicator (`2.1`). A path into an embedded dossier stops at `dossier`.
pub fn place(path: &str) -> Place<'_> {
    let mut pattern = String::new();
    let mut indices = Vec::new();
    let mut indicator = None;
    let mut rest = path;
    loop {
        // An indicator id has dots of its own: take everything up to the verdict's key.
        if pattern.ends_with(".indicators") {
            let (id, key) = match rest.rsplit_once('.') {
                Some((id, key)) if VERDICT.iter().any(|f| f.key == key) => (id, key),
                _ => (rest, ""),
            };
            indicator = Some(id);
            pattern.push_str(".*");
            return Place { pattern, key, indices, indicator };
        }
        let (segment, tail) = match rest.split_once('.') {
            Some((s, t)) => (s, Some(t)),
            None => (rest, None),
        };
        let (name, index) = match segment.split_once('[') {
            Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        match (tail, index) {
            (None, None) => return Place { pattern, key: name, indices, indicator },
            (tail, index) => {
                if !pattern.is_empty() {
                    pattern.push('.');
                }
                pattern.push_str(name);
                if let Some(i) = index {
                    pattern.push_str("[]");
                    indices.push((name, i));
                }
                match tail {
                    Some(t) if name == "dossier" => return Place { pattern, key: t, indices, indicator },
                    Some(t) => rest = t,
                    None => return Place { pattern, key: "", indices, indicator },
                }
            }
        }
    }
}

/// The label of a field of the receiving side's files, Vietnamese and English.
pub fn label(path: &str) -> Option<(&'static str, &'static str)> {
    let p = place(path);
    if p.pattern.is_empty() {
        return TOP.iter().chain(OTHER_TOP.iter()).find(|(k, _)| *k == p.key).map(|(_, l)| *l);
    }
    if p.key.is_empty() {
        // A whole record: its own row in the record above, or a top-level key.
        let (parent, own) = match p.pattern.rsplit_once('.') {
            Some((parent, own)) => (parent.to_string(), own.trim_end_matches("[]")),
            None => (String::new(), p.pattern.trim_end_matches("[]")),
        };
        if parent.is_empty() {
            return TOP.iter().chain(OTHER_TOP.iter()).find(|(k, _)| *k == own).map(|(_, l)| *l);
        }
        return table(&parent)?.into_iter().find(|(k, _)| *k == own).map(|(_, l)| l);
    }
    table(&p.pattern)?.into_iter().find(|(k, _)| *k == p.key).map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_and_name_their_fields() {
        let p = place("dossiers[3].appraisal.indicators.2.1.verdict");
        assert_eq!(p.pattern, "dossiers[].appraisal.indicators.*");
        assert_eq!((p.key, p.indicator, p.indices.clone()), ("verdict", Some("2.1"), vec![("dossiers", 3)]));
        assert_eq!(label("dossiers[3].appraisal.indicators.2.1.verdict").unwrap().0, "Kết quả thẩm định");
        assert_eq!(label("council.members[0].role").unwrap().0, "Nhiệm vụ trong Hội đồng");
        assert_eq!(label("council.members[0]").unwrap().0, "Thành viên Hội đồng");
        assert_eq!(label("body.name").unwrap().0, "Tên cơ quan tiếp nhận");
        assert_eq!(label("dossiers[2].received").unwrap().0, "Ngày nhận hồ sơ");
        assert_eq!(label("dossiers").unwrap().0, "Hồ sơ đã tiếp nhận");
        assert_eq!(label("decision.date").unwrap().0, "Ngày quyết định công nhận");
        assert_eq!(label("recognitions[4].decision_no").unwrap().0, "Số quyết định công nhận");
        assert_eq!(label("units[1].reasons[0].note").unwrap().0, "Lý do");
        let d = place("dossiers[7].dossier.counts.members");
        assert_eq!((d.pattern.as_str(), d.key), ("dossiers[].dossier", "counts.members"));
        assert_eq!(label("nope.x"), None);
        assert_eq!(label("dossiers[1].nope"), None);
    }
}
