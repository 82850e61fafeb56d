//! # R2: Who and what was impacted
//!
//! **What it checks.** Whether the text names *what* was affected (features,
//! products, regions, APIs) and *who* (which customers or users), ideally
//! quantified. Saying what was not affected counts towards met. A feature
//! without who, or only a denial ("no customer data was affected"), is
//! partial. *What* is a named system or product (a capitalised or dotted
//! name, code, a known technology); met needs it with who, or with its
//! extent (all, any, a number, or what was not affected beside what was;
//! how long it lasted is no extent: "unavailable for 27 minutes" says
//! nothing of whom it reached); a list of names under an impact heading also meets it, and
//! so does who with what happened to them under that heading ("users
//! weren't able to retrieve the diffs"). When
//! the text has an impact section, only that section can meet the
//! criterion; plans and promises are not impact, and an impact section that
//! only says "TBD" states none. Only affirmed effects count ("without any
//! interruption" denies one; the "error" of "human error" is a cause; "we
//! could not reproduce it" is the authors' trouble, not their users').
//! "A small number of users" and "some customers may have" are a vague who:
//! generic, and a duration does not make them specific. Users who
//! reported the trouble ("a user reported the page looked broken") are its
//! witnesses, not its reach, unless they reported what they could not do.
//! A risk ("increased
//! risk of cluster failure") is what might have happened, never specific.
//!
//! **Why.** Every reader's first question is "was it me?".
//!
//! **Passes:** "About 30% of EU customers could not open the dashboard;
//! the API was not affected."
//!
//! **Partial:** "Service was degraded."
//!
//! **Fails:** a text that never says what the outage did to anyone.

use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Hit, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{amounts, authors_before, names_a_thing, negated_before};
use crate::engine::suggest::{and_list, quote, where_to_add};

pub struct Impact;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R2,
    name: "Who and what was impacted",
    advice: "Say which features or services were affected, which users, and how many (a percentage, a count, an error rate), and what was not affected.",
    example: "About 30% of EU customers could not open the dashboard; the public API was not affected.",
    levels: ["Nothing about the impact.", "The impact stays generic: what was affected or who, not both.", "Says what was affected and who, ideally with numbers."],
    skeleton: "## Impact\n\n- Affected: <features, services, regions>\n- Who: <which users, how many>\n- Not affected: <what kept working>\n",
    kinds: &["statements of what with who or how widely", "statements naming who", "statements naming what", "statements of how widely", "statements with a vague who"],
};

