//! The incident's timeline as the web app shows it under the scorecard,
//! built as one HTML string: the figures in one line, the phases from
//! began to resolved drawn as an SVG bar with the key moments marked and
//! labelled, every timed event as a button, and the engine's notes. When
//! the text gives no time, what to add instead.
//!
//! A string, like the mirror in [`crate::preview`], so the person's text
//! passes through the same escaping and native tests can read the result;
//! and because one string costs the WebAssembly a fraction of what as
//! many view types would. Whatever shows a passage carries its byte range
//! by its index, `data-event` or `data-note`, not by its bytes: an edit
//! elsewhere moves the bytes but leaves this HTML the same, so the page
//! is not rewritten on every keystroke. The app listens for clicks on the
//! whole.
//!
//! The chart is for the eye and the mouse (`aria-hidden`); the list of
//! events says the same to a screen reader and takes the keyboard.

use crate::engine::timeline::{Event, EventKind, NoteKind, Timeline, minutes_as_words};
use crate::engine::suggest::plain_words;
use crate::preview::escape_into;
use std::fmt::Write as _;

/// The moments whose times bound the phases, in the order they happen.
const PHASE_ENDS: [EventKind; 4] = [
    EventKind::Began,
    EventKind::Detected,
    EventKind::Mitigated,
    EventKind::Resolved,
];

/// The chart's geometry in CSS pixels. Across, it is in percent of its
/// width, so it fits any screen without shrinking its text.
const BAR_TOP: u32 = 6;
const BAR_HEIGHT: u32 = 14;
/// Each key moment's label has a row of its own below the bar, so the
/// labels of moments close in time never overlap, however narrow.
const LABEL_ROW: u32 = 18;

fn kind_word(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Began => "Began",
        EventKind::Detected => "Detected",
        EventKind::Responded => "Responded",
        EventKind::Mitigated => "Mitigated",
        EventKind::Resolved => "Resolved",
        EventKind::Other => "",
    }
}

/// "14:02" as minutes after midnight.
fn clock_minutes(clock: &str) -> Option<i64> {
    let (hours, minutes) = clock.split_once(':')?;
    Some(hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?)
}

/// Minutes from the start to `event`: the engine's durations for the
/// moments it measures; for the others (responded, the other events),
/// by their clocks when both are dated or both undated and in one zone,
/// as the engine orders times. `None` when it cannot be told, or when the
/// engine found an implausible gap in the times (a mistyped date), which
/// those clocks could span.
fn minutes_in(timeline: &Timeline, event: &Event) -> Option<u32> {
    let d = &timeline.durations;
    match event.kind {
        EventKind::Began => Some(0),
        EventKind::Detected => d.to_detect,
        EventKind::Mitigated => d.to_mitigate,
        EventKind::Resolved => d.to_resolve,
        EventKind::Responded | EventKind::Other => {
            if timeline
                .notes
                .iter()
                .any(|n| n.kind == NoteKind::ImplausibleGap)
            {
                return None;
            }
            let began = timeline
                .events
                .iter()
                .find(|e| e.kind == EventKind::Began)?;
            if began.date.is_some() != event.date.is_some() || began.zone != event.zone {
                return None;
            }
            let at = |e: &Event| Some(i64::from(e.day) * 1440 + clock_minutes(&e.clock)?);
            u32::try_from(at(event)? - at(began)?).ok()
        }
    }
}

