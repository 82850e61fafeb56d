//! What the learned decision reads: one vector of numbers per document,
//! computed from what the engine already found in it.
//!
//! The rules in `criteria/` are the engine's eyes: each gives a verdict and
//! the passages behind it. Where the lines between met, partial and missing
//! lie is learned from the labelled corpus (`model.rs`), from these rule
//! findings together with how much of each kind of cue the text carries, the
//! sections it has, and its shape. Every feature is general (a count, a
//! share, a presence); none names a document or a phrase of one.

use super::criterion::{Finding, CRITERIA, KINDS};
use super::document::{BlockKind, Document, Topic};
use super::lexicon::Cue;
use super::report::Verdict;
use crate::sorting::sort_stably;

/// The section topics a document can have, in feature order.
const TOPICS: [Topic; 8] = [
    Topic::Summary,
    Topic::Timeline,
    Topic::Impact,
    Topic::Cause,
    Topic::Analysis,
    Topic::Detection,
    Topic::Resolution,
    Topic::FollowUp,
];

/// Features about the document's shape, after the per-criterion, per-cue
/// and per-topic ones.
const SHAPE: [&str; 9] = [
    "words",
    "headings",
    "list items",
    "code blocks",
    "links",
    "sentences with a clock time",
    "sentences with a date",
    "sentences with a duration",
    "first-person share",
];

const RULES: usize = 12 * 3;
const CUES: usize = Cue::ALL.len();
/// Per criterion, what the sentence model found: the most likely evidence
/// sentence, the top three together, how many sentences are likely, and
/// how many it expects in all. Leave-source-out on originals was 0.7699
/// with these four, 0.7671 with the densest run of three neighbouring
/// sentences added, 0.7695 with the share of sentences that are likely,
/// 0.7671 with both. Interactions of the rule's verdict (met, or partial
/// only) with the expected evidence sentences, centred at 0, 0.5, 1, 1.5
/// or 2, lost (0.7683, 0.7687, 0.7679, 0.7683, 0.7675); with the length
/// in words (its log centred at 6.5, some 660 words), 0.7722: six
/// verdicts of 2,568, short of the 0.3 points worth a change; the rule's
/// passages by the length, 0.7702.
///
/// What the evidence is like did not tell met from partial either (session
/// 13, 241 originals, 0.7777 as committed). Per criterion, two or three of
/// the rubric's marks of met evidence, each the sentences carrying one cue
/// or two together (P1 ownership, apology, a third party; R1 a clock time
/// beside a start or an end word, a time zone; R2 who with scope; R3 a
/// causal link, a cause class; R4 a commitment with a remedy; B1 a
/// technology with detail; B2 an explanation, a deeper why; B3 a responder
/// with a clock time, a feeling, a judgement; B4 advice with an audience,
/// upstream, transferable; and so on), read only by their own criterion's
/// model at the own-evidence penalty: as sentences expected to be evidence
/// and carry it, 0.7763 (penalty 0.01: 0.7763); as their share of the
/// expected evidence, 0.7770; among the top three, 0.7759 (as a presence,
/// 0.7759); among the rule's passages, 0.7763. With a sentence feature
/// for a digit or '%' (R2's and B1's numbers), which alone moved the
/// sentence models to 0.7759: shares 0.7777, at penalty 0.03 0.7790, at 1
/// 0.7773; only where the rule says at least partial, 0.7773; for P1, R2
/// and B1 only, 0.7794. At most five verdicts of 2,892, and B2 lost up
/// to four; nor did R1's start and end both timed among the likely
/// evidence, with the longest run of likely causal sentences for R3 and
/// B2, 0.7763. The cues already counted over the whole document say what
/// their share among the evidence says.
///
/// How specific the evidence is moved it a little, at a price (session 13):
/// per criterion, the shares of the expected evidence whose sentence names
/// an identifier (B1's `identifiers`), measures a quantity (`quantities`),
/// or either, read by their own criterion's model only: 0.7808 (2,258 of
/// 2,892, +9; test split 0.753), 0.7822 at penalty 0.03 but with the
/// reference case's R2 met -> partial; the identifier and quantity shares
/// alone 0.7801, either alone 0.7794, as expected counts 0.7801, over the
/// likely sentences 0.7787. Reading the two marks again per sentence cost
/// 10-19% of a review (callgrind), and marking prose sentences only, as B1
/// does, gave 0.7797: worth it only if B1's per-sentence identifier count
/// were kept where this could read it. Session 14 kept both counts on each
/// prose sentence (`Sentence::identifiers`, `quantities`), read once while
/// the document is built (a review 0.5% fewer instructions than before, as
/// B1, P4 and R2 no longer scan for them), and measured the shares again
/// at no second scan: marks on prose sentences only, 0.7797 (+6; test
/// split 0.754) with the reference case's R2 met -> partial; a line of
/// code also counted as naming, 0.7801 (+7; test 0.753); that without the
/// "either" share, 0.7804 (+8; test 0.753, from 0.755), its engine 0.9%
/// more instructions than without it. Short of the 0.3 points worth a
/// change, and the test split a little lower: not kept. Measured again once
/// an inability was a cue and HTML anchors links (0.7797), the two shares
/// gave 0.7797 (no verdict gained; test split 0.754 -> 0.755).
///
/// What the reviewers' met asks beyond these did not pay either (session
/// 14, measured before the two changes above, at 0.7784 = 2,251 of 2,892;
/// 332 of its 411 met<->partial errors are unanimous labels, so not label
/// noise): their reasons read
/// mostly as an aspect covered or not (what *and* who, a mechanism behind
/// the named systems or cause, a second level of why, people acting at
/// stated times, a cause owned as the team's own change). Per criterion,
/// how many kinds of its rule's passages are present, 0.7787; the prose
/// sentences under each section topic (the length of a dedicated
/// treatment), 0.7787; sentences with a clock time and a person acting, and
/// sentences naming who with how they were affected, 0.7787, read as B3's
/// and R2's own evidence 0.7790; sentences telling a step left undone
/// (which P1's model cannot see among B2's counts), 0.7787. One or two
/// verdicts each, the test split as before or one verdict lower: the
/// rules' counts and cues already carry what these add up.
const EVIDENCE_KINDS: usize = 4;
const EVIDENCE: usize = 12 * EVIDENCE_KINDS;
const EVIDENCE_START: usize = RULES + CUES + TOPICS.len() + SHAPE.len();
/// Per criterion, how many passages of each kind its rule counted
/// ([`Finding::counts`]): the line between a few and enough is the
/// reviewers' to draw, not the rule's threshold.
const COUNTS: usize = 12 * KINDS;
const COUNTS_START: usize = EVIDENCE_START + EVIDENCE;

