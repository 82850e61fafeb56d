//! # R4: Lessons learned
//!
//! **What it checks.** Whether the text says what was learned *and* gives
//! concrete follow-ups beyond restoring service: action items, fixes,
//! monitoring, process changes, ideally with owners or dates. Rolling back or
//! restarting is mitigation, not a follow-up. A generic promise ("we are
//! reviewing our processes") is partial; "Action items: TBD" is missing.
//! Items of an action list that name what they change count as follow-ups;
//! instructions to the reader or to the users ("users of 1.25 can apply the
//! patches") and declined promises ("we will not") do not. An item that
//! opens with a verb of change ("Move renewal into the pipeline", "Fix the
//! retry loop", "Requiring a pinned version") names a change, even beside a
//! status word like "TODO"; one such item under a follow-up heading, or one
//! follow-up with a date, is a plan on its own. Restoring "from backups", the
//! time "it will take to fix the problem" and "we'll issue more updates" are
//! recovery and news, not follow-ups. A change the team says it has made
//! ("we have since moved the mirror", "I also installed an uptime monitor",
//! "we no longer rely on one disk"), or a list item that opens with one
//! ("Improved monitoring of the workers", "Addition of a queue alert"), is
//! a fix made; a bare past in the story of the response ("after consulting
//! the vendor, we removed disk 2.1") is not, nor is "we no longer have" what
//! was lost. "The issue has been resolved" and "a fix has been implemented and
//! we are monitoring" are mitigation; "evaluating options" and "continue to
//! invest" are generic promises. A notice of planned work in which nothing
//! went wrong has no follow-ups.
//!
//! **Why.** The follow-ups are the only proof that it will not happen again.
//!
//! **Passes:** "## Action items\n- Add an alert on queue depth (owner: Ana)"
//!
//! **Partial:** "We will do our best to ensure this doesn't happen again."
//!
//! **Fails:** "Action items: TBD."

use crate::engine::criteria::ascii_words;
use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{affirmed, announces_planned_work, names_a_thing, opens_with_action_verb, ACTION_VERBS};
use crate::engine::suggest::{quote, where_to_add};

pub struct LessonsLearned;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R4,
    name: "Lessons learned",
    advice: "List concrete follow-up actions beyond restoring service (fixes, monitoring, process changes), ideally with owners and dates, and say what you learned.",
    example: "We have added an alert on mail queue depth and will review every DNS change before it ships (owner: ops, by May 1).",
    levels: ["No lessons and no follow-up actions.", "Lessons or promises without concrete changes.", "States what was learned and concrete follow-up actions."],
    skeleton: "## Action items\n\n- [ ] <fix or safeguard> (owner: <name>, due: <date>)\n- [ ] <monitoring to add> (owner: <name>, due: <date>)\n\n## What we learned\n\n<lesson>\n",
    kinds: &["concrete follow-ups", "generic promises and lessons", "action-list items", "lessons stated", "follow-ups with a date"],
};

impl Criterion for LessonsLearned {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut counts = [0; KINDS];
        read(doc, &mut counts).counting(counts)
    }
}

