//! # B2: Answers to the Five Whys
//!
//! **What it checks.** Whether the text goes beneath the proximate cause:
//! why it happened, why that was so, why it was not prevented, detected or
//! fixed sooner. Each sentence that explains a cause ("because", "due to",
//! "which meant") or names a gap that let it happen or last ("no alert was
//! configured", "not covered by tests") is one answer, as is each paragraph
//! or item under a "five whys" / "contributing factors" heading. Three answers (the
//! proximate cause and two levels beneath it) meet it; one or two are
//! partial. Questions ("Why did this start?") are not answers.
//!
//! **Why.** The proximate cause is rarely the one worth fixing.
//!
//! **Passes:** "The deploy broke logins because the config was wrong. The
//! config was wrong because it was edited by hand. It was not caught because
//! staging does not run the login test."
//!
//! **Fails:** "A DNS change made our mail server unreachable."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;

pub struct FiveWhys;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B2,
    name: "Answers to the Five Whys",
    advice: "Go beneath the proximate cause: why did it happen, why was it not prevented, and why was it not detected or fixed sooner?",
    example: "The config was wrong because it was edited by hand, and staging did not catch it because it skips the login test.",
    skeleton: "## Five whys\n\n1. Why did <the outage> happen? Because <proximate cause>.\n2. Why did <that> happen? Because <deeper cause>.\n3. Why was it not caught sooner? Because <gap in detection>.\n",
};

/// Answers that make the proximate cause plus two levels beneath it.
const MET_ANSWERS: usize = 3;

impl Criterion for FiveWhys {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        // Under a five-whys heading each paragraph or item is one answer,
        // however many sentences it takes.
        let mut last_block = None;
        let answers: Vec<_> = doc
            .prose_sentences()
            .filter(|s| match answers_why(doc, s) {
                Answer::Explains => true,
                Answer::InAnalysis => last_block.replace(s.block) != Some(s.block),
                Answer::No => false,
            })
            .collect();
        match answers.len() {
            0 => Finding::missing("Only the proximate cause, if any."),
            n if n >= MET_ANSWERS => Finding::met(format!("{n} answers go beneath the proximate cause."))
                .citing(answers.into_iter().take(4)),
            _ => Finding::partial("One level beneath the proximate cause.").citing(answers),
        }
    }
}

enum Answer {
    /// Explains a cause or names a gap: one answer per sentence.
    Explains,
    /// Sits in a five-whys section without an explanation word.
    InAnalysis,
    No,
}

/// An explanation of a cause or a gap that let it happen, or any statement
/// in a five-whys section. Never a question or a template sentence, and
/// never an account of the impact ("versions before 1.26 are affected
/// because…", "no action is required due to this incident"): that explains
/// who was hit, not why it happened. A cause told under an impact heading
/// ("This is due to a flaw in the parser") still counts.
fn answers_why(doc: &Document, s: &Sentence) -> Answer {
    let topic = doc.topic(s);
    if doc.words(s).ends_with('?')
        || s.cues.any(&[Cue::Boilerplate, Cue::NotAffected])
        || (topic == Topic::Impact && s.cues.has(Cue::ImpactWord))
    {
        Answer::No
    } else if s.cues.has(Cue::Explanation) {
        Answer::Explains
    } else if topic == Topic::Analysis {
        Answer::InAnalysis
    } else {
        Answer::No
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::B2, Verdict::*};

    #[test]
    fn three_levels_meet_b2() {
        let text = "The deploy broke logins because the config was wrong. \
                    The config was wrong because it was edited by hand, which meant no review. \
                    It was not detected because staging does not run the login test.";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn one_because_is_partial() {
        assert_eq!(verdict(B2, "Logins broke because the config was edited by hand."), Partial);
    }

    #[test]
    fn a_gap_in_detection_is_an_answer() {
        assert_eq!(verdict(B2, "No alert was configured for disk usage."), Partial);
    }

    #[test]
    fn questions_are_not_answers() {
        assert_eq!(verdict(B2, "Why did this outage start in the first place?"), Missing);
    }

    #[test]
    fn a_contributing_factors_heading_with_one_answer_is_partial() {
        assert_eq!(verdict(B2, "## Contributing factors\n\nThe runbook was out of date.\n"), Partial);
        let text = "## Contributing factors\n\nThe runbook was out of date. Nobody had read it in a year. It lived in a wiki.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn three_contributing_factors_meet_b2() {
        let text = "## Contributing factors\n\n- The runbook was out of date.\n- The alert went to one person.\n- Staging skips the login test.\n";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn a_cause_that_made_the_outage_is_only_the_proximate_cause() {
        let text = "An unannounced DNS change made our mail server go incognito. \
                    Our provider experienced a failure that prevented our servers from reaching the world.";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn explaining_the_impact_is_not_a_why() {
        let text = "## Affected versions\n\nRust 1.25 is affected because Cargo ignores the key.\n\n\
                    ## Summary\n\nNo action is required by users due to this incident.\n";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn a_cause_under_an_impact_heading_is_a_why() {
        let text = "## What was impacted\n\nThis is due to a flaw in the parser.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn a_counterfactual_is_a_why_not_prevented() {
        assert_eq!(verdict(B2, "The alert went to one person, so it could have been noticed earlier."), Partial);
    }

    #[test]
    fn proximate_cause_only_is_missing() {
        assert_eq!(verdict(B2, "A bad deploy broke logins."), Missing);
    }
}
