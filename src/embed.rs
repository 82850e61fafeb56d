//! The embedding protocol: how a host page (a wiki) that puts the reviewer
//! in an `<iframe>` talks to it with `postMessage`. Pure Rust, so every rule
//! about what is accepted is tested natively; the web app only moves
//! messages between the browser and these functions.
//!
//! The iframe URL says which origins may talk to it:
//! `index.html?embed=1&host=https://wiki.example.com` (several `host`
//! parameters, or one with origins separated by commas, are allowed).
//!
//! Host → reviewer: `{"type": "postmortem-reviewer:load", "text": "…"}`.
//! Reviewer → host: `{"type": "postmortem-reviewer:ready"}` once it listens,
//! and `{"type": "postmortem-reviewer:review", "review": {…}}` whenever the
//! review changes, where `review` is the CLI's JSON contract.

use crate::drafts::json;
use crate::engine::Review;

pub const LOAD: &str = "postmortem-reviewer:load";
pub const READY: &str = "postmortem-reviewer:ready";
pub const REVIEW: &str = "postmortem-reviewer:review";

/// The largest text a host may load, as for a dropped file.
const MAX_TEXT_BYTES: usize = crate::input::MAX_BYTES;

/// What the page's URL asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// `?embed=1`: the compact layout for an iframe.
    pub compact: bool,
    /// Origins allowed to send text and to receive reviews.
    pub hosts: Vec<String>,
}

/// Reads `?embed=1&host=…` from a URL's query string (with or without `?`).
pub fn config_from_query(query: &str) -> EmbedConfig {
    let mut config = EmbedConfig::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "embed" => config.compact = matches!(value.as_str(), "1" | "true" | "yes"),
            "host" => config.hosts.extend(value.split(',').filter_map(normalise_origin)),
            _ => {}
        }
    }
    config.hosts.dedup();
    config
}

/// An origin is a scheme, a host and maybe a port, nothing more:
/// "https://wiki.example.com". A path, a wildcard or "null" is refused, so a
/// typo cannot open the reviewer to every page.
fn normalise_origin(origin: &str) -> Option<String> {
    let origin = origin.trim().trim_end_matches('/');
    let (scheme, rest) = origin.split_once("://")?;
    let scheme_ok = matches!(scheme, "http" | "https");
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    (scheme_ok && host_ok).then(|| origin.to_ascii_lowercase())
}

impl EmbedConfig {
    pub fn allows(&self, origin: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(origin))
    }
}

/// What a host asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    Load { text: String },
}

/// Why a message was ignored; the app logs it as a console warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    OriginNotAllowed(String),
    Malformed(String),
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::OriginNotAllowed(origin) => write!(
                f,
                "Postmortem Reviewer ignored a message from {origin}: that origin is not in this page's ?host= list"
            ),
            Self::Malformed(why) => write!(f, "Postmortem Reviewer ignored a malformed message: {why}"),
        }
    }
}

/// Checks a message's origin and shape. `data` is the message as JSON.
pub fn accept(config: &EmbedConfig, origin: &str, data: &str) -> Result<HostMessage, Rejection> {
    if !config.allows(origin) {
        return Err(Rejection::OriginNotAllowed(origin.to_string()));
    }
    // The drafts' small reader, not serde_json's: the app then compiles no
    // JSON deserializer (nor its float parsing) into the WebAssembly.
    let value = json::parse(data).ok_or_else(|| Rejection::Malformed("not a JSON object".into()))?;
    let kind = value
        .get("type")
        .and_then(json::Json::as_str)
        .ok_or_else(|| Rejection::Malformed("no \"type\"".into()))?;
    match kind {
        LOAD => {
            let text = value
                .get("text")
                .and_then(json::Json::as_str)
                .ok_or_else(|| Rejection::Malformed(format!("\"{LOAD}\" needs a string \"text\"")))?;
            if text.len() > MAX_TEXT_BYTES {
                return Err(Rejection::Malformed(format!(
                    "the text is over {} MB",
                    MAX_TEXT_BYTES / 1_048_576
                )));
            }
            Ok(HostMessage::Load { text: text.to_string() })
        }
        other => Err(Rejection::Malformed(format!("unknown type \"{other}\""))),
    }
}

