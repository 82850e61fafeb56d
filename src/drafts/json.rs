//! A small JSON reader for stored drafts, backups and share links. serde's
//! deserializer would compile tens of kilobytes of parsing (floats among
//! them) into the WebAssembly for these few values; drafts need only
//! strings, whole numbers, objects and arrays. Writing stays with
//! `serde_json`'s serializer, which the app has anyway.

/// A parsed JSON value. Numbers keep their text: drafts read only whole
/// numbers, and a number this version does not need is kept as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// In the order written; a repeated key's first value counts.
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole, non-negative number that fits in 64 bits.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Nesting deeper than this is refused rather than risk the stack on a
/// hostile backup file; drafts nest four levels.
const MAX_DEPTH: usize = 64;

/// The value `text` holds, with nothing but whitespace around it.
pub fn parse(text: &str) -> Option<Json> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    (reader.at == text.len()).then_some(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        self.text[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Object(fields));
                }
                loop {
                    self.skip_space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Json::Object(fields));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Json::Array(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Json::String),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            _ => self.number(),
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole = self.at;
        if !digits(self) || (self.text.as_bytes()[whole] == b'0' && self.at - whole > 1) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(Json::Number(self.text[start..self.at].to_string()))
    }

    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character: all ASCII, so the slice ends on a char boundary.
            let run = self.text[self.at..].find(|c: char| c == '"' || c == '\\' || c < ' ')?;
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek()?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                _ => return None,
            }
        }
    }

    /// After `\u`: four hex digits, or a surrogate pair written as two.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high);
        }
        if !self.text[self.at..].starts_with("\\u") {
            return None;
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        let n = u32::from_str_radix(digits, 16).ok().filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))?;
        self.at += 4;
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_writes() {
        let value = serde_json::json!({
            "s": "quote \" backslash \\ newline \n tab \t nul \u{0} é 😀",
            "n": 1733000000000u64, "neg": -3, "f": 1.5e-3, "t": true, "nothing": null,
            "list": [1, [], {}], "nested": {"a": {"b": "c"}},
        });
        let parsed = parse(&serde_json::to_string_pretty(&value).unwrap()).unwrap();
        assert_eq!(parsed.get("s").unwrap().as_str(), value["s"].as_str());
        assert_eq!(parsed.get("n").unwrap().as_u64(), Some(1733000000000));
        assert_eq!(parsed.get("neg").unwrap().as_u64(), None);
        assert_eq!(parsed.get("f"), Some(&Json::Number("0.0015".into())));
        assert_eq!(parsed.get("t"), Some(&Json::Bool(true)));
        assert_eq!(parsed.get("nothing"), Some(&Json::Null));
        assert_eq!(parsed.get("list").unwrap().as_array().unwrap().len(), 3);
        assert_eq!(parsed.get("nested").and_then(|n| n.get("a")).and_then(|a| a.get("b")).and_then(Json::as_str), Some("c"));
    }

    #[test]
    fn reads_escapes_other_writers_use() {
        assert_eq!(parse(r#""\u00e9\ud83d\ude00\/""#), Some(Json::String("é😀/".into())));
        assert_eq!(parse(r#""\ud83d""#), None, "a lone surrogate");
        assert_eq!(parse(r#""\uZZZZ""#), None);
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "[1 2]", "01", "-", "1.", "1e", "tru", "\"open",
            "\"raw\ncontrol\"", "{} {}", "'single'", "{a:1}", "\"\\x\"",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse(&"[".repeat(100_000)), None, "deep nesting is refused, not a stack overflow");
        assert_eq!(parse(" [ 0 , -0.5 ] "), Some(Json::Array(vec![Json::Number("0".into()), Json::Number("-0.5".into())])));
    }
}
