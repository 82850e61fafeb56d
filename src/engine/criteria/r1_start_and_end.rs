//! # R1: Start time and end time of the incident
//!
//! **What it checks.** Whether the incident window is given precisely: both
//! start and end as clock times or timestamps, or a start time plus an exact
//! duration. One precise end, a date alone or a duration alone is partial;
//! "yesterday" or "overnight" is missing. A time zone helps but its absence
//! does not demote. In a timeline the first entry is the start and the end
//! is the last entry marking a recovery (else the last entry), so a
//! date-only entry at either end is partial; so is a start "to be
//! confirmed", and a start that is only when the problem was noticed when
//! the text says it had begun well before (in words, or by a clock time in
//! the timeline's commentary earlier than its first entry). The time a status update was
//! posted is not the incident's, nor is the date of a plan ("will be
//! removed on January 31st"). A dated clock range ("14 May, 02:00 – 04:00
//! UTC") gives the window by itself; "a little after 11pm" is vague, and
//! "about two hours" is not an exact duration. A start the text "cannot
//! tell" is unknown even when the same sentence gives the end's clock time.
//!
//! **Why.** Customers match the window against their own logs and support
//! tickets; without it, they cannot tell whether their problem was yours.
//!
//! **Passes:** "From 14:02 to 15:30 UTC on 2024-03-01, logins failed."
//!
//! **Partial:** "On March 1 logins failed for about 3 hours."
//!
//! **Fails:** "Late last night logins failed."

use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::suggest::where_to_add;
use crate::engine::timeline::{EventKind, Timeline};

pub struct StartAndEnd;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::R1,
    name: "Start time and end time",
    advice: "Give the start and the end of the incident as clock times with a time zone (or the start and an exact duration).",
    example: "The outage began at 14:02 UTC on 2024-03-01 and service was fully restored at 15:30 UTC.",
    levels: ["Only vague references to when it happened.", "Only one end of the incident, a date or a duration is precise.", "Gives when the incident started and when it ended."],
    skeleton: "## Timeline\n\nAll times UTC.\n\n- YYYY-MM-DD HH:MM: the incident began: <what broke>\n- YYYY-MM-DD HH:MM: detected: <how>\n- YYYY-MM-DD HH:MM: resolved: <what fixed it>\n",
    kinds: &["clock times of the incident", "durations", "exact durations", "dates", "timeline entries"],
};

impl Criterion for StartAndEnd {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut tally = [0; KINDS];
        read(doc, &mut tally).counting(tally)
    }
}

