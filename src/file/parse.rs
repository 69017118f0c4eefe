//! JSON text to a `serde_json::Value`, as strict as the file format and no more, within the
//! limits of `limits.rs`:
//!
//! - iterative, not recursive: any nesting is refused at [`MAX_DEPTH`] without touching the
//!   stack, and the work is linear in the bytes, every limit checked as it is reached;
//! - a key given twice in one object: the later value wins, as in serde_json, and a warning
//!   names the field;
//! - a number too large for a 64-bit float (`1e400`) is kept as its text, with a warning naming
//!   the field, instead of making the whole file "not JSON";
//! - an escaped lone surrogate (`"\ud800"`) becomes U+FFFD, as browsers do.
//!
//! Numbers are read by serde_json itself (`float_roundtrip`), so they are exactly what they
//! were; objects keep their order (`preserve_order`), so files without repeated keys read to the
//! same value as before and write back to the same bytes.

use serde_json::map::Entry;
use serde_json::{Map, Number, Value as Json};

use super::limits::{self, MAX_DEPTH, MAX_KEYS, MAX_TEXT_CHARS, MAX_VALUES};
use crate::diagnostic::{Limit, Message};

/// A parsed file and the warnings found on the way, each with the path it concerns.
#[derive(Debug)]
pub struct Parsed {
    pub value: Json,
    pub warnings: Vec<(String, Message)>,
}

/// Why a file cannot be parsed: the path (empty: the file) and the message.
pub type Failure = (String, Message);

enum Frame {
    Array(Vec<Json>),
    /// The object so far and the key whose value is being read.
    Object(Map<String, Json>, String),
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    stack: Vec<Frame>,
    values: usize,
    warnings: Vec<(String, Message)>,
    /// Levels of nesting around the dossier (1 for a stored record that holds one).
    wrapping: usize,
}

/// Parses JSON text within the limits of a dossier file.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Failure> {
    parse_wrapped(bytes, 0)
}

/// Parses JSON text that holds a dossier `wrapping` levels down (a stored draft's record): the
/// limits of a file, with room for the levels and values around it (the dossier itself is
/// checked against the file's limits when it is read).
pub fn parse_wrapped(bytes: &[u8], wrapping: usize) -> Result<Parsed, Failure> {
    if bytes.len() > limits::MAX_FILE_BYTES * (1 + wrapping) {
        return Err((String::new(), limits::over(Limit::FileBytes)));
    }
    let mut p = Parser { bytes, pos: 0, stack: Vec::new(), values: 0, warnings: Vec::new(), wrapping };
    let value = p.document()?;
    Ok(Parsed { value, warnings: p.warnings })
}

