//! The `Criterion` trait and the registry of all twelve, in tier order.
//! Adding a criterion is one module under `criteria/` plus one line here.

use super::criteria::*;
use super::document::{Document, Sentence};
use super::report::{CriterionId, Verdict};
use std::borrow::Cow;
use std::ops::Range;

/// What a criterion tells the author, written once per criterion.
pub struct Guidance {
    pub id: CriterionId,
    /// Short name, as the framework words it.
    pub name: &'static str,
    /// What to add when the criterion is missing or partial.
    pub advice: &'static str,
    /// An example sentence that would meet it.
    pub example: &'static str,
    /// What missing, partial and met mean for this criterion, in a
    /// sentence each: the reason given when the learned decision and the
    /// rule's own reading differ.
    pub levels: [&'static str; 3],
    /// A Markdown section the UI can insert for the author to fill in.
    pub skeleton: &'static str,
    /// The kinds of passage the rule counts for the learned model (at most
    /// [`KINDS`]; none for a rule that counts one thing).
    pub kinds: &'static [&'static str],
}

/// How many kinds of passage a rule may count for the learned model.
pub const KINDS: usize = 5;

/// What one criterion concluded about one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub verdict: Verdict,
    /// Byte ranges of the original text.
    pub evidence: Vec<Range<usize>>,
    pub reason: String,
    /// What to add, said about this text: what the rule found, quoted,
    /// what is missing from it and where to add it. `None` when the
    /// general advice is all the rule can say. Shown only when the learned
    /// verdict agrees with the rule's, so the words quoted never argue
    /// against the verdict beside them.
    pub suggestion: Option<String>,
    /// Whether the suggestion closes with the criterion's example for the
    /// text ([`Criterion::example`]), in parentheses: the example is then
    /// made only if the suggestion is shown.
    pub example_closes_suggestion: bool,
    /// How many passages of each kind the rule counted, in the order its
    /// [`Guidance::kinds`] names them (zero past those): where a verdict is a
    /// threshold over counts of several kinds, the counts let the learned
    /// model draw its own line between them.
    pub counts: [usize; KINDS],
}

impl Finding {
    pub fn new(verdict: Verdict, reason: impl Into<String>) -> Self {
        Finding {
            verdict,
            evidence: Vec::new(),
            reason: reason.into(),
            suggestion: None,
            example_closes_suggestion: false,
            counts: [0; KINDS],
        }
    }

    pub fn met(reason: impl Into<String>) -> Self {
        Self::new(Verdict::Met, reason)
    }

    pub fn partial(reason: impl Into<String>) -> Self {
        Self::new(Verdict::Partial, reason)
    }

    pub fn missing(reason: impl Into<String>) -> Self {
        Self::new(Verdict::Missing, reason)
    }

    /// Cites sentences as evidence.
    pub fn citing<'a>(mut self, sentences: impl IntoIterator<Item = &'a Sentence>) -> Self {
        self.evidence
            .extend(sentences.into_iter().map(|s| s.src.clone()));
        self
    }

    /// Says what to add to this text (see [`Finding::suggestion`]).
    pub fn suggesting(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// [`Finding::suggesting`], closed by the criterion's example for the
    /// text (see [`Finding::example_closes_suggestion`]).
    pub fn suggesting_before_example(mut self, suggestion: impl Into<String>) -> Self {
        self.example_closes_suggestion = true;
        self.suggesting(suggestion)
    }

    /// Says how many passages of each kind the rule counted (see
    /// [`Finding::counts`]).
    pub fn counting(mut self, counts: [usize; KINDS]) -> Self {
        self.counts = counts;
        self
    }

    /// Cites byte ranges of the original text as evidence.
    pub fn citing_ranges(mut self, ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        self.evidence.extend(ranges);
        self
    }
}

pub trait Criterion: Sync {
    fn guidance(&self) -> &'static Guidance;
    fn review(&self, doc: &Document) -> Finding;

    /// The example sentence the advice gives for `doc`: the guidance's own,
    /// unless the criterion addresses it to the text (B4's advice for other
    /// teams names the technology the text names). Asked only when advice
    /// that gives it is shown.
    fn example(&self, doc: &Document) -> Cow<'static, str> {
        let _ = doc;
        Cow::Borrowed(self.guidance().example)
    }
}

/// All twelve criteria, P1 to B4.
pub static CRITERIA: [&dyn Criterion; 12] = [
    &p1_admit_failure::AdmitFailure,
    &p2_sound_human::SoundHuman,
    &p3_communication_channel::CommunicationChannel,
    &p4_authentic::Authentic,
    &r1_start_and_end::StartAndEnd,
    &r2_impact::Impact,
    &r3_what_went_wrong::WhatWentWrong,
    &r4_lessons_learned::LessonsLearned,
    &b1_technology_details::TechnologyDetails,
    &b2_five_whys::FiveWhys,
    &b3_human_elements::HumanElements,
    &b4_lessons_for_others::LessonsForOthers,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_in_tier_order() {
        let ids: Vec<CriterionId> = CRITERIA.iter().map(|c| c.guidance().id).collect();
        assert_eq!(ids, CriterionId::ALL);
    }
}