/// The rule's verdict, with how many times of each kind it read
/// (`GUIDANCE.kinds`): whether a few clock times make a window is the
/// reviewers' line to draw.
fn read(doc: &Document, tally: &mut [usize; KINDS]) -> Finding {
    let sentences = &doc.sentences;
    // The time a status update was posted is not the incident's; code is
    // not prose.
    let counts = |s: &Sentence| doc.block_of(s).kind != BlockKind::Code && !s.cues.has(Cue::StatusPost);
    let timed_at = |i: usize| {
        let s = &sentences[i];
        // A dated clock range ("14 May, 02:00 – 04:00 UTC") is a window
        // by itself. "X was unaffected" tells no start or end.
        let impact = s.cues.has(Cue::ImpactWord) && !s.cues.has(Cue::NotAffected);
        s.times.all_clocks() > s.times.vague_clocks
            && counts(s)
            && (doc.topic(s) == Topic::Timeline
                || s.cues.any(&[Cue::StartWord, Cue::EndWord, Cue::Onset])
                || impact
                || (s.times.range && s.times.dates > 0)
                || matches!(doc.block_of(s).kind, BlockKind::Heading(_) | BlockKind::TableRow { .. }))
    };
    let timed: Vec<usize> = (0..sentences.len()).filter(|&i| timed_at(i)).collect();
    // "A little after 11pm" is vague by rule; "about an hour" is not an
    // exact duration, though it still tells how long.
    let clocks: usize = timed
        .iter()
        .map(|&i| (sentences[i].times.all_clocks() - sentences[i].times.vague_clocks) as usize)
        .sum();
    let durations: Vec<_> = doc.prose_sentences().filter(|s| s.times.durations > 0).collect();
    let exact_durations: Vec<_> =
        durations.iter().copied().filter(|s| s.times.durations > s.times.approx_durations).collect();
    // "Support will be removed on January 31st" dates a plan.
    let dates: Vec<_> = sentences
        .iter()
        .filter(|s| s.times.dates > 0 && counts(s) && !s.cues.has(Cue::Future))
        .collect();

    // In a timeline the first entry marks the start and the last
    // recovery the end, so a date-only entry there leaves that end
    // imprecise.
    let marked: Vec<&Sentence> = sentences
        .iter()
        .filter(|s| doc.topic(s) == Topic::Timeline && counts(s) && is_entry(doc, s))
        .filter(|s| s.times.all_clocks() > 0 || s.times.dates > 0)
        .collect();
    // A date-only entry followed by bare clock times is a day header
    // ("### 2020-02-20" over "- 21:17 UTC: ..."), not an entry.
    let entries: Vec<&Sentence> = marked
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            s.times.all_clocks() > 0 || !marked.get(i + 1).is_some_and(|n| n.times.all_clocks() > 0 && n.times.dates == 0)
        })
        .map(|(_, s)| *s)
        .collect();
    *tally = [clocks, durations.len(), exact_durations.len(), dates.len(), entries.len()];
    // The end is the last entry that marks a recovery, if any: entries
    // after it (a postmortem published days later) are not the incident.
    let end = entries.iter().rev().find(|s| s.cues.has(Cue::EndWord)).or(entries.last());
    let (start_dated, end_dated) = match (entries.first(), end) {
        (Some(first), Some(last)) if entries.len() >= 2 => (first.times.all_clocks() == 0, last.times.all_clocks() == 0),
        _ => (false, false),
    };
    // "First detected 2023-01-04 (time TBC)": the start is not known;
    // nor is it in "exposed from 3 May (we cannot tell when) until we
    // revoked it at 16:40", where the one clock time is the end's.
    // The two must be near each other: in "Internal error occurred: …
    // certificate signed by unknown authority" nothing says when it began.
    let unknown_start = |s: &Sentence| {
        s.cues.has(Cue::StartWord)
            && s.cues.has(Cue::Unknown)
            && start_said_unknown(doc, s)
            && (s.times.all_clocks() == 0 || (s.times.all_clocks() == 1 && !s.times.range && s.cues.has(Cue::EndWord)))
    };
    let start_unknown = sentences.iter().any(unknown_start);
    // The start given is when it was noticed; that stands for the start
    // unless the text says the problem had begun well before.
    // "We can't say when it began" times no onset.
    let onset_timed = timed.iter().any(|&i| {
        (sentences[i].cues.has(Cue::Onset) && !sentences[i].cues.has(Cue::Unknown))
            || (matches!(doc.block_of(&sentences[i]).kind, BlockKind::Heading(_))
                && sentences.get(i + 1).is_some_and(|n| n.cues.has(Cue::Onset)))
    }) || doc.prose_sentences().any(|s| {
        // A timeline entry's clock time dates all of it: "10:05 - The
        // pool fills. Requests start failing." times the onset.
        s.cues.has(Cue::Onset) && entries.iter().any(|e| e.block == s.block && e.times.all_clocks() > e.times.vague_clocks)
    });
    // So does the timeline's own commentary when it puts the problem
    // before the first entry ("07:30 first report" over "pending pods
    // peaking around 07:15"); half a day or more apart is the day before.
    let noticed_at = entries.first().and_then(|s| s.times.first_minute);
    let earlier = |s: &Sentence| {
        s.cues.has(Cue::EarlierStart)
            || (doc.topic(s) == Topic::Timeline
                && counts(s)
                && !is_entry(doc, s)
                && s.times.dates == 0
                && s.times.first_minute.zip(noticed_at).is_some_and(|(t, t0)| t < t0 && t0 - t < 12 * 60))
    };
    let began_earlier = !onset_timed && doc.prose_sentences().any(earlier);

    let timed: Vec<&Sentence> = timed.into_iter().map(|i| &sentences[i]).collect();
    if clocks >= 2 || (clocks == 1 && !exact_durations.is_empty()) {
        let window = timed.iter().copied().take(2).chain(timed.last().copied());
        if start_dated || end_dated {
            let ends = entries.first().into_iter().chain(end).copied();
            return Finding::partial("The timeline's first or last entry has only a date, not a clock time.")
                .citing(ends.chain(timed.iter().copied().take(1)));
        }
        if start_unknown {
            let unknown = sentences.iter().filter(|s| unknown_start(s));
            return Finding::partial("The end is precise, but the start is not known.")
                .citing(unknown.take(1).chain(timed.last().copied()));
        }
        if began_earlier {
            return Finding::partial("The times given start when the problem was noticed, but the text says it began well before.")
                .citing(doc.prose_sentences().filter(|s| earlier(s)).take(1).chain(window));
        }
        if clocks >= 2 {
            return Finding::met("The start and the end are given as clock times.").citing(window);
        }
        return Finding::met("A start time and a duration give the window.")
            .citing(timed.into_iter().chain(exact_durations.into_iter().take(1)));
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

/// Whether a start word and an unknown stand within a few words of each
/// other: "first detected 2023-01-04 (time TBC)", "it is unclear when it
/// started".
fn start_said_unknown(doc: &Document, s: &Sentence) -> bool {
    const NEAR: usize = 40;
    let hits = doc.hits_in(s);
    hits.iter().filter(|h| h.cue == Cue::StartWord).any(|start| {
        hits.iter().filter(|h| h.cue == Cue::Unknown).any(|unknown| {
            unknown.prose.start.saturating_sub(start.prose.end) <= NEAR
                && start.prose.start.saturating_sub(unknown.prose.end) <= NEAR
        })
    })
}

/// A timeline entry opens its heading, list item or table row; sentences
/// later in a paragraph are commentary, not entries.
fn is_entry(doc: &Document, s: &Sentence) -> bool {
    let block = doc.block_of(s);
    matches!(block.kind, BlockKind::Heading(_) | BlockKind::ListItem | BlockKind::TableRow { header: false })
        && doc.prose[block.prose.start..s.prose.start].trim().is_empty()
}

/// What to add, said about this text when its timeline shows one end of
/// the incident and not the other: "You give the start, “14:02 UTC”, but
/// not when service was restored", and where: under the text's timeline
/// heading, or beside the time it gives. `None` when the general advice is
/// all there is to say.
pub fn tailored_suggestion(doc: &Document, timeline: &Timeline) -> Option<String> {
    let moment = |kind| timeline.events.iter().find(|e| e.kind == kind).map(|e| e.written.as_str());
    let end = moment(EventKind::Resolved).or(moment(EventKind::Mitigated));
    let place = where_to_add(doc, &[Topic::Timeline], "beside the time you give");
    match (moment(EventKind::Began), end) {
        (Some(start), None) => Some(format!(
            "You give the start, \u{201c}{start}\u{201d}, but not when service was restored: add the time it ended, \
             in the same zone, {place} (\u{201c}Service was fully restored at 15:30.\u{201d})."
        )),
        (None, Some(end)) => Some(format!(
            "You give the end, \u{201c}{end}\u{201d}, but not when the incident began: add the time impact started, \
             or say it is unknown, {place} (\u{201c}Errors began at 14:02.\u{201d})."
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::R1, Verdict::*};

    #[test]
    fn the_rule_counts_its_times_by_kind() {
        let text = "## Timeline\n\n- 2024-03-01 14:02 UTC logins began to fail.\n- 14:40 UTC we rolled back and logins recovered.\n\n\
                    The outage lasted 38 minutes.\n";
        let finding = crate::engine::CRITERIA[R1 as usize].review(&crate::engine::Document::parse(text));
        // Clock times, durations, exact durations, dates, timeline entries.
        assert_eq!(finding.counts, [2, 1, 1, 1, 2]);
    }

    #[test]
    fn a_clock_time_window_meets_r1() {
        assert_eq!(verdict(R1, "From 14:02 to 15:30 UTC on 2024-03-01, logins failed."), Met);
    }

    #[test]
    fn military_and_h_clock_times_with_a_zone_give_the_window() {
        let text = "## Timeline\n\n- 0208 UTC 2013-12-03 - Subversion begins to crawl to a halt.\n- 0647 UTC 2013-12-03 - Subversion is operational again.\n";
        assert_eq!(verdict(R1, text), Met);
        assert_eq!(verdict(R1, "On 17 June 2023, 18h05 UTC, nodes started failing. At 23h40 UTC service was restored."), Met);
    }

    #[test]
    fn an_error_message_saying_unknown_leaves_the_start_known() {
        let text = "## Timeline\n\n- First detected 2020-09-07 12:39 UTC\n- Resolved 2020-09-07 15:56 UTC\n\n\
                    Deploys failed with: Internal error occurred: failed calling webhook \"validate.example.io\": \
                    x509: certificate signed by unknown authority.\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn an_onset_told_inside_a_timed_entry_is_the_start_despite_an_earlier_deploy() {
        let text = "## Timeline\n\n- 08:10 UTC - A worker picks up the new schema. Uploads began to fail.\n- 08:20 UTC - The on-call is paged. She checks the web tier first, since a release had shipped at 07:55.\n- 08:50 UTC - Uploads recovered.\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn an_alert_time_with_an_onset_the_text_cannot_date_is_partial() {
        let text = "The pager went off at 09:10 UTC, though requests had been timing out since well before that and we can't say when it began. All was well again at 10:05 UTC.";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_date_and_a_duration_are_partial() {
        assert_eq!(verdict(R1, "On March 1 logins failed for about 3 hours."), Partial);
    }

    #[test]
    fn the_date_of_a_plan_is_not_the_incident_window() {
        let text = "Yesterday logins failed. Support for old tokens will be removed on January 31st, 2024.";
        assert_eq!(verdict(R1, text), Missing);
    }

    #[test]
    fn vague_times_are_missing() {
        assert_eq!(verdict(R1, "Late last night logins failed."), Missing);
    }

    #[test]
    fn status_update_times_do_not_count_for_r1() {
        let text = "We posted a status update at 10:05 UTC and tweeted at 10:20 UTC.";
        assert_eq!(verdict(R1, text), Missing);
    }

    #[test]
    fn a_timeline_that_starts_with_a_date_only_is_partial() {
        let text = "## Timeline\n\n### 2018-01-11\n\nA warning arrived.\n\n### 2018-01-19 11:00\n\nCertificates expired.\n\n### 2018-01-19 12:30\n\nResolved.\n";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_timeline_that_ends_with_a_date_only_is_partial() {
        let text = "## Timeline\n\n- Sep 18, 2019 at 13:54 UTC - Bug reported\n- Sep 18, 2019 at 15:35 UTC - Report confirmed\n- Sep 30, 2019 - Fix published\n";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_start_to_be_confirmed_is_partial() {
        let text = "- **Key events**\n  - First detected 2023-01-04 (time TBC)\n  - Incident declared: 2023-01-05 08:56\n  - Resolved 2023-02-01 10:30\n";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn noticing_late_when_it_began_well_before_is_partial() {
        let text = "After a few hours we noticed that launches failed.\n\n## Timeline\n\n### 07:28\n\nProblem is identified.\n\n### 08:11\n\nService recovered.\n";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_problem_under_way_before_the_first_report_is_partial() {
        let text = "## Timeline\n\n### 07:30 - First report\n\nSlow launches reported.\n\n### 07:35\n\nMany pending pods, peaking around 07:15.\n\n### 07:42\n\nLaunches are back to normal.\n";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_timeline_past_midnight_is_not_an_earlier_start() {
        let text = "## Timeline\n\n### 23:50 - Alerts fire\n\nErrors rise.\n\n### 00:20\n\nAt 00:10 the cache was flushed.\n\n### 00:30\n\nResolved.\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn noticing_late_does_not_demote_a_stated_onset() {
        let text = "## Timeline\n\n### 10:00 - Problem starts\n\nLaunches stop.\n\n### 21:00 - Team alerted\n\nPods had not launched for several hours.\n\n### 21:30\n\nResolved.\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn date_only_entries_after_the_recovery_do_not_demote_r1() {
        let text = "## Timeline\n\n- 2024-03-01 14:02 UTC: errors begin\n- 2024-03-01 15:30 UTC: service restored\n- 2024-03-05: postmortem written\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn day_headers_over_clock_times_are_not_date_only_entries() {
        let text = "## Timeline\n\n### 2020-02-20\n\n- 21:17 UTC: crates published\n- 22:48 UTC: fix deployed\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn a_dated_clock_range_meets_r1() {
        assert_eq!(verdict(R1, "**Window:** Sunday 9 June 2030, 22:00 \u{2013} 23:30 CET"), Met);
    }

    #[test]
    fn a_start_time_and_an_exact_duration_meet_r1() {
        assert_eq!(verdict(R1, "Starting at 07:15 UTC and for 25 minutes, uploads hung."), Met);
    }

    #[test]
    fn an_exposure_of_unknown_start_with_a_precise_end_is_partial() {
        let text = "The key was exposed from a commit on 2 May (we cannot tell the hour) until we rotated it at 09:12 UTC on 4 May.";
        assert_eq!(verdict(R1, text), Partial);
    }

    #[test]
    fn a_clock_time_beside_what_was_unaffected_is_not_the_window() {
        assert_eq!(verdict(R1, "Late on Friday the site broke. Readers told us at 2am that the forum was unaffected."), Missing);
    }

    #[test]
    fn a_start_with_an_approximate_duration_is_partial() {
        assert_eq!(verdict(R1, "Starting at 07:15 UTC, uploads hung for about two hours."), Partial);
        assert_eq!(verdict(R1, "Starting at 07:15 UTC, uploads hung for roughly 2 hours."), Partial);
    }

    #[test]
    fn a_clock_time_a_little_after_is_vague() {
        assert_eq!(verdict(R1, "Uploads broke a little after 9pm and were fixed at 23:40 UTC."), Partial);
    }

    #[test]
    fn a_timeline_table_meets_r1() {
        let text = "## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 10:00 | Errors begin |\n| 10:45 | Resolved |\n";
        assert_eq!(verdict(R1, text), Met);
    }

    #[test]
    fn a_start_without_an_end_is_named_in_the_suggestion() {
        let doc = crate::engine::Document::parse("Logins began failing at 2:02 pm PST. We are still looking into it.");
        let advice = super::tailored_suggestion(&doc, &crate::engine::timeline::read(&doc)).expect("a tailored suggestion");
        assert!(advice.contains("\u{201c}2:02 pm PST\u{201d}"), "{advice}");
        assert!(advice.contains("not when service was restored"), "{advice}");
        assert!(advice.contains("beside the time you give"), "{advice}");
    }

    #[test]
    fn the_missing_end_goes_under_the_timeline_heading() {
        let doc = crate::engine::Document::parse("## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 14:02 | Errors begin |\n| 14:10 | We are paged |\n");
        let advice = super::tailored_suggestion(&doc, &crate::engine::timeline::read(&doc)).expect("a tailored suggestion");
        assert!(advice.contains("\u{201c}14:02\u{201d}"), "{advice}");
        assert!(advice.contains("under your \u{201c}Timeline\u{201d} heading"), "{advice}");
    }

    #[test]
    fn no_time_at_all_gets_the_general_advice() {
        let text = "Late last night logins failed.";
        assert_eq!(super::super::test_support::suggestion(R1, text), super::super::test_support::general(R1));
    }
}
