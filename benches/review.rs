//! `cargo bench`: the engine on every corpus case, and on a 10,000-word
//! postmortem (the budget is 1 ms). Divan prints the time per document and
//! the throughput.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use postmortem_reviewer::engine::{review, timeline, Document};
use std::sync::LazyLock;

fn main() {
    let words = TEN_THOUSAND_WORDS.split_ascii_whitespace().count();
    println!("10,000-word document: {words} words, {} bytes", TEN_THOUSAND_WORDS.len());
    divan::main();
}

/// The seed set's postmortems stitched together until they pass 10,000
/// words: real postmortem prose, headings, lists, tables and code in real
/// proportions, and the same text from one corpus size to the next.
static TEN_THOUSAND_WORDS: LazyLock<String> = LazyLock::new(|| {
    let cases: Vec<_> = corpus::load().into_iter().filter(|c| c.file.starts_with("docs/seed/")).collect();
    let mut text = String::new();
    'fill: loop {
        for case in &cases {
            text.push_str(&case.text);
            text.push_str("\n\n");
            if text.split_ascii_whitespace().count() >= 10_000 {
                break 'fill;
            }
        }
    }
    text
});

static CORPUS: LazyLock<Vec<String>> = LazyLock::new(|| corpus::load().into_iter().map(|c| c.text).collect());

#[divan::bench]
fn review_10k_words(bencher: Bencher) {
    let text = TEN_THOUSAND_WORDS.as_str();
    review(text); // build the lexicon outside the timing
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| review(black_box(text)));
}

#[divan::bench]
fn parse_10k_words(bencher: Bencher) {
    let text = TEN_THOUSAND_WORDS.as_str();
    review(text);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Document::parse(black_box(text)).sentences.len());
}

/// What the timeline adds to a review (budget: 1 ms per 10,000 words):
/// reading it from the document the review has already parsed.
#[divan::bench]
fn timeline_10k_words(bencher: Bencher) {
    let text = TEN_THOUSAND_WORDS.as_str();
    let doc = Document::parse(text);
    timeline::read(&doc);
    bencher.counter(BytesCount::of_str(text)).bench(|| timeline::read(black_box(&doc)).events.len());
}

#[divan::bench]
fn review_whole_corpus(bencher: Bencher) {
    let bytes: usize = CORPUS.iter().map(String::len).sum();
    review(&CORPUS[0]);
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for text in CORPUS.iter() {
            black_box(review(black_box(text)));
        }
    });
}

/// The largest input the app and the CLI accept (2 MB), as one long
/// paragraph: a check that no rule is quadratic in a block's length.
#[divan::bench]
fn review_largest_accepted_input(bencher: Bencher) {
    let sentence = "We broke it at 10:00 UTC. Users could not log in. \"We are sorry,\" said the CEO. ";
    let text = sentence.repeat(postmortem_reviewer::input::MAX_BYTES / sentence.len());
    bencher.counter(BytesCount::of_str(&text)).bench(|| review(black_box(&text)));
}
