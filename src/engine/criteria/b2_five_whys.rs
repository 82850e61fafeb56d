//! # B2: Answers to the Five Whys
//!
//! **What it checks.** Whether the text goes beneath the proximate cause:
//! why it happened, why that was so, why it was not prevented, detected or
//! fixed sooner. Each sentence that explains a cause ("because", "due to",
//! "which meant") or names a gap that let it happen or last ("no alert was
//! configured", "not covered by tests", "had not been validated") is one
//! answer, as is each paragraph or item under a "five whys" /
//! "contributing factors" heading or answering a why-question asked in the
//! prose ("Why didn't we notice? The mails went to a dead list."). What
//! the team did not know or expect ("it was unclear to us that the loader
//! reads the system gems", "we were not aware") is a gap that let the
//! cause through: an answer to why it was not prevented. An
//! answer goes one level beneath the cause it explains ("logins broke
//! because the config was wrong"), so two answers go the two levels
//! beneath the proximate cause that meet it; one is partial. Questions ("Why did this start?") are not answers, and
//! when the cause itself is still under investigation nothing lies beneath
//! it. A text's only why-heading that is not a five-whys or
//! contributing-factors one ("## Why it broke") is its cause section, and
//! answers its why once; an unfilled template slot ("[list]", "TBD") and a
//! "because" about writing the text ("I'm writing this because...") answer
//! nothing. The "because"s of a timeline mostly explain why a step was
//! taken, not why the incident happened: all of them make one answer.
//!
//! **Why.** The proximate cause is rarely the one worth fixing.
//!
//! **Passes:** "The deploy broke logins because the config was wrong. The
//! config was wrong because it was edited by hand. It was not caught because
//! staging does not run the login test."
//!
//! **Fails:** "A DNS change made our mail server unreachable."

use crate::engine::criteria::ascii_words;
use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::affirmed;
use crate::engine::suggest::{quote, where_to_add};

pub struct FiveWhys;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B2,
    name: "Answers to the Five Whys",
    advice: "Go beneath the proximate cause: why did it happen, why was it not prevented, and why was it not detected or fixed sooner?",
    example: "The config was wrong because it was edited by hand, and staging did not catch it because it skips the login test.",
    levels: ["Only the proximate cause, or none.", "One level beneath the proximate cause.", "Goes several levels beneath the proximate cause."],
    skeleton: "## Five whys\n\n1. Why did <the outage> happen? Because <proximate cause>.\n2. Why did <that> happen? Because <deeper cause>.\n3. Why was it not caught sooner? Because <gap in detection>.\n",
    kinds: &["explanations", "steps left undone", "statements in a five-whys section", "answers to a why-question", "explanations in the timeline"],
};

/// Answers that go two levels beneath the proximate cause, each one level
/// beneath what it explains. (Three, counting the proximate cause as an
/// answer of its own, left leave-source-out on training originals at
/// 0.7699; two moved it to 0.7726, B2 0.673 -> 0.706.) Session 15, at
/// 2,263 of 2,892: a sentence whose explanations chain ("due to X, which
/// meant Y") counted as two answers, 2,260 (B2 .718 -> .705); a safeguard
/// of the team's missing or falling short ("our CI did not catch this")
/// as a step left undone, 2,262; the test split 733 both times. Not kept.
/// Session 16, at 2,270 (test split 734): a "since" that opens a clause as
/// a reason ("since not all parts are in backup"), 2,262 (test 736); a step
/// the team says it left out in its own voice ("we did not communicate the
/// migration"), 2,269 (B2 rules alone +3; test 735); a sentence put to the
/// reader ("if you don't have it, get it from our site") as no answer,
/// 2,265 (test 736); "nobody was notified" and "had to wait" as
/// explanations (why not caught or fixed sooner), 2,272 (test 733). Not
/// kept.
const MET_ANSWERS: usize = 2;

