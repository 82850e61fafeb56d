//! How the engine's timeline agrees with reviewers who marked, without
//! seeing the engine, when a postmortem says its incident began, was
//! detected, mitigated and resolved (issue 13, "Measured").
//!
//! Marks are a TSV file, one row per document and moment, no header:
//!
//! ```text
//! id <TAB> moment <TAB> start <TAB> end <TAB> time
//! mybinder-2018-03-13 <TAB> began <TAB> - <TAB> - <TAB> not given
//! mybinder-2018-03-13 <TAB> detected <TAB> 412 <TAB> 470 <TAB> 2018-03-13 07:28
//! ```
//!
//! `moment` is `began`, `detected`, `mitigated` or `resolved`; `start` and
//! `end` the byte range of the passage the reviewer marked (`-` when not
//! given); `time` is `YYYY-MM-DD HH:MM`, `HH:MM` or `not given`.
//!
//! Native only, like the corpus it is measured on.

use crate::engine::timeline::{EventKind, Timeline};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

/// The moments reviewers mark ("responded" is not marked: reviewers
/// disagree on what counts as the first response).
pub const MARKED: [EventKind; 4] = [EventKind::Began, EventKind::Detected, EventKind::Mitigated, EventKind::Resolved];

/// A reviewer's mark of one moment in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub moment: EventKind,
    /// `None`: the reviewer says the text does not give it.
    pub given: Option<MarkedTime>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedTime {
    pub passage: Range<usize>,
    /// "2024-03-01", when the reviewer gave a date.
    pub date: Option<String>,
    /// Minutes after midnight.
    pub minute: u32,
}

/// Reads a marks file into each document's marks, by document id.
pub fn parse_marks(tsv: &str) -> Result<BTreeMap<String, Vec<Mark>>, String> {
    let mut marks: BTreeMap<String, Vec<Mark>> = BTreeMap::new();
    for (n, line) in tsv.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let bad = |what: &str| format!("line {}: {what}: {line:?}", n + 1);
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [id, moment, start, end, time] = fields[..] else {
            return Err(bad("expected 5 tab-separated fields"));
        };
        let moment = MARKED.into_iter().find(|k| k.as_str() == moment).ok_or_else(|| bad("unknown moment"))?;
        let given = if time == "not given" {
            None
        } else {
            let (date, clock) = match time.split_once(' ') {
                Some((d, c)) => (Some(d.to_string()), c),
                None => (None, time),
            };
            let number = |s: &str| s.parse::<usize>().map_err(|_| bad("byte offsets must be numbers"));
            Some(MarkedTime {
                passage: number(start)?..number(end)?,
                date,
                minute: minute_of(clock).ok_or_else(|| bad("time is not HH:MM"))?,
            })
        };
        marks.entry(id.to_string()).or_default().push(Mark { moment, given });
    }
    Ok(marks)
}

fn minute_of(clock: &str) -> Option<u32> {
    let (h, m) = clock.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

/// How one moment fared over the documents compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MomentTally {
    /// Found, the same moment within a minute.
    pub right: usize,
    /// Found, at another time.
    pub wrong: usize,
    /// Given by the text, not found.
    pub missed: usize,
    /// Found, though the reviewer says the text does not give it.
    pub invented: usize,
    /// Neither the reviewer nor the engine found it.
    pub absent_both: usize,
}

/// The agreement over all documents compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agreement {
    pub documents: usize,
    /// Per moment, in the order of [`MARKED`].
    pub moments: [MomentTally; 4],
    /// Documents whose reviewer gives a time to resolve, and of those the
    /// ones where the engine's is within a minute of it.
    pub time_to_resolve_given: usize,
    pub time_to_resolve_right: usize,
}

