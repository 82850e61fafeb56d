//! The reviewer UI as a person uses it: pasting, following evidence both
//! ways, inserting a section, setting verdicts by hand, previewing,
//! opening files, exporting, the keyboard alone, accessibility in both
//! themes, and a phone-sized window. What the page shows is checked
//! against the engine run natively on the same text.

use crate::corpus::{self, reference_case};
use crate::harness::{Browser, CRITERIA, StaticServer, dist_dir};
use fantoccini::Locator;
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MouseActions, PointerAction,
};
use postmortem_reviewer::engine::{self, CriterionId, Review, Verdict};
use postmortem_reviewer::export::{self, Override, Overrides};
use postmortem_reviewer::preview;
use serde_json::{Value, json};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SPACE: char = '\u{E00D}';
const CONTROL: char = '\u{E009}';
const ARROW_UP: char = '\u{E013}';
const ARROW_RIGHT: char = '\u{E014}';

const STRONG_SAMPLE: &str = include_str!("../../src/app/samples/strong.md");
pub(crate) const ZENDESK_SAMPLE: &str = include_str!("../../src/app/samples/zendesk.md");
const AXE: &str = include_str!("vendor/axe.min.js");


fn words(verdicts: &[Verdict]) -> Vec<String> {
    verdicts.iter().map(|v| v.as_str().to_string()).collect()
}

fn engine_verdicts(review: &Review) -> Vec<String> {
    review
        .criteria
        .iter()
        .map(|c| c.verdict.as_str().to_string())
        .collect()
}

/// Closes the browser, failing the test if the app panicked on the way
/// (a WebAssembly panic is written to the console and stops the app).
pub(crate) async fn close_without_panics(browser: Browser) {
    let panics: Vec<String> = browser
        .console()
        .await
        .into_iter()
        .filter(|line| line.contains("panicked") || line.contains("RuntimeError"))
        .collect();
    browser.close().await;
    assert!(panics.is_empty(), "the app panicked: {panics:#?}");
}

pub(crate) async fn open_app() -> (StaticServer, Browser) {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    (server, browser)
}

/// Waits until the cards show `want` (P1 to B4) and says what they show.
async fn shows_verdicts(browser: &Browser, want: &[String]) -> Vec<String> {
    browser
        .eventually(
            "return arguments[0].every((v, i) =>
               document.querySelector(`[data-criterion=${arguments[1][i]}]`)?.dataset.verdict === v);",
            vec![json!(want), json!(CRITERIA)],
        )
        .await;
    browser.verdicts().await
}

async fn editor_value(browser: &Browser) -> String {
    browser
        .js(
            "return document.querySelector('[data-testid=editor]').value;",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

pub(crate) async fn click(browser: &Browser, css: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Presses and releases each key in turn, on whatever has focus.
pub(crate) async fn press(browser: &Browser, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for &k in keys {
        actions = actions
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
    }
    browser
        .client
        .perform_actions(actions)
        .await
        .expect("press keys");
}

/// Holds `modifier` while pressing `key` (Ctrl+Z).
async fn chord(browser: &Browser, modifier: char, key: char) {
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: modifier })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: modifier });
    browser
        .client
        .perform_actions(actions)
        .await
        .expect("press a chord");
}

/// A left click at viewport coordinates, as a mouse would.
pub(crate) async fn click_at(browser: &Browser, x: f64, y: f64) {
    let mouse = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    browser
        .client
        .perform_actions(mouse)
        .await
        .expect("click at a point");
}

/// A short name for the focused element, unique enough to walk the page.
const DESCRIBE: &str = "function describe(el) {
    if (!el || el === document.body || el === document.documentElement) return 'body';
    const card = el.closest('[data-criterion]');
    const base = el.dataset.testid || el.id
      || el.tagName.toLowerCase() + ':' + (el.textContent || '').trim().slice(0, 30);
    return card ? card.dataset.criterion + '/' + base : base;
  }";

/// Makes downloads and copies observable: records each download's name,
/// type and content, and what was written to the clipboard.
const CAPTURE_EXPORTS: &str = "
    window.__downloads = [];
    window.__blobs = {};
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = blob => { const url = create(blob); window.__blobs[url] = blob; return url; };
    HTMLAnchorElement.prototype.click = function () {
      const blob = window.__blobs[this.href];
      const entry = { name: this.download, type: blob ? blob.type : null, text: null };
      window.__downloads.push(entry);
      if (blob) blob.text().then(t => { entry.text = t; });
    };
    window.__copied = [];
    navigator.clipboard.writeText = t => { window.__copied.push(t); return Promise.resolve(); };";

#[tokio::test]
async fn pasting_the_reference_case_highlights_its_evidence() {
    let case = reference_case();
    let review = engine::review(&case.text);
    let want = words(&case.labels);

    let (_server, browser) = open_app().await;
    browser.paste(&case.text).await;
    assert_eq!(
        shows_verdicts(&browser, &want).await,
        want,
        "the cards show the label row"
    );
    assert_eq!(
        engine_verdicts(&review),
        want,
        "the engine agrees with the labels on the reference case"
    );

    // Every highlight is in the mirror; the pieces of one passage put together
    // are the passage the engine cites (the mirror draws each line as a block,
    // so a passage's line breaks are not in its marks' text).
    let seen = browser
        .js(
            "const out = {}, outside = [];
             for (const m of document.querySelectorAll('[data-evidence]')) {
               if (!m.closest('.mirror')) { outside.push(m.outerHTML); continue; }
               const key = m.dataset.evidence + '#' + m.dataset.index;
               out[key] = (out[key] || '') + m.textContent;
             }
             return { marks: out, outside };",
            vec![],
        )
        .await;
    assert_eq!(seen["outside"], json!([]), "highlights outside the mirror");
    let mut expected = serde_json::Map::new();
    for c in &review.criteria {
        for (i, e) in c.evidence.iter().enumerate() {
            expected.insert(format!("{}#{i}", c.id), json!(e.text.replace('\n', "")));
        }
    }
    for c in review
        .criteria
        .iter()
        .filter(|c| c.verdict != Verdict::Missing)
    {
        assert!(
            seen["marks"]
                .as_object()
                .unwrap()
                .keys()
                .any(|k| k.starts_with(&format!("{}#", c.id))),
            "{} is {} but has no highlight",
            c.id,
            c.verdict
        );
    }
    assert_eq!(
        seen["marks"],
        Value::Object(expected),
        "highlights against the engine's evidence"
    );

    // The mirror under the transparent textarea holds the same text, line for line.
    let mirror_text = browser
        .js(
            "return [...document.querySelector('.mirror').children].map(d => d.textContent).join('\\n');",
            vec![],
        )
        .await;
    let expected_mirror: Vec<&str> = case
        .text
        .split('\n')
        .map(|l| if l.is_empty() { " " } else { l })
        .collect();
    assert_eq!(mirror_text, json!(expected_mirror.join("\n")));
    close_without_panics(browser).await;
}

