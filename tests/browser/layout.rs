//! Where things sit, as a new user meets them: the caret line whole on a
//! phone, the header in one row when wide and two on a phone, the legend
//! in two rows there, the note of a deleted draft over the page rather
//! than in it, the Preview button clear of the editor.

use crate::glance::load_zendesk_sample;
use crate::harness::Browser;
use crate::ui::{ZENDESK_SAMPLE, click, close_without_panics, open_app, press};
use postmortem_reviewer::engine;
use postmortem_reviewer::preview::{self, byte_to_utf16};
use serde_json::{Value, json};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';

async fn phone_sized(browser: &Browser) {
    browser.client.set_window_size(360, 800).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 360;", vec![]).await, "not phone-sized");
}

/// Puts the caret at UTF-16 offset `at` as the keyboard would leave it.
async fn put_caret(browser: &Browser, at: usize) {
    browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             ed.focus(); ed.setSelectionRange(arguments[0], arguments[0]);
             ed.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight' }));",
            vec![json!(at)],
        )
        .await;
}

/// What the caret line shows: its parts cut off or outside it, whether it
/// runs into the notice below, and where the editor is meanwhile.
const CARET_LINE: &str = "const line = document.querySelector('[data-testid=caret-context]');
    const box = line.getBoundingClientRect();
    const parts = [...line.children];
    const editor = document.querySelector('[data-testid=editor]').getBoundingClientRect();
    return {
      text: line.textContent,
      cut: parts.filter(p => p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1).length,
      outside: parts.filter(p => { const r = p.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1
          || r.left < 0 || r.right > innerWidth; }).length,
      into_notice: box.bottom > document.querySelector('[data-testid=editor-notice]').getBoundingClientRect().top + 1,
      editor: [editor.top, editor.bottom],
    };";

#[tokio::test]
async fn at_360_px_the_caret_line_shows_all_its_words_and_the_editor_stays_put() {
    let (_server, browser) = open_app().await;
    phone_sized(&browser).await;
    load_zendesk_sample(&browser).await;
    // The criterion with the longest name among those the sample has
    // evidence for: the longest line the caret can ask for here.
    let review = engine::review(ZENDESK_SAMPLE);
    let (id, start) = review
        .criteria
        .iter()
        .filter_map(|c| c.evidence.first().map(|e| (c.id, e.start)))
        .max_by_key(|(id, _)| engine::guidance(*id).name.len())
        .expect("the sample has evidence");
    let marks = preview::highlights(&review);
    let outside = (0..ZENDESK_SAMPLE.len())
        .find(|&at| ZENDESK_SAMPLE.is_char_boundary(at) && preview::criteria_at(&marks, at).is_empty())
        .expect("the sample has text outside its highlights");

    put_caret(&browser, byte_to_utf16(ZENDESK_SAMPLE, outside)).await;
    assert!(
        browser.eventually("return !document.querySelector('[data-testid=caret-open]');", vec![]).await,
        "the caret at byte {outside} is in a highlight"
    );
    let away = browser.js(CARET_LINE, vec![]).await;
    put_caret(&browser, byte_to_utf16(ZENDESK_SAMPLE, start) + 1).await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('[data-testid=caret-open]')
                   && document.querySelector('[data-testid=caret-context]').textContent.includes(arguments[0]);",
                vec![json!(format!("{id} {}", engine::guidance(id).name))]
            )
            .await,
        "the caret line does not name {id}: {}",
        browser.js(CARET_LINE, vec![]).await
    );
    let inside = browser.js(CARET_LINE, vec![]).await;
    for (seen, what) in [(&away, "with the caret outside the highlights"), (&inside, "with the caret in a highlight")] {
        assert_eq!(
            (&seen["cut"], &seen["outside"], &seen["into_notice"]),
            (&json!(0), &json!(0), &json!(false)),
            "the caret line is cut off {what}: {seen}"
        );
    }
    assert_eq!(away["editor"], inside["editor"], "the editor moved as the caret line changed: {away} / {inside}");
    close_without_panics(browser).await;
}

/// The controls of the header, with where each is and whether it is the
/// element at its own centre (not covered, not cut off).
const HEADER: &str = "const header = document.querySelector('.app-header');
    const controls = ['.brand', '[data-testid=drafts-menu]', '[data-testid=sample-choice]', '[data-testid=load-sample]',
                      ':scope > .toolbar label[for=file-input]', '[data-testid=theme-toggle]'];
    const seen = controls.map(css => {
      const el = header.querySelector(css);
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { css, shown: el.checkVisibility() && el.contains(hit), middle: r.top + r.height / 2,
               within: r.left >= 0 && r.right <= innerWidth, width: r.width };
    });
    const middles = seen.map(c => c.middle).sort((a, b) => a - b);
    return {
      rows: 1 + middles.filter((m, i) => i > 0 && m - middles[i - 1] > 12).length,
      height: header.getBoundingClientRect().height,
      hidden_or_cut: seen.filter(c => !c.shown || !c.within || c.width < 24).map(c => c.css),
      sample_width: seen[2].width,
      tagline: (t => t.checkVisibility() && t.scrollHeight <= t.clientHeight + 1)(header.querySelector('.tagline')),
      theme: [document.querySelector('[data-testid=theme-toggle]').getAttribute('aria-label'),
              document.querySelector('[data-testid=theme-toggle]').title,
              getComputedStyle(document.querySelector('.theme-icon'), '::before').content],
    };";

