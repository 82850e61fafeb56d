//! Sentence-level recognisers that several criteria compose: passive voice,
//! negation, quantities. Each works on a sentence's lowercased prose.

use super::criteria::ascii_words;
use super::document::{front_matter, BlockKind, Document, Hit, Sentence};
use super::lexicon::Cue;
use super::time::has_digit;
use std::ops::Range;

// The word lists below are `matches!` patterns, not slices: the compiler
// turns them into a switch on length and first bytes, where a slice's
// `contains` compares every entry, for every word of every sentence.

fn is_negator(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "without" | "don't" | "doesn't" | "didn't" | "isn't" | "wasn't" | "aren't"
            | "weren't" | "haven't" | "hasn't" | "hadn't" | "won't" | "cannot" | "can't" | "nor" | "none" | "neither"
    )
}

fn is_be_form(w: &str) -> bool {
    matches!(w, "was" | "were" | "is" | "are" | "been" | "being" | "be" | "got" | "get")
}

/// Common irregular past participles.
fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "made" | "done" | "taken" | "given" | "seen" | "found" | "known" | "shown" | "written" | "run"
            | "sent" | "built" | "brought" | "caught" | "held" | "kept" | "left" | "lost" | "set" | "put" | "hit"
            | "broken" | "chosen" | "driven" | "begun" | "spent" | "told" | "thought" | "understood" | "undertaken"
            | "withdrawn" | "overwritten" | "rewritten" | "struck" | "split" | "shut" | "cut" | "read" | "led"
    )
}

/// The words of a text: runs of ASCII letters and digits, hyphens and
/// apostrophes, straight or typographic (U+2019); every other character
/// separates words.
fn words(text: &str) -> Words<'_> {
    Words { text, front: 0, back: text.len() }
}

/// [`words`], read byte by byte: the typographic apostrophe is the only
/// character of a word that is not one byte, so no character is decoded.
#[derive(Clone)]
struct Words<'t> {
    text: &'t str,
    /// The words left lie between these byte offsets.
    front: usize,
    back: usize,
}

/// Which bytes are word characters on their own: ASCII letters and digits,
/// the hyphen and the straight apostrophe.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
        c += 1;
    }
    table
};

/// U+2019, the typographic apostrophe, in UTF-8. Its first byte only ever
/// leads a character, so these three bytes anywhere are that character.
const TYPOGRAPHIC_APOSTROPHE: [u8; 3] = [0xe2, 0x80, 0x99];

/// The byte length of the word character that ends `b`, 0 if `b` ends with
/// a separator.
#[inline]
fn word_char_before(b: &[u8]) -> usize {
    match b.last() {
        Some(&c) if WORD_BYTE[c as usize] => 1,
        Some(0x99) if b.ends_with(&TYPOGRAPHIC_APOSTROPHE) => 3,
        _ => 0,
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    // Always inlined: left to itself the compiler called it once a word,
    // and the call cost a fifth of what the word walks of P2 and P1 took.
    #[inline(always)]
    fn next(&mut self) -> Option<&'t str> {
        let b = &self.text.as_bytes()[..self.back];
        let mut i = self.front;
        while let Some(&c) = b.get(i) {
            if WORD_BYTE[c as usize] || (c == 0xe2 && b[i..].starts_with(&TYPOGRAPHIC_APOSTROPHE)) {
                break;
            }
            i += 1;
        }
        let start = i;
        while let Some(&c) = b.get(i) {
            if WORD_BYTE[c as usize] {
                i += 1;
            } else if c == 0xe2 && b[i..].starts_with(&TYPOGRAPHIC_APOSTROPHE) {
                i += TYPOGRAPHIC_APOSTROPHE.len();
            } else {
                break;
            }
        }
        self.front = i;
        (start < i).then(|| &self.text[start..i])
    }
}

impl<'t> DoubleEndedIterator for Words<'t> {
    #[inline]
    fn next_back(&mut self) -> Option<&'t str> {
        let b = &self.text.as_bytes()[self.front..];
        let mut i = self.back - self.front;
        while i > 0 && word_char_before(&b[..i]) == 0 {
            i -= 1;
        }
        let end = i;
        loop {
            match word_char_before(&b[..i]) {
                0 => break,
                n => i -= n,
            }
        }
        self.back = self.front + i;
        (i < end).then(|| &self.text[self.front + i..self.front + end])
    }
}

/// "An issue was identified", "changes were deployed": a form of *to be*
/// followed (within one adverb) by a past participle.
pub fn is_passive(text: &str) -> bool {
    let mut after_be = false;
    let mut skipped_adverb = false;
    for w in words(text) {
        if after_be {
            if is_participle(w) {
                return true;
            }
            // One adverb may stand between: "was quickly reverted".
            if w.ends_with("ly") && !skipped_adverb {
                skipped_adverb = true;
                continue;
            }
            after_be = false;
        }
        if is_be_form(w) {
            after_be = true;
            skipped_adverb = false;
        }
    }
    false
}

fn is_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed") && !matches!(w, "need" | "feed" | "seed" | "speed"))
        || is_irregular_participle(w)
}

/// Whether a negator stands within three words before `at` in the sentence.
pub fn negated_before(doc: &Document, s: &Sentence, at: usize) -> bool {
    let start = s.prose.start;
    let before = &doc.prose[start..at.max(start)];
    words(before)
        .rev()
        .take(3)
        .any(is_negator)
}

/// Whether the words just before `at` make the authors its subject: "we
/// could not", "we've been unable to", "I simply can't". What the team
/// itself could not do (reproduce a bug, see any output) is no harm done
/// to the service's users.
pub fn authors_before(doc: &Document, s: &Sentence, at: usize) -> bool {
    let start = s.prose.start;
    let before = &doc.prose[start..at.max(start)];
    for w in words(before).rev().take(4) {
        // Read with a straight apostrophe; only a word with a typographic
        // one is copied to be so.
        let w = if w.contains('\u{2019}') {
            std::borrow::Cow::Owned(w.replace('\u{2019}', "'"))
        } else {
            std::borrow::Cow::Borrowed(w)
        };
        if matches!(&*w, "we" | "i" | "we've" | "we're" | "we'd" | "we'll" | "i've" | "i'm" | "i'd" | "i'll") {
            return true;
        }
        let helper = matches!(
            &*w,
            "are" | "were" | "was" | "am" | "have" | "had" | "has" | "been" | "do" | "did" | "will" | "would"
                | "could" | "can" | "still" | "also" | "just" | "then" | "again"
        );
        if !(helper || w.ends_with("ly")) {
            return false;
        }
    }
    false
}

