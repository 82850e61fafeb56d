//! # B4: What others can learn from this experience
//!
//! **What it checks.** Advice meant for other teams that comes out of this
//! incident ("if you run X, check Y", "we wanted to share this with other
//! teams", "it would be prudent for organizations to …", "one should …",
//! "check your …" under a heading such as "If you run Redis", and what a
//! "Lessons learned" section tells "you" to do or advises, but not what it
//! says of "we" nor what its "What went well" tells of the response),
//! a shared tool (a linked script, patch or gist), or a bug report or fix
//! sent upstream: met. A
//! transferable lesson stated only about the team itself (a lesson learned,
//! a self-critical "it took too long", a follow-up the team commits to) is
//! partial. Instructions to the service's own users ("update your
//! compiler", "click Resync"), reassurance ("no evidence of misuse") and
//! template promises do not count, nor do placeholders ("TBD"), promises
//! to post updates, or what a "What you need to do" section tells users: a
//! text with only those is missing. Nor do a restart or rollback with no
//! remedy beside it, notes about the document's template, or an "if you run
//! a shop on us" that speaks to the service's own customers.
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
use crate::engine::suggest::{advice_for_others_example, quote, where_to_add};
use std::borrow::Cow;

pub struct LessonsForOthers;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B4,
    name: "What others can learn",
    advice: "Add advice for other teams that comes out of this incident: what to check if they run the same systems, or a tool, script or upstream fix you can share.",
    example: "If you run nginx behind a load balancer, check that its keepalive timeout is longer than the balancer's.",
    levels: ["Nothing others could take away.", "Lessons others could use, stated only about the team itself.", "Advice meant for other teams, or a tool or fix shared with them."],
    skeleton: "## What others can learn\n\nIf you run <system>, check <what> — <why it matters>. We have shared <tool, script or upstream report>.\n",
    kinds: &[],
};

impl Criterion for LessonsForOthers {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    /// Advice for other teams addressed to the technology this text names,
    /// not the one the guidance's example happens to name.
    fn example(&self, doc: &Document) -> Cow<'static, str> {
        advice_for_others_example(doc).map_or(Cow::Borrowed(GUIDANCE.example), Cow::Owned)
    }

    fn review(&self, doc: &Document) -> Finding {
        let addressed = advice_sections(doc);
        let advice: Vec<_> = doc
            .prose_sentences()
            .filter(|s| (for_others(s) && !audience_is_own_customers(doc, s)) || addressed[s.block].is_some_and(|section| advises_reader(s, section)))
            .take(4)
            .collect();
        let tools: Vec<_> = doc.links.iter().filter(|l| shares_a_tool(&l.url)).map(|l| l.src.clone()).take(2).collect();
        if !advice.is_empty() || !tools.is_empty() {
            return Finding::met("The text offers advice, a tool or an upstream report others can use.")
                .citing(advice)
                .citing_ranges(tools);
        }
        // A notice of planned work lists the plan under "next steps", not
        // follow-ups from something that went wrong.
        let follow_up = if planned_notice(doc) { vec![false; doc.blocks.len()] } else { follow_up_blocks(doc) };
        let stated = doc.prose_sentences().filter(|s| own_words(s) && states_lesson(s));
        let committed = doc
            .prose_sentences()
            .filter(|s| {
                own_words(s) && !states_lesson(s) && !no_lesson(s) && !mitigation_only(s)
                    && !about_the_document(doc.words(s)) && follow_up[s.block]
            });
        let lessons: Vec<_> = stated.chain(committed).take(3).collect();
        if !lessons.is_empty() {
            let finding = Finding::partial("Lessons others could transfer, stated only about the team itself.");
            // A question ("What did we learn?") is no lesson to quote back:
            // with only questions, the general advice is what helps.
            let Some(quoted) = lessons.iter().find(|s| !asks(doc, s)) else {
                return finding.citing(lessons);
            };
            // A follow-up quoted as a "lesson" misnames it ("Your lesson, “We
            // have issued 1.52.1 today”"): each is called what it is.
            let what = if states_lesson(quoted) { "lesson" } else { "follow-up" };
            let suggestion = format!(
                "Your {what}, {}, speaks only of your own team: say what other teams that run the same systems \
                 should check or change, or share the tool or fix upstream, {}",
                quote(doc, quoted),
                where_to_add(doc, &[Topic::FollowUp], "at the end")
            );
            return finding.citing(lessons).suggesting_before_example(suggestion);
        }
        Finding::missing("Nothing another team could take away.")
    }
}