impl Agreement {
    /// Compares one document's timeline with its reviewer's marks.
    pub fn add(&mut self, timeline: &Timeline, marks: &[Mark]) {
        self.documents += 1;
        for (m, moment) in MARKED.into_iter().enumerate() {
            let engine = timeline.events.iter().find(|e| e.kind == moment);
            let mark = marks.iter().find(|k| k.moment == moment).and_then(|k| k.given.as_ref());
            let tally = &mut self.moments[m];
            match (engine, mark) {
                (None, None) => tally.absent_both += 1,
                (None, Some(_)) => tally.missed += 1,
                (Some(_), None) => tally.invented += 1,
                (Some(e), Some(mark)) => {
                    let same_date = e.date.as_deref().zip(mark.date.as_deref()).is_none_or(|(a, b)| dates_agree(a, b));
                    let close = minute_of(&e.clock).is_some_and(|minute| minute.abs_diff(mark.minute) <= 1);
                    if same_date && close {
                        tally.right += 1;
                    } else {
                        tally.wrong += 1;
                    }
                }
            }
        }
        let given = |moment| marks.iter().find(|k| k.moment == moment).and_then(|k| k.given.as_ref());
        if let (Some(began), Some(resolved)) = (given(EventKind::Began), given(EventKind::Resolved)) {
            self.time_to_resolve_given += 1;
            if timeline.durations.to_resolve.is_some_and(|m| m.abs_diff(reviewer_minutes(began, resolved)) <= 1) {
                self.time_to_resolve_right += 1;
            }
        }
    }

    /// Compares a second reviewer's marks of one document with the first
    /// reviewer's, as if the second were the engine: the same table then
    /// says how far two careful readers agree, the line the engine's own
    /// figures are read against.
    pub fn add_second_reviewer(&mut self, second: &[Mark], first: &[Mark]) {
        self.documents += 1;
        let given = |marks: &[Mark], moment| marks.iter().find(|k| k.moment == moment).and_then(|k| k.given.clone());
        for (m, moment) in MARKED.into_iter().enumerate() {
            let tally = &mut self.moments[m];
            match (given(second, moment), given(first, moment)) {
                (None, None) => tally.absent_both += 1,
                (None, Some(_)) => tally.missed += 1,
                (Some(_), None) => tally.invented += 1,
                (Some(a), Some(b)) => {
                    let same_date = a.date.as_deref().zip(b.date.as_deref()).is_none_or(|(x, y)| dates_agree(x, y));
                    if same_date && a.minute.abs_diff(b.minute) <= 1 {
                        tally.right += 1;
                    } else {
                        tally.wrong += 1;
                    }
                }
            }
        }
        if let (Some(began), Some(resolved)) = (given(first, EventKind::Began), given(first, EventKind::Resolved)) {
            self.time_to_resolve_given += 1;
            let theirs = given(second, EventKind::Began).zip(given(second, EventKind::Resolved));
            if theirs.is_some_and(|(b, r)| reviewer_minutes(&b, &r).abs_diff(reviewer_minutes(&began, &resolved)) <= 1) {
                self.time_to_resolve_right += 1;
            }
        }
    }

    /// The measurement table: per moment, right, wrong, missed, invented,
    /// and the shares the issue's targets are stated in.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} documents", self.documents);
        let _ = writeln!(out, "{:<10} {:>6} {:>6} {:>7} {:>9} {:>11} {:>14}", "moment", "right", "wrong", "missed", "invented", "right/given", "none invented");
        for (moment, t) in MARKED.iter().zip(&self.moments) {
            let given = t.right + t.wrong + t.missed;
            let not_given = t.invented + t.absent_both;
            let _ = writeln!(
                out,
                "{:<10} {:>6} {:>6} {:>7} {:>9} {:>11} {:>14}",
                moment.as_str(),
                t.right,
                t.wrong,
                t.missed,
                t.invented,
                share(t.right, given),
                share(t.absent_both, not_given)
            );
        }
        let _ = writeln!(
            out,
            "time to resolve right: {} of {} documents that give it ({})",
            self.time_to_resolve_right,
            self.time_to_resolve_given,
            share(self.time_to_resolve_right, self.time_to_resolve_given)
        );
        out
    }
}

/// Whether two dates agree on what both give: the same date, or the
/// same month and day when one gives no year ("--09-30", the engine's
/// date when the text names none, against a reviewer's "2023-09-30" read
/// from the file's name), as a time with no date at all agrees with any.
pub fn dates_agree(a: &str, b: &str) -> bool {
    let month_day = |d: &str| d.get(d.len().saturating_sub(5)..).map(str::to_string);
    a == b || ((a.starts_with("--") || b.starts_with("--")) && month_day(a) == month_day(b))
}