/// The hits of one cue in a sentence that no negator precedes.
pub fn affirmed<'d>(doc: &'d Document, s: &'d Sentence, cue: Cue) -> impl Iterator<Item = &'d Hit> + 'd {
    doc.hits_in(s)
        .iter()
        .filter(move |h| h.cue == cue && !negated_before(doc, s, h.prose.start))
}

/// Who a blameless report names as the team: "by the team", "by the
/// on-call engineer".
fn is_team_agent(w: &str) -> bool {
    matches!(
        w,
        "team" | "teams" | "engineer" | "engineers" | "on-call" | "oncall" | "operator" | "operators"
            | "maintainer" | "maintainers" | "sre" | "developer" | "developers"
    )
}

/// "A PR which had not been identified by the team was queued": a negated
/// passive whose agent is the team ("not [been] <participle> by the
/// team", the negator at most four words before "by"), which is how a
/// blameless report owns an omission without saying "we".
pub fn omitted_by_team(text: &str) -> bool {
    // The agent needs its "by": most sentences have none, and a search for
    // its rarer letter is far cheaper than the word walk (and than a
    // substring search, on a sentence's few dozen bytes).
    let b = text.as_bytes();
    if !memchr::memchr_iter(b'y', b).any(|i| i > 0 && b[i - 1] == b'b') {
        return false;
    }
    let mut ws = words(text);
    // Words since the last negator; a negator further back belongs to
    // another clause.
    let mut since_negator = usize::MAX;
    let mut previous = "";
    while let Some(w) = ws.next() {
        since_negator = if is_negator(w) { 0 } else { since_negator.saturating_add(1) };
        if w == "by" && since_negator <= 4 && is_participle(previous) {
            let mut agent = ws.clone().take(3);
            let team = match agent.next() {
                Some("us") => true,
                Some("the" | "our") => agent.any(is_team_agent),
                _ => false,
            };
            if team {
                return true;
            }
        }
        previous = w;
    }
    false
}

/// "We should probably have failed over sooner": the writer's own "should
/// have" with an adverb between, followed by what they should have done
/// (a past participle). "We should also have alerts" states a need, not a
/// failing.
pub fn should_adverb_have_done(text: &str) -> bool {
    // "should" and "could" share "ould": one search for its rarer "u"
    // answers for both, where each took a substring search. Before it, a
    // search for the "v" of "have", rarer still: most sentences have none.
    let b = text.as_bytes();
    if !memchr::memchr_iter(b'v', b).any(|i| i >= 2 && b[i - 2..].starts_with(b"have")) {
        return false;
    }
    let modal = memchr::memchr_iter(b'u', b).any(|i| {
        let (before, after) = (&b[..i], &b[i + 1..]);
        after.starts_with(b"ld") && (before.ends_with(b"sho") || before.ends_with(b"co"))
    });
    if !modal {
        return false;
    }
    let mut ws = words(text);
    while let Some(w) = ws.next() {
        if !matches!(w, "we" | "i") {
            continue;
        }
        let mut next = ws.clone();
        let (Some(modal), Some(adverb), Some(have), Some(done)) = (next.next(), next.next(), next.next(), next.next()) else {
            return false;
        };
        if matches!(modal, "should" | "could") && adverb.len() > 3 && adverb.ends_with("ly") && have == "have" && is_participle(done) {
            return true;
        }
    }
    false
}

/// Possessives that give what follows to someone other than the writer:
/// "their blog", "his account".
fn is_others_possessive(w: &str) -> bool {
    matches!(w, "their" | "theirs" | "his" | "her")
}

/// Whether someone else's possessive stands within two words before `at`:
/// "phylum have written their own blog".
pub fn others_before(doc: &Document, s: &Sentence, at: usize) -> bool {
    let start = s.prose.start;
    let before = &doc.prose[start..at.max(start)];
    words(before).rev().take(2).any(is_others_possessive)
}

/// Whether the sentence has someone speaking as the one who acts ("we",
/// "I", "us"). A pronoun joined to what follows by "-" or by "." and a
/// letter is part of a name or an abbreviation ("us-east-1", "i.e.").
pub fn speaks(doc: &Document, s: &Sentence) -> bool {
    doc.hits_in(s).iter().any(|h| {
        let after = &doc.prose.as_bytes()[h.prose.end..];
        let joined = after.first() == Some(&b'-')
            || (after.first() == Some(&b'.') && after.get(1).is_some_and(|c| c.is_ascii_alphanumeric()));
        h.cue == Cue::Speaker && h.prose.end <= s.prose.end && !joined
    })
}

/// Whether the sentence has someone speaking ([`speaks`]) once "US" written
/// in capitals is read as the country ("the US region"), not the pronoun;
/// a sentence written all in capitals keeps its "US".
pub fn speaks_in_person(doc: &Document, s: &Sentence) -> bool {
    // Read only for a "US": most sentences have none.
    let shouted = || !doc.text[s.src.clone()].bytes().any(|c| c.is_ascii_lowercase());
    speaks(doc, s)
        && doc.hits_in(s).iter().any(|h| {
            h.cue == Cue::Speaker
                && h.prose.end <= s.prose.end
                && (&doc.text[doc.src_range(h.prose.clone())] != "US" || shouted())
                && {
                    let after = &doc.prose.as_bytes()[h.prose.end..];
                    !(after.first() == Some(&b'-')
                        || (after.first() == Some(&b'.') && after.get(1).is_some_and(|c| c.is_ascii_alphanumeric())))
                }
        })
}

/// Whether the text names a chat channel: "#" right before a letter, and
/// not inside a word or URL ("#ask-support", but not "#3497" or "C#").
pub fn names_chat_channel(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'#'
            && b.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic())
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/' || b[i - 1] == b'#'))
    })
}

