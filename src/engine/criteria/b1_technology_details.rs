//! # B1: Details on the technologies involved
//!
//! **What it checks.** Whether a practitioner could follow the technical
//! story: named systems and how they interact, configuration, versions,
//! commands, queries, metrics. Specific systems with a loose account of how
//! they failed is partial; technology named only in passing ("our database",
//! "a DNS change") or only to describe the impact (HTTP status codes) is
//! missing.
//!
//! **Why.** Technical readers trust what they can verify, and learn from it.
//!
//! **Passes:** "The nginx ingress (Helm chart v1.35) dropped TLS 1.0, so
//! IE11 clients failed the handshake."
//!
//! **Fails:** "A DNS change made our mail server unreachable."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{BlockKind, Document};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;

pub struct TechnologyDetails;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B1,
    name: "Details on the technologies involved",
    advice: "Name the systems involved and how they interacted, with the versions, settings, commands or metrics a practitioner would want.",
    example: "The nginx ingress (Helm chart v1.35) dropped TLS 1.0, so IE11 clients failed the handshake.",
    skeleton: "## Technical details\n\n<System> (version <x>) <what it did>, which made <other system> <fail how>. The setting involved was `<config>`.\n",
};

impl Criterion for TechnologyDetails {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let code_blocks: Vec<_> = doc
            .sentences
            .iter()
            .filter(|s| doc.block_of(s).kind == BlockKind::Code)
            .collect();
        let detailed: Vec<_> = doc
            .prose_sentences()
            .filter(|s| s.cues.has(Cue::Technology) && s.cues.has(Cue::TechDetail))
            .collect();
        let named: Vec<_> = doc
            .prose_sentences()
            .filter(|s| s.cues.has(Cue::Technology))
            .collect();
        let score = detailed.len() + code_blocks.len().min(3) * 2;
        if score >= 4 {
            return Finding::met(format!("{} sentences give technical detail.", detailed.len()))
                .citing(detailed.into_iter().chain(code_blocks).take(5));
        }
        if score >= 2 || named.len() >= 3 {
            return Finding::partial("Systems are named, but with little detail on how they failed.")
                .citing(detailed.into_iter().chain(named).take(3));
        }
        Finding::missing("No technical detail: technology is named only in passing, if at all.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::B1, Verdict::*};

    #[test]
    fn detailed_systems_meet_b1() {
        let text = "The nginx ingress (Helm chart v1.35) dropped TLS 1.0 config support. \
                    IE11 clients then failed the TLS handshake with a timeout. \
                    We changed the ssl-protocols setting in the ingress config map. \
                    The Kubernetes cluster version was 1.16 and its node memory limit was 2GB.";
        assert_eq!(verdict(B1, text), Met);
    }

    #[test]
    fn technology_in_passing_is_missing() {
        assert_eq!(verdict(B1, "A DNS change made our mail server unreachable."), Missing);
    }
}
