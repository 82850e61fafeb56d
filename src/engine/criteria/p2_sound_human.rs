//! # P2: Sound like a human
//!
//! **What it checks.** Whether people write to people: someone speaking as
//! "we" or "I", plain words, a voice. A "we" that sits only inside
//! boilerplate ("we apologize for any inconvenience") does not count, nor
//! does a possessive alone ("our nodes were drained"): an owner named in
//! passing is not a person talking, nor a "we" inside a quotation given to
//! a named speaker (`"We are proud of our teams," said the CEO`). One
//! first-person paragraph inside otherwise impersonal prose is one passage:
//! partial. Third-person prose with no first person is missing however
//! plain.
//!
//! **Why.** A postmortem that reads like a press release tells readers the
//! company is managing them, not talking to them.
//!
//! **Passes:** "We pushed a bad config at 10:02 and I didn't catch it in
//! review. We rolled it back at 10:20."
//!
//! **Partial:** one or two "we" sentences in a long impersonal timeline.
//!
//! **Fails:** "An issue was identified that impacted a subset of users."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{Document, Sentence};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{attributed_quotations, in_attributed_quote, is_passive, speaks_in_person};
use crate::engine::suggest::quote;

pub struct SoundHuman;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P2,
    name: "Sound like a human",
    advice: "Write in the first person, as the people who were there: say what you saw and did, in plain words.",
    example: "We pushed the change at 10:02, saw errors climb a minute later, and rolled it back.",
    levels: ["Impersonal, passive or press-release prose with no voice of its own.", "Some plain first-person passages among passive or boilerplate prose.", "Written by people to people: first person, plain words, a voice."],
    skeleton: "## What happened\n\nWe <what you saw and did, in your own words>.\n",
    kinds: &[],
};

/// Voiced sentences that make a voice, however long the text: a few
/// people-talking passages are enough for a timeline-heavy report...
const MET_COUNT: usize = 3;
/// ...as long as they are not lost in it: below this share of the prose the
/// voice is an aside in an impersonal document.
const MET_MIN_SHARE: f32 = 0.12;
/// In a short text, two voiced sentences carry it when they are this large
/// a share of the prose.
const MET_SHORT_SHARE: f32 = 0.2;

/// Whether the sentence has a first-person word ("we", "our") that is not
/// part of a name ("us-east-1") or an abbreviation ("i.e."), nor the
/// country written in capitals ("US").
fn says_we_or_our(doc: &Document, s: &Sentence) -> bool {
    doc.hits_in(s).iter().any(|h| {
        let after = &doc.prose.as_bytes()[h.prose.end..];
        let joined = after.first() == Some(&b'-')
            || (after.first() == Some(&b'.') && after.get(1).is_some_and(|c| c.is_ascii_alphanumeric()));
        h.cue == Cue::FirstPerson
            && h.prose.end <= s.prose.end
            && !joined
            && &doc.text[doc.src_range(h.prose.clone())] != "US"
    })
}

impl Criterion for SoundHuman {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut voiced = Vec::new();
        let mut total = 0usize;
        let mut passive = 0usize;
        // The first sentence told in the passive, outside any stock phrase:
        // the one to show the author rewritten in their own voice.
        let mut first_passive = None;
        let quotations = attributed_quotations(doc);
        for s in doc.prose_sentences() {
            total += 1;
            let boilerplate = s.cues.any(&[Cue::Boilerplate, Cue::NonApology, Cue::Marketing]);
            let speaks = speaks_in_person(doc, s);
            if is_passive(doc.words(s)) {
                passive += 1;
                if first_passive.is_none() && !boilerplate && !doc.block_of(s).quoted && !speaks {
                    first_passive = Some(s);
                }
            }
            // A quotation given to a named speaker (`"We are proud of our
            // teams," said the CEO`) is a statement handed to the text, not
            // its own voice, like a `>` quote.
            if speaks && !boilerplate && !doc.block_of(s).quoted && !in_attributed_quote(&quotations, s) {
                voiced.push(s);
            }
        }
        let rewrite = |opening: String| {
            first_passive.map(|s| {
                format!(
                    "{opening}, like {}. Tell it as the people who were there, in the \u{201c}we\u{201d} voice: \
                     who saw what and who did what (\u{201c}We rolled the change back at 10:20.\u{201d}).",
                    quote(doc, s)
                )
            })
        };
        if voiced.is_empty() {
            let finding = Finding::missing("No plain first-person passage: the text is impersonal throughout.");
            return match rewrite("Your text is impersonal throughout".to_string()) {
                Some(suggestion) => finding.suggesting(suggestion),
                None => finding,
            };
        }
        let share = voiced.len() as f32 / total.max(1) as f32;
        // "1 of 6 sentences speaks", "2 of 6 sentences speak".
        let verb = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        let reason = format!(
            "{} of {} sentences {} in the first person; {} {} the passive voice.",
            voiced.len(),
            total,
            verb(voiced.len(), "speaks", "speak"),
            passive,
            verb(passive, "uses", "use")
        );
        let cited: Vec<_> = voiced.iter().copied().take(4).collect();
        // Every voiced sentence in one paragraph of a longer text whose other
        // prose never says "we" or "our": that is one plain first-person
        // passage beside impersonal prose, the rubric's partial, however
        // many sentences the passage has. Plain prose about "our servers"
        // around it is the same voice.
        let block = voiced[0].block;
        let in_block = doc.prose_sentences().filter(|s| s.block == block).count();
        let impersonal_around = !doc
            .prose_sentences()
            .any(|s| s.block != block && says_we_or_our(doc, s) && !doc.block_of(s).quoted);
        let one_passage = voiced.iter().all(|s| s.block == block) && in_block * 2 < total && impersonal_around;
        let voice = ((voiced.len() >= MET_COUNT && share >= MET_MIN_SHARE)
            || (voiced.len() >= 2 && share >= MET_SHORT_SHARE))
            && !one_passage;
        if voice {
            return Finding::met(reason).citing(cited);
        }
        let finding = Finding::partial(reason).citing(cited);
        let opening = format!(
            "Only {} of {total} sentences {} as \u{201c}we\u{201d} or \u{201c}I\u{201d}; the rest is impersonal",
            voiced.len(),
            verb(voiced.len(), "speaks", "speak")
        );
        match rewrite(opening) {
            Some(suggestion) => finding.suggesting(suggestion),
            None => finding,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict};
    use crate::engine::{CriterionId::P2, Verdict::*};