/// The length of a feature vector.
pub const LEN: usize = COUNTS_START + COUNTS;

/// A document's features, in the order `name` describes.
pub type Features = [f64; LEN];

/// What feature `i` measures, for people reading the weights.
pub fn name(i: usize) -> String {
    const NAMES: [&str; 12] = ["P1", "P2", "P3", "P4", "R1", "R2", "R3", "R4", "B1", "B2", "B3", "B4"];
    if i < RULES {
        let what = ["rule says at least partial", "rule says met", "rule's passages"][i % 3];
        format!("{} {what}", NAMES[i / 3])
    } else if i < RULES + CUES {
        format!("cue {:?}", Cue::ALL[i - RULES])
    } else if i < RULES + CUES + TOPICS.len() {
        format!("section {:?}", TOPICS[i - RULES - CUES])
    } else if i < EVIDENCE_START {
        SHAPE[i - RULES - CUES - TOPICS.len()].to_string()
    } else if i < COUNTS_START {
        let k = i - EVIDENCE_START;
        let what = ["likeliest evidence sentence", "top three evidence sentences", "likely evidence sentences", "expected evidence sentences"]
            [k % EVIDENCE_KINDS];
        format!("{} {what}", NAMES[k / EVIDENCE_KINDS])
    } else {
        let (c, k) = ((i - COUNTS_START) / KINDS, (i - COUNTS_START) % KINDS);
        match CRITERIA[c].guidance().kinds.get(k) {
            Some(kind) => format!("{} rule's {kind}", NAMES[c]),
            None => format!("{} rule's count {k} (unused)", NAMES[c]),
        }
    }
}