/// "the impact began and when it was resolved": the key moments that
/// bound the phases and the text does not give.
fn missing_moments(timeline: &Timeline) -> Option<String> {
    let missing: Vec<&str> = PHASE_ENDS
        .into_iter()
        .filter(|&kind| !timeline.events.iter().any(|e| e.kind == kind))
        .map(|kind| match kind {
            EventKind::Began => "when the impact began",
            EventKind::Detected => "when it was detected",
            EventKind::Mitigated => "when it was mitigated",
            _ => "when it was resolved",
        })
        .collect();
    match missing.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// `part` of `whole` as an SVG length, "23.4%", in whole numbers: float
/// formatting would cost the WebAssembly more than the whole chart.
fn percent(part: u32, whole: u32) -> String {
    let tenths = u64::from(part) * 1000 / u64::from(whole);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// A table row's passage, "09:05 | Config change deployed", with its
/// cells joined as a reader would say them: "09:05 \u{b7} Config change
/// deployed". The pipes are the row's Markdown, not its words. A pipe
/// inside a code span ("`ps | grep`") or escaped ("\\|") is the cell's
/// own, as in a table; a passage with no cell pipe is left as it is.
fn cells_read_as_one(passage: &str) -> String {
    let mut cells: Vec<&str> = Vec::new();
    let (mut cell_start, mut in_code, mut escaped) = (0, false, false);
    for (i, c) in passage.char_indices() {
        match c {
            '|' if !in_code && !escaped => {
                cells.push(&passage[cell_start..i]);
                cell_start = i + 1;
            }
            '`' => in_code = !in_code,
            _ => {}
        }
        escaped = c == '\\' && !escaped;
    }
    if cells.is_empty() {
        return passage.to_string();
    }
    cells.push(&passage[cell_start..]);
    let words: Vec<&str> = cells.into_iter().map(str::trim).filter(|cell| !cell.is_empty()).collect();
    words.join(" \u{b7} ")
}

/// ` data-event="3"`: a click shows event 3's passage.
fn event_attribute(out: &mut String, index: usize) {
    let _ = write!(out, r#" data-event="{index}""#);
}

/// The panel's content under its heading.
pub fn timeline_html(timeline: &Timeline) -> String {
    let mut out = String::new();
    if timeline.events.is_empty() {
        out.push_str(concat!(
            r#"<p class="timeline-empty" data-testid="timeline-empty">"#,
            "No timed events found in the text yet (times when updates were posted are not events). Add a timeline: when the impact began, when it was ",
            "detected, mitigated and resolved, each with its time and zone, such as ",
            "\u{201c}14:02 UTC errors begin\u{201d}.</p>",
        ));
        return out;
    }
    if let Some(figures) = timeline.figures() {
        let _ = write!(
            out,
            r#"<p class="timeline-figures" data-testid="timeline-figures">{figures}</p>"#
        );
    }
    chart(&mut out, timeline);
    if let Some(missing) = missing_moments(timeline) {
        let _ = write!(
            out,
            r#"<p class="timeline-missing" data-testid="timeline-missing">Not given: {missing}. Add each with its time to see how long it took.</p>"#
        );
    }
    out.push_str(r#"<ol class="timeline-events" aria-label="Timed events, in order; each shows its passage in the text">"#);
    for (i, e) in timeline.events.iter().enumerate() {
        let kind = e.kind.as_str();
        let _ = write!(
            out,
            r#"<li><button type="button" class="timeline-event kind-{kind}" data-testid="timeline-event" data-kind="{kind}""#
        );
        event_attribute(&mut out, i);
        out.push_str(r#"><span class="event-when">"#);
        escape_into(&mut out, &e.when());
        out.push_str("</span> ");
        if e.kind != EventKind::Other {
            let _ = write!(out, r#"<span class="event-kind">{}"#, kind_word(e.kind));
            if let Some(m) = minutes_in(timeline, e).filter(|_| e.kind != EventKind::Began) {
                let _ = write!(out, " after {}", minutes_as_words(m));
            }
            out.push_str("</span> ");
        }
        out.push_str(r#"<span class="event-text">"#);
        escape_into(&mut out, &plain_words(&cells_read_as_one(&e.text)));
        out.push_str("</span></button></li>");
    }
    out.push_str("</ol>");
    if !timeline.notes.is_empty() {
        out.push_str(r#"<ul class="timeline-notes" aria-label="About these times">"#);
        for (i, n) in timeline.notes.iter().enumerate() {
            out.push_str(r#"<li data-testid="timeline-note">"#);
            escape_into(&mut out, &n.message);
            if n.start.is_some() {
                let _ = write!(
                    out,
                    r#" <button type="button" class="link-button" data-note="{i}">Show in text</button>"#
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

/// The bar, when the start is given and a later key moment can be
/// measured from it: one segment per phase (until detected, until
/// mitigated, until resolved), a labelled marker per key moment and a
/// tick per other event within it.
fn chart(out: &mut String, timeline: &Timeline) {
    // Each event that can be placed: its index, itself, its minutes.
    let placed: Vec<(usize, &Event, u32)> = timeline
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e, minutes_in(timeline, e)?)))
        .collect();
    let Some(span) = placed
        .iter()
        .filter(|(_, e, _)| e.kind != EventKind::Other)
        .map(|&(_, _, m)| m)
        .max()
        .filter(|&m| m > 0)
    else {
        return;
    };
    let x = |minutes: u32| percent(minutes, span);
    let bar_bottom = BAR_TOP + BAR_HEIGHT;
    let key_moments: Vec<(usize, &Event, u32)> = placed
        .iter()
        .filter(|(_, e, _)| e.kind != EventKind::Other)
        .copied()
        .collect();
    let height = bar_bottom + LABEL_ROW * key_moments.len() as u32 + 6;
    let _ = write!(
        out,
        r#"<svg class="timeline-chart" data-testid="timeline-chart" width="100%" height="{height}" aria-hidden="true" focusable="false"><rect class="track" x="0" width="100%" y="{BAR_TOP}" height="{BAR_HEIGHT}"/>"#
    );
    let ends: Vec<(usize, &Event, u32)> = PHASE_ENDS
        .into_iter()
        .filter_map(|kind| key_moments.iter().find(|(_, e, _)| e.kind == kind).copied())
        .collect();
    for pair in ends.windows(2) {
        let ((_, _, from), (_, to, until)) = (pair[0], pair[1]);
        let _ = write!(
            out,
            r#"<rect class="phase phase-{}" x="{}" width="{}" y="{BAR_TOP}" height="{BAR_HEIGHT}"/>"#,
            to.kind.as_str(),
            x(from),
            percent(until.saturating_sub(from), span),
        );
    }
    for &(i, _, minutes) in placed
        .iter()
        .filter(|(_, e, m)| e.kind == EventKind::Other && *m <= span)
    {
        let at = x(minutes);
        out.push_str(r#"<line class="tick""#);
        event_attribute(out, i);
        let _ = write!(
            out,
            r#" x1="{at}" x2="{at}" y1="{BAR_TOP}" y2="{bar_bottom}"/>"#
        );
    }
    // Rows from the middle outwards: a label runs away from its nearer
    // edge, over the bar's half where the moments further out are, and
    // their lines stop on rows below it, so no line crosses a label.
    // A moment on a later day than the start says so: "Responded 18:30"
    // two days on would read as the start's own 18:30.
    let began_clock = key_moments
        .iter()
        .find(|(_, e, _)| e.kind == EventKind::Began)
        .and_then(|(_, e, _)| clock_minutes(&e.clock))
        .and_then(|m| u32::try_from(m).ok());
    let mut rows = key_moments.clone();
    crate::sorting::sort_stably(&mut rows, |a, b| (2 * a.2).abs_diff(span).cmp(&(2 * b.2).abs_diff(span)));
    for (row, &(i, e, minutes)) in rows.iter().enumerate() {
        let (at, label_y) = (x(minutes), bar_bottom + LABEL_ROW * (row as u32 + 1));
        let anchor = if minutes * 2 <= span { "start" } else { "end" };
        let later_day = began_clock.map_or(0, |clock| (clock + minutes) / 1440);
        let _ = write!(out, r#"<g class="marker kind-{}""#, e.kind.as_str());
        event_attribute(out, i);
        let _ = write!(
            out,
            concat!(
                r#"><line x1="{at}" x2="{at}" y1="{top}" y2="{line_end}"/><circle cx="{at}" cy="{middle}" r="5"/>"#,
                r#"<text x="{at}" y="{label_y}" text-anchor="{anchor}">{word} {clock}{day}</text></g>"#,
            ),
            at = at,
            top = BAR_TOP - 4,
            line_end = label_y - 11,
            middle = BAR_TOP + BAR_HEIGHT / 2,
            label_y = label_y,
            anchor = anchor,
            word = kind_word(e.kind),
            clock = e.clock,
            day = if later_day > 0 { format!(" (day {})", later_day + 1) } else { String::new() },
        );
    }
    out.push_str("</svg>");
}

#[cfg(test)]
mod tests {


    use super::*;
    use crate::engine::review;

    const TABLE: &str = "## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 09:05 | Config change deployed |\n| 09:14 | First checkout errors logged |\n| 09:37 | Alert fired for checkout error rate |\n| 09:41 | On-call engineer acknowledged and escalated |\n| 10:26 | Config change reverted |\n| 11:02 | Error rates at baseline. Incident closed. |\n";

    fn html(text: &str) -> String {
        timeline_html(&review(text).timeline)
    }

    #[test]
    fn a_timeline_table_is_drawn_from_began_to_resolved_with_its_figures() {
        let html = html(TABLE);
        assert!(html.contains(
            r#"data-testid="timeline-figures">detected after 23 min · mitigated after 1 h 12 min · resolved after 1 h 48 min</p>"#
        ), "{html}");
        // 23, 72 and 108 minutes of 108; responded by its clock, 27 of 108.
        for (kind, at) in [
            ("began", "0.0%"),
            ("detected", "21.2%"),
            ("responded", "25.0%"),
            ("mitigated", "66.6%"),
            ("resolved", "100.0%"),
        ] {
            assert!(
                html.contains(&format!(r#"<g class="marker kind-{kind}""#)),
                "{kind}: {html}"
            );
            assert!(
                html.contains(&format!(r#"<circle cx="{at}""#)),
                "{kind} at {at}: {html}"
            );
        }
        assert_eq!(
            html.matches(r#"<rect class="phase"#).count(),
            3,
            "three phases: {html}"
        );
        assert!(
            html.contains(r#"text-anchor="start">Detected 09:37</text>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"text-anchor="end">Resolved 11:02</text>"#),
            "{html}"
        );
        // The deploy before the start is listed, not drawn.
        assert!(!html.contains(r#"class="tick""#), "{html}");
        assert_eq!(
            html.matches(r#"data-testid="timeline-event""#).count(),
            6,
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="event-kind">Mitigated after 1 h 12 min</span>"#),
            "{html}"
        );
        assert!(!html.contains("timeline-missing"), "{html}");
    }

    #[test]
    fn every_event_carries_its_index_and_an_edit_elsewhere_changes_nothing() {
        let html_before = html(TABLE);
        assert!(
            html_before.contains(r#"data-kind="responded" data-event="3""#),
            "{html_before}"
        );
        assert!(
            html_before.contains(r#"<g class="marker kind-responded" data-event="3""#),
            "{html_before}"
        );
        let edited = TABLE.replace("# Timeline", "# Timeline of the outage");
        assert_eq!(html(&edited), html_before);
    }

    #[test]
    fn without_a_start_nothing_is_drawn_and_it_says_what_is_missing() {
        let text = "We were alerted at 14:20 UTC and the service was restored at 15:05 UTC.";
        let html = html(text);
        assert!(!html.contains("<svg"), "{html}");
        assert!(
            html.contains("Not given: when the impact began. Add"),
            "{html}"
        );
        assert!(
            html.contains(r#"data-testid="timeline-note""#),
            "the engine's note on the start: {html}"
        );
    }

    #[test]
    fn an_event_that_is_two_moments_is_listed_and_marked_as_each() {
        let html = html(
            "## Timeline\n\nAll times UTC.\n\n- 09:00 errors begin\n- 09:30 rolled back, service restored\n",
        );
        for kind in ["mitigated", "resolved"] {
            assert!(
                html.contains(&format!(r#"data-kind="{kind}" data-event="#)),
                "{kind}: {html}"
            );
            assert!(
                html.contains(&format!(r#"<g class="marker kind-{kind}""#)),
                "{kind}: {html}"
            );
        }
        assert!(html.contains("mitigated after 30 min · resolved after 30 min"), "{html}");
    }

    #[test]
    fn a_text_with_no_time_says_what_to_add() {
        let html = html("# Outage\n\nLate last night logins failed. We are sorry.\n");
        assert!(html.starts_with(r#"<p class="timeline-empty""#), "{html}");
        assert!(!html.contains("<svg"), "{html}");
    }

    #[test]
    fn a_moment_on_a_later_day_says_which() {
        let html = html(
            "## Timeline\n\nAll times UTC.\n\n- 23:40 errors begin on the checkout page\n- 23:55 an alert fires and the on-call engineer is paged\n- 00:30 the change is rolled back and errors stop\n",
        );
        assert!(html.contains(">Began 23:40</text>"), "{html}");
        assert!(html.contains(">Detected 23:55</text>"), "{html}");
        assert!(html.contains(" 00:30 (day 2)</text>"), "{html}");
    }

    #[test]
    fn a_table_rows_cells_read_as_words_not_pipes() {
        let html = html(TABLE);
        assert!(html.contains("<span class=\"event-text\">09:05 \u{b7} Config change deployed</span>"), "{html}");
        assert!(!html.contains(" | "), "{html}");
        assert_eq!(cells_read_as_one("| 2024-04-16 18:30 | Failover started |"), "2024-04-16 18:30 \u{b7} Failover started");
        assert_eq!(cells_read_as_one("10:02 | ran `ps aux | grep db` | a \\| b"), "10:02 \u{b7} ran `ps aux | grep db` \u{b7} a \\| b");
        assert_eq!(cells_read_as_one("10:02 Restarted the database."), "10:02 Restarted the database.");
        assert_eq!(cells_read_as_one("|  | 10:02 | |"), "10:02");
    }

    #[test]
    fn the_text_is_escaped() {
        let html = html(
            "## Timeline\n\nAll times UTC.\n\n- 09:14 <script>errors</script> begin where a < b & c\n- 09:30 resolved\n",
        );
        // A passage's tags are left out, and what is left is escaped.
        assert!(!html.contains("<script>") && !html.contains("&lt;script"), "{html}");
        assert!(html.contains("errors begin where a &lt; b &amp; c"), "{html}");
    }
}
