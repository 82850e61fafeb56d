//! # B2: Answers to the Five Whys
//!
//! **What it checks.** Whether the text goes beneath the proximate cause:
//! why it happened, why that was so, why it was not prevented, detected or
//! fixed sooner. Two or more answers beyond the proximate cause, or a real
//! "five whys" / "contributing factors" analysis, meet it; one is partial.
//!
//! **Why.** The proximate cause is rarely the one worth fixing.
//!
//! **Passes:** "The deploy broke logins because the config was wrong. The
//! config was wrong because it was edited by hand. It was not caught because
//! staging does not run the login test."
//!
//! **Fails:** "A bad deploy broke logins."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{Document, Topic};
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

impl Criterion for FiveWhys {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let deeper: Vec<_> = doc
            .prose_sentences()
            .filter(|s| {
                let in_analysis = matches!(doc.topic(s), Topic::Analysis);
                s.cues.has(Cue::WhyDeeper) && (s.cues.has(Cue::Causal) || in_analysis)
                    || in_analysis
            })
            .collect();
        let causal = doc
            .prose_sentences()
            .filter(|s| s.cues.has(Cue::Causal))
            .count();
        if deeper.len() >= 2 {
            return Finding::met(format!("{} answers go beneath the proximate cause.", deeper.len()))
                .citing(deeper.into_iter().take(4));
        }
        if deeper.len() == 1 || causal >= 2 {
            return Finding::partial("One level beneath the proximate cause.")
                .citing(deeper.into_iter().take(2));
        }
        Finding::missing("Only the proximate cause, if any.")
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
    fn proximate_cause_only_is_missing() {
        assert_eq!(verdict(B2, "A bad deploy broke logins."), Missing);
    }
}
