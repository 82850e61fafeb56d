//! Turning bytes someone hands us (a file, standard input, a dropped file)
//! into text to review, with a clear reason when they are not text. Shared by
//! the CLI and the web app so both refuse the same things the same way.

use std::fmt;

/// The largest input reviewed: far beyond any real postmortem (a long one is
/// 50 KB), small enough that a mistaken paste of a log dump stays responsive.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound,
    Directory,
    Unreadable(String),
    TooLarge(usize),
    Binary,
    /// Text saved as UTF-16 (with its byte order mark), as Windows tools
    /// save "Unicode" text: refused by name, not called binary.
    Utf16,
    NotUtf8 { valid_up_to: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => write!(f, "no such file"),
            Self::Directory => write!(f, "is a directory, not a file"),
            Self::Unreadable(why) => write!(f, "cannot be read: {why}"),
            // Whole kilobytes: float formatting would cost the web app 8 KB.
            Self::TooLarge(n) => write!(
                f,
                "is too large to review ({} KB; the limit is {} MB)",
                n.div_ceil(1024),
                MAX_BYTES / 1_048_576
            ),
            Self::Binary => write!(f, "looks like a binary file, not Markdown or plain text"),
            Self::Utf16 => write!(f, "is UTF-16 text; save it as UTF-8 and try again"),
            Self::NotUtf8 { valid_up_to } => write!(
                f,
                "is not valid UTF-8 text (first bad byte at offset {valid_up_to}); save it as UTF-8 and try again"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Accepts UTF-8 text; refuses binary data, invalid UTF-8 and oversized input.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_BYTES {
        return Err(InputError::TooLarge(bytes.len()));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(InputError::Utf16);
    }
    if looks_binary(bytes) {
        return Err(InputError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(InputError::NotUtf8 {
            valid_up_to: e.valid_up_to(),
        }),
    }
}

/// A NUL byte, or many control characters, in the first 8 KB: what `file`
/// and git use to tell binary from text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_accepted() {
        assert_eq!(decode("# Outage\nWe broke it. 日本".as_bytes()).unwrap(), "# Outage\nWe broke it. 日本");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(InputError::Binary));
    }

    #[test]
    fn utf16_text_is_refused_by_name() {
        let notepad: Vec<u8> = [0xff, 0xfe].into_iter().chain("We broke it.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&notepad), Err(InputError::Utf16));
    }

    #[test]
    fn invalid_utf8_is_refused_with_its_offset() {
        assert_eq!(decode(b"ok \xff\xfe"), Err(InputError::NotUtf8 { valid_up_to: 3 }));
    }

    #[test]
    fn oversized_input_is_refused() {
        assert!(matches!(decode(&vec![b'a'; MAX_BYTES + 1]), Err(InputError::TooLarge(_))));
    }
}
