//! The HTML the web app shows of the person's own text: the highlighted
//! mirror behind the editor, line by line, and the rendered Markdown preview. Both are
//! built here, as strings, so that every byte of user text passes through
//! one escaping path that native tests can attack.
//!
//! Also here: conversion between the engine's UTF-8 byte offsets and the
//! UTF-16 offsets a browser's `<textarea>` uses for its caret and selection.

use crate::engine::{CriterionId, Review};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::fmt::Write as _;
use std::ops::Range;

/// One cited passage, placed in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub criterion: CriterionId,
    /// Which of the criterion's evidence passages this is (0-based).
    pub index: usize,
    pub range: Range<usize>,
}

/// The passage the person last asked to see in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// A criterion's evidence passage, by its index.
    Evidence(CriterionId, usize),
    /// Any other passage, as bytes of the text: a timeline event's.
    Passage(Range<usize>),
}

/// Every evidence passage of the review, in criterion order.
pub fn highlights(review: &Review) -> Vec<Highlight> {
    review
        .criteria
        .iter()
        .flat_map(|c| {
            c.evidence.iter().enumerate().map(|(index, e)| Highlight {
                criterion: c.id,
                index,
                range: e.range(),
            })
        })
        .collect()
}

/// The criteria with a passage covering byte `at` of the text, in
/// criterion order: what the caret or a click is "in".
pub fn criteria_at(marks: &[Highlight], at: usize) -> Vec<CriterionId> {
    let mut ids: Vec<CriterionId> = marks.iter().filter(|m| m.range.contains(&at)).map(|m| m.criterion).collect();
    // The marks are in criterion order: one criterion's are together.
    ids.dedup();
    ids
}

/// One change to a text: `removed` bytes at `start` replaced by
/// `inserted` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub removed: usize,
    pub inserted: usize,
}

