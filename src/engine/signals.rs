//! Sentence-level recognisers that several criteria compose: passive voice,
//! negation, quantities. Each works on a sentence's lowercased prose.

use super::document::{BlockKind, Document, Hit, Sentence};
use super::lexicon::Cue;

const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't",
    "weren't", "haven't", "hasn't", "hadn't", "won't", "cannot", "can't", "nor", "none", "neither",
];

const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "being", "be", "got", "get"];

/// Common irregular past participles.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "made", "done", "taken", "given", "seen", "found", "known", "shown", "written", "run",
    "sent", "built", "brought", "caught", "held", "kept", "left", "lost", "set", "put", "hit",
    "broken", "chosen", "driven", "begun", "spent", "told", "thought", "understood", "undertaken",
    "withdrawn", "overwritten", "rewritten", "struck", "split", "shut", "cut", "read", "led",
];

fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

/// "An issue was identified", "changes were deployed": a form of *to be*
/// followed (within one adverb) by a past participle.
pub fn is_passive(text: &str) -> bool {
    let ws: Vec<&str> = words(text).collect();
    ws.windows(2).enumerate().any(|(i, w)| {
        if !BE_FORMS.contains(&w[0]) {
            return false;
        }
        let next = if w[1].ends_with("ly") {
            ws.get(i + 2).copied().unwrap_or("")
        } else {
            w[1]
        };
        is_participle(next)
    })
}

fn is_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed") && !matches!(w, "need" | "feed" | "seed" | "speed"))
        || IRREGULAR_PARTICIPLES.contains(&w)
}

/// Whether a negator stands within three words before `at` in the sentence.
pub fn negated_before(doc: &Document, s: &Sentence, at: usize) -> bool {
    let start = s.prose.start;
    let before = &doc.prose[start..at.max(start)];
    words(before)
        .rev()
        .take(3)
        .any(|w| NEGATORS.contains(&w))
}

/// The hits of one cue in a sentence that no negator precedes.
pub fn affirmed<'d>(doc: &'d Document, s: &'d Sentence, cue: Cue) -> impl Iterator<Item = &'d Hit> + 'd {
    doc.hits_in(s)
        .iter()
        .filter(move |h| h.cue == cue && !negated_before(doc, s, h.prose.start))
}

/// For each block, whether it sits under a timestamped heading ("### 16:59
/// PST", "### 07:30am - First report"): timelines written as one heading per
/// entry, whose text says what happened at that time.
pub fn under_timed_heading(doc: &Document) -> Vec<bool> {
    let mut timed = vec![false; doc.blocks.len()];
    let mut current = false;
    let mut next = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Heading(_)) {
            while next < doc.sentences.len() && doc.sentences[next].block < i {
                next += 1;
            }
            current = doc.sentences[next..]
                .iter()
                .take_while(|s| s.block == i)
                .any(|s| s.times.clocks > 0);
        } else {
            timed[i] = current;
        }
    }
    timed
}

/// Technical identifiers in a passage of the original text: code spans
/// (`` `KUBE_CTX` ``, `` `kubectl cordon` ``), snake_case names, file paths
/// and dotted paths (`/opt/docs`, `external-dns.alpha.kubernetes.io/aws-weight`)
/// and versions (`v1.35`, `1.24.0`). URLs, e-mail addresses, plain domain
/// names, dates and reStructuredText links are not identifiers.
pub fn identifiers(text: &str) -> usize {
    let b = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    // One pass: code spans count whole; other tokens are flagged while read
    // and only flagged ones are looked at again.
    while i < b.len() {
        if b[i] == b'`' {
            while i < b.len() && b[i] == b'`' {
                i += 1;
            }
            let Some(len) = b[i..].iter().position(|&c| c == b'`') else {
                break;
            };
            let inner = text[i..i + len].trim();
            if !inner.is_empty() && !inner.contains('<') && !is_domain(inner) {
                count += 1;
            }
            i += len;
            while i < b.len() && b[i] == b'`' {
                i += 1;
            }
            continue;
        }
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut flagged = false;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'`' {
            let c = b[i];
            // A full stop ends most sentences; only one inside a token flags it.
            let inner_dot = c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            flagged |= c == b'_' || c == b'/' || inner_dot || (c.is_ascii_uppercase() && i > start && b[i - 1].is_ascii_lowercase());
            i += 1;
        }
        if flagged && is_identifier(&text[start..i]) {
            count += 1;
        }
    }
    count
}

