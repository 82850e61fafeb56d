//! Recognises the ways a postmortem says *when*: clock times ("13:06",
//! "5:00pm", "01:52 UTC"), ISO timestamps ("2020-02-20T21:28Z"), dates
//! ("2020-04-15", "Sep 27 2017", "31st July 2018"), durations ("1h50m",
//! "about 2 hours", "30 minutes") and time zones. One pass over a sentence's
//! lowercased bytes, no backtracking.

use std::ops::Range;

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
    /// Clock times written without a colon, as "1518 utc": kept apart
    /// from `clocks`, which the features count; R1 reads both
    /// (`all_clocks`).
    pub colonless_clocks: u8,
}

impl TimeMarks {
    /// Every clock time, with a colon or without ("0208 UTC").
    pub fn all_clocks(&self) -> u8 {
        self.clocks.saturating_add(self.colonless_clocks)
    }
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
pub fn joins_a_range(gap: &str) -> bool {
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
    let mut marks = TimeMarks::default();
    // Most sentences say nothing about time. Without a digit there is no
    // clock, date (a month needs its day) or numeric duration, and a spelled
    // one ("an hour") needs its unit: skip the word-by-word walk.
    if !has_digit(text) && !names_a_unit(text) {
        return marks;
    }
    let b = text.as_bytes();
    walk(text, &mut |found| match found {
        Found::Clock(c) if c.colonless => marks.colonless_clocks = marks.colonless_clocks.saturating_add(1),
        Found::Clock(c) if !c.in_words && !c.offset_of_previous => {
            marks.clocks = marks.clocks.saturating_add(1);
            marks.vague_clocks = marks.vague_clocks.saturating_add(u8::from(c.vague));
            marks.range |= c.joined_to_previous;
            marks.first_minute.get_or_insert(c.minute);
            marks.zone |= c.zone.is_some();
        }
        // A month's date written with dashes ("apr-15-2021") was read
        // after the rules were written against counts of dates.
        Found::Date(d) if !(b[d.at.start].is_ascii_alphabetic() && text[d.at.clone()].contains('-')) => {
            marks.dates = marks.dates.saturating_add(1);
        }
        Found::Duration(d) if !d.in_words => {
            marks.durations = marks.durations.saturating_add(1);
            marks.approx_durations = marks.approx_durations.saturating_add(u8::from(d.approx));
        }
        // Times in words ("noon", "twenty minutes") came after the rules
        // were written against counts of numeric times; an offset is no time.
        Found::Clock(_) | Found::Date(_) | Found::Duration(_) => {}
    });
    marks
}

/// Whether `text` holds an ASCII digit: most sentences hold none, and
/// several recognisers need one before they walk the sentence. Tested 32
/// bytes at a time with no branch per byte.
pub fn has_digit(text: &str) -> bool {
    text.as_bytes().chunks(32).any(|chunk| chunk.iter().fold(false, |seen, c| seen | c.is_ascii_digit()))
}

/// Whether any three bytes in a row of `b` satisfy `test`: a sieve that
/// most sentences do not pass, run before an exact search. Tested 32
/// triples at a time with no branch per byte, where a search for a common
/// letter (`memchr`) stops and restarts at each of its many occurrences.
fn holds_triple(b: &[u8], test: impl Fn(u8, u8, u8) -> bool) -> bool {
    let firsts = &b[..b.len().saturating_sub(2)];
    let (seconds, thirds) = (b.get(1..).unwrap_or_default(), b.get(2..).unwrap_or_default());
    firsts
        .chunks(32)
        .zip(seconds.chunks(32))
        .zip(thirds.chunks(32))
        .any(|((xs, ys), zs)| xs.iter().zip(ys).zip(zs).fold(false, |seen, ((&x, &y), &z)| seen | test(x, y, z)))
}

/// Whether lowercased `text` holds "hour", "day" or "minute", the units a
/// length of time in words needs: a sieve for their first three letters,
/// then one search for their first letters, where a substring search for
/// each read the sentence three times.
fn names_a_unit(text: &str) -> bool {
    let b = text.as_bytes();
    let unit_start = |x: u8, y: u8, z: u8| {
        ((x == b'h') & (y == b'o') & (z == b'u')) | ((x == b'd') & (y == b'a') & (z == b'y')) | ((x == b'm') & (y == b'i') & (z == b'n'))
    };
    if !holds_triple(b, unit_start) {
        return false;
    }
    memchr::memchr3_iter(b'h', b'd', b'm', b).any(|i| {
        let rest = &b[i..];
        rest.starts_with(b"hour") || rest.starts_with(b"day") || rest.starts_with(b"minute")
    })
}

/// Whether lowercased `text` holds "minute", "hour", "midnight", "noon"
/// or "midday", which a time in words needs ("twenty minutes later",
/// "at noon"): the sieve of [`names_a_unit`] for their first three
/// letters, then their first letters, where a substring search for each
/// read most sentences five times.
pub fn names_a_time_in_words(text: &str) -> bool {
    let b = text.as_bytes();
    let word_start = |x: u8, y: u8, z: u8| {
        ((x == b'm') & (y == b'i') & ((z == b'n') | (z == b'd'))) | ((x == b'h') & (y == b'o') & (z == b'u')) | ((x == b'n') & (y == b'o') & (z == b'o'))
    };
    if !holds_triple(b, word_start) {
        return false;
    }
    memchr::memchr3_iter(b'm', b'h', b'n', b).any(|i| {
        let rest = &b[i..];
        [&b"minute"[..], b"hour", b"midnight", b"noon", b"midday"].iter().any(|w| rest.starts_with(w))
    })
}

/// One time expression, with its byte range in the scanned text.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Clock(Clock),
    Date(Date),
    Duration(Duration),
}

