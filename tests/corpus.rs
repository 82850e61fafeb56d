//! Agreement with careful reviewers on the labelled corpus (`corpus/`),
//! measured the way the product meets postmortems: on sources the model
//! was not fitted to.
//!
//! - Leave-source-out: every training source's documents are decided by a
//!   model fitted without that source.
//! - The test split: whole sources held out, labelled by three reviewers,
//!   decided by the committed engine; never studied to change it.
//!
//! Each table prints the learned engine beside the rules alone (the
//! engine before the model) and, on the test split, beside the reviewers'
//! agreement with each other. `cargo test --no-default-features --test
//! corpus -- --nocapture` shows them; `CORPUS_DETAIL=1` also lists the
//! leave-source-out disagreements.

use postmortem_reviewer::corpus::{Case, Corpus, Kind};
use postmortem_reviewer::engine::{self, features, CriterionId, Verdict};
use postmortem_reviewer::learn::{self, Example};
use std::sync::LazyLock;

/// Leave-source-out exact agreement on original real postmortems below
/// which the test fails. Raise it as the engine improves. (0.78 on the 83
/// training originals of 22 sources; 0.76 since 57 more from 10 new
/// sources joined them, where the engine measured 0.768: new sources are
/// harder, and the floor guards the measurement it names; 0.77 once the
/// rules read more of the reviewers' lines, at 0.773; 0.775 at 0.780, once
/// B2 and B3 read counts by kind and P2 asked its voice for a share; 0.785
/// at 0.790, once P1, R1–R4 counted by kind too and each model's own counts
/// were penalised lightly; 0.765 at 0.768 when 56 originals joined, on
/// which the engine had scored 0.690 before it trained on them; 0.772
/// at 0.777, once B2, B3 and R4 drew their met lines where the rubric's
/// close calls do; kept at 0.772 when 27 originals from six new sources
/// joined, on which the engine had scored 0.747 before it trained on them,
/// and the 241 measured 0.776; 0.775 at 0.780, once an inability was a
/// cue of its own and HTML anchors were links; 0.778 at 0.783, once P1
/// read a safeguard of the team's that fell short and R3 a mechanism told
/// under a resolution heading; 0.783 at 0.787, once R2 told witnesses
/// from the affected, B3 timed people's actions, P3 told a platform named
/// as a system from a channel and B2 read what the team did not know.)
const LEAVE_SOURCE_OUT_FLOOR: f64 = 0.783;
/// The same for the test split.
const TEST_SPLIT_FLOOR: f64 = 0.72;

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| Corpus::load().unwrap_or_else(|e| panic!("{e}")));
static EXAMPLES: LazyLock<Vec<Example>> = LazyLock::new(|| learn::examples(&CORPUS));

const VERDICTS: [Verdict; 3] = [Verdict::Met, Verdict::Partial, Verdict::Missing];

fn index(v: Verdict) -> usize {
    VERDICTS.iter().position(|&x| x == v).unwrap()
}

/// Confidence bins of the reliability table: lower edges.
const BINS: [f64; 5] = [0.0, 0.5, 0.65, 0.8, 0.9];

/// One way of deciding, counted against the labels.
#[derive(Default)]
struct Tally {
    documents: usize,
    agree: [usize; 12],
    met_vs_not: [usize; 12],
    /// confusion[label][decided]
    confusion: [[usize; 3]; 3],
    /// Per confidence bin: verdicts, and how many agreed.
    reliability: [(usize, usize); 5],
}

impl Tally {
    fn add(&mut self, labels: &[Verdict; 12], decided: &[Verdict; 12], confidence: Option<&[f64; 12]>) {
        self.documents += 1;
        for c in 0..12 {
            let (want, got) = (labels[c], decided[c]);
            self.agree[c] += usize::from(want == got);
            self.met_vs_not[c] += usize::from((want == Verdict::Met) == (got == Verdict::Met));
            self.confusion[index(want)][index(got)] += 1;
            if let Some(confidence) = confidence {
                let bin = BINS.iter().rposition(|&edge| confidence[c] >= edge).unwrap_or(0);
                self.reliability[bin].0 += 1;
                self.reliability[bin].1 += usize::from(want == got);
            }
        }
    }

    fn share(&self, count: usize) -> f64 {
        count as f64 / self.documents as f64
    }

    fn overall(&self) -> f64 {
        self.agree.iter().sum::<usize>() as f64 / (12 * self.documents) as f64
    }

    fn overall_met_vs_not(&self) -> f64 {
        self.met_vs_not.iter().sum::<usize>() as f64 / (12 * self.documents) as f64
    }

    /// Reviewers said met, the decision partial; and the other way round.
    fn partial_for_met(&self) -> (usize, usize) {
        (self.confusion[0][1], self.confusion[1][0])
    }
}

fn percent(v: f64) -> String {
    format!("{:5.1}%", v * 100.0)
}