/// A link to a script, a patch or a gist: a tool others can take as it
/// is ("we wrote a quick perl script", "a patched httpd").
fn shares_a_tool(url: &str) -> bool {
    const TOOL_ENDINGS: &[&str] = &[".diff", ".patch", ".pl", ".py", ".sh", ".rb"];
    let url = url.to_ascii_lowercase();
    let path = url.split(['?', '#']).next().unwrap_or("");
    url.contains("gist.github.com/") || TOOL_ENDINGS.iter().any(|e| path.ends_with(e))
}

/// Advice addressed to other teams, or a report or tool given to others.
fn for_others(s: &Sentence) -> bool {
    let c = s.cues;
    !c.has(Cue::Boilerplate) && (c.has(Cue::Upstream) || (c.has(Cue::Advice) && c.has(Cue::Audience)))
}

/// What a heading over advice speaks of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    /// It addresses other teams: "If you run Elasticsearch", "Advice for
    /// other operators".
    ForOthers,
    /// It names the lessons: "Lessons learned", "Takeaways".
    Lessons,
}

/// Advice told to the reader in a section whose heading addresses other
/// teams ("## If you run Elasticsearch", "## Advice for other operators"):
/// there "check your …" is meant for them, not for the service's own users.
/// Under a lessons heading it must speak to "you" or give advice, not tell
/// of "users of" the service; and what the team says of itself ("we")
/// is its own lesson in either.
fn advises_reader(s: &Sentence, section: Section) -> bool {
    let c = s.cues;
    let to_reader = match section {
        Section::ForOthers => c.any(&[Cue::Advice, Cue::UserInstruction, Cue::Upstream]),
        Section::Lessons => c.any(&[Cue::Advice, Cue::Reader, Cue::Upstream]),
    };
    to_reader && !c.any(&[Cue::Boilerplate, Cue::NotAffected, Cue::Channel, Cue::UpdatesVague, Cue::FirstPerson])
}

/// Which blocks sit under a heading over advice, and what kind: one that
/// names other teams as its audience ("If you run Redis", "Lessons for
/// other teams") or names the lessons ("Lessons learned"), down to the
/// next heading of the same or a higher level. A heading that speaks to
/// the service's own users ("If you use our API") is not addressed to
/// others.
fn advice_sections(doc: &Document) -> Vec<Option<Section>> {
    let mut under = vec![None; doc.blocks.len()];
    let mut open: Option<(u8, Section)> = None;
    let mut sentences = doc.sentences.iter().peekable();
    for (i, b) in doc.blocks.iter().enumerate() {
        let mut heading = None;
        // "What went well" under "Lessons learned" tells of the response:
        // its "useful" is no advice.
        let mut of_the_response = false;
        while let Some(s) = sentences.next_if(|s| s.block <= i) {
            if s.block == i && matches!(b.kind, BlockKind::Heading(_)) && b.topic != Topic::Impact {
                if addresses_others(doc, s) {
                    heading = Some(Section::ForOthers);
                } else if heading.is_none() && names_lessons(doc, s) {
                    heading = Some(Section::Lessons);
                } else {
                    of_the_response |= s.cues.any(&[Cue::Transferable, Cue::Lesson]);
                }
            }
        }
        if let BlockKind::Heading(l) = b.kind {
            open = match (heading, open) {
                (Some(section), _) => Some((l, section)),
                (None, Some((outer, section))) if l > outer && !of_the_response => Some((outer, section)),
                _ => None,
            };
            continue;
        }
        under[i] = open.map(|(_, section)| section);
    }
    under
}

/// A heading over lessons ("Lessons learned", "Takeaways", "What did we
/// learn?"): what it tells the reader to do ("do not delete data in
/// production until you have tried it in staging") is the lesson put as
/// advice to anyone, not an instruction to the service's users. "What went
/// well" is no such heading: its "useful" tells of the response.
fn names_lessons(doc: &Document, s: &Sentence) -> bool {
    let words = doc.words(s);
    s.cues.any(&[Cue::Transferable, Cue::Lesson]) && (words.contains("lesson") || words.contains("takeaway") || words.contains("learn"))
}

/// An audience of other teams named in a sentence, not followed by "our"
/// (which makes the audience the service's own users: "if you use our API").
fn addresses_others(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::Audience)
        && doc.hits_in(s).iter().any(|h| {
            h.cue == Cue::Audience && {
                let after = doc.prose[h.prose.end..s.prose.end].trim_start();
                !(after.starts_with("our ") || after.starts_with("our\n"))
            }
        })
}

