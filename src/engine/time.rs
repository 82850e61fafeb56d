//! Recognises the ways a postmortem says *when*: clock times ("13:06",
//! "5:00pm", "01:52 UTC"), ISO timestamps ("2020-02-20T21:28Z"), dates
//! ("2020-04-15", "Sep 27 2017", "31st July 2018"), durations ("1h50m",
//! "about 2 hours", "30 minutes") and time zones. One pass over a sentence's
//! lowercased bytes, no backtracking.

/// What a sentence says about time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeMarks {
    /// Clock times and timestamps.
    pub clocks: u8,
    /// Calendar dates, with or without a year.
    pub dates: u8,
    /// Lengths of time: "2 hours", "1h50m".
    pub durations: u8,
    /// A time zone or UTC offset next to a clock time.
    pub zone: bool,
    /// The first clock time, in minutes after midnight (24-hour).
    pub first_minute: Option<u16>,
    /// Two clock times joined as a range: "02:00 – 04:00", "14:02 to
    /// 14:39 UTC", "between 9:10 and 9:40".
    pub range: bool,
    /// Clock times given only as "a little after 11pm": vague by rule.
    pub vague_clocks: u8,
    /// Durations given as "about 2 hours", "over an hour": not exact.
    pub approx_durations: u8,
}

/// Words that make the clock time after them vague.
const VAGUE_CLOCK: &[&str] = &["a little after", "a bit after", "sometime after", "some time after", "sometime around"];

/// Words that make the duration after them approximate.
const APPROX: &[&str] = &[
    "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "over",
    "more than", "less than", "under", "up to", "~",
];