/// The rule's verdict, with how many sentences of each kind it read
/// (`GUIDANCE.kinds`): how many concrete follow-ups make a plan is the
/// reviewers' line to draw.
///
/// Measured and not kept (session 16, leave-source-out on the 241 training
/// originals at 2,270 of 2,892, test split 734 of 972): a fix of the defect
/// that names what changed ("Rust 1.43.1 fixes this regression") read as
/// partial rather than nothing, 2,268 (R4 +1); one change beside a stated
/// lesson read as met, 2,271 (R4 +2, rules alone +5; test 733); a later look
/// promised ("subject to review", "to be discussed", "be looked into") as a
/// generic promise, 2,271 (R4 +2; test 734); the last two together 2,271
/// (R4 .768 -> .784, rules alone .722 -> .751, but three verdicts lost on
/// other criteria; test 733).
fn read(doc: &Document, counts: &mut [usize; KINDS]) -> Finding {
    let mut concrete = Vec::new();
    let mut generic = Vec::new();
    let mut one_plan = false;
    // A maintenance notice's "we will upgrade" is the plan, not a
    // follow-up: nothing went wrong to follow up on.
    if announces_planned_work(doc) {
        return Finding::missing("A notice of planned work: nothing went wrong, so there is nothing to follow up.");
    }
    for s in doc.prose_sentences() {
        let c = s.cues;
        // Instructions to the reader ("update your compiler") and
        // declined promises ("we will not be issuing a patch") are not
        // the team's follow-ups.
        // A lesson the team states ("we learned that a day is too long
        // when your books are wrong") speaks of the reader, not to them.
        let own_lesson = c.has(Cue::Lesson) && c.has(Cue::FirstPerson);
        let in_follow_up = doc.topic(s) == Topic::FollowUp;
        let in_list = doc.block_of(s).kind == BlockKind::ListItem;
        // "Add an alert on queue depth (TODO)": an item that opens with its
        // change is tracked work, whatever its status word; only a bare
        // "TBD" is a placeholder.
        let placeholder = c.has(Cue::Deferral) && !(in_follow_up && in_list && opens_with_change_verb(doc, s));
        if placeholder
            || (c.has(Cue::Reader) && !own_lesson)
            || c.has(Cue::Refusal)
            || tells_users_what_to_do(doc, s)
        {
            continue;
        }
        // "We will not be issuing a patch" commits to nothing.
        let promised = affirmed(doc, s, Cue::Commitment).next().is_some();
        let committed = promised || in_follow_up;
        // Restoring service ("the issue has been resolved") is
        // mitigation, unless listed among the follow-ups.
        let restoring = c.has(Cue::Mitigation) || tells_recovery(doc, s);
        // An action-list item that opens with the mitigation ("Restarted
        // the database") tells what was done to recover, not a change.
        let opens_with_mitigation = doc
            .hits_in(s)
            .iter()
            .any(|h| h.cue == Cue::Mitigation && doc.prose[s.prose.start..h.prose.start].trim().is_empty());
        let remedy = c.has(Cue::Remedy) && names_a_remedy(doc, s) && ((in_follow_up && !opens_with_mitigation) || !restoring);
        // An item of an action list that names what it changes is a
        // follow-up even without a remedy word ("Use IRSA instead of AWS
        // keys"); an item that tells how the incident ended ("what went
        // well: the Kubernetes pods recovered quickly") is not.
        // Asked only under a follow-up heading, the one place it counts:
        // the other sentences are not split into words for it.
        let opens_with_verb = in_follow_up && opens_with_change_verb(doc, s);
        let action_item = in_follow_up
            && in_list
            && !c.has(Cue::EndWord)
            && !opens_with_mitigation
            && (c.has(Cue::Technology) || c.has(Cue::TechDetail) || names_a_thing(doc, s) || opens_with_verb);
        // "We replaced all our master nodes with larger instances", "we no
        // longer rely on the mirror": a change the team has already made is
        // a fix made, told outside the story of the incident.
        let change_made = !restoring
            && !opens_with_mitigation
            && !matches!(doc.topic(s), Topic::Timeline | Topic::Cause)
            && (tells_a_change_made(doc, s) || (in_list && lists_a_change_made(doc, s)));
        counts[2] += usize::from(action_item);
        counts[3] += usize::from(c.has(Cue::Lesson));
        if (c.has(Cue::Boilerplate) && !in_follow_up) || (c.has(Cue::VaguePromise) && !action_item) {
            generic.push(s);
        } else if (committed && remedy && (in_follow_up || in_list || promised)) || action_item || change_made {
            concrete.push(s);
            counts[4] += usize::from(s.times.dates > 0);
            // A change with a date, or one that opens with its verb under a
            // follow-up heading ("Move renewal into the pipeline"), is a
            // plan the team can be held to, even alone.
            one_plan |= s.times.dates > 0 || (in_follow_up && opens_with_verb && !opens_with_mitigation);
        } else if c.has(Cue::Lesson) || (in_follow_up && promised) {
            generic.push(s);
        }
    }
    counts[0] = concrete.len();
    counts[1] = generic.len();
    if concrete.len() >= 2 || one_plan {
        return Finding::met("Concrete follow-up actions are listed.")
            .citing(concrete.into_iter().take(5));
    }
    let place = where_to_add(doc, &[Topic::FollowUp], "at the end, as a list of action items");
    if concrete.is_empty()
        && let Some(lesson) = generic.iter().find(|s| s.cues.has(Cue::Lesson))
    {
        let suggestion = format!(
            "You state a lesson, {}, but no change follows from it: name the change, \
             an owner and a date, {place} (\u{201c}Add an alert on queue depth (owner: Ana, by 1 May).\u{201d}).",
            quote(doc, lesson)
        );
        return Finding::partial("Lessons are stated, but no concrete change follows from them.")
            .citing(generic.into_iter().take(3))
            .suggesting(suggestion);
    }
    if !concrete.is_empty() || !generic.is_empty() {
        let suggestion = match concrete.first() {
            Some(one) => format!(
                "You name one follow-up, {}: list the others it takes to keep this from happening again, \
                 each with an owner and a date, {place}.",
                quote(doc, one)
            ),
            None => format!(
                "Your follow-ups promise to do better, {}: name a change, an owner and a date instead, \
                 {place} (\u{201c}Add an alert on queue depth (owner: Ana, by 1 May).\u{201d}).",
                quote(doc, generic[0])
            ),
        };
        return Finding::partial("Only a generic promise or a single follow-up; no concrete plan.")
            .citing(concrete.into_iter().chain(generic).take(3))
            .suggesting(suggestion);
    }
    let finding = Finding::missing("No lessons and no follow-up actions.");
    // "Action items: TBD": the section is there, waiting to be filled.
    match doc.prose_sentences().find(|s| doc.topic(s) == Topic::FollowUp && s.cues.has(Cue::Deferral)) {
        Some(s) => finding.suggesting(format!(
            "Your follow-ups say only {}: list the changes you will make, each with an owner and a date, {place}.",
            quote(doc, s)
        )),
        None => finding,
    }
}

