//! # P1: Admit failure
//!
//! **What it checks.** Whether the text owns the failure in its own voice:
//! an apology, "our mistake", "we should have", a plain statement that the
//! team's own action, decision, configuration or omission caused or
//! prolonged the outage ("we deployed a change that…", "we do not have
//! alerts for this"; in a blameless report, "a PR which had not been
//! reviewed by the team"), or a judgement of its own conduct ("it took us
//! too long to notice", "this should not have been possible"). Stock
//! phrases ("we take security very seriously"), soft denials ("we did not
//! find any evidence"), hedged apologies and the team's work on the fix
//! ("we deployed the fix and service recovered") own nothing.
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
//! Scheduled work is planned work (missing) unless the text tells of a step
//! left undone ("the diff was not read"): then it is part of an incident
//! the text acknowledges.
//!
//! **Fails:** "The planned maintenance concluded on schedule.", or an outside
//! attack with a denial: "A phishing campaign targeted our users; we have no
//! evidence of a compromise."

use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{affirmed, omitted_by_team, opens_on_omitted_step, safeguard_lacking, should_adverb_have_done};
use crate::engine::suggest::quote;

pub struct AdmitFailure;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P1,
    name: "Admit failure",
    advice: "Say plainly that this was your failure: what you did or failed to do, and an apology that is not hedged.",
    example: "This outage was our fault: we deployed a configuration change without testing it, and we are sorry.",
    levels: ["Nothing in the text presents a failure of the team's own.", "The incident is acknowledged, but hedged, impersonal or put on someone else.", "The failure is owned plainly in the text's own voice."],
    skeleton: "## What we got wrong\n\nThis outage was our fault: we <what we did or failed to do>. <Our apology, in plain words: no \u{201c}any\u{201d}, no \u{201c}may have\u{201d}>.\n",
    kinds: &["admissions", "hedged apologies", "failures told impersonally", "causes put on others", "denials"],
};

/// A sentence of a few words at least: a bare label ("**Impact**:") names
/// a topic but acknowledges nothing.
fn substantive(doc: &Document, s: &Sentence) -> bool {
    doc.words(s).split_ascii_whitespace().nth(2).is_some()
}

/// Whether the sentence carries an unnegated hit of `cue` that is not the
/// start of a mitigation: "we failed" in "we failed over to the replica" is
/// the fix, not an admission.
fn admits(doc: &Document, s: &Sentence, cue: Cue) -> bool {
    affirmed(doc, s, cue).any(|h| {
        !doc.hits_in(s)
            .iter()
            .any(|m| m.cue == Cue::Mitigation && m.prose.start < h.prose.end && h.prose.start < m.prose.end)
    })
}

/// "No accounts, passwords or payment data were affected": a sentence that
/// opens on "no" and whose only impact words say what was harmed
/// ("affected", "exposed", "lost") denies that harm, however long the list
/// between. "No one noticed the errors" still tells of errors.
fn denies_harm(doc: &Document, s: &Sentence) -> bool {
    const HARMED: &[&str] = &["affected", "impacted", "exposed", "compromised", "lost", "leaked"];
    let mut impact = doc.hits_in(s).iter().filter(|h| h.cue == Cue::ImpactWord).peekable();
    doc.words(s).starts_with("no ")
        && impact.peek().is_some()
        && impact.all(|h| HARMED.contains(&&doc.prose[h.prose.clone()]))
}

/// A hedge that comes before the admission hedges it ("we may have
/// caused"); one after it qualifies a detail ("we could have recycled the
/// node, possibly on the 1st") and leaves the admission plain.
fn hedged_before_owning(doc: &Document, s: &Sentence) -> bool {
    let hits = doc.hits_in(s);
    let first_owning = hits
        .iter()
        .filter(|h| matches!(h.cue, Cue::Ownership | Cue::OwnAction | Cue::SelfCriticism))
        .map(|h| h.prose.start)
        .min()
        .unwrap_or(s.prose.end);
    hits.iter().any(|h| h.cue == Cue::Hedge && h.prose.start < first_owning)
}

