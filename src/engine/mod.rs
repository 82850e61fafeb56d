//! The review engine: `text → Review`. Pure Rust, no browser APIs, so the
//! CLI, the tests, the benchmarks and the web app all run the same code.

pub mod criteria;
pub mod criterion;
pub mod document;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod signals;
pub mod suggest;
pub mod time;
pub mod timeline;
mod weights;

pub use criterion::{Criterion, CRITERIA, Finding, Guidance};
pub use document::Document;
pub use report::{CriterionId, CriterionReview, Evidence, Review, SetByHand, Tier, TierCounts, Verdict};

use crate::sorting::sort_stably;
use std::ops::Range;

/// At most this many passages are cited per criterion: enough to show the
/// point, few enough to read.
const MAX_EVIDENCE: usize = 6;

/// Reviews a postmortem given as Markdown or plain text.
///
/// Parse once; every rule reads the parsed document and reports what it
/// found; the learned model weighs those findings with the rest of the
/// document's features and decides each verdict.
pub fn review(text: &str) -> Review {
    let doc = Document::parse(text);
    let findings = findings(&doc);
    let rows = features::sentence_rows(&doc, &findings);
    let evidence = model::evidence_log_odds(&rows);
    let mut x = features::extract(&doc, &findings);
    for (c, log_odds) in evidence.iter().enumerate() {
        features::set_evidence(&mut x, c, log_odds);
    }
    let mut criteria: Vec<CriterionReview> = findings
        .into_iter()
        .enumerate()
        .map(|(c, finding)| build_review(&doc, CRITERIA[c], finding, model::decide(c, &x), &evidence[c]))
        .collect();
    let timeline = timeline::read(&doc);
    let start_and_end = &mut criteria[CriterionId::R1 as usize];
    if start_and_end.suggestion.is_some()
        && let Some(advice) = criteria::r1_start_and_end::tailored_suggestion(&doc, &timeline) {
            start_and_end.suggestion = Some(advice);
        }
    Review { timeline, ..assemble(criteria) }
}

/// A review of these twelve criteria: their tier counts and the summary,
/// counted from the verdicts as given (the engine's, or a person's).
pub fn assemble(criteria: Vec<CriterionReview>) -> Review {
    let tiers: Vec<TierCounts> = Tier::ALL
        .into_iter()
        .map(|tier| {
            let count = |v: Verdict| {
                criteria
                    .iter()
                    .filter(|c| c.tier == tier && c.verdict == v)
                    .count()
            };
            TierCounts {
                tier,
                met: count(Verdict::Met),
                partial: count(Verdict::Partial),
                missing: count(Verdict::Missing),
            }
        })
        .collect();
    let summary = summarise(&criteria, &tiers);
    Review {
        criteria,
        tiers,
        summary,
        timeline: Default::default(),
    }
}

/// What every rule found in a parsed document, in registry order.
fn findings(doc: &Document) -> Vec<Finding> {
    CRITERIA.iter().map(|criterion| criterion.review(doc)).collect()
}

/// What the model reads in a text, before the sentence models weigh it:
/// the document's features (evidence slots empty) and each sentence's
/// features, with each sentence's byte range (for training and measuring).
pub fn analyse(text: &str) -> (features::Features, Vec<features::SentenceRow>, Vec<Range<usize>>) {
    let doc = Document::parse(text);
    let findings = findings(&doc);
    let rows = features::sentence_rows(&doc, &findings);
    let spans = doc.sentences.iter().map(|s| s.src.clone()).collect();
    (features::extract(&doc, &findings), rows, spans)
}

/// The guidance text shown for a criterion.
pub fn guidance(id: CriterionId) -> &'static Guidance {
    CRITERIA[id as usize].guidance()
}

/// What to add for a criterion not met, with an example sentence.
pub fn suggestion(id: CriterionId) -> String {
    let guidance = guidance(id);
    advice_with_example(guidance, guidance.example)
}