/// A clock time: "14:02", "3:15 pm pst", the time of "2020-02-20t21:28z",
/// "midnight".
#[derive(Clone, Debug, PartialEq)]
pub struct Clock {
    pub at: Range<usize>,
    /// Minutes after midnight, 24-hour ("24:00" is 1440).
    pub minute: u16,
    /// The zone written right after it, if any.
    pub zone: Option<Zone>,
    /// "a little after 11pm".
    pub vague: bool,
    /// Joined to the clock time before it as a range: "14:02 to 14:39".
    pub joined_to_previous: bool,
    /// "noon", "midnight".
    pub in_words: bool,
    /// Not a time: the "02:00" of "21:28+02:00", the previous clock
    /// time's UTC offset. Neither [`scan`] nor the timeline counts it.
    pub offset_of_previous: bool,
    /// Four digits and a zone, no colon: "1518 utc", "0401z".
    pub colonless: bool,
}

/// A time zone as written: a name ("utc", "pst") or an offset ("+02:00").
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    pub at: Range<usize>,
    /// Minutes east of UTC, when the zone says it unambiguously ("pt" is
    /// PST or PDT, so it has none).
    pub offset: Option<i16>,
}

/// A calendar date; each part only when the text gives it unambiguously.
#[derive(Clone, Debug, PartialEq)]
pub struct Date {
    pub at: Range<usize>,
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A length of time: "2 hours", "1h50m", "twenty minutes later".
#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    pub at: Range<usize>,
    /// Whole minutes (seconds round down; "a day" is 1440).
    pub minutes: u32,
    /// "about 2 hours".
    pub approx: bool,
    /// Counted from the moment told before: "twenty minutes later",
    /// "after 2 hours".
    pub relative: bool,
    /// "twenty minutes", "two hours": the number in words.
    pub in_words: bool,
}

