//! `cargo bench`: the engine on every corpus case, and on a 10,000-word
//! postmortem. Divan prints the time per document and the throughput; then
//! the engine's time as a ratio to a bare pulldown-cmark parse of the same
//! text, measured in the same run (budget: 2.5×), so the figure does not
//! depend on how fast or how loaded the machine is.

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
    print_ratio_to_parse(TEN_THOUSAND_WORDS.as_str());
    // Linear means the same time per 10,000 words at every length, up to
    // the largest input accepted.
    print_ratio_to_parse(&seed_text(|t| t.split_ascii_whitespace().count() >= 100_000));
    let max = postmortem_reviewer::input::MAX_BYTES;
    let mut largest = seed_text(|t| t.len() >= max);
    let mut end = max;
    while !largest.is_char_boundary(end) {
        end -= 1;
    }
    largest.truncate(end);
    print_ratio_to_parse(&largest);
}

/// The engine's time on `text` over a bare pulldown-cmark parse of it (the
/// options src/engine/document.rs gives it, every event and its range
/// consumed): the engine's
/// cost in units of the one pass it cannot avoid. The two are timed in
/// alternating rounds, so load from other processes falls on both alike, and
/// the median of the rounds is compared.
fn print_ratio_to_parse(text: &str) {
    use postmortem_reviewer::engine::document::MARKDOWN_OPTIONS;
    use pulldown_cmark::Parser;
    use std::time::{Duration, Instant};
    let parse = || Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter().count();
    let engine = || review(text).criteria.len();
    black_box(engine()); // the lexicon is built once, outside the timing
    let time = |f: &dyn Fn() -> usize| {
        let (mut runs, start) = (0u32, Instant::now());
        while start.elapsed() < Duration::from_millis(50) || runs < 3 {
            black_box(f());
            runs += 1;
        }
        start.elapsed() / runs
    };
    let document = || Document::parse(text).sentences.len();
    let (mut engine_times, mut parse_times, mut document_times) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..15 {
        parse_times.push(time(&parse));
        engine_times.push(time(&engine));
        document_times.push(time(&document));
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (e, p, d) = (median(&mut engine_times), median(&mut parse_times), median(&mut document_times));
    let ms = |t: Duration| t.as_secs_f64() * 1e3;
    let words = text.split_ascii_whitespace().count();
    println!(
        "\nengine vs a bare pulldown-cmark parse, {words} words ({} bytes), median of 15 alternating rounds:\n  \
         engine {:.2} ms   parse {:.2} ms   ratio {:.1}×   (budget: ≤ 2.5×)\n  \
         engine per 10,000 words {:.2} ms\n  \
         of the engine's time, Document::parse (the parse with blocks, sentences, links) {:.2} ms = {:.1}× the parse",
        text.len(),
        ms(e),
        ms(p),
        ms(e) / ms(p),
        ms(e) * 10_000.0 / words as f64,
        ms(d),
        ms(d) / ms(p)
    );
}

/// The seed set's postmortems stitched together until they pass 10,000
/// words: real postmortem prose, headings, lists, tables and code in real
/// proportions, and the same text from one corpus size to the next.
static TEN_THOUSAND_WORDS: LazyLock<String> =
    LazyLock::new(|| seed_text(|text| text.split_ascii_whitespace().count() >= 10_000));

/// The seed set's postmortems stitched together, over and over, until
/// `enough` says so.
fn seed_text(enough: impl Fn(&str) -> bool) -> String {
    let cases: Vec<_> = corpus::load().into_iter().filter(|c| c.file.starts_with("docs/seed/")).collect();
    let mut text = String::new();
    loop {
        for case in &cases {
            text.push_str(&case.text);
            text.push_str("\n\n");
            if enough(&text) {
                return text;
            }
        }
    }
}

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