#[tokio::test]
async fn show_in_text_scrolls_to_each_passage_of_a_criterion_in_turn() {
    let review = engine::review(STRONG_SAMPLE);
    let passages = review.get(CriterionId::R1).evidence.len();
    assert!(passages >= 3, "the strong sample cites R1 {passages} times");

    let (_server, browser) = open_app().await;
    browser
        .client
        .find(Locator::Css("[data-testid=sample-choice]"))
        .await
        .unwrap()
        .select_by_label("Strong example")
        .await
        .unwrap();
    click(&browser, "[data-testid=load-sample]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(STRONG_SAMPLE)]
            )
            .await
    );
    let overflows = browser
        .js("const ed = document.querySelector('[data-testid=editor]'); return ed.scrollHeight > ed.clientHeight * 1.5;", vec![])
        .await;
    assert_eq!(
        overflows,
        json!(true),
        "the sample is taller than the editor, so showing a passage must scroll"
    );

    // Clicking the button again and again goes through the passages and back to the first.
    let mut scrolled_down = false;
    for click_no in 0..=passages {
        let index = click_no % passages;
        click(&browser, "[data-criterion=R1] [data-testid=show-evidence]").await;
        let shown = browser
            .eventually(
                "const current = [...document.querySelectorAll('mark.current')];
                 if (!current.length || !current.every(m => m.dataset.evidence === 'R1' && m.dataset.index === arguments[0])) return false;
                 const ed = document.querySelector('[data-testid=editor]');
                 const mirror = document.querySelector('.mirror');
                 const box = document.querySelector('.editor-stack').getBoundingClientRect();
                 const r = current[0].getBoundingClientRect();
                 return mirror.scrollTop === ed.scrollTop && r.top >= box.top && r.bottom <= box.bottom;",
                vec![json!(index.to_string())],
            )
            .await;
        let state = browser
            .js(
                "return { current: [...document.querySelectorAll('mark.current')].map(m => m.dataset.evidence + '#' + m.dataset.index),
                          scrollTop: document.querySelector('[data-testid=editor]').scrollTop,
                          label: document.querySelector('[data-criterion=R1] [data-testid=show-evidence]').textContent };",
                vec![],
            )
            .await;
        assert!(
            shown,
            "click {click_no}: passage {index} of R1 is not marked and in view: {state}"
        );
        assert_eq!(
            state["label"],
            json!(format!("Show in text ({} of {passages})", index + 1))
        );
        scrolled_down |= state["scrollTop"].as_f64().unwrap_or(0.0) > 0.0;
    }
    assert!(
        scrolled_down,
        "the editor never scrolled to a passage further down"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn clicking_a_highlight_in_the_text_opens_its_criterion() {
    let case = reference_case();
    let review = engine::review(&case.text);
    let (_server, browser) = open_app().await;
    browser.paste(&case.text).await;
    shows_verdicts(&browser, &engine_verdicts(&review)).await;

    // A passage only one criterion cites, of the lowest card that has one.
    let target = browser
        .js(
            "const ids = arguments[0].slice().reverse();
             for (const id of ids) {
               for (const m of document.querySelectorAll(`.mirror mark[data-evidence=${id}]`)) {
                 if (m.querySelector('mark') || m.parentElement.closest('mark')) continue;
                 const r = m.getClientRects()[0];
                 if (r.width < 6) continue;
                 return { id, index: m.dataset.index, x: r.left + r.width / 2, y: r.top + r.height / 2 };
               }
             }
             return null;",
            vec![json!(CRITERIA)],
        )
        .await;
    assert!(
        target.is_object(),
        "no highlight of a single criterion to click"
    );
    let id = target["id"].as_str().unwrap().to_string();
    let passage = &review.get(CriterionId::parse(&id).unwrap()).evidence
        [target["index"].as_str().unwrap().parse::<usize>().unwrap()];

    click_at(
        &browser,
        target["x"].as_f64().unwrap(),
        target["y"].as_f64().unwrap(),
    )
    .await;
    let opened = browser
        .eventually(
            "const card = document.querySelector(`[data-criterion=${arguments[0]}]`);
             const pane = document.querySelector('.review-pane').getBoundingClientRect();
             const r = card.getBoundingClientRect();
             return card.classList.contains('opened') && card.querySelector('details.evidence').open
               && r.top < pane.bottom && r.bottom > pane.top
               && document.querySelectorAll('.card.opened').length === 1;",
            vec![json!(id)],
        )
        .await;
    assert!(
        opened,
        "clicking {id}'s highlight did not open its card in view"
    );
    let caret = browser
        .js(
            "return document.querySelector('[data-testid=editor]').selectionStart;",
            vec![],
        )
        .await;
    let caret = caret.as_u64().unwrap() as usize;
    // The reference case is ASCII: UTF-16 offsets are byte offsets.
    assert!(
        passage.start <= caret && caret < passage.end,
        "the click put the caret at {caret}, outside {id}'s passage {:?}",
        passage.range()
    );
    let context = browser
        .js(
            "return document.querySelector('[data-testid=caret-context]').textContent;",
            vec![],
        )
        .await;
    assert!(
        context
            .as_str()
            .unwrap_or("")
            .contains(&format!("evidence for {id} ")),
        "the caret line does not name {id}: {context}"
    );

    // With the keyboard: put the caret in another criterion's passage, then
    // follow the caret line's button to the card.
    let other = review
        .criteria
        .iter()
        .find(|c| c.id.as_str() != id && !c.evidence.is_empty())
        .expect("another criterion with evidence");
    let inside = other.evidence[0].start + 1;
    browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]'); ed.focus(); ed.setSelectionRange(arguments[0], arguments[0]);",
            vec![json!(inside)],
        )
        .await;
    press(&browser, &[ARROW_RIGHT]).await;
    let named = browser
        .eventually(
            "return document.querySelector('[data-testid=caret-open]')?.textContent === `Show ${arguments[0]} in the review`;",
            vec![json!(other.id.as_str())],
        )
        .await;
    assert!(
        named,
        "the caret in {}'s passage is not announced",
        other.id
    );
    click(&browser, "[data-testid=caret-open]").await;
    let focused = browser
        .eventually(
            "return document.activeElement?.id === `card-${arguments[0]}`
               && document.querySelector(`[data-criterion=${arguments[0]}]`).classList.contains('opened');",
            vec![json!(other.id.as_str())],
        )
        .await;
    assert!(
        focused,
        "following the caret line did not move focus to {}'s card",
        other.id
    );
    close_without_panics(browser).await;
}

