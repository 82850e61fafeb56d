//! One module per criterion, each with its documentation and its tests.
//! The registry in `criterion.rs` lists them in tier order.

pub mod p1_admit_failure;
pub mod p2_sound_human;
pub mod p3_communication_channel;
pub mod p4_authentic;
pub mod r1_start_and_end;
pub mod r2_impact;
pub mod r3_what_went_wrong;
pub mod r4_lessons_learned;
pub mod b1_technology_details;
pub mod b2_five_whys;
pub mod b3_human_elements;
pub mod b4_lessons_for_others;

/// The words of a text as its runs of ASCII letters and digits, in order:
/// what `text.split(|c: char| !c.is_ascii_alphanumeric())` gives without
/// its empty pieces, the split the rules use to read a phrase's words.
/// Read byte by byte: a character beyond ASCII separates words, and so
/// does every byte of it, so no character is decoded.
pub fn ascii_words(text: &str) -> AsciiWords<'_> {
    AsciiWords { text, at: 0 }
}

/// Which bytes are ASCII letters and digits: one load a byte, where the
/// range tests of `u8::is_ascii_alphanumeric` in a `position` loop made the
/// walk slower than the standard library's split it replaces.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    table
};

/// [`ascii_words`]: the words of `text` from byte `at` on.
#[derive(Clone)]
pub struct AsciiWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for AsciiWords<'t> {
    type Item = &'t str;

    // Always inlined: most callers read one to five words, and the call
    // would cost as much as the walk.
    #[inline(always)]
    fn next(&mut self) -> Option<&'t str> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        while i < b.len() && !ASCII_ALPHANUMERIC[b[i] as usize] {
            i += 1;
        }
        let start = i;
        while i < b.len() && ASCII_ALPHANUMERIC[b[i] as usize] {
            i += 1;
        }
        self.at = i;
        self.text.get(start..i).filter(|w| !w.is_empty())
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::engine::{CriterionId, Document, Verdict, CRITERIA};

    /// The verdict a criterion's rule reads in a text: the signal the
    /// learned model weighs (the model's own tests are in `model.rs` and
    /// the corpus tests).
    pub fn verdict(id: CriterionId, text: &str) -> Verdict {
        CRITERIA[id as usize].review(&Document::parse(text)).verdict
    }

    /// The suggestion the engine gives a criterion not met in a text: the
    /// rule's words about it where the model agrees, else the general
    /// advice. Panics when the criterion is met: the test's text is wrong.
    pub fn suggestion(id: CriterionId, text: &str) -> String {
        let review = crate::engine::review(text);
        let c = review.get(id);
        c.suggestion.clone().unwrap_or_else(|| panic!("{id} is met in {text:?}"))
    }

    /// What the rule alone would suggest for a text: its words about the
    /// text, shown only where the model reaches the same verdict.
    pub fn rule_suggestion(id: CriterionId, text: &str) -> Option<String> {
        CRITERIA[id as usize].review(&Document::parse(text)).suggestion
    }

    /// A postmortem's opening that tells the impact plainly, so that a
    /// test's few sentences about one criterion read as part of a whole.
    pub const OPENING: &str = "# Checkout outage on 3 March\n\nOn 3 March, from 14:02 to 14:49 UTC, 38% of checkout \
                               requests failed for customers in the EU; the US store was not affected.\n\n";

    /// The general advice for a criterion, the same for every text.
    pub fn general(id: CriterionId) -> String {
        crate::engine::suggestion(id)
    }

    #[test]
    fn ascii_words_are_the_split_at_everything_but_ascii_letters_and_digits() {
        for text in ["", "  ", "we've added 2 alerts", "-- i.e. caf\u{e9} na\u{ef}ve 日本 x", "end.", "a", "\u{2019}s up\u{2019}"] {
            let split: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::ascii_words(text).collect::<Vec<_>>(), split, "{text:?}");
        }
    }
}