impl Criterion for FiveWhys {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        // Under a five-whys heading each paragraph or item is one answer,
        // however many sentences it takes.
        let mut last_block = None;
        let mut timeline_answered = false;
        let answered = answers_to_why_questions(doc);
        let pending = cause_pending(doc);
        let cause_only = single_why_heading(doc);
        // Explanations, steps left undone, five-whys statements, answers
        // to a why-question: `GUIDANCE.kinds`.
        let mut counts = [0; KINDS];
        let answers: Vec<_> = doc
            .sentences
            .iter()
            .zip(answered)
            .filter(|(s, _)| !matches!(doc.block_of(s).kind, BlockKind::Heading(_) | BlockKind::Code))
            .filter(|&(s, question)| {
                let (answer, undone) = answers_why(doc, s, question > 0, pending);
                let answer = match answer {
                    Answer::Explains => true,
                    // "## Why it broke" over the account of the cause answers
                    // its one why once, however many paragraphs it takes.
                    Answer::InAnalysis if cause_only[s.block] => {
                        last_block.replace((usize::MAX, 0)) != Some((usize::MAX, 0))
                    }
                    Answer::InAnalysis => last_block.replace((s.block, question)) != Some((s.block, question)),
                    Answer::InTimeline => {
                        counts[4] += 1;
                        !std::mem::replace(&mut timeline_answered, true)
                    }
                    Answer::No => false,
                };
                if answer {
                    let kind = if question > 0 {
                        3
                    } else if s.cues.has(Cue::Explanation) {
                        0
                    } else if undone {
                        1
                    } else {
                        2
                    };
                    counts[kind] += 1;
                }
                answer
            })
            .map(|(s, _)| s)
            .collect();
        let place = where_to_add(doc, &[Topic::Analysis, Topic::Cause], "right after that sentence");
        let finding = match answers.len() {
            0 => {
                let finding = Finding::missing("Only the proximate cause, if any.");
                match proximate_cause(doc).filter(|_| !pending) {
                    Some(s) => finding.suggesting(format!(
                        "You give the cause, {}, but nothing beneath it: ask why that happened, \
                         why it was not prevented, and why it was not caught sooner, {place} \
                         (\u{201c}The config was wrong because it was edited by hand, and staging did not catch it \
                         because it skips the login test.\u{201d}).",
                        quote(doc, s)
                    )),
                    None => finding,
                }
            }
            n if n >= MET_ANSWERS => Finding::met(format!("{n} answers go beneath the proximate cause."))
                .citing(answers.into_iter().take(4)),
            _ => {
                let suggestion = format!(
                    "You go one level beneath the cause, down to {}. Ask the next why: why was that so, \
                     and why was it not prevented or caught sooner? Add the answers {place}.",
                    quote(doc, answers[0])
                );
                Finding::partial("One level beneath the proximate cause.").citing(answers).suggesting(suggestion)
            }
        };
        finding.counting(counts)
    }
}

/// The first sentence that tells a cause ("a bad deploy broke logins",
/// "caused by a configuration error") outside the account of the response:
/// the why the next answer goes beneath.
fn proximate_cause<'d>(doc: &'d Document) -> Option<&'d Sentence> {
    doc.prose_sentences().find(|s| {
        !doc.words(s).ends_with('?')
            && !matches!(doc.topic(s), Topic::FollowUp | Topic::Resolution | Topic::Detection)
            && !s.cues.any(&[Cue::Investigating, Cue::Boilerplate])
            && [Cue::Causal, Cue::CauseWord, Cue::CauseClass, Cue::Consequence]
                .into_iter()
                .any(|cue| affirmed(doc, s, cue).next().is_some())
    })
}

enum Answer {
    /// Explains a cause or names a gap: one answer per sentence.
    Explains,
    /// Sits in a five-whys section without an explanation word.
    InAnalysis,
    /// Explains an event of the timeline: mostly why a step was taken
    /// ("we held off, because a reboot had made things worse"), so the
    /// timeline's explanations make one answer in all.
    InTimeline,
    No,
}

