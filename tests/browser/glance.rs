//! Readable at a glance: the editor is the page, with the review beside it
//! opening on a scorecard; highlights name their criterion and a legend
//! filters them; the phone and the 720 px frame; focus and contrast.

use crate::harness::{Browser, CRITERIA, StaticServer, dist_dir};
use crate::ui::{ZENDESK_SAMPLE, click, click_at, close_without_panics, open_app, press, serious_violations};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use postmortem_reviewer::engine::{self, Verdict};
use serde_json::{Value, json};

/// Where an element is in the viewport: `[top, bottom, height]`, or null.
const RECT: &str = "const el = document.querySelector(arguments[0]);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [r.top, r.bottom, r.height];";

async fn rect(browser: &Browser, css: &str) -> Vec<f64> {
    let v = browser.js(RECT, vec![json!(css)]).await;
    v.as_array()
        .unwrap_or_else(|| panic!("no {css} on the page"))
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

async fn viewport_height(browser: &Browser) -> f64 {
    browser.js("return innerHeight;", vec![]).await.as_f64().unwrap()
}

/// Opens the Zendesk sample and waits for its highlights (layout's tests
/// start from it too).
pub async fn load_zendesk_sample(browser: &Browser) {
    browser.js("document.querySelector('[data-testid=load-sample]').click();", vec![]).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0]
                   && document.querySelectorAll('.mirror mark').length > 0;",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await,
        "the sample did not open with its highlights"
    );
}