#[tokio::test]
async fn the_header_takes_one_row_when_wide_and_two_on_a_phone_and_keeps_every_control() {
    let (_server, browser) = open_app().await;
    let theme_named = json!("Colour theme: system. Change theme");
    let wide = browser.js(HEADER, vec![]).await;
    assert_eq!(wide["hidden_or_cut"], json!([]), "controls lost at 1280 px: {wide}");
    assert_eq!(wide["rows"], json!(1), "the header's rows at 1280 px: {wide}");
    // The tagline is there whole, and the theme button, its icon alone
    // here, names itself to a pointer and to a screen reader.
    assert_eq!(wide["tagline"], json!(true), "the tagline is hidden or cut at 1280 px: {wide}");
    assert_eq!((&wide["theme"][0], &wide["theme"][1]), (&theme_named, &theme_named), "{wide}");
    // Narrower, the title alone beside the drafts and the controls.
    browser.client.set_window_size(1024, 900).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 1024;", vec![]).await);
    let narrower = browser.js(HEADER, vec![]).await;
    assert_eq!((&narrower["rows"], &narrower["hidden_or_cut"]), (&json!(1), &json!([])), "at 1024 px: {narrower}");

    phone_sized(&browser).await;
    let phone = browser.js(HEADER, vec![]).await;
    assert_eq!(phone["rows"], json!(2), "the header's rows at 360 px: {phone}");
    assert_eq!(phone["hidden_or_cut"], json!([]), "controls lost at 360 px: {phone}");
    assert!(phone["height"].as_f64().unwrap() <= 110.0, "the header is {} px tall: {phone}", phone["height"]);
    // The sample's name stays readable beside its buttons, and the theme
    // button, its icon alone, still says what it does.
    assert!(phone["sample_width"].as_f64().unwrap() >= 100.0, "the sample picker is squeezed: {phone}");
    assert_eq!(phone["theme"], json!([theme_named, theme_named, "\"◑\""]), "{phone}");
    click(&browser, "[data-testid=theme-toggle]").await;
    assert!(
        browser
            .eventually(
                "return document.documentElement.dataset.theme === 'light'
                   && getComputedStyle(document.querySelector('.theme-icon'), '::before').content === '\"☀\"';",
                vec![]
            )
            .await,
        "the theme button's icon does not follow the theme"
    );
    close_without_panics(browser).await;
}

/// Where the workspace and the editor are, and what the note of a deleted
/// draft shows and whether its Undo is in sight.
const AFTER_DELETE: &str = "const box = s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.top, r.bottom]; };
    const notes = document.querySelector('[data-testid=toasts]');
    const undo = document.querySelector('[data-testid=undo-delete]');
    const r = undo?.getBoundingClientRect();
    return {
      workspace: box('.workspace'), editor: box('[data-testid=editor]'),
      live: notes.getAttribute('role'), said: notes.textContent,
      undo: !!undo && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === undo,
      focus: document.activeElement?.dataset.testid ?? document.activeElement?.id ?? null,
    };";