/// An explanation of a cause or a gap that let it happen, or any statement
/// in a five-whys section. Never a question or a template sentence, and
/// never an account of the impact ("versions before 1.26 are affected
/// because…", "no action is required due to this incident"): that explains
/// who was hit, not why it happened. A cause told under an impact heading
/// ("This is due to a flaw in the parser") still counts.
///
/// Also says whether a sentence without an explanation word tells a step
/// left undone, which the answer's kind needs: read once, here.
fn answers_why(doc: &Document, s: &Sentence, answers_question: bool, pending: bool) -> (Answer, bool) {
    let topic = doc.topic(s);
    let words = doc.words(s);
    if words.ends_with('?')
        || placeholder(&doc.text[s.src.clone()])
        || about_the_writing(words)
        || effect_of_the_cause(doc, s, words)
        || s.cues.any(&[Cue::Boilerplate, Cue::NotAffected])
        || (topic == Topic::Impact && s.cues.has(Cue::ImpactWord))
    {
        return (Answer::No, false);
    }
    let explains = s.cues.has(Cue::Explanation);
    let undone = !explains && s.left_undone;
    let answer = if (explains || undone) && !(pending && topic != Topic::Analysis && !answers_question) {
        if topic == Topic::Timeline && !answers_question { Answer::InTimeline } else { Answer::Explains }
    } else if (topic == Topic::Analysis || answers_question) && !words.ends_with(':') {
        Answer::InAnalysis
    } else {
        Answer::No
    };
    (answer, undone)
}

/// A template slot left unfilled ("**Contributing factors:** [list]",
/// "Root cause: TBD"): the label names an analysis, but nothing answers.
fn placeholder(text: &str) -> bool {
    // What follows the last colon, or all of it. The colon is looked for
    // by its byte (every sentence is asked): the byte search of `memchr`,
    // not the slower one behind `str::rsplit`.
    let rest = memchr::memrchr(b':', text.as_bytes()).map_or(text, |colon| &text[colon + 1..]);
    let rest = rest.trim_matches(|c: char| c == '*' || c == '_' || c == '.' || c.is_whitespace());
    (rest.starts_with('[') && rest.ends_with(']'))
        // Compared ignoring case rather than lowercased into a new String:
        // every sentence is asked.
        || ["tbd", "tba", "n/a", "todo", "none yet", "to be determined"].iter().any(|p| rest.eq_ignore_ascii_case(p))
}

/// A sentence that opens with a consequence ("As a result, the portal was
/// unavailable", "Consequently, users could not log in") and tells the
/// impact: it carries the stated cause forward to its effect, and goes no
/// deeper beneath it.
/// A sentence that also names a gap or a further cause ("As a result the
/// alert went to a dead list, so no one noticed") still answers a why.
fn effect_of_the_cause(doc: &Document, s: &Sentence, words: &str) -> bool {
    const OPENINGS: &[&str] = &["as a result", "consequently", "as a consequence", "this resulted in", "this led to"];
    // Every opening starts with "a", "c" or "t": one comparison turns
    // most sentences away before the five are made.
    matches!(words.as_bytes().first(), Some(b'a' | b'c' | b't'))
        && OPENINGS.iter().any(|o| words.starts_with(o))
        && s.cues.any(&[Cue::ImpactWord, Cue::Who, Cue::ImpactEffect])
        && doc.hits_in(s).iter().filter(|h| h.cue == Cue::Explanation).count() <= 1
        && !s.left_undone
}

/// A "because" about writing the text ("I'm writing this myself, because
/// you deserve to hear it from me"): why the author speaks, not why the
/// incident happened.
fn about_the_writing(words: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "i'm writing", "i am writing", "we're writing", "we are writing", "i'm sharing",
        "i am sharing", "we're sharing", "we are sharing", "we're publishing", "we are publishing",
        "i'm posting", "we're posting", "we are posting", "i wanted to write", "we wanted to write",
    ];
    // Every opening starts with "i" or "w": one comparison turns most
    // sentences away, where fifteen were made for every sentence.
    matches!(words.as_bytes().first(), Some(b'i' | b'w')) && OPENINGS.iter().any(|o| words.starts_with(o))
}