/// Whether the text names a social account: "@" opening a word, right
/// before a letter or digit ("follow @examplestatus"), not inside an address
/// ("ops@example.com", "user@10.0.0.1").
pub fn names_handle(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'@'
            && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'_')
            && (i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b'(')
    })
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
    if !may_hold_identifier(b) {
        return 0;
    }
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

/// Whether `b` holds what [`identifiers`] looks for: a backtick, or what
/// flags a token (an underscore, a slash, a dot before a letter or digit, a
/// capital after a small letter). Most sentences hold none. Tested pair by
/// pair with no branch per byte, where the token walk takes a branch or
/// two per byte.
fn may_hold_identifier(b: &[u8]) -> bool {
    let mark = |c: u8| (c == b'`') | (c == b'_') | (c == b'/');
    let flags = |p: u8, c: u8| mark(c) | ((p == b'.') & c.is_ascii_alphanumeric()) | (c.is_ascii_uppercase() & p.is_ascii_lowercase());
    let rest = b.get(1..).unwrap_or_default();
    b.first().is_some_and(|&c| mark(c))
        || b.chunks(32).zip(rest.chunks(32)).any(|(ps, cs)| ps.iter().zip(cs).fold(false, |seen, (&p, &c)| seen | flags(p, c)))
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
    // Link targets, written as a URL, a scheme-relative "//host/path", an
    // HTML "href=" or an AsciiDoc "link:", are where a link goes, not the
    // text's words; nor are a template's "{{site.baseurl}}" and HTML tags
    // ("</span><br").
    if t.contains("://") || t.contains('@') || t.starts_with("www.") || t.contains("](")
        || t.starts_with("//") || t.contains("href=") || t.starts_with("link:") || t.contains("{{")
        || t.contains(['<', '>'])
    {
        return false;
    }
    // "/opt/x", "a/b/c", "kubernetes.io/aws-weight"; not "and/or",
    // "grafana/mybinder.org", nor a chat command ("/msg nickserv") or a
    // page's own path ("/about"): a path has a second step.
    let dotted_prefix = t.find('/').is_some_and(|i| t[..i].contains('.') && i + 1 < t.len());
    let path = slashes > 0 && letters && (slashes >= 2 || dotted_prefix);
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
    if !has_digit(text) {
        return 0;
    }
    let b = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        // Only a digit can start a number: go straight to the next one.
        match b[i..].iter().position(u8::is_ascii_digit) {
            Some(skip) => i += skip,
            None => break,
        }
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b':' || b[i - 1] == b'-') {
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
        // "1.24.0" is a version, not an amount.
        let is_version = num.matches('.').count() >= 2;
        if next == b'%' || next == b'k' || next == b'x' {
            count += 1;
        } else if !is_year && !is_version {
            let rest = text[i..].trim_start();
            let unit = &rest[..rest.bytes().position(|c| !c.is_ascii_alphabetic()).unwrap_or(rest.len())];
            if !unit.is_empty() && !matches!(
                unit,
                "am" | "pm" | "utc" | "st" | "nd" | "rd" | "th" | "at" | "on" | "in" | "to" | "and" | "or" | "the" | "was" | "is"
            ) {
                count += 1;
            }
        }
    }
    count
}

/// Numbers that name a day of a month rather than measure anything: "on 3
/// March", "7 nov". Each is also one of [`quantities`], whose unit the month
/// seems to be.
pub fn day_of_month_numbers(text: &str) -> usize {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if !has_digit(text) {
        return 0;
    }
    let b = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        // Only a digit can start a number: go straight to the next one.
        match b[i..].iter().position(u8::is_ascii_digit) {
            Some(skip) => i += skip,
            None => break,
        }
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b':' || b[i - 1] == b'-') {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start > 2 || b.get(i) != Some(&b' ') {
            continue;
        }
        let word = text[i + 1..].split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        if word.len() >= 3 && MONTHS.iter().any(|m| word[..3].eq_ignore_ascii_case(m)) && is_calendar_word(word) {
            count += 1;
        }
    }
    count
}

/// The quantities of a sentence of prose ([`Sentence::quantities`]) that
/// are not days of a month ("on 15 February" names a day; it counts
/// nothing). The days are looked for only where there is a quantity: most
/// sentences have none.
pub fn amounts(doc: &Document, s: &Sentence) -> usize {
    match s.quantities {
        0 => 0,
        n => n.saturating_sub(day_of_month_numbers(doc.words(s))),
    }
}

/// Whether a sentence names a particular thing: a capitalised word or
/// acronym past its first word ("Binder", "IE11", "the Cloud Platform"), a
/// dotted name ("mybinder.org") or inline code. Read from the original text,
/// since the prose is lowercased; label words ("**Impact**:") are skipped.
pub fn names_a_thing(doc: &Document, s: &Sentence) -> bool {
    names_a_thing_besides(doc, s, |_| false)
}

/// [`names_a_thing`], not counting the words `generic` picks out (a
/// technology's own name in capitals, "DNS", names a kind of thing, not a
/// particular one).
pub fn names_a_thing_besides(doc: &Document, s: &Sentence, generic: impl Fn(&str) -> bool) -> bool {
    let text = &doc.text[s.src.clone()];
    if text.contains('`') {
        return true;
    }
    // The first word, labels aside, is asked only whether it is dotted.
    let mut rest = "";
    for raw in text.split_ascii_whitespace() {
        let Some(word) = alphanumeric_core(raw) else {
            continue;
        };
        if is_dotted_name(word) && !generic(word) {
            return true;
        }
        if !is_label(raw) {
            // `raw` lies in `text`: where it ends is where the rest begins.
            rest = &text[raw.as_ptr() as usize - text.as_ptr() as usize + raw.len()..];
            break;
        }
    }
    // Past the first word only a word with a capital or a dot can name a
    // thing: the words between are skipped by a search for those bytes,
    // not walked one by one.
    let r = rest.as_bytes();
    let mut from = 0;
    while let Some(k) = first_capital_or_dot(&r[from..]) {
        let at = from + k;
        let start = r[..at].iter().rposition(u8::is_ascii_whitespace).map_or(0, |i| i + 1);
        let end = r[at..].iter().position(u8::is_ascii_whitespace).map_or(r.len(), |i| at + i);
        let raw = &rest[start..end];
        if let Some(word) = alphanumeric_core(raw) {
            // Asked last: most words are not capitalised.
            let capital = || word.as_bytes()[0].is_ascii_uppercase() && word != "I" && !is_calendar_word(word);
            if (is_dotted_name(word) || (!is_label(raw) && capital())) && !generic(word) {
                return true;
            }
        }
        from = end;
    }
    false
}

