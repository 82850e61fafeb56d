//! A wiki page on another origin embeds the reviewer with `?embed=1`, sends
//! it text by postMessage and receives the review; a page that is not on
//! the allowed list is ignored.

use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::{json, Value};
use std::path::PathBuf;

const TEXT: &str = "# Outage\n\nWe broke logins at 10:02 UTC and fixed them at 10:40 UTC. We are sorry.\n";

/// An empty folder for a host site.
fn site_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pmr-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a host page that embeds `frame_url` and records every message it
/// gets. The server reads files per request, so it can start before this.
fn write_host_page(dir: &std::path::Path, frame_url: &str) {
    let page = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Wiki</title></head><body>
<h1>Team wiki</h1>
<iframe id="reviewer" src="{frame_url}" width="900" height="600" title="Postmortem Reviewer"></iframe>
<script>
  window.received = [];
  window.addEventListener("message", (e) => window.received.push({{ origin: e.origin, data: e.data }}));
</script>
</body></html>"#
    );
    std::fs::write(dir.join("host.html"), page).unwrap();
}

#[tokio::test]
async fn an_allowed_host_sends_text_and_receives_the_review() {
    let app = StaticServer::start(dist_dir(), "", vec![]);
    // The wiki is served from another port and named "localhost": another origin.
    let wiki_dir = site_dir("wiki");
    let wiki = StaticServer::start(wiki_dir.clone(), "", vec![]);
    let wiki_origin = format!("http://localhost:{}", wiki.port);
    let app_origin = format!("http://127.0.0.1:{}", app.port);
    write_host_page(&wiki_dir, &format!("{app_origin}/?embed=1&host={wiki_origin}"));

    let browser = Browser::start().await;
    browser.client.goto(&format!("{wiki_origin}/host.html")).await.unwrap();
    assert!(
        browser
            .eventually("return window.received.some(m => m.data && m.data.type === 'postmortem-reviewer:ready');", vec![])
            .await,
        "the reviewer never said it was ready: {:#?}",
        browser.console().await
    );
    browser
        .js(
            "document.getElementById('reviewer').contentWindow.postMessage(
               { type: 'postmortem-reviewer:load', text: arguments[0] }, arguments[1]);",
            vec![json!(TEXT), json!(app_origin)],
        )
        .await;
    let expected: Vec<String> = postmortem_reviewer::engine::review(TEXT)
        .criteria
        .iter()
        .map(|c| c.verdict.as_str().to_string())
        .collect();
    assert!(
        browser
            .eventually(
                "const last = window.received.filter(m => m.data && m.data.type === 'postmortem-reviewer:review').pop();
                 return !!last && last.origin === arguments[1]
                   && JSON.stringify(last.data.review.criteria.map(c => c.verdict)) === JSON.stringify(arguments[0]);",
                vec![json!(expected), json!(app_origin)],
            )
            .await,
        "no review of the sent text reached the host: {:?}",
        browser.js("return window.received.map(m => m.data && m.data.type)", vec![]).await
    );
    let review: Value = browser
        .js("return window.received.filter(m => m.data.type === 'postmortem-reviewer:review').pop().data.review", vec![])
        .await;
    assert_eq!(review["criteria"].as_array().map(Vec::len), Some(12), "the CLI's JSON contract");
    assert!(review["summary"].is_string());

    // The compact layout: no site chrome inside the frame.
    browser.client.enter_frame(0).await.unwrap();
    let chrome = browser
        .js("return [document.documentElement.hasAttribute('data-embed'), getComputedStyle(document.querySelector('.app-footer')).display]", vec![])
        .await;
    assert_eq!(chrome, json!([true, "none"]));

    // A verdict set by hand in the frame reaches the host with the
    // engine's and the note, and the counts and summary agree with it.
    browser
        .js(
            "document.querySelector('[data-criterion=B4] [data-testid=override]').click();",
            vec![],
        )
        .await;
    browser
        .js(
            "document.querySelector('[data-criterion=B4] [data-testid=override-verdict]').value = 'met';
             document.querySelector('[data-criterion=B4] [data-testid=override-note]').value = 'the wiki links the lessons';
             document.querySelector('[data-criterion=B4] [data-testid=override-save]').click();",
            vec![],
        )
        .await;
    browser.client.enter_parent_frame().await.unwrap();
    let engine = postmortem_reviewer::engine::review(TEXT);
    let hand_set = postmortem_reviewer::export::Overrides::from([(
        postmortem_reviewer::engine::CriterionId::B4,
        postmortem_reviewer::export::Override {
            verdict: postmortem_reviewer::engine::Verdict::Met,
            note: "the wiki links the lessons".into(),
        },
    )]);
    let seen: Value = serde_json::from_str(&postmortem_reviewer::export::as_seen(&engine, &hand_set).to_json()).unwrap();
    let last_review = "return window.received.filter(m => m.data && m.data.type === 'postmortem-reviewer:review').pop().data.review;";
    let arrived = browser.eventually_async(|| async { browser.js(last_review, vec![]).await == seen }).await;
    assert!(
        arrived,
        "the host did not receive the review with the verdict set by hand: {}",
        browser.js(last_review, vec![]).await["criteria"][11]
    );
    assert_eq!(seen["criteria"][11]["set_by_hand"]["engine_verdict"], json!(engine.criteria[11].verdict.as_str()));
    browser.close().await;
    let _ = std::fs::remove_dir_all(wiki_dir);
}

