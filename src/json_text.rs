//! The JSON text of the crate's own types (reviews, drafts, backups).
//!
//! Serialising them cannot fail: every map key is a string and no impl
//! returns an error. So a failure panics without formatting serde_json's
//! error, as `.expect()` would: its `Debug` compiles serde_json's parse
//! error messages and std's I/O error texts into the WebAssembly, for a
//! panic that never happens.

use serde::Serialize;

/// `value` as compact JSON.
pub fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("the crate's types always serialise"))
}

/// `value` as indented JSON, byte for byte as `serde_json::to_string_pretty`
/// writes it. Indented from the compact text rather than by serde_json's
/// pretty formatter: every type serialised both ways (a review, a draft)
/// would compile its whole serialisation twice into the WebAssembly.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    indent(&compact(value))
}

/// Compact JSON (no whitespace outside strings) laid out as serde_json's
/// pretty formatter does: one value or member per line, two spaces per
/// level, `": "` after a key, `[]` and `{}` when empty.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let mut chars = compact.chars().peekable();
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                if let Some(&close @ ('}' | ']')) = chars.peek() {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth -= 1;
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_as_serde_json_does() {
        let value = serde_json::json!({
            "empty": { "list": [], "map": {} },
            "quotes": ["a \"b\" c", "\\", "{[,:]}", "é\n\u{1}"],
            "numbers": [0.91, -3, 1e300],
            "flags": [true, false, null],
        });
        assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(pretty(&serde_json::json!([])), "[]");
        assert_eq!(pretty(&serde_json::json!("x")), "\"x\"");
    }
}
