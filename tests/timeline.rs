//! How the engine's incident timeline agrees with reviewers who marked,
//! from the text alone and without seeing the engine, when 176 real
//! postmortems of the corpus say their incident began, was detected,
//! mitigated and resolved (`corpus/timeline/`: each reviewer's file and the
//! marks as byte ranges). `cargo test --no-default-features --test timeline
//! -- --nocapture` prints the table for all documents and for each half.
//!
//! The documents are split into two halves by the SHA-256 of their id
//! (first hex digit below 8: the "look" half, else the "held" half). Rules
//! of the timeline may be drawn from the look half's documents, marks and
//! errors; the held half is never read, so its table is the figure on text
//! the rules were not fitted to. With `TIMELINE_LOOK=1` the test also
//! prints the look half's disagreements, document by document, except
//! those of documents in the corpus's test split (sources scored but never
//! studied, `corpus/test-sources.txt`).

use postmortem_reviewer::corpus::Corpus;
use postmortem_reviewer::engine::review;
use postmortem_reviewer::engine::timeline::Timeline;
use postmortem_reviewer::timeline_agreement::{dates_agree, parse_marks, Agreement, Mark, MARKED};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Shares below which the test fails; raise them as the timeline improves.
/// Lowered from 0.55 and 0.90 when 44 newly marked documents, which no rule
/// had been drawn from, joined the 44 first ones: on them alone began was
/// right on 33 % and resolved on 52 %, so the first figures were partly fit.
/// Raised to 0.57 when began reached 58 % and resolved 68 % on all 88.
/// Raised to 0.61 when began reached 62 % and resolved 68 % on all 110.
/// Raised to 0.63 when began reached 64 % and resolved 72 % on all 110.
/// Lowered to 0.57 when 66 newly marked documents joined (44 look, 22
/// held): on them alone began was right on 46 % and resolved on 62 %, so
/// the figure on all 176 fell to 58 % and 69 %.
/// Raised to 0.60 when began reached 60 % and resolved 72 % on all 176.
/// Raised to 0.61 when began reached 62 % and resolved 72 % on all 176.
/// Raised to 0.65 when began reached 66 % and resolved 73 % on all 176
/// (held half alone: began 54 %, resolved 66 %).
/// Raised to 0.67 when began reached 68 % and resolved 73 % on all 176
/// (held half alone: began 54 %, resolved 66 %), one point of the two by
/// a date without its year agreeing with the same day of the reviewer's.
/// Raised to 0.69 when began reached 70 % and resolved 74 % on all 176
/// (held half alone: began 54 %, resolved 66 %).
const BEGAN_AND_RESOLVED_FLOOR: f64 = 0.69;
const NOTHING_INVENTED_FLOOR: f64 = 0.85;

/// Whether a document is in the half that may be read to improve the
/// timeline.
fn in_look_half(id: &str) -> bool {
    Sha256::digest(id.as_bytes())[0] >> 4 < 8
}

#[test]
fn the_halves_split_by_hash() {
    // SHA-256("a") starts ca97…, SHA-256("b") 3e23…
    assert!(!in_look_half("a"));
    assert!(in_look_half("b"));
}

#[test]
fn the_timeline_agrees_with_reviewers_marks_above_its_floors() {
    let corpus = Corpus::load().unwrap_or_else(|e| panic!("{e}"));
    let tsv = std::fs::read_to_string(postmortem_reviewer::corpus::root().join("timeline/marks.tsv")).expect("marks");
    let marks = parse_marks(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let show_look = std::env::var_os("TIMELINE_LOOK").is_some();
    let (mut all, mut look, mut held) = (Agreement::default(), Agreement::default(), Agreement::default());
    for (id, marks) in &marks {
        let case = corpus.get(id).unwrap_or_else(|| panic!("{id} is not a labelled corpus document"));
        let timeline = review(&case.text).timeline;
        all.add(&timeline, marks);
        if in_look_half(id) {
            look.add(&timeline, marks);
            if show_look && !case.test {
                print_disagreements(id, &case.text, &timeline, marks);
            }
        } else {
            held.add(&timeline, marks);
        }
    }
    println!("\nTimeline against reviewers' marks, all documents\n{}", all.table());
    println!("Look half (read while improving the timeline)\n{}", look.table());
    println!("Held half (never read)\n{}", held.table());
    println!("A second reviewer against the first, all documents (how far two careful readers agree)\n{}", second_reviewer_agreement(&marks).table());
    let share = |right: usize, of: usize| if of == 0 { 1.0 } else { right as f64 / of as f64 };
    for (m, name) in [(0, "began"), (3, "resolved")] {
        let t = all.moments[m];
        let right = share(t.right, t.right + t.wrong + t.missed);
        assert!(right >= BEGAN_AND_RESOLVED_FLOOR, "{name} right on {right:.2} of the documents that give it");
    }
    for (m, t) in all.moments.iter().enumerate() {
        let clean = share(t.absent_both, t.invented + t.absent_both);
        assert!(clean >= NOTHING_INVENTED_FLOOR, "moment {m}: nothing invented on only {clean:.2}");
    }
}

/// Every document's second reviewer (`timeline/second-marks.tsv`, marked
/// blind like the first) compared with its first.
fn second_reviewer_agreement(first: &BTreeMap<String, Vec<Mark>>) -> Agreement {
    let tsv = std::fs::read_to_string(postmortem_reviewer::corpus::root().join("timeline/second-marks.tsv")).expect("second marks");
    let second = parse_marks(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let mut agreement = Agreement::default();
    for (id, marks) in &second {
        let theirs = first.get(id).unwrap_or_else(|| panic!("{id} has a second reviewer but no first"));
        agreement.add_second_reviewer(marks, theirs);
    }
    assert_eq!(agreement.documents, first.len(), "every marked document has a second reviewer");
    agreement
}

/// A look-half document's moments where the engine and the reviewer
/// differ: the reviewer's time and passage, the engine's.
fn print_disagreements(id: &str, text: &str, timeline: &Timeline, marks: &[Mark]) {
    let mut lines = Vec::new();
    for moment in MARKED {
        let engine = timeline.events.iter().find(|e| e.kind == moment);
        let mark = marks.iter().find(|k| k.moment == moment).and_then(|k| k.given.as_ref());
        let engine_says = engine.map(|e| (e.date.clone(), e.clock.clone()));
        let mark_says = mark.map(|m| (m.date.clone(), format!("{:02}:{:02}", m.minute / 60, m.minute % 60)));
        let agree = match (&engine_says, &mark_says) {
            (Some((ed, ec)), Some((md, mc))) => ed.as_ref().zip(md.as_ref()).is_none_or(|(a, b)| dates_agree(a, b)) && ec == mc,
            (None, None) => true,
            _ => false,
        };
        if agree {
            continue;
        }
        let quote = |s: &str| s.chars().take(160).collect::<String>().replace('\n', " ⏎ ");
        lines.push(format!(
            "  {:<9} reviewer {:?} {:?}\n            engine   {:?} {:?}",
            moment.as_str(),
            mark_says,
            mark.map(|m| quote(text.get(m.passage.clone()).unwrap_or("?"))),
            engine_says,
            engine.map(|e| quote(&e.text)),
        ));
    }
    if !lines.is_empty() {
        println!("\n{id}\n{}", lines.join("\n"));
    }
}
