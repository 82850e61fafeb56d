//! # B4: What others can learn from this experience
//!
//! **What it checks.** Advice meant for other teams that comes out of this
//! incident ("if you run X, check Y"), a shared tool, script or checklist, or
//! a bug report or fix sent upstream. A transferable lesson stated only about
//! the team itself is partial. Stock advice ("enable two-factor
//! authentication") and recovery instructions to the service's own users do
//! not count by themselves.
//!
//! **Why.** A postmortem that helps others turns a disaster into goodwill.
//!
//! **Passes:** "If you run nginx behind a load balancer, check that its
//! keepalive timeout is longer than the balancer's."
//!
//! **Partial:** "We learned that our alerts were too noisy."
//!
//! **Fails:** a text with nothing another team could take away.

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::Document;
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;

pub struct LessonsForOthers;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B4,
    name: "What others can learn",
    advice: "Add advice for other teams that comes out of this incident: what to check if they run the same systems, or a tool, script or upstream fix you can share.",
    example: "If you run nginx behind a load balancer, check that its keepalive timeout is longer than the balancer's.",
    skeleton: "## What others can learn\n\nIf you run <system>, check <what> — <why it matters>. We have shared <tool, script or upstream report>.\n",
};

impl Criterion for LessonsForOthers {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let advice: Vec<_> = doc
            .prose_sentences()
            .filter(|s| s.cues.has(Cue::Advice) || s.cues.has(Cue::Upstream))
            .collect();
        if advice.len() >= 2 {
            return Finding::met("The text offers advice or tools others can use.")
                .citing(advice.into_iter().take(4));
        }
        let lessons: Vec<_> = doc
            .prose_sentences()
            .filter(|s| s.cues.any(&[Cue::Transferable, Cue::Lesson, Cue::Remedy]))
            .take(3)
            .collect();
        if !advice.is_empty() || !lessons.is_empty() {
            return Finding::partial("Lessons others could transfer, stated only about the team itself.")
                .citing(advice.into_iter().chain(lessons).take(3));
        }
        Finding::missing("Nothing another team could take away.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::B4, Verdict::*};

    #[test]
    fn advice_for_others_meets_b4() {
        let text = "If you run nginx behind a load balancer, check your keepalive timeout. \
                    We recommend others set it longer than the balancer's.";
        assert_eq!(verdict(B4, text), Met);
    }

    #[test]
    fn a_lesson_about_ourselves_is_partial() {
        assert_eq!(verdict(B4, "We learned that our alerts were too noisy."), Partial);
    }

    #[test]
    fn nothing_to_take_away_is_missing() {
        assert_eq!(verdict(B4, "The server went down and came back."), Missing);
    }
}