impl Parser<'_> {
    /// The path of the value being read, as messages print it (`evidence.1.1[0].title`).
    fn path(&self) -> String {
        path_in(&self.stack)
    }

    fn syntax(&self) -> Failure {
        // Line and column of the offending byte, counted as serde_json counts them.
        let at = self.pos.min(self.bytes.len());
        let before = &self.bytes[..at];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = if at == self.bytes.len() { at - start } else { at - start + 1 };
        (String::new(), Message::NotJson { line, column })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Failure> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn document(&mut self) -> Result<Json, Failure> {
        'value: loop {
            // One value: a scalar completes at once, an object or list opens a frame.
            self.skip_ws();
            self.values += 1;
            if self.values > MAX_VALUES * (1 + self.wrapping) {
                return Err((self.path(), limits::over(Limit::Values)));
            }
            let mut done = match self.peek() {
                Some(b'{') | Some(b'[') => {
                    if self.stack.len() + 1 > MAX_DEPTH + self.wrapping {
                        return Err((self.path(), limits::over(Limit::Depth)));
                    }
                    let open = self.peek();
                    self.pos += 1;
                    self.skip_ws();
                    if open == Some(b'[') {
                        if self.peek() == Some(b']') {
                            self.pos += 1;
                            Json::Array(Vec::new())
                        } else {
                            self.stack.push(Frame::Array(Vec::new()));
                            continue 'value;
                        }
                    } else if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Json::Object(Map::new())
                    } else {
                        let key = self.key()?;
                        self.stack.push(Frame::Object(Map::new(), key));
                        continue 'value;
                    }
                }
                Some(b'"') => Json::String(self.string()?),
                Some(b't') => self.literal(b"true", Json::Bool(true))?,
                Some(b'f') => self.literal(b"false", Json::Bool(false))?,
                Some(b'n') => self.literal(b"null", Json::Null)?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                _ => return Err(self.syntax()),
            };
            // The value is complete: it goes into its frame, which may complete in turn.
            loop {
                let Some(frame) = self.stack.last_mut() else {
                    self.skip_ws();
                    if self.pos != self.bytes.len() {
                        return Err(self.syntax());
                    }
                    return Ok(done);
                };
                match frame {
                    Frame::Array(list) => list.push(done),
                    Frame::Object(map, key) => {
                        let repeated = match map.entry(std::mem::take(key)) {
                            Entry::Occupied(mut e) => {
                                e.insert(done);
                                Some(e.key().clone())
                            }
                            Entry::Vacant(e) => {
                                e.insert(done);
                                None
                            }
                        };
                        let too_many = map.len() > MAX_KEYS;
                        if let Some(key) = repeated {
                            self.warn_duplicate(&key);
                        }
                        if too_many {
                            let object = self.stack.len().saturating_sub(1);
                            return Err((path_in(&self.stack[..object]), limits::over(Limit::Keys)));
                        }
                    }
                }
                self.skip_ws();
                let is_array = matches!(self.stack.last(), Some(Frame::Array(_)));
                match (self.peek(), is_array) {
                    (Some(b','), true) => {
                        self.pos += 1;
                        continue 'value;
                    }
                    (Some(b','), false) => {
                        self.pos += 1;
                        self.skip_ws();
                        let key = self.key()?;
                        if let Some(Frame::Object(_, k)) = self.stack.last_mut() {
                            *k = key;
                        }
                        continue 'value;
                    }
                    (Some(b']'), true) | (Some(b'}'), false) => {
                        self.pos += 1;
                        done = match self.stack.pop() {
                            Some(Frame::Array(list)) => Json::Array(list),
                            Some(Frame::Object(map, _)) => Json::Object(map),
                            // Not reached: a frame was on the stack just above.
                            None => return Err(self.syntax()),
                        };
                    }
                    _ => return Err(self.syntax()),
                }
            }
        }
    }

    fn warn_duplicate(&mut self, key: &str) {
        // The path of the object holding the key, then the key.
        let object = self.stack.len().saturating_sub(1);
        let path = limits::join(&path_in(&self.stack[..object]), key);
        self.warnings.push((path, Message::DuplicateKey { key: key.to_string() }));
    }

    /// A key and its colon.
    fn key(&mut self) -> Result<String, Failure> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax());
        }
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Result<Json, Failure> {
        for expected in word {
            // The first byte that differs is the error, as serde_json reports it.
            if self.peek() != Some(*expected) {
                return Err(self.syntax());
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// A number, by JSON's grammar; its value as serde_json reads it, or its text if it is out
    /// of range.
    fn number(&mut self) -> Result<Json, Failure> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.syntax()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.syntax());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax());
            }
        }
        // The grammar was checked above: the text is ASCII.
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default();
        match number_value(text) {
            Some(n) => Ok(Json::Number(n)),
            None => {
                self.warnings.push((self.path(), Message::NumberOutOfRange { found: text.to_string() }));
                Ok(Json::String(text.to_string()))
            }
        }
    }

    /// A string, after its opening quote.
    fn string(&mut self) -> Result<String, Failure> {
        let start = self.pos;
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        let mut chars = 0usize;
        loop {
            // A run of plain bytes, copied at once.
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                if b & 0xC0 != 0x80 {
                    chars += 1;
                }
                self.pos += 1;
            }
            out.extend_from_slice(&self.bytes[run..self.pos]);
            if chars > MAX_TEXT_CHARS {
                return Err((self.path(), limits::over(Limit::TextChars)));
            }
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return String::from_utf8(out).map_err(|_| {
                        self.pos = start;
                        self.syntax()
                    });
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    chars += 1;
                }
                // A control character or the end of the file inside a string.
                _ => return Err(self.syntax()),
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self) -> Result<char, Failure> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                return Ok(match first {
                    0xD800..=0xDBFF => {
                        // A high surrogate: its low half must follow, else it stands alone.
                        let rest = &self.bytes[self.pos..];
                        if rest.starts_with(b"\\u") {
                            let save = self.pos;
                            self.pos += 2;
                            let second = self.hex4()?;
                            if (0xDC00..=0xDFFF).contains(&second) {
                                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                                char::from_u32(c).unwrap_or('\u{FFFD}')
                            } else {
                                self.pos = save;
                                '\u{FFFD}'
                            }
                        } else {
                            '\u{FFFD}'
                        }
                    }
                    c => char::from_u32(c).unwrap_or('\u{FFFD}'),
                });
            }
            _ => return Err(self.syntax()),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, Failure> {
        let Some(four) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return Err(self.syntax());
        };
        let mut n = 0u32;
        for b in four {
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => {
                    // serde_json reads the four digits, then points at the last.
                    self.pos += 3;
                    return Err(self.syntax());
                }
            };
            n = n * 16 + u32::from(d);
        }
        self.pos += 4;
        Ok(n)
    }
}