/// Technologies the lexicon knows that are no one's name: protocols
/// everyone uses ("If you use DNS" tells no reader it is meant for them,
/// "a DNS change" names no particular system) and the parts any system
/// has, which a text may capitalise as a label ("Server", "Workers",
/// "Deployment"). Matched whole.
const GENERIC_TECHNOLOGIES: &[&str] = &[
    "api", "backend", "bucket", "cache", "cdn", "cpu", "cron", "cronjob", "daemon", "database", "db", "deployment", "disk",
    "dns", "email server", "firewall", "frontend", "http", "https", "index", "ingress", "ip", "ipv4", "ipv6", "kernel",
    "load balancer", "loadbalancer", "mail server", "memory", "nat gateway", "node", "nodes", "oom", "persistent volume",
    "pod", "pods", "proxy", "pvc", "queue", "ram", "registry", "route table", "s3 bucket", "smtp", "ssd", "ssl", "subnet",
    "tcp", "tls", "udp", "vm", "vms",
];

/// The lexicon's stems of common nouns ("server*" matches "Servers"),
/// matched at a word's start.
const GENERIC_TECHNOLOGY_STEMS: &[&str] = &[
    "autoscal", "certificate", "cluster", "container", "replica", "server", "snapshot", "token", "webhook", "worker",
];

/// Whether a technology's words, lowercased, name a kind of system that is
/// no one's name ("dns", "servers"), not a product ("postgresql",
/// "kubernetes"): advice for other teams is addressed to a product.
pub fn is_generic_technology(key: &str) -> bool {
    GENERIC_TECHNOLOGIES.contains(&key) || GENERIC_TECHNOLOGY_STEMS.iter().any(|stem| key.starts_with(stem))
}

/// Whether `word`, as the text writes it, is a technology the lexicon found
/// in the sentence ("DNS" in "a DNS change", "PostgreSQL" in "our
/// PostgreSQL primary"): a technology's own name, which names a kind of
/// system or a product, not a particular system of the team's ("the mail
/// server Hermes"). Any technology, not only a generic one
/// ([`is_generic_technology`]): with only the generic ones, B1's count of
/// particular systems named agreed less with the reviewers (leave-source-out
/// on the 241 originals, B1 73.4 -> 72.6 %).
pub fn is_technology_named_in(doc: &Document, s: &Sentence, word: &str) -> bool {
    doc.hits_in(s)
        .iter()
        .any(|h| h.cue == Cue::Technology && doc.prose[h.prose.clone()].eq_ignore_ascii_case(word))
}

/// Where `b` first holds a capital or a dot: found 32 bytes at a time with
/// no branch per byte, then within those 32.
fn first_capital_or_dot(b: &[u8]) -> Option<usize> {
    let wanted = |c: u8| c.is_ascii_uppercase() | (c == b'.');
    let chunk = b.chunks(32).position(|xs| xs.iter().fold(false, |seen, &c| seen | wanted(c)))?;
    let at = chunk * 32;
    b[at..].iter().position(|&c| wanted(c)).map(|k| at + k)
}

/// A label word ("Impact:", "**Impact**", "**Impact**:").
fn is_label(raw: &str) -> bool {
    raw.ends_with(':') || raw.ends_with("**") || raw.ends_with("**:")
}

/// A token trimmed to its ASCII letters and digits, byte by byte: no byte
/// of a longer character is one, so no character need be decoded.
fn alphanumeric_core(raw: &str) -> Option<&str> {
    let bytes = raw.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_alphanumeric)?;
    let end = bytes.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |i| i + 1);
    Some(&raw[start..end])
}