/// The counts of the other criteria's rules: no business of criterion
/// `c`'s model, which reads them as 0. (Read by every model, they moved
/// leave-source-out on originals from 0.773 to 0.771.)
pub fn others_counts(c: usize) -> impl Iterator<Item = usize> {
    (COUNTS_START..LEN).filter(move |i| (i - COUNTS_START) / KINDS != c)
}

/// The counts of criterion `c`'s own rule, by kind.
pub fn own_counts(c: usize) -> std::ops::Range<usize> {
    let at = COUNTS_START + KINDS * c;
    at..at + KINDS
}

/// The features that say what criterion `c`'s own rule concluded: the
/// prior the model corrects, so they are fitted without a penalty.
pub fn own_rule(c: usize) -> [usize; 2] {
    [3 * c, 3 * c + 1]
}

/// Criterion `c`'s own evidence: its rule's passages and what its
/// sentence model found.
pub fn own_signals(c: usize) -> [usize; 1 + EVIDENCE_KINDS] {
    let at = EVIDENCE_START + EVIDENCE_KINDS * c;
    [3 * c + 2, at, at + 1, at + 2, at + 3]
}

/// The verdict criterion `c`'s rule gave, read back from the features.
pub fn rule_verdict(x: &Features, c: usize) -> Verdict {
    match (x[3 * c] > 0.0, x[3 * c + 1] > 0.0) {
        (_, true) => Verdict::Met,
        (true, false) => Verdict::Partial,
        _ => Verdict::Missing,
    }
}

/// The position of a cue's feature.
pub fn cue_index(cue: Cue) -> usize {
    // `Cue::ALL` lists the cues in declaration order, so a cue's
    // discriminant is its place in it.
    RULES + cue as usize
}

/// Counts grow the evidence slowly: the tenth passage of a kind says less
/// than the first.
fn log_count(n: usize) -> f64 {
    (n as f64).ln_1p()
}

/// Fills in criterion `c`'s evidence features from the sentence model's
/// log-odds, per sentence, that a reviewer would cite it for `c` (see
/// `sentence_rows`): the top three, how many are likely, and how many the
/// model expects in all, the sum of every sentence's probability (many
/// sentences each somewhat likely say more than their count above even
/// odds: leave-source-out on originals 0.790 -> 0.792, every kind 0.760 ->
/// 0.762).
pub fn set_evidence(x: &mut Features, c: usize, log_odds: &[f64]) {
    let mut top = [f64::NEG_INFINITY; 3];
    for &z in log_odds {
        if z > top[2] {
            // Into place among the three, largest first.
            top[2] = z;
            let mut k = 2;
            while k > 0 && top[k] > top[k - 1] {
                top.swap(k, k - 1);
                k -= 1;
            }
        }
    }
    let probability = |z: f64| 1.0 / (1.0 + (-z).exp());
    let likely = log_odds.iter().filter(|&&z| z >= 0.0).count();
    let at = EVIDENCE_START + EVIDENCE_KINDS * c;
    x[at] = probability(top[0]);
    x[at + 1] = top.iter().map(|&z| probability(z)).sum();
    x[at + 2] = log_count(likely);
    x[at + 3] = log_odds.iter().map(|&z| probability(z)).sum::<f64>().ln_1p();
}