/// For each block, whether it sits under the text's only why-heading when
/// that heading is not a five-whys or contributing-factors one ("## Why it
/// broke", "## Why did this happen"): such a heading is the cause section,
/// not a chain of whys; a chain asks several.
fn single_why_heading(doc: &Document) -> Vec<bool> {
    const CHAIN: &[&str] = &["whys", "contributing", "root cause analysis", "factors"];
    let why = |i: usize| {
        let b = &doc.blocks[i];
        matches!(b.kind, BlockKind::Heading(_)) && b.topic == Topic::Analysis
    };
    let heading_text = |i: usize| doc.prose[doc.blocks[i].prose.clone()].to_string();
    let whys: Vec<usize> = (0..doc.blocks.len()).filter(|&i| why(i)).collect();
    let mut under = vec![false; doc.blocks.len()];
    if whys.len() != 1 {
        return under;
    }
    let h = whys[0];
    let text = heading_text(h);
    if CHAIN.iter().any(|c| text.contains(c)) {
        return under;
    }
    let level = |i: usize| match doc.blocks[i].kind {
        BlockKind::Heading(l) => Some(l),
        _ => None,
    };
    let top = level(h).unwrap_or(1);
    for (i, under_it) in under.iter_mut().enumerate().skip(h + 1) {
        if level(i).is_some_and(|l| l <= top) {
            break;
        }
        *under_it = true;
    }
    under
}

/// Whether the text's cause section says only that the cause is not
/// known yet ("## Root cause\n\nUnder investigation."): with no proximate
/// cause there is nothing beneath it, and a "because" elsewhere explains
/// something else (a decision in the timeline).
fn cause_pending(doc: &Document) -> bool {
    let mut in_cause = doc.prose_sentences().filter(|s| doc.topic(s) == Topic::Cause).peekable();
    in_cause.peek().is_some() && in_cause.all(|s| s.cues.any(&[Cue::Investigating, Cue::Deferral]))
}