/// Two dotted parts with a letter among them ("mybinder.org"). A word is
/// a few bytes: looked through in line, not by a call to a search.
fn is_dotted_name(word: &str) -> bool {
    word.bytes().any(|b| b == b'.')
        && word
            .split('.')
            .filter(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .count()
            >= 2
        && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Days, months and time zones are capitalised but name no system.
fn is_calendar_word(word: &str) -> bool {
    // Lowercased into a buffer as long as the longest ("wednesday"), then a
    // `match`: a switch on length and bytes, where comparing the word with
    // each of fifty names ignoring case was most of what names_a_thing did.
    let mut buffer = [0u8; 9];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday" | b"mon"
            | b"tue" | b"wed" | b"thu" | b"fri" | b"sat" | b"sun" | b"january" | b"february" | b"march"
            | b"april" | b"may" | b"june" | b"july" | b"august" | b"september" | b"october" | b"november"
            | b"december" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
            | b"oct" | b"nov" | b"dec" | b"utc" | b"gmt" | b"pst" | b"pdt" | b"est" | b"edt" | b"cet"
            | b"cest" | b"bst" | b"am" | b"pm"
    )
}

/// Spans of time and dates among the quantities: a number before
/// "minutes", "hours", "days" ("for 47 minutes", "2 hours") or a month ("3
/// March"). How long something lasted, and when, is the incident's measure,
/// not a system's.
pub fn durations(text: &str) -> usize {
    let unit = |w: &str| {
        matches!(
            w,
            "second" | "seconds" | "sec" | "secs" | "minute" | "minutes" | "min" | "mins" | "hour" | "hours"
                | "hr" | "hrs" | "day" | "days" | "week" | "weeks" | "month" | "months" | "january" | "february"
                | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november"
                | "december" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
                | "dec"
        )
    };
    // Every duration has a digit: most sentences have none to read.
    if !has_digit(text) {
        return 0;
    }
    let mut words = words(text).peekable();
    let mut count = 0;
    while let Some(w) = words.next() {
        let number = w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        if number && words.peek().is_some_and(|&u| unit(u)) {
            count += 1;
        }
    }
    count
}

/// "The limit had not been validated", "the job was never tested": a step
/// left undone, told as a negated passive ("had/was/were not [been]
/// <participle>"). That is a gap that let a cause happen, an answer to
/// "why was it not prevented". Being unaffected or unable is not a step
/// left undone.
pub fn left_undone(text: &str) -> bool {
    // "was not tested" is passive as it stands; "had not tested" is not,
    // "had not been tested" is.
    let passive_aux = |w: &str| matches!(w, "was" | "were" | "wasn't" | "weren't");
    let perfect_aux = |w: &str| matches!(w, "had" | "has" | "have" | "hadn't" | "hasn't" | "haven't");
    // Reassurance that nothing was done to the data is not a step undone.
    let not_a_step = |w: &str| {
        matches!(
            w,
            "affected" | "impacted" | "exposed" | "compromised" | "lost" | "required" | "needed" | "used"
                | "accessed" | "exploited" | "modified" | "tampered"
        )
    };
    let negator = |w: &str| matches!(w, "not" | "never") || w.ends_with("n't");
    // Every form needs "was", "were" or "been", and a negator: most
    // sentences lack one or the other, and a search for the letters they
    // begin with is far cheaper than the word walk (and than a substring
    // search for each word). "w" and "b" are rarer than "n": asked first.
    // The negator ends its word: "note", "nothing" and "another" hold none.
    let b = text.as_bytes();
    let has_aux = memchr::memchr2_iter(b'w', b'b', b).any(|i| {
        let rest = &b[i + 1..];
        rest.starts_with(b"as") || rest.starts_with(b"ere") || rest.starts_with(b"een")
    });
    if !has_aux {
        return false;
    }
    let ends_word = |end: usize| b.get(end).is_none_or(|&c| !WORD_BYTE[c as usize]);
    let has_negator = memchr::memchr_iter(b'n', b).any(|i| {
        let rest = &b[i + 1..];
        ((rest.starts_with(b"ot") || rest.starts_with(b"'t")) && ends_word(i + 3))
            || (rest.starts_with(b"ever") && ends_word(i + 5))
    });
    if !has_negator {
        return false;
    }
    let mut prev: [&str; 3] = ["", "", ""];
    for w in words(text) {
        // prev[2] is the word before w, prev[1] the one before that.
        let [a, b, c] = prev;
        let passive = (passive_aux(c) && c.ends_with("n't"))
            || (matches!(c, "not" | "never") && passive_aux(b))
            || (c == "been"
                && ((perfect_aux(b) && b.ends_with("n't"))
                    || (matches!(b, "not" | "never") && perfect_aux(a))));
        if passive && is_participle(w) && !not_a_step(w) && !negator(w) {
            return true;
        }
        prev = [b, c, w];
    }
    false
}

/// Whether the text announces planned work ("Scheduled maintenance: ..."
/// as a heading, or as the subject line that opens an email) and tells of
/// nothing that went wrong: no cause, no attack. The work it describes is
/// the plan itself, not a follow-up.
pub fn announces_planned_work(doc: &Document) -> bool {
    let headed = doc.sentences.iter().enumerate().any(|(i, s)| {
        s.cues.has(Cue::Planned) && (i == 0 || matches!(doc.block_of(s).kind, BlockKind::Heading(_)))
    });
    headed
        && !doc.prose_sentences().any(|s| {
            s.cues.any(&[Cue::CauseClass, Cue::Attack])
                || [Cue::Causal, Cue::CauseWord].into_iter().any(|c| affirmed(doc, s, c).next().is_some())
        })
}

/// Verbs that open an action item: "Add an alert…", "Move renewal into…".
pub const ACTION_VERBS: &[&str] = &[
    "add", "move", "replace", "remove", "document", "automate", "split", "enable", "disable",
    "require", "create", "introduce", "switch", "migrate", "rotate", "update", "upgrade",
    "write", "build", "set", "change", "implement", "audit", "limit", "restrict", "separate",
    "schedule", "train", "define", "track", "deprecate", "alert", "page", "pin", "block",
];

/// Whether a sentence opens with an imperative verb, as an action item
/// does ("Move renewal into the deploy pipeline").
pub fn opens_with_action_verb(doc: &Document, s: &Sentence) -> bool {
    let first = ascii_words(doc.words(s)).next().unwrap_or("");
    ACTION_VERBS.contains(&first)
}

/// For each block, whether it is a statement quoted and attributed to
/// someone ("\"We are proud of our teams,\" said Jo Bloggs, CEO." or "Jo
/// Bloggs, CEO, said: \"...\""): the canned quote of a press release, whose
/// words are the company's template, not a person telling the incident.
pub fn attributed_quotes(doc: &Document) -> Vec<bool> {
    const OPEN: [char; 2] = ['"', '\u{201c}'];
    const CLOSE: [char; 2] = ['"', '\u{201d}'];
    const SAID: [&str; 6] = [" said", " says", " stated", " commented", " added", " according to"];
    doc.blocks
        .iter()
        .map(|b| {
            if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) {
                return false;
            }
            let t = doc.text[b.src.clone()].trim();
            if let Some(opening) = t.chars().next().filter(|c| OPEN.contains(c)) {
                // Attributed after the closing quote. The opening mark may
                // be typographic, three bytes long.
                let quoted = &t[opening.len_utf8()..];
                let Some(close) = quoted.rfind(CLOSE) else { return false };
                let after = &quoted[close..];
                SAID.iter().any(|w| after.contains(w)) && executive(after)
            } else {
                // Attributed before the opening quote: "X said: \"...\"".
                let Some((open, _)) = quotation_marks(t).find(|&(_, c)| OPEN.contains(&c)) else { return false };
                let before = t[..open].trim_end().trim_end_matches([':', ',']);
                SAID.iter().any(|w| before.ends_with(w)) && executive(before)
            }
        })
        .collect()
}

/// Whether an attribution names an executive's title ("Chief Executive
/// Officer", "VP of Operations", "Head of Communications"): a responder
/// quoted in the story ("\"It's bad,\" said Dara") is not a canned quote.
fn executive(attribution: &str) -> bool {
    const TITLES: &[&str] = &[
        "chief", "ceo", "cto", "coo", "cfo", "ciso", "president", "officer", "director", "vp",
        "head of", "managing", "spokesperson", "spokesman", "spokeswoman", "chair",
    ];
    let a = attribution.to_ascii_lowercase();
    TITLES.iter().any(|t| {
        a.match_indices(t).any(|(i, _)| {
            let before = a[..i].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric());
            let after = a[i + t.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphanumeric());
            before && after
        })
    })
}

