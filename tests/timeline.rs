//! How the engine's incident timeline agrees with reviewers who marked,
//! from the text alone and without seeing the engine, when 44 real
//! postmortems of the corpus say their incident began, was detected,
//! mitigated and resolved (`corpus/timeline/`: each reviewer's file and the
//! marks as byte ranges). `cargo test --no-default-features --test timeline
//! -- --nocapture` prints the table.

use postmortem_reviewer::corpus::Corpus;
use postmortem_reviewer::engine::review;
use postmortem_reviewer::timeline_agreement::{parse_marks, Agreement};

/// Shares below which the test fails; raise them as the timeline improves.
const BEGAN_AND_RESOLVED_FLOOR: f64 = 0.30;
const NOTHING_INVENTED_FLOOR: f64 = 0.85;

#[test]
fn the_timeline_agrees_with_reviewers_marks_above_its_floors() {
    let corpus = Corpus::load().unwrap_or_else(|e| panic!("{e}"));
    let tsv = std::fs::read_to_string(postmortem_reviewer::corpus::root().join("timeline/marks.tsv")).expect("marks");
    let marks = parse_marks(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let mut agreement = Agreement::default();
    for (id, marks) in &marks {
        let case = corpus.get(id).unwrap_or_else(|| panic!("{id} is not a labelled corpus document"));
        agreement.add(&review(&case.text).timeline, marks);
    }
    println!("\nTimeline against reviewers' marks\n{}", agreement.table());
    let share = |right: usize, of: usize| if of == 0 { 1.0 } else { right as f64 / of as f64 };
    for (m, name) in [(0, "began"), (3, "resolved")] {
        let t = agreement.moments[m];
        let right = share(t.right, t.right + t.wrong + t.missed);
        assert!(right >= BEGAN_AND_RESOLVED_FLOOR, "{name} right on {right:.2} of the documents that give it");
    }
    for (m, t) in agreement.moments.iter().enumerate() {
        let clean = share(t.absent_both, t.invented + t.absent_both);
        assert!(clean >= NOTHING_INVENTED_FLOOR, "moment {m}: nothing invented on only {clean:.2}");
    }
}
