//! The words of a suggestion that speaks to one text: its own sentences
//! and phrases quoted, and the section where an addition belongs named by
//! the heading the text already gives it. The criteria build their
//! tailored suggestions from these (see [`crate::engine::Finding`]).

use super::document::{BlockKind, Document, Hit, Sentence, Topic};
use super::lexicon::Cue;
use super::signals::is_generic_technology;
use std::borrow::Cow;

/// A quoted sentence stops after this many words: enough to recognise it.
const QUOTED_WORDS: usize = 14;

/// A sentence of the text in quotation marks, as written (emphasis and
/// list markers at its edges left off), cut after a few words.
pub fn quote(doc: &Document, s: &Sentence) -> String {
    quote_text(&doc.text[s.src.clone()])
}

/// A cue phrase of the text in quotation marks, as written.
pub fn quote_hit(doc: &Document, h: &Hit) -> String {
    quote_text(&doc.text[doc.src_range(h.prose.clone())])
}

fn quote_text(written: &str) -> String {
    let edges = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '-' | '|');
    let plain = plain_words(written);
    let written = without_leading_label(plain.trim_matches(edges)).trim_matches(edges);
    let mut words = written.split_whitespace();
    // Written into one string, marks and all: the quotation is built for
    // every suggestion that quotes the text, and each string more was an
    // allocation more. (The marks are no stop or colon, so trimming the
    // end never reaches the opening one.)
    let mut quoted = String::with_capacity(written.len() + 3 * '\u{201c}'.len_utf8());
    quoted.push('\u{201c}');
    for (i, word) in words.by_ref().take(QUOTED_WORDS).enumerate() {
        if i > 0 {
            quoted.push(' ');
        }
        quoted.push_str(word);
    }
    let cut = words.next().is_some();
    if cut {
        quoted.truncate(quoted.trim_end_matches([',', ';', ':']).len());
        quoted.push('\u{2026}');
    } else {
        // The suggestion's own sentence goes on after the quotation, so
        // the stop or the colon that ended the text's sentence goes
        // ("…failing to compile:”. Own it").
        quoted.truncate(quoted.trim_end_matches(['.', ':', ';', ',']).len());
    }
    quoted.push('\u{201d}');
    quoted
}

/// A passage without the bracketed label a status update opens with
/// ("[Initial message] DigitalOcean is having…", "[Update 2] We…"): the
/// quotation is of what the sentence says. A bracket that closes no short
/// label, or with nothing after it, stays.
fn without_leading_label(passage: &str) -> &str {
    const LABEL_WORDS: usize = 4;
    let Some(inside) = passage.strip_prefix('[') else {
        return passage;
    };
    match inside.split_once(']') {
        Some((label, said))
            if !label.contains('[') && label.split_whitespace().count() <= LABEL_WORDS && !said.trim().is_empty() =>
        {
            said
        }
        _ => passage,
    }
}

/// The title of the first heading whose section is about one of `topics`,
/// as the text writes it.
pub fn section(doc: &Document, topics: &[Topic]) -> Option<String> {
    doc.headings().find(|b| topics.contains(&b.topic)).map(|b| {
        let written = doc.text[b.src.clone()].lines().next().unwrap_or("");
        let title = without_shortcodes(&without_entities(&without_tags(written)));
        title.trim().trim_matches('#').trim().trim_end_matches(':').trim_end().to_string()
    })
}

/// A heading without the emoji shortcodes chat-minded teams put in it
/// (":fire: Impact"), which a page shows as pictures and a quotation
/// would show as code. A shortcode is a word of its own between colons
/// with a letter in it, so "10:30:45" stays.
fn without_shortcodes(title: &str) -> String {
    let is_shortcode = |word: &str| {
        word.len() > 2
            && word.starts_with(':')
            && word.ends_with(':')
            && word[1..word.len() - 1].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-'))
            && word.chars().any(|c| c.is_ascii_alphabetic())
    };
    title.split_whitespace().filter(|w| !is_shortcode(w)).collect::<Vec<_>>().join(" ")
}