/// A criterion's general advice followed by `example`.
fn advice_with_example(guidance: &Guidance, example: &str) -> String {
    format!("{} For example: \u{201c}{example}\u{201d}", guidance.advice)
}

fn build_review(
    doc: &Document,
    criterion: &dyn Criterion,
    finding: Finding,
    decision: model::Decision,
    evidence_log_odds: &[f64],
) -> CriterionReview {
    let guidance = criterion.guidance();
    let text = doc.text;
    let spans = match decision.verdict {
        Verdict::Missing => Vec::new(),
        _ if finding.evidence.is_empty() => likely_evidence(doc, evidence_log_odds),
        _ => finding.evidence,
    };
    let evidence: Vec<Evidence> = tidy_spans(text, spans)
        .into_iter()
        .map(|r| Evidence {
            start: r.start,
            end: r.end,
            text: text[r].to_string(),
        })
        .collect();
    let decision = if evidence.is_empty() { decision.unsupported() } else { decision };
    let reason = if decision.verdict == finding.verdict {
        finding.reason
    } else {
        let level = model::ORDER.iter().position(|&v| v == decision.verdict).unwrap_or(0);
        guidance.levels[level].to_string()
    };
    // The rule's words about this text, when the model reached the rule's
    // verdict; otherwise they would argue against the verdict shown.
    let tailored = finding.suggestion.filter(|_| decision.verdict == finding.verdict).map(|advice| {
        if finding.example_closes_suggestion {
            format!("{advice} (\u{201c}{}\u{201d}).", criterion.example(doc))
        } else {
            advice
        }
    });
    let suggestion = (decision.verdict != Verdict::Met)
        .then(|| tailored.unwrap_or_else(|| advice_with_example(guidance, &criterion.example(doc))));
    CriterionReview {
        id: guidance.id,
        name: guidance.name.to_string(),
        tier: guidance.id.tier(),
        verdict: decision.verdict,
        confidence: (decision.confidence * 100.0).round() / 100.0,
        evidence,
        reason,
        suggestion,
        set_by_hand: None,
    }
}

