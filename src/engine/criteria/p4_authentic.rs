//! # P4: Above all else, be authentic
//!
//! **What it checks.** Whether the whole text is candid and specific:
//! concrete numbers and facts, self-criticism, no minimising. A single stock
//! phrase or soft denial among candid facts stays met. It is partial when
//! the text is undercut twice or more, counted phrase by phrase: minimising
//! that touches the impact or the cause ("a brief blip", "impact on users
//! was negligible"), soft
//! denials ("no evidence that", "out of an abundance of caution") and
//! marketing; or when marketing outweighs the facts. Softening words in the
//! follow-up plans ("limit builds to a small number") describe the future,
//! not the incident, and do not count. A hedge on what users went through
//! ("may have experienced") minimises like "a few users"; putting the cause
//! on a vendor while owning nothing at all minimises the team's part. Met
//! needs candour *and* concrete facts: owning up with no number, time or
//! system is partial. Figures inside a boast and days of the month are not
//! facts. Spin or boilerplate alone is missing, and so is a text that owns
//! nothing, markets in more than one sentence and has as many sentences of
//! spin and softening as of fact.
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
use crate::engine::document::{Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{affirmed, amounts};
use crate::engine::suggest::{and_list, quote, quote_hit, where_to_add};

pub struct Authentic;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P4,
    name: "Above all else, be authentic",
    advice: "Replace softening words (\"brief\", \"a small number of\", \"may have\") and stock phrases with the concrete facts, and say candidly what went badly.",
    example: "For 47 minutes, 100% of API requests failed; it took us too long to notice.",
    levels: ["Spin or boilerplate only: the text minimises or denies.", "Some candour, undercut by minimising words or marketing.", "Candid and specific, with concrete facts and no spin."],
    skeleton: "## What it was like for you\n\nFor <duration>, <how many> users could not <what>. It took us <how long> to notice, which was too long.\n",
    kinds: &[],
};

/// Softening moves that undercut a candid text: one stock phrase is a
/// habit, two are a tone.
const UNDERCUT_LIMIT: usize = 2;

/// Hits of a cue in a sentence, overlapping phrases ("a small number",
/// "small number") counted once.
fn distinct_hits(doc: &Document, s: &Sentence, cue: Cue) -> usize {
    let mut end = 0;
    let mut count = 0;
    for h in doc.hits_in(s).iter().filter(|h| h.cue == cue && h.prose.end <= s.prose.end) {
        if h.prose.start >= end {
            count += 1;
        }
        end = end.max(h.prose.end);
    }
    count
}

/// Whether a hedge in the sentence bears on what the affected went through:
/// "may have experienced", "may experience".
fn hedges_the_experience(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::Hedge)
        && doc.hits_in(s).iter().any(|h| {
            h.cue == Cue::Hedge && {
                let phrase = &doc.prose[h.prose.clone()];
                phrase.ends_with("experienced") || phrase.ends_with("experience")
            }
        })
}

/// Whether the sentence gives the cause to a third party: a link that
/// introduces a cause ("caused by", "due to", "because of"), not an effect
/// ("resulting in", "led to"), whose object is a vendor, partner or
/// attacker ("caused by our hosting provider"), at most three words on. A
/// third party named further on ("due to a flaw in a parser used by a
/// GitHub Action") is part of an explanation, not the one blamed.
fn blames_someone_else(doc: &Document, s: &Sentence) -> bool {
    let hits = doc.hits_in(s);
    s.cues.has(Cue::ThirdParty)
        && s.cues.has(Cue::Causal)
        && hits.iter().any(|c| {
            let link = &doc.prose[c.prose.clone()];
            let gives_cause = link.ends_with(" by")
                || link.ends_with(" of")
                || link.ends_with(" from")
                || link.starts_with("due to")
                || link.starts_with("owing to")
                || link.starts_with("because");
            c.cue == Cue::Causal
                && gives_cause
                && hits.iter().any(|t| {
                    t.cue == Cue::ThirdParty
                        && t.prose.start >= c.prose.end
                        && doc.prose[c.prose.end..t.prose.start].split_ascii_whitespace().nth(3).is_none()
                })
        })
}