fn is_identifier(token: &str) -> bool {
    let b = token.as_bytes();
    let (mut snake, mut version, mut slashes, mut letters, mut humps) = (false, false, 0, false, 0);
    for i in 0..b.len() {
        let around = |pred: fn(&u8) -> bool| i > 0 && i + 1 < b.len() && pred(&b[i - 1]) && pred(&b[i + 1]);
        match b[i] {
            b'_' => snake |= around(u8::is_ascii_alphanumeric),
            b'.' => version |= around(u8::is_ascii_digit),
            b'/' => slashes += 1,
            b'A'..=b'Z' => {
                letters = true;
                humps += usize::from(i > 0 && b[i - 1].is_ascii_lowercase());
            }
            b'a'..=b'z' => letters = true,
            _ => {}
        }
    }
    if !(snake || version || slashes > 0 || humps >= 2) {
        return false;
    }
    let t = token.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '_'));
    if t.contains("://") || t.contains('@') || t.starts_with("www.") || t.contains("](") {
        return false;
    }
    // "/opt/x", "a/b/c", "kubernetes.io/aws-weight"; not "and/or", "grafana/mybinder.org".
    let dotted_prefix = t.find('/').is_some_and(|i| t[..i].contains('.') && i + 1 < t.len());
    let path = slashes > 0 && letters && (t.starts_with('/') || slashes >= 2 || dotted_prefix);
    // "CrashLoopBackOff", "ErrorsInExternalDNS"; not brand names like "GitHub".
    snake || version || path || humps >= 2
}

/// "mybinder.org", "beta.example.com": a name, not a detail.
fn is_domain(t: &str) -> bool {
    t.contains('.')
        && t.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        && t.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic()))
}

/// Numbers that measure something: "30%", "1,200 users", "3 of 4 nodes",
/// "500 errors". Years, versions and times of day are not quantities.
pub fn quantities(text: &str) -> usize {
    let b = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b':' || b[i - 1] == b'-')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit())) {
            i += 1;
        }
        let num = &text[start..i];
        let next = b.get(i).copied().unwrap_or(b' ');
        if next == b':' || next == b'-' || next == b'/' || (next == b'.' && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())) {
            continue;
        }
        let is_year = num.len() == 4 && (num.starts_with("19") || num.starts_with("20"));
        if next == b'%' || next == b'k' || next == b'x' {
            count += 1;
        } else if !is_year {
            let rest = text[i..].trim_start();
            let unit: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            if !unit.is_empty() && !matches!(unit.as_str(), "am" | "pm" | "utc" | "st" | "nd" | "rd" | "th") {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passive_voice_is_recognised() {
        assert!(is_passive("an issue was identified that impacted a subset of users"));
        assert!(is_passive("the change was quickly reverted"));
        assert!(is_passive("the token was taken"));
        assert!(!is_passive("we reverted the change"));
        assert!(!is_passive("the site was down"));
    }

    #[test]
    fn quantities_skip_years_versions_and_times() {
        assert_eq!(quantities("about 30% of users saw 502 errors"), 2);
        assert_eq!(quantities("in 2018 we upgraded to 1.24.0 at 10:30"), 0);
        assert_eq!(quantities("30k crates"), 1);
    }

    #[test]
    fn identifiers_are_code_spans_names_paths_and_versions() {
        assert_eq!(identifiers("the `KUBE_CTX` variable and `terraform apply`"), 2);
        assert_eq!(identifiers("null_resources in /opt/docs-rs-prefix/documentations"), 2);
        assert_eq!(identifiers("Helm chart v1.24.0 to v1.35"), 2);
        assert_eq!(identifiers("annotations (external-dns.alpha.kubernetes.io/aws-weight)"), 1);
    }

    #[test]
    fn urls_mails_domains_dates_and_prose_are_not_identifiers() {
        assert_eq!(identifiers("see https://example.com/a/b or mail help@crates.io"), 0);
        assert_eq!(identifiers("crates.io was down on 24/07/25 and/or later."), 0);
        assert_eq!(identifiers("`a security advisory <https://x.y/z>`__ and _spoiler_"), 0);
        assert_eq!(identifiers("check `mybinder.org` and grafana/mybinder.org on GitHub"), 0);
    }

    #[test]
    fn camel_case_with_several_humps_is_an_identifier() {
        assert_eq!(identifiers("pods in CrashLoopBackOff and the ErrorsInExternalDNS alarm"), 2);
    }

    #[test]
    fn blocks_under_a_timestamped_heading_are_timed() {
        let doc = Document::parse("## Timeline\n\nIntro.\n\n### 16:59 PST\n\nTim asks.\n\n## Action items\n\nFix it.\n");
        let timed = under_timed_heading(&doc);
        let of = |w: &str| timed[doc.sentences.iter().find(|s| doc.words(s) == w).unwrap().block];
        assert!(!of("intro."));
        assert!(of("tim asks."));
        assert!(!of("fix it."));
    }

    #[test]
    fn negation_is_found_before_a_cue() {
        let doc = Document::parse("We do not have a status page.");
        let s = &doc.sentences[0];
        assert_eq!(affirmed(&doc, s, Cue::Channel).count(), 0);
        let doc = Document::parse("See our status page.");
        let s = &doc.sentences[0];
        assert_eq!(affirmed(&doc, s, Cue::Channel).count(), 1);
    }
}
