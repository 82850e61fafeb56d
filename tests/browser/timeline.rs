//! The incident's timeline under the summary: drawn from a timeline table
//! and from prose, its figures, each event showing its passage in the
//! editor by mouse and keyboard, what it says with no time, updating as
//! the person types, at 360 px, and axe in both themes.

use crate::harness::Browser;
use crate::ui::{click, close_without_panics, open_app, press, serious_violations};
use serde_json::{Value, json};

const TABLE: &str = "# Checkout outage on 2024-03-01\n\nWe broke checkout for 1 hour 48 minutes. We are sorry.\n\n## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 09:05 | Config change deployed |\n| 09:14 | First checkout errors logged |\n| 09:37 | Alert fired for checkout error rate |\n| 09:41 | On-call engineer acknowledged and escalated |\n| 10:26 | Config change reverted |\n| 11:02 | Error rates at baseline. Incident closed. |\n";

const PROSE: &str = "# Login failures\n\nOn Tuesday logins started failing at 2:05 pm PST after a certificate expired. Our monitoring alerted us at 2:20 pm PST and the on-call engineer was paged. We rolled back to the previous certificate by 3:10 pm PST, and logins were fully restored by 3:40 pm PST.\n";

/// What the timeline panel shows: its figures, the chart's marker
/// labels (or null without a chart), and each event's kind and time.
const SEEN: &str = "const panel = document.querySelector('[data-testid=timeline]');
    const figures = panel.querySelector('[data-testid=timeline-figures]');
    const chart = panel.querySelector('[data-testid=timeline-chart]');
    return {
      figures: figures ? figures.textContent : null,
      markers: chart ? [...chart.querySelectorAll('.marker')].map(m => m.getAttribute('class').replace('marker kind-', '') + ' ' + m.textContent) : null,
      events: [...panel.querySelectorAll('[data-testid=timeline-event]')].map(b => b.dataset.kind + ' ' + b.querySelector('.event-when').textContent),
      empty: !!panel.querySelector('[data-testid=timeline-empty]'),
    };";

async fn seen(browser: &Browser) -> Value {
    browser.js(SEEN, vec![]).await
}

/// Waits until the timeline shows `figures`, and says what it shows.
async fn shows_figures(browser: &Browser, figures: &str) -> Value {
    browser
        .eventually(
            "return document.querySelector('[data-testid=timeline-figures]')?.textContent === arguments[0];",
            vec![json!(figures)],
        )
        .await;
    seen(browser).await
}

/// The passage marked as shown in the mirror, and the editor's selection.
async fn shown_passage(browser: &Browser, want: &str) -> Value {
    browser
        .eventually(
            "return [...document.querySelectorAll('.mirror mark.passage')].map(m => m.textContent).join('') === arguments[0];",
            vec![json!(want)],
        )
        .await;
    browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             return { marked: [...document.querySelectorAll('.mirror mark.passage')].map(m => m.textContent).join(''),
                      selected: ed.value.slice(ed.selectionStart, ed.selectionEnd) };",
            vec![],
        )
        .await
}

