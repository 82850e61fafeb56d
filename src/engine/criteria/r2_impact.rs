//! # R2: Who and what was impacted
//!
//! **What it checks.** Whether the text names *what* was affected (features,
//! products, regions, APIs) and *who* (which customers or users), ideally
//! quantified. Saying what was not affected counts towards met. A feature
//! without who, or only a denial ("no customer data was affected"), is
//! partial.
//!
//! **Why.** Every reader's first question is "was it me?".
//!
//! **Passes:** "About 30% of EU customers could not open the dashboard;
//! the API was not affected."
//!
//! **Partial:** "Service was degraded."
//!
//! **Fails:** a text that never says what the outage did to anyone.

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{Document, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::quantities;

pub struct Impact;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R2,
    name: "Who and what was impacted",
    advice: "Say which features or services were affected, which users, and how many (a percentage, a count, an error rate), and what was not affected.",
    example: "About 30% of EU customers could not open the dashboard; the public API was not affected.",
    skeleton: "## Impact\n\n- Affected: <features, services, regions>\n- Who: <which users, how many>\n- Not affected: <what kept working>\n",
};

impl Criterion for Impact {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut specific = Vec::new();
        let mut generic = Vec::new();
        for s in doc.prose_sentences() {
            let in_impact = doc.topic(s) == Topic::Impact;
            let impact = s.cues.has(Cue::ImpactWord) || in_impact;
            if !impact {
                continue;
            }
            let who = s.cues.has(Cue::Who);
            let what = s.cues.has(Cue::Technology) || s.cues.has(Cue::NotAffected) || quantities(doc.words(s)) > 0;
            if who && (what || s.cues.has(Cue::Scope)) {
                specific.push(s);
            } else if who || what || in_impact {
                generic.push(s);
            }
        }
        if !specific.is_empty() {
            return Finding::met("The text says what was affected and who.")
                .citing(specific.into_iter().take(4));
        }
        if !generic.is_empty() {
            return Finding::partial("The impact is described only generically.")
                .citing(generic.into_iter().take(3));
        }
        Finding::missing("Nothing says what the incident did to anyone.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::R2, Verdict::*};

    #[test]
    fn what_and_who_meets_r2() {
        let text = "About 30% of EU customers could not open the dashboard; the API was not affected.";
        assert_eq!(verdict(R2, text), Met);
    }

    #[test]
    fn generic_degradation_is_partial() {
        assert_eq!(verdict(R2, "The service was degraded."), Partial);
    }

    #[test]
    fn no_impact_is_missing() {
        assert_eq!(verdict(R2, "We wrote some code."), Missing);
    }
}