/// The softening and stock phrases of the undercutting sentences, as
/// written, at most three, with the first sentence that has one.
fn softening_words<'d>(doc: &'d Document, undercut: &[&'d Sentence]) -> Option<(Vec<String>, &'d Sentence)> {
    let mut phrases: Vec<String> = Vec::new();
    let mut first = None;
    for &s in undercut {
        let mut end = 0;
        for h in doc.hits_in(s) {
            // Overlapping phrases ("a small number", "small number") once.
            if !matches!(h.cue, Cue::Minimiser | Cue::Marketing | Cue::Weasel) || h.prose.start < end {
                continue;
            }
            end = h.prose.end;
            let phrase = quote_hit(doc, h);
            if !phrases.contains(&phrase) && phrases.len() < 3 {
                phrases.push(phrase);
                first.get_or_insert(s);
            }
        }
    }
    first.map(|s| (phrases, s))
}

impl Criterion for Authentic {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut candid = Vec::new();
        // Sentences with numbers or clock times, then those that only name
        // a technology: the first are the better evidence of specificity.
        let mut measured = Vec::new();
        let mut technical = Vec::new();
        let mut undercut = Vec::new();
        // Softening moves, counted per phrase: "brief, and only a small
        // number of users" softens twice in one sentence.
        let mut softenings = 0usize;
        let mut marketing = 0usize;
        let mut blame = None;
        for s in doc.prose_sentences() {
            let c = s.cues;
            // A figure inside a boast ("trusted by 40,000 merchants,
            // industry-leading") sells the company; it is no fact about the
            // incident. Nor is a date ("on 3 March") a measure.
            if !c.has(Cue::Marketing) {
                // A clock time is a fact already; otherwise an amount is.
                if s.times.clocks > 0 || amounts(doc, s) > 0 {
                    measured.push(s);
                } else if c.has(Cue::Technology) {
                    technical.push(s);
                }
            }
            // Owning up plainly ("it was our mistake, and we're sorry") is
            // candour as much as self-criticism is; a stock apology is not.
            let owns_up = (affirmed(doc, s, Cue::Apology).next().is_some()
                || affirmed(doc, s, Cue::Ownership).next().is_some())
                && !c.any(&[Cue::NonApology, Cue::Hedge, Cue::Boilerplate, Cue::Marketing]);
            if owns_up || affirmed(doc, s, Cue::SelfCriticism).next().is_some() {
                candid.push(s);
            }
            let topic = doc.topic(s);
            // A text without sections (a status note, a letter) tells the
            // incident under no heading at all: there, any sentence not about
            // the future is about the incident.
            let about_incident = topic != Topic::FollowUp
                && (matches!(topic, Topic::Impact | Topic::Summary)
                    || (topic == Topic::Other && !c.has(Cue::Future))
                    || c.any(&[Cue::ImpactWord, Cue::CauseWord]));
            let minimisers = if about_incident { distinct_hits(doc, s, Cue::Minimiser) } else { 0 };
            // "Users may have experienced errors": a hedge on what the
            // affected went through softens the impact as much as "a few
            // users" does. Hedged explanations ("it appears to be a bug")
            // are honest uncertainty, not minimising.
            let hedged = about_incident && hedges_the_experience(doc, s);
            let minimisers = minimisers + usize::from(hedged);
            if c.has(Cue::Marketing) {
                marketing += 1;
            }
            let stock = c.any(&[Cue::Marketing, Cue::Weasel]);
            if blame.is_none() && about_incident && blames_someone_else(doc, s) {
                blame = Some(s);
            }
            if minimisers > 0 || stock {
                softenings += minimisers + usize::from(stock);
                undercut.push(s);
            }
        }
        // Putting the cause on someone else while owning nothing at all
        // minimises the team's part in it: "this outage was caused by our
        // provider" with no word of what the team could have done better.
        if candid.is_empty()
            && let Some(s) = blame
        {
            softenings += 1;
            undercut.insert(0, s);
        }
        let facts = measured.len() + technical.len();
        // The text's own softening and stock phrases, quoted, with the
        // facts to write in their place.
        let replace_spin = |finding: Finding| match softening_words(doc, &undercut) {
            Some((phrases, s)) => finding.suggesting(format!(
                "You write {} (in {}) where the facts should be: replace them with how many were affected \
                 and for how long, and say candidly what went badly (\u{201c}For 47 minutes, 100% of API requests failed.\u{201d}).",
                and_list(&phrases.iter().map(String::as_str).collect::<Vec<_>>()),
                quote(doc, s)
            )),
            None => finding,
        };
        if facts == 0 && candid.is_empty() {
            if !undercut.is_empty() {
                return replace_spin(Finding::missing("Only stock phrases and softening; no concrete facts."));
            }
            return Finding::missing("No concrete facts or candour to judge by.");
        }
        // Nothing owned up to, marketing in more than one sentence (a tone,
        // not a habit), and as many sentences of spin, minimising or soft
        // denial as sentences of fact: that is spin with a few facts in it,
        // not candour undercut.
        if candid.is_empty() && marketing >= UNDERCUT_LIMIT && undercut.len() >= facts {
            return replace_spin(Finding::missing("Spin and softening outweigh the facts, and nothing is owned up to."));
        }
        // Met is candid *and* specific: owning up without a single concrete
        // fact is candour the reader cannot check.
        if facts == 0 {
            let suggestion = format!(
                "You own it ({}), but give no number, time or system to check it by: add how many were \
                 affected, for how long, and what broke, {} (\u{201c}For 47 minutes, every API request failed.\u{201d}).",
                quote(doc, candid[0]),
                where_to_add(doc, &[Topic::Impact, Topic::Summary], "right after that sentence")
            );
            return Finding::partial("Candid, but with no concrete facts: no numbers, times or systems.")
                .citing(candid.into_iter().chain(undercut).take(4))
                .suggesting(suggestion);
        }
        if softenings >= UNDERCUT_LIMIT || marketing > facts / 3 + 1 {
            return replace_spin(Finding::partial("Candid in places, but softening or marketing phrases undercut it."))
                .citing(undercut.into_iter().take(4));
        }
        let reason = format!("Specific and candid: concrete facts in {facts} sentences, no spin.");
        if candid.is_empty() {
            Finding::met(reason).citing(measured.into_iter().chain(technical).take(3))
        } else {
            Finding::met(reason).citing(candid.into_iter().take(4))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict};
    use crate::engine::{CriterionId::P4, Verdict::*};

