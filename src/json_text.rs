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

/// `value` as indented JSON.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| unreachable!("the crate's types always serialise"))
}