/// A passage with the HTML character references of prose written out
/// ("&nbsp;", "&amp;", "&#8217;", "&hearts;"): a text pasted from a web
/// page quotes them as code otherwise. Each is read as the Markdown parser
/// reads the text (its entity table, not a second parse: a parser run per
/// reference cost the web app 12 KB gzipped), so every reference it knows
/// is written out. "&lt;" and "&gt;" stay as written, so no reference
/// turns into a tag; a no-break space is a space.
fn without_entities(passage: &str) -> Cow<'_, str> {
    // HTML's longest reference name, "CounterClockwiseContourIntegral", and its ";".
    const LONGEST: usize = 32;
    // Most passages have none: they are not copied.
    if !passage.contains('&') {
        return Cow::Borrowed(passage);
    }
    let decode = |reference: &str| -> Option<String> {
        let text = pulldown_cmark::character_reference(reference)?;
        // What the parser reads for a reference to no character.
        let safe = !text.contains(['<', '>', '\u{fffd}']) && !text.chars().any(char::is_control);
        safe.then(|| text.replace('\u{a0}', " "))
    };
    let mut out = String::with_capacity(passage.len());
    let mut rest = passage;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let reference = after
            .char_indices()
            .take(LONGEST + 1)
            .find(|&(_, c)| c == ';')
            .map(|(end, _)| &after[..=end])
            .filter(|r| r[1..r.len() - 1].chars().all(|c| c.is_ascii_alphanumeric() || c == '#'))
            .and_then(|r| Some((r.len(), decode(r)?)));
        match reference {
            Some((len, written_out)) => {
                out.push_str(&written_out);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A passage as words to read: without its HTML tags, link targets and
/// code marks, with its character references written out, and without the
/// Markdown emphasis marks around its words. A quotation or an event's
/// passage starts and ends where its sentence does, so it often cuts a
/// tag or an emphasis in half ("**Identified**: the team…" quoted from
/// its second word shows "Identified**:"). A run of `*` or `_` is a mark
/// when a word is on one side only (an edge, a space or punctuation on
/// the other), or when it closes after punctuation or opens before a
/// bracket or a quotation mark: `*.example.com` and `snake_case` keep
/// theirs.
pub fn plain_words(passage: &str) -> String {
    let untagged = without_tags(passage);
    let unlinked = without_link_targets(&untagged);
    let written_out = without_entities(&unlinked);
    // Most passages have no code mark: they are not copied again.
    let plain = if written_out.contains('`') { Cow::Owned(written_out.replace('`', "")) } else { written_out };
    let is_mark = |b: u8| b == b'*' || b == b'_';
    let bytes = plain.as_bytes();
    let mut kept = String::with_capacity(plain.len());
    // The marks are ASCII: they are found by their bytes, and the text
    // between them is copied whole, not a character at a time. Up to
    // `copied` the passage is kept or left out; `from` is where the next
    // run of marks is looked for.
    let (mut copied, mut from) = (0, 0);
    while let Some(found) = memchr::memchr2(b'*', b'_', &bytes[from..]) {
        let i = from + found;
        let run_end = bytes[i..].iter().position(|&b| !is_mark(b)).map_or(bytes.len(), |n| i + n);
        let before = plain[..i].chars().next_back();
        let after = plain[run_end..].chars().next();
        let word_before = before.is_some_and(char::is_alphanumeric);
        let word_after = after.is_some_and(char::is_alphanumeric);
        let space_before = before.is_none_or(char::is_whitespace);
        let space_after = after.is_none_or(char::is_whitespace);
        // Emphasis that ends on punctuation or opens on a bracket or a
        // quotation mark ("**10:27 UTC:** Django…", "*(retried)*").
        let closes_after_punctuation = before.is_some_and(|c| ":.,;!?)\"'".contains(c)) && space_after;
        let opens_before_punctuation = space_before && after.is_some_and(|c| "(\"'".contains(c));
        if word_before != word_after || closes_after_punctuation || opens_before_punctuation {
            kept.push_str(&plain[copied..i]);
            copied = run_end;
        }
        from = run_end;
    }
    kept.push_str(&plain[copied..]);
    kept
}

/// A passage with its Markdown links read as their words: "[Bloggulus](https://bloggulus.com)"
/// and "[get rustup][install]" keep only the words in brackets, and an
/// image ("![a chart](chart.png)") goes whole. A passage that starts inside
/// a link ("geeko](//x.org)We had") loses the rest of it too, and one that
/// ends inside a link keeps its words; so a quotation's plain words are
/// found in the plain words of the whole text.
fn without_link_targets(passage: &str) -> Cow<'_, str> {
    // Most passages have no bracket: they are not copied.
    if memchr::memchr2(b'[', b']', passage.as_bytes()).is_none() {
        return Cow::Borrowed(passage);
    }
    let mut words = String::with_capacity(passage.len());
    // Where each "[" not yet closed was written in `words`.
    let mut opened: Vec<usize> = Vec::new();
    let mut rest = passage;
    // Only the brackets are read: the text between them is copied whole.
    while let Some(at) = memchr::memchr2(b'[', b']', rest.as_bytes()) {
        words.push_str(&rest[..at]);
        let bracket = rest.as_bytes()[at];
        rest = &rest[at + 1..];
        match bracket {
            b'[' => {
                opened.push(words.len());
                words.push('[');
            }
            _ => match link_target_len(rest) {
                Some(len) => {
                    rest = &rest[len..];
                    match opened.pop() {
                        Some(open) if words[..open].ends_with('!') => words.truncate(open - 1),
                        Some(open) => {
                            words.remove(open);
                        }
                        // The passage starts inside the link: what came
                        // before is the rest of its words, or an image's.
                        None => words.clear(),
                    }
                    let glued = words.ends_with(char::is_alphanumeric) && rest.starts_with(char::is_alphanumeric);
                    if glued {
                        words.push(' ');
                    }
                }
                None => {
                    opened.pop();
                    words.push(']');
                }
            },
        }
    }
    words.push_str(rest);
    // The passage ends inside a link ("Ticket [#2972"): its words stay,
    // without the bracket that opened it.
    for &open in opened.iter().rev() {
        words.remove(open);
    }
    Cow::Owned(words)
}

/// The length of a link's target right after its "]": "(url)", "(url
/// "title")" with balanced parentheses, or a reference "[name]".
fn link_target_len(after: &str) -> Option<usize> {
    let (open, close) = match after.chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        if c == '\n' {
            return None;
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        }
    }
    None
}