impl Edit {
    /// The single edit that turns `old` into `new`: what lies between
    /// their common start and their common end, on character boundaries.
    pub fn between(old: &str, new: &str) -> Edit {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !old.is_char_boundary(start) {
            start -= 1;
        }
        let room = a.len().min(b.len()) - start;
        let mut common_end = a.iter().rev().zip(b.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
        // The same bytes end both texts, so a boundary in one is one in the other.
        while !old.is_char_boundary(a.len() - common_end) {
            common_end -= 1;
        }
        Edit {
            start,
            removed: a.len() - common_end - start,
            inserted: b.len() - common_end - start,
        }
    }
}

/// Moves passages placed in a text to where the same words are after
/// `edit`: those after it shift by its length, one it falls inside grows
/// or shrinks with it, and a passage the edit removed whole is dropped.
/// Text typed just before or after a passage is not part of it.
pub fn move_highlights(marks: &mut Vec<Highlight>, edit: Edit) {
    let removed_end = edit.start + edit.removed;
    let inserted_end = edit.start + edit.inserted;
    marks.retain_mut(|m| {
        let Range { start, end } = m.range;
        if end <= edit.start {
            return true;
        }
        if start >= removed_end {
            m.range = start - edit.removed + edit.inserted..end - edit.removed + edit.inserted;
            return true;
        }
        // The edit overlaps the passage: what it removed of the passage
        // is gone, what it inserted inside the passage joins it.
        let start = if start <= edit.start { start } else { inserted_end };
        let end = if end >= removed_end { end - edit.removed + edit.inserted } else { edit.start };
        m.range = start..end;
        start < end
    });
}

/// The text as one HTML string per line, escaped, with each passage of
/// `marks` (the review's, see [`highlights`]) wrapped in `<mark data-evidence="ID" data-index="N" class="tier-…">`.
///
/// Lines, because the mirror shows each as its own block: an edit changes
/// one or two lines, so the app replaces only those and the browser lays
/// out only those, however long the draft. A passage that crosses a line
/// break is marked on each line with the same attributes.
///
/// Passages of different criteria may overlap. Each line is cut at every
/// passage boundary, and each piece is wrapped in one mark per criterion
/// covering it, nested in criterion order: the marks of one criterion stay
/// selectable by `[data-evidence="ID"]`, and an overlap shows as stacked
/// highlights.
///
/// The passage `shown`, the one the person last asked to see, gets the
/// class `current`: an evidence passage on its marks; any other passage
/// in a `<mark data-passage class="passage current">` of its own,
/// outside the evidence marks.
///
/// An empty line is a single space, so its block keeps the height of a
/// line, as the textarea does; a trailing newline gives a last empty line.
pub fn mirror_lines(text: &str, marks: &[Highlight], shown: Option<&Shown>) -> Vec<String> {
    mirror_lines_around(text, marks, shown, 0..text.len()).1
}

/// The lines of `text` that hold bytes `range`, as [`mirror_lines`]
/// renders them, and the index of the first. After a keystroke whose
/// edit is `range` (and which only moved the other highlights), these are
/// the only lines whose HTML changed: a line's HTML holds no offsets.
pub fn mirror_lines_around(
    text: &str,
    marks: &[Highlight],
    shown: Option<&Shown>,
    range: Range<usize>,
) -> (usize, Vec<String>) {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let first = text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count();
    let mut lines = Vec::new();
    let mut line_start = start;
    for line in text[start..end].split('\n') {
        let line_end = line_start + line.len();
        lines.push(line_html(text, line_start..line_end, marks, shown));
        line_start = line_end + 1;
    }
    (first, lines)
}

fn line_html(
    text: &str,
    line: Range<usize>,
    marks: &[Highlight],
    shown: Option<&Shown>,
) -> String {
    if line.is_empty() {
        return " ".to_string();
    }
    let on_line: Vec<&Highlight> = marks
        .iter()
        .filter(|m| m.range.start < line.end && line.start < m.range.end)
        .collect();
    let passage = match shown {
        Some(Shown::Passage(p)) if p.start < line.end && line.start < p.end => Some(p),
        _ => None,
    };
    let mut cuts = vec![line.start, line.end];
    // A shown passage may be a moment older than the text; cutting inside
    // a character would drop the piece.
    for range in on_line.iter().map(|m| &m.range).chain(passage) {
        cuts.extend([range.start, range.end].into_iter().filter(|&c| line.contains(&c) && text.is_char_boundary(c)));
    }
    crate::sorting::sort_stably(&mut cuts, |a, b| a.cmp(b));
    cuts.dedup();

    let mut out = String::with_capacity(line.len() + on_line.len() * 160);
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        let Some(slice) = text.get(start..end) else {
            continue;
        };
        let covering: Vec<&&Highlight> = on_line
            .iter()
            .filter(|m| m.range.start <= start && end <= m.range.end)
            .collect();
        let in_passage = passage.is_some_and(|p| p.start <= start && end <= p.end);
        if in_passage {
            out.push_str(r#"<mark data-passage="" class="passage current">"#);
        }
        for m in &covering {
            let _ = write!(
                out,
                r#"<mark data-evidence="{}" data-index="{}" class="tier-{}{}">"#,
                m.criterion,
                m.index,
                tier_class(m.criterion),
                if shown == Some(&Shown::Evidence(m.criterion, m.index)) {
                    " current"
                } else {
                    ""
                }
            );
        }
        escape_into(&mut out, slice);
        for _ in &covering {
            out.push_str("</mark>");
        }
        if in_passage {
            out.push_str("</mark>");
        }
    }
    out
}

/// Which lines differ between two renderings: the new lines
/// `new[prefix..new_end]` replace the old lines `old[prefix..old_end]`; the
/// lines before and after are unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangedLines {
    pub prefix: usize,
    pub old_end: usize,
    pub new_end: usize,
}

pub fn changed_lines(old: &[String], new: &[String]) -> ChangedLines {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    ChangedLines {
        prefix,
        old_end: old.len() - suffix,
        new_end: new.len() - suffix,
    }
}