/// Whether a sentence opens with a verb of change, as an action item does:
/// an imperative ("Move renewal into the pipeline", "Fix the retry loop";
/// "fix" is left out of the shared verbs, since elsewhere it is as often a
/// noun) or its gerund ("Requiring a pinned version again").
fn opens_with_change_verb(doc: &Document, s: &Sentence) -> bool {
    if opens_with_action_verb(doc, s) {
        return true;
    }
    let first = ascii_words(doc.words(s)).next().unwrap_or("");
    first == "fix" || first.strip_suffix("ing").is_some_and(is_action_stem)
}

/// Whether what is left of a gerund without its "-ing" is an action verb
/// or "fix": "add(ing)", "requir(e)", "split(t)ing".
fn is_action_stem(stem: &str) -> bool {
    let known = |verb: &str| verb == "fix" || ACTION_VERBS.contains(&verb);
    let known_with_e = ACTION_VERBS.iter().any(|verb| verb.strip_suffix('e') == Some(stem));
    let undoubled = stem.len() >= 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
    !stem.is_empty() && (known(stem) || known_with_e || (undoubled && known(&stem[..stem.len() - 1])))
}

/// Whether a remedy word in the sentence names a change rather than the
/// recovery or the news of it: "the delay it will take to fix the problem"
/// is the repair of this incident, and "we'll issue more updates" issues
/// news, not a tracked issue. A sentence that restores "from backups" tells
/// the recovery, whatever else it mentions.
fn names_a_remedy(doc: &Document, s: &Sentence) -> bool {
    let remedies = || doc.hits_in(s).iter().filter(|h| h.cue == Cue::Remedy);
    let restored_from_backup = remedies().any(|h| {
        doc.prose[h.prose.clone()].starts_with("backup") && doc.prose[s.prose.start..h.prose.start].trim_end().ends_with(" from")
    });
    !restored_from_backup && remedies().any(|h| {
        let word = &doc.prose[h.prose.clone()];
        let before = doc.prose[s.prose.start..h.prose.start].trim_end();
        let after = doc.prose[h.prose.end..s.prose.end].trim_start();
        let repairs_this_incident = word.starts_with("fix")
            && ["the problem", "the issue", "the outage", "this", "it"].iter().any(|o| {
                after.strip_prefix(o).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
            });
        let issues_news = word == "issue" && [" will", "'ll", " to"].iter().any(|v| before.ends_with(v));
        !(repairs_this_incident || issues_news)
    })
}