#[tokio::test]
async fn a_timeline_table_is_drawn_with_its_figures_and_each_event_shows_its_passage() {
    let (_server, browser) = open_app().await;
    browser.paste(TABLE).await;
    assert_eq!(
        shows_figures(
            &browser,
            "detected after 23 min · mitigated after 1 h 12 min · resolved after 1 h 48 min"
        )
        .await,
        json!({
            "figures": "detected after 23 min · mitigated after 1 h 12 min · resolved after 1 h 48 min",
            "markers": ["mitigated Mitigated 10:26", "responded Responded 09:41", "detected Detected 09:37", "began Began 09:14", "resolved Resolved 11:02"],
            // The title gives the date, so every entry carries it.
            "events": ["other 2024-03-01 09:05 UTC", "began 2024-03-01 09:14 UTC", "detected 2024-03-01 09:37 UTC", "responded 2024-03-01 09:41 UTC", "mitigated 2024-03-01 10:26 UTC", "resolved 2024-03-01 11:02 UTC"],
            "empty": false,
        })
    );
    // A row's cells read as words beside the time, not as the row's pipes.
    let row = browser
        .js("return document.querySelector('[data-testid=timeline-event][data-kind=responded] .event-text').textContent;", vec![])
        .await;
    assert_eq!(row, json!("09:41 \u{b7} On-call engineer acknowledged and escalated"));
    // Under the summary, above the first tier.
    let order = browser
        .js(
            "const at = s => document.querySelector(s).getBoundingClientRect().top;
             return at('[data-testid=summary]') < at('[data-testid=timeline]') && at('[data-testid=timeline]') < at('.tier');",
            vec![],
        )
        .await;
    assert_eq!(
        order,
        json!(true),
        "the timeline is not between the summary and the tiers"
    );

    // A click on an event's button.
    click(
        &browser,
        "[data-testid=timeline-event][data-kind=responded]",
    )
    .await;
    let passage = "09:41 | On-call engineer acknowledged and escalated";
    assert_eq!(
        shown_passage(&browser, passage).await,
        json!({ "marked": passage, "selected": passage })
    );

    // The keyboard: Tab to the next event and press Enter.
    press(&browser, &['\u{E004}', '\u{E007}']).await;
    let passage = "10:26 | Config change reverted";
    assert_eq!(
        shown_passage(&browser, passage).await,
        json!({ "marked": passage, "selected": passage })
    );

    // A click on a moment's marker in the chart.
    click(
        &browser,
        "[data-testid=timeline-chart] .marker.kind-detected text",
    )
    .await;
    let passage = "09:37 | Alert fired for checkout error rate";
    assert_eq!(
        shown_passage(&browser, passage).await,
        json!({ "marked": passage, "selected": passage })
    );

    // An edit clears the shown passage, which would mark the wrong words.
    browser.paste(&TABLE.replace("09:05", "09:06")).await;
    assert!(
        browser
            .eventually(
                "return !document.querySelector('.mirror mark.passage');",
                vec![]
            )
            .await,
        "a passage stays shown after an edit"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn times_told_only_in_prose_are_drawn_too() {
    let (_server, browser) = open_app().await;
    browser.paste(PROSE).await;
    assert_eq!(
        shows_figures(
            &browser,
            "detected after 15 min · mitigated after 1 h 5 min · resolved after 1 h 35 min"
        )
        .await,
        json!({
            "figures": "detected after 15 min · mitigated after 1 h 5 min · resolved after 1 h 35 min",
            "markers": ["mitigated Mitigated 15:10", "detected Detected 14:20", "began Began 14:05", "resolved Resolved 15:40"],
            "events": ["began 14:05 PST", "detected 14:20 PST", "mitigated 15:10 PST", "resolved 15:40 PST"],
            "empty": false,
        })
    );
    click(&browser, "[data-testid=timeline-event][data-kind=detected]").await;
    let passage = "Our monitoring alerted us at 2:20 pm PST and the on-call engineer was paged.";
    assert_eq!(
        shown_passage(&browser, passage).await,
        json!({ "marked": passage, "selected": passage })
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn with_no_time_it_says_what_to_add_and_it_follows_the_typing() {
    let (_server, browser) = open_app().await;
    browser
        .paste("# Search outage\n\nSearch was slow for everyone. We are sorry.\n")
        .await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('[data-testid=timeline-empty]');",
                vec![]
            )
            .await,
        "no empty state: {}",
        seen(&browser).await
    );
    let empty = browser
        .js(
            "const p = document.querySelector('[data-testid=timeline-empty]');
             return { visible: p.checkVisibility(), text: p.textContent, chart: !!document.querySelector('[data-testid=timeline-chart]') };",
            vec![],
        )
        .await;
    assert_eq!(empty["visible"], json!(true));
    assert_eq!(empty["chart"], json!(false), "an empty chart is drawn");
    assert!(
        empty["text"]
            .as_str()
            .unwrap()
            .contains("when the impact began, when it was detected, mitigated and resolved"),
        "{empty}"
    );

    // Typed at the end of the text, key by key.
    click(&browser, "[data-testid=editor]").await;
    browser
        .js("const ed = document.querySelector('[data-testid=editor]'); ed.setSelectionRange(ed.value.length, ed.value.length);", vec![])
        .await;
    let typed: Vec<char> =
        "\nErrors began at 09:00 UTC and search was back to normal at 09:45 UTC."
            .chars()
            .collect();
    press(&browser, &typed).await;
    assert_eq!(
        shows_figures(&browser, "mitigated after 45 min \u{b7} resolved after 45 min").await,
        json!({
            "figures": "mitigated after 45 min \u{b7} resolved after 45 min",
            "markers": ["began Began 09:00", "mitigated Mitigated 09:45", "resolved Resolved 09:45"],
            "events": ["began 09:00 UTC", "mitigated 09:45 UTC", "resolved 09:45 UTC"],
            "empty": false,
        })
    );
    let missing = browser
        .js(
            "return document.querySelector('[data-testid=timeline-missing]')?.textContent;",
            vec![],
        )
        .await;
    assert_eq!(
        missing,
        json!(
            "Not given: when it was detected. Add each with its time to see how long it took."
        )
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn the_notes_are_shown_beside_it_in_plain_words() {
    let (_server, browser) = open_app().await;
    browser
        .paste("# Outage\n\n## Timeline\n\n- 10:02 alert fired for API errors\n- 10:40 rolled back the deploy\n- 11:15 service restored\n")
        .await;
    assert!(
        browser
            .eventually(
                "return document.querySelectorAll('[data-testid=timeline-note]').length >= 2;",
                vec![]
            )
            .await,
        "{}",
        seen(&browser).await
    );
    let notes = browser
        .js("return [...document.querySelectorAll('[data-testid=timeline-note]')].map(n => n.textContent);", vec![])
        .await;
    let notes: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("None of the times gives its time zone")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("The earliest time given is when the problem was noticed")),
        "{notes:?}"
    );
    // No start, so no chart: what is missing instead.
    assert_eq!(seen(&browser).await["markers"], Value::Null);
    click(&browser, "[data-testid=timeline-note] button").await;
    let passage = "10:02 alert fired for API errors";
    assert_eq!(
        shown_passage(&browser, passage).await,
        json!({ "marked": passage, "selected": passage })
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn at_360_px_the_chart_fits_and_axe_finds_nothing_serious_in_either_theme() {
    let (_server, browser) = open_app().await;
    browser
        .client
        .set_window_size(360, 800)
        .await
        .expect("resize the window");
    assert!(
        browser
            .eventually("return innerWidth <= 360;", vec![])
            .await,
        "the window is not phone-sized"
    );
    browser.paste(TABLE).await;
    shows_figures(
        &browser,
        "detected after 23 min · mitigated after 1 h 12 min · resolved after 1 h 48 min",
    )
    .await;
    let fit = browser
        .js(
            "const panel = document.querySelector('[data-testid=timeline]').getBoundingClientRect();
             const labels = [...document.querySelectorAll('[data-testid=timeline-chart] text')].map(t => t.getBoundingClientRect());
             const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
             return { sideways: document.documentElement.scrollWidth > innerWidth,
                      outside: labels.filter(r => r.left < panel.left || r.right > panel.right).length,
                      overlapping: labels.some((a, i) => labels.some((b, j) => i < j && overlap(a, b))) };",
            vec![],
        )
        .await;
    assert_eq!(
        fit,
        json!({ "sideways": false, "outside": 0, "overlapping": false })
    );

    browser
        .client
        .set_window_size(1280, 900)
        .await
        .expect("resize the window");
    browser
        .js(
            "document.querySelector('[data-testid=timeline]').scrollIntoView();",
            vec![],
        )
        .await;
    click(&browser, "[data-testid=timeline-event][data-kind=began]").await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('.mirror mark.passage');",
                vec![]
            )
            .await
    );
    for theme in ["light", "dark"] {
        click(&browser, "[data-testid=theme-toggle]").await;
        assert!(
            browser
                .eventually(
                    "return document.documentElement.dataset.theme === arguments[0];",
                    vec![json!(theme)]
                )
                .await,
            "the theme button did not switch to {theme}"
        );
        assert_eq!(
            serious_violations(&browser).await,
            json!([]),
            "axe in the {theme} theme"
        );
    }
    close_without_panics(browser).await;
}
