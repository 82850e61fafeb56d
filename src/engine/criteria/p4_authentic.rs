//! # P4: Above all else, be authentic
//!
//! **What it checks.** Whether the whole text is candid and specific:
//! concrete numbers and facts, self-criticism, no minimising. A single stock
//! phrase among candid facts stays met; minimising that touches the impact or
//! the cause ("a brief blip", "some users may have") makes it partial; spin
//! or boilerplate alone is missing.
//!
//! **Why.** Readers can tell spin from candour, and spin costs more trust
//! than the outage did.
//!
//! **Passes:** "For 47 minutes every API request failed. It took us
//! unacceptably long to notice."
//!
//! **Partial:** "A small number of users may have seen brief errors."
//!
//! **Fails:** "We take reliability very seriously and are committed to
//! world-class service."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{Document, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::quantities;

pub struct Authentic;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P4,
    name: "Above all else, be authentic",
    advice: "Replace softening words (\"brief\", \"a small number of\", \"may have\") and stock phrases with the concrete facts, and say candidly what went badly.",
    example: "For 47 minutes, 100% of API requests failed; it took us too long to notice.",
    skeleton: "## What it was like for you\n\nFor <duration>, <how many> users could not <what>. It took us <how long> to notice, which was too long.\n",
};

impl Criterion for Authentic {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut candid = Vec::new();
        let mut minimising = Vec::new();
        let mut marketing = Vec::new();
        let mut facts = 0usize;
        for s in doc.prose_sentences() {
            let words = doc.words(s);
            let concrete = quantities(words) > 0 || s.times.clocks > 0 || s.cues.has(Cue::Technology);
            if concrete {
                facts += 1;
            }
            if s.cues.has(Cue::SelfCriticism) {
                candid.push(s);
            }
            let about_impact_or_cause = matches!(doc.topic(s), Topic::Impact | Topic::Cause | Topic::Summary)
                || s.cues.any(&[Cue::ImpactWord, Cue::Who, Cue::CauseWord]);
            if s.cues.has(Cue::Minimiser) && about_impact_or_cause {
                minimising.push(s);
            }
            if s.cues.has(Cue::Marketing) {
                marketing.push(s);
            }
        }
        if facts == 0 && candid.is_empty() {
            if !marketing.is_empty() || !minimising.is_empty() {
                return Finding::missing("Only stock phrases and softening; no concrete facts.");
            }
            return Finding::missing("No concrete facts or candour to judge by.");
        }
        if minimising.len() >= 2 || marketing.len() > facts / 3 + 1 {
            return Finding::partial("Candid in places, but softening or marketing phrases undercut it.")
                .citing(minimising.into_iter().chain(marketing).take(4));
        }
        Finding::met(format!("Specific and candid: {facts} sentences give concrete facts."))
            .citing(candid.into_iter().take(4))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::P4, Verdict::*};

    #[test]
    fn concrete_candour_meets_p4() {
        let text = "For 47 minutes every API request failed. It took us unacceptably long to notice.";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn minimising_the_impact_is_partial() {
        let text = "A small number of users may have seen brief errors on 3 pages. \
                    A minor issue affected a small subset of customers for 5 minutes.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn marketing_alone_is_missing() {
        let text = "We take reliability very seriously and are committed to world-class service.";
        assert_eq!(verdict(P4, text), Missing);
    }
}
