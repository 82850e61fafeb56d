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
}