/// What the caret line's button says once it has settled, and what it
/// should say: the first criterion the engine cites at the textarea's
/// real caret.
async fn caret_line(browser: &Browser, text: &str) -> (String, String) {
    let caret = browser
        .js(
            "return document.querySelector('[data-testid=editor]').selectionStart;",
            vec![],
        )
        .await;
    let at = preview::utf16_to_byte(text, caret.as_u64().unwrap() as usize);
    let want = match preview::criteria_at(&preview::highlights(&engine::review(text)), at).first() {
        Some(id) => format!("Show {id} in the review"),
        None => "(none)".to_string(),
    };
    const SAYS: &str =
        "document.querySelector('[data-testid=caret-open]')?.textContent ?? '(none)'";
    browser
        .eventually(
            &format!("return {SAYS} === arguments[0];"),
            vec![json!(want)],
        )
        .await;
    let says = browser.js(&format!("return {SAYS};"), vec![]).await;
    (says.as_str().unwrap_or_default().to_string(), want)
}

#[tokio::test]
async fn the_caret_line_names_the_passage_the_caret_is_really_in() {
    let review = engine::review(ZENDESK_SAMPLE);
    assert!(
        !preview::criteria_at(&preview::highlights(&review), 0).is_empty(),
        "the sample opens with a cited passage"
    );
    let (server, browser) = open_app().await;
    // Loading a sample puts the caret at its start, inside a passage.
    click(&browser, "[data-testid=load-sample]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await
    );
    let (says, want) = caret_line(&browser, ZENDESK_SAMPLE).await;
    assert_eq!(says, want, "after loading the sample");
    // After a reload the caret is wherever the browser put it.
    browser.open(&server.url("/")).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await
    );
    let (says, want) = caret_line(&browser, ZENDESK_SAMPLE).await;
    assert_eq!(says, want, "after a reload");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn inserting_a_missing_section_reviews_it_and_ctrl_z_takes_it_back() {
    let case = reference_case();
    let review = engine::review(&case.text);
    assert_eq!(
        review.get(CriterionId::R1).verdict,
        Verdict::Missing,
        "R1 is missing from the reference case"
    );
    let insertion =
        export::skeleton_insertion(&case.text, engine::guidance(CriterionId::R1).skeleton);
    let mut with_section = case.text.clone();
    with_section.insert_str(insertion.at, &insertion.text);
    let after = engine::review(&with_section);

    let (_server, browser) = open_app().await;
    browser.paste(&case.text).await;
    shows_verdicts(&browser, &engine_verdicts(&review)).await;
    click(
        &browser,
        "[data-criterion=R1] [data-testid=insert-skeleton]",
    )
    .await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(with_section)]
            )
            .await,
        "the text after inserting R1's section: {:?}",
        editor_value(&browser).await
    );
    assert!(with_section.contains("## Timeline"));
    assert_eq!(
        shows_verdicts(&browser, &engine_verdicts(&after)).await,
        engine_verdicts(&after)
    );
    let marks = browser
        .js("return new Set([...document.querySelectorAll('.mirror mark[data-evidence=R1]')].map(m => m.dataset.index)).size;", vec![])
        .await;
    assert_eq!(
        marks,
        json!(after.get(CriterionId::R1).evidence.len()),
        "R1's highlights after the insertion"
    );
    // The inserted section is selected, so the person sees what was added.
    let selected = browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]'); return ed.value.slice(ed.selectionStart, ed.selectionEnd);",
            vec![],
        )
        .await;
    assert_eq!(selected, json!(insertion.text));

    chord(&browser, CONTROL, 'z').await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(case.text)]
            )
            .await,
        "Ctrl+Z did not take the section back: {:?}",
        editor_value(&browser).await
    );
    assert_eq!(
        shows_verdicts(&browser, &engine_verdicts(&review)).await,
        engine_verdicts(&review)
    );
    close_without_panics(browser).await;
}

/// Sets a card's verdict through its form, as a person would.
pub(crate) async fn set_verdict(browser: &Browser, id: &str, verdict: &str, note: &str) {
    click(
        browser,
        &format!("[data-criterion={id}] [data-testid=override]"),
    )
    .await;
    let form = browser
        .client
        .wait()
        .for_element(Locator::Css(&format!(
            "[data-criterion={id}] [data-testid=override-verdict]"
        )))
        .await
        .expect("the override form opens");
    form.select_by_value(verdict).await.unwrap();
    browser
        .client
        .find(Locator::Css(&format!(
            "[data-criterion={id}] [data-testid=override-note]"
        )))
        .await
        .unwrap()
        .send_keys(note)
        .await
        .unwrap();
    click(
        browser,
        &format!("[data-criterion={id}] [data-testid=override-save]"),
    )
    .await;
}

const CARD_STATE: &str = "const card = document.querySelector(`[data-criterion=${arguments[0]}]`);
    const status = card.querySelector('[data-testid=override-status]');
    const count = document.querySelector('[data-testid=override-count]');
    return { verdict: card.dataset.verdict, overridden: card.dataset.overridden ?? null,
             status: status.hidden ? null : [...status.querySelectorAll('p')].map(p => p.textContent),
             reason: card.querySelector('[data-testid=reason]').checkVisibility(),
             count: count.hidden ? null : count.textContent,
             form: !!card.querySelector('form'),
             prerequisites: document.querySelector('[data-testid=tier-counts-prerequisites]').textContent };";