/// The document-level features of a parsed document and the rules'
/// findings on it; the evidence features stay 0 until `set_evidence`.
pub fn extract(doc: &Document, findings: &[Finding]) -> Features {
    let mut x = [0.0; LEN];
    for (c, finding) in findings.iter().enumerate() {
        x[3 * c] = f64::from(u8::from(finding.verdict != Verdict::Missing));
        x[3 * c + 1] = f64::from(u8::from(finding.verdict == Verdict::Met));
        x[3 * c + 2] = log_count(finding.evidence.len());
        for (k, &n) in finding.counts.iter().enumerate() {
            x[COUNTS_START + KINDS * c + k] = log_count(n);
        }
    }

    let mut cue_sentences = [0usize; CUES];
    let (mut clocks, mut dates, mut durations, mut first_person, mut sentences) = (0, 0, 0, 0, 0);
    for s in doc.prose_sentences() {
        sentences += 1;
        for cue in s.cues.iter() {
            cue_sentences[cue as usize] += 1;
        }
        clocks += usize::from(s.times.clocks > 0);
        dates += usize::from(s.times.dates > 0);
        durations += usize::from(s.times.durations > 0);
        first_person += usize::from(s.cues.has(Cue::FirstPerson));
    }
    for (k, n) in cue_sentences.into_iter().enumerate() {
        x[RULES + k] = log_count(n);
    }

    let topics = RULES + CUES;
    for block in &doc.blocks {
        for topic in [Some(block.topic), block.label].into_iter().flatten() {
            if let Some(t) = TOPICS.iter().position(|&t| t == topic) {
                x[topics + t] = 1.0;
            }
        }
    }

    let count_blocks = |f: fn(&BlockKind) -> bool| doc.blocks.iter().filter(|b| f(&b.kind)).count();
    let shape = topics + TOPICS.len();
    x[shape] = log_count(doc.word_count());
    x[shape + 1] = log_count(count_blocks(|k| matches!(k, BlockKind::Heading(_))));
    x[shape + 2] = log_count(count_blocks(|k| matches!(k, BlockKind::ListItem)));
    x[shape + 3] = log_count(count_blocks(|k| matches!(k, BlockKind::Code)));
    x[shape + 4] = log_count(doc.links.len());
    x[shape + 5] = log_count(clocks);
    x[shape + 6] = log_count(dates);
    x[shape + 7] = log_count(durations);
    x[shape + 8] = if sentences == 0 { 0.0 } else { first_person as f64 / sentences as f64 };
    x
}

/// Sentence features: what a sentence carries and where it sits. A
/// sentence's section is one of `TOPICS`, or none of them (the last slot).
const SENTENCE_TOPICS: usize = TOPICS.len() + 1;
const S_TOPIC: usize = CUES;
const S_KIND: usize = S_TOPIC + SENTENCE_TOPICS;
const S_QUOTED: usize = S_KIND + 5;
const S_TIMES: usize = S_QUOTED + 1;
const S_LINK: usize = S_TIMES + 4;
const S_LENGTH: usize = S_LINK + 1;
const S_POSITION: usize = S_LENGTH + 1;
const S_CITED: usize = S_POSITION + 1;

/// The length of a sentence's feature vector.
pub const SENTENCE_LEN: usize = S_CITED + 12;

/// A sentence's features, sparse: (feature, value) for the non-zero ones.
pub type SentenceRow = Vec<(u16, f64)>;

/// The features of every sentence of a document, in document order: the
/// input of the per-criterion sentence models that learn, from the
/// passages reviewers quoted, which sentences are evidence of what.
pub fn sentence_rows(doc: &Document, findings: &[Finding]) -> Vec<SentenceRow> {
    let total = doc.sentences.len().max(1) as f64;
    // Sentences come in document order: links and each rule's passages are
    // walked alongside them once, so a long text stays linear.
    let mut links = Overlaps::new(doc.links.iter().map(|l| l.src.clone()).collect());
    let mut cited: Vec<Overlaps> = findings.iter().map(|f| Overlaps::new(f.evidence.clone())).collect();
    doc.sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let mut row: SentenceRow = Vec::with_capacity(16);
            let mut on = |i: usize, v: f64| row.push((i as u16, v));
            for cue in s.cues.iter() {
                on(cue as usize, 1.0);
            }
            let block = &doc.blocks[s.block];
            let topic = block.label.unwrap_or(block.topic);
            on(S_TOPIC + TOPICS.iter().position(|&t| t == topic).unwrap_or(TOPICS.len()), 1.0);
            let kind = match block.kind {
                BlockKind::Heading(_) => 0,
                BlockKind::Paragraph => 1,
                BlockKind::ListItem => 2,
                BlockKind::TableRow { .. } => 3,
                BlockKind::Code => 4,
            };
            on(S_KIND + kind, 1.0);
            if block.quoted {
                on(S_QUOTED, 1.0);
            }
            let times = [s.times.clocks > 0, s.times.dates > 0, s.times.durations > 0, s.times.zone];
            for (k, _) in times.iter().enumerate().filter(|(_, t)| **t) {
                on(S_TIMES + k, 1.0);
            }
            if links.overlaps(&s.src) {
                on(S_LINK, 1.0);
            }
            // Length in bytes of prose, not words: no second pass over it.
            on(S_LENGTH, log_count(s.prose.len()));
            on(S_POSITION, n as f64 / total);
            for (c, passages) in cited.iter_mut().enumerate() {
                if passages.overlaps(&s.src) {
                    on(S_CITED + c, 1.0);
                }
            }
            row
        })
        .collect()
}

