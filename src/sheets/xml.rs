//! Just enough XML to read a workbook: a scanner over start tags, end tags and text, names
//! without their namespace prefix (`x:c` is `c`), attributes on request, the five named
//! entities and character references. No DTD is read and no other entity is expanded, so no
//! document can make it do more work than its own length.

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`: the local name, the raw attributes, and whether it
    /// closes itself.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Text between tags, still escaped.
    Text(&'a str),
    /// The content of a CDATA section, as it is.
    Cdata(&'a str),
}

/// The tokens of a document, in order. Malformed input ends the scan early; it never panics.
pub struct Scanner<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(s: &'a str) -> Scanner<'a> {
        Scanner { s, pos: 0 }
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Token::Text(&rest[..len]));
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>")?;
                self.pos += 9 + end + 3;
                return Some(Token::Cdata(&body[..end]));
            }
            // Comments, processing instructions and declarations are skipped.
            let skip = if rest.starts_with("<!--") {
                Some(rest.find("-->")? + 3)
            } else if rest.starts_with("<?") {
                Some(rest.find("?>")? + 2)
            } else if rest.starts_with("<!") {
                Some(rest.find('>')? + 1)
            } else {
                None
            };
            if let Some(n) = skip {
                self.pos += n;
                continue;
            }
            let end = tag_end(rest)?;
            self.pos += end + 1;
            let inner = &rest[1..end];
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Token::End { name: local(name.trim()) });
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let split = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            return Some(Token::Start { name: local(&inner[..split]), attrs: &inner[split..], empty });
        }
    }
}

/// The index of the `>` that closes the tag at the start of `s`, outside quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` (matched by local name), unescaped.
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = &after[1..];
        let close = body.find(q)?;
        if local(key) == name {
            return Some(unescape(&body[..close]));
        }
        rest = &body[close + 1..];
    }
}

/// Text with `&amp; &lt; &gt; &quot; &apos;` and `&#NN;`/`&#xNN;` replaced; anything else
/// is kept as written.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => {
                let code = match e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => e.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                code.and_then(char::from_u32)
            }
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_names_and_attributes() {
        let xml = "<?xml version=\"1.0\"?><!-- c --><x:row r=\"2\" spans='1:3'><x:c r=\"A2\" t=\"s\"><v>0</v></x:c><c r=\"B2\"/><![CDATA[a<b]]>&amp;</x:row>";
        let t: Vec<Token> = Scanner::new(xml).collect();
        assert_eq!(t[0], Token::Start { name: "row", attrs: " r=\"2\" spans='1:3'", empty: false });
        assert_eq!(attr(" r=\"2\" spans='1:3'", "spans").as_deref(), Some("1:3"));
        assert_eq!(t[1], Token::Start { name: "c", attrs: " r=\"A2\" t=\"s\"", empty: false });
        assert_eq!(t[2], Token::Start { name: "v", attrs: "", empty: false });
        assert_eq!(t[3], Token::Text("0"));
        assert_eq!(t[6], Token::Start { name: "c", attrs: " r=\"B2\"", empty: true });
        assert_eq!(t[7], Token::Cdata("a<b"));
        assert_eq!(t[8], Token::Text("&amp;"));
        assert_eq!(t[9], Token::End { name: "row" });
        assert_eq!(attr(" a:r=\"x &gt; y\"", "r").as_deref(), Some("x > y"));
        assert_eq!(attr(" ref=\"1\"", "r"), None);
    }

    #[test]
    fn entities() {
        assert_eq!(unescape("a &lt;b&gt; &amp; &quot;c&quot; &apos;"), "a <b> & \"c\" '");
        assert_eq!(unescape("&#7841;&#x1EA1;"), "ạạ");
        assert_eq!(unescape("&unknown; & &#xZZ; &#99999999;"), "&unknown; & &#xZZ; &#99999999;");
    }

    #[test]
    fn broken_xml_ends_the_scan() {
        for s in ["<a", "<a b=\">", "<![CDATA[x", "<!-- x", "text", "<>", "</", "<a/><"] {
            let _ = Scanner::new(s).count();
        }
    }
}