/// "If you run a shop on us / depend on our service": the "if you run"
/// speaks to the service's own customers, not to other teams, when the rest
/// of the sentence names the service as the reader's provider ("us",
/// "our"), except in a comparison ("like us", "as we do"). Other teams
/// named as such stay other teams: in "others can learn from our
/// mistakes" the "our" is the team's own experience.
fn audience_is_own_customers(doc: &Document, s: &Sentence) -> bool {
    if s.cues.has(Cue::Upstream) {
        return false;
    }
    let Some(h) = doc.hits_in(s).iter().find(|h| h.cue == Cue::Audience) else { return false };
    let audience = &doc.prose[h.prose.clone()];
    if !(audience.starts_with("if you") || audience.starts_with("anyone")) {
        return false;
    }
    let mut prev = "";
    for w in super::ascii_words(&doc.prose[h.prose.end..s.prose.end]) {
        if matches!(w, "us" | "our") && !matches!(prev, "like" | "as" | "than") {
            return true;
        }
        prev = w;
    }
    false
}

/// Restoring service ("we restarted the workers", "we rolled back and will
/// say more soon") with no remedy named beside it: mitigation, not a
/// lesson or a follow-up.
fn mitigation_only(s: &Sentence) -> bool {
    s.cues.has(Cue::Mitigation) && !s.cues.has(Cue::Remedy)
}

/// A question ("What did we learn from this incident?"): a template's
/// prompt or the text's own. Left out of the lessons altogether, it moved
/// leave-source-out on originals the wrong way (B4 75.7 -> 75.2 %): the
/// reviewers read a text that asks it as one that thought about lessons.
fn asks(doc: &Document, s: &Sentence) -> bool {
    doc.words(s).trim_end().ends_with('?')
}

/// A sentence about the document or its template ("This report follows
/// the review template", "Do not edit the headings"): no lesson.
fn about_the_document(words: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "this document", "this template", "this report", "this review", "this form", "do not edit",
        "don't edit",
    ];
    OPENINGS.iter().any(|o| words.starts_with(o)) || words.contains("template")
}

/// The team speaking about itself: not a template promise, not an
/// instruction to its own users, not reassurance that nothing happened.
fn own_words(s: &Sentence) -> bool {
    !s.cues.any(&[Cue::Boilerplate, Cue::UserInstruction, Cue::NotAffected])
}

/// Whether the text announces planned work: its title (the first heading,
/// or the first sentence) says "scheduled maintenance", "planned downtime".
fn planned_notice(doc: &Document) -> bool {
    let title = doc
        .sentences
        .iter()
        .find(|s| matches!(doc.block_of(s).kind, BlockKind::Heading(_)))
        .or(doc.sentences.first());
    title.is_some_and(|s| s.cues.has(Cue::Planned))
}

