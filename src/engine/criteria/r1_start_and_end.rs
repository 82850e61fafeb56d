//! # R1: Start time and end time of the incident
//!
//! **What it checks.** Whether the incident window is given precisely: both
//! start and end as clock times or timestamps, or a start time plus an exact
//! duration. One precise end, a date alone or a duration alone is partial;
//! "yesterday" or "overnight" is missing. A time zone helps but its absence
//! does not demote.
//!
//! **Why.** Customers match the window against their own logs and support
//! tickets; without it, they cannot tell whether their problem was yours.
//!
//! **Passes:** "From 14:02 to 15:30 UTC on 2024-03-01, logins failed."
//!
//! **Partial:** "On March 1 logins failed for about 3 hours."
//!
//! **Fails:** "Late last night logins failed."

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::{BlockKind, Document, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;

pub struct StartAndEnd;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R1,
    name: "Start time and end time",
    advice: "Give the start and the end of the incident as clock times with a time zone (or the start and an exact duration).",
    example: "The outage began at 14:02 UTC on 2024-03-01 and service was fully restored at 15:30 UTC.",
    skeleton: "## Timeline\n\nAll times UTC.\n\n- YYYY-MM-DD HH:MM: the incident began: <what broke>\n- YYYY-MM-DD HH:MM: detected: <how>\n- YYYY-MM-DD HH:MM: resolved: <what fixed it>\n",
};

impl Criterion for StartAndEnd {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let timed: Vec<_> = doc
            .sentences
            .iter()
            .filter(|s| s.times.clocks > 0)
            .filter(|s| {
                doc.block_of(s).kind != BlockKind::Code
                    && (doc.topic(s) == Topic::Timeline
                        || s.cues.any(&[Cue::StartWord, Cue::EndWord, Cue::ImpactWord])
                        || matches!(doc.block_of(s).kind, BlockKind::Heading(_) | BlockKind::TableRow { .. }))
            })
            .collect();
        let clocks: usize = timed.iter().map(|s| s.times.clocks as usize).sum();
        let durations: Vec<_> = doc.prose_sentences().filter(|s| s.times.durations > 0).collect();
        let dates: Vec<_> = doc.sentences.iter().filter(|s| s.times.dates > 0).collect();

        if clocks >= 2 {
            return Finding::met("The start and the end are given as clock times.")
                .citing(timed.iter().copied().take(2).chain(timed.last().copied()));
        }
        if clocks == 1 && !durations.is_empty() {
            return Finding::met("A start time and a duration give the window.")
                .citing(timed.into_iter().chain(durations.into_iter().take(1)));
        }
        if clocks == 1 {
            return Finding::partial("Only one end of the incident has a clock time.").citing(timed);
        }
        if !dates.is_empty() || !durations.is_empty() {
            return Finding::partial("Only a date or a duration: no clock times for the start and end.")
                .citing(dates.into_iter().take(2).chain(durations.into_iter().take(1)));
        }
        Finding::missing("No start or end time: only vague references to when it happened, if any.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::R1, Verdict::*};

    #[test]
    fn a_clock_time_window_meets_r1() {
        assert_eq!(verdict(R1, "From 14:02 to 15:30 UTC on 2024-03-01, logins failed."), Met);
    }

    #[test]
    fn a_date_and_a_duration_are_partial() {
        assert_eq!(verdict(R1, "On March 1 logins failed for about 3 hours."), Partial);
    }

    #[test]
    fn vague_times_are_missing() {
        assert_eq!(verdict(R1, "Late last night logins failed."), Missing);
    }

    #[test]
    fn a_timeline_table_meets_r1() {
        let text = "## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 10:00 | Errors begin |\n| 10:45 | Resolved |\n";
        assert_eq!(verdict(R1, text), Met);
    }
}
