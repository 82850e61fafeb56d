//! # R3: What went wrong
//!
//! **What it checks.** Whether the text explains the technical or process
//! cause and how it led to the outage. A cause class without its mechanism
//! ("human error", "a configuration issue") is partial; "we are still
//! investigating" alone, or a "Root cause" heading over "TBD", is missing.
//! A "because" in the account of the fix, the detection or the follow-ups
//! explains a step of the response, not the cause; under a resolution or
//! detection heading, only where the sentence tells a step of the response
//! (a restart, someone acting, a promise): "When the instance type is
//! changed, the nodes are recycled at once. This caused the pods to be
//! deleted." there is the mechanism. A bold label's own word ("**Identified**:")
//! names a section, not a cause. "A bug that caused X"
//! names a cause class by its effect; a negated cause ("is never a root
//! cause") names none. An attack told with the system it went through is
//! a cause with its mechanism, and so is a change told by its consequence
//! ("binary files which can be unzipped, exposing a token"), and under a
//! cause heading a system told with its failing detail. A cause section or
//! label that says only "under investigation" or "unknown" outweighs a
//! "because" elsewhere. A system failing "after a change" is a cause.
//!
//! **Why.** Without the cause, readers cannot judge whether the fix is real.
//!
//! **Passes:** "An unannounced DNS change made our mail server unreachable,
//! because its MX record pointed at the old address."
//!
//! **Partial:** "The outage was caused by a configuration issue."
//!
//! **Fails:** "The root cause is still under investigation."

use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Hit, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{affirmed, names_a_thing};
use crate::engine::suggest::{after_the_story, quote, where_to_add};

pub struct WhatWentWrong;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R3,
    name: "What went wrong",
    advice: "Explain the cause and the mechanism: what changed or broke, and how that led to the outage.",
    example: "A DNS change moved our MX record to an old address, so mail to our servers bounced.",
    levels: ["No cause given, or only that it is being investigated.", "Names a kind of cause without explaining how it led to the outage.", "Explains the cause and how it led to the outage."],
    skeleton: "## What went wrong\n\n<What changed or broke>, which caused <how it led to the outage>.\n",
    kinds: &["causes explained with their mechanism", "causes named", "statements that the cause is under investigation", "sentences in a cause section"],
};

impl Criterion for WhatWentWrong {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut counts = [0; KINDS];
        read(doc, &mut counts).counting(counts)
    }
}

/// The rule's verdict, with how many sentences of each kind it read
/// (`GUIDANCE.kinds`): whether one explained cause among many named ones
/// explains the incident is the reviewers' line to draw.
fn read(doc: &Document, counts: &mut [usize; KINDS]) -> Finding {
    // A cause section that only says it is unknown ("Root cause: under
    // investigation", "TBD") is the author's word that no cause is
    // known: a "because" elsewhere does not name one, though a cause
    // explained with its mechanism still meets.
    let cause_body = || {
        doc.prose_sentences().filter(|s| {
            matches!(doc.topic(s), Topic::Cause | Topic::Analysis) && !matches!(doc.block_of(s).kind, BlockKind::Heading(_))
        })
    };
    let unknown = cause_body().next().is_some()
        && cause_body().all(|s| s.cues.any(&[Cue::Investigating, Cue::Deferral, Cue::Unknown]));
    let mut explained = Vec::new();
    let mut named = Vec::new();
    let mut investigating = Vec::new();
    for s in doc.prose_sentences() {
        let c = s.cues;
        let in_cause = matches!(doc.topic(s), Topic::Cause | Topic::Analysis);
        // "Root cause: unknown at this time" says no cause is known; the
        // label's own "cause" names none.
        let unknown_here = in_cause
            && c.any(&[Cue::Unknown, Cue::Deferral])
            && !c.has(Cue::Technology)
            && !c.has(Cue::TechDetail);
        if c.has(Cue::Investigating) || unknown_here {
            investigating.push(s);
            continue;
        }
        // "Operator error is never a root cause" names no cause.
        let causal = [Cue::Causal, Cue::CauseWord, Cue::Consequence]
            .into_iter()
            .any(|cue| affirmed(doc, s, cue).any(|h| !is_the_label(doc, s, h)));
        let mechanism = c.has(Cue::Technology) || c.has(Cue::TechDetail);
        // A "because" in the follow-ups, in a step of the response told
        // under the fix or the detection (a restart, someone acting, a
        // promise), or beside a recovery in the timeline ("restarted it
        // because..."), explains a step of the response, not the cause.
        // Told there without a step ("This caused the pods to be
        // deleted"), it is the mechanism.
        let narrating = match doc.topic(s) {
            Topic::FollowUp => true,
            Topic::Resolution | Topic::Detection => {
                c.any(&[Cue::Mitigation, Cue::Speaker, Cue::Commitment, Cue::Responder])
            }
            Topic::Timeline => c.has(Cue::EndWord) || c.has(Cue::Mitigation),
            _ => false,
        };
        // An attack told with the system it went through ("malicious
        // build.rs files sent metadata to a Telegram channel") is the
        // cause and its mechanism, even without a "because".
        // A name before the attack word ("Acme was the target of a DDoS
        // attack") is the victim's, and the attack's own name is no
        // system: only what follows it tells what the attack went
        // through; without that, the attack is a cause class.
        let attack = c.has(Cue::Attack) && (mechanism || names_after_attack(doc, s));
        // Under a cause heading, a system with its failing detail ("the
        // auth service's connection pool was cut to 1") is the mechanism.
        // So is a change told to a named system there ("the bank changed
        // the format of its IDs in its API"): what changed is the cause.
        let detailed = in_cause && c.has(Cue::Technology) && (c.has(Cue::TechDetail) || tells_a_change(doc.words(s)));
        if (((causal || detailed) && mechanism && !c.has(Cue::CauseClass)) || attack) && !narrating {
            explained.push(s);
        } else if !unknown && (causal || c.any(&[Cue::CauseClass, Cue::Attack]) || (in_cause && mechanism)) {
            named.push(s);
        }
    }
    counts[..4].copy_from_slice(&[explained.len(), named.len(), investigating.len(), cause_body().count()]);
    if !explained.is_empty() {
        return Finding::met("The cause is explained with its mechanism.")
            .citing(explained.into_iter().take(4));
    }
    // When the text says the cause is not known yet, a bare "because"
    // ("I'm writing this myself because you deserve to hear it from me")
    // names no cause: only a cause word, a cause class or a system does.
    if !investigating.is_empty() {
        named.retain(|s| s.cues.any(&[Cue::CauseClass, Cue::CauseWord, Cue::Technology, Cue::TechDetail]));
    }
    let place = where_to_add(doc, &[Topic::Cause, Topic::Analysis], &after_the_story(doc));
    if !named.is_empty() {
        let suggestion = format!(
            "You name the cause, {}, but not how it led to the outage: say what changed or broke, \
             and the chain from there to what users saw, {place} \
             (\u{201c}A DNS change moved our MX record to an old address, so mail bounced.\u{201d}).",
            quote(doc, named[0])
        );
        return Finding::partial("A cause is named, but not how it led to the outage.")
            .citing(named.into_iter().take(3))
            .suggesting(suggestion);
    }
    match investigating.first() {
        None => Finding::missing("No cause is given."),
        Some(s) => Finding::missing("The cause is still under investigation.").suggesting(format!(
            "You say {}. Once you know, add what changed or broke and how it led to the outage, {place}; \
             until then, say what you have ruled out and when you will update this.",
            quote(doc, s)
        )),
    }
}