/// Calls `each` for every time expression in lowercased `text`, in order.
/// One pass, no backtracking. `each` is called through a pointer: a copy
/// of the walk for each caller's closure cost the WebAssembly about 2 KB
/// gzipped apiece, and the few times a sentence holds are no cost to call.
pub fn walk(text: &str, each: &mut dyn FnMut(Found)) {
    let b = text.as_bytes();
    // Where the last clock time ended, to tell a range.
    let mut last_clock: Option<usize> = None;
    // Where the digits of an offset written onto the last clock time
    // ("+02:00") start.
    let mut offset_starts: Option<usize> = None;
    // Where the last colonless clock time ended: such a time is joined
    // only to another, so the ranges [`scan`] counts stay those of colons.
    let mut last_colonless: Option<usize> = None;
    // Where the last date with a month name ended ("sep 27, 2017"), whose
    // year is no time.
    let mut date_ends: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && is_word(b[i - 1]) && !b[i - 1].is_ascii_digit() && b[i - 1] != b't') {
            // Words: month names, "an hour", "twenty minutes", "noon".
            if b[i].is_ascii_alphabetic() && (i == 0 || !is_word(b[i - 1])) {
                let end = word_end(b, i);
                // Every word asked about below (a month, a number, "an",
                // "half", "noon") is at most nine letters long and begins
                // with one of these: most words are turned away here.
                if end - i > 9 || !matches!(b[i], b'a' | b'd' | b'e' | b'f' | b'h' | b'j' | b'm' | b'n' | b'o' | b's' | b't') {
                    i = end.max(i + 1);
                    continue;
                }
                let word = &text[i..end];
                if let Some(date) = month_number(word).and_then(|month| month_date(b, i, end, month)) {
                    date_ends = Some(date.at.end);
                    each(Found::Date(date));
                }
                if matches!(word, "an" | "a" | "half") {
                    let next = skip_spaces(b, end);
                    let next_end = word_end(b, next);
                    let unit = &text[next..next_end];
                    if let Some(per) = unit_minutes(unit).filter(|_| matches!(unit, "hour" | "day" | "minute")) {
                        // "half an hour" is read here at "an", after "half".
                        let half = text[..i].trim_end().ends_with("half");
                        let minutes = if half { per / 2 } else { per };
                        each(Found::Duration(duration(text, i, next_end, minutes.max(1), false)));
                    }
                } else if let Some((n, unit_end)) = number_in_words(text, i, end) {
                    each(Found::Duration(duration(text, i, unit_end, n, true)));
                    i = unit_end;
                    continue;
                } else if matches!(word, "noon" | "midday" | "midnight") {
                    let minute = if word == "midnight" { 0 } else { 12 * 60 };
                    each(Found::Clock(Clock {
                        at: i..end,
                        minute,
                        zone: zone_after(text, end),
                        vague: qualified(text, i, VAGUE_CLOCK),
                        joined_to_previous: last_clock.is_some_and(|l| l <= i && joins_a_range(&text[l..i])),
                        in_words: true,
                        offset_of_previous: false,
                        colonless: false,
                    }));
                    // Not a range's first end: the ranges counted for the
                    // verdict features were of digits only.
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
            let (n2, e2) = digits(b, e1 + 1);
            if e2 - (e1 + 1) == 2 && at(b, e2) == b'-' {
                let (n3, e3) = digits(b, e2 + 1);
                if e3 - (e2 + 1) == 2 {
                    let valid = (1..=12).contains(&n2) && (1..=31).contains(&n3);
                    each(Found::Date(Date {
                        at: start..e3,
                        year: valid.then_some(n1 as u16),
                        month: valid.then_some(n2 as u8),
                        day: valid.then_some(n3 as u8),
                    }));
                    i = e3;
                    continue;
                }
            }
        }
        // Military time: "1518 utc", "0401z". Four digits are a time only
        // with a zone named after them, and never a year a date just took.
        if len1 == 4 && (start == 0 || matches!(b[start - 1], b' ' | b'(' | b'[' | b'|' | b'*' | b'_')) && date_ends != Some(e1) {
            let (hour, minute) = (n1 / 100, n1 % 100);
            // A named zone; "z" only written onto the digits ("0401z").
            let zone = zone_after(text, e1)
                .filter(|z| b[z.at.start].is_ascii_alphabetic() && (z.at.start == e1 || &text[z.at.clone()] != "z"));
            if let Some(zone) = zone.filter(|_| hour < 24 && minute < 60) {
                let end = zone.at.end;
                each(Found::Clock(zoned_clock(text, start..e1, hour * 60 + minute, zone, last_colonless, true)));
                last_colonless = Some(end);
                i = end;
                continue;
            }
        }
        // Clock written with an "h" (French, Continental style): "18h05
        // UTC". Only with a zone after it: "12h30" alone may be a duration.
        if len1 == 2 && at(b, e1) == b'h' && n1 < 24 {
            let (n2, e2) = digits(b, e1 + 1);
            if e2 - (e1 + 1) == 2
                && n2 < 60
                && !is_word(at(b, e2))
                && let Some(zone) = zone_after(text, e2)
            {
                each(Found::Clock(zoned_clock(text, start..e2, n1 * 60 + n2, zone, last_clock, false)));
                last_clock = Some(e2);
                i = e2;
                continue;
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
                let joined_to_previous = last_clock.is_some_and(|l| l <= start && joins_a_range(&text[l..start]));
                let after = skip_spaces(b, end);
                let after_end = word_end(b, after);
                let word = &text[after..after_end];
                let mut hour = n1;
                if matches!(word, "am" | "pm" | "a.m" | "p.m") {
                    end = after_end;
                    // "p.m." keeps its last dot.
                    if at(b, end) == b'.' && word.contains('.') {
                        end += 1;
                    }
                    hour = twenty_four(n1, word.starts_with('p'));
                }
                let zone = zone_after(text, end);
                let offset_of_previous = offset_starts == Some(start);
                offset_starts = zone.as_ref().filter(|z| z.at.start == end).map(|z| z.at.start + 1);
                each(Found::Clock(Clock {
                    at: start..end,
                    minute: (hour * 60 + n2) as u16,
                    zone,
                    vague: qualified(text, start, VAGUE_CLOCK),
                    joined_to_previous,
                    in_words: false,
                    offset_of_previous,
                    colonless: false,
                }));
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
                each(Found::Clock(Clock {
                    at: start..after_end,
                    minute: (twenty_four(n1, b[after] == b'p') * 60) as u16,
                    zone: zone_after(text, after_end),
                    vague: qualified(text, start, VAGUE_CLOCK),
                    joined_to_previous: last_clock.is_some_and(|l| l <= start && joins_a_range(&text[l..start])),
                    in_words: false,
                    offset_of_previous: false,
                    colonless: false,
                }));
                last_clock = Some(after_end);
                i = after_end;
                continue;
            }
        }
        // US or European numeric dates: 04/15/2020, 15.04.2020.
        if (1..=2).contains(&len1) && matches!(at(b, e1), b'/' | b'.') {
            let sep = b[e1];
            let (n2, e2) = digits(b, e1 + 1);
            if (1..=2).contains(&(e2 - (e1 + 1))) && at(b, e2) == sep {
                let (n3, e3) = digits(b, e2 + 1);
                if matches!(e3 - (e2 + 1), 2 | 4) {
                    each(Found::Date(numeric_date(start..e3, sep, n1, n2, n3)));
                    i = e3;
                    continue;
                }
            }
        }
        // Durations: 1h50m, 0h 30m, 2 hours, 90 minutes, 1.5 hours.
        let mut end = e1;
        let mut tenths = 0;
        if at(b, end) == b'.' && at(b, end + 1).is_ascii_digit() {
            tenths = u32::from(b[end + 1] - b'0');
            end = digits(b, end + 1).1;
        }
        let unit_start = if at(b, end) == b' ' || at(b, end) == b'-' { end + 1 } else { end };
        let unit_end = word_end(b, unit_start);
        let unit = &text[unit_start..unit_end];
        let spelled = unit_start > end && unit.len() > 1;
        let compact = unit_start == end;
        if DURATION_UNITS.contains(&unit) && (spelled || compact) && !(unit == "m" && spelled) {
            let per = unit_minutes(unit).unwrap_or(0);
            let mut minutes = n1.saturating_mul(per).saturating_add(tenths * per / 10);
            i = unit_end;
            // "1h50m" or "0h 30m" is one duration.
            let next = skip_spaces(b, i);
            if at(b, next).is_ascii_digit() {
                let (n, e) = digits(b, next);
                let ue = word_end(b, e);
                if DURATION_UNITS.contains(&&text[e..ue]) {
                    minutes = minutes.saturating_add(n.saturating_mul(unit_minutes(&text[e..ue]).unwrap_or(0)));
                    i = ue;
                }
            }
            each(Found::Duration(duration(text, start, i, minutes, false)));
            continue;
        }
        i = e1.max(i + 1);
    }
}