impl Criterion for Impact {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        // An explicit impact section is the author's statement of impact:
        // when there is one, it alone can meet the criterion.
        // An impact section that only defers ("Impact: TBD") says the
        // impact is not known yet: symptoms told elsewhere do not stand in
        // for it, though a specific statement still meets.
        // A template's prompt ("Customer-facing?") asks; it states nothing.
        let deferred = impact_body(doc).next().is_some()
            && impact_body(doc).all(|s| s.cues.has(Cue::Deferral) || doc.words(s).ends_with('?'));
        let has_section = !deferred && doc.prose_sentences().any(|s| doc.topic(s) == Topic::Impact);
        // "X was not affected" counts towards met only beside something
        // that was affected; a denial alone stays partial.
        let affirmed_impact =
            doc.prose_sentences().any(|s| !s.cues.has(Cue::NotAffected) && !is_plan(doc, s) && tells_an_effect(doc, s));
        let mut specific = Vec::new();
        let mut generic = Vec::new();
        // The first generic account of the impact and what it leaves out.
        let mut lacking: Option<(&Sentence, Vec<&str>)> = None;
        // Per kind (`GUIDANCE.kinds`), the statements of impact that carry
        // it: whether "what" alone, or "what" for "27 minutes", is enough
        // is the reviewers' line to draw.
        let mut counts = [0; KINDS];
        // A list of bare names under an impact heading ("## Affected crates",
        // "- `kaze` 0.1.6") enumerates exactly what was hit.
        let enumerated: Vec<&Sentence> = doc
            .prose_sentences()
            .filter(|s| doc.topic(s) == Topic::Impact && doc.block_of(s).kind == BlockKind::ListItem)
            .filter(|s| doc.words(s).split_ascii_whitespace().count() <= 5 && names_a_thing(doc, s))
            .collect();
        if enumerated.len() >= 2 {
            specific.extend(enumerated.iter().copied().take(2));
        }
        for s in doc.prose_sentences() {
            let c = s.cues;
            let in_impact = doc.topic(s) == Topic::Impact;
            if !in_impact && is_plan(doc, s) {
                continue;
            }
            if c.has(Cue::Deferral) {
                continue;
            }
            if !(in_impact || c.has(Cue::NotAffected) || tells_an_effect(doc, s)) {
                continue;
            }
            // The readers ("you") are a who, and as vague as any other:
            // "a small number of you", "some of you".
            let people = || {
                doc.hits_in(s)
                    .iter()
                    .filter(|h| matches!(h.cue, Cue::Who | Cue::Reader) && !inside_a_name(doc, h) && !reporter(doc, s, h))
            };
            // "Some of you told us you couldn't log in": the second "you"
            // is the same few.
            let vague_readers = people().any(|h| h.cue == Cue::Reader && vaguely(doc, s, h));
            let who = people().any(|h| !(vaguely(doc, s, h) || (h.cue == Cue::Reader && vague_readers)));
            // "Some players may have seen slow queues for 47 minutes": a
            // who left vague on purpose is not made specific by how long.
            let vague_who = !who && people().next().is_some();
            // "On 15 February" names a day; it counts nothing.
            let figures = amounts(doc, s);
            let quantified = figures > 0;
            // Numbers beyond the durations count something ("3,000 users").
            let counted = figures > s.times.durations as usize;
            let what = c.has(Cue::Technology) || names_a_thing(doc, s);
            // How widely: a scope, a count, or what was spared. How long
            // is no extent: "unavailable for 27 minutes" says nothing of
            // whom it reached.
            let extent = c.has(Cue::Scope) || counted || (c.has(Cue::NotAffected) && affirmed_impact);
            // Under an impact heading, who with what they could not do
            // names both: "users weren't able to retrieve the diffs"
            // ("some users saw errors" names no feature).
            let who_hit = who && in_impact && tells_an_inability(doc, s);
            // "Increased risk of cluster failure" tells what might have
            // happened, not what did. Its words are read only for a
            // sentence that would otherwise be specific.
            let names_both = ((who && (what || quantified || who_hit)) || (what && extent && (!vague_who || counted)))
                && !super::ascii_words(doc.words(s)).any(|w| w == "risk");
            for (k, carries) in [(1, who), (2, what), (3, extent), (4, vague_who)] {
                counts[k] += usize::from(carries);
            }
            if names_both && (in_impact || !has_section) {
                specific.push(s);
            } else if !deferred {
                generic.push(s);
                if lacking.is_none() && !c.has(Cue::NotAffected) {
                    let lacks: Vec<&str> = [
                        (!who, "who exactly"),
                        (!counted, "how many"),
                        (!what, "which feature or service"),
                        (s.times.durations == 0 && s.times.clocks == 0, "for how long"),
                    ]
                    .into_iter()
                    .filter_map(|(lacks, what)| lacks.then_some(what))
                    .collect();
                    if !lacks.is_empty() {
                        lacking = Some((s, lacks));
                    }
                }
            }
        }
        counts[0] = specific.len();
        decide(doc, deferred, specific, generic, lacking).counting(counts)
    }
}

/// The verdict from the statements of impact the rule sorted: any specific
/// one meets the criterion, generic ones make it partial.
fn decide(
    doc: &Document,
    deferred: bool,
    specific: Vec<&Sentence>,
    generic: Vec<&Sentence>,
    lacking: Option<(&Sentence, Vec<&str>)>,
) -> Finding {
    if !specific.is_empty() {
        return Finding::met("The text names what was affected, with who or how widely.")
            .citing(specific.into_iter().take(4));
    }
    let place = where_to_add(doc, &[Topic::Impact], "near the top, where readers look first");
    if !generic.is_empty() {
        let finding = Finding::partial("The impact is described only generically.").citing(generic.into_iter().take(3));
        return match lacking {
            Some((s, lacks)) => finding.suggesting(format!(
                "You say {} but not {}: add them {place} \
                 (\u{201c}About 30% of EU customers could not open the dashboard for 40 minutes.\u{201d}).",
                quote(doc, s),
                and_list(&lacks)
            )),
            None => finding,
        };
    }
    let finding = Finding::missing("Nothing says what the incident did to anyone.");
    match impact_body(doc).next().filter(|_| deferred) {
        Some(s) => finding.suggesting(format!(
            "Your impact section says only {}: replace it with which features or services were affected, \
             which users, how many and for how long, {place}.",
            quote(doc, s)
        )),
        None => finding,
    }
}

/// The sentences under an impact heading, the heading itself left out.
fn impact_body<'d>(doc: &'d Document) -> impl Iterator<Item = &'d Sentence> {
    doc.prose_sentences()
        .filter(|s| doc.topic(s) == Topic::Impact && !matches!(doc.block_of(s).kind, BlockKind::Heading(_)))
}