pub fn ready_message() -> String {
    format!(r#"{{"type":"{READY}"}}"#)
}

/// The review, as the CLI prints it (compact), wrapped for the host. Written
/// straight from the review rather than through a `serde_json::Value`, which
/// would compile the Value serializer into the WebAssembly for one wrapper.
pub fn review_message(review: &Review) -> String {
    let review = crate::json_text::compact(review);
    format!(r#"{{"type":"{REVIEW}","review":{review}}}"#)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn wiki() -> EmbedConfig {
        config_from_query("?embed=1&host=https%3A%2F%2Fwiki.example.com")
    }

    #[test]
    fn the_query_names_the_layout_and_the_hosts() {
        let c = config_from_query("embed=1&host=https://wiki.example.com,http://localhost:8080&host=https://b.example");
        assert!(c.compact);
        assert_eq!(c.hosts, ["https://wiki.example.com", "http://localhost:8080", "https://b.example"]);
        assert_eq!(config_from_query(""), EmbedConfig::default());
    }

    #[test]
    fn wildcards_paths_and_null_are_not_origins() {
        let c = config_from_query("host=*&host=null&host=https://a.example/path&host=javascript:alert(1)");
        assert!(c.hosts.is_empty(), "{:?}", c.hosts);
    }

    #[test]
    fn text_from_an_allowed_host_is_loaded() {
        let msg = r#"{"type":"postmortem-reviewer:load","text":"We broke it."}"#;
        assert_eq!(
            accept(&wiki(), "https://wiki.example.com", msg),
            Ok(HostMessage::Load { text: "We broke it.".into() })
        );
    }

    #[test]
    fn a_message_from_another_origin_is_ignored() {
        let msg = r#"{"type":"postmortem-reviewer:load","text":"x"}"#;
        assert!(matches!(accept(&wiki(), "https://evil.example", msg), Err(Rejection::OriginNotAllowed(_))));
        assert!(matches!(accept(&EmbedConfig::default(), "https://wiki.example.com", msg), Err(Rejection::OriginNotAllowed(_))));
    }

    #[test]
    fn malformed_messages_are_ignored_with_a_reason() {
        for msg in ["nonsense", "42", r#"{"text":"x"}"#, r#"{"type":"postmortem-reviewer:load"}"#, r#"{"type":"postmortem-reviewer:load","text":7}"#, r#"{"type":"other"}"#] {
            assert!(matches!(accept(&wiki(), "https://wiki.example.com", msg), Err(Rejection::Malformed(_))), "{msg}");
        }
    }

    #[test]
    fn outgoing_messages_carry_the_cli_contract() {
        let review = crate::engine::review("We broke it at 10:00 UTC.");
        let v: Value = serde_json::from_str(&review_message(&review)).unwrap();
        assert_eq!(v["type"], REVIEW);
        assert_eq!(v["review"]["criteria"][0]["id"], "P1");
        assert_eq!(v["review"], serde_json::from_str::<Value>(&review.to_json()).unwrap());
        let ready: Value = serde_json::from_str(&ready_message()).unwrap();
        assert_eq!(ready, serde_json::json!({ "type": READY }));
    }

    #[test]
    fn escapes_and_nesting_in_a_host_message_are_read() {
        let msg = r#" { "text": "line\n\"quoted\" \u00e9", "type" : "postmortem-reviewer:load", "extra": [1, {"a": null}] } "#;
        assert_eq!(
            accept(&wiki(), "https://wiki.example.com", msg),
            Ok(HostMessage::Load { text: "line\n\"quoted\" é".into() })
        );
    }
}