/// The centre of the first highlight of `id` in the text, in the viewport.
async fn highlight_centre(browser: &Browser, id: &str) -> (f64, f64) {
    let at = browser
        .js(
            "const r = document.querySelector(`.mirror mark[data-evidence=${arguments[0]}]`).getClientRects()[0];
             return [r.left + Math.min(r.width / 2, 20), r.top + r.height / 2];",
            vec![json!(id)],
        )
        .await;
    (at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
}

#[tokio::test]
async fn the_editor_is_the_page_and_the_review_opens_on_a_scorecard() {
    let (_server, browser) = open_app().await;
    let height = viewport_height(&browser).await;

    // An empty editor: how to start, not twelve "missing" cards; the
    // drafts are a closed menu, not a panel on the first screen.
    let empty = browser
        .js(
            "const shown = s => { const e = document.querySelector(s); return !!e && e.checkVisibility(); };
             return { start: shown('[data-testid=start]'), open: shown('[data-testid=start] label[for=file-input]'),
                      sample: shown('[data-testid=start-sample]'), cards: shown('[data-criterion=P1]'),
                      drafts: shown('[data-testid=drafts-list]'), menu: shown('[data-testid=drafts-menu]'),
                      caret_hint: shown('[data-testid=caret-context]') };",
            vec![],
        )
        .await;
    assert_eq!(
        empty,
        json!({ "start": true, "open": true, "sample": true, "cards": false, "drafts": false, "menu": true, "caret_hint": false }),
        "what an empty editor shows"
    );
    let editor = rect(&browser, "[data-testid=editor]").await;
    assert!(editor[2] >= 0.6 * height, "the editor gets the height: {editor:?} of {height}");
    // Its steps name the controls as the toolbar does: one name for each.
    let names = browser
        .js(
            "const text = s => document.querySelector(s).textContent.trim();
             return [[text('[data-testid=start] label[for=file-input]'), text('.toolbar label[for=file-input]')],
                     [text('[data-testid=start-sample]'), text('[data-testid=load-sample]')]];",
            vec![],
        )
        .await;
    assert_eq!(names, json!([["Open file…", "Open file…"], ["Load sample", "Load sample"]]), "the steps and the toolbar name the controls alike");

    click(&browser, "[data-testid=start-sample]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=editor]').value === arguments[0];",
                vec![json!(ZENDESK_SAMPLE)]
            )
            .await,
        "Load sample in the steps did not open the sample"
    );
    assert_eq!(
        browser.js("return document.querySelector('[data-testid=caret-context]').checkVisibility();", vec![]).await,
        json!(true),
        "with a text, the hint on highlights shows"
    );
    let review = engine::review(ZENDESK_SAMPLE);

    // Twelve chips, three tiers of four, each with an icon and a word.
    let chips = browser
        .js(
            "return [...document.querySelectorAll('[data-testid=scorecard] tr')].filter(row => row.querySelector('[data-chip]')).map(row =>
               [...row.querySelectorAll('[data-chip]')].map(c => ({
                 id: c.dataset.chip,
                 icon: c.querySelector('.chip-icon').textContent,
                 word: c.querySelector('.chip-word').textContent,
                 bottom: c.getBoundingClientRect().bottom })));",
            vec![],
        )
        .await;
    let rows = chips.as_array().unwrap();
    assert_eq!(rows.len(), 3, "three tiers: {chips}");
    for (row, tier) in rows.iter().zip(CRITERIA.chunks(4)) {
        let ids: Vec<&str> = row.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids, tier, "four criteria a row");
    }
    for (chip, c) in rows.iter().flat_map(|r| r.as_array().unwrap()).zip(&review.criteria) {
        let (icon, word) = match c.verdict {
            Verdict::Met => ("✓", "Met"),
            Verdict::Partial => ("◐", "Partial"),
            Verdict::Missing => ("✗", "Missing"),
        };
        assert_eq!((chip["icon"].as_str(), chip["word"].as_str()), (Some(icon), Some(word)), "{}", c.id);
        assert!(chip["bottom"].as_f64().unwrap() <= height, "{} is below the first screen", c.id);
    }
    let counts = browser
        .js("return [...document.querySelectorAll('[data-testid=score-tier-count]')].map(e => e.textContent);", vec![])
        .await;
    let want: Vec<String> = review.tiers.iter().map(|t| format!("{} of 4 met", t.met)).collect();
    assert_eq!(counts, json!(want), "the tier counts");
    // What the verdicts mean, under the chips, each with the chips' icon:
    // a newcomer need not guess what "Partial" asks of them.
    let legend = browser
        .js(
            "const l = document.querySelector('[data-testid=score-legend]');
             return [l.checkVisibility(), l.textContent, l.getBoundingClientRect().bottom];",
            vec![],
        )
        .await;
    let said = legend[1].as_str().unwrap();
    for meaning in ["✓ Met: the text does it. ", "◐ Partial: a start, with something to add. ", "✗ Missing: not found in the text. "] {
        assert!(said.contains(meaning), "the legend does not say {meaning:?}: {said}");
    }
    assert_eq!(legend[0], json!(true), "the legend is hidden");
    assert!(legend[2].as_f64().unwrap() <= height, "the legend is below the first screen: {legend}");
    // The one next thing: the criterion the summary names as next.
    let next = browser
        .js(
            "const n = document.querySelector('[data-testid=next-step]');
             return [n.dataset.criterionNext, n.textContent, n.getBoundingClientRect().bottom];",
            vec![],
        )
        .await;
    let next_id = next[0].as_str().unwrap();
    assert!(review.summary.contains(&format!(" {next_id} (")), "next is {next_id}; the summary: {}", review.summary);
    assert!(next[1].as_str().unwrap().starts_with("Next to add:"), "{next}");
    assert!(next[2].as_f64().unwrap() <= height, "the next step is below the first screen: {next}");

    // A chip goes to its card.
    click(&browser, &format!("[data-chip={next_id}]")).await;
    assert!(
        browser
            .eventually(
                "return document.activeElement.matches(`[data-criterion=${arguments[0]}] h4`);",
                vec![json!(next_id)]
            )
            .await,
        "the chip did not take focus to its card"
    );

    // The drafts menu opens over the page and closes when a draft is made.
    click(&browser, "[data-testid=drafts-menu]").await;
    assert!(browser.eventually("return document.querySelector('[data-testid=drafts-list]').checkVisibility();", vec![]).await);
    let inside = browser
        .js(
            "const r = document.querySelector('.drafts-menu').getBoundingClientRect();
             return [r.left >= 0 && r.right <= document.documentElement.clientWidth,
                     document.documentElement.scrollWidth <= document.documentElement.clientWidth, r.left, r.right];",
            vec![],
        )
        .await;
    assert_eq!((&inside[0], &inside[1]), (&json!(true), &json!(true)), "the drafts menu runs past the window: {inside}");
    click(&browser, "[data-testid=new-draft]").await;
    assert!(
        browser
            .eventually(
                "return document.activeElement.id === 'editor' && !document.querySelector('.drafts-fold').open
                   && document.querySelector('[data-testid=start]').checkVisibility();",
                vec![]
            )
            .await,
        "New draft from the menu: the menu stays open or the editor has no focus"
    );
    close_without_panics(browser).await;
}