#[tokio::test]
async fn a_verdict_set_by_hand_survives_a_reload_until_it_is_reset() {
    let case = reference_case();
    let review = engine::review(&case.text);
    assert_eq!(review.get(CriterionId::P3).verdict, Verdict::Missing);
    let note = "The status page was updated at 09:10 PST.";
    let counts = |o: &Overrides| {
        let t = &export::as_seen(&review, o).tiers[0];
        format!(
            "{} met · {} partial · {} missing",
            t.met, t.partial, t.missing
        )
    };
    let hand_set = Overrides::from([(
        CriterionId::P3,
        Override {
            verdict: Verdict::Met,
            note: note.to_string(),
        },
    )]);
    // The card says who set the verdict and why, in place of the engine's
    // reason, which argued for the verdict set aside.
    let overridden = json!({
        "verdict": "met", "overridden": "true",
        "status": [format!("Set by hand: {note}"), "The review says missing; Reset goes back to it."],
        "reason": false,
        "count": "1 verdict is set by hand; the counts below include it.",
        "form": false, "prerequisites": counts(&hand_set),
    });
    let not_overridden = json!({
        "verdict": "missing", "overridden": null, "status": null, "reason": true, "count": null,
        "form": false, "prerequisites": counts(&Overrides::new()),
    });

    let (server, browser) = open_app().await;
    browser.paste(&case.text).await;
    shows_verdicts(&browser, &engine_verdicts(&review)).await;
    set_verdict(&browser, "P3", "met", note).await;
    browser
        .eventually(
            "const c = document.querySelector('[data-criterion=P3]'); return c.dataset.overridden === 'true' && !c.querySelector('form');",
            vec![],
        )
        .await;
    assert_eq!(
        browser.js(CARD_STATE, vec![json!("P3")]).await,
        overridden,
        "after saving the override"
    );

    // Reloaded straight away, before the save timer: leaving the page saves.
    browser.open(&server.url("/")).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-criterion=P3]')?.dataset.overridden === 'true'
                   && document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(case.text)]
            )
            .await,
        "after a reload: {} / text kept: {}",
        browser.js(CARD_STATE, vec![json!("P3")]).await,
        editor_value(&browser).await == case.text
    );
    assert_eq!(
        browser.js(CARD_STATE, vec![json!("P3")]).await,
        overridden,
        "after a reload"
    );

    click(&browser, "[data-criterion=P3] [data-testid=override-reset]").await;
    browser
        .eventually(
            "return document.querySelector('[data-criterion=P3]').dataset.verdict === 'missing';",
            vec![],
        )
        .await;
    assert_eq!(
        browser.js(CARD_STATE, vec![json!("P3")]).await,
        not_overridden,
        "after the reset"
    );
    browser.open(&server.url("/")).await;
    browser
        .eventually(
            "return document.querySelector('[data-testid=editor]').value === arguments[0];",
            vec![json!(case.text)],
        )
        .await;
    assert_eq!(
        browser.js(CARD_STATE, vec![json!("P3")]).await,
        not_overridden,
        "the reset is kept too"
    );

    // Set without a note, to a verdict that still asks for more: the card
    // says there is no note, and keeps the engine's suggestion.
    set_verdict(&browser, "P3", "partial", "").await;
    let suggestion = review.get(CriterionId::P3).suggestion.clone().expect("P3 missing has a suggestion");
    assert!(
        browser
            .eventually(
                "const c = document.querySelector('[data-criterion=P3]');
                 return c.dataset.verdict === 'partial' && !c.querySelector('form')
                   && c.querySelector('.suggestion').checkVisibility()
                   && c.querySelector('.suggestion').textContent === 'To add: ' + arguments[0];",
                vec![json!(suggestion)]
            )
            .await,
        "P3 set to partial by hand without a note: {}",
        browser.js(CARD_STATE, vec![json!("P3")]).await
    );
    let state = browser.js(CARD_STATE, vec![json!("P3")]).await;
    assert_eq!(
        (&state["status"], &state["reason"]),
        (&json!(["Set by hand, with no note.", "The review says missing; Reset goes back to it."]), &json!(false)),
        "{state}"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn a_script_payload_in_the_preview_stays_inert_text() {
    let payload = concat!(
        "# Incident\n\n",
        "<img src=x onerror=\"window.__xss=1\">\n\n",
        "<script>window.__xss=2</script>\n\n",
        "We wrote [a](javascript:window.__xss=3), [b](JAVASCRIPT:window.__xss=4) [c](<java\tscript:window.__xss=5>) and [d](&#106;avascript:window.__xss=11).\n\n",
        "Inline <a href=\"javascript:window.__xss=6\">raw</a> <svg onload=\"window.__xss=7\"></svg> ",
        "<iframe src=\"javascript:window.__xss=8\"></iframe> <b onmouseover=\"window.__xss=9\">bold</b>\n\n",
        "![pic](javascript:window.__xss=10) and a [real link](https://example.com/status).\n",
    );
    let (_server, browser) = open_app().await;
    browser.paste(payload).await;
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(
        browser
            .eventually(
                "const p = document.querySelector('[data-testid=preview]');
                 return !p.hidden && document.querySelector('.editor-stack').hidden && p.querySelector('h1') !== null;",
                vec![]
            )
            .await,
        "the preview did not replace the editor"
    );
    // Let every image in the preview finish loading or failing: an onerror
    // would have run by then.
    assert!(
        browser
            .eventually(
                "return [...document.querySelectorAll('img')].every(i => i.complete);",
                vec![]
            )
            .await
    );
    let report = browser
        .js(
            "const p = document.querySelector('[data-testid=preview]');
             const all = [...document.querySelectorAll('[data-testid=preview] *, .mirror *')];
             return {
               xss: window.__xss === undefined ? null : window.__xss,
               dangerous: all.filter(e => ['SCRIPT', 'IFRAME', 'SVG', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase())).map(e => e.outerHTML),
               handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name)),
               urls: [...p.querySelectorAll('a, img')].map(e => e.getAttribute('href') ?? e.getAttribute('src')),
               text: p.textContent,
             };",
            vec![],
        )
        .await;
    assert_eq!(report["xss"], Value::Null, "a payload ran");
    assert_eq!(report["dangerous"], json!([]));
    assert_eq!(report["handlers"], json!([]));
    let urls: Vec<&str> = report["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap_or(""))
        .collect();
    assert!(
        urls.contains(&"https://example.com/status"),
        "a web link is kept: {urls:?}"
    );
    for url in &urls {
        let scheme: String = url
            .chars()
            .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        assert!(
            !scheme.starts_with("javascript:"),
            "a script link survived: {url}"
        );
    }
    assert_eq!(
        urls.iter().filter(|u| **u == "#").count(),
        5,
        "the five script addresses become '#': {urls:?}"
    );
    let text = report["text"].as_str().unwrap();
    for shown in [
        "<img src=x onerror=\"window.__xss=1\">",
        "<script>window.__xss=2</script>",
        "<svg onload=\"window.__xss=7\">",
    ] {
        assert!(
            text.contains(shown),
            "the preview does not show {shown:?} as text: {text:?}"
        );
    }

    // Following the neutralised links runs nothing either.
    for link in browser
        .client
        .find_all(Locator::Css("[data-testid=preview] a[href='#']"))
        .await
        .unwrap()
    {
        link.click().await.unwrap();
    }
    assert_eq!(
        browser
            .js("return window.__xss === undefined;", vec![])
            .await,
        json!(true),
        "a clicked link ran a payload"
    );

    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(
        browser
            .eventually("return !document.querySelector('.editor-stack').hidden && document.querySelector('[data-testid=preview]').hidden;", vec![])
            .await
    );
    assert_eq!(
        editor_value(&browser).await,
        payload,
        "previewing changed the text"
    );
    close_without_panics(browser).await;
}