/// A safeguard of the team's missing or falling short ("our monitoring did
/// not alert us", "lack of validation of the values"), or a step of its own
/// left out ("Not pinning versions of dependencies"): the blameless way of
/// owning the cause, in a text where the team speaks. A vendor's lack is
/// not the team's ("lack of availability of an instance type"). (The
/// team's own work named with "our" in a sentence that tells a cause, "a
/// failure in our firewall configuration", moved leave-source-out 2,263 ->
/// 2,262 of 2,892 and the test split 733 -> 735: not kept.)
fn owns_a_gap(doc: &Document, s: &Sentence, voiced: bool) -> bool {
    let words = doc.words(s);
    voiced
        && !s.cues.has(Cue::ThirdParty)
        // Every safeguard is a remedy word: most sentences have none.
        && ((s.cues.has(Cue::Remedy) && safeguard_lacking(words)) || opens_on_omitted_step(words))
}

impl Criterion for AdmitFailure {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut counts = [0; KINDS];
        read(doc, &mut counts).counting(counts)
    }
}

/// The rule's verdict, with how many sentences of each kind it read
/// (`GUIDANCE.kinds`): whether one impersonal account or many make the
/// failure owned is the reviewers' line to draw.
fn read(doc: &Document, counts: &mut [usize; KINDS]) -> Finding {
    let mut owning = Vec::new();
    let mut hedged = Vec::new();
    let mut acknowledging = Vec::new();
    let mut blaming = Vec::new();
    let mut planned = false;
    let mut denial = false;
    // A step the text says was left undone ("the diff was not read"):
    // a gap of the team's that let the failure happen, told impersonally.
    let mut gap = false;
    // A text in which the team speaks owns what it lists as its own
    // omissions; someone else's summary of the incident owns nothing.
    let voiced = doc.prose_sentences().any(|s| s.cues.has(Cue::FirstPerson));
    for s in doc.prose_sentences() {
        let c = s.cues;
        planned |= c.has(Cue::Planned);
        let denies = c.has(Cue::NotAffected) || denies_harm(doc, s);
        denial |= denies || c.has(Cue::Weasel);
        counts[4] += usize::from(denies || c.has(Cue::Weasel));
        // A "we" inside a template, a stock phrase or a soft denial ("we
        // do not have any evidence that…") owns nothing.
        let canned = c.any(&[Cue::Boilerplate, Cue::Marketing, Cue::Weasel]);
        let hedge = c.has(Cue::Hedge);
        let apology = affirmed(doc, s, Cue::Apology).next().is_some();
        // The team's own work owns the failure unless the sentence tells
        // of the fix: "we deployed a change that…" vs "we deployed the
        // fix and service recovered".
        let fixing = c.any(&[Cue::Mitigation, Cue::EndWord])
            || matches!(doc.topic(s), Topic::Resolution | Topic::FollowUp);
        let acts = affirmed(doc, s, Cue::OwnAction).next().is_some() && !fixing;
        let owns = ((acts || admits(doc, s, Cue::Ownership)) && c.has(Cue::FirstPerson))
            || omitted_by_team(doc.words(s))
            || should_adverb_have_done(doc.words(s))
            || owns_a_gap(doc, s, voiced);
        // Criticism aimed at a vendor is not self-criticism.
        let criticises = admits(doc, s, Cue::SelfCriticism) && !c.has(Cue::ThirdParty);
        let undone = !canned && !denies && s.left_undone;
        gap |= undone;
        if c.has(Cue::NonApology) || (apology && hedge) {
            hedged.push(s);
        } else if (apology && !hedge || (owns || criticises) && !hedged_before_owning(doc, s)) && !canned {
            owning.push(s);
        } else if (owns
            || criticises
            || undone
            || affirmed(doc, s, Cue::ImpactWord).next().is_some()
            || affirmed(doc, s, Cue::CauseWord).next().is_some())
            && !canned
            && !denies
            && substantive(doc, s)
        {
            if c.has(Cue::ThirdParty) {
                blaming.push(s);
            } else {
                acknowledging.push(s);
            }
        }
    }
    counts[..4].copy_from_slice(&[owning.len(), hedged.len(), acknowledging.len(), blaming.len()]);
    if !owning.is_empty() {
        return Finding::met("The text owns the failure in its own voice.").citing(owning.into_iter().take(4));
    }
    if !hedged.is_empty() {
        let suggestion = format!(
            "You apologise, but hedge it: {}. Rewrite it to say what you did or failed to do, \
             and apologise without \u{201c}any\u{201d} or \u{201c}may have\u{201d} \
             (\u{201c}We shipped an untested change that broke logins, and we are sorry.\u{201d}).",
            quote(doc, hedged[0])
        );
        return Finding::partial("The failure is acknowledged, but the apology is hedged.")
            .citing(hedged)
            .suggesting(suggestion);
    }
    // Planned work presents nothing as a failure, unless the text tells
    // of a step left undone: then the scheduled work is only part of an
    // incident it acknowledges (a routine restart that met a bad change).
    if planned && !gap {
        return Finding::missing("This reads as planned work: nothing is presented as a failure of the team's own.");
    }
    // An outside actor plus a denial of any breach, with nothing else
    // acknowledged, presents nothing as the team's failure.
    if !blaming.is_empty() && (!denial || !acknowledging.is_empty()) {
        let suggestion = format!(
            "You put the cause on someone else: {}. Say in your own voice what part was yours: \
             what you relied on, what you could have done, and that you are sorry \
             (\u{201c}We had no fallback for this provider; that was our mistake.\u{201d}).",
            quote(doc, blaming[0])
        );
        return Finding::partial("The incident is acknowledged, but the cause is put on someone else.")
            .citing(blaming.into_iter().chain(acknowledging).take(3))
            .suggesting(suggestion);
    }
    if !acknowledging.is_empty() {
        // A sentence told in "our" voice ("our database ran out of
        // connections") is not impersonal, only unowned: quote an
        // impersonal one when there is one, and say which it is.
        let impersonal = acknowledging.iter().find(|s| !s.cues.has(Cue::FirstPerson));
        let how = if impersonal.is_some() { "impersonally" } else { "without saying what you did" };
        let suggestion = format!(
            "You tell the failure {how}: {}. Own it in the \u{201c}we\u{201d} voice: \
             who did or failed to do what, and an apology \
             (\u{201c}We deployed the change without testing it, and we are sorry.\u{201d}).",
            quote(doc, impersonal.unwrap_or(&acknowledging[0]))
        );
        return Finding::partial(
            "The incident is acknowledged, but no one owns it: the cause is told impersonally.",
        )
        .citing(acknowledging.into_iter().take(3))
        .suggesting(suggestion);
    }
    Finding::missing("Nothing in the text presents this as a failure of the team's own.")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::P1, Verdict::*};

    #[test]
    fn the_rule_counts_its_sentences_by_kind() {
        let text = "We deployed a change that broke logins. We apologize for any inconvenience. \
                    The outage was caused by a misconfigured cache. Our provider's network failed. No customer data was affected.";
        let finding = crate::engine::CRITERIA[P1 as usize].review(&crate::engine::Document::parse(text));
        // Admissions, hedged apologies, impersonal failures, causes put on others, denials.
        assert_eq!(finding.counts, [1, 1, 1, 1, 1]);
    }

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
    fn a_hedge_after_the_admission_qualifies_a_detail_not_the_admission() {
        assert_eq!(
            verdict(P1, "If we had read the notice, we could have drained the node, possibly a day early."),
            Met
        );
        assert_ne!(verdict(P1, "A change may have caused errors, and we possibly should have tested it."), Met);
    }

    #[test]
    fn the_teams_own_change_told_in_the_we_voice_owns_the_failure() {
        assert_eq!(verdict(P1, "By enabling this option we created a single point of failure for all pods."), Met);
        assert_ne!(verdict(P1, "Logins failed for an hour. We created a new cluster and service recovered."), Met);
    }

    #[test]
    fn impersonal_acknowledgement_is_partial() {
        assert_eq!(verdict(P1, "A change was deployed. Users were unable to log in."), Partial);
    }

    #[test]
    fn an_impersonal_admission_is_quoted_and_asked_for_in_the_we_voice() {
        let text = format!(
            "{OPENING}## What happened\n\nA change was deployed to the payments service at 14:00 UTC. \
             Its connection pool was set to 2, so requests queued and timed out.\n"
        );
        let advice = suggestion(P1, &text);
        assert!(advice.starts_with("You tell the failure impersonally: \u{201c}Its connection pool was set to 2"), "{advice}");
        assert!(advice.contains("\u{201c}we\u{201d} voice"), "{advice}");
    }

    #[test]
    fn a_failure_told_in_our_voice_is_not_called_impersonal() {
        let ours = format!("{OPENING}## What happened\n\nOur database ran out of connections at 14:00 UTC, so requests timed out.\n");
        let advice = suggestion(P1, &ours);
        assert!(advice.starts_with("You tell the failure without saying what you did: \u{201c}Our database ran out"), "{advice}");
        // Beside an impersonal sentence, the impersonal one is quoted.
        let both = format!("{ours}\nThe connection pool was set to 2, so requests queued and timed out.\n");
        let advice = suggestion(P1, &both);
        assert!(advice.starts_with("You tell the failure impersonally: \u{201c}The connection pool was set to 2"), "{advice}");
    }

    #[test]
    fn a_hedged_apology_is_quoted() {
        let advice = suggestion(P1, "We apologize for any inconvenience users may have experienced during the outage.");
        assert!(advice.starts_with("You apologise, but hedge it: \u{201c}We apologize for any inconvenience"), "{advice}");
    }

    #[test]
    fn blame_on_a_vendor_is_quoted() {
        let advice = suggestion(P1, "Our hosting provider had an outage that took our site down.");
        assert!(advice.contains("\u{201c}Our hosting provider had an outage"), "{advice}");
    }

    #[test]
    fn nothing_to_quote_gets_the_general_advice() {
        assert_eq!(suggestion(P1, "The planned maintenance concluded on schedule."), general(P1));
    }

    #[test]
    fn planned_maintenance_is_missing() {
        assert_eq!(verdict(P1, "The planned maintenance concluded on schedule."), Missing);
    }

    #[test]
    fn scheduled_work_in_a_failure_with_a_step_left_undone_is_partial() {
        let text = "A scheduled restart of the cache began at 04:00. \
                    The new eviction setting had not been tested, and every write failed for 20 minutes.";
        assert_eq!(verdict(P1, text), Partial);
        assert_eq!(verdict(P1, "The scheduled restart of the cache ended at 04:20. All writes were accepted."), Missing);
    }

    #[test]
    fn a_negated_apology_does_not_count() {
        assert_ne!(verdict(P1, "We are not sorry about anything."), Met);
    }

    #[test]
    fn judging_its_own_slowness_meets_p1() {
        let text = "Our provider had a failure that cut off our servers. \
                    It took too long to realize that we had two separate issues.";
        assert_eq!(verdict(P1, text), Met);
    }

    #[test]
    fn admitting_a_missing_safeguard_meets_p1() {
        assert_eq!(verdict(P1, "Launches failed for an hour. This shows we do not have enough spare capacity."), Met);
    }

    #[test]
    fn a_counterfactual_judgement_without_we_meets_p1() {
        let text = "One account uploaded thousands of packages. \
                    It should not have been possible for a single account to upload that many.";
        assert_eq!(verdict(P1, text), Met);
    }

    #[test]
    fn a_team_omission_told_in_the_passive_meets_p1() {
        let text = "A PR which had not been reviewed by the team was queued and deleted the route tables.";
        assert_eq!(verdict(P1, text), Met);
    }

    #[test]
    fn a_safeguard_of_the_teams_that_fell_short_owns_the_failure() {
        let text = "Builds failed for two hours. Our continuous integration cycle did not catch this.";
        assert_eq!(verdict(P1, text), Met);
        let text = "We paged the team.\n\n## Contributing factors\n\n- Lack of validation of the configuration values\n";
        assert_eq!(verdict(P1, text), Met);
        // Our systems reporting the failure own nothing; a flaw in the
        // code is not a safeguard of the team's left out.
        let text = "Builds failed for two hours. Our monitoring showed that the service was not responding.";
        assert_eq!(verdict(P1, text), Partial);
        let text = "We saw losses. The exploit used a missing input integrity check in the deposit function.";
        assert_ne!(verdict(P1, text), Met);
    }

    #[test]
    fn a_vendors_lack_or_someone_elses_summary_owns_nothing() {
        let text = "Nodes failed to start. We paged the team. Lack of testing at the provider let the bad image ship.";
        assert_eq!(verdict(P1, text), Partial);
        let text = "The bank's ledger failed. Insufficient testing of the release let the bug through.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn a_step_left_out_listed_as_a_cause_owns_the_failure() {
        let text = "We restored the site at 10:00.\n\n## Root causes\n\n- Not pinning versions of the charts we deploy\n";
        assert_eq!(verdict(P1, text), Met);
        let text = "We restored the site at 10:00.\n\n## Impact\n\n- Not being able to log in for an hour\n";
        assert_ne!(verdict(P1, text), Met);
    }

    #[test]
    fn an_instruction_to_users_is_not_an_omission() {
        let text = "A cask was compromised. No action is required by users due to this incident.";
        assert_ne!(verdict(P1, text), Met);
    }

    #[test]
    fn deploying_the_fix_is_not_owning_the_fault() {
        let text = "Logins failed for an hour. We deployed the fix at 10:30 and service recovered.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn failing_over_is_not_failing() {
        let text = "The primary database crashed. We failed over to the replica.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn a_soft_denial_is_not_ownership() {
        let text = "A token was leaked. We do not have any evidence that it was used.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn a_reassurance_is_not_an_admission() {
        let text = "Some uploads failed. We did not receive any reports of data loss.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn blaming_only_a_vendor_is_partial() {
        assert_eq!(verdict(P1, "Our hosting provider had an outage that took our site down."), Partial);
        let r = crate::engine::review(
            "Our cloud provider had an outage from 10:00 to 11:30. Our service was unavailable for all customers.",
        );
        assert!(r.get(P1).reason.contains("someone else"));
    }

    #[test]
    fn a_stock_phrase_is_not_ownership() {
        let text = "A token was exposed. We did, do and will continue to take security very seriously.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn describing_a_slow_system_is_not_self_criticism() {
        let text = "The service went down. The rollout took a while to propagate because the disk was too slow.";
        assert_eq!(verdict(P1, text), Partial);
        let text = "The service went down. It took a while before we realized what was wrong.";
        assert_eq!(verdict(P1, text), Met);
    }

    #[test]
    fn a_requirement_is_not_self_criticism() {
        let text = "The service went down. The canary app should have alerts after two minutes.";
        assert_eq!(verdict(P1, text), Partial);
    }

    #[test]
    fn an_outside_attack_with_no_breach_is_missing() {
        let text = "A phishing campaign caused errors for users who followed its links. \
                    We have no evidence of a compromise of our infrastructure.";
        assert_eq!(verdict(P1, text), Missing);
    }

    #[test]
    fn a_bare_label_is_not_cited() {
        let text = "**Impact**:\n\n- Users could not log in.\n";
        let r = crate::engine::review(text);
        let p1 = r.get(P1);
        assert_eq!(p1.verdict, Partial);
        assert!(p1.evidence.iter().all(|e| !e.text.trim_end_matches(':').eq_ignore_ascii_case("impact")));
    }

    #[test]
    fn a_denial_that_opens_the_sentence_acknowledges_nothing() {
        let text = "A botnet flooded the sign-up form on Friday. \
                    No profiles, passwords or card details were affected in any way.";
        assert_eq!(verdict(P1, text), Missing);
    }

    #[test]
    fn an_adverb_inside_we_should_have_still_owns_it() {
        let text = "Search was down for an hour. Frankly, we should certainly have paged the database team sooner.";
        assert_eq!(verdict(P1, text), Met);
    }

    #[test]
    fn a_sentence_opening_on_no_can_still_tell_of_errors() {
        let text = "A botnet flooded the sign-up form on Friday. No one noticed the errors for an hour.";
        assert_eq!(verdict(P1, text), Partial);
    }
}