/// Whether the team says it has made a change: "we" or "I" followed, past
/// "have", "also" and the like, by a verb of change in the past ("we
/// replaced", "I've installed", "we have since moved"), or "no longer"
/// said of itself ("we no longer rely on the mirror").
fn tells_a_change_made(doc: &Document, s: &Sentence) -> bool {
    // Both readings need the team as the subject ("we", "I"), which the
    // lexicon has already found: most sentences are not split into words.
    if !s.cues.has(Cue::FirstPerson) {
        return false;
    }
    // "We no longer have a bridge" tells what was lost, not a change made.
    let lost = |word: &str| matches!(word, "have" | "has" | "offer" | "provide");
    let refused = s.cues.has(Cue::Refusal);
    // A bare past ("after consulting the vendor, we removed disk 2.1") is
    // as often a step of the response; "have", "also", "since" or "now",
    // or a follow-up heading, set the change beside it.
    let under_follow_up = doc.topic(s) == Topic::FollowUp;
    let mut words = ascii_words(doc.words(s));
    let mut two_before = ["", ""];
    while let Some(word) = words.next() {
        if !refused && two_before == ["no", "longer"] && !lost(word) {
            return true;
        }
        two_before = [two_before[1], word];
        if matches!(word, "we" | "i") {
            let mut set_apart = under_follow_up;
            let verb = words.clone().find(|next| {
                let filler = matches!(*next, "ve" | "have" | "has" | "also" | "since" | "already" | "now" | "further");
                set_apart |= filler;
                !filler && !matches!(*next, "just" | "then")
            });
            if set_apart && verb.is_some_and(is_past_of_change_verb) {
                return true;
            }
        }
    }
    false
}

/// Whether a list item opens with a change, made or named as a noun, and
/// names a safeguard: "Improved monitoring of production services",
/// "Addition of Celery-specific monitoring".
fn lists_a_change_made(doc: &Document, s: &Sentence) -> bool {
    const CHANGE_NOUNS: &[&str] = &["addition", "introduction", "replacement", "removal", "migration", "improvement", "improvements"];
    let first = ascii_words(doc.words(s)).next().unwrap_or("");
    (is_past_of_change_verb(first) || CHANGE_NOUNS.contains(&first)) && s.cues.has(Cue::Remedy)
}

/// Whether a word is the past of a verb of change: "added", "replaced",
/// "pinned", "installed", "built".
fn is_past_of_change_verb(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ed") else {
        return matches!(word, "built" | "wrote" | "set" | "split");
    };
    let verbs = || ACTION_VERBS.iter().chain(MORE_CHANGE_VERBS);
    let known = |verb: &str| verbs().any(|known| *known == verb);
    // "Replaced" drops the "e" of "replace".
    let known_with_e = verbs().any(|known| known.strip_suffix('e') == Some(stem));
    let undoubled = stem.len() >= 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2];
    known(stem) || known_with_e || (undoubled && known(&stem[..stem.len() - 1]))
}

/// Verbs of change a team tells of having done that are not, as
/// imperatives, the usual opening of an action item.
const MORE_CHANGE_VERBS: &[&str] = &["improve", "install", "bump", "increase", "configure", "harden", "isolate", "tighten", "reconfigure"];

/// "Service has been restored", "the issue is resolved": the sentence
/// tells how the incident ended.
fn tells_recovery(doc: &Document, s: &Sentence) -> bool {
    doc.hits_in(s).iter().any(|h| {
        h.cue == Cue::EndWord
            && matches!(
                &doc.prose[h.prose.clone()],
                "resolved" | "restored" | "recovered" | "back to normal" | "returned to normal" | "working again" | "back up"
            )
    })
}

