//! Suggestions that speak to the text: a card quotes the person's own
//! words and says where to add what is missing, as the engine run natively
//! on the same text says, and keeps saying it when the person sets the
//! verdict by hand; "Insert section" shows what it inserted, selected,
//! in view and ready to type over, also when the person was in the preview.

use crate::corpus::reference_case;
use crate::harness::Browser;
use crate::ui::{click, close_without_panics, open_app, set_verdict};
use postmortem_reviewer::engine::{self, CriterionId, Verdict};
use postmortem_reviewer::export;
use serde_json::json;

/// A short postmortem whose cause is only a cause class: R3's card asks for
/// the mechanism, quoting it, under the text's own cause heading.
const CAUSE_CLASS_ONLY: &str = "# Checkout outage on 3 March\n\n\
    On 3 March, from 14:02 to 14:49 UTC, 38% of checkout requests failed for customers in the EU; \
    the US store was not affected.\n\n\
    ## Root cause\n\nThe outage was caused by human error.\n";

/// The text of a card's suggestion ("To add: …").
async fn card_suggestion(browser: &Browser, id: CriterionId) -> String {
    browser
        .js(
            "const p = document.querySelector(`[data-criterion=${arguments[0]}] .suggestion`);
             return p && !p.hidden ? p.textContent : null;",
            vec![json!(id.as_str())],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_card_quotes_the_pasted_text_and_names_its_heading() {
    let review = engine::review(CAUSE_CLASS_ONLY);
    let r3 = review.get(CriterionId::R3);
    assert_eq!(r3.verdict, Verdict::Partial, "R3 is partial in the test's text");
    let tailored = r3.suggestion.clone().expect("R3 is not met");
    assert_ne!(tailored, engine::suggestion(CriterionId::R3), "the engine speaks to this text");

    let (_server, browser) = open_app().await;
    browser.paste(CAUSE_CLASS_ONLY).await;
    assert!(
        browser
            .eventually(
                "const p = document.querySelector('[data-criterion=R3] .suggestion');
                 return !!p && !p.hidden && p.textContent.includes(arguments[0]);",
                vec![json!(tailored)]
            )
            .await,
        "R3's card: {:?}",
        card_suggestion(&browser, CriterionId::R3).await
    );
    let shown = card_suggestion(&browser, CriterionId::R3).await;
    assert!(shown.contains("\u{201c}The outage was caused by human error\u{201d}"), "{shown}");
    assert!(shown.contains("under your \u{201c}Root cause\u{201d} heading"), "{shown}");

    // A verdict set by hand keeps the engine's words about this text.
    set_verdict(&browser, "R3", "missing", "No mechanism at all.").await;
    assert!(
        browser
            .eventually(
                "const card = document.querySelector('[data-criterion=R3]');
                 return card.dataset.verdict === 'missing' && card.dataset.overridden === 'true'
                   && card.querySelector('.suggestion').textContent.includes(arguments[0]);",
                vec![json!(tailored)]
            )
            .await,
        "R3's card after setting it missing by hand: {:?}",
        card_suggestion(&browser, CriterionId::R3).await
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn insert_section_from_the_preview_selects_scrolls_to_and_focuses_what_it_inserted() {
    // Long enough that the end of the text is out of the editor's view.
    let mut text = reference_case().text;
    text.push_str("\n\n## Notes\n\n");
    for n in 1..=80 {
        text.push_str(&format!("- Note {n}: nothing further.\n"));
    }
    let review = engine::review(&text);
    let id = review
        .criteria
        .iter()
        .map(|c| c.id)
        .find(|&id| {
            let at = export::skeleton_insertion(&text, engine::guidance(id).skeleton).at;
            review.get(id).verdict != Verdict::Met && at == text.len()
        })
        .expect("a criterion not met whose section goes at the end");
    let insertion = export::skeleton_insertion(&text, engine::guidance(id).skeleton);
    let blank = insertion.text.len() - insertion.text.trim_start_matches('\n').len();
    let first_line = text.matches('\n').count() + blank;

    let (_server, browser) = open_app().await;
    browser.paste(&text).await;
    browser.js("document.querySelector('[data-testid=editor]').scrollTop = 0;", vec![]).await;
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(
        browser.eventually("return !document.querySelector('[data-testid=preview]').hidden;", vec![]).await,
        "the preview opens"
    );
    click(&browser, &format!("[data-criterion={id}] [data-testid=insert-skeleton]")).await;

    let shows_it = browser
        .eventually(
            "const ed = document.querySelector('[data-testid=editor]');
             const line = document.querySelector('.mirror').children[arguments[1]];
             return document.querySelector('[data-testid=preview]').hidden
               && document.activeElement === ed
               && ed.value.slice(ed.selectionStart, ed.selectionEnd) === arguments[0]
               && !!line
               && line.offsetTop >= ed.scrollTop
               && line.offsetTop < ed.scrollTop + ed.clientHeight;",
            vec![json!(insertion.text), json!(first_line)],
        )
        .await;
    let seen = browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             const line = document.querySelector('.mirror').children[arguments[0]];
             return {
               preview_hidden: document.querySelector('[data-testid=preview]').hidden,
               focused: document.activeElement === ed,
               selected: ed.value.slice(ed.selectionStart, ed.selectionEnd),
               scroll_top: ed.scrollTop, height: ed.clientHeight,
               line_top: line ? line.offsetTop : null,
             };",
            vec![json!(first_line)],
        )
        .await;
    assert!(shows_it, "after inserting {id}'s section from the preview: {seen:#}");
    let mut with_section = text.clone();
    with_section.insert_str(insertion.at, &insertion.text);
    assert_eq!(
        browser.js("return document.querySelector('[data-testid=editor]').value;", vec![]).await,
        json!(with_section)
    );
    close_without_panics(browser).await;
}
