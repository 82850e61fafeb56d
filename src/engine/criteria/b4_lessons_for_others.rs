//! # B4: What others can learn from this experience
//!
//! **What it checks.** Advice meant for other teams that comes out of this
//! incident ("if you run X, check Y", "we wanted to share this with other
//! teams"), a shared tool, or a bug report or fix sent upstream: met. A
//! transferable lesson stated only about the team itself (a lesson learned,
//! a self-critical "it took too long", a follow-up the team commits to) is
//! partial. Instructions to the service's own users ("update your
//! compiler", "click Resync"), reassurance ("no evidence of misuse") and
//! template promises do not count: a text with only those is missing.
//!
//! **Why.** A postmortem that helps others turns a disaster into goodwill.
//!
//! **Passes:** "If you run nginx behind a load balancer, check that its
//! keepalive timeout is longer than the balancer's."
//!
//! **Partial:** "We learned that our alerts were too noisy."
//!
//! **Fails:** "We strongly recommend that users of the affected versions
//! update their compiler." (an instruction to the service's own users)

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{BlockKind, Document, Sentence, Topic};
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
            .filter(|s| for_others(s))
            .take(4)
            .collect();
        if !advice.is_empty() {
            return Finding::met("The text offers advice, a tool or an upstream report others can use.")
                .citing(advice);
        }
        let follow_up = follow_up_blocks(doc);
        let stated = doc.prose_sentences().filter(|s| own_words(s) && states_lesson(s));
        let committed = doc
            .prose_sentences()
            .filter(|s| own_words(s) && !states_lesson(s) && follow_up[s.block]);
        let lessons: Vec<_> = stated.chain(committed).take(3).collect();
        if !lessons.is_empty() {
            return Finding::partial("Lessons others could transfer, stated only about the team itself.")
                .citing(lessons);
        }
        Finding::missing("Nothing another team could take away.")
    }
}

/// Advice addressed to other teams, or a report or tool given to others.
fn for_others(s: &Sentence) -> bool {
    let c = s.cues;
    !c.has(Cue::Boilerplate) && (c.has(Cue::Upstream) || (c.has(Cue::Advice) && c.has(Cue::Audience)))
}

/// The team speaking about itself: not a template promise, not an
/// instruction to its own users, not reassurance that nothing happened.
fn own_words(s: &Sentence) -> bool {
    !s.cues.any(&[Cue::Boilerplate, Cue::UserInstruction, Cue::NotAffected])
}

/// A lesson put in words: "we learned", "lessons", "in hindsight", or the
/// self-criticism a lesson is made of ("it took too long to realise").
fn states_lesson(s: &Sentence) -> bool {
    s.cues.any(&[Cue::Transferable, Cue::Lesson, Cue::SelfCriticism])
}

/// Which blocks sit in a follow-up section: under a heading such as "Action
/// items" or "What we're doing about it" (and its subheadings, "### Process"),
/// or after a standalone label such as `- **Review actions**:` until the next
/// heading or label. Headings and labels themselves are not follow-ups.
fn follow_up_blocks(doc: &Document) -> Vec<bool> {
    // The level of the follow-up heading we are under, if any.
    let mut heading: Option<u8> = None;
    let mut labelled = false;
    doc.blocks
        .iter()
        .map(|b| {
            if let BlockKind::Heading(level) = b.kind {
                heading = match heading {
                    _ if b.topic == Topic::FollowUp => Some(level),
                    Some(outer) if level > outer => Some(outer),
                    _ => None,
                };
                labelled = false;
                return false;
            }
            if let Some(label) = b.label {
                labelled = label == Topic::FollowUp;
                return false;
            }
            heading.is_some() || labelled || b.topic == Topic::FollowUp
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::B4, Verdict::*};

    #[test]
    fn advice_for_others_meets_b4() {
        let text = "If you run nginx behind a load balancer, check your keepalive timeout.";
        assert_eq!(verdict(B4, text), Met);
    }

    #[test]
    fn sharing_the_experience_with_other_teams_meets_b4() {
        let text = "We wanted to share our experience with other teams in case they find it useful.";
        assert_eq!(verdict(B4, text), Met);
    }

    #[test]
    fn sharing_infrastructure_with_other_services_is_not_advice() {
        let text = "We share a database with other services. We learned that it needs its own pool.";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn anyone_hit_by_the_outage_is_not_an_audience_for_advice() {
        let text = "It would have broken builds for anyone using the nightly. We learned to test it.";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn anyone_running_the_same_system_is_advised() {
        assert_eq!(verdict(B4, "Anyone running kubespawner should check their reflector timeout."), Met);
    }

    #[test]
    fn a_bug_report_upstream_meets_b4() {
        assert_eq!(verdict(B4, "We reported the bug to the kubelet maintainers."), Met);
    }

    #[test]
    fn a_recommendation_that_names_no_audience_is_not_advice_for_others() {
        let text = "This was also recommended by the security researcher. We learned a lot.";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn other_teams_helping_is_not_advice_for_them() {
        let text = "Engineers from other teams worked closely with us. We learned that our alerts were too noisy.";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn a_lesson_about_ourselves_is_partial() {
        assert_eq!(verdict(B4, "We learned that our alerts were too noisy."), Partial);
    }

    #[test]
    fn self_criticism_is_a_lesson_about_ourselves() {
        let text = "It took too long to realize that we had two separate issues at hand.";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn an_action_item_under_a_review_label_is_partial() {
        let text = "- **Review actions**:\n\n1. Add a runbook for changing the node instance type\n";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn subheadings_of_action_items_are_follow_ups() {
        let text = "## Action items\n\n### Deployment\n\n1. Write end-to-end tests for deploys\n";
        assert_eq!(verdict(B4, text), Partial);
    }

    #[test]
    fn instructions_to_our_own_users_are_missing() {
        let text = "## Mitigations\n\nWe strongly recommend that users of the affected versions update their compiler. \
                    Preventing this requires updating your compiler.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn reassurance_under_a_follow_up_heading_is_missing() {
        let text = "## Mitigations\n\nAn audit has been performed and there is no evidence that this was exploited.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn template_promises_are_missing() {
        let text = "We are taking steps to get the domain taken down. Do not follow any links in these emails.";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn nothing_to_take_away_is_missing() {
        assert_eq!(verdict(B4, "The server went down and came back."), Missing);
    }
}