#[tokio::test]
async fn a_page_not_on_the_allowed_list_is_ignored() {
    let app = StaticServer::start(dist_dir(), "", vec![]);
    let app_origin = format!("http://127.0.0.1:{}", app.port);
    // The frame allows one wiki; a different page embeds it and tries anyway.
    let evil_dir = site_dir("evil");
    write_host_page(&evil_dir, &format!("{app_origin}/?embed=1&host=http://wiki.example.com"));
    let evil = StaticServer::start(evil_dir.clone(), "", vec![]);

    let browser = Browser::start().await;
    browser.client.goto(&format!("http://localhost:{}/host.html", evil.port)).await.unwrap();
    browser.client.enter_frame(0).await.unwrap();
    assert!(browser.eventually("return !!document.querySelector('[data-testid=editor]');", vec![]).await);
    // The frame is another site, whose console chromedriver does not
    // collect: keep its warnings where the test can read them.
    browser
        .js(
            "window.warnings = [];
             const warn = console.warn.bind(console);
             console.warn = (...args) => { window.warnings.push(args.join(' ')); warn(...args); };",
            vec![],
        )
        .await;
    browser.client.enter_parent_frame().await.unwrap();
    browser
        .js(
            "document.getElementById('reviewer').contentWindow.postMessage(
               { type: 'postmortem-reviewer:load', text: 'Injected text' }, '*');",
            vec![],
        )
        .await;
    browser.client.enter_frame(0).await.unwrap();
    assert!(
        browser
            .eventually("return window.warnings.some(w => w.includes('ignored a message from'));", vec![])
            .await,
        "no console warning for the refused message: {:?}",
        browser.js("return window.warnings", vec![]).await
    );
    browser.client.enter_parent_frame().await.unwrap();
    browser.client.enter_frame(0).await.unwrap();
    let text = browser.js("return document.querySelector('[data-testid=editor]').value", vec![]).await;
    assert_eq!(text, json!(""), "the refused text must not reach the editor");
    browser.client.enter_parent_frame().await.unwrap();
    let received = browser.js("return window.received.length", vec![]).await;
    assert_eq!(received, json!(0), "nothing is posted to a page that is not allowed");
    browser.close().await;
    let _ = std::fs::remove_dir_all(evil_dir);
}

/// The text of every draft in this origin's storage.
async fn stored_texts(browser: &Browser) -> Vec<String> {
    let texts = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('postmortem-reviewer.drafts.'))
               .map(k => JSON.parse(localStorage.getItem(k)).text);",
            vec![],
        )
        .await;
    texts.as_array().unwrap().iter().map(|t| t.as_str().unwrap_or_default().to_string()).collect()
}

async fn is_stored(browser: &Browser, text: &str) -> bool {
    browser
        .eventually(
            "return Object.keys(localStorage).some(k => k.startsWith('postmortem-reviewer.drafts.')
               && JSON.parse(localStorage.getItem(k)).text === arguments[0]);",
            vec![json!(text)],
        )
        .await
}

#[tokio::test]
async fn text_from_a_same_site_host_opens_as_its_own_draft() {
    let app = StaticServer::start(dist_dir(), "", vec![]);
    // Another port of the same host: another origin but the same site, so
    // the frame shares the standalone app's storage, as a wiki and a
    // reviewer on two subdomains of one company's domain do.
    let wiki_dir = site_dir("same-site-wiki");
    let wiki = StaticServer::start(wiki_dir.clone(), "", vec![]);
    let app_origin = format!("http://127.0.0.1:{}", app.port);
    let wiki_origin = format!("http://127.0.0.1:{}", wiki.port);
    write_host_page(&wiki_dir, &format!("{app_origin}/?embed=1&host={wiki_origin}"));

    let browser = Browser::start().await;
    browser.open(&format!("{app_origin}/")).await;
    let mine = "# My own postmortem\n\nWords only I wrote, in the standalone app.\n";
    browser.paste(mine).await;
    assert!(is_stored(&browser, mine).await, "the person's draft was never stored");

    browser.client.goto(&format!("{wiki_origin}/host.html")).await.unwrap();
    assert!(
        browser
            .eventually("return window.received.some(m => m.data && m.data.type === 'postmortem-reviewer:ready');", vec![])
            .await,
        "the reviewer never said it was ready"
    );
    browser.client.enter_frame(0).await.unwrap();
    assert!(
        stored_texts(&browser).await.contains(&mine.to_string()),
        "the frame does not share the standalone app's storage, so this test shows nothing"
    );
    browser.client.enter_parent_frame().await.unwrap();
    browser
        .js(
            "document.getElementById('reviewer').contentWindow.postMessage(
               { type: 'postmortem-reviewer:load', text: arguments[0] }, arguments[1]);",
            vec![json!(TEXT), json!(app_origin)],
        )
        .await;
    browser.client.enter_frame(0).await.unwrap();
    assert!(
        browser.eventually("return document.querySelector('[data-testid=editor]').value === arguments[0];", vec![json!(TEXT)]).await,
        "the host's text is not in the editor"
    );
    assert!(is_stored(&browser, TEXT).await, "the host's text was never stored");
    // Well past the autosave delay: nothing may be written over the person's draft later either.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let texts = stored_texts(&browser).await;
    assert!(texts.contains(&mine.to_string()), "the host's text replaced the person's draft: {texts:?}");
    browser.client.enter_parent_frame().await.unwrap();

    browser.open(&format!("{app_origin}/")).await;
    let titles = browser
        .js("return [...document.querySelectorAll('[data-testid=draft-item] .draft-title')].map(e => e.textContent);", vec![])
        .await;
    assert!(titles.as_array().unwrap().contains(&json!("My own postmortem")), "{titles}");
    assert!(stored_texts(&browser).await.contains(&mine.to_string()));
    browser.close().await;
    let _ = std::fs::remove_dir_all(wiki_dir);
}