const NOTICE: &str = "const n = document.querySelector('[data-testid=editor-notice]');
    return { kind: n.dataset.kind ?? null, message: n.textContent };";

#[tokio::test]
async fn opening_a_text_file_reviews_it_and_a_binary_file_is_refused() {
    let reference = reference_case();
    let other = corpus::load()
        .into_iter()
        .find(|c| {
            engine_verdicts(&engine::review(&c.text))
                != engine_verdicts(&engine::review(&reference.text))
        })
        .expect("a case reviewed differently from the reference");
    let dir = std::env::temp_dir().join(format!("pmr-ui-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Named as a static site's template: a text file is opened whatever its
    // extension, and its content decides.
    let markdown = dir.join("incident.html.md.erb");
    std::fs::write(&markdown, &other.text).unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let picture = dir.join("screenshot.png");
    std::fs::write(&picture, png).unwrap();
    let disguised = dir.join("screenshot.md");
    std::fs::write(&disguised, png).unwrap();
    // Windows tools save "Unicode" text as UTF-16: named as such, not
    // called binary; and an empty file is not opened as a draft.
    let utf16 = dir.join("notepad.txt");
    let utf16_bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain("We broke logins at 10:00 UTC.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&utf16, utf16_bytes).unwrap();
    let empty = dir.join("empty.md");
    std::fs::write(&empty, " \n").unwrap();

    let (_server, browser) = open_app().await;
    browser.paste(&reference.text).await;
    shows_verdicts(&browser, &words(&reference.labels)).await;
    let input = browser
        .client
        .find(Locator::Css("[data-testid=file-input]"))
        .await
        .unwrap();

    input.send_keys(markdown.to_str().unwrap()).await.unwrap();
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(other.text)]
            )
            .await,
        "the file's text is not in the editor"
    );
    let want = engine_verdicts(&engine::review(&other.text));
    assert_eq!(
        shows_verdicts(&browser, &want).await,
        want,
        "the opened file is reviewed"
    );
    let notice = browser.js(NOTICE, vec![]).await;
    assert_eq!(notice["kind"], json!("info"));
    assert!(
        notice["message"]
            .as_str()
            .unwrap()
            .contains("Opened \u{201c}incident.html.md.erb\u{201d} as a new draft"),
        "{notice}"
    );

    for (file, why) in [
        (&picture, "binary"),
        (&disguised, "binary"),
        (&utf16, "is UTF-16 text; save it as UTF-8"),
        (&empty, "it is empty"),
    ] {
        let name = file.file_name().unwrap().to_str().unwrap();
        input.send_keys(file.to_str().unwrap()).await.unwrap();
        let refused = browser
            .eventually(
                "const n = document.querySelector('[data-testid=editor-notice]');
                 return n.dataset.kind === 'error' && n.textContent.includes(arguments[0]);",
                vec![json!(format!("\u{201c}{name}\u{201d}"))],
            )
            .await;
        let notice = browser.js(NOTICE, vec![]).await;
        assert!(refused, "{name} was not refused by name: {notice}");
        let message = notice["message"].as_str().unwrap();
        assert!(
            message.contains(why) && message.contains("Your text is unchanged."),
            "{name}: {message}"
        );
        assert_eq!(
            editor_value(&browser).await,
            other.text,
            "{name} changed the text"
        );
        assert_eq!(browser.verdicts().await, want, "{name} changed the review");
    }
    close_without_panics(browser).await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Drags `arguments[1]` (a file's bytes, named `arguments[2]`; text alone
/// when no name) over the element `arguments[0]` and drops it there, as a
/// person dragging from their desktop would; says which of the events the
/// page took over from the browser, and whether the drop box was shown.
const DRAG_AND_DROP: &str = "const [css, content, name] = arguments;
    const target = document.querySelector(css);
    const transfer = new DataTransfer();
    if (name) transfer.items.add(new File([new Uint8Array(content)], name));
    else transfer.setData('text/plain', content);
    const fire = type => { const ev = new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true });
      target.dispatchEvent(ev); return ev.defaultPrevented; };
    const shown = () => document.querySelector('.editor-pane').classList.contains('dragging');
    const settle = () => new Promise(done => setTimeout(done, 100));
    const over = fire('dragover');
    return settle().then(() => { const during = shown(); const drop = fire('drop');
      return settle().then(() => ({ over, shown: during, drop, after: shown() })); });";