/// The clock time of four digits and no colon an entry opens with ("0730
/// | operator | …", "1412 - alerts fire"), where [`walk`] reads none: it
/// takes four digits for a time only with a zone after them ("1518 utc").
/// The caller tells whether the entry's context makes them a time (a
/// timeline's run of such entries); this only reads them: not a date's
/// year ("2019-02-27"), not part of a longer number or a word, and an hour
/// and minute a clock has.
pub fn opening_four_digits(text: &str) -> Option<Clock> {
    let b = text.as_bytes();
    let start = b.iter().position(|c| !matches!(c, b' ' | b'|' | b'*' | b'_' | b'[' | b'('))?;
    let (n, end) = digits(b, start);
    let next = at(b, end);
    let joins_digits = matches!(next, b'-' | b'/' | b'.' | b',' | b':') && at(b, end + 1).is_ascii_digit();
    if end - start != 4 || is_word(next) || joins_digits || n / 100 > 23 || n % 100 > 59 {
        return None;
    }
    Some(Clock {
        at: start..end,
        minute: (n / 100 * 60 + n % 100) as u16,
        zone: None,
        vague: false,
        joined_to_previous: false,
        in_words: false,
        offset_of_previous: false,
        colonless: true,
    })
}

/// A duration found at `start..end`, with what the words around it say.
fn duration(text: &str, start: usize, end: usize, minutes: u32, in_words: bool) -> Duration {
    let b = text.as_bytes();
    let next = skip_spaces(b, end);
    let later = text[next..word_end(b, next)] == *"later";
    Duration {
        at: start..if later { word_end(b, next) } else { end },
        minutes,
        approx: qualified(text, start, APPROX),
        relative: later || qualified(text, start, &["after"]),
        in_words,
    }
}

/// Minutes in one of a duration unit; seconds count as none.
fn unit_minutes(unit: &str) -> Option<u32> {
    Some(match unit {
        "seconds" | "second" | "secs" | "sec" | "s" => 0,
        "minutes" | "minute" | "mins" | "min" | "m" => 1,
        "hours" | "hour" | "hrs" | "hr" | "h" => 60,
        "days" | "day" | "d" => 24 * 60,
        "weeks" | "week" => 7 * 24 * 60,
        _ => return None,
    })
}

/// A number in words before a duration unit: "twenty minutes",
/// "forty-five minutes", "two hours". Returns the minutes and where the
/// unit ends.
fn number_in_words(text: &str, start: usize, end: usize) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    let mut n = word_number(&text[start..end])?;
    let mut p = end;
    // "forty-five", "twenty five".
    if n >= 20 && n % 10 == 0 && matches!(at(b, p), b'-' | b' ') {
        let units_end = word_end(b, p + 1);
        if let Some(u) = word_number(&text[p + 1..units_end]).filter(|u| *u < 10) {
            n += u;
            p = units_end;
        }
    }
    let unit_start = skip_spaces(b, p);
    if unit_start == p {
        return None;
    }
    let unit_end = word_end(b, unit_start);
    let per = unit_minutes(&text[unit_start..unit_end]).filter(|_| unit_end - unit_start > 1)?;
    Some((n * per, unit_end))
}