    #[test]
    fn a_passive_sentence_is_quoted_to_be_told_in_the_we_voice() {
        let text = "The cluster was upgraded at 10:00. Nodes were drained. Pods were rescheduled. \
                    Alerts were raised. Logs were collected. We noticed the errors quickly.";
        let advice = suggestion(P2, text);
        assert!(advice.starts_with("Only 1 of 6 sentences speaks as"), "{advice}");
        assert!(advice.contains("\u{201c}The cluster was upgraded at 10:00\u{201d}"), "{advice}");
    }

    #[test]
    fn an_impersonal_text_without_the_passive_gets_the_general_advice() {
        assert_eq!(suggestion(P2, "Some of our nodes became unreachable. The pods moved to other modules."), general(P2));
    }

    #[test]
    fn first_person_narrative_meets_p2() {
        let text = "We pushed a bad config at 10:02 and I didn't catch it in review. We rolled it back at 10:20.";
        assert_eq!(verdict(P2, text), Met);
    }

    #[test]
    fn press_release_voice_is_missing() {
        assert_eq!(verdict(P2, "An issue was identified that impacted a subset of users."), Missing);
    }

    #[test]
    fn boilerplate_we_does_not_count() {
        let text = "An issue was identified. Service was restored. We apologize for any inconvenience.";
        assert_eq!(verdict(P2, text), Missing);
    }

    #[test]
    fn one_plain_passage_among_impersonal_prose_is_partial() {
        let text = "The cluster was upgraded. Nodes were drained. Pods were rescheduled. \
                    Alerts were raised. Logs were collected. We noticed the errors quickly.";
        assert_eq!(verdict(P2, text), Partial);
    }

    #[test]
    fn a_possessive_alone_is_not_a_voice() {
        let text = "Some of our nodes became unreachable. Pods were rescheduled within our modules.";
        assert_eq!(verdict(P2, text), Missing);
    }

    #[test]
    fn the_abbreviation_i_e_is_not_a_speaker() {
        assert_eq!(verdict(P2, "The fix was an inline edit, i.e. reverting the faulty change."), Missing);
    }

    #[test]
    fn a_few_voiced_passages_in_a_long_timeline_meet_p2() {
        let mut text = String::from("We saw errors at 10:02. We rolled back. I checked the logs. ");
        text.push_str(&"Pods were restarted. ".repeat(20));
        assert_eq!(verdict(P2, &text), Met);
    }

    #[test]
    fn three_voiced_sentences_in_a_long_impersonal_report_are_an_aside() {
        let mut text = String::from("We saw errors at 10:02. We rolled back. I checked the logs. ");
        text.push_str(&"Pods were restarted. ".repeat(30));
        assert_eq!(verdict(P2, &text), Partial);
    }

    #[test]
    fn two_voiced_sentences_lost_in_a_long_report_are_partial() {
        let mut text = String::from("We saw errors at 10:02. We rolled back. ");
        text.push_str(&"Pods were restarted. ".repeat(30));
        assert_eq!(verdict(P2, &text), Partial);
    }

    #[test]
    fn a_we_inside_an_attributed_statement_is_not_the_texts_voice() {
        let text = "The portal was offline for six hours. Access was restored by the vendor. \
                    \"We value every member and thank them for bearing with us,\" said the head of operations.";
        assert_eq!(verdict(P2, text), Missing);
        let text = "I opened the dashboard and saw \"it's all red\" in the channel. We rolled back at once.";
        assert_eq!(verdict(P2, text), Met);
    }

    #[test]
    fn one_first_person_paragraph_in_an_impersonal_report_is_partial() {
        let mut text = String::from("The gateway was upgraded. Requests were rejected. The cache was flushed.\n\n");
        text.push_str("We rushed this upgrade. We skipped the canary. We are sorry.\n\n");
        text.push_str("The upgrade was reverted. Traffic was restored. The incident was closed.\n");
        assert_eq!(verdict(P2, &text), Partial);
        let text = "We rushed this upgrade. We skipped the canary. We are sorry.\n\nThe upgrade was reverted.\n";
        assert_eq!(verdict(P2, text), Met);
        let text = "Our gateway was upgraded. Our cache was flushed. Requests to our API failed.\n\n\
                    We rushed this upgrade. We skipped the canary. We are sorry.\n";
        assert_eq!(verdict(P2, text), Met);
        let text = "The gateway in us-east-1 was upgraded. The cache was flushed. Requests failed. \
                    Alerts fired. The upgrade was reverted.\n\n\
                    We rushed this upgrade. We skipped the canary. We are sorry.\n";
        assert_eq!(verdict(P2, text), Partial);
    }

    #[test]
    fn the_country_written_in_capitals_is_not_a_voice() {
        let text = "Checkout in the US and EU regions failed for 20 minutes. Orders were queued and replayed.";
        assert_eq!(verdict(P2, text), Missing);
    }
}