/// A heading's words without the HTML tags some texts write it in
/// ("<h2>What we are changing</h2>"); a `<` that opens no tag (not
/// followed by a letter, `/` or `!`: "a < b") is text.
pub fn without_tags(written: &str) -> Cow<'_, str> {
    // Most passages have no "<": they are not copied.
    if !written.contains('<') {
        return Cow::Borrowed(written);
    }
    let mut words = String::with_capacity(written.len());
    let mut rest = written;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let opens_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| opens_tag) {
            Some(close) => {
                words.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            None => {
                words.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    words.push_str(rest);
    Cow::Owned(words)
}

/// The technology a text names most often, as it writes it, when it gives
/// it a name ("PostgreSQL", "Kubernetes", "ZFS"): what advice for other
/// teams would be addressed to. A common noun ("server", "database"),
/// which a text writes in capitals only to start a sentence, is none; nor
/// is a technology everyone uses (see [`is_generic_technology`]).
pub fn named_technology(doc: &Document) -> Option<String> {
    // Each name's lowercased form, how often it is named, and how it was
    // first written, in the order the text first names it.
    let mut named: Vec<(String, usize, String)> = Vec::new();
    for s in doc.prose_sentences() {
        for h in doc.hits_in(s).iter().filter(|h| h.cue == Cue::Technology) {
            let written = &doc.text[doc.src_range(h.prose.clone())];
            // Most technologies are written in lower case: those are passed
            // over before anything else is asked of them.
            if !written.bytes().any(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let key = &doc.prose[h.prose.clone()];
            let starts_sentence = || doc.prose[s.prose.start..h.prose.start].trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty();
            // A capital past the first letter, or a first one that does not
            // start the sentence.
            let capitalised_as_a_name = written.chars().skip(1).any(|c| c.is_ascii_uppercase())
                || (written.starts_with(|c: char| c.is_ascii_uppercase()) && !starts_sentence());
            // "INDEX", "REPLICAS": a word shouted, not a name spelt (an
            // acronym of up to four letters, "AWS", "ZFS", is one).
            let shouted = written.len() > 4 && !written.chars().any(|c| c.is_ascii_lowercase());
            // The lexicon's names are ASCII, and the prose is the text
            // ASCII-lowercased: ASCII case tests suffice, and keep Unicode's
            // case tables out of the web app.
            if !written.eq_ignore_ascii_case(key) || !capitalised_as_a_name || shouted || is_generic_technology(key) {
                continue;
            }
            match named.iter_mut().find(|(k, ..)| k == key) {
                Some((_, count, _)) => *count += 1,
                None => named.push((key.to_string(), 1, written.to_string())),
            }
        }
    }
    // The most named; of those named as often, the first.
    let most = named.iter().map(|(_, count, _)| *count).max()?;
    named.into_iter().find(|(_, count, _)| *count == most).map(|(.., written)| written)
}

/// An example of advice for other teams, addressed to those who use the
/// technology the text names most (see [`named_technology`]), with the
/// rest left for the writer to fill in, as in the criterion's skeleton.
pub fn advice_for_others_example(doc: &Document) -> Option<String> {
    named_technology(doc).map(|name| format!("If you use {name}, check <what failed for us> \u{2014} <why it matters>."))
}

/// Where in the text to add something about `topics`: under the heading it
/// already has for them, or else `otherwise` ("after your timeline").
pub fn where_to_add(doc: &Document, topics: &[Topic], otherwise: &str) -> String {
    match section(doc, topics) {
        Some(title) if !title.is_empty() => format!("under your \u{201c}{title}\u{201d} heading"),
        _ => otherwise.to_string(),
    }
}

/// Where a new section goes when the text has none for it: after the
/// timeline when there is one, else after the account of what happened.
pub fn after_the_story(doc: &Document) -> String {
    match section(doc, &[Topic::Timeline]) {
        Some(title) if !title.is_empty() => format!("after your \u{201c}{title}\u{201d} section"),
        _ if doc.blocks.iter().any(|b| matches!(b.kind, BlockKind::Heading(_))) => {
            "in a section of its own after the account of what happened".to_string()
        }
        _ => "after your account of what happened".to_string(),
    }
}

/// "a", "a and b", "a, b and c"; with a comma before the last "and"
/// when an item beside it has an "and" of its own, so the list still
/// parses ("what it was like, who responded and when, and whom you
/// thank", not "…who responded and when and whom you thank").
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., before_last, last] if before_last.contains(" and ") || last.contains(" and ") => {
            format!("{}, and {last}", init.iter().chain([before_last]).copied().collect::<Vec<_>>().join(", "))
        }
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::CriterionId;

    #[test]
    fn a_long_sentence_is_cut_after_a_few_words() {
        let doc = Document::parse(
            "- **The deploy at 10:02 broke logins for every customer of the shop in the EU and the US, and more.**\n",
        );
        let q = quote(&doc, &doc.sentences[0]);
        assert!(q.starts_with("\u{201c}The deploy at 10:02"), "{q}");
        assert!(q.ends_with("\u{2026}\u{201d}"), "{q}");
        assert_eq!(q.split_whitespace().count(), QUOTED_WORDS);
    }

    #[test]
    fn a_quotation_reads_without_tags_and_emphasis_cut_in_half() {
        let doc = Document::parse("- **Identified**: the team saw <b>failed</b> logins on *.example.com at 14:22.\n");
        assert_eq!(quote(&doc, &doc.sentences[0]), "\u{201c}Identified: the team saw failed logins on *.example.com at 14:22\u{201d}");
        assert_eq!(plain_words("10:27* Deployed the **new** snake_case config"), "10:27 Deployed the new snake_case config");
        assert_eq!(plain_words("a * b < c"), "a * b < c");
        assert_eq!(plain_words("00:27 UTC:** Django starts *(again)*"), "00:27 UTC: Django starts (again)");
    }

    #[test]
    fn a_status_update_is_quoted_without_its_label() {
        let doc = Document::parse("[Initial message] DigitalOcean infrastructure is having a network outage.\n");
        assert_eq!(quote(&doc, &doc.sentences[0]), "\u{201c}DigitalOcean infrastructure is having a network outage\u{201d}");
        assert_eq!(without_leading_label("[Update 2] We are back"), " We are back");
        assert_eq!(without_leading_label("[1]"), "[1]");
        assert_eq!(without_leading_label("[a label of too many words] said"), "[a label of too many words] said");
    }

    #[test]
    fn a_sentence_that_opens_a_list_is_quoted_without_its_colon() {
        let doc = Document::parse("We saw the program failing to compile:\n\n- error one\n");
        assert_eq!(quote(&doc, &doc.sentences[0]), "\u{201c}We saw the program failing to compile\u{201d}");
    }

    #[test]
    fn the_heading_is_named_as_written() {
        let doc = Document::parse("# Outage\n\n## Customer Impact\n\nSome users saw errors.\n");
        assert_eq!(where_to_add(&doc, &[Topic::Impact], "near the top"), "under your \u{201c}Customer Impact\u{201d} heading");
        assert_eq!(where_to_add(&doc, &[Topic::FollowUp], "at the end"), "at the end");
        let doc = Document::parse("<h2>What changes we are making now?</h2>\n\nMore disks.\n");
        assert_eq!(section(&doc, &[Topic::FollowUp]).as_deref(), Some("What changes we are making now?"));
        let doc = Document::parse("## Action items:\n\n- Add disks\n");
        assert_eq!(section(&doc, &[Topic::FollowUp]).as_deref(), Some("Action items"));
    }

    #[test]
    fn a_passage_from_a_web_page_is_quoted_without_its_character_references() {
        let doc = Document::parse("The account was used to upload files to minotaur.apache.org.&nbsp; Logs &amp; mail were intact.\n");
        assert_eq!(quote(&doc, &doc.sentences[0]), "\u{201c}The account was used to upload files to minotaur.apache.org. Logs & mail were intact\u{201d}");
        let doc = Document::parse("We\u{2019}ve restored it&#8212;the logs &amp; mail&#xA0;too.\n");
        assert_eq!(quote(&doc, &doc.sentences[0]), "\u{201c}We\u{2019}ve restored it\u{2014}the logs & mail too\u{201d}");
        assert_eq!(plain_words("a &lt;b&gt; &#60;c&#62; &unknown; R&D; fish & chips &#0;"), "a &lt;b&gt; &#60;c&#62; &unknown; R&D; fish & chips &#0;");
        // Every reference HTML names, not only the common few.
        assert_eq!(plain_words("The caf&eacute; &hearts; &frac12; &euro;5 &Omega; &rarr; done"), "The caf\u{e9} \u{2665} \u{bd} \u{20ac}5 \u{3a9} \u{2192} done");
    }

    #[test]
    fn advice_for_others_is_addressed_to_the_technology_the_text_names() {
        let doc = Document::parse(
            "Our PostgreSQL primary ran out of disk. The server stopped. We moved PostgreSQL to a bigger disk, \
             and Kubernetes restarted the pods. Server load fell.\n",
        );
        assert_eq!(named_technology(&doc).as_deref(), Some("PostgreSQL"));
        // A common noun capitalised to start a sentence, and a technology
        // everyone uses, are no name.
        let doc = Document::parse("Server load rose. DNS failed, then DNS failed again. Our Workers and the INDEX and the Load Balancer were fine.\n");
        assert_eq!(named_technology(&doc), None);
        let doc = Document::parse("We run on AWS; ContainerCreating pods hung.\n");
        assert_eq!(named_technology(&doc).as_deref(), Some("AWS"));
        let review = crate::engine::review(
            "# Outage\n\nOn 1 May our Redis cluster ran out of memory and we lost sessions for 40 minutes. \
             We learned that Redis eviction settings matter.\n",
        );
        let advice = review.get(CriterionId::B4).suggestion.clone().unwrap_or_default();
        assert!(advice.contains("If you use Redis, check"), "{advice}");
        assert!(!advice.contains("nginx"), "{advice}");
    }

    #[test]
    fn a_passage_with_links_and_code_is_quoted_as_its_words() {
        assert_eq!(
            plain_words("On June 4, [Bloggulus](https://bloggulus.com) was down; [get `rustup`][install] (see [docs](a_(b)))."),
            "On June 4, Bloggulus was down; get rustup (see docs)."
        );
        assert_eq!(plain_words("[![Failed geeko](//x.org/f.png)](//x.org/d)We had network problems"), "We had network problems");
        assert_eq!(plain_words("geeko](//x.org/f.png)](//x.org/d)We had"), "We had");
        assert_eq!(plain_words("Add a check [#4669"), "Add a check #4669");
        assert_eq!(plain_words("a [note] and a ] alone ([not a link] here)"), "a [note] and a ] alone ([not a link] here)");
    }

    #[test]
    fn a_heading_is_named_without_its_emoji_shortcodes() {
        let doc = Document::parse("# Outage\n\n## :thinking: Lessons learned\n\n- Add disks\n");
        assert_eq!(section(&doc, &[Topic::FollowUp]).as_deref(), Some("Lessons learned"));
        assert_eq!(without_shortcodes("Timeline 10:30:45 UTC"), "Timeline 10:30:45 UTC");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&["who", "how many", "how long"]), "who, how many and how long");
        assert_eq!(and_list(&["who"]), "who");
        assert_eq!(
            and_list(&["what it was like", "who responded and when", "whom you thank"]),
            "what it was like, who responded and when, and whom you thank"
        );
        assert_eq!(
            and_list(&["who responded and when", "what it was like", "whom you thank"]),
            "who responded and when, what it was like and whom you thank"
        );
        assert_eq!(and_list(&["who responded and when", "whom you thank"]), "who responded and when, and whom you thank");
        assert_eq!(and_list(&["who", "what you knew and why"]), "who, and what you knew and why");
    }
}