/// Plans and promises speak of the future, not of the impact: "we are
/// taking steps to get the domain taken down" says nothing was down.
fn is_plan(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::Boilerplate) || (doc.topic(s) == Topic::FollowUp && s.cues.has(Cue::Commitment))
}

/// An effect the sentence affirms: "users could not log in", not "played
/// without any interruption", not the "error" of "human error", which
/// names a cause, and not what the authors could not do ("we could not
/// reproduce it", "we did not see any output"), which harmed no user.
fn tells_an_effect(doc: &Document, s: &Sentence) -> bool {
    let hits = doc.hits_in(s);
    tells_an_inability(doc, s)
        || hits.iter().any(|h| {
            matches!(h.cue, Cue::ImpactWord | Cue::ImpactEffect)
                && !negated_before(doc, s, h.prose.start)
                && !authors_before(doc, s, h.prose.start)
                && !hits.iter().any(|c| {
                    c.cue == Cue::CauseClass && c.prose.start <= h.prose.start && h.prose.end <= c.prose.end
                })
        })
}

/// An inability the sentence affirms ([`Cue::Inability`]: "unable to",
/// "could not", "users weren't able to", "an inability to"), not the
/// authors' own: what follows it is the feature people lost. The negator
/// in "weren't able" is the phrase's own, and is not read before it.
fn tells_an_inability(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::Inability)
        && doc.hits_in(s).iter().any(|h| {
            h.cue == Cue::Inability && !negated_before(doc, s, h.prose.start) && !authors_before(doc, s, h.prose.start)
        })
}

/// Who, but only generically: "a small number of users", and "some" or
/// "certain customers" who only "may have" been affected ("some users could
/// not log in" says who was; "some users may have seen errors" does not).
/// "Our team" and "the team" investigating are the authors, not the affected.
fn vaguely(doc: &Document, s: &Sentence, who: &Hit) -> bool {
    let before = doc.prose[s.prose.start..who.prose.start].trim_end();
    let last = last_word(before);
    if doc.prose[who.prose.clone()].starts_with("team") && matches!(last, "the" | "our" | "engineering" | "support") {
        return true;
    }
    let ends = [before.len(), before.strip_suffix(" of").unwrap_or(before).len()].map(|n| n + s.prose.start);
    let partitive = before.ends_with(" of");
    let last = last_word(before.strip_suffix(" of").unwrap_or(before));
    // "Some of you", "many of our users": a share left uncounted.
    (partitive && matches!(last, "some" | "many" | "several" | "few"))
        || (matches!(last, "some" | "certain") && s.cues.has(Cue::Hedge))
        || doc.hits_in(s).iter().any(|h| h.cue == Cue::Minimiser && ends.contains(&h.prose.end))
}

/// The last run of ASCII letters and digits in `text`: the word a phrase
/// ends on, "" when it ends on punctuation.
fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("")
}

/// Users who told of the trouble ("a user reported that the stylesheets
/// looked broken", "we were alerted by some users") are its witnesses, not
/// the reach of it, unless what they told is what they could not do
/// ("several customers reported an inability to launch ..."): a verb of
/// reporting right after them, or "by" right before them.
fn reporter(doc: &Document, s: &Sentence, who: &Hit) -> bool {
    const TELLING: &[&str] = &["reported", "reports", "report", "alerted", "told", "noticed", "notified", "complained", "wrote"];
    if tells_an_inability(doc, s) {
        return false;
    }
    let before = doc.prose[s.prose.start..who.prose.start].trim_end();
    let by = last_word(before) == "by" || before.ends_with(" by some") || before.ends_with(" by several") || before.ends_with(" by a");
    by || super::ascii_words(&doc.prose[who.prose.end..s.prose.end]).next().is_some_and(|w| TELLING.contains(&w))
}