/// The block that names the author speaking: a byline near the top ("By
/// Ana Ruiz, Head of Platform") or a signature near the end, a short line of
/// capitalised name words ("Ana Ruiz\nFounder"). A sign-off by "the team" is
/// not a named author.
pub fn named_author(doc: &Document) -> Option<usize> {
    fn capitalised(w: &str) -> bool {
        w.chars().next().is_some_and(|c| c.is_uppercase())
    }
    let paragraphs: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| doc.blocks[i].kind == BlockKind::Paragraph && !doc.blocks[i].quoted)
        .collect();
    let clean = |i: usize| doc.text[doc.blocks[i].src.clone()].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    for &i in paragraphs.iter().take(3) {
        let mut w = clean(i).split_whitespace();
        if matches!(w.next(), Some("By" | "by" | "Written")) {
            let name: Vec<&str> = w.take(2).collect();
            if name.len() == 2 && name.iter().all(|n| capitalised(n)) {
                return Some(i);
            }
        }
    }
    // A signature signs a letter written in the first person singular.
    let p = doc.prose.as_str();
    // " i" and what may follow it are looked for together: six searches of
    // the whole prose were the rule's largest cost in a text without them.
    let after_i = |rest: &str| [" ", "'m ", "’m ", "'ll ", "'ve "].iter().any(|t| rest.starts_with(t));
    let singular = ["i ", "i'm ", "i’m ", "i'll ", "i've ", "my "].iter().any(|w| p.starts_with(w))
        || memchr::memmem::find_iter(p.as_bytes(), " i").any(|k| after_i(&p[k + 2..]))
        || p.contains(" my ");
    if !singular {
        return None;
    }
    for &i in paragraphs.iter().rev().take(3) {
        let t = clean(i).trim_start_matches(['-', '\u{2014}', '\u{2013}', ' ']);
        let words: Vec<&str> = t.split_whitespace().collect();
        let short = (2..=8).contains(&words.len());
        let ends_line = !t.ends_with(['.', '!', '?', ':', ';']);
        let team = words.iter().any(|w| w.eq_ignore_ascii_case("team") || w.eq_ignore_ascii_case("the"))
            || t.contains(|c: char| c.is_ascii_digit() || c == '@' || c == ':');
        if short && ends_line && !team && words.iter().take(2).all(|w| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == ',')) {
            return Some(i);
        }
    }
    None
}

/// Words of a byline that name a group, not a person: "the OBS Team",
/// "Security Response WG", "core".
const GROUP_WORDS: &[&str] = &[
    "team", "wg", "group", "core", "committee", "foundation", "project", "staff", "the", "admins",
    "maintainers", "infrastructure", "security", "developers", "community", "board", "org",
];

/// The line of the page metadata that names a person as the author
/// ("author: Ana Ruiz", `authors = ["Ana Ruiz"]`, or "authors:" over a list
/// of handles), as a byte range of the text: a blog's byline, kept out of
/// the prose. A byline of a group ("author: the Infra Team") names no one.
pub fn front_matter_author(doc: &Document) -> Option<Range<usize>> {
    let meta = front_matter(doc.text);
    let text = &doc.text[meta.clone()];
    let person = |name: &str| {
        let words = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        let mut words = words.peekable();
        words.peek().is_some() && words.all(|w| !GROUP_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w)))
    };
    // Names in a value: a list, quoted, split at commas and "and".
    let names_a_person = |value: &str| {
        value
            .split([',', '&', '[', ']', '"', '\''])
            .flat_map(|part| part.split(" and "))
            .map(|name| name.trim().trim_start_matches("- "))
            .any(|name| !name.is_empty() && person(name))
    };
    let mut at = meta.start;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let start = at;
        at += line.len();
        let Some((key, value)) = line.split_once([':', '=']) else { continue };
        if !matches!(key.trim().to_ascii_lowercase().as_str(), "author" | "authors") {
            continue;
        }
        let mut end = start + line.trim_end().len();
        let mut named = names_a_person(value);
        // "authors:" over an indented list of names.
        while value.trim().is_empty() && lines.peek().is_some_and(|l| l.trim_start().starts_with("- ")) {
            let item = lines.next().unwrap_or_default();
            named |= names_a_person(item.trim_start().trim_start_matches("- "));
            end = at + item.trim_end().len();
            at += item.len();
        }
        if named {
            return Some(start..end);
        }
    }
    None
}

/// Verbs that attribute a quotation to its speaker: `"…," said the CEO`.
const ATTRIBUTIONS: &[&str] = &["said", "says", "added", "adds", "commented", "stated", "explained", "noted"];

/// The quotations that their block attributes to a named speaker
/// (`"We are proud of our teams," said the CEO.`), as sorted byte ranges of
/// the text: statements given to the text by someone, not the text's own
/// voice. A quotation without an attribution ("it's bad") is left out. One
/// pass over each block, so a sentence's check is a binary search.
pub fn attributed_quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for block in &doc.blocks {
        let text = &doc.text[block.src.clone()];
        let mut open: Option<usize> = None;
        for (i, c) in quotation_marks(text) {
            let closes = match c {
                '\u{201c}' => {
                    open = Some(i);
                    false
                }
                '\u{201d}' => open.is_some(),
                '"' if open.is_none() => {
                    open = Some(i);
                    false
                }
                '"' => true,
                _ => false,
            };
            if !closes {
                continue;
            }
            let start = open.take().unwrap_or(0);
            let end = i + c.len_utf8();
            // The attribution follows the closing mark within three words.
            let attributed = text[end..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .take(3)
                .any(|w| ATTRIBUTIONS.iter().any(|a| a.eq_ignore_ascii_case(w)));
            if attributed {
                spans.push(block.src.start + start..block.src.start + end);
            }
        }
    }
    spans
}