#[tokio::test]
async fn a_file_dropped_anywhere_on_the_page_opens_and_a_dropped_binary_is_refused() {
    let (_server, browser) = open_app().await;
    let first = "# Checkout outage\n\nWe broke checkout at 09:05 UTC.\n";
    browser.paste(first).await;
    let dropped = "# Login outage\n\nLogins failed from 14:05 to 14:40 UTC. We are sorry.\n";
    // Beside the editor, on the review: without the page taking the drop
    // over, the browser would leave the app to show the file.
    let seen = browser.js(DRAG_AND_DROP, vec![json!("[data-testid=scorecard]"), json!(dropped.as_bytes()), json!("login.md")]).await;
    assert_eq!(seen, json!({ "over": true, "shown": true, "drop": true, "after": false }), "a file dropped on the review");
    assert!(
        browser.eventually("return document.querySelector('[data-testid=editor]').value === arguments[0];", vec![json!(dropped)]).await,
        "the file dropped on the review did not open: {}",
        browser.js(NOTICE, vec![]).await
    );
    assert!(browser.js(NOTICE, vec![]).await["message"].as_str().unwrap().contains("Opened \u{201c}login.md\u{201d} as a new draft"));

    // In the preview the editor is hidden: a file dropped there opens too.
    click(&browser, "[data-testid=preview-toggle]").await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let seen = browser.js(DRAG_AND_DROP, vec![json!("[data-testid=preview]"), json!(png.as_slice()), json!("diagram.png")]).await;
    assert_eq!((&seen["over"], &seen["drop"]), (&json!(true), &json!(true)), "a file dropped on the preview: {seen}");
    let refused = browser
        .eventually(
            "const n = document.querySelector('[data-testid=editor-notice]');
             return n.dataset.kind === 'error' && n.textContent.includes('\u{201c}diagram.png\u{201d}');",
            vec![],
        )
        .await;
    let notice = browser.js(NOTICE, vec![]).await;
    assert!(refused, "the dropped picture was not refused by name: {notice}");
    assert!(notice["message"].as_str().unwrap().contains("binary") && notice["message"].as_str().unwrap().contains("Your text is unchanged."), "{notice}");
    assert_eq!(editor_value(&browser).await, dropped, "the dropped picture changed the text");
    assert!(browser.js("return document.querySelectorAll('[data-testid=draft-item]').length;", vec![]).await == json!(2), "a draft was opened for the picture");

    // Dragged text is the textarea's to insert: the page leaves it alone.
    click(&browser, "[data-testid=preview-toggle]").await;
    let seen = browser.js(DRAG_AND_DROP, vec![json!("[data-testid=editor]"), json!(" More words."), Value::Null]).await;
    assert_eq!((&seen["over"], &seen["shown"], &seen["drop"]), (&json!(false), &json!(false), &json!(false)), "dragged text: {seen}");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn the_review_downloads_and_copies_as_markdown_and_json() {
    let case = reference_case();
    let review = engine::review(&case.text);
    let note = "Posted on Twitter.";
    let hand_set = Overrides::from([(
        CriterionId::P3,
        Override {
            verdict: Verdict::Partial,
            note: note.to_string(),
        },
    )]);
    let seen = export::as_seen(&review, &hand_set);
    let markdown = export::markdown(&seen);

    let (_server, browser) = open_app().await;
    browser.paste(&case.text).await;
    shows_verdicts(&browser, &engine_verdicts(&review)).await;
    set_verdict(&browser, "P3", "partial", note).await;
    assert!(browser.eventually("return document.querySelector('[data-criterion=P3]').dataset.overridden === 'true';", vec![]).await);
    assert_ne!(seen.summary, review.summary, "the hand-set verdict changes the counts the summary gives");
    let summary = browser.js("return document.querySelector('[data-testid=summary]').textContent;", vec![]).await;
    assert_eq!(
        summary,
        json!(engine::verdict_in_a_sentence(&seen.criteria, &seen.tiers)),
        "the summary reads the verdict set by hand"
    );
    browser.js(CAPTURE_EXPORTS, vec![]).await;

    click(&browser, "[data-testid=export-json]").await;
    click(&browser, "[data-testid=export-markdown]").await;
    assert!(
        browser
            .eventually("return window.__downloads.length === 2 && window.__downloads.every(d => d.text !== null);", vec![])
            .await,
        "downloads: {}",
        browser.js("return window.__downloads;", vec![]).await
    );
    let downloads = browser.js("return window.__downloads;", vec![]).await;
    assert_eq!(downloads[0]["name"], json!("postmortem-review.json"));
    assert_eq!(downloads[0]["type"], json!("application/json"));
    let exported = downloads[0]["text"].as_str().unwrap();
    assert_eq!(
        exported,
        seen.to_json(),
        "the JSON download is the review with the verdict set by hand"
    );
    let parsed: Value = serde_json::from_str(exported).expect("the JSON download parses");
    let ids: Vec<&str> = parsed["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, CRITERIA, "twelve criteria, in order");
    assert_eq!(
        parsed["criteria"][2]["set_by_hand"],
        json!({ "engine_verdict": review.get(CriterionId::P3).verdict.as_str(), "note": note }),
        "the engine's verdict and the note travel with the one set by hand"
    );
    assert_eq!(downloads[1]["name"], json!("postmortem-review.md"));
    assert_eq!(downloads[1]["type"], json!("text/markdown;charset=utf-8"));
    assert_eq!(
        downloads[1]["text"],
        json!(markdown),
        "the Markdown download, with the verdict set by hand"
    );
    assert!(markdown.contains(note));

    click(&browser, "[data-testid=copy-json]").await;
    assert!(
        browser
            .eventually(
                "return window.__copied.length === 1 && document.querySelector('[data-testid=export-status]').textContent === 'Copied the review as JSON.';",
                vec![]
            )
            .await
    );
    click(&browser, "[data-testid=copy-markdown]").await;
    assert!(
        browser
            .eventually(
                "return window.__copied.length === 2 && document.querySelector('[data-testid=export-status]').textContent === 'Copied the review as Markdown.';",
                vec![]
            )
            .await
    );
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=export-status]').textContent === '';",
                vec![]
            )
            .await,
        "the note of a copy stayed beside the buttons"
    );
    assert_eq!(
        browser.js("return window.__copied;", vec![]).await,
        json!([seen.to_json(), markdown])
    );

    // Print opens the browser's print dialog (replaced here: headless has none).
    browser
        .js(
            "window.__printed = 0; window.print = () => { window.__printed += 1; };",
            vec![],
        )
        .await;
    click(&browser, "[data-testid=print]").await;
    assert!(
        browser
            .eventually("return window.__printed === 1;", vec![])
            .await,
        "Print did not ask the browser to print"
    );

    // A browser that refuses the clipboard gets an honest answer.
    browser
        .js("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));", vec![])
        .await;
    click(&browser, "[data-testid=copy-json]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=export-status]').textContent.includes('did not allow copying');",
                vec![]
            )
            .await,
        "a refused copy was reported as: {}",
        browser.js("return document.querySelector('[data-testid=export-status]').textContent;", vec![]).await
    );
    close_without_panics(browser).await;
}