/// Prints the learned engine beside the rules (and the reviewers, where
/// there are several per document).
fn print_tables(title: &str, model: &Tally, rules: &Tally, reviewers: Option<&[f64; 12]>) {
    println!("\n{title}: {} documents, {} verdicts", model.documents, 12 * model.documents);
    println!("\n        learned  met-vs-not  rules alone{}", if reviewers.is_some() { "  reviewers (pairwise)" } else { "" });
    for (c, id) in CriterionId::ALL.iter().enumerate() {
        let extra = reviewers.map(|r| format!("  {}", percent(r[c]))).unwrap_or_default();
        println!(
            "  {id}    {}      {}      {}{extra}",
            percent(model.share(model.agree[c])),
            percent(model.share(model.met_vs_not[c])),
            percent(rules.share(rules.agree[c])),
        );
    }
    let extra = reviewers.map(|r| format!("  {}", percent(r.iter().sum::<f64>() / 12.0))).unwrap_or_default();
    println!(
        "  all   {}      {}      {}{extra}",
        percent(model.overall()),
        percent(model.overall_met_vs_not()),
        percent(rules.overall())
    );
    for (name, tally) in [("learned", model), ("rules alone", rules)] {
        println!("\n  confusion, {name} (rows: reviewers, columns: decided)");
        println!("             met  partial  missing");
        for (i, v) in VERDICTS.iter().enumerate() {
            println!("  {:<8} {:>5} {:>8} {:>8}", v.as_str(), tally.confusion[i][0], tally.confusion[i][1], tally.confusion[i][2]);
        }
        let (partial_for_met, met_for_partial) = tally.partial_for_met();
        println!("  partial where reviewers say met: {partial_for_met}; met where they say partial: {met_for_partial}");
    }
    println!("\n  reliability of the learned confidence");
    for (b, &(n, agree)) in model.reliability.iter().enumerate() {
        let upper = BINS.get(b + 1).map_or("1.0 ".to_string(), |u| format!("{u:<4}"));
        let share = if n == 0 { "    -".to_string() } else { percent(agree as f64 / n as f64) };
        println!("  confidence {:.2}–{upper}  {n:>4} verdicts  {share} agree", BINS[b]);
    }
}

fn rule_verdicts(e: &Example) -> [Verdict; 12] {
    std::array::from_fn(|c| features::rule_verdict(&e.base, c))
}

fn case_of(e: &Example) -> &'static Case {
    CORPUS.get(&e.id).expect("every example is a corpus case")
}

/// Per criterion, how often two reviewers of the same document agree.
fn pairwise_reviewer_agreement<'a>(cases: impl Iterator<Item = &'a Case>) -> Option<[f64; 12]> {
    let mut agree = [0usize; 12];
    let mut pairs = 0usize;
    for case in cases {
        for i in 0..case.votes.len() {
            for j in i + 1..case.votes.len() {
                pairs += 1;
                for (c, agreed) in agree.iter_mut().enumerate() {
                    *agreed += usize::from(case.votes[i][c] == case.votes[j][c]);
                }
            }
        }
    }
    (pairs > 0).then(|| agree.map(|a| a as f64 / pairs as f64))
}

#[test]
fn training_reproduces_the_committed_weights() {
    let model = learn::fit(&learn::training_set(&EXAMPLES));
    let committed = include_str!("../src/engine/weights.rs");
    assert!(
        model.render() == committed,
        "src/engine/weights.rs is not what training gives on this corpus and engine: \
         run `cargo run --release --no-default-features --bin train-verdicts` and commit the result"
    );
}

#[test]
fn leave_source_out_agreement_on_real_postmortems_stays_above_its_floor() {
    let decided = learn::leave_source_out(&EXAMPLES);
    let detail = std::env::var_os("CORPUS_DETAIL").is_some();
    let mut original = (Tally::default(), Tally::default());
    let mut every_kind = (Tally::default(), Tally::default());
    let mut by_kind: Vec<(Kind, Tally)> = Kind::ALL.iter().map(|&k| (k, Tally::default())).collect();
    for (example, decisions) in &decided {
        let labels = case_of(example).labels;
        let verdicts = decisions.map(|d| d.verdict);
        let confidence = decisions.map(|d| d.confidence);
        let rules = rule_verdicts(example);
        if example.kind == Kind::Original {
            original.0.add(&labels, &verdicts, Some(&confidence));
            original.1.add(&labels, &rules, None);
        }
        every_kind.0.add(&labels, &verdicts, Some(&confidence));
        every_kind.1.add(&labels, &rules, None);
        if let Some((_, tally)) = by_kind.iter_mut().find(|(k, _)| *k == example.kind) {
            tally.add(&labels, &verdicts, None);
        }
        if detail {
            for (c, id) in CriterionId::ALL.iter().enumerate() {
                if verdicts[c] != labels[c] {
                    println!("    {:<56} {id}: learned {:<7} rules {:<7} label {}", example.id, verdicts[c], rules[c], labels[c]);
                }
            }
        }
    }
    let reviewers = pairwise_reviewer_agreement(CORPUS.cases.iter().filter(|c| !c.test && c.kind == Kind::Original));
    print_tables("Leave-source-out, original real postmortems", &original.0, &original.1, reviewers.as_ref());
    print_tables("Leave-source-out, every kind", &every_kind.0, &every_kind.1, None);
    println!("\n  by kind (learned):");
    for (kind, tally) in by_kind.iter().filter(|(_, t)| t.documents > 0) {
        println!("  {kind:<14} {:>4} documents  {}", tally.documents, percent(tally.overall()));
    }
    let overall = original.0.overall();
    assert!(overall >= LEAVE_SOURCE_OUT_FLOOR, "leave-source-out agreement {overall:.3} fell below {LEAVE_SOURCE_OUT_FLOOR}");
}