/// The quotation marks of `text`, straight or typographic ('"', '\u{201c}',
/// '\u{201d}'), with their byte offsets, in order. Found by their bytes: most
/// blocks hold none, and decoding every character to look for them was most
/// of the time the quotation checks took.
fn quotation_marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    const LEFT: &[u8] = "\u{201c}".as_bytes();
    const RIGHT: &[u8] = "\u{201d}".as_bytes();
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        // 0xe2 leads both typographic marks and is never inside a character.
        while let Some(k) = memchr::memchr2(b'"', 0xe2, &b[from..]) {
            let i = from + k;
            from = i + 1;
            let mark = &b[i..];
            if mark[0] == b'"' {
                return Some((i, '"'));
            } else if mark.starts_with(LEFT) {
                return Some((i, '\u{201c}'));
            } else if mark.starts_with(RIGHT) {
                return Some((i, '\u{201d}'));
            }
        }
        None
    })
}

/// Whether the sentence starts inside one of `quotations`
/// ([`attributed_quotations`]).
pub fn in_attributed_quote(quotations: &[Range<usize>], s: &Sentence) -> bool {
    let at = s.src.start;
    let i = quotations.partition_point(|q| q.end <= at);
    quotations.get(i).is_some_and(|q| q.start <= at)
}

/// The web addresses (`https://…`) the sentence writes out in its prose
/// rather than links, without the brackets or punctuation around them.
pub fn bare_urls<'d>(doc: &'d Document, s: &Sentence) -> impl Iterator<Item = &'d str> + 'd {
    doc.words(s).split_ascii_whitespace().filter_map(|w| {
        let w = w.trim_start_matches('(').trim_end_matches([')', '.', ',', ';']);
        (w.starts_with("http://") || w.starts_with("https://")).then_some(w)
    })
}

/// Whether the sentence gives an e-mail address ("write to
/// help@example.com"): a word with letters on both sides of one "@" and a
/// dot in the part after it.
pub fn names_email_address(doc: &Document, s: &Sentence) -> bool {
    doc.words(s).split_ascii_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        match w.split_once('@') {
            Some((user, host)) => {
                !user.is_empty()
                    && !host.contains('@')
                    && host.contains('.')
                    && host.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
            }
            None => false,
        }
    })
}

/// What a team keeps to catch its own failures before its users do:
/// tests, alerts, monitoring, checks, reviews, staged rollouts, runbooks,
/// validation, capacity planning. Lacking one is the team's own omission;
/// lacking an instance type or a vendor's capacity is not.
fn is_safeguard(w: &str) -> bool {
    matches!(
        w,
        "test" | "tests" | "testing" | "ci" | "alert" | "alerts" | "alerting" | "monitoring" | "check" | "checks"
            | "review" | "reviews" | "reviewer" | "reviewers" | "canary" | "canaries" | "rollout" | "runbook"
            | "runbooks" | "playbook" | "playbooks" | "validation" | "documentation" | "staging" | "planning"
            | "safeguard" | "safeguards"
    )
}

/// "Our monitoring did not alert us", "lack of validation of the
/// values", "not enough review on the PR", "no tests covered the
/// migration", "we had no alerting": a safeguard of the team's that was
/// missing or fell short, which owns the failure without an apology and
/// often without a "we". Its lack must come right before it ("lack of",
/// "insufficient", "no", within two words: "a missing input integrity
/// check" is a flaw of the code, not a step of the team's), or, after "our"
/// and the safeguard, its failure within three words ("did not", "was
/// insufficient").
pub fn safeguard_lacking(text: &str) -> bool {
    let ws: Vec<&str> = words(text).collect();
    let within = |from: usize, n: usize| ws.iter().skip(from).take(n);
    let safeguard_at = |i: usize| is_safeguard(ws[i]) || (ws[i] == "integration" && i > 0 && ws[i - 1] == "continuous");
    let fell_short = |w: &&str| {
        matches!(*w, "not" | "never" | "insufficient" | "inadequate" | "missed" | "failed")
            || w.ends_with("n't")
            || w.ends_with("n\u{2019}t")
    };
    ws.iter().enumerate().any(|(i, &w)| {
        let next = ws.get(i + 1).copied().unwrap_or("");
        let lack = matches!(w, "no" | "insufficient" | "inadequate" | "missing" | "lacking")
            || (matches!(w, "lack" | "absence") && next == "of")
            || (w == "not" && next == "enough");
        if lack {
            return (i + 1..ws.len()).take(2).any(safeguard_at);
        }
        w == "our"
            && (i + 1..ws.len()).take(3).find(|&j| safeguard_at(j)).is_some_and(|j| within(j + 1, 3).any(fell_short))
    })
}

