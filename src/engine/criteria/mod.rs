//! One module per criterion, each with its documentation and its tests.
//! The registry in `criterion.rs` lists them in tier order.

pub mod p1_admit_failure;
pub mod p2_sound_human;
pub mod p3_communication_channel;
pub mod p4_authentic;
pub mod r1_start_and_end;
pub mod r2_impact;
pub mod r3_what_went_wrong;
pub mod r4_lessons_learned;
pub mod b1_technology_details;
pub mod b2_five_whys;
pub mod b3_human_elements;
pub mod b4_lessons_for_others;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::engine::{CriterionId, Document, Verdict, CRITERIA};

    /// The verdict a criterion's rule reads in a text: the signal the
    /// learned model weighs (the model's own tests are in `model.rs` and
    /// the corpus tests).
    pub fn verdict(id: CriterionId, text: &str) -> Verdict {
        CRITERIA[id as usize].review(&Document::parse(text)).verdict
    }

    /// The suggestion the engine gives a criterion not met in a text: the
    /// rule's words about it where the model agrees, else the general
    /// advice. Panics when the criterion is met: the test's text is wrong.
    pub fn suggestion(id: CriterionId, text: &str) -> String {
        let review = crate::engine::review(text);
        let c = review.get(id);
        c.suggestion.clone().unwrap_or_else(|| panic!("{id} is met in {text:?}"))
    }

    /// What the rule alone would suggest for a text: its words about the
    /// text, shown only where the model reaches the same verdict.
    pub fn rule_suggestion(id: CriterionId, text: &str) -> Option<String> {
        CRITERIA[id as usize].review(&Document::parse(text)).suggestion
    }

    /// A postmortem's opening that tells the impact plainly, so that a
    /// test's few sentences about one criterion read as part of a whole.
    pub const OPENING: &str = "# Checkout outage on 3 March\n\nOn 3 March, from 14:02 to 14:49 UTC, 38% of checkout \
                               requests failed for customers in the EU; the US store was not affected.\n\n";

    /// The general advice for a criterion, the same for every text.
    pub fn general(id: CriterionId) -> String {
        crate::engine::suggestion(id)
    }
}