#[tokio::test]
async fn at_1280_px_the_note_of_a_deleted_draft_floats_over_the_workspace_and_moves_nothing() {
    let (_server, browser) = open_app().await;
    browser.paste("# First\none").await;
    // In the closed menu, as the keyboard would reach it.
    browser.js("document.querySelector('[data-testid=new-draft]').click();", vec![]).await;
    browser.paste("# Second\ntwo").await;
    assert!(
        browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 2;", vec![]).await,
        "no second draft"
    );
    let before = browser.js(AFTER_DELETE, vec![]).await;
    // The live region is on the page before anything is said in it, so
    // what appears in it is announced.
    assert_eq!((&before["live"], &before["said"], &before["undo"]), (&json!("status"), &json!(""), &json!(false)), "{before}");

    browser.js("document.querySelector('.drafts-fold').open = true;", vec![]).await;
    click(&browser, "[data-testid=delete-draft]").await;
    assert!(
        browser
            .eventually(
                "const undo = document.querySelector('[data-testid=undo-delete]');
                 return document.activeElement === undo && document.querySelectorAll('[data-testid=draft-item]').length === 1;",
                vec![]
            )
            .await,
        "Undo has no focus after Delete: {}",
        browser.js(AFTER_DELETE, vec![]).await
    );
    let after = browser.js(AFTER_DELETE, vec![]).await;
    assert_eq!(
        (&after["workspace"], &after["editor"]),
        (&before["workspace"], &before["editor"]),
        "the note of the deletion moved the workspace: before {before}, after {after}"
    );
    assert_eq!(after["undo"], json!(true), "Undo is covered or out of sight: {after}");
    assert!(after["said"].as_str().unwrap().contains("Deleted \u{201c}Second\u{201d}."), "{after}");

    // From the keyboard the note closes, and focus goes back to the editor.
    press(&browser, &[TAB]).await;
    assert_eq!(browser.js(AFTER_DELETE, vec![]).await["focus"], json!("close-deleted"));
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "return !document.querySelector('[data-testid=undo-delete]') && document.activeElement.id === 'editor';",
                vec![]
            )
            .await,
        "Close left the note or lost focus: {}",
        browser.js(AFTER_DELETE, vec![]).await
    );
    let closed: Value = browser.js(AFTER_DELETE, vec![]).await;
    assert_eq!(closed["workspace"], before["workspace"], "{closed}");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn the_preview_button_stands_clear_of_the_editors_border_and_the_preview_has_no_caret_line() {
    let (_server, browser) = open_app().await;
    load_zendesk_sample(&browser).await;
    let gap = "const button = document.querySelector('[data-testid=preview-toggle]').getBoundingClientRect();
        const below = document.querySelector(arguments[0]).getBoundingClientRect();
        return below.top - button.bottom;";
    for (width, height) in [(1280, 900), (360, 800)] {
        browser.client.set_window_size(width, height).await.expect("resize the window");
        assert!(browser.eventually("return innerWidth <= arguments[0];", vec![json!(width)]).await);
        for (boxed, what) in [(".editor-stack", "the editor"), ("[data-testid=preview]", "the preview")] {
            if what == "the preview" {
                click(&browser, "[data-testid=preview-toggle]").await;
                assert!(browser.eventually("return !document.querySelector('[data-testid=preview]').hidden;", vec![]).await);
            }
            let space = browser.js(gap, vec![json!(boxed)]).await.as_f64().unwrap();
            assert!(space >= 4.0, "at {width} px the Preview button is {space} px from {what}");
            // The preview has no caret to speak of.
            let caret_line = browser.js("return document.querySelector('[data-testid=caret-context]').checkVisibility();", vec![]).await;
            assert_eq!(caret_line, json!(what == "the editor"), "at {width} px the caret line beside {what}");
        }
        click(&browser, "[data-testid=preview-toggle]").await;
        assert!(browser.eventually("return document.querySelector('[data-testid=preview]').hidden;", vec![]).await);
    }
    close_without_panics(browser).await;
}

/// The legend's chips: the rows they take, those cut off, outside the
/// window or too small to tap, and what each says to a screen reader.
const LEGEND: &str = "const chips = [...document.querySelectorAll('.legend-chip')];
    const tops = chips.map(c => c.getBoundingClientRect().top).sort((a, b) => a - b);
    return {
      chips: chips.length,
      rows: 1 + tops.filter((t, i) => i > 0 && t - tops[i - 1] > 4).length,
      cut: chips.filter(c => [c, ...c.querySelectorAll(':scope > :not(.visually-hidden)')]
        .some(p => p.scrollWidth > p.clientWidth + 1)).map(c => c.textContent),
      outside: chips.filter(c => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map(c => c.textContent),
      small: chips.filter(c => { const r = c.getBoundingClientRect(); return r.width < 24 || r.height < 24; }).map(c => c.textContent),
      said: chips.map(c => c.textContent),
    };";

#[tokio::test]
async fn at_360_px_the_legend_takes_two_rows_and_keeps_every_chip_whole() {
    let (_server, browser) = open_app().await;
    phone_sized(&browser).await;
    load_zendesk_sample(&browser).await;
    let review = engine::review(ZENDESK_SAMPLE);
    let seen = browser.js(LEGEND, vec![]).await;
    assert_eq!(
        (&seen["chips"], &seen["rows"], &seen["cut"], &seen["outside"], &seen["small"]),
        (&json!(13), &json!(2), &json!([]), &json!([]), &json!([])),
        "the legend at 360 px: {seen}"
    );
    // Each chip still gives its criterion's id, name and count of passages.
    for c in &review.criteria {
        let said = format!("{} {}, passages: {}", c.id, engine::guidance(c.id).name, c.evidence.len());
        assert!(seen["said"].as_array().unwrap().contains(&json!(said)), "no chip says {said:?}: {seen}");
    }
    // A long postmortem's two-digit counts still fit two rows.
    browser.js("document.querySelectorAll('.legend-count').forEach(n => n.textContent = '88');", vec![]).await;
    let long = browser.js(LEGEND, vec![]).await;
    assert_eq!(
        (&long["rows"], &long["cut"], &long["outside"]),
        (&json!(2), &json!([]), &json!([])),
        "the legend with two-digit counts at 360 px: {long}"
    );
    close_without_panics(browser).await;
}
