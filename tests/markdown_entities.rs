//! The patched pulldown-cmark (vendor/pulldown-cmark/PATCHED.md) packs its
//! HTML entity table into one string searched by bisection: the entities at
//! both ends of the table and in between still expand as they did, and
//! what is not an entity stays text.

use pulldown_cmark::{Event, Parser};

fn text_of(markdown: &str) -> String {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) => Some(text.into_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn named_entities_expand_across_the_whole_table() {
    let cases = [
        ("&AElig;", "\u{00C6}"),
        ("&AMP;", "&"),
        ("&amp;", "&"),
        ("&CounterClockwiseContourIntegral;", "\u{2233}"),
        ("&fjlig;", "fj"),
        ("&NewLine;", "\n"),
        ("&nbsp;", "\u{00A0}"),
        ("&nbump;", "\u{224E}\u{0338}"),
        ("&semi;", ";"),
        ("&zfr;", "\u{1D537}"),
        ("&zwnj;", "\u{200C}"),
    ];
    for (markdown, expected) in cases {
        assert_eq!(text_of(&format!("a{markdown}b")), format!("a{expected}b"), "{markdown}");
    }
}

#[test]
fn what_is_not_an_entity_stays_text() {
    for markdown in ["&Aelig;", "&amp", "&ampx;", "&zwnk;", "&zzzz;", "&AAAA;", "&0;", "&;"] {
        assert_eq!(text_of(markdown), markdown);
    }
}