    #[test]
    fn softening_words_are_quoted() {
        let text = "At 10:02 UTC 3 API servers failed. \
                    The outage was brief and affected only a small number of users.";
        let advice = suggestion(P4, text);
        assert!(advice.starts_with("You write \u{201c}brief\u{201d} and \u{201c}"), "{advice}");
        assert!(advice.contains("(in \u{201c}The outage was brief"), "{advice}");
    }

    #[test]
    fn candour_without_facts_is_quoted_and_asked_for_figures() {
        let advice = suggestion(P4, "## Impact\n\nThe outage yesterday was our mistake, and we're sorry.\n");
        assert!(advice.starts_with("You own it (\u{201c}The outage yesterday was our mistake"), "{advice}");
        assert!(advice.contains("under your \u{201c}Impact\u{201d} heading"), "{advice}");
    }

    #[test]
    fn nothing_to_judge_by_gets_the_general_advice() {
        assert_eq!(suggestion(P4, "Hello."), general(P4));
    }

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

    #[test]
    fn concrete_facts_alone_are_cited_for_met() {
        let text = "The database ran out of disk. The cache emptied. The proxy stalled. \
                    Then 3 nodes failed at 01:38 UTC.";
        let r = crate::engine::review(text);
        let p4 = r.get(crate::engine::CriterionId::P4);
        assert_eq!(p4.verdict, Met);
        assert!(p4.evidence.iter().any(|e| e.text == "Then 3 nodes failed at 01:38 UTC."));
    }