/// A follow-up that is no lesson: a placeholder ("TBD") or a promise to
/// post updates ("progress updates will be posted on the status page").
fn no_lesson(s: &Sentence) -> bool {
    s.cues.any(&[Cue::Deferral, Cue::Channel, Cue::UpdatesVague, Cue::StatusPost])
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
    let mut sentences = doc.sentences.iter().peekable();
    let mut for_reader = false;
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // A heading that speaks to the reader ("What you need to do")
            // opens instructions to users, not the team's follow-ups.
            let mut to_reader = false;
            while let Some(s) = sentences.next_if(|s| s.block <= i) {
                to_reader |= s.block == i && s.cues.has(Cue::UserInstruction);
            }
            if let BlockKind::Heading(level) = b.kind {
                for_reader = b.topic == Topic::FollowUp && to_reader;
                heading = match heading {
                    _ if for_reader => None,
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
            !for_reader && (heading.is_some() || labelled || b.topic == Topic::FollowUp)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::B4, Verdict::*};

    #[test]
    fn others_learning_from_our_mistakes_are_other_teams() {
        assert_eq!(verdict(B4, "We wrote this account so that others can learn from our mistakes."), Met);
        assert_ne!(verdict(B4, "If you run a shop on our platform, check your settings."), Met);
    }

    #[test]
    fn a_linked_script_or_patch_is_a_shared_tool() {
        let text = "The site was slow.\n\nWe wrote a [perl script](http://example.org/~jo/ddos_accept.pl) to find the sources.\n";
        assert_eq!(verdict(B4, text), Met);
        assert_ne!(verdict(B4, "The site was slow.\n\nSee the [dashboard](http://example.org/grafana/d/abc).\n"), Met);
    }

    #[test]
    fn a_question_is_not_quoted_as_a_lesson() {
        let answered = format!(
            "{OPENING}We deployed version 2.4 of the payments service at 14:00 UTC; its connection pool was set to 2, \
             so requests timed out. We are sorry.\n\n## Lessons learned\n\nWhat did we learn from this incident? \
             We learned that our alerts were too noisy.\n"
        );
        let advice = suggestion(B4, &answered);
        assert!(advice.starts_with("Your lesson, \u{201c}We learned that our alerts were too noisy\u{201d}"), "{advice}");
        let asked_only = answered.replace(" We learned that our alerts were too noisy.", "");
        assert_eq!(suggestion(B4, &asked_only), general(B4));
    }

    #[test]
    fn a_lesson_about_the_team_is_quoted_and_turned_to_others() {
        let text = format!(
            "{OPENING}We deployed version 2.4 of the payments service at 14:00 UTC; its connection pool was set to 2, \
             so requests timed out. We are sorry.\n\n## Lessons learned\n\nWe learned that our alerts were too noisy.\n\n\
             ## Action items\n\n- Add an alert on checkout error rate (owner: Ana, by 10 March)\n\
             - Test pool settings in staging before each deploy (owner: Raj)\n"
        );
        let advice = suggestion(B4, &text);
        assert!(advice.starts_with("Your lesson, \u{201c}We learned that our alerts were too noisy\u{201d}, speaks only"), "{advice}");
        assert!(advice.contains("under your \u{201c}Lessons learned\u{201d} heading"), "{advice}");
        // Without the lesson, the follow-up is quoted as a follow-up.
        let follow_ups_only = text.replace("We learned that our alerts were too noisy.", "");
        let advice = suggestion(B4, &follow_ups_only);
        assert!(advice.starts_with("Your follow-up, \u{201c}"), "{advice}");
    }

    #[test]
    fn advice_to_anyone_is_for_others() {
        let text = "It would be prudent for organizations to include as many sanity checks as possible.";
        assert_eq!(verdict(B4, text), Met);
        assert_eq!(verdict(B4, "One should also have procedures in place for bugs that slip through."), Met);
    }

    #[test]
    fn what_a_lessons_section_tells_the_reader_is_advice_for_others() {
        let text = "The rows were deleted.\n\n## Lessons learned\n\n\
                    Do not delete data in production until you have tried it in staging.\n";
        assert_eq!(verdict(B4, text), Met);
        // The team's own lesson stays its own, and what went well tells of the response.
        let own = "The rows were deleted.\n\n## Lessons learned\n\nWe should check your settings next time.\n";
        assert_ne!(verdict(B4, own), Met);
        let went_well = "The rows were deleted.\n\n## Lessons learned\n\n### What went well\n\n\
                         The delete-pods script was useful to get things back under control.\n";
        assert_ne!(verdict(B4, went_well), Met);
        // Under an action-items heading, an instruction is the team's to-do.
        let to_do = "The rows were deleted.\n\n## Action items\n\nMake sure your backups are tested.\n";
        assert_ne!(verdict(B4, to_do), Met);
    }

    #[test]
    fn nothing_to_take_away_gets_the_general_advice() {
        assert_eq!(suggestion(B4, "The server went down and came back."), general(B4));
    }

    #[test]
    fn if_you_run_a_shop_on_our_service_speaks_to_our_customers() {
        let text = "If you run a bakery on our ordering app, you count on us to take orders.";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn if_you_run_it_like_us_is_still_advice() {
        let text = "If you run Redis like us, check that its eviction policy matches your cache use.";
        assert_eq!(verdict(B4, text), Met);
    }

    #[test]
    fn a_restart_and_a_template_footnote_are_no_follow_up() {
        let text = "## Action items\n\nWe restarted the workers and we will write more later.\n\n\
                    This form follows the review template. Do not edit the headings.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

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
    fn advice_under_a_heading_for_other_operators_meets_b4() {
        let text = "## If you operate Kafka\n\nLook at your retention settings before the disk fills up.\n";
        assert_eq!(verdict(B4, text), Met);
    }

    #[test]
    fn a_heading_for_the_services_own_users_is_not_advice_for_others() {
        let text = "## If you use our API\n\nRetry your requests once the window ends.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn what_the_reader_needs_to_do_is_no_follow_up_of_the_team() {
        let text = "## What you need to do\n\nNothing at all. The old keys keep working until June.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn the_impact_on_other_teams_is_no_advice_for_them() {
        let text = "## Impact on other teams\n\nYour builds may have queued for an hour.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn the_plan_of_a_maintenance_notice_is_no_follow_up() {
        let text = "# Planned maintenance: search cluster upgrade\n\nSearch will be read-only for an hour.\n\n\
                    ## Next steps\n\n- We will email a reminder the day before.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn a_placeholder_under_action_items_is_no_lesson() {
        assert_eq!(verdict(B4, "## Action items\n\nTBD\n"), Missing);
    }

    #[test]
    fn a_promise_to_post_updates_is_no_lesson() {
        let text = "## Next steps\n\nProgress updates will be posted on our status page during the work.\n";
        assert_eq!(verdict(B4, text), Missing);
    }

    #[test]
    fn what_the_outage_showed_us_is_a_lesson_about_ourselves() {
        assert_eq!(verdict(B4, "The outage showed us that one region is not enough for the shop."), Partial);
    }

    #[test]
    fn nothing_to_take_away_is_missing() {
        assert_eq!(verdict(B4, "The server went down and came back."), Missing);
    }
}