/// The contrast of text under overlapping highlights: each innermost mark
/// inside another, its tints composed over the editor's background.
const OVERLAP_CONTRAST: &str = "
    const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
    const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const base = parse(getComputedStyle(document.querySelector('.editor-stack')).backgroundColor);
    let worst = 99, overlaps = 0;
    for (const m of document.querySelectorAll('.mirror mark mark')) {
      if (m.querySelector('mark')) continue;
      overlaps++;
      const chain = []; for (let e = m; e.tagName === 'MARK'; e = e.parentElement) chain.unshift(e);
      let bg = base.slice(0, 3);
      for (const e of chain) { const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor); bg = [0, 1, 2].map(i => bg[i] * (1 - a) + [r, g, b][i] * a); }
      const fg = parse(getComputedStyle(m).color);
      const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      worst = Math.min(worst, (hi + 0.05) / (lo + 0.05));
    }
    return [overlaps, worst];";

#[tokio::test]
async fn focus_contrast_and_axe_hold_for_overlaps_in_dark_mode_and_on_a_phone() {
    let (_server, browser) = open_app().await;
    load_zendesk_sample(&browser).await;

    // The highlight layer is painted, never a Tab stop.
    assert_eq!(browser.js("return document.querySelector('.mirror').tabIndex;", vec![]).await, json!(-1));

    // After Save verdict, and after Reset, focus is back on the control
    // that opened the form, not at the top of the page.
    // The form opens on its first field, and Escape cancels it.
    click(&browser, "[data-criterion=P3] [data-testid=override]").await;
    assert!(
        browser.eventually("return document.activeElement.matches('[data-criterion=P3] [data-testid=override-verdict]');", vec![]).await,
        "the opened form has no focus: {:?}",
        browser.js("return document.activeElement.outerHTML.slice(0, 80);", vec![]).await
    );
    press(&browser, &['\u{E00C}']).await;
    assert!(
        browser
            .eventually(
                "return !document.querySelector('[data-criterion=P3] .override-form')
                   && document.activeElement.matches('[data-criterion=P3] [data-testid=override]')
                   && document.activeElement.getAttribute('aria-expanded') === 'false';",
                vec![]
            )
            .await,
        "Escape did not close the form and return focus to its button"
    );
    click(&browser, "[data-criterion=P3] [data-testid=override]").await;
    click(&browser, "[data-criterion=P3] [data-testid=override-save]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-criterion=P3]').dataset.overridden === 'true'
                   && document.activeElement.matches('[data-criterion=P3] [data-testid=override]');",
                vec![]
            )
            .await,
        "focus after Save verdict is on {:?}",
        browser.js("return document.activeElement.outerHTML.slice(0, 80);", vec![]).await
    );
    click(&browser, "[data-criterion=P3] [data-testid=override-reset]").await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-criterion=P3]').dataset.overridden === undefined
                   && document.activeElement.matches('[data-criterion=P3] [data-testid=override]');",
                vec![]
            )
            .await,
        "focus after Reset is on {:?}",
        browser.js("return document.activeElement.outerHTML.slice(0, 80);", vec![]).await
    );

    // Dark mode, passages that are evidence for several criteria.
    browser.js("document.documentElement.dataset.theme = 'dark';", vec![]).await;
    let [overlaps, worst] = serde_json::from_value::<[f64; 2]>(browser.js(OVERLAP_CONTRAST, vec![]).await).unwrap();
    assert!(overlaps > 0.0, "the sample has no overlapping highlights to check");
    assert!(worst >= 4.5, "text under overlapping highlights in dark mode: {worst:.2}:1");
    click(&browser, "[data-criterion=P1] [data-testid=show-evidence]").await;
    assert_eq!(serious_violations(&browser).await, json!([]), "axe, dark, overlapping highlights");

    // The phone layout, in both themes.
    browser.client.set_window_size(390, 844).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 390;", vec![]).await);
    assert_eq!(serious_violations(&browser).await, json!([]), "axe, phone, dark");
    browser.js("document.documentElement.dataset.theme = 'light';", vec![]).await;
    assert_eq!(serious_violations(&browser).await, json!([]), "axe, phone, light");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn each_highlight_names_its_criterion_and_the_legend_filters_them() {
    let (_server, browser) = open_app().await;
    load_zendesk_sample(&browser).await;

    // Hover: the label names the criteria, not the tier.
    let (x, y) = highlight_centre(&browser, "R3").await;
    let hover = MouseActions::new("mouse".to_string()).then(PointerAction::MoveTo { duration: None, x, y });
    browser.client.perform_actions(hover).await.expect("hover a highlight");
    let label = browser
        .js(
            "const l = document.querySelector('.hover-label');
             return l.hidden ? null : [l.textContent, l.getBoundingClientRect().left > 0];",
            vec![],
        )
        .await;
    assert!(
        label[0].as_str().is_some_and(|t| t.contains("R3 What went wrong")),
        "hovering R3's highlight shows {label}"
    );
    assert_eq!(label[1], json!(true), "the label sits by the pointer");

    // Focus: with the caret in it, the line under the editor names it.
    click_at(&browser, x, y).await;
    assert!(
        browser
            .eventually(
                "return document.querySelector('[data-testid=caret-context]').textContent.includes('R3 What went wrong');",
                vec![]
            )
            .await,
        "the caret line: {}",
        browser.js("return document.querySelector('[data-testid=caret-context]').textContent;", vec![]).await
    );

    // The legend: a chip per criterion with its passage count; pressing
    // one shows that criterion's highlights alone, pressing it again all.
    let painted = "return [...document.querySelectorAll('.mirror mark')]
        .filter(m => { const s = getComputedStyle(m); return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.textDecorationLine !== 'none'; })
        .map(m => m.dataset.evidence).filter((v, i, a) => a.indexOf(v) === i).sort();";
    let all = browser.js(painted, vec![]).await;
    assert!(all.as_array().unwrap().len() > 3, "highlights of many criteria: {all}");
    let r3_passages = engine::review(ZENDESK_SAMPLE).criteria[6].evidence.len();
    let chip = browser
        .js("const c = document.querySelector('[data-legend=R3]'); return [c.title, c.querySelector('.legend-count').textContent];", vec![])
        .await;
    assert_eq!(chip, json!(["What went wrong", r3_passages.to_string()]));
    click(&browser, "[data-legend=R3]").await;
    assert!(
        browser.eventually(&format!("function painted() {{ {painted} }} return JSON.stringify(painted()) === '[\"R3\"]';"), vec![]).await,
        "with R3 pressed: {}",
        browser.js(painted, vec![]).await
    );
    assert_eq!(browser.js("return document.querySelector('[data-legend=R3]').getAttribute('aria-pressed');", vec![]).await, json!("true"));
    click(&browser, "[data-legend=R3]").await;
    assert!(
        browser.eventually(&format!("function painted() {{ {painted} }} return JSON.stringify(painted()) === arguments[0];"), vec![json!(all.to_string())]).await,
        "pressed again, every criterion's highlights are back"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn on_a_phone_the_review_is_one_tap_away_and_a_tap_names_a_highlight() {
    let (_server, browser) = open_app().await;
    browser.client.set_window_size(390, 844).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 390;", vec![]).await, "not phone-sized");
    // Before any text, the tab counts nothing: an empty editor is not twelve missing criteria.
    let shown_counts = "return [...document.querySelectorAll('[data-testid=tab-review] .tab-count')].filter(c => c.offsetParent).length;";
    assert_eq!(browser.js(shown_counts, vec![]).await, json!(0), "an empty editor's Review tab shows verdict counts");
    load_zendesk_sample(&browser).await;
    assert!(browser.eventually(&format!("function shown() {{ {shown_counts} }} return shown() === 3;"), vec![]).await, "the tab's counts did not appear with the text");
    let height = viewport_height(&browser).await;

    // The bar at the bottom of the screen, with the counts.
    let tab = rect(&browser, "[data-testid=tab-review]").await;
    assert!(tab[0] >= 0.0 && tab[1] <= height, "the Review tab is on screen: {tab:?}");
    let review = engine::review(ZENDESK_SAMPLE);
    let missing = review.criteria.iter().filter(|c| c.verdict == Verdict::Missing).count();
    let label = browser.js("return document.querySelector('[data-testid=tab-review]').textContent;", vec![]).await;
    assert!(label.as_str().unwrap().contains(&format!("✗{missing} missing")), "the tab's counts: {label}");

    // A tap on a highlight names its criterion.
    let (x, y) = highlight_centre(&browser, "R3").await;
    click_at(&browser, x, y).await;
    assert!(
        browser
            .eventually(
                "const l = document.querySelector('.hover-label');
                 return !l.hidden && l.textContent.includes('R3 What went wrong')
                   && document.querySelector('[data-testid=caret-context]').textContent.includes('R3');",
                vec![]
            )
            .await,
        "tapping R3's highlight did not name it"
    );

    // One tap to the review, with its scorecard on screen; one tap back.
    click(&browser, "[data-testid=tab-review]").await;
    assert!(
        browser
            .eventually(
                "const r = document.querySelector('[data-testid=scorecard]').getBoundingClientRect();
                 return document.activeElement.id === 'review-heading' && r.top >= 0 && r.top < innerHeight / 2;",
                vec![]
            )
            .await,
        "the review is not on screen after one tap: {:?}, focus on {}",
        rect(&browser, "[data-testid=scorecard]").await,
        browser.js("return document.activeElement.outerHTML.slice(0, 80);", vec![]).await
    );
    click(&browser, "[data-testid=tab-editor]").await;
    assert!(
        browser
            .eventually(
                "const r = document.querySelector('[data-testid=editor]').getBoundingClientRect();
                 return document.activeElement.id === 'editor' && r.top >= 0 && r.top < innerHeight / 2;",
                vec![]
            )
            .await,
        "Write did not bring the editor back"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn in_a_720_px_frame_the_editor_and_the_scorecard_both_fit() {
    let app = StaticServer::start(dist_dir(), "", vec![]);
    let wiki_dir = std::env::temp_dir().join(format!("pmr-frame-{}", std::process::id()));
    std::fs::create_dir_all(&wiki_dir).unwrap();
    let page = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Wiki</title></head><body style="margin:0">
<iframe src="http://127.0.0.1:{}/?embed=1" style="width: 900px; height: 720px; border: 0" title="Postmortem Reviewer"></iframe>
</body></html>"#,
        app.port
    );
    std::fs::write(wiki_dir.join("host.html"), page).unwrap();
    let wiki = StaticServer::start(wiki_dir.clone(), "", vec![]);
    let browser = Browser::start().await;
    browser.client.goto(&wiki.url("/host.html")).await.unwrap();
    browser.client.enter_frame(0).await.unwrap();
    assert!(browser.eventually("return !!document.querySelector('[data-testid=editor]');", vec![]).await, "the frame never started");
    load_zendesk_sample(&browser).await;
    let fit: Value = browser
        .js(
            "const box = s => document.querySelector(s).getBoundingClientRect();
             const [ed, card] = [box('[data-testid=editor]'), box('[data-testid=scorecard]')];
             return { height: innerHeight, editor: [ed.top >= 0, ed.bottom <= innerHeight, ed.height],
                      scorecard: [card.top >= 0, card.bottom <= innerHeight],
                      drafts: getComputedStyle(document.querySelector('.drafts-fold')).display };",
            vec![],
        )
        .await;
    assert_eq!(fit["height"], json!(720), "{fit}");
    assert_eq!((&fit["editor"][0], &fit["editor"][1]), (&json!(true), &json!(true)), "the editor fits the frame: {fit}");
    assert!(fit["editor"][2].as_f64().unwrap() >= 360.0, "the editor gets the height: {fit}");
    assert_eq!(fit["scorecard"], json!([true, true]), "the scorecard fits the frame: {fit}");
    assert_eq!(fit["drafts"], json!("none"), "no drafts chrome in the frame: {fit}");
    browser.client.enter_parent_frame().await.unwrap();
    browser.close().await;
    let _ = std::fs::remove_dir_all(wiki_dir);
}

#[tokio::test]
async fn a_printout_opens_on_the_review_and_the_text_follows_on_its_own_page() {
    let (_server, browser) = open_app().await;
    load_zendesk_sample(&browser).await;
    browser.emulate_media("print").await;
    let printed = browser
        .js(
            "const top = s => document.querySelector(s).getBoundingClientRect().top;
             const shown = s => document.querySelector(s).checkVisibility();
             return { review_first: top('.review-pane') < top('.editor-pane'),
                      scorecard_first: top('[data-testid=scorecard]') < top('.mirror'),
                      text_on_a_new_page: getComputedStyle(document.querySelector('.editor-pane')).breakBefore,
                      text: shown('.mirror'), cards: shown('[data-criterion=P1]') };",
            vec![],
        )
        .await;
    browser.emulate_media("").await;
    assert_eq!(
        printed,
        json!({ "review_first": true, "scorecard_first": true, "text_on_a_new_page": "page", "text": true, "cards": true }),
        "the printed page"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn on_a_phone_a_wide_table_scrolls_by_itself_in_the_preview() {
    let (_server, browser) = open_app().await;
    browser.client.set_window_size(390, 844).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 390;", vec![]).await, "not phone-sized");
    browser
        .paste(
            "# Outage\n\n| Time | What | Link |\n|---|---|---|\n\
             | 10:02 UTC | deploy_of_the_new_configuration_service_version_2 | https://example.com/a/very/long/path/that/never/breaks/anywhere |\n\n\
             We rolled back at 10:40 UTC: see https://example.com/another/very/long/path/that/never/breaks/anywhere/either.\n",
        )
        .await;
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(browser.eventually("return !document.querySelector('[data-testid=preview]').hidden;", vec![]).await, "no preview");
    let widths = browser
        .js(
            "const p = document.querySelector('[data-testid=preview]');
             const t = p.querySelector('table');
             return { preview_fits: p.scrollWidth <= p.clientWidth + 1, table_within: t.getBoundingClientRect().right <= p.getBoundingClientRect().right + 1 };",
            vec![],
        )
        .await;
    assert_eq!(widths, json!({ "preview_fits": true, "table_within": true }), "the preview on a phone");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn at_360_px_the_empty_editor_says_what_happens_and_its_head_keeps_one_line() {
    let (_server, browser) = open_app().await;
    browser.client.set_window_size(360, 800).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 360;", vec![]).await, "not phone-sized");
    // The tagline is hidden on a phone: the empty editor says what the
    // app does with the text and that it stays in the browser.
    let head = browser
        .js(
            "const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                                  return new Set([...r.getClientRects()].map(l => Math.round(l.top))).size; };
             return { tagline: document.querySelector('.tagline').checkVisibility(),
                      placeholder: document.querySelector('[data-testid=editor]').placeholder,
                      heading_lines: lines(document.getElementById('editor-heading')),
                      button_lines: lines(document.querySelector('[data-testid=preview-toggle]')),
                      sideways: document.documentElement.scrollWidth > innerWidth };",
            vec![],
        )
        .await;
    assert_eq!(head["tagline"], json!(false), "{head}");
    let placeholder = head["placeholder"].as_str().unwrap();
    assert!(placeholder.contains("checked against twelve criteria as you write, in this browser only"), "{placeholder}");
    assert_eq!(
        (&head["heading_lines"], &head["button_lines"], &head["sideways"]),
        (&json!(1), &json!(1), &json!(false)),
        "the editor's heading or its Preview button breaks in two at 360 px: {head}"
    );
    close_without_panics(browser).await;
}

#[tokio::test]
async fn in_the_preview_a_short_table_column_keeps_its_words_whole() {
    let (_server, browser) = open_app().await;
    // A timeline table as postmortems write it: a short time column beside
    // a long description. Each time and the header "Time" fit on one line.
    browser
        .paste(
            "# Outage\n\n| Time | Description |\n| ---- | ----------- |\n\
             | 0730 | The operator decided to renew the metadata so that the penetration test could continue, then noticed the containers no longer started on their own. |\n\
             | 0809 | The operator saw the cluster fail to provision because of an access error from the source repository, and started to look into the cause. |\n",
        )
        .await;
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(browser.eventually("return !document.querySelector('[data-testid=preview]').hidden;", vec![]).await, "no preview");
    let lines = browser
        .js(
            "const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                                  return new Set([...r.getClientRects()].map(l => Math.round(l.top))).size; };
             return [...document.querySelectorAll('[data-testid=preview] tr > :first-child')]
               .map(c => [c.textContent, lines(c)]);",
            vec![],
        )
        .await;
    assert_eq!(lines, json!([["Time", 1], ["0730", 1], ["0809", 1]]), "lines each first-column cell takes in the preview");
    close_without_panics(browser).await;
}

#[tokio::test]
async fn in_the_preview_headings_keep_their_ranks_and_set_their_sections_off() {
    let (_server, browser) = open_app().await;
    browser
        .paste("Draft.\n\n# Outage\n\nIt began.\n\n## Overview\n\nWe saw errors.\n\n### How users were affected\n\nThey could not log in.\n\n#### Details\n\nNone.\n")
        .await;
    click(&browser, "[data-testid=preview-toggle]").await;
    assert!(browser.eventually("return !document.querySelector('[data-testid=preview]').hidden;", vec![]).await, "no preview");
    let headings = browser
        .js(
            "return ['h1', 'h2', 'h3', 'h4'].map(h => {
               const e = document.querySelector(`[data-testid=preview] ${h}`), s = getComputedStyle(e);
               const [before, after] = [e.previousElementSibling, e.nextElementSibling].map(x => x.getBoundingClientRect());
               const own = e.getBoundingClientRect();
               return [parseFloat(s.fontSize), own.top - before.bottom, after.top - own.bottom];
             });",
            vec![],
        )
        .await;
    let sizes: Vec<f64> = headings.as_array().unwrap().iter().map(|h| h[0].as_f64().unwrap()).collect();
    assert!(sizes.windows(2).all(|w| w[0] > w[1]), "each heading smaller than the one above it in rank: {headings}");
    // A heading sits closer to its own section than to the one before it.
    let set_off = |h: &Value| h[1].as_f64().unwrap() > h[2].as_f64().unwrap() + 1.0;
    assert!(headings.as_array().unwrap().iter().all(set_off), "[size, space above, space below] of h1-h4, in px: {headings}");
    close_without_panics(browser).await;
}