    #[test]
    fn one_stock_phrase_among_facts_stays_met() {
        let text = "At 10:02 UTC 3 API servers failed and 40% of requests errored. \
                    We take the security of our users very seriously.";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn a_soft_denial_beside_a_precaution_is_partial() {
        let text = "Session cookies were written to our error tracker for 3 weeks. \
                    There is no evidence that these values were ever used. \
                    Out of an abundance of caution, we have logged everyone out.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn softening_words_in_follow_up_plans_do_not_count() {
        let text = "At 10:02 UTC 30% of launches failed for 2 hours.\n\n## Action items\n\n\
                    - Limit concurrent builds to a small number.\n- Show brief periods of retries in the errors chart.\n";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn two_minimisers_in_one_sentence_are_partial() {
        let text = "At 10:02 UTC 3 API servers failed. \
                    The outage was brief and affected only a small number of users.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn overlapping_phrases_minimise_once() {
        let text = "At 10:02 UTC 3 API servers failed. A small number of users saw errors.";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn a_vague_duration_for_the_impact_is_minimising() {
        let text = "**Impact**: User services were down for a few minutes.\n\n\
                    **Identified**: Users reported their applications down for a few minutes at 10:26.\n";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn a_note_without_headings_is_read_as_telling_the_incident() {
        let text = "Between 03:00 and 03:40 UTC, uploads to the photo store paused briefly for a handful of accounts.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn a_hedge_on_what_users_went_through_softens_the_impact() {
        let text = "At 11:20 UTC the billing export stalled for 25 minutes. \
                    A small number of accounts may have experienced delayed invoices.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn a_hedged_explanation_is_honest_uncertainty_not_minimising() {
        let text = "At 11:20 UTC the billing export stalled for 25 minutes. \
                    The stall appears to be a race in the scheduler, and a handful of invoices were delayed.";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn a_figure_in_a_boast_is_not_a_fact() {
        let text = "Trusted by 12,000 shops, we deliver world-class uptime. We regret any inconvenience.";
        assert_eq!(verdict(P4, text), Missing);
    }

    #[test]
    fn a_date_is_not_a_measure() {
        let text = "On 14 June, checkout was briefly unavailable for some shoppers.";
        assert_eq!(verdict(P4, text), Missing);
    }

    #[test]
    fn owning_up_without_any_fact_is_partial() {
        assert_eq!(verdict(P4, "The outage yesterday was our mistake, and we're sorry."), Partial);
    }

    #[test]
    fn self_criticism_without_a_checkable_fact_is_not_met() {
        assert_eq!(verdict(P4, "It took us far too long to notice the problem. We are sorry."), Partial);
    }

    #[test]
    fn a_stock_apology_is_not_candour() {
        assert_eq!(verdict(P4, "We apologize for any inconvenience this may have caused."), Missing);
    }

    #[test]
    fn blaming_a_vendor_while_owning_nothing_undercuts_candour() {
        let text = "At 13:05 UTC all 4 checkout servers dropped out of rotation for 50 minutes. \
                    This outage was caused by our hosting provider. \
                    Our platform meets the highest standards of reliability.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn a_vendor_blamed_beside_an_owned_mistake_stays_met() {
        let text = "At 13:05 UTC all 4 checkout servers dropped out of rotation for 50 minutes. \
                    This outage was caused by our hosting provider, but we should have noticed it sooner. \
                    Our platform meets the highest standards of reliability.";
        assert_eq!(verdict(P4, text), Met);
    }

    #[test]
    fn spin_that_outweighs_the_few_facts_is_missing() {
        let text = "Our cloud is trusted by 9,000 shops and built to world-class standards. \
                    On Monday the checkout page may have experienced slowness for a subset of shoppers. \
                    Reliability remains our highest priority.";
        assert_eq!(verdict(P4, text), Missing);
    }

    #[test]
    fn spin_beside_an_owned_mistake_is_only_partial() {
        let text = "On Monday the checkout page was slow for a subset of shoppers. \
                    That was our mistake, and we are sorry. Reliability remains our highest priority.";
        assert_eq!(verdict(P4, text), Partial);
    }

    #[test]
    fn an_effect_on_a_third_party_is_not_blame() {
        let text = "At 13:05 UTC 4 servers failed, resulting in errors for a partner integration. \
                    We take reliability very seriously.";
        assert_eq!(verdict(P4, text), Met);
    }
}