/// Whether a name follows the sentence's first attack word ("malicious
/// build.rs files sent metadata to a Telegram channel").
fn names_after_attack(doc: &Document, s: &Sentence) -> bool {
    doc.hits_in(s).iter().find(|h| h.cue == Cue::Attack).is_some_and(|h| {
        let tail = Sentence { src: doc.src_offset(h.prose.start, false).max(s.src.start)..s.src.end, ..s.clone() };
        names_a_thing(doc, &tail)
    })
}

/// Whether a hit is the block's own bold label ("**Identified**:", "**Root
/// cause**:"): the label names a section, not a cause.
fn is_the_label(doc: &Document, s: &Sentence, h: &Hit) -> bool {
    let block = doc.block_of(s);
    block.label.is_some() && h.prose.start == block.prose.start
}

/// A change told in the past tense: "changed", "renamed", "replaced".
fn tells_a_change(words: &str) -> bool {
    ["changed the", "renamed the", "replaced the", "switched the", "removed the", "upgraded the"]
        .iter()
        .any(|w| words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict};
    use crate::engine::{CriterionId::R3, Verdict::*};

    #[test]
    fn the_rule_counts_its_sentences_by_kind() {
        let text = "## Root cause\n\nThe outage was caused by human error. \
                    A DNS change moved our MX record to an old address, so mail bounced. \
                    We are still investigating why the alert did not fire.\n";
        let finding = crate::engine::CRITERIA[R3 as usize].review(&crate::engine::Document::parse(text));
        // Explained causes, named causes, under investigation, sentences in a cause section.
        assert_eq!(finding.counts, [1, 1, 1, 3, 0]);
    }

    #[test]
    fn a_cause_class_is_quoted_and_asked_for_its_mechanism() {
        let text = "## Timeline\n\n- 10:00 logins fail\n\n## Root cause\n\nThe outage was caused by human error.\n";
        let advice = suggestion(R3, text);
        assert!(advice.starts_with("You name the cause, \u{201c}The outage was caused by human error\u{201d}, but not how"), "{advice}");
        assert!(advice.contains("under your \u{201c}Root cause\u{201d} heading"), "{advice}");
    }

    #[test]
    fn a_cause_under_investigation_is_quoted() {
        let advice = suggestion(R3, "Uploads failed for an hour. The root cause is still under investigation.");
        assert!(advice.starts_with("You say \u{201c}The root cause is still under investigation\u{201d}"), "{advice}");
    }

    #[test]
    fn no_cause_at_all_gets_the_general_advice() {
        assert_eq!(suggestion(R3, "Uploads failed for an hour."), general(R3));
    }

    #[test]
    fn a_mechanism_meets_r3() {
        let text = "An unannounced DNS change made our mail server unreachable, because its MX record pointed at the old address.";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_bare_because_beside_an_unknown_cause_names_none() {
        let text = "I am telling you this myself because you should hear it first. We don't yet know why the uploads stopped.";
        assert_eq!(verdict(R3, text), Missing);
    }

    #[test]
    fn still_working_out_the_cause_is_missing() {
        assert_eq!(verdict(R3, "Sorry for the wobble today. We're still working out what broke and will share more soon."), Missing);
    }

    #[test]
    fn a_problem_related_to_something_is_a_cause_class() {
        assert_eq!(verdict(R3, "The problem was related to an outdated version of the desktop client."), Partial);
    }

    #[test]
    fn an_issue_at_a_provider_is_a_cause_class() {
        assert_eq!(verdict(R3, "The cause was a routing issue at Larkspur, our CDN vendor."), Partial);
    }

    #[test]
    fn the_complexity_of_a_task_is_a_cause_class() {
        assert_eq!(verdict(R3, "The upgrade overran owing to the complexity of the index rebuild."), Partial);
    }

    #[test]
    fn a_change_to_a_named_system_under_a_cause_heading_meets_r3() {
        let text = "## What happened\n\nOur ledger keeps a payment once per reference number. On Monday the card processor changed the format of those references in its API: what had been R-100 now arrived as ref_000100.\n";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn an_attack_on_a_named_company_without_the_system_is_a_cause_class() {
        assert_eq!(verdict(R3, "Last Friday, Brindle Mutual was hit by a DDoS attack on our infrastructure."), Partial);
    }

    #[test]
    fn a_mechanism_told_by_its_consequence_meets_r3() {
        let text = "Terraform plans are binary files which can be unzipped, exposing a GitHub personal access token.";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_system_and_its_detail_under_a_cause_heading_meet_r3() {
        let text = "## Root cause\n\nA change to the auth service cut the database connection pool to 1, so requests timed out.\n";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_system_failing_after_a_change_is_a_cause_with_its_mechanism() {
        let text = "The database began rejecting writes after a change to its settings, and every upload failed.";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_cause_class_is_partial() {
        assert_eq!(verdict(R3, "The outage was caused by human error."), Partial);
    }

    #[test]
    fn a_compromise_or_a_breakdown_named_without_how_is_partial() {
        assert_eq!(verdict(R3, "The outage was caused by the server being compromised by an unknown third party."), Partial);
        assert_eq!(verdict(R3, "Mail stopped because the server suffered a fatal breakdown."), Partial);
    }

    #[test]
    fn a_because_in_the_account_of_the_fix_is_not_the_cause() {
        let text = "## Resolution\n\nWe restarted the nginx pods because the logs showed errors.\n";
        assert_eq!(verdict(R3, text), Partial);
    }

    #[test]
    fn a_mechanism_told_under_the_resolution_meets_r3() {
        let text = "## Resolution\n\nWhen the node instance type is changed, the nodes are recycled all at once. \
                    This caused the pods to be deleted.\n";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_labels_own_word_names_no_cause() {
        assert_eq!(verdict(R3, "- **Identified**: Users reported that the database was slow.\n"), Partial);
        assert_eq!(verdict(R3, "- **Identified**: The cache was emptied because its TTL was set to 0.\n"), Met);
    }

    #[test]
    fn a_mechanism_told_in_the_timeline_meets_r3() {
        let text = "## Timeline\n\n### 14:10\n\nLaunches failed because a bug in the KubeSpawner reflector dropped pod events.\n";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_bug_named_only_by_its_effect_is_partial() {
        assert_eq!(verdict(R3, "The release introduced a bug that caused Cargo to fail to build packages."), Partial);
    }

    #[test]
    fn a_negated_cause_names_nothing() {
        assert_eq!(verdict(R3, "Operator error is never a root cause of a Kubernetes outage."), Missing);
    }

    #[test]
    fn an_attack_told_with_its_vector_meets_r3() {
        let text = "These crates contained malicious build.rs files that sent metadata from the user's computer to a Telegram channel.";
        assert_eq!(verdict(R3, text), Met);
    }

    #[test]
    fn a_cause_section_under_investigation_outweighs_a_because_elsewhere() {
        let text = "## Timeline\n\n- 08:10 we held off on a reboot because the last one lost data\n\n## Root cause\n\nUnder investigation.\n";
        assert_eq!(verdict(R3, text), Missing);
    }

    #[test]
    fn a_cause_label_over_unknown_is_missing() {
        assert_eq!(verdict(R3, "Root cause: unknown for now."), Missing);
    }

    #[test]
    fn still_investigating_is_missing() {
        assert_eq!(verdict(R3, "## Root cause\n\nThe root cause is still under investigation.\n"), Missing);
    }
}
