//! JSON values as text, byte for byte as serde_json writes them (`to_string_pretty` and
//! `to_string`), without linking serde_json's serializer: the app's first module writes every
//! draft and export through here (issue 12). Numbers print through `Number`'s own `Display`,
//! which is serde_json's float formatting, so a file written here reads back to the same bytes.

use serde_json::Value as Json;

/// Two-space indentation, `"key": value`, one element per line; `[]` and `{}` when empty.
pub fn pretty(v: &Json) -> String {
    let mut out = String::new();
    write(v, Some(0), &mut out);
    out
}

/// No whitespace at all: `{"a":[1,2]}`.
pub fn compact(v: &Json) -> String {
    let mut out = String::new();
    write(v, None, &mut out);
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Writes `v`; `indent` is the current depth when pretty, `None` when compact. Nesting is
/// bounded by the file's limits (`limits::MAX_DEPTH`), so the recursion is too.
fn write(v: &Json, indent: Option<usize>, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                write(item, indent.map(|d| d + 1), out);
            }
            if let (Some(d), false) = (indent, items.is_empty()) {
                newline(out, d);
            }
            out.push(']');
        }
        Json::Object(map) => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                string(key, out);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(value, indent.map(|d| d + 1), out);
            }
            if let (Some(d), false) = (indent, map.is_empty()) {
                newline(out, d);
            }
            out.push('}');
        }
    }
}

/// A JSON string as serde_json escapes it: the quote, the backslash and the control
/// characters; everything else as it is.
fn string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as usize;
                out.push_str("\\u00");
                out.push(HEX[b >> 4] as char);
                out.push(HEX[b & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(v: &Json) {
        assert_eq!(pretty(v), serde_json::to_string_pretty(v).unwrap(), "{v:?}");
        assert_eq!(compact(v), serde_json::to_string(v).unwrap(), "{v:?}");
    }

    #[test]
    fn writes_what_serde_json_writes() {
        for v in [
            json!(null),
            json!(true),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [1, 2.5, -3, 1e300, 1e-7, 0.1, -0.0, 18446744073709551615u64, -9223372036854775808i64]}),
            json!({"text": "Đơn vị \"học tập\"\\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}/ — ✓ 𝄞"}),
            json!({"nested": {"list": [{"x": null}, "y", false], "empty": ""}}),
            json!(12.0),
            json!(123456789012345680000.0),
            json!(5e-324),
            json!(f64::MAX),
        ] {
            both(&v);
        }
        // Every dossier of the fixtures, and a draft record.
        for name in ["spec-example", "complete-thpt", "incomplete-ubnd-xa", "invalid-thpt", "fuzz-float-roundtrip"] {
            let text =
                std::fs::read_to_string(format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
            both(&serde_json::from_str(&text).unwrap());
        }
    }

    #[test]
    fn every_float_prints_as_serde_json_prints_it() {
        // A small generator over the bit patterns of f64 (finite values only, as JSON has).
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let f = f64::from_bits(seed);
            if f.is_finite() {
                both(&json!(f));
            }
        }
    }
}