/// A `match`, not a list searched: it compiles to a switch on length and
/// bytes, and every word of a sentence that names a time is asked.
fn word_number(word: &str) -> Option<u32> {
    Some(match word {
        // Not "zero": no length of time.
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A numeric date: with "." day.month.year; with "/" month/day/year (US)
/// unless the first number cannot be a month. Day and month stay unknown
/// when either reading fits.
fn numeric_date(at: Range<usize>, sep: u8, n1: u32, n2: u32, n3: u32) -> Date {
    let year = Some(if n3 < 100 { 2000 + n3 } else { n3 } as u16);
    let (month, day) = match sep {
        b'.' => (n2, n1),
        _ if n1 > 12 => (n2, n1),
        _ if n2 > 12 => (n1, n2),
        _ => return Date { at, year, month: None, day: None },
    };
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day);
    Date { at, year, month: valid.then_some(month as u8), day: valid.then_some(day as u8) }
}

/// The first two numbers of a slash date at the start of `text`
/// ("06/04/2023"), when it is one: one or two digits each, a year of two
/// or four.
fn slash_date_parts(b: &[u8], start: usize) -> Option<(u32, u32)> {
    let (n1, e1) = digits(b, start);
    if !(1..=2).contains(&(e1 - start)) || at(b, e1) != b'/' {
        return None;
    }
    let (n2, e2) = digits(b, e1 + 1);
    if !(1..=2).contains(&(e2 - (e1 + 1))) || at(b, e2) != b'/' {
        return None;
    }
    let e3 = digits(b, e2 + 1).1;
    matches!(e3 - (e2 + 1), 2 | 4).then_some((n1, n2))
}

/// Whether a text's slash dates put the day first. One that can only be
/// day/month ("13/04/2023") says yes, one that can only be month/day
/// ("04/13/2023") no; when none can tell, dates of one incident fall in
/// one month, so the number that changes from date to date is the day
/// ("06/04", "07/04", "11/04": yes). None when nothing tells, or the
/// dates disagree.
pub fn slash_dates_day_first(text: &str) -> Option<bool> {
    let b = text.as_bytes();
    let (mut day_first, mut month_first) = (false, false);
    let mut parts: Option<(u32, u32)> = None;
    let (mut first_varies, mut second_varies) = (false, false);
    let mut i = 0;
    // A slash is rare in prose: searched for by memchr, many bytes at a
    // time, not byte by byte over the whole text.
    while let Some(found) = memchr::memchr(b'/', &b[i..]) {
        let slash = i + found;
        i = slash + 1;
        let mut start = slash;
        while start > 0 && b[start - 1].is_ascii_digit() {
            start -= 1;
        }
        if start == slash || (start > 0 && (b[start - 1] == b'/' || b[start - 1].is_ascii_alphanumeric())) {
            continue;
        }
        let Some((n1, n2)) = slash_date_parts(b, start) else { continue };
        day_first |= n1 > 12 && n2 <= 12;
        month_first |= n2 > 12 && n1 <= 12;
        if let Some((p1, p2)) = parts {
            first_varies |= p1 != n1;
            second_varies |= p2 != n2;
        }
        parts = Some((n1, n2));
    }
    match (day_first, month_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        (true, true) => None,
        (false, false) if first_varies != second_varies => Some(first_varies),
        _ => None,
    }
}

/// Gives an ambiguous slash date ("06/04/2023", month and day unknown)
/// its month and day, read in the order the text's dates use.
pub fn settle_slash_date(date: &mut Date, text: &str, day_first: bool) {
    if date.month.is_some() || date.year.is_none() {
        return;
    }
    let Some((n1, n2)) = slash_date_parts(text.as_bytes(), date.at.start) else { return };
    let (month, day) = if day_first { (n2, n1) } else { (n1, n2) };
    if (1..=12).contains(&month) && (1..=31).contains(&day) {
        date.month = Some(month as u8);
        date.day = Some(day as u8);
    }
}

/// 12 am is midnight, 12 pm noon.
fn twenty_four(hour: u32, pm: bool) -> u32 {
    match (hour % 12, pm) {
        (h, true) => h + 12,
        (h, false) => h,
    }
}

fn month_number(word: &str) -> Option<u8> {
    // A `match`, not a list searched: every word of a sentence that names a
    // time is asked.
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The date a month name opens or closes: "sep 27", "sep 27, 2017",
/// "july 31st", "31st july 2018", "15 april", "september 2017", and
/// with dashes, as block explorers write it, "apr-15-2021".
fn month_date(b: &[u8], start: usize, end: usize, month: u8) -> Option<Date> {
    let day_before = day_before(b, start);
    let dashed = at(b, end) == b'-' && at(b, end + 1).is_ascii_digit();
    let next = if dashed { end + 1 } else { skip_spaces(b, end) };
    if next > end && at(b, next).is_ascii_digit() {
        let (n, e) = digits(b, next);
        if e - next == 4 {
            let (from, day) = day_before.map_or((start, None), |(at, day)| (at, day));
            return Some(Date { at: from..e, year: Some(n as u16), month: Some(month), day });
        }
        // "8 may 05:00": the number after the month is the clock's hour,
        // the day is the one before.
        if e - next <= 2 && (1..=31).contains(&n) && at(b, e) != b':' {
            // An ordinal suffix, then ", 2017" or " 2017".
            let mut stop = word_end(b, e);
            let mut year = None;
            let y = if dashed && stop == e && at(b, e) == b'-' { e + 1 } else { skip_spaces(b, stop + usize::from(at(b, stop) == b',')) };
            let (n_year, e_year) = digits(b, y);
            if e_year - y == 4 {
                year = Some(n_year as u16);
                stop = e_year;
            }
            return Some(Date { at: start..stop, year, month: Some(month), day: Some(n as u8) });
        }
        if at(b, e) != b':' {
            return None;
        }
        // "november 14:49": a month without its day, still a date to the
        // counts the verdicts read.
        return Some(day_before.map_or(Date { at: start..end, year: None, month: Some(month), day: None }, |(from, day)| {
            Date { at: from..end, year: None, month: Some(month), day }
        }));
    }
    // "11 dec, 2017", "december, 2017": a comma between the month and its
    // year. Only a plausible year: "in dec, 1500 users" counts people.
    if at(b, end) == b',' {
        let y = skip_spaces(b, end + 1);
        let (n, e) = digits(b, y);
        if e - y == 4 && (1970..=2100).contains(&n) {
            let (from, day) = day_before.map_or((start, None), |(at, day)| (at, day));
            return Some(Date { at: from..e, year: Some(n as u16), month: Some(month), day });
        }
    }
    day_before.map(|(from, day)| Date { at: from..end, year: None, month: Some(month), day })
}

/// The day written before a month name: "31st july", "15 april", "19.
/// april". Its start, and the day when it is one.
fn day_before(b: &[u8], start: usize) -> Option<(usize, Option<u8>)> {
    let mut p = start;
    while p > 0 && b[p - 1] == b' ' {
        p -= 1;
    }
    if p == start {
        return None;
    }
    let mut q = p;
    while q > 0 && b[q - 1].is_ascii_alphabetic() {
        q -= 1;
    }
    // "19. april": the ordinal dot of German and Scandinavian dates.
    if q == p && q > 0 && b[q - 1] == b'.' {
        q -= 1;
    }
    let suffix_ok = matches!(&b[q..p], b"st" | b"nd" | b"rd" | b"th" | b"." | b"");
    let mut d = q;
    while d > 0 && b[d - 1].is_ascii_digit() {
        d -= 1;
    }
    if !(suffix_ok && d < q && q - d <= 2) {
        return None;
    }
    let (day, _) = digits(b, d);
    Some((d, (1..=31).contains(&day).then_some(day as u8)))
}

/// The zone written right after a clock time ending at `end`: "z",
/// "+02:00", " utc", " (pst)", " utc+2".
fn zone_after(text: &str, end: usize) -> Option<Zone> {
    let b = text.as_bytes();
    let mut p = end;
    if at(b, p) == b'z' && !is_word(at(b, p + 1)) {
        return Some(Zone { at: p..p + 1, offset: Some(0) });
    }
    if matches!(at(b, p), b'+' | b'-') && at(b, p + 1).is_ascii_digit() {
        let (offset, e) = numeric_offset(b, p);
        return Some(Zone { at: p..e, offset });
    }
    p = skip_spaces(b, p);
    if at(b, p) == b'(' {
        p += 1;
    }
    let e = word_end(b, p);
    let name = &text[p..e];
    let utc = text[p..].starts_with("utc") || text[p..].starts_with("gmt");
    // "utc+2", "gmt-7".
    if utc && matches!(at(b, p + 3), b'+' | b'-') && at(b, p + 4).is_ascii_digit() {
        let (offset, e) = numeric_offset(b, p + 3);
        return Some(Zone { at: p..e, offset });
    }
    if ZONES.contains(&name) {
        return Some(Zone { at: p..e, offset: zone_offset(name) });
    }
    utc.then(|| Zone { at: p..p + 3, offset: Some(0) })
}

/// "+02:00", "-0700", "+2": minutes east of UTC, and where it ends.
fn numeric_offset(b: &[u8], sign_at: usize) -> (Option<i16>, usize) {
    let sign = if b[sign_at] == b'-' { -1 } else { 1 };
    let (n, e) = digits(b, sign_at + 1);
    let (hours, minutes, end) = match e - (sign_at + 1) {
        1 | 2 if at(b, e) == b':' && at(b, e + 1).is_ascii_digit() => {
            let (m, e2) = digits(b, e + 1);
            (n, m, e2)
        }
        1 | 2 => (n, 0, e),
        4 => (n / 100, n % 100, e),
        _ => return (None, e),
    };
    let valid = hours <= 14 && minutes < 60;
    (valid.then(|| sign * (hours * 60 + minutes) as i16), end)
}

/// Minutes east of UTC of a zone name in [`ZONES`]; none for names that
/// stand for two offsets ("pt" is PST or PDT) or several places.
pub fn zone_offset(name: &str) -> Option<i16> {
    Some(match name {
        "utc" | "gmt" | "z" | "wet" => 0,
        "bst" | "cet" | "west" => 60,
        "cest" | "eet" => 120,
        "eest" => 180,
        "ist" => 330,
        "hkt" | "sgt" => 480,
        "jst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "est" => -300,
        "edt" | "cdt" => if name == "edt" { -240 } else { -300 },
        "cst" | "mdt" => -360,
        "mst" | "pdt" => -420,
        "pst" => -480,
        _ => return None,
    })
}

/// A zone named on its own, as a timeline states one for all its times:
/// "all times utc", "time (pst)". The first word of `text` in [`ZONES`]
/// other than "z", "et" and "pt", which are words too often.
pub fn zone_named(text: &str) -> Option<Zone> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() && (i == 0 || !is_word(b[i - 1])) {
            let end = word_end(b, i);
            let name = &text[i..end];
            if ZONES.contains(&name) && !matches!(name, "z" | "et" | "pt") && !is_word(at(b, end)) {
                return Some(Zone { at: i..end, offset: zone_offset(name) });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    None
}

/// A clock time that is one only because a zone follows it ("1518 utc",
/// "18h05 utc"), joined as a range to the clock time of its own kind that
/// ended at `previous`.
fn zoned_clock(text: &str, at: Range<usize>, minute: u32, zone: Zone, previous: Option<usize>, colonless: bool) -> Clock {
    let start = at.start;
    Clock {
        at,
        minute: minute as u16,
        zone: Some(zone),
        vague: qualified(text, start, VAGUE_CLOCK),
        joined_to_previous: previous.is_some_and(|l| l <= start && joins_a_range(&text[l..start])),
        in_words: false,
        offset_of_previous: false,
        colonless,
    }
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
    fn a_utc_offset_written_onto_a_clock_time_is_no_second_time_nor_a_range() {
        let m = scan("the deploy ran at 21:28+02:00 and again at 06:10-08:00");
        assert_eq!(m.clocks, 2);
        assert!(!m.range);
    }

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

    fn found(text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        walk(text, &mut |f| out.push(f));
        out
    }

    /// The year, month and day of every date found in `text`.
    fn date_parts(text: &str) -> Vec<(Option<u16>, Option<u8>, Option<u8>)> {
        found(text).into_iter().filter_map(|f| if let Found::Date(d) = f { Some((d.year, d.month, d.day)) } else { None }).collect()
    }

    fn clocks(text: &str) -> Vec<(u16, Option<i16>)> {
        found(text)
            .into_iter()
            .filter_map(|f| match f {
                Found::Clock(c) if !c.offset_of_previous => Some((c.minute, c.zone.and_then(|z| z.offset))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn twelve_and_twenty_four_hour_clocks_with_their_zones() {
        assert_eq!(clocks("by 3:15 pm pst"), [(915, Some(-480))]);
        assert_eq!(clocks("at 3:15 p.m. (pdt)"), [(915, Some(-420))]);
        assert_eq!(clocks("at 12:05 am and 11pm"), [(5, None), (1380, None)]);
        assert_eq!(clocks("at 14:02 utc"), [(842, Some(0))]);
        assert_eq!(clocks("2020-02-20t21:28:00+02:00"), [(1288, Some(120))]);
        assert_eq!(clocks("21:28z, 09:00 utc+2, 10:00-0700"), [(1288, Some(0)), (540, Some(120)), (600, Some(-420))]);
        assert_eq!(clocks("at 10:00 pt"), [(600, None)], "pt is pst or pdt");
        assert_eq!(clocks("shortly past midnight, and again at noon"), [(0, None), (720, None)]);
    }

    #[test]
    fn a_comma_between_a_month_and_its_year_keeps_the_year() {
        assert_eq!(date_parts("start time: 11 dec, 2017 09:00 cst. in dec, 1500 users"), [(Some(2017), Some(12), Some(11))]);
    }

    #[test]
    fn dates_keep_their_parts() {
        assert_eq!(
            date_parts("2024-03-01, sep 27, 2017, 31st july 2018, on march 3, 15.04.2020, 04/05/2020, 19. april, 11:00"),
            [
                (Some(2024), Some(3), Some(1)),
                (Some(2017), Some(9), Some(27)),
                (Some(2018), Some(7), Some(31)),
                (None, Some(3), Some(3)),
                (Some(2020), Some(4), Some(15)),
                (Some(2020), None, None),
                (None, Some(4), Some(19)),
            ]
        );
    }

    #[test]
    fn a_date_written_with_dashes_after_its_month_keeps_its_parts() {
        assert_eq!(date_parts("date and time (in utc): apr-15-2021 11:05:04 am"), [(Some(2021), Some(4), Some(15))]);
        assert_eq!(date_parts("[dec-3 5:50 pm] someone: which rack"), [(None, Some(12), Some(3))]);
        assert_eq!(date_parts("may 15-17 we were away"), [(None, Some(5), Some(15))]);
        let marks = scan("apr-15-2021 11:05:04 am");
        assert_eq!((marks.clocks, marks.dates), (1, 0), "the counts the verdicts read leave it out");
    }

    #[test]
    fn slash_dates_read_in_the_order_the_text_uses() {
        assert_eq!(slash_dates_day_first("on 06/04/2023 and 13/04/2023"), Some(true));
        assert_eq!(slash_dates_day_first("on 04/06/2023 and 04/13/23"), Some(false));
        assert_eq!(slash_dates_day_first("06/04/2023 21:42 - ...; 07/04/2023 01:00 - ...; 11/04/2023 08:14"), Some(true), "the day changes");
        assert_eq!(slash_dates_day_first("04/06/2023 21:42; 04/07/2023 01:00"), Some(false), "the day changes");
        assert_eq!(slash_dates_day_first("06/04/2023 only"), None);
        assert_eq!(slash_dates_day_first("13/04/2023 and 04/13/2023"), None, "they disagree");
        assert_eq!(slash_dates_day_first("ratio 3/4, path a/b/c, 1/2/3 and v10/11/2023"), None);
        let text = "06/04/2023 21:42";
        let Some(Found::Date(mut date)) = found(text).into_iter().next() else { panic!("a date") };
        assert_eq!((date.month, date.day), (None, None));
        settle_slash_date(&mut date, text, true);
        assert_eq!((date.year, date.month, date.day), (Some(2023), Some(4), Some(6)));
    }

    #[test]
    fn durations_in_minutes_and_relative_times() {
        let durations: Vec<(u32, bool, bool)> = found("1h50m; twenty minutes later; after 2 hours; forty-five minutes later; half an hour later; about 90 minutes")
            .into_iter()
            .filter_map(|f| if let Found::Duration(d) = f { Some((d.minutes, d.relative, d.approx)) } else { None })
            .collect();
        assert_eq!(durations, [(110, false, false), (20, true, false), (120, true, false), (45, true, false), (30, true, false), (90, false, true)]);
    }

    #[test]
    fn times_in_words_leave_the_counts_the_verdicts_read_unchanged() {
        let m = scan("twenty minutes later, at midnight");
        assert_eq!((m.clocks, m.durations), (0, 0));
    }

    #[test]
    fn a_time_in_words_is_found_as_a_search_for_each_word_finds_it() {
        for text in ["twenty minutes later", "an hour", "at midnight", "by noon", "midday", "at 10:00", "in the morning", "a mid-size node", "hou", ""] {
            let searched = ["minute", "hour", "midnight", "noon", "midday"].iter().any(|w| text.contains(w));
            assert_eq!(names_a_time_in_words(text), searched, "{text:?}");
        }
    }

    #[test]
    fn a_zone_named_alone() {
        assert_eq!(zone_named("all times utc.").map(|z| z.offset), Some(Some(0)));
        assert_eq!(zone_named("time (pst) | event |").map(|z| z.offset), Some(Some(-480)));
        assert_eq!(zone_named("et al. wrote z"), None);
    }

    #[test]
    fn numbers_are_not_times() {
        let m = scan("version 1.24.0 and 30k crates, ratio 3:1");
        assert_eq!(m.clocks, 0);
    }

    #[test]
    fn a_clock_written_with_an_h_and_a_zone_is_a_clock() {
        assert_eq!(clocks("on 17 june 2023, 18h05 utc, nodes stopped"), vec![(18 * 60 + 5, Some(0))]);
        assert!(clocks("it took 12h30 to rebuild").is_empty(), "no zone: maybe a duration");
    }

    #[test]
    fn military_times_with_a_zone_are_clocks_apart_from_the_counts_the_verdicts_read() {
        assert_eq!(clocks("at 1518 utc the disk failed; 0401z; 1400utc, (0756 pst)"), [(918, Some(0)), (241, Some(0)), (840, Some(0)), (476, Some(-480))]);
        let m = scan("between 1100 utc and 1200 utc");
        assert_eq!((m.clocks, m.colonless_clocks, m.range), (0, 2, false));
        assert!(matches!(&found("1100 utc to 1200 utc")[1], Found::Clock(c) if c.joined_to_previous));
    }

    #[test]
    fn four_digits_without_a_zone_or_as_a_year_are_no_time() {
        assert!(clocks("in 1518 the ship sailed; 2460 utc; 1299 utc; pid 1518 z; v1518 utc").is_empty());
        assert!(clocks("on sep 27, 2017 utc").is_empty());
    }

    #[test]
    fn four_digits_opening_an_entry_read_as_a_clock_time_of_the_day() {
        let minute = |text: &str| opening_four_digits(text).map(|c| (c.minute, c.at));
        assert_eq!(minute("0730 | `operator` | the operator renews"), Some((450, 0..4)));
        assert_eq!(minute("| 1412 | alerts fire"), Some((852, 2..6)));
        assert_eq!(minute("2359: done"), Some((1439, 0..4)));
        for text in ["2019-02-27 06:45", "12345 requests", "2460 | x", "1299 | x", "1518ms", "0730:15", "1,500 users", "v1518", "we saw 1518"] {
            assert_eq!(minute(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_number_after_a_month_is_no_day_when_it_is_a_clock_times_hour() {
        let dates: Vec<(Option<u8>, Option<u8>)> = found("update 8 may 05:00 utc; on may 9 at 05:00")
            .into_iter()
            .filter_map(|f| if let Found::Date(d) = f { Some((d.month, d.day)) } else { None })
            .collect();
        assert_eq!(dates, [(Some(5), Some(8)), (Some(5), Some(9))]);
        assert_eq!(clocks("update 8 may 05:00 utc"), [(300, Some(0))]);
    }
}