/// The sentences a reviewer would most likely cite, by the sentence
/// model: those at even odds or better, or else the likeliest few above
/// one chance in twenty. The passages behind a verdict the rule alone did
/// not reach.
fn likely_evidence(doc: &Document, log_odds: &[f64]) -> Vec<Range<usize>> {
    const ONE_IN_TWENTY: f64 = -2.944_438_979_166_44; // ln(0.05 / 0.95)
    let mut ranked: Vec<(f64, usize)> = log_odds.iter().copied().zip(0..).filter(|(z, _)| *z > ONE_IN_TWENTY).collect();
    sort_stably(&mut ranked, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let likely = ranked.iter().take_while(|(z, _)| *z >= 0.0).count().max(3);
    ranked.into_iter().take(likely.min(MAX_EVIDENCE)).map(|(_, s)| doc.sentences[s].src.clone()).collect()
}

/// Sorts spans, merges overlaps, keeps them on char boundaries and within
/// the text, and keeps the first few.
fn tidy_spans(text: &str, mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    for s in &mut spans {
        s.end = s.end.min(text.len());
        s.start = s.start.min(s.end);
        while !text.is_char_boundary(s.start) {
            s.start -= 1;
        }
        while !text.is_char_boundary(s.end) {
            s.end += 1;
        }
    }
    spans.retain(|s| !s.is_empty());
    sort_stably(&mut spans, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged.truncate(MAX_EVIDENCE);
    merged
}

/// The review's verdict in one sentence, the summary's first: what the
/// app shows under the scorecard, which already gives the counts and the
/// next thing to add.
pub fn verdict_in_a_sentence(criteria: &[CriterionReview], tiers: &[TierCounts]) -> &'static str {
    let tier_met = |tier: Tier| tiers.iter().find(|t| t.tier == tier).map_or(0, |t| t.met);
    let total_met: usize = tiers.iter().map(|t| t.met).sum();
    // Of the prerequisites, the communication channel (P3) is a fact, not
    // a tone: a text whose only unmet prerequisite is P3 sounds right.
    let tone_is_right = criteria
        .iter()
        .filter(|c| c.tier == Tier::Prerequisites && c.id != CriterionId::P3)
        .all(|c| c.verdict == Verdict::Met);

    if total_met == 12 {
        "An exemplary postmortem: every criterion is met."
    } else if tier_met(Tier::Prerequisites) == 4 && tier_met(Tier::Requirements) == 4 {
        "The meat is definitely there: the tone is right and every required fact is given."
    } else if tier_met(Tier::Prerequisites) == 4 {
        "The tone is right; the facts need more work."
    } else if tier_met(Tier::Requirements) == 4 && tone_is_right {
        "Every required fact is given and the tone is right, but readers are not told where to follow the incident."
    } else if tier_met(Tier::Requirements) == 4 {
        // "Mostly there" would understate a text with all four.
        "Every required fact is given, but the tone undercuts them."
    } else if tier_met(Tier::Requirements) == 3 && tone_is_right {
        "The facts are mostly there and the tone is right, but readers are not told where to follow the incident."
    } else if tier_met(Tier::Requirements) == 3 {
        "The facts are mostly there, but the tone undercuts them."
    } else if total_met == 0 {
        "This does not read as a postmortem yet."
    } else {
        "A start, with important pieces still to add."
    }
}

/// A paragraph in the spirit of the framework author's own reviews: the
/// counts, then the single most important thing to add.
fn summarise(criteria: &[CriterionReview], tiers: &[TierCounts]) -> String {
    let counts = tiers
        .iter()
        .map(|t| {
            let mut s = format!("{} {}/4", t.tier.name().to_ascii_lowercase(), t.met);
            if t.partial > 0 {
                s.push_str(&format!(" ({} partial)", t.partial));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ");
    let opening = verdict_in_a_sentence(criteria, tiers);

    // Prerequisites weigh most, then requirements, then bonus; within a
    // tier, a missing criterion comes before a partial one.
    let next = Tier::ALL.into_iter().find_map(|tier| {
        [Verdict::Missing, Verdict::Partial]
            .into_iter()
            .find_map(|v| criteria.iter().find(|c| c.tier == tier && c.verdict == v))
    });
    match next {
        None => format!("{opening} Met: {counts}."),
        Some(c) => {
            let what = if c.verdict == Verdict::Missing {
                "The biggest missing piece is"
            } else {
                "The most important thing to strengthen is"
            };
            let advice = guidance(c.id).advice;
            let mut chars = advice.chars();
            // The advice is ours and begins with an ASCII letter: ASCII lowering
            // compiles no Unicode case table into the WebAssembly.
            let advice: String = chars.next().map(|f| std::iter::once(f.to_ascii_lowercase()).chain(chars).collect()).unwrap_or_default();
            format!("{opening} Met: {counts}. {what} {} ({}): {advice}", c.id, c.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_reviews_as_all_missing() {
        let r = review("");
        assert_eq!(r.criteria.len(), 12);
        assert!(r.criteria.iter().all(|c| c.verdict == Verdict::Missing));
        assert!(r.criteria.iter().all(|c| c.suggestion.is_some()));
    }

    #[test]
    fn evidence_is_on_char_boundaries_and_quotes_the_text() {
        let text = "Désolé: we apologize, this was our fault. 日本 users could not log in from 10:00 to 11:30 UTC.";
        let r = review(text);
        for c in &r.criteria {
            for e in &c.evidence {
                assert_eq!(&text[e.start..e.end], e.text);
            }
        }
    }

    #[test]
    fn hostile_inputs_never_panic() {
        let inputs = [
            "\u{0}\u{1}\u{2}binary\u{fffd}\u{fffd}",
            "```\nunclosed code",
            "| a | b |\n|---|\n| only one",
            "<script>alert(1)</script>",
            "---\nunclosed: front matter",
            "# \n## \n### ",
            "[link](javascript:alert(1))",
            "ﷺ 𒀀 ℵ א ع 한국어 ไทย देवनागरी",
            "\r\n\r\n\t\t  \u{200b}",
            "1:2:3:4:5 99:99 2020-13-45T25:61",
            "> > > > > nested\n> quotes",
        ];
        for input in inputs {
            let r = review(input);
            assert_eq!(r.criteria.len(), 12, "{input:?}");
        }
        review(&"we broke it. ".repeat(20_000));
    }

    #[test]
    fn reviews_are_deterministic() {
        let text = "We deployed a bad config at 10:00 UTC; fixed at 10:30 UTC.";
        assert_eq!(review(text), review(text));
    }

    #[test]
    fn a_weak_prerequisite_comes_before_a_missing_bonus_in_the_summary() {
        // P1 partial (a hedged apology); every bonus criterion missing.
        let r = review("We apologize for any inconvenience users may have experienced.");
        assert_eq!(r.get(CriterionId::P1).verdict, Verdict::Partial);
        let next = r.summary.split(". The ").nth(1).unwrap_or("");
        assert!(next.contains("(Admit failure)") || next.contains("P2") || next.contains("P3") || next.contains("P4"), "{}", r.summary);
        assert!(!next.contains("B1"), "{}", r.summary);
    }

    #[test]
    fn a_missing_channel_is_not_called_a_tone_problem() {
        let with = |unmet: CriterionId| {
            let mut criteria = review("").criteria;
            for c in &mut criteria {
                c.verdict = if c.id == unmet { Verdict::Missing } else { Verdict::Met };
            }
            assemble(criteria).summary
        };
        let no_channel = with(CriterionId::P3);
        assert!(no_channel.contains("the tone is right"), "{no_channel}");
        assert!(!no_channel.contains("undercuts"), "{no_channel}");
        let no_admission = with(CriterionId::P1);
        assert!(no_admission.contains("the tone undercuts them"), "{no_admission}");
    }

    #[test]
    fn a_skeleton_inserted_unfilled_meets_nothing() {
        // Insert section puts the skeleton in the text; until the person
        // writes their own words in it, the verdict must not turn to met.
        let text = "# Outage\n\nOn 3 March the login page returned errors for some users. The service came back later that day.\n";
        for id in CriterionId::ALL {
            let with_skeleton = format!("{text}\n{}", guidance(id).skeleton);
            assert_ne!(review(&with_skeleton).get(id).verdict, Verdict::Met, "{id}: {with_skeleton}");
        }
    }

    #[test]
    fn all_four_requirements_are_not_called_mostly_there() {
        let with = |unmet: &[CriterionId]| {
            let mut criteria = review("").criteria;
            for c in &mut criteria {
                c.verdict = if unmet.contains(&c.id) { Verdict::Partial } else { Verdict::Met };
            }
            assemble(criteria).summary
        };
        let all_facts = with(&[CriterionId::P2, CriterionId::B4]);
        assert!(all_facts.starts_with("Every required fact is given, but the tone undercuts them."), "{all_facts}");
        let three_facts = with(&[CriterionId::P2, CriterionId::R1]);
        assert!(three_facts.starts_with("The facts are mostly there, but the tone undercuts them."), "{three_facts}");
        let no_channel = with(&[CriterionId::P3]);
        assert!(no_channel.starts_with("Every required fact is given and the tone is right"), "{no_channel}");
    }

    #[test]
    fn summary_names_the_counts_and_the_next_step() {
        let r = review("Something happened.");
        assert!(r.summary.contains("prerequisites"), "{}", r.summary);
        assert!(r.summary.contains("biggest missing piece"), "{}", r.summary);
    }
}