/// Whether the text just before `at` ends with one of `words`.
fn qualified(text: &str, at: usize, words: &[&str]) -> bool {
    let before = text[..at].trim_end();
    words.iter().any(|w| {
        before.ends_with(w) && before[..before.len() - w.len()].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Whether the text between two clock times joins them as a range: one
/// connector, give or take a time zone ("utc to", "-").
fn joins_a_range(gap: &str) -> bool {
    let mut connectors = 0;
    for token in gap.split_ascii_whitespace() {
        if ZONES.contains(&token) {
            continue;
        }
        if matches!(token, "-" | "\u{2013}" | "\u{2014}" | "to" | "until" | "till" | "and" | "through") {
            connectors += 1;
        } else {
            return false;
        }
    }
    connectors == 1 || (connectors == 0 && matches!(gap.trim(), "-" | "\u{2013}"))
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

const ZONES: &[&str] = &[
    "utc", "gmt", "z", "pst", "pdt", "pt", "est", "edt", "et", "cst", "cdt", "mst", "mdt", "cet",
    "cest", "bst", "ist", "jst", "aest", "aedt", "eet", "eest", "wet", "west", "hkt", "sgt",
];

const DURATION_UNITS: &[&str] = &[
    "seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min", "m", "hours",
    "hour", "hrs", "hr", "h", "days", "day", "d", "weeks", "week",
];

/// Scans lowercased text for time expressions.
pub fn scan(text: &str) -> TimeMarks {
    let b = text.as_bytes();
    let mut marks = TimeMarks::default();
    // Most sentences say nothing about time. Without a digit there is no
    // clock, date (a month needs its day) or numeric duration, and a spelled
    // one ("an hour") needs its unit: skip the word-by-word walk.
    if !b.iter().any(u8::is_ascii_digit) && !["hour", "day", "minute"].iter().any(|w| text.contains(w)) {
        return marks;
    }
    // Where the last clock time ended, to tell a range.
    let mut last_clock: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && is_word(b[i - 1]) && !b[i - 1].is_ascii_digit() && b[i - 1] != b't') {
            // Words: month names and "an hour".
            if b[i].is_ascii_alphabetic() && (i == 0 || !is_word(b[i - 1])) {
                let end = word_end(b, i);
                let word = &text[i..end];
                if MONTHS.contains(&word) && month_has_day(b, i, end) {
                    marks.dates = marks.dates.saturating_add(1);
                }
                if matches!(word, "an" | "a" | "half") {
                    let next = skip_spaces(b, end);
                    let next_end = word_end(b, next);
                    if matches!(&text[next..next_end], "hour" | "day" | "minute") {
                        marks.durations = marks.durations.saturating_add(1);
                        if qualified(text, i, APPROX) {
                            marks.approx_durations = marks.approx_durations.saturating_add(1);
                        }
                    }
                }
                i = end.max(i + 1);
                continue;
            }
            i += 1;
            continue;
        }
        let start = i;
        let (n1, e1) = digits(b, i);
        let len1 = e1 - start;
        // ISO date: 2020-04-15, possibly with a time: 2020-04-15t21:28 / 2020-04-15 21:28.
        if len1 == 4 && at(b, e1) == b'-' {
            let (_, e2) = digits(b, e1 + 1);
            if e2 - (e1 + 1) == 2 && at(b, e2) == b'-' {
                let (_, e3) = digits(b, e2 + 1);
                if e3 - (e2 + 1) == 2 {
                    marks.dates = marks.dates.saturating_add(1);
                    i = e3;
                    continue;
                }
            }
        }
        // Clock: 13:06, 5:00pm, 01:52:33.
        if (1..=2).contains(&len1) && at(b, e1) == b':' {
            let (n2, e2) = digits(b, e1 + 1);
            if e2 - (e1 + 1) == 2 && n1 <= 24 && n2 < 60 {
                let mut end = e2;
                if at(b, end) == b':' {
                    let (_, e3) = digits(b, end + 1);
                    if e3 - (end + 1) == 2 {
                        end = e3;
                    }
                }
                // Fractional seconds.
                if at(b, end) == b'.' && at(b, end + 1).is_ascii_digit() {
                    end = digits(b, end + 1).1;
                }
                marks.clocks = marks.clocks.saturating_add(1);
                if qualified(text, start, VAGUE_CLOCK) {
                    marks.vague_clocks = marks.vague_clocks.saturating_add(1);
                }
                if last_clock.is_some_and(|l| l <= start && joins_a_range(&text[l..start])) {
                    marks.range = true;
                }
                let after = skip_spaces(b, end);
                let after_end = word_end(b, after);
                let word = &text[after..after_end];
                let mut hour = n1;
                if matches!(word, "am" | "pm" | "a.m" | "p.m") {
                    end = after_end;
                    hour = twenty_four(n1, word.starts_with('p'));
                }
                marks.first_minute.get_or_insert((hour * 60 + n2) as u16);
                if zone_follows(text, end) {
                    marks.zone = true;
                }
                last_clock = Some(end);
                i = end;
                continue;
            }
        }
        // 5pm, 11 am.
        if (1..=2).contains(&len1) && n1 <= 12 {
            let after = skip_spaces(b, e1);
            let after_end = word_end(b, after);
            if after - e1 <= 1 && matches!(&text[after..after_end], "am" | "pm") {
                marks.clocks = marks.clocks.saturating_add(1);
                if qualified(text, start, VAGUE_CLOCK) {
                    marks.vague_clocks = marks.vague_clocks.saturating_add(1);
                }
                if last_clock.is_some_and(|l| l <= start && joins_a_range(&text[l..start])) {
                    marks.range = true;
                }
                marks.first_minute.get_or_insert((twenty_four(n1, b[after] == b'p') * 60) as u16);
                if zone_follows(text, after_end) {
                    marks.zone = true;
                }
                last_clock = Some(after_end);
                i = after_end;
                continue;
            }
        }
        // US or European numeric dates: 04/15/2020, 15.04.2020.
        if (1..=2).contains(&len1) && matches!(at(b, e1), b'/' | b'.') {
            let sep = b[e1];
            let (_, e2) = digits(b, e1 + 1);
            if (1..=2).contains(&(e2 - (e1 + 1))) && at(b, e2) == sep {
                let (_, e3) = digits(b, e2 + 1);
                if matches!(e3 - (e2 + 1), 2 | 4) {
                    marks.dates = marks.dates.saturating_add(1);
                    i = e3;
                    continue;
                }
            }
        }
        // Durations: 1h50m, 0h 30m, 2 hours, 90 minutes, 1.5 hours.
        let mut end = e1;
        if at(b, end) == b'.' && at(b, end + 1).is_ascii_digit() {
            end = digits(b, end + 1).1;
        }
        let unit_start = if at(b, end) == b' ' || at(b, end) == b'-' { end + 1 } else { end };
        let unit_end = word_end(b, unit_start);
        let unit = &text[unit_start..unit_end];
        let spelled = unit_start > end && unit.len() > 1;
        let compact = unit_start == end;
        if DURATION_UNITS.contains(&unit) && (spelled || compact) && !(unit == "m" && spelled) {
            marks.durations = marks.durations.saturating_add(1);
            if qualified(text, start, APPROX) {
                marks.approx_durations = marks.approx_durations.saturating_add(1);
            }
            i = unit_end;
            // "1h50m" or "0h 30m" is one duration.
            let next = skip_spaces(b, i);
            if at(b, next).is_ascii_digit() {
                let (_, e) = digits(b, next);
                let ue = word_end(b, e);
                if DURATION_UNITS.contains(&&text[e..ue]) {
                    i = ue;
                }
            }
            continue;
        }
        i = e1.max(i + 1);
    }
    marks
}

/// 12 am is midnight, 12 pm noon.
fn twenty_four(hour: u32, pm: bool) -> u32 {
    match (hour % 12, pm) {
        (h, true) => h + 12,
        (h, false) => h,
    }
}

fn month_has_day(b: &[u8], start: usize, end: usize) -> bool {
    // "sep 27", "july 31st", "31st july", "15 april".
    let next = skip_spaces(b, end);
    if next > end && at(b, next).is_ascii_digit() {
        let (n, e) = digits(b, next);
        return (e - next <= 2 && (1..=31).contains(&n)) || e - next == 4;
    }
    let mut p = start;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    if p < start {
        let mut q = p;
        while q > 0 && b[q - 1].is_ascii_alphabetic() {
            q -= 1;
        }
        let suffix_ok = matches!(&b[q..p], b"st" | b"nd" | b"rd" | b"th" | b"");
        let mut d = q;
        while d > 0 && b[d - 1].is_ascii_digit() {
            d -= 1;
        }
        return suffix_ok && d < q && q - d <= 2;
    }
    false
}

fn zone_follows(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let mut p = end;
    if at(b, p) == b'z' && !is_word(at(b, p + 1)) {
        return true;
    }
    if matches!(at(b, p), b'+' | b'-') && at(b, p + 1).is_ascii_digit() {
        return true;
    }
    p = skip_spaces(b, p);
    if at(b, p) == b'(' {
        p += 1;
    }
    let e = word_end(b, p);
    ZONES.contains(&&text[p..e]) || text[p..].starts_with("utc") || text[p..].starts_with("gmt")
}

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn digits(b: &[u8], start: usize) -> (u32, usize) {
    let mut n: u32 = 0;
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add((b[i] - b'0') as u32);
        i += 1;
    }
    (n, i)
}

fn word_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && (b[i].is_ascii_alphabetic() || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic() && i > start)) {
        i += 1;
    }
    i
}

