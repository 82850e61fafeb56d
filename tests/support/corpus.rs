//! The labelled corpus in `corpus/` (see `postmortem_reviewer::corpus`), as
//! the tests and benchmarks read it.

pub use postmortem_reviewer::corpus::Case;
use postmortem_reviewer::corpus::Corpus;

/// Every labelled document of the corpus.
pub fn load() -> Vec<Case> {
    Corpus::load().unwrap_or_else(|e| panic!("{e}")).cases
}

/// The reference case of the rubric: Zendesk's 2010 quick postmortem.
#[allow(dead_code)] // not every test target needs it
pub fn reference_case() -> Case {
    load().into_iter().find(|c| c.id == "zendesk-2010-quick").expect("the reference case is in the corpus")
}