/// The focused element, and whether focus on it can be seen: an outline
/// or a ring on it, or on its label when the control itself is invisible
/// (the file input), on screen.
const FOCUS: &str = "
    const el = document.activeElement;
    const ring = e => { const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== ''); };
    const painted = e => { const r = e.getBoundingClientRect();
      return getComputedStyle(e).opacity !== '0' && r.width > 2 && r.height > 2
        && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth; };
    const shown = [el, ...(el && el.labels ? el.labels : [])].filter(e => e && e !== document.body && painted(e));
    return { name: describe(el), visible: shown.some(ring) };";

/// Every control a Tab could reach in the page as it is.
const FOCUSABLE: &str = "
    return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }))
      .map(describe);";

/// Presses Tab until `css` has focus; false if it never does.
async fn tab_to(browser: &Browser, css: &str) -> bool {
    for _ in 0..150 {
        press(browser, &[TAB]).await;
        if browser
            .js(
                "return document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await
            == json!(true)
        {
            return true;
        }
    }
    false
}

async fn active(browser: &Browser) -> String {
    browser
        .js(
            &format!("{DESCRIBE}; return describe(document.activeElement);"),
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn every_control_can_be_reached_seen_and_used_from_the_keyboard() {
    let (server, browser) = open_app().await;
    // Load a sample with the keyboard alone.
    assert!(
        tab_to(&browser, "[data-testid=load-sample]").await,
        "Tab never reaches Load sample"
    );
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await,
        "Enter on Load sample did not load it"
    );
    // From the top of the page again, with the sample kept.
    browser.open(&server.url("/")).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await
    );
    assert!(browser.shows_a_review().await);

    let focusable: Vec<String> = serde_json::from_value(
        browser
            .js(&format!("{DESCRIBE}; {FOCUSABLE}"), vec![])
            .await,
    )
    .unwrap();
    let mut reached: Vec<String> = Vec::new();
    let mut unseen = Vec::new();
    for _ in 0..200 {
        press(&browser, &[TAB]).await;
        let focus = browser.js(&format!("{DESCRIBE}; {FOCUS}"), vec![]).await;
        let name = focus["name"].as_str().unwrap().to_string();
        if name == "body" || reached.contains(&name) {
            break;
        }
        if focus["visible"] != json!(true) {
            unseen.push(name.clone());
        }
        reached.push(name);
    }
    assert_eq!(
        reached.first().map(String::as_str),
        Some("a:Skip to the editor"),
        "the first Tab stop"
    );
    // A control that comes and goes with the caret (the caret line's button)
    // counts only if it is still there after the walk.
    let focusable_after: Vec<String> = serde_json::from_value(
        browser
            .js(&format!("{DESCRIBE}; {FOCUSABLE}"), vec![])
            .await,
    )
    .unwrap();
    let unreachable: Vec<&String> = focusable
        .iter()
        .filter(|f| focusable_after.contains(f) && !reached.contains(f))
        .collect();
    assert!(
        unreachable.is_empty(),
        "not reachable with Tab: {unreachable:?}\nreached: {reached:?}"
    );
    assert!(unseen.is_empty(), "focus cannot be seen on: {unseen:?}");
    for needed in [
        "file-input",
        "theme-toggle",
        "preview-toggle",
        "editor",
        "export-json",
        "P3/override",
        "P3/insert-skeleton",
        "P1/show-evidence",
    ] {
        assert!(
            reached.iter().any(|r| r == needed),
            "{needed} is not a Tab stop: {reached:?}"
        );
    }

    // The skip link takes focus to the editor.
    assert!(tab_to(&browser, ".skip-link").await);
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually("return document.activeElement.id === 'editor';", vec![])
            .await,
        "the skip link left focus on {}",
        active(&browser).await
    );

    // Space changes the theme; Enter shows and hides the preview.
    assert!(tab_to(&browser, "[data-testid=theme-toggle]").await);
    press(&browser, &[SPACE]).await;
    assert!(
        browser
            .eventually(
                "return document.documentElement.dataset.theme === 'light';",
                vec![]
            )
            .await,
        "Space on the theme button"
    );
    assert!(tab_to(&browser, "[data-testid=preview-toggle]").await);
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "return !document.querySelector('[data-testid=preview]').hidden;",
                vec![]
            )
            .await,
        "Enter on Preview"
    );
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=preview]').hidden;",
                vec![]
            )
            .await,
        "Enter on Back to editing"
    );

    // Enter shows a criterion's evidence in the text.
    assert!(tab_to(&browser, "[data-criterion=P1] [data-testid=show-evidence]").await);
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('mark.current[data-evidence=P1]');",
                vec![]
            )
            .await,
        "Enter on Show in text"
    );

    // Space opens the override form; the form works from the keyboard.
    assert!(tab_to(&browser, "[data-criterion=P3] [data-testid=override]").await);
    press(&browser, &[SPACE]).await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('[data-criterion=P3] form');",
                vec![]
            )
            .await,
        "Space on Set verdict"
    );
    // The form opens on its first field.
    assert_eq!(
        active(&browser).await,
        "P3/override-verdict",
        "focus after Set verdict"
    );
    press(&browser, &[ARROW_UP]).await;
    press(&browser, &[TAB]).await;
    assert_eq!(active(&browser).await, "P3/override-note");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys("Set from the keyboard")
        .await
        .unwrap();
    press(&browser, &[TAB]).await;
    assert_eq!(active(&browser).await, "P3/override-save");
    press(&browser, &[ENTER]).await;
    assert!(
        browser
            .eventually(
                "const c = document.querySelector('[data-criterion=P3]');
                 return c.dataset.overridden === 'true' && c.dataset.verdict === 'partial'
                   && c.querySelector('[data-testid=override-status]').textContent.includes('Set from the keyboard');",
                vec![]
            )
            .await,
        "the keyboard override: {}",
        browser.js(CARD_STATE, vec![json!("P3")]).await
    );
    assert!(tab_to(&browser, "[data-criterion=P3] [data-testid=override-reset]").await);
    press(&browser, &[ENTER]).await;
    assert!(browser.eventually("return document.querySelector('[data-criterion=P3]').dataset.overridden === undefined;", vec![]).await);

    // Enter downloads the review.
    browser.js(CAPTURE_EXPORTS, vec![]).await;
    assert!(tab_to(&browser, "[data-testid=export-json]").await);
    press(&browser, &[ENTER]).await;
    assert!(
        browser.eventually("return window.__downloads.length === 1 && window.__downloads[0].name === 'postmortem-review.json';", vec![]).await,
        "Enter on Download JSON"
    );
    close_without_panics(browser).await;
}