fn skip_spaces(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_clock_times_joined_are_a_range() {
        assert!(scan("sunday 9 june, 22:00 \u{2013} 23:30 cet").range);
        assert!(scan("from 9:10 utc to 9:40 utc the queue was stuck").range);
        assert!(scan("between 1pm and 3pm").range);
        assert!(!scan("we paged at 10:05 and again posted at 10:20").range);
        assert!(!scan("at 10:05 we paged").range);
    }

    #[test]
    fn qualified_times_are_marked_vague_or_approximate() {
        let m = scan("a little after 11pm, for about 2 hours");
        assert_eq!((m.clocks, m.vague_clocks, m.durations, m.approx_durations), (1, 1, 1, 1));
        let m = scan("at 23:05, for 47 minutes, then over an hour");
        assert_eq!((m.vague_clocks, m.durations, m.approx_durations), (0, 2, 1));
    }

    #[test]
    fn clock_times_with_zones() {
        let m = scan("at 01:52 utc, 2022-10-28");
        assert_eq!((m.clocks, m.dates, m.zone), (1, 1, true));
        assert_eq!(scan("5:00pm pst").clocks, 1);
        assert!(scan("5:00pm pst").zone);
        assert_eq!(scan("around 5pm").clocks, 1);
    }

    #[test]
    fn iso_timestamps_count_as_clock_and_date() {
        let m = scan("2020-02-20t21:28:00z");
        assert_eq!((m.dates, m.clocks, m.zone), (1, 1, true));
    }

    #[test]
    fn dates_alone_are_not_clock_times() {
        let m = scan("on 31st july 2018 a researcher");
        assert_eq!((m.dates, m.clocks), (1, 0));
        assert_eq!(scan("sep 27 2017").dates, 1);
        assert_eq!(scan("on friday, february 5").dates, 1);
        assert_eq!(scan("we may deploy").dates, 0);
    }

    #[test]
    fn durations() {
        assert_eq!(scan("unusable for about 1h50m").durations, 1);
        assert_eq!(scan("time to repair: 0h 30m").durations, 1);
        assert_eq!(scan("approximately 2 hours").durations, 1);
        assert_eq!(scan("for an hour").durations, 1);
        assert_eq!(scan("500g disks, 100 users").durations, 0);
    }

    #[test]
    fn the_first_clock_time_is_kept_in_minutes() {
        assert_eq!(scan("at 07:30am and 09:00").first_minute, Some(450));
        assert_eq!(scan("5:15pm pst").first_minute, Some(1035));
        assert_eq!(scan("around 11 pm").first_minute, Some(1380));
        assert_eq!(scan("12:05 am").first_minute, Some(5));
        assert_eq!(scan("2020-02-20t21:28:00z").first_minute, Some(1288));
        assert_eq!(scan("on march 3").first_minute, None);
    }

    #[test]
    fn numbers_are_not_times() {
        let m = scan("version 1.24.0 and 30k crates, ratio 3:1");
        assert_eq!(m.clocks, 0);
    }
}