/// The CSS class suffix of a criterion's tier: highlights are coloured by tier.
pub fn tier_class(id: CriterionId) -> &'static str {
    match id.tier() {
        crate::engine::Tier::Prerequisites => "prerequisites",
        crate::engine::Tier::Requirements => "requirements",
        crate::engine::Tier::Bonus => "bonus",
    }
}

/// Escapes text for an HTML element or a double- or single-quoted attribute.
pub fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

/// The byte offset of UTF-16 offset `utf16` (a textarea's caret), clamped
/// to the text; a position inside a surrogate pair moves to the start of
/// its character.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        let next = units + ch.len_utf16();
        if next > utf16 {
            return byte;
        }
        units = next;
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte`, clamped to the text; a byte
/// inside a character counts as the start of that character.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    text[..byte].encode_utf16().count()
}

/// The Markdown rendered as HTML that cannot run script: raw HTML in the
/// text is shown as text, and links and images keep only web, mail and
/// relative addresses (so no `javascript:`, `data:` or `vbscript:`).
pub fn markdown_html(text: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Through the offset iterator the engine reads the text with, not the
    // parser's own: the two are copies of one loop, and the WebAssembly
    // then compiles only one of them.
    let events = Parser::new_ext(text, options).into_offset_iter().map(|(event, _)| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        // A raw HTML block keeps its line breaks when shown as code.
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::CodeBlock),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Keeps http, https and mailto addresses and relative ones; anything else
/// becomes `#`. Browsers ignore tabs, newlines and leading control
/// characters in a scheme (`java\tscript:`), so those are dropped before
/// the scheme is read.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_control()).collect();
    let cleaned = cleaned.trim_start();
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    let scheme = match scheme_end {
        Some(i) if cleaned[i..].starts_with(':') => Some(cleaned[..i].to_ascii_lowercase()),
        _ => None,
    };
    match scheme.as_deref() {
        None | Some("http" | "https" | "mailto") => url,
        Some(_) => CowStr::Borrowed("#"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CriterionReview, Evidence, Tier, Verdict, review};

    fn review_citing(text: &str, cites: &[(CriterionId, Range<usize>)]) -> Review {
        let mut r = review("");
        for c in &mut r.criteria {
            c.evidence.clear();
        }
        for (id, range) in cites {
            let c: &mut CriterionReview = &mut r.criteria[*id as usize];
            c.verdict = Verdict::Partial;
            c.evidence.push(Evidence {
                start: range.start,
                end: range.end,
                text: text[range.clone()].to_string(),
            });
        }
        r
    }

    fn mirror(text: &str, r: &Review, shown: Option<&Shown>) -> String {
        mirror_lines(text, &highlights(r), shown).join("\n")
    }

    #[test]
    fn mirror_escapes_the_text() {
        let text = "<script>alert('x')</script> & \"q\"";
        assert_eq!(
            mirror(text, &review_citing(text, &[]), None),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn mirror_marks_evidence_at_byte_offsets_in_non_ascii_text() {
        let text = "Désolé. 日本 was down 😀 for an hour.";
        let start = text.find("日本").unwrap();
        let end = text.find(" for").unwrap();
        assert_eq!(
            mirror(
                text,
                &review_citing(text, &[(CriterionId::R2, start..end)]),
                None
            ),
            "Désolé. <mark data-evidence=\"R2\" data-index=\"0\" class=\"tier-requirements\">日本 was down 😀</mark> for an hour."
        );
    }

    #[test]
    fn overlapping_evidence_is_split_into_pieces_marked_by_every_covering_criterion() {
        let text = "aaa bbb ccc";
        let r = review_citing(text, &[(CriterionId::P1, 0..7), (CriterionId::B3, 4..11)]);
        assert_eq!(
            mirror(text, &r, None),
            concat!(
                r#"<mark data-evidence="P1" data-index="0" class="tier-prerequisites">aaa </mark>"#,
                r#"<mark data-evidence="P1" data-index="0" class="tier-prerequisites">"#,
                r#"<mark data-evidence="B3" data-index="0" class="tier-bonus">bbb</mark></mark>"#,
                r#"<mark data-evidence="B3" data-index="0" class="tier-bonus"> ccc</mark>"#,
            )
        );
    }

    #[test]
    fn a_passage_across_a_line_break_is_marked_on_both_lines() {
        let text = "one\ntwo three";
        let r = review_citing(text, &[(CriterionId::R3, 1..7)]);
        assert_eq!(
            mirror_lines(text, &highlights(&r), None),
            vec![
                r#"o<mark data-evidence="R3" data-index="0" class="tier-requirements">ne</mark>"#.to_string(),
                r#"<mark data-evidence="R3" data-index="0" class="tier-requirements">two</mark> three"#.to_string(),
            ]
        );
    }

    #[test]
    fn the_current_passage_is_marked_current() {
        let text = "aaa bbb";
        let r = review_citing(text, &[(CriterionId::R4, 0..3), (CriterionId::R4, 4..7)]);
        let html = mirror(text, &r, Some(&Shown::Evidence(CriterionId::R4, 1)));
        assert_eq!(html.matches(" current").count(), 1, "{html}");
        assert!(
            html.contains(r#"data-index="1" class="tier-requirements current">bbb"#),
            "{html}"
        );
    }

    #[test]
    fn a_shown_passage_is_marked_current_around_the_evidence_it_overlaps() {
        let text = "aaa bbb\nccc";
        let r = review_citing(text, &[(CriterionId::R1, 4..11)]);
        assert_eq!(
            mirror_lines(text, &highlights(&r), Some(&Shown::Passage(0..7))),
            vec![
                concat!(
                    r#"<mark data-passage="" class="passage current">aaa </mark>"#,
                    r#"<mark data-passage="" class="passage current">"#,
                    r#"<mark data-evidence="R1" data-index="0" class="tier-requirements">bbb</mark></mark>"#,
                ),
                r#"<mark data-evidence="R1" data-index="0" class="tier-requirements">ccc</mark>"#,
            ]
        );
    }

    #[test]
    fn empty_lines_keep_their_height() {
        let none = review_citing("", &[]);
        assert_eq!(
            mirror_lines("a\n\nb\n", &highlights(&none), None),
            vec!["a", " ", "b", " "]
        );
        assert_eq!(mirror_lines("", &highlights(&none), None), vec![" "]);
    }

    #[test]
    fn mirror_of_a_real_review_reproduces_the_text() {
        let text = "# Outage\n\nWe are sorry: our deploy at 10:00 UTC broke login for 5% of users until 11:30 UTC.\nDésolé, 日本 😀.\n";
        let lines = mirror_lines(text, &highlights(&review(text)), None);
        let stripped: Vec<String> = lines.iter().map(|l| strip_tags(l)).collect();
        let expected: Vec<&str> = text
            .split('\n')
            .map(|l| if l.is_empty() { " " } else { l })
            .collect();
        assert_eq!(stripped, expected);
        assert!(lines.iter().any(|l| l.contains("<mark")), "{lines:?}");
    }

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(ch),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn changed_lines_finds_the_edited_middle() {
        let lines = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            changed_lines(&lines("a,b,c,d"), &lines("a,x,y,c,d")),
            ChangedLines {
                prefix: 1,
                old_end: 2,
                new_end: 3
            }
        );
        assert_eq!(
            changed_lines(&lines("a,b"), &lines("a,b")),
            ChangedLines {
                prefix: 2,
                old_end: 2,
                new_end: 2
            }
        );
        assert_eq!(
            changed_lines(&[], &lines("a,b")),
            ChangedLines {
                prefix: 0,
                old_end: 0,
                new_end: 2
            }
        );
        // A repeated line must not be counted in both prefix and suffix.
        assert_eq!(
            changed_lines(&lines("a,a"), &lines("a,a,a")),
            ChangedLines {
                prefix: 2,
                old_end: 2,
                new_end: 3
            }
        );
    }

    #[test]
    fn utf16_and_byte_offsets_convert_both_ways() {
        let text = "é日😀a";
        // bytes: é=2, 日=3, 😀=4, a=1; UTF-16 units: 1, 1, 2, 1.
        assert_eq!(byte_to_utf16(text, 0), 0);
        assert_eq!(byte_to_utf16(text, 2), 1);
        assert_eq!(byte_to_utf16(text, 5), 2);
        assert_eq!(byte_to_utf16(text, 9), 4);
        assert_eq!(byte_to_utf16(text, 10), 5);
        assert_eq!(byte_to_utf16(text, 99), 5);
        assert_eq!(byte_to_utf16(text, 6), 2, "inside 😀 counts as its start");
        for (byte, _) in text.char_indices() {
            assert_eq!(utf16_to_byte(text, byte_to_utf16(text, byte)), byte);
        }
        assert_eq!(utf16_to_byte(text, 3), 5, "inside the surrogate pair of 😀");
        assert_eq!(utf16_to_byte(text, 99), text.len());
    }

    #[test]
    fn an_edit_is_what_lies_between_the_common_start_and_end() {
        let edit = |old, new| {
            let Edit { start, removed, inserted } = Edit::between(old, new);
            (start, removed, inserted)
        };
        assert_eq!(edit("abc", "abXc"), (2, 0, 1));
        assert_eq!(edit("abc", "ac"), (1, 1, 0));
        assert_eq!(edit("aaa", "aaaa"), (3, 0, 1));
        assert_eq!(edit("same", "same"), (4, 0, 0));
        assert_eq!(edit("", "new"), (0, 0, 3));
        // é and è share their first byte: the edit is the whole character.
        assert_eq!(edit("café!", "cafè!"), (3, 2, 2));
        assert_eq!(edit("日本", "日日本"), (3, 0, 3));
    }

    /// What the passages `ranges` of `text` mark once the text is `new`.
    fn moved<'a>(text: &str, new: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        let mut marks: Vec<Highlight> = ranges
            .iter()
            .map(|r| Highlight { criterion: CriterionId::R1, index: 0, range: r.clone() })
            .collect();
        assert!(ranges.iter().all(|r| !text[r.clone()].is_empty()));
        move_highlights(&mut marks, Edit::between(text, new));
        marks.iter().map(|m| &new[m.range.clone()]).collect()
    }

    #[test]
    // Each case lists the passages marked, sometimes only one.
    #[allow(clippy::single_range_in_vec_init)]
    fn highlights_move_with_the_words_they_mark() {
        let text = "one two three";
        // Typing before, after, between and inside passages.
        assert_eq!(moved(text, "one two! three", &[0..3, 8..13]), ["one", "three"]);
        assert_eq!(moved(text, "one tw-o three", &[4..7]), ["tw-o"]);
        assert_eq!(moved(text, "one twoo three", &[4..7]), ["two"]);
        assert_eq!(moved(text, "one otwo three", &[4..7]), ["two"]);
        assert_eq!(moved(text, "xone two three", &[0..3, 4..7]), ["one", "two"]);
        // Deleting part of a passage, a whole one, and across two.
        assert_eq!(moved(text, "one to three", &[4..7]), ["to"]);
        assert_eq!(moved(text, "one  three", &[0..3, 4..7, 8..13]), ["one", "three"]);
        assert_eq!(moved(text, "onree", &[0..3, 8..13]), ["on", "ree"]);
        // Replacing words of a passage: the new words take their place.
        assert_eq!(moved(text, "one 2 three", &[0..7]), ["one 2"]);
    }

    #[test]
    fn after_typing_the_lines_around_the_edit_are_all_that_changed() {
        let text = "# Outage\n\nWe are sorry: our deploy at 10:00 UTC broke login.\nIt was fixed at 11:30 UTC.\n\nNext line.";
        let marks = highlights(&review(text));
        assert!(!marks.is_empty());
        let before = mirror_lines(text, &marks, None);
        let at = text.find("broke").unwrap();
        for typed in ["x", "\n", "new\nlines\n", ""] {
            // Typing `typed` over "broke".
            let new = format!("{}{typed}{}", &text[..at], &text[at + 5..]);
            let edit = Edit::between(text, &new);
            let mut moved = marks.clone();
            move_highlights(&mut moved, edit);
            let (first, fresh) = mirror_lines_around(&new, &moved, None, edit.start..edit.start + edit.inserted);
            let total = new.matches('\n').count() + 1;
            let mut spliced = before.clone();
            spliced.splice(first..first + fresh.len() + before.len() - total, fresh);
            assert_eq!(spliced, mirror_lines(&new, &moved, None), "typing {typed:?}");
        }
    }

    #[test]
    fn criteria_at_finds_every_criterion_covering_a_position() {
        let text = "aaa bbb ccc";
        let r = review_citing(text, &[(CriterionId::P1, 0..7), (CriterionId::B3, 4..11)]);
        assert_eq!(criteria_at(&highlights(&r), 0), vec![CriterionId::P1]);
        assert_eq!(criteria_at(&highlights(&r), 5), vec![CriterionId::P1, CriterionId::B3]);
        assert_eq!(criteria_at(&highlights(&r), 7), vec![CriterionId::B3]);
        assert_eq!(criteria_at(&highlights(&r), 11), vec![]);
        assert_eq!(tier_class(CriterionId::B3), "bonus");
        assert_eq!(CriterionId::B3.tier(), Tier::Bonus);
    }

    #[test]
    fn preview_shows_raw_html_as_text() {
        for payload in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "Hello <b onmouseover=alert(1)>there</b>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<svg><script>alert(1)</script></svg>",
            "<!-- comment --><style>body{display:none}</style>",
        ] {
            let html = markdown_html(payload);
            assert!(!html.contains("<script"), "{payload}: {html}");
            assert!(!html.contains("<img"), "{payload}: {html}");
            assert!(!html.contains("<b "), "{payload}: {html}");
            assert!(!html.contains("<iframe"), "{payload}: {html}");
            assert!(!html.contains("<svg"), "{payload}: {html}");
            assert!(!html.contains("<style"), "{payload}: {html}");
            assert!(html.contains("&lt;"), "{payload}: {html}");
        }
    }

    #[test]
    fn preview_neutralises_script_urls() {
        for payload in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](  javascript:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox(1))",
            "<javascript:alert(1)>",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
            "[x][r]\n\n[r]: javascript:alert(1)",
        ] {
            let html = markdown_html(payload);
            for url in attribute_values(&html, &["href=\"", "src=\""]) {
                let scheme = url.to_ascii_lowercase();
                assert!(
                    !["javascript", "vbscript", "data"]
                        .iter()
                        .any(|s| scheme.contains(s)),
                    "{payload}: {html}"
                );
            }
        }
    }

    fn attribute_values<'a>(html: &'a str, prefixes: &[&str]) -> Vec<&'a str> {
        let mut values = Vec::new();
        for prefix in prefixes {
            for (at, _) in html.match_indices(prefix) {
                let rest = &html[at + prefix.len()..];
                values.push(&rest[..rest.find('"').unwrap_or(rest.len())]);
            }
        }
        values
    }

    #[test]
    fn preview_keeps_ordinary_markdown_and_links() {
        let html = markdown_html(
            "# Outage\n\n*We* broke [status](https://status.example.com) and [docs](/docs).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(html.contains("<h1>Outage</h1>"), "{html}");
        assert!(html.contains("<em>We</em>"), "{html}");
        assert!(
            html.contains(r#"href="https://status.example.com""#),
            "{html}"
        );
        assert!(html.contains(r#"href="/docs""#), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(markdown_html("[x](javascript:alert(1))").contains(r##"href="#""##));
    }
}
