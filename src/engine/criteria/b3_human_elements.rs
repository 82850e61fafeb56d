//! # B3: Human elements
//!
//! **What it checks.** The people side of the incident: responders acting at
//! stated times, decisions, feelings, honest misjudgements, specific thanks,
//! a named author speaking. One touch (a feeling, one thank-you) is partial;
//! a canned executive quote or purely technical prose is missing.
//!
//! **Why.** People trust people; the human story is what readers remember.
//!
//! **Passes:** "At 02:10 the on-call engineer was paged. We decided to fail
//! over, which in hindsight was the wrong call. Thanks to Sam for staying up."
//!
//! **Partial:** "It was a double whammy."
//!
//! **Fails:** "The database failed over and service resumed."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::Document;
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;

pub struct HumanElements;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B3,
    name: "Human elements",
    advice: "Tell the people side: who responded and when, what you decided and why, what it felt like, and thank those who helped.",
    example: "At 02:10 our on-call engineer was paged; we decided to fail over, which in hindsight was the wrong call.",
    skeleton: "## The response\n\nAt HH:MM <who> was paged. We decided to <decision> because <why>. Thanks to <name> for <what they did>.\n",
};

impl Criterion for HumanElements {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let touches: Vec<_> = doc
            .prose_sentences()
            .filter(|s| {
                let c = s.cues;
                let boilerplate = c.any(&[Cue::Boilerplate, Cue::Marketing]);
                !boilerplate
                    && (c.has(Cue::Feeling)
                        || c.has(Cue::Thanks)
                        || (c.has(Cue::Responder) && s.times.clocks > 0))
            })
            .collect();
        match touches.len() {
            0 => Finding::missing("Purely technical or corporate: no people in the story."),
            1 | 2 => Finding::partial("A human touch or two.").citing(touches),
            n => Finding::met(format!("{n} passages tell the people side."))
                .citing(touches.into_iter().take(5)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::B3, Verdict::*};

    #[test]
    fn responders_decisions_and_thanks_meet_b3() {
        let text = "At 02:10 the on-call engineer was paged. We decided to fail over, which in hindsight \
                    was the wrong call. It was stressful. Thanks to Sam for staying up.";
        assert_eq!(verdict(B3, text), Met);
    }

    #[test]
    fn one_feeling_is_partial() {
        assert_eq!(verdict(B3, "The mail server went down. Double whammy."), Partial);
    }

    #[test]
    fn purely_technical_is_missing() {
        assert_eq!(verdict(B3, "The database failed over and service resumed."), Missing);
    }
}
