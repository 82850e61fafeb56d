//! What the person takes away: their own verdicts where they overrule the
//! engine, and the review written out as a Markdown report.

use crate::engine::{CriterionId, CriterionReview, Review, Tier, TierCounts, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A verdict set by hand, replacing the engine's, with the reviewer's note
/// on why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub verdict: Verdict,
    pub note: String,
}

/// At most one override per criterion.
pub type Overrides = BTreeMap<CriterionId, Override>;

/// The verdict that counts: the override if there is one, else the engine's.
pub fn effective_verdict(criterion: &CriterionReview, overrides: &Overrides) -> Verdict {
    overrides
        .get(&criterion.id)
        .map_or(criterion.verdict, |o| o.verdict)
}

/// Met, partial and missing per tier, counting effective verdicts.
pub fn tier_counts(review: &Review, overrides: &Overrides) -> Vec<TierCounts> {
    Tier::ALL
        .into_iter()
        .map(|tier| {
            let count = |v: Verdict| {
                review
                    .criteria
                    .iter()
                    .filter(|c| c.tier == tier && effective_verdict(c, overrides) == v)
                    .count()
            };
            TierCounts {
                tier,
                met: count(Verdict::Met),
                partial: count(Verdict::Partial),
                missing: count(Verdict::Missing),
            }
        })
        .collect()
}

/// The symbol shown with a verdict, so it never rests on colour alone.
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "✓",
        Verdict::Partial => "◐",
        Verdict::Missing => "✗",
    }
}

/// The review as a Markdown report: summary, tier counts, then each
/// criterion with its verdict, reason, quoted evidence and what to add.
pub fn markdown(review: &Review, overrides: &Overrides) -> String {
    let mut out = String::from("# Postmortem review\n\n");
    out.push_str(&review.summary);
    out.push_str("\n\n| Tier | Met | Partial | Missing |\n|---|---|---|---|\n");
    for t in tier_counts(review, overrides) {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            t.tier.name(),
            t.met,
            t.partial,
            t.missing
        ));
    }
    if !overrides.is_empty() {
        out.push_str("\nCounts include verdicts set by hand, marked *overridden* below.\n");
    }
    for tier in Tier::ALL {
        out.push_str(&format!("\n## {}\n", tier.name()));
        for c in review.criteria.iter().filter(|c| c.tier == tier) {
            write_criterion(&mut out, c, overrides.get(&c.id));
        }
    }
    out
}

fn write_criterion(out: &mut String, c: &CriterionReview, manual: Option<&Override>) {
    let verdict = manual.map_or(c.verdict, |o| o.verdict);
    out.push_str(&format!(
        "\n### {} {} {}: {}\n\n",
        verdict_icon(verdict),
        c.id,
        c.name,
        verdict
    ));
    if let Some(o) = manual {
        out.push_str(&format!("*Overridden* (the review said {}).", c.verdict));
        if !o.note.trim().is_empty() {
            out.push_str(&format!(" Note: {}", one_line(&o.note)));
        }
        out.push_str("\n\n");
    }
    out.push_str(&one_line(&c.reason));
    out.push_str("\n\n");
    if !c.evidence.is_empty() {
        out.push_str("Evidence:\n\n");
        for e in &c.evidence {
            out.push_str(&quote(&e.text));
            out.push('\n');
        }
    }
    if verdict != Verdict::Met {
        if let Some(s) = &c.suggestion {
            out.push_str(&format!("**To add:** {}\n\n", one_line(s)));
        }
    }
}

/// A passage as a Markdown blockquote, one `>` per line, so line breaks in
/// the passage cannot end the quote.
fn quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {}\n", line.trim_end()))
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::review;

    #[test]
    fn effective_verdicts_and_counts_follow_overrides() {
        let r = review("");
        let mut overrides = Overrides::new();
        overrides.insert(
            CriterionId::R1,
            Override {
                verdict: Verdict::Met,
                note: "Times are in the linked timeline.".into(),
            },
        );
        assert_eq!(effective_verdict(r.get(CriterionId::R1), &overrides), Verdict::Met);
        assert_eq!(effective_verdict(r.get(CriterionId::R2), &overrides), Verdict::Missing);
        let counts = tier_counts(&r, &overrides);
        assert_eq!((counts[1].met, counts[1].missing), (1, 3));
        assert_eq!((counts[0].met, counts[0].missing), (0, 4));
    }

    #[test]
    fn markdown_has_summary_counts_and_every_criterion() {
        let r = review("We are sorry. Our deploy at 10:00 UTC broke logins until 11:30 UTC.");
        let md = markdown(&r, &Overrides::new());
        assert!(md.starts_with("# Postmortem review\n\n"));
        assert!(md.contains(&r.summary));
        assert!(md.contains("| Prerequisites |"));
        for c in &r.criteria {
            assert!(md.contains(&format!(" {} {}: ", c.id, c.name)), "{}", c.id);
        }
        assert!(!md.contains("*Overridden*"));
    }

    #[test]
    fn markdown_marks_overrides_with_their_note() {
        let r = review("");
        let mut overrides = Overrides::new();
        overrides.insert(
            CriterionId::B2,
            Override {
                verdict: Verdict::Partial,
                note: "Root cause\nis in the appendix.".into(),
            },
        );
        let md = markdown(&r, &overrides);
        assert!(md.contains("### ◐ B2 "), "{md}");
        assert!(
            md.contains("*Overridden* (the review said missing). Note: Root cause is in the appendix."),
            "{md}"
        );
        assert!(md.contains("Counts include verdicts set by hand"));
    }

    #[test]
    fn evidence_is_quoted_line_by_line() {
        assert_eq!(quote("first\nsecond  \n"), "> first\n> second\n");
    }

    #[test]
    fn icons_differ_per_verdict() {
        let icons = [Verdict::Met, Verdict::Partial, Verdict::Missing].map(verdict_icon);
        assert!(icons[0] != icons[1] && icons[1] != icons[2] && icons[0] != icons[2]);
    }
}