/// Byte ranges asked, in increasing order of position, whether any of a
/// set of ranges overlaps them: one forward walk in all.
struct Overlaps {
    ranges: Vec<std::ops::Range<usize>>,
    next: usize,
}

impl Overlaps {
    fn new(mut ranges: Vec<std::ops::Range<usize>>) -> Self {
        sort_stably(&mut ranges, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
        Overlaps { ranges, next: 0 }
    }

    /// Whether a range overlaps `span`; each `span` must start at or after
    /// the previous one.
    fn overlaps(&mut self, span: &std::ops::Range<usize>) -> bool {
        // A range that ends before this span starts overlaps neither it nor
        // any later span: drop such ranges from the front.
        while self.ranges.get(self.next).is_some_and(|r| r.end <= span.start) {
            self.next += 1;
        }
        self.ranges[self.next..]
            .iter()
            .take_while(|r| r.start < span.end)
            .any(|r| r.end > span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::CRITERIA;

    fn features(text: &str) -> Features {
        let doc = Document::parse(text);
        let findings: Vec<Finding> = CRITERIA.iter().map(|c| c.review(&doc)).collect();
        extract(&doc, &findings)
    }

    #[test]
    fn every_feature_has_a_distinct_name() {
        let names: std::collections::BTreeSet<String> = (0..LEN).map(name).collect();
        assert_eq!(names.len(), LEN);
    }

    #[test]
    fn an_empty_text_has_no_signal() {
        assert!(features("").iter().all(|&v| v == 0.0));
    }

    #[test]
    fn a_rules_counts_by_kind_show_in_the_features() {
        let x = features("We decided to fail over. We decided to wait. Thanks to Sam for staying up.");
        let position = |label: &str| (0..LEN).find(|&i| name(i) == label).unwrap();
        assert_eq!(x[position("B3 rule's judgements")], log_count(2));
        assert_eq!(x[position("B3 rule's thanks")], log_count(1));
        assert_eq!(x[position("B3 rule's feelings")], 0.0);
        assert!(others_counts(10).all(|i| !name(i).starts_with("B3")));
        assert!(own_counts(10).all(|i| name(i).starts_with("B3 rule's")));
    }

    #[test]
    fn the_evidence_features_read_the_top_three_the_likely_and_the_expected() {
        let mut x = [0.0; LEN];
        // Four sentences at even odds, one unlikely.
        set_evidence(&mut x, 1, &[0.0, 0.0, 0.0, 0.0, -50.0]);
        let position = |label: &str| (0..LEN).find(|&i| name(i) == label).unwrap();
        assert_eq!(x[position("P2 likeliest evidence sentence")], 0.5);
        assert_eq!(x[position("P2 top three evidence sentences")], 1.5);
        assert_eq!(x[position("P2 likely evidence sentences")], log_count(4));
        assert!((x[position("P2 expected evidence sentences")] - 3f64.ln()).abs() < 1e-12);
        assert!(own_signals(1).contains(&position("P2 expected evidence sentences")));
    }

    #[test]
    fn an_apology_with_times_and_a_timeline_section_shows_in_the_features() {
        let x = features("## Timeline\n\nWe apologise. At 14:02 UTC the database failed; we restored it at 14:40 UTC.\n");
        let position = |label: &str| (0..LEN).find(|&i| name(i) == label).unwrap();
        assert!(x[position("cue Apology")] > 0.0);
        assert_eq!(x[position("section Timeline")], 1.0);
        assert!(x[position("sentences with a clock time")] > 0.0);
        assert_eq!(x[position("P1 rule says at least partial")], 1.0);
        assert_eq!(x[position("first-person share")], 1.0);
    }
}