#[test]
fn test_split_agreement_stays_above_its_floor() {
    let mut learned = Tally::default();
    let mut rules = Tally::default();
    for example in EXAMPLES.iter().filter(|e| e.test) {
        let case = case_of(example);
        let review = engine::review(&case.text);
        let verdicts: [Verdict; 12] = std::array::from_fn(|c| review.criteria[c].verdict);
        let confidence: [f64; 12] = std::array::from_fn(|c| review.criteria[c].confidence);
        learned.add(&case.labels, &verdicts, Some(&confidence));
        rules.add(&case.labels, &rule_verdicts(example), None);
    }
    assert!(learned.documents > 0, "the test split has no labelled documents");
    let reviewers = pairwise_reviewer_agreement(CORPUS.test());
    print_tables("Test split (held-out sources, majority of three reviewers)", &learned, &rules, reviewers.as_ref());
    let overall = learned.overall();
    assert!(overall >= TEST_SPLIT_FLOOR, "test-split agreement {overall:.3} fell below {TEST_SPLIT_FLOOR}");
}

#[test]
fn every_met_or_partial_verdict_cites_evidence() {
    let mut without = Vec::new();
    for case in &CORPUS.cases {
        for c in engine::review(&case.text).criteria {
            if c.verdict != Verdict::Missing && c.evidence.is_empty() {
                without.push(format!("{} {}", case.id, c.id));
            }
        }
    }
    assert!(without.is_empty(), "met or partial without evidence: {without:?}");
}

#[test]
fn reference_case_matches_its_label_row() {
    let case = CORPUS.get("zendesk-2010-quick").expect("the reference case is in the corpus");
    let r = engine::review(&case.text);
    let diff: Vec<String> = CriterionId::ALL
        .iter()
        .zip(&case.labels)
        .filter(|(id, want)| r.get(**id).verdict != **want)
        .map(|(id, want)| format!("{id}: engine {}, label {want}", r.get(*id).verdict))
        .collect();
    assert!(diff.is_empty(), "zendesk-2010-quick differs: {diff:?}");
}

/// Whether a tailored suggestion quotes the text it speaks to: some passage
/// in quotation marks (cut where it ends in "…") is the text's own words.
fn quotes_the_text(suggestion: &str, text: &str) -> bool {
    // Quotations leave out tags and emphasis marks (`suggest::plain_words`).
    let text = engine::suggest::plain_words(text).split_whitespace().collect::<Vec<_>>().join(" ");
    suggestion.split('\u{201c}').skip(1).filter_map(|q| q.split_once('\u{201d}').map(|(q, _)| q)).any(|q| {
        let q = q.trim_end_matches('\u{2026}');
        !q.is_empty() && text.contains(q)
    })
}

#[test]
fn tailored_suggestions_quote_the_text_they_speak_to() {
    let mut tailored = [0usize; 12];
    let mut general = [0usize; 12];
    // General advice where the rule had words for the text but the model
    // reached another verdict.
    let mut withheld = [0usize; 12];
    let mut unquoted = Vec::new();
    for case in &CORPUS.cases {
        let doc = engine::Document::parse(&case.text);
        for c in engine::review(&case.text).criteria {
            let Some(suggestion) = &c.suggestion else { continue };
            // The general advice, with its example sentence as the
            // criterion gives it or fitted to the text (B4's names the
            // technology the text names).
            if suggestion.starts_with(engine::guidance(c.id).advice) {
                general[c.id as usize] += 1;
                if engine::CRITERIA[c.id as usize].review(&doc).suggestion.is_some() {
                    withheld[c.id as usize] += 1;
                }
            } else {
                tailored[c.id as usize] += 1;
                if !quotes_the_text(suggestion, &case.text) {
                    unquoted.push(format!("{} {}: {suggestion}", case.id, c.id));
                }
            }
        }
    }
    println!(
        "\nSuggestions on criteria not met, {} documents: tailored to the text / general advice \
         (of which the rule had words the model's verdict overruled)",
        CORPUS.cases.len()
    );
    for id in CriterionId::ALL {
        let c = id as usize;
        println!("  {id}  {:>4} / {:>4} ({:>3})", tailored[c], general[c], withheld[c]);
    }
    let (t, g, w): (usize, usize, usize) = (tailored.iter().sum(), general.iter().sum(), withheld.iter().sum());
    println!("  all {t:>4} / {g:>4} ({w:>3})  {} tailored", percent(t as f64 / (t + g).max(1) as f64));
    assert!(unquoted.is_empty(), "tailored suggestions that quote nothing of their text: {unquoted:#?}");
}
