//! # P1: Admit failure
//!
//! **What it checks.** Whether the text owns the failure in its own voice:
//! an apology, "our mistake", "we should have", or a plain statement that the
//! team's own action, decision, configuration or omission caused or prolonged
//! the outage.
//!
//! **Why.** Readers forgive a company that says it failed; they do not
//! forgive one that pretends nothing happened or blames someone else.
//!
//! **Passes:** "We deployed a change that broke logins. We're sorry."
//!
//! **Partial:** "We apologize for any inconvenience users may have
//! experienced." (hedged), "Our provider suffered an outage." (blames a third
//! party), "A change was deployed." (no one owns it).
//!
//! **Fails:** "The planned maintenance concluded on schedule."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::Document;
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::affirmed;

pub struct AdmitFailure;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P1,
    name: "Admit failure",
    advice: "Say plainly that this was your failure: what you did or failed to do, and an apology that is not hedged.",
    example: "This outage was our fault: we deployed a configuration change without testing it, and we are sorry.",
    skeleton: "## What we got wrong\n\nThis outage was our fault. We <what we did or failed to do>, and we are sorry.\n",
};

impl Criterion for AdmitFailure {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut owning = Vec::new();
        let mut hedged = Vec::new();
        let mut acknowledging = Vec::new();
        let mut planned = false;
        for s in doc.prose_sentences() {
            let c = s.cues;
            if c.has(Cue::Planned) {
                planned = true;
            }
            let apology = affirmed(doc, s, Cue::Apology).next().is_some();
            let owns = affirmed(doc, s, Cue::Ownership).next().is_some() && c.has(Cue::FirstPerson);
            if c.has(Cue::NonApology) || (apology && c.has(Cue::Hedge)) {
                hedged.push(s);
            } else if apology || owns {
                owning.push(s);
            } else if c.any(&[Cue::ImpactWord, Cue::CauseWord, Cue::SelfCriticism]) {
                acknowledging.push(s);
            }
        }
        if !owning.is_empty() {
            return Finding::met("The text owns the failure in its own voice.").citing(owning);
        }
        if !hedged.is_empty() {
            return Finding::partial("The failure is acknowledged, but the apology is hedged.")
                .citing(hedged);
        }
        if !acknowledging.is_empty() && !planned {
            return Finding::partial(
                "The incident is acknowledged, but no one owns it: the cause is told impersonally or put on someone else.",
            )
            .citing(acknowledging.into_iter().take(3));
        }
        Finding::missing("Nothing in the text presents this as a failure of the team's own.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::P1, Verdict::*};

    #[test]
    fn a_plain_apology_meets_p1() {
        assert_eq!(verdict(P1, "We deployed a change that broke logins. We're sorry."), Met);
    }

    #[test]
    fn a_hedged_apology_is_partial() {
        assert_eq!(
            verdict(P1, "We apologize for any inconvenience users may have experienced during the outage."),
            Partial
        );
    }

    #[test]
    fn impersonal_acknowledgement_is_partial() {
        assert_eq!(verdict(P1, "A change was deployed. Users were unable to log in."), Partial);
    }

    #[test]
    fn planned_maintenance_is_missing() {
        assert_eq!(verdict(P1, "The planned maintenance concluded on schedule."), Missing);
    }

    #[test]
    fn a_negated_apology_does_not_count() {
        assert_ne!(verdict(P1, "We are not sorry about anything."), Met);
    }
}