/// "Not pinning versions of dependencies", "Not running highstate on all
/// machines": a cause that opens on "not" and a gerund, the team's own step
/// left out, told the way a blameless list of causes tells it. A state
/// ("not working", "not being able to") is the impact, not a step.
pub fn opens_on_omitted_step(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("not ") else { return false };
    let step = words(rest).next().unwrap_or("");
    step.len() > 5
        && step.ends_with("ing")
        && !matches!(step, "being" | "working" | "loading" | "responding" | "functioning" | "something" | "nothing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_in_typographic_marks_is_read_whole() {
        let canned = |text: &str| attributed_quotes(&Document::parse(text))[0];
        assert!(canned("\u{201c}We are proud of our teams,\u{201d} said Jo Bloggs, CEO."));
        assert!(!canned("\u{201c}Insufficient capacity; stopping\u{201d} was the error."));
        assert!(!canned("\u{201c}"));
    }

    #[test]
    fn durations_are_numbers_of_minutes_hours_or_days() {
        assert_eq!(durations("for 47 minutes, then 2 hours more"), 2);
        assert_eq!(durations("30% of 12 nodes at 10:30"), 0);
        assert_eq!(durations("on 3 march the 2 replicas"), 1);
    }

    #[test]
    fn a_person_named_as_author_in_the_page_metadata_is_a_byline() {
        let byline = |text: &str| front_matter_author(&Document::parse(text)).map(|r| text[r].to_string());
        assert_eq!(byline("---\ntitle: Outage\nauthor: Ana Ruiz\n---\n\nThe site was down.\n").as_deref(), Some("author: Ana Ruiz"));
        assert_eq!(byline("+++\nauthors = [\"The Infra Team\", \"Ana Ruiz\"]\n+++\n\nDown.\n").as_deref(), Some("authors = [\"The Infra Team\", \"Ana Ruiz\"]"));
        assert_eq!(byline("---\nauthors:\n  - anaruiz\ntags: [ops]\n---\n\nDown.\n").as_deref(), Some("authors:\n  - anaruiz"));
        assert_eq!(byline("---\nauthor: the Infra Team\n---\n\nThe site was down.\n"), None);
        assert_eq!(byline("---\nauthors = [\"Security Response WG\", \"platform team\"]\n---\n\nDown.\n"), None);
        assert_eq!(byline("Author: Ana Ruiz wrote the fix.\n\nThe site was down.\n"), None);
    }

    #[test]
    fn steps_left_undone_are_negated_passives() {
        assert!(left_undone("the threshold had not been reviewed since the migration"));
        assert!(left_undone("the restore script was never tested"));
        assert!(left_undone("the backups hadn't been checked in a year"));
        assert!(!left_undone("customer data was not affected"));
        assert!(!left_undone("we did not restart the database"));
        assert!(!left_undone("the change had been reviewed"));
        assert!(!left_undone("everyone who hadn't opened the app"));
        assert!(!left_undone("the pod is gone but the call has not returned"));
        assert!(!left_undone("the token had not been used by anyone else"));
    }

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
    fn a_day_of_the_month_is_not_a_measure() {
        assert_eq!(day_of_month_numbers("on 3 march the queue held 40 jobs"), 1);
        assert_eq!(day_of_month_numbers("from 12 Sept to 14 october"), 2);
        assert_eq!(day_of_month_numbers("3 mayors and 30 marbles"), 0);
        assert_eq!(day_of_month_numbers("version 1.3 may fail"), 0);
    }

    #[test]
    fn named_things_are_capitalised_dotted_or_code() {
        let named = |t: &str| {
            let doc = Document::parse(t);
            names_a_thing(&doc, &doc.sentences[0])
        };
        assert!(named("All Binder services were down."));
        assert!(named("launches on mybinder.org failed."));
        assert!(named("the `prod` hub stopped."));
        assert!(!named("User services were down for a few minutes."));
        assert!(!named("**Impact**: services were down."));
        assert!(!named("On Monday, services were down until 10:00 UTC."));
    }

    #[test]
    fn someone_elses_possessive_is_found_before_a_cue() {
        let doc = Document::parse("The vendor wrote about it on their blog.");
        let s = &doc.sentences[0];
        let blog = doc.hits_in(s).iter().find(|h| h.cue == Cue::Channel).unwrap();
        assert!(others_before(&doc, s, blog.prose.start));
        let doc = Document::parse("We wrote about it on our blog.");
        let s = &doc.sentences[0];
        let blog = doc.hits_in(s).iter().find(|h| h.cue == Cue::Channel).unwrap();
        assert!(!others_before(&doc, s, blog.prose.start));
    }

    #[test]
    fn a_speaker_is_a_pronoun_not_a_possessive_or_an_abbreviation() {
        let speaks_in = |t: &str| {
            let doc = Document::parse(t);
            speaks(&doc, &doc.sentences[0])
        };
        assert!(speaks_in("We rolled it back."));
        assert!(speaks_in("It took a while before I noticed."));
        assert!(!speaks_in("Some of our nodes failed."));
        assert!(!speaks_in("Replace the word, i.e. revert the change."));
        assert!(!speaks_in("The provider had an outage in us-east-1."));
        assert!(speaks_in("It was me."));
    }

    #[test]
    fn the_country_in_capitals_is_not_a_speaker() {
        let in_person = |t: &str| {
            let doc = Document::parse(t);
            speaks_in_person(&doc, &doc.sentences[0])
        };
        assert!(!in_person("Shops in the US region were slow."));
        assert!(in_person("It was hard for us."));
        assert!(in_person("CALL US NOW."));
    }

    #[test]
    fn a_should_have_with_an_adverb_between_is_found() {
        assert!(should_adverb_have_done("in hindsight we should clearly have rolled back first"));
        assert!(should_adverb_have_done("i could easily have caught it"));
        assert!(!should_adverb_have_done("we should also have alerts for this"));
        assert!(!should_adverb_have_done("we should really have alerts"));
        assert!(!should_adverb_have_done("the team should probably have waited"));
    }

    #[test]
    fn an_omission_by_the_team_is_found_in_the_passive() {
        assert!(omitted_by_team("a pr which had not been identified by the team was queued up"));
        assert!(omitted_by_team("the page was never acknowledged by the on-call engineer"));
        assert!(!omitted_by_team("the change was reviewed by the team"));
        assert!(!omitted_by_team("no action is required by users"));
        assert!(!omitted_by_team("we did not know, and it was found by the team later"));
    }

    #[test]
    fn handles_open_a_word() {
        assert!(names_handle("follow @examplestatus for updates"));
        assert!(names_handle("(@ops_team on mastodon)"));
        assert!(!names_handle("write to ops@example.com"));
        assert!(!names_handle("ssh to gke-node@10.0.0.1"));
        assert!(!names_handle("meet @ 10:00"));
    }

    #[test]
    fn chat_channels_are_named_with_a_hash() {
        assert!(names_chat_channel("users reported it in #ask-support"));
        assert!(names_chat_channel("#ops was busy"));
        assert!(!names_chat_channel("fixed in pr #3497"));
        assert!(!names_chat_channel("written in c#"));
        assert!(!names_chat_channel("see https://example.org/docs#setup"));
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
    fn link_targets_markup_and_chat_commands_are_not_identifiers() {
        assert_eq!(identifiers("go to the [download directory](//download.example.org/dist/12.1/)."), 0);
        assert_eq!(identifiers("see <a href=\"{{site.baseurl}}/resources/guides/verify.html\">the guide</a>"), 0);
        assert_eq!(identifiers("follow our link:/security/#reporting[disclosure procedure]"), 0);
        assert_eq!(identifiers("the site went offline.</span><br />"), 0);
        assert_eq!(identifiers("use /msg nickserv set password, or /umode +w"), 0);
        assert_eq!(identifiers("the logs in /var/log and /opt/app/"), 2);
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