/// "crates" in "crates.io" is part of a name, not the people affected.
/// So is "Customer" in "the Customer Portal": a capitalised word followed
/// by another names a product, not the people.
fn inside_a_name(doc: &Document, hit: &Hit) -> bool {
    let b = doc.prose.as_bytes();
    if b.get(hit.prose.end) == Some(&b'.') && b.get(hit.prose.end + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return true;
    }
    let src = doc.text.as_bytes();
    let (start, end) = (doc.src_offset(hit.prose.start, false), doc.src_offset(hit.prose.end, true));
    start > 0
        && src.get(start).is_some_and(|c| c.is_ascii_uppercase())
        && src.get(start - 1) == Some(&b' ')
        && src.get(end) == Some(&b' ')
        && src.get(end + 1).is_some_and(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, rule_suggestion, suggestion, verdict};
    use crate::engine::{CriterionId::R2, Verdict::*};
    use crate::engine::document::Document;
    use crate::engine::lexicon::Cue;

    #[test]
    fn a_system_down_for_a_while_without_who_is_partial() {
        assert_eq!(verdict(R2, "- **Impact**: Prometheus was unavailable for 27 minutes."), Partial);
        assert_eq!(verdict(R2, "- **Impact**: Prometheus was unavailable for 27 minutes for all 40 teams."), Met);
    }

    #[test]
    fn the_rule_counts_its_statements_by_kind() {
        let text = "## Impact\n\nAbout 30% of EU customers could not open the dashboard. \
                    Prometheus was unavailable for 27 minutes. Some users may have seen errors.\n";
        let finding = crate::engine::CRITERIA[R2 as usize].review(&crate::engine::Document::parse(text));
        // Specific statements, who, what, how widely, a vague who.
        assert_eq!(finding.counts, [1, 1, 2, 1, 1]);
    }

    #[test]
    fn a_risk_is_what_might_have_happened_not_an_impact() {
        assert_eq!(verdict(R2, "- **Impact**: Increased risk of failure for all 6 ingress controllers."), Partial);
    }

    #[test]
    fn a_generic_impact_is_quoted_with_what_it_leaves_out() {
        let text = "# Outage\n\n## Impact\n\nSome users saw errors.\n";
        let advice = suggestion(R2, text);
        assert!(advice.starts_with("You say \u{201c}Some users saw errors\u{201d} but not "), "{advice}");
        assert!(advice.contains("how many") && advice.contains("for how long"), "{advice}");
        assert!(advice.contains("under your \u{201c}Impact\u{201d} heading"), "{advice}");
    }

    #[test]
    fn an_impact_section_to_be_done_is_quoted() {
        // The rule's words: on a text this short the model may not share
        // the rule's verdict, and then the card shows the general advice.
        let text = "## Impact\n\nTBD, numbers pending.\n\n## Timeline\n\n- 10:00 queue workers slow down\n";
        let advice = rule_suggestion(R2, text).expect("the rule has words for an impact to be done");
        assert!(advice.starts_with("Your impact section says only \u{201c}TBD, numbers pending\u{201d}"), "{advice}");
    }

    #[test]
    fn no_word_of_impact_gets_the_general_advice() {
        assert_eq!(suggestion(R2, "We wrote some code."), general(R2));
    }

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
    fn what_was_not_affected_beside_what_was_meets_r2() {
        let text = "The upstream failure prevented our servers from reaching the outside world. Web access was not affected but email, widget and everything else that relied on our servers were.";
        assert_eq!(verdict(R2, text), Met);
    }

    #[test]
    fn a_plan_to_take_something_down_is_not_impact() {
        let text = "We have no evidence of a compromise of the crates.io infrastructure. We are taking steps to get the phishing domain taken down.";
        assert_eq!(verdict(R2, text), Partial);
    }

    #[test]
    fn a_denial_alone_is_partial() {
        assert_eq!(verdict(R2, "We have no evidence of a compromise of the crates.io infrastructure."), Partial);
    }

    #[test]
    fn a_named_service_with_its_extent_meets_r2() {
        assert_eq!(verdict(R2, "We confirmed all Binder services were down."), Met);
    }

    #[test]
    fn an_impact_section_decides_over_reports_elsewhere() {
        let text = "- **Impact**: User services were down for a few minutes.\n- **Identified**: Several users reported that all their production pods were deleted.\n";
        assert_eq!(verdict(R2, text), Partial);
    }

    #[test]
    fn a_list_of_affected_names_meets_r2() {
        let text = "## Affected crates\n\n- `kaze` 0.1.6\n- `wasmer-runtime-core` 0.14.0\n";
        assert_eq!(verdict(R2, text), Met);
    }

    #[test]
    fn some_users_who_may_have_been_affected_are_generic() {
        let text = "Some customers may have seen slow checkout pages in the Gravel Store app.";
        assert_eq!(verdict(R2, text), Partial);
    }

    #[test]
    fn some_users_who_could_not_use_a_named_feature_meet_r2() {
        assert_eq!(verdict(R2, "Some customers could not pay with the Gravel Store app."), Met);
    }

    #[test]
    fn the_team_investigating_is_not_who_was_affected() {
        assert_eq!(verdict(R2, "The team is looking into reports of errors from the Gravel Store API."), Partial);
    }

    #[test]
    fn a_small_number_of_users_is_generic() {
        let text = "A small number of users were unable to upload photos to the Pixbin gallery.";
        assert_eq!(verdict(R2, text), Partial);
    }

    #[test]
    fn a_cause_class_and_a_recovery_say_nothing_about_impact() {
        assert_eq!(verdict(R2, "Yesterday's trouble came from a configuration error. All good again now."), Missing);
    }

    #[test]
    fn an_impact_section_to_be_done_is_missing() {
        let text = "## Impact\n\nTBD, numbers pending.\n\n## Timeline\n\n- 10:00 queue workers slow down\n";
        assert_eq!(verdict(R2, text), Missing);
    }

    #[test]
    fn an_impact_field_left_as_a_template_prompt_is_missing() {
        let text = "**Impact:** to be determined\n\n**Visible to users?** Yes / No\n\n**Fix:** Cache nodes rebooted.\n";
        assert_eq!(verdict(R2, text), Missing);
    }

    #[test]
    fn some_of_you_is_a_vague_who() {
        assert_eq!(verdict(R2, "Yesterday evening some of you said you could not open the Pebble app."), Partial);
    }

    #[test]
    fn a_small_number_of_you_is_a_vague_who() {
        assert_eq!(verdict(R2, "On Friday, Pebble backups failed for a small number of you."), Partial);
    }

    #[test]
    fn you_as_the_affected_readers_is_who() {
        assert_eq!(verdict(R2, "If you used Pebble backups on Friday, your uploads failed."), Met);
    }

    #[test]
    fn a_who_word_inside_a_product_name_is_not_who() {
        assert_eq!(verdict(R2, "Access to the Member Lounge was unavailable for a subset of members until 09:40."), Partial);
    }

    #[test]
    fn a_day_of_the_month_does_not_count_the_affected() {
        assert_eq!(verdict(R2, "The Gravel Store was unavailable for a subset of shoppers until 09:40 on 3 March."), Partial);
    }

    #[test]
    fn delays_for_some_customers_are_generic_impact() {
        assert_eq!(verdict(R2, "Certain customers may have seen delays when paying by card."), Partial);
    }

    #[test]
    fn a_vague_who_stays_generic_however_long() {
        assert_eq!(verdict(R2, "For 35 minutes some customers may have seen slow pages in the Gravel Store."), Partial);
    }

    #[test]
    fn a_subset_of_users_is_generic() {
        assert_eq!(verdict(R2, "A subset of customers may have seen delays when paying through Gravel Pay."), Partial);
    }

    #[test]
    fn what_the_authors_could_not_do_is_no_impact() {
        let text = "We could not see any output on the Gravel Store console for all 4 nodes.";
        assert_eq!(verdict(R2, text), Missing);
        let text = "The Gravel Store console could not show any output for all 4 nodes.";
        assert_eq!(verdict(R2, text), Met);
    }

    #[test]
    fn who_and_their_trouble_under_an_impact_heading_meets_r2() {
        assert_eq!(verdict(R2, "## Impact\n\nUsers weren't able to retrieve the diffs of submitted changes.\n"), Met);
        assert_eq!(verdict(R2, "Users weren't able to retrieve the diffs of submitted changes."), Partial);
    }

    #[test]
    fn an_inability_is_a_cue_read_with_either_apostrophe() {
        assert_eq!(verdict(R2, "## Impact\n\nUsers weren\u{2019}t able to retrieve the diffs of submitted changes.\n"), Met);
        assert_eq!(verdict(R2, "## Impact\n\nUsers wasn't able to retrieve the diffs of submitted changes.\n"), Met);
        let doc = Document::parse("Users were unable to log in.");
        assert!(doc.sentences[0].cues.has(Cue::Inability));
    }

    #[test]
    fn an_inability_reported_by_customers_meets_r2() {
        assert_eq!(verdict(R2, "Several customers reported an inability to launch Gravel Store 3.30."), Met);
        assert_eq!(verdict(R2, "We weren't able to reproduce it on Gravel Store 3.30."), Missing);
        assert_eq!(verdict(R2, "Customers praised the maintainability of Gravel Store 3.30."), Missing);
    }

    #[test]
    fn users_who_reported_the_trouble_are_its_witnesses_not_its_reach() {
        assert_eq!(verdict(R2, "A user reported that the stylesheets of the Gravel Store looked broken."), Partial);
        assert_eq!(verdict(R2, "We were alerted by some users that the Gravel Store API was unavailable."), Partial);
        assert_eq!(verdict(R2, "Users of the Gravel Store API saw errors on every order."), Met);
    }

    #[test]
    fn no_impact_is_missing() {
        assert_eq!(verdict(R2, "We wrote some code."), Missing);
    }
}