/// Minutes from a reviewer's began to their resolved: by dates when both
/// have one, else past midnight when the clock goes back.
fn reviewer_minutes(began: &MarkedTime, resolved: &MarkedTime) -> u32 {
    let days = match (&began.date, &resolved.date) {
        (Some(a), Some(b)) => day_number(b).zip(day_number(a)).map_or(0, |(b, a)| (b - a).max(0) as u32),
        _ => u32::from(resolved.minute < began.minute),
    };
    (days * 1440 + resolved.minute).saturating_sub(began.minute)
}

/// Days since 0000-03-01 of a "YYYY-MM-DD" date: enough to subtract two.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1)
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 { "–".into() } else { format!("{:.0} %", 100.0 * part as f64 / whole as f64) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::review;

    const TEXT: &str = "## Timeline\n\nAll times UTC.\n\n- 23:50: errors begin\n- 23:58: alert fired\n- 00:20: rolled back\n- 00:40: resolved\n";

    #[test]
    fn marks_are_compared_moment_by_moment() {
        let marks = parse_marks(
            "doc\tbegan\t40\t60\t23:50\n\
             doc\tdetected\t-\t-\tnot given\n\
             doc\tmitigated\t80\t100\t00:25\n\
             doc\tresolved\t100\t120\t00:40\n\
             none\tbegan\t-\t-\tnot given\n",
        )
        .unwrap();
        let mut agreement = Agreement::default();
        agreement.add(&review(TEXT).timeline, &marks["doc"]);
        agreement.add(&review("Late last night it broke.").timeline, &marks["none"]);
        let [began, detected, mitigated, resolved] = agreement.moments;
        assert_eq!((began.right, detected.invented, mitigated.wrong, resolved.right), (1, 1, 1, 1));
        assert_eq!((began.absent_both, resolved.absent_both), (1, 1), "a moment nobody marks counts as absent");
        assert_eq!((agreement.time_to_resolve_given, agreement.time_to_resolve_right), (1, 1), "50 minutes, past midnight");
        let table = agreement.table();
        assert!(table.contains("2 documents"), "{table}");
        assert!(table.starts_with("2 documents\nmoment"), "{table}");
        assert!(table.contains("time to resolve right: 1 of 1 documents that give it (100 %)"), "{table}");
    }

    #[test]
    fn a_second_reviewer_is_compared_like_the_engine() {
        let first = parse_marks(
            "doc\tbegan\t0\t5\t2024-03-01 23:50\n\
             doc\tdetected\t-\t-\tnot given\n\
             doc\tmitigated\t0\t5\t00:25\n\
             doc\tresolved\t0\t5\t2024-03-02 00:40\n",
        )
        .unwrap();
        let second = parse_marks(
            "doc\tbegan\t0\t5\t23:51\n\
             doc\tdetected\t0\t5\t23:58\n\
             doc\tmitigated\t-\t-\tnot given\n\
             doc\tresolved\t0\t5\t2024-03-02 00:50\n",
        )
        .unwrap();
        let mut agreement = Agreement::default();
        agreement.add_second_reviewer(&second["doc"], &first["doc"]);
        let [began, detected, mitigated, resolved] = agreement.moments;
        assert_eq!((began.right, detected.invented, mitigated.missed, resolved.wrong), (1, 1, 1, 1));
        assert_eq!((agreement.time_to_resolve_given, agreement.time_to_resolve_right), (1, 0), "59 minutes against 50");
    }

    #[test]
    fn a_date_without_its_year_agrees_with_the_same_day_of_any_year() {
        assert!(dates_agree("--09-30", "2023-09-30"));
        assert!(dates_agree("2023-09-30", "--09-30"));
        assert!(dates_agree("2023-09-30", "2023-09-30"));
        assert!(!dates_agree("--09-30", "2023-09-29"));
        assert!(!dates_agree("2022-09-30", "2023-09-30"), "two years given must be the same");
    }

    #[test]
    fn malformed_marks_are_refused_with_their_line() {
        assert!(parse_marks("doc\tbegan\t1\t2").unwrap_err().contains("line 1"));
        assert!(parse_marks("doc\tstarted\t1\t2\t10:00").unwrap_err().contains("unknown moment"));
        assert!(parse_marks("doc\tbegan\t1\t2\tten").unwrap_err().contains("HH:MM"));
    }
}