/// "Users of 1.25 can apply the patches": a sentence about what the users
/// do, with no "we" in it, is advice to them, not the team's follow-up.
fn tells_users_what_to_do(doc: &Document, s: &Sentence) -> bool {
    !s.cues.has(Cue::FirstPerson)
        && !s.cues.has(Cue::Commitment)
        && doc.hits_in(s).first().is_some_and(|h| h.cue == Cue::Who && h.prose.start == s.prose.start)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::R4, Verdict::*};

    #[test]
    fn a_promise_to_do_better_is_quoted_and_asked_for_a_change_an_owner_and_a_date() {
        let text = format!(
            "{OPENING}We deployed version 2.4 of the payments service at 14:00 UTC; its connection pool was set to 2, \
             so requests timed out. We are sorry. We are reviewing our processes and will improve our deploy checks."
        );
        let advice = suggestion(R4, &text);
        assert!(advice.starts_with("Your follow-ups promise to do better, \u{201c}We are reviewing our processes"), "{advice}");
        assert!(advice.contains("name a change, an owner and a date"), "{advice}");
        assert!(advice.contains("at the end, as a list of action items"), "{advice}");
    }

    #[test]
    fn action_items_to_be_done_are_quoted_under_their_heading() {
        let advice = suggestion(R4, "Logins failed for an hour.\n\n## Action items\n\nTBD.\n");
        assert!(advice.starts_with("Your follow-ups say only \u{201c}TBD\u{201d}"), "{advice}");
        assert!(advice.contains("under your \u{201c}Action items\u{201d} heading"), "{advice}");
    }

    #[test]
    fn no_follow_up_at_all_gets_the_general_advice() {
        assert_eq!(suggestion(R4, "We rolled back the deploy and restarted the servers."), general(R4));
    }

    #[test]
    fn action_items_meet_r4() {
        let text = "## Action items\n\n- Add an alert on queue depth (owner: Ana)\n- Add a test for DNS changes\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn the_rule_counts_its_sentences_by_kind() {
        let text = "We learned that our alerts were too quiet. We will do our best to ensure this doesn't happen again.\n\n\
                    ## Action items\n\n- Add an alert on queue depth by 3 May 2024\n- Add a test for DNS changes\n";
        let finding = crate::engine::CRITERIA[R4 as usize].review(&crate::engine::Document::parse(text));
        // Concrete follow-ups, generic promises and lessons, action items, lessons, dated follow-ups.
        assert_eq!(finding.counts, [2, 2, 2, 1, 1]);
    }

    #[test]
    fn a_generic_promise_is_partial() {
        assert_eq!(verdict(R4, "We will do our best to ensure this doesn't happen again."), Partial);
    }

    #[test]
    fn deferred_action_items_are_missing() {
        assert_eq!(verdict(R4, "## Action items\n\nTBD.\n"), Missing);
    }

    #[test]
    fn items_under_a_heading_in_capitals_are_follow_ups() {
        let text = "ROOT CAUSE\nThe disk filled.\n\nACTION ITEMS\n- AI-1: Alarm on disk usage over 80%. Owner: storage.\n- AI-2: Rotate the audit logs daily. Owner: infra.\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn a_lesson_that_mentions_the_reader_is_still_a_lesson() {
        let text = "We learned that an hour is too long to leave your invoices unsent.";
        assert_eq!(verdict(R4, text), Partial);
    }

    #[test]
    fn continuing_to_strengthen_defences_is_a_generic_promise() {
        assert_eq!(verdict(R4, "Our defences matter, and we will continue to strengthen them against new threats."), Partial);
    }

    #[test]
    fn a_note_after_an_empty_action_items_field_is_not_a_follow_up() {
        let text = "**Action items:** TBD\n\n**Remarks:** We'll complete this page once the vendor replies.\n";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn named_items_of_an_action_list_meet_r4() {
        let text = "- **Review actions**:\n  - Implement Trivy scanning (Done)\n  - Use IRSA instead of AWS keys\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn imperative_items_of_an_action_list_meet_r4() {
        let text = "Next steps:\n\n- Move renewal into the deploy pipeline\n- Split the shared queue in two\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn action_items_that_only_restore_service_are_not_follow_ups() {
        let text = "## Follow-ups\n\n- Rebooted the mail server\n- Redeployed the web frontend\n";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn what_went_well_items_are_not_action_items() {
        let text = "## Lessons learned\n\n### What went well\n\n- The Grafana dashboard showed the outage at once\n- The Kubernetes pods recovered in minutes\n";
        assert_ne!(verdict(R4, text), Met);
    }

    #[test]
    fn action_items_about_errors_still_count() {
        let text = "## Action items\n\n- Add a canary stage to the deploy pipeline\n- Page the on-call engineer when the API error rate exceeds 1%\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn fixes_already_made_meet_r4() {
        let text = "We have merged a change to redact all cookie values from Sentry events. We have invalidated all logged in sessions.";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn changes_the_team_says_it_has_made_meet_r4() {
        let text = "We have since moved the archive to a second host. We no longer rely on a single disk for backups.";
        assert_eq!(verdict(R4, text), Met);
        let text = "- Improved monitoring of production services\n- Addition of Celery-specific monitoring\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn steps_of_the_response_and_what_was_lost_are_not_changes_made() {
        let text = "After consulting the vendor, we removed disk 2.1. Then we changed DNS to the standby host.";
        assert_eq!(verdict(R4, text), Missing);
        assert_eq!(verdict(R4, "We no longer have an official Matrix bridge."), Missing);
    }

    #[test]
    fn instructions_to_the_reader_and_negated_promises_are_not_follow_ups() {
        let text = "## Mitigations\n\nPreventing this requires updating your compiler. We will not be issuing a patch release for old versions.\n";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn what_users_can_do_is_not_the_teams_follow_up() {
        let text = "## Mitigations\n\nUsers of Rust 1.19.0 to 1.25.0 can apply the provided patches.\n\nAn audit of all published crates has been performed.\n";
        assert_eq!(verdict(R4, text), Partial);
    }

    #[test]
    fn a_lesson_without_a_change_is_partial() {
        let text = "It took too long to realize that we had two separate issues at hand.";
        assert_eq!(verdict(R4, text), Partial);
    }

    #[test]
    fn a_resolved_issue_and_a_fix_under_watch_are_not_follow_ups() {
        let text = "The issue has been resolved. A fix has been implemented and we are monitoring the results.";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn evaluating_options_is_a_generic_promise() {
        let text = "We are evaluating options to make the checkout service even more resilient.";
        assert_eq!(verdict(R4, text), Partial);
    }

    #[test]
    fn the_work_of_a_maintenance_notice_is_not_a_follow_up() {
        let text = "# Planned maintenance on 3 May\n\nWe will upgrade the billing database to a new version and will add a read replica.\n";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn a_maintenance_email_has_no_follow_ups() {
        let text = "Subject: Scheduled maintenance on 3 May\n\nWe will move the billing database to new disks and will add monitoring for the replica.\n";
        assert_eq!(verdict(R4, text), Missing);
    }

    #[test]
    fn a_maintenance_that_failed_still_has_follow_ups() {
        let text = "# Planned maintenance overran\n\nThe upgrade failed because the replica lagged.\n\n## Action items\n\n- Add a replica lag alert\n- Add a test for the upgrade script\n";
        assert_eq!(verdict(R4, text), Met);
    }

    #[test]
    fn one_follow_up_with_a_date_or_opening_with_its_verb_meets_r4() {
        assert_eq!(verdict(R4, "We will add an alert on queue depth by 3 May 2024."), Met);
        assert_eq!(verdict(R4, "## Action items\n\n- Add an alert on queue depth\n"), Met);
    }

    #[test]
    fn fix_and_gerunds_open_action_items() {
        assert_eq!(verdict(R4, "## Action items\n\n- Fix the retry loop in the mail worker\n"), Met);
        assert_eq!(verdict(R4, "## Action items\n\n- Requiring a pinned version of the queue library\n"), Met);
        assert_eq!(verdict(R4, "## Action items\n\n- Splitting the shared queue in two\n"), Met);
    }

    #[test]
    fn an_item_naming_its_change_beside_todo_is_not_a_placeholder() {
        assert_eq!(verdict(R4, "## Action items\n\n- Add an alert on queue depth (TODO)\n- TBD\n"), Met);
        assert_eq!(verdict(R4, "## Action items\n\n- TODO\n"), Missing);
    }

    #[test]
    fn restoring_from_backups_fixing_the_problem_and_issuing_updates_are_not_follow_ups() {
        assert_eq!(verdict(R4, "We replaced the damaged files from backups, but some of them we need to check again."), Missing);
        assert_eq!(verdict(R4, "We apologize for the delay it will take to fix the problem."), Missing);
        assert_eq!(verdict(R4, "We'll issue more updates on the status page."), Missing);
    }

    #[test]
    fn a_rollback_is_not_a_follow_up() {
        assert_eq!(verdict(R4, "We rolled back the deploy and restarted the servers."), Missing);
    }
}