/// For each sentence, which why-question asked in the prose it answers (0:
/// none), as a five-whys heading would: the rest of the question's
/// paragraph, up to the next question, or the next block when the question
/// ends its own, and the list a colon there opens ("Three things stacked
/// up:"). Each paragraph or item of an answer is one level.
fn answers_to_why_questions(doc: &Document) -> Vec<usize> {
    let sentences = &doc.sentences;
    let mut answered = vec![0; sentences.len()];
    let asks_why = |q: &Sentence| {
        let words = doc.words(q);
        // A question put to the reader ("Why did you get this email?") asks
        // about the notice, not the cause.
        words.ends_with('?')
            && ascii_words(words).any(|w| w == "why")
            && !q.cues.has(Cue::Reader)
            && !matches!(doc.block_of(q).kind, BlockKind::Heading(_) | BlockKind::Code)
    };
    for (i, q) in sentences.iter().enumerate() {
        if !asks_why(q) {
            continue;
        }
        let group = i + 1;
        let mut j = i + 1;
        // The rest of the paragraph, up to the next question.
        while j < sentences.len() && sentences[j].block == q.block && !doc.words(&sentences[j]).ends_with('?') {
            answered[j] = group;
            j += 1;
        }
        let mut block = q.block;
        if j == i + 1 {
            // The question ends its paragraph: the next block answers it.
            block = q.block + 1;
            if block >= doc.blocks.len() || matches!(doc.blocks[block].kind, BlockKind::Heading(_) | BlockKind::Code) {
                continue;
            }
            while j < sentences.len() && sentences[j].block == block {
                answered[j] = group;
                j += 1;
            }
        }
        // A colon that ends the answer opens a list of answers.
        if j > i + 1 && doc.words(&sentences[j - 1]).ends_with(':') {
            while j < sentences.len() && doc.block_of(&sentences[j]).kind == BlockKind::ListItem && sentences[j].block <= block + 1 {
                block = sentences[j].block;
                answered[j] = group;
                j += 1;
            }
        }
    }
    answered
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::B2, Verdict::*};

    #[test]
    fn one_why_is_quoted_and_the_next_why_asked() {
        let text = format!(
            "{OPENING}## Root cause\n\nWe deployed a change at 14:00 UTC. \
             Checkout broke because the connection pool of the payments service was set to 2.\n"
        );
        let advice = suggestion(B2, &text);
        assert!(advice.starts_with("You go one level beneath the cause, down to \u{201c}Checkout broke because"), "{advice}");
        assert!(advice.contains("Ask the next why"), "{advice}");
        assert!(advice.contains("under your \u{201c}Root cause\u{201d} heading"), "{advice}");
    }

    #[test]
    fn the_proximate_cause_alone_is_quoted() {
        let advice = suggestion(B2, "A bad deploy caused the login outage on Monday.");
        assert!(advice.starts_with("You give the cause, \u{201c}A bad deploy caused the login outage on Monday\u{201d}"), "{advice}");
    }

    #[test]
    fn no_cause_gets_the_general_advice() {
        assert_eq!(suggestion(B2, "Logins failed on Monday."), general(B2));
    }

    #[test]
    fn three_levels_meet_b2() {
        let text = "The deploy broke logins because the config was wrong. \
                    The config was wrong because it was edited by hand, which meant no review. \
                    It was not detected because staging does not run the login test.";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn a_single_why_it_broke_section_answers_its_why_once() {
        let text = "## Why it broke\n\nThe nightly job copies the ledger to the archive disk.\n\n\
                    Last week we moved the archive to a new mount.\n\nThe job kept writing to the old path.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn an_unfilled_contributing_factors_slot_is_no_answer() {
        assert_eq!(verdict(B2, "**Root cause:** Under investigation\n\n**Contributing factors:** [fill in]\n"), Missing);
    }

    #[test]
    fn a_because_about_writing_the_letter_is_no_answer() {
        assert_eq!(verdict(B2, "I'm writing to you myself because you should hear it from me. The app was down."), Missing);
    }

    #[test]
    fn the_effect_carried_forward_is_no_level_beneath() {
        let text = "The upgrade overran owing to the size of the archive. \
                    As a result, customers could not reach the portal until 07:00.";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn an_effect_that_names_a_detection_gap_still_answers() {
        let text = "The disk filled because logs were not rotated. The job was gone because it had been removed by hand. \
                    As a result, customers saw errors and no one noticed because no alert was configured.";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn two_levels_beneath_the_cause_meet_b2() {
        let text = "Logins broke because the config was wrong. The config was wrong because it was edited by hand.";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn one_because_is_partial() {
        assert_eq!(verdict(B2, "Logins broke because the config was edited by hand."), Partial);
    }

    #[test]
    fn a_gap_in_detection_is_an_answer() {
        assert_eq!(verdict(B2, "No alert was configured for disk usage."), Partial);
    }

    #[test]
    fn what_the_team_did_not_know_is_a_why_not_prevented() {
        let text = "Logins broke because the loader read the wrong file. \
                    It was unclear to us that the loader reads the system file first.";
        assert_eq!(verdict(B2, text), Met);
        let text = "Logins broke because the loader read the wrong file. \
                    We knew that the loader reads the system file first.";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn questions_are_not_answers() {
        assert_eq!(verdict(B2, "Why did this outage start in the first place?"), Missing);
    }

    #[test]
    fn a_contributing_factors_heading_with_one_answer_is_partial() {
        assert_eq!(verdict(B2, "## Contributing factors\n\nThe runbook was out of date.\n"), Partial);
        let text = "## Contributing factors\n\nThe runbook was out of date. Nobody had read it in a year. It lived in a wiki.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn three_contributing_factors_meet_b2() {
        let text = "## Contributing factors\n\n- The runbook was out of date.\n- The alert went to one person.\n- Staging skips the login test.\n";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn a_cause_that_made_the_outage_is_only_the_proximate_cause() {
        let text = "An unannounced DNS change made our mail server go incognito. \
                    Our provider experienced a failure that prevented our servers from reaching the world.";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn explaining_the_impact_is_not_a_why() {
        let text = "## Affected versions\n\nRust 1.25 is affected because Cargo ignores the key.\n\n\
                    ## Summary\n\nNo action is required by users due to this incident.\n";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn a_cause_under_an_impact_heading_is_a_why() {
        let text = "## What was impacted\n\nThis is due to a flaw in the parser.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn a_counterfactual_is_a_why_not_prevented() {
        assert_eq!(verdict(B2, "The alert went to one person, so it could have been noticed earlier."), Partial);
    }

    #[test]
    fn answers_to_why_questions_in_the_prose_are_levels() {
        let text = "The nightly export stopped. Why did the export stop? Its cron entry was lost in the move. \
                    Why did nobody see it? The failure mail went to a list nobody reads.\n\n\
                    Why was the entry lost? Two things:\n\n- The new host was built by hand.\n- The crontab was not in the repo.\n";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn a_readers_question_is_not_a_why_of_the_incident() {
        let text = "Why did you get this email? It goes to everyone with an account. \
                    Why are you hearing this now? We wanted the notice out before the weekend.";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn a_why_question_left_unanswered_is_no_level() {
        assert_eq!(verdict(B2, "## Open questions\n\n- Why did the queue back up?\n- Who owns the alert?\n"), Missing);
    }

    #[test]
    fn no_level_lies_beneath_a_cause_still_under_investigation() {
        let text = "## Timeline\n\n- 10:05 We held off on a reboot, because a reboot had made things worse before.\n\n\
                    ## Root cause\n\nStill under investigation.\n";
        assert_eq!(verdict(B2, text), Missing);
    }

    #[test]
    fn a_step_left_undone_is_a_why_not_prevented() {
        let text = "## Root cause\n\nThe pool was too small for the new load. \
                    Its size had been copied from a test cluster and had never been reviewed.\n";
        assert_eq!(verdict(B2, text), Partial);
    }

    #[test]
    fn the_explanations_of_a_timeline_make_one_answer() {
        let text = "## Timeline\n\n- 10:05 We held off on a reboot because a reboot had made things worse.\n\
                    - 10:20 We failed over because the primary was slow.\n- 10:30 We paged the vendor because the disk was theirs.\n";
        assert_eq!(verdict(B2, text), Partial);
        let text = "## Root cause\n\nThe primary was slow because its disk was full. The disk was full because logs \
                    were not rotated. Nobody noticed because no alert was configured.\n";
        assert_eq!(verdict(B2, text), Met);
    }

    #[test]
    fn the_rule_counts_its_answers_by_kind() {
        let text = "The deploy broke logins because the config was wrong. The config had never been reviewed. \
                    Why did nobody see it? The alert went to an old list.\n\n## Contributing factors\n\nThe runbook was old.\n";
        let finding = crate::engine::CRITERIA[B2 as usize].review(&crate::engine::Document::parse(text));
        // Explanations, steps left undone, five-whys statements, answers to a why-question.
        assert_eq!(finding.counts, [1, 1, 1, 1, 0]);
        let timeline = "## Timeline\n\n- 10:00 We held off, because a reboot had made things worse.\n\
                        - 10:05 We restarted the queue because it kept growing.\n";
        let finding = crate::engine::CRITERIA[B2 as usize].review(&crate::engine::Document::parse(timeline));
        // The timeline's explanations make one answer, and are counted apart.
        assert_eq!(finding.counts, [1, 0, 0, 0, 2]);
    }

    #[test]
    fn proximate_cause_only_is_missing() {
        assert_eq!(verdict(B2, "A bad deploy broke logins."), Missing);
    }
}