/// Runs axe-core on the page as it is; the serious and critical violations.
pub(crate) async fn serious_violations(browser: &Browser) -> Value {
    browser.js(AXE, vec![]).await;
    browser
        .js(
            "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations
               .filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) })));",
            vec![],
        )
        .await
}

#[tokio::test]
async fn axe_finds_nothing_serious_in_light_or_dark_theme() {
    let (_server, browser) = open_app().await;
    click(&browser, "[data-testid=load-sample]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await
    );
    assert!(browser.shows_a_review().await);
    // Open what a reviewer opens: a passage shown, a card's evidence, an override form.
    click(&browser, "[data-criterion=P1] [data-testid=show-evidence]").await;
    click(&browser, "[data-criterion=P1] details.evidence summary").await;
    click(&browser, "[data-criterion=P3] [data-testid=override]").await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('mark.current') && !!document.querySelector('[data-criterion=P3] form')
                   && document.querySelectorAll('[data-criterion=P1] blockquote').length > 0;",
                vec![]
            )
            .await
    );

    let mut backgrounds = Vec::new();
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
        backgrounds.push(
            browser
                .js(
                    "return getComputedStyle(document.body).backgroundColor;",
                    vec![],
                )
                .await,
        );
        let violations = serious_violations(&browser).await;
        assert_eq!(violations, json!([]), "axe in the {theme} theme");
    }
    assert_ne!(
        backgrounds[0], backgrounds[1],
        "the dark theme looks the same as the light one"
    );
    // The rendered preview, in the dark theme.
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(
        browser
            .eventually(
                "return !!document.querySelector('[data-testid=preview] p');",
                vec![]
            )
            .await
    );
    let violations = serious_violations(&browser).await;
    assert_eq!(violations, json!([]), "axe on the preview");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn on_a_phone_sized_window_nothing_scrolls_sideways_and_the_cards_show() {
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
    let long_line = format!(
        "See https://status.example.com/incidents/{} for details.\n\n",
        "x".repeat(300)
    );
    browser
        .paste(&format!("{long_line}{}", reference_case().text))
        .await;
    assert!(
        browser
            .eventually(
                "return document.querySelectorAll('[data-criterion]').length === 12;",
                vec![]
            )
            .await
    );
    assert!(browser.shows_a_review().await);
    // Above the bar of tabs at the bottom of the screen, as a person
    // scrolls it before tapping.
    browser
        .js("document.querySelector('[data-criterion=P3] [data-testid=override]').scrollIntoView({ block: 'center' });", vec![])
        .await;
    click(&browser, "[data-criterion=P3] [data-testid=override]").await;

    let layout = "return {
        width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
        cards: [...document.querySelectorAll('[data-criterion]')].filter(c => {
          const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth; }).length,
        editor: (() => { const r = document.querySelector('[data-testid=editor]').getBoundingClientRect(); return r.width > 200 && r.right <= innerWidth; })(),
      };";
    let seen = browser.js(layout, vec![]).await;
    assert!(
        seen["scrollWidth"].as_f64() <= seen["width"].as_f64(),
        "the page scrolls sideways: {seen}"
    );
    assert_eq!(seen["cards"], json!(12), "cards within the window: {seen}");
    assert_eq!(
        seen["editor"],
        json!(true),
        "the editor fits the window: {seen}"
    );

    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(
        browser
            .eventually(
                "return !document.querySelector('[data-testid=preview]').hidden;",
                vec![]
            )
            .await
    );
    let seen = browser.js(layout, vec![]).await;
    assert!(
        seen["scrollWidth"].as_f64() <= seen["width"].as_f64(),
        "the preview scrolls the page sideways: {seen}"
    );
    close_without_panics(browser).await;
}

/// A paste over the input limit keeps every character, says that only the
/// first part is reviewed, and the review of that part still shows.
#[tokio::test]
async fn a_paste_over_the_limit_is_kept_whole_and_reviewed_in_part() {
    let (_server, browser) = open_app().await;
    let sentence = "We broke logins at 10:02 UTC and fixed them at 10:40 UTC. ";
    let huge = sentence.repeat(postmortem_reviewer::input::MAX_BYTES / sentence.len() + 200);
    browser.paste(&huge).await;
    assert!(
        browser
            .eventually(
                "const n = document.querySelector('[data-testid=editor-notice]');
                 return !!n && n.textContent.includes('only its first');",
                vec![],
            )
            .await,
        "no notice that only part of the text is reviewed"
    );
    let kept = browser
        .js("return document.querySelector('[data-testid=editor]').value.length", vec![])
        .await;
    assert_eq!(kept, json!(huge.len()), "every character of the paste stays in the editor");
    assert!(browser.shows_a_review().await, "the reviewed part still gets its verdicts");
    // Pasted over with a short text, the notice goes: it would claim a
    // part of this text goes unreviewed.
    browser.paste(sentence).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor-notice]').textContent === ''
                   && document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(sentence)],
            )
            .await,
        "the over-the-limit notice outlived the text: {}",
        browser.js(NOTICE, vec![]).await
    );
    close_without_panics(browser).await;
}
