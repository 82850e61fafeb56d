//! # P2: Sound like a human
//!
//! **What it checks.** Whether people write to people: someone speaking as
//! "we" or "I", plain words, a voice. A "we" that sits only inside
//! boilerplate ("we apologize for any inconvenience") does not count, nor
//! does a possessive alone ("our nodes were drained"): an owner named in
//! passing is not a person talking. Third-person prose with no first person
//! is missing however plain.
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
use crate::engine::document::Document;
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{in_attributed_quote, is_passive, speaks_in_person};

pub struct SoundHuman;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P2,
    name: "Sound like a human",
    advice: "Write in the first person, as the people who were there: say what you saw and did, in plain words.",
    example: "We pushed the change at 10:02, saw errors climb a minute later, and rolled it back.",
    skeleton: "## What happened\n\nWe <what you saw and did, in your own words>.\n",
};

/// Voiced sentences that make a voice, however long the text: a few
/// people-talking passages are enough for a timeline-heavy report...
const MET_COUNT: usize = 3;
/// ...as long as they are not lost in it: below this share of the prose the
/// voice is an aside in an impersonal document.
const MET_MIN_SHARE: f32 = 0.05;
/// In a short text, two voiced sentences carry it when they are this large
/// a share of the prose.
const MET_SHORT_SHARE: f32 = 0.2;

impl Criterion for SoundHuman {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut voiced = Vec::new();
        let mut total = 0usize;
        let mut passive = 0usize;
        for s in doc.prose_sentences() {
            total += 1;
            if is_passive(doc.words(s)) {
                passive += 1;
            }
            let boilerplate = s.cues.any(&[Cue::Boilerplate, Cue::NonApology, Cue::Marketing]);
            // A quotation given to a named speaker (`"We are proud of our
            // teams," said the CEO`) is a statement handed to the text, not
            // its own voice, like a `>` quote.
            let quoted = doc.block_of(s).quoted || in_attributed_quote(doc, s);
            if speaks_in_person(doc, s) && !boilerplate && !quoted {
                voiced.push(s);
            }
        }
        if voiced.is_empty() {
            return Finding::missing("No plain first-person passage: the text is impersonal throughout.");
        }
        let share = voiced.len() as f32 / total.max(1) as f32;
        let reason = format!(
            "{} of {} sentences speak in the first person; {} use the passive voice.",
            voiced.len(),
            total,
            passive
        );
        let cited: Vec<_> = voiced.iter().copied().take(4).collect();
        let voice = (voiced.len() >= MET_COUNT && share >= MET_MIN_SHARE)
            || (voiced.len() >= 2 && share >= MET_SHORT_SHARE);
        if voice {
            Finding::met(reason).citing(cited)
        } else {
            Finding::partial(reason).citing(cited)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::P2, Verdict::*};

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
        text.push_str(&"Pods were restarted. ".repeat(30));
        assert_eq!(verdict(P2, &text), Met);
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
    fn the_country_written_in_capitals_is_not_a_voice() {
        let text = "Checkout in the US and EU regions failed for 20 minutes. Orders were queued and replayed.";
        assert_eq!(verdict(P2, text), Missing);
    }
}