/// The path of the value the innermost of `frames` is reading.
fn path_in(frames: &[Frame]) -> String {
    let mut out = String::new();
    for frame in frames {
        match frame {
            Frame::Array(list) => out.push_str(&format!("[{}]", list.len())),
            Frame::Object(_, key) => out = limits::join(&out, key),
        }
    }
    out
}

/// A number's value as serde_json reads it (with `float_roundtrip`): an integer that fits
/// 64 bits as that integer (but `-0`, read as the float -0.0), anything else as the nearest `f64` (correctly rounded, as the
/// standard library's parser is); `None` beyond `f64`'s range. Read here rather than by
/// serde_json's own parser, which would bring its whole deserializer into the app.
fn number_value(text: &str) -> Option<Number> {
    let integral = !text.contains(['.', 'e', 'E']);
    if integral {
        if let Ok(n) = text.parse::<u64>() {
            return Some(Number::from(n));
        }
        if let Ok(n) = text.parse::<i64>() {
            // serde_json reads a negative zero as the float -0.0.
            return if n == 0 { Number::from_f64(-0.0) } else { Some(Number::from(n)) };
        }
    }
    super::decimal::parse_f64(text).and_then(Number::from_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Json {
        parse(text.as_bytes()).map(|p| p.value).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn every_number_reads_as_serde_json_reads_it() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "1",
            "-1",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e2",
            "1E-2",
            "-0.0",
            "0.1",
            "1e308",
            "2.5e-324",
            "123456789012345678901234567890",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let f = f64::from_bits(seed);
            if f.is_finite() {
                texts.push(format!("{f:e}"));
                texts.push(format!("{f}"));
            }
            texts.push((seed as i64).to_string());
        }
        for text in texts {
            let theirs = serde_json::from_str::<Number>(&text).ok();
            assert_eq!(number_value(&text), theirs, "{text}");
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            "{}",
            "[]",
            " { \"a\" : [1, -2, 3.5, -0, 1e3, 1E-2, 0.1, 12345678901234567890, 1.7976931348623157e308], \"b\": {\"c\": null, \"d\": true, \"e\": false} } ",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 é 😀\"",
            "[[[[]]], {\"x\": [{}]}]",
            "0",
            "-1",
        ] {
            let ours = value(text);
            let theirs: Json = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses_at_the_same_place() {
        for text in [
            "",
            "{",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "[1,,2]",
            "[1 2]",
            "01",
            "1.",
            "-",
            ".5",
            "1e",
            "tru",
            "nul",
            "\"abc",
            "\"a\u{1}b\"",
            "\"\\x\"",
            "\"\\u12G4\"",
            "\"\\u12",
            "[nulx]",
            "[ttt]",
            "{\"a\": 1 \"b\": 2}",
            "{} x",
            "{1: 2}",
            "\u{feff}{}",
            "{\n  \"format\": \"dvht-dossier\",\n  \"version\": 1,,\n}",
        ] {
            let theirs = serde_json::from_str::<Json>(text).unwrap_err();
            let ours = parse(text.as_bytes()).err().unwrap_or_else(|| panic!("{text:?} was accepted"));
            assert_eq!(
                ours,
                (String::new(), Message::NotJson { line: theirs.line(), column: theirs.column() }),
                "{text:?}"
            );
        }
        assert!(parse(b"\"\xff\"").is_err(), "invalid UTF-8");
    }

    #[test]
    fn a_repeated_key_keeps_the_later_value_and_says_where() {
        let p = parse(br#"{"unit": {"name": "A", "kind": "x", "name": "B"}, "e": [{"t": 1, "t": 2}]}"#).unwrap();
        assert_eq!(p.value["unit"]["name"], "B");
        // In its first place, as serde_json keeps it.
        assert_eq!(p.value["unit"].as_object().unwrap().keys().collect::<Vec<_>>(), ["name", "kind"]);
        assert_eq!(p.value["e"][0]["t"], 2);
        assert_eq!(
            p.warnings,
            vec![
                ("unit.name".to_string(), Message::DuplicateKey { key: "name".into() }),
                ("e[0].t".to_string(), Message::DuplicateKey { key: "t".into() }),
            ]
        );
    }

    #[test]
    fn a_number_out_of_range_is_kept_as_its_text() {
        let p = parse(br#"{"x": {"big": 1e400, "small": -1E+999, "fine": 1e300}}"#).unwrap();
        assert_eq!(p.value["x"]["big"], "1e400");
        assert_eq!(p.value["x"]["small"], "-1E+999");
        assert_eq!(p.value["x"]["fine"], serde_json::json!(1e300));
        assert_eq!(p.warnings[0], ("x.big".to_string(), Message::NumberOutOfRange { found: "1e400".into() }));
        assert_eq!(p.warnings.len(), 2);
    }

    #[test]
    fn a_lone_surrogate_becomes_the_replacement_character() {
        assert_eq!(value(r#""a\ud800b""#), "a\u{FFFD}b");
        assert_eq!(value(r#""\udc00""#), "\u{FFFD}");
        assert_eq!(value(r#""\ud800\u0041""#), "\u{FFFD}A");
    }

    #[test]
    fn limits_are_met_where_they_are_passed() {
        let over = |l| limits::over(l);
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(deep(MAX_DEPTH).as_bytes()).is_ok());
        assert_eq!(parse(deep(MAX_DEPTH + 1).as_bytes()).unwrap_err().1, over(Limit::Depth));
        // Any nesting, without a stack overflow.
        let e = parse(deep(1_000_000).as_bytes()).unwrap_err();
        assert_eq!(e, ("[0]".repeat(MAX_DEPTH), over(Limit::Depth)));
        let e = parse(format!("{{\"a\": {{\"b\": {}}}}}", "{\"c\": ".repeat(40)).as_bytes()).unwrap_err();
        assert_eq!(e.1, over(Limit::Depth));
        assert!(e.0.starts_with("a.b.c.c.c"), "{}", e.0);

        let keys = |n: usize| {
            let body: Vec<String> = (0..n).map(|i| format!("\"k{i}\": []")).collect();
            format!("{{\"evidence\": {{{}}}}}", body.join(","))
        };
        assert!(parse(keys(MAX_KEYS).as_bytes()).is_ok());
        assert_eq!(parse(keys(MAX_KEYS + 1).as_bytes()).unwrap_err(), ("evidence".to_string(), over(Limit::Keys)));

        let text = |n: usize| format!("{{\"unit\": {{\"name\": \"{}\"}}}}", "é".repeat(n));
        assert!(parse(text(MAX_TEXT_CHARS).as_bytes()).is_ok());
        assert_eq!(
            parse(text(MAX_TEXT_CHARS + 1).as_bytes()).unwrap_err(),
            ("unit.name".to_string(), over(Limit::TextChars))
        );

        let values = format!("[{}]", vec!["0"; MAX_VALUES].join(","));
        assert_eq!(parse(values.as_bytes()).unwrap_err(), (format!("[{}]", MAX_VALUES - 1), over(Limit::Values)));

        let big = vec![b' '; limits::MAX_FILE_BYTES + 1];
        assert_eq!(parse(&big).unwrap_err(), (String::new(), over(Limit::FileBytes)));
    }
}
