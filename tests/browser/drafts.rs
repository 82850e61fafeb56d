//! Drafts are never lost: kept across reloads, many of them, through full
//! or refused storage, corrupted values, two tabs on one draft, backups and
//! share links.

use crate::harness::{Browser, StaticServer, copy_of_dist, dist_dir, documented_headers};
use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const ENTER: char = '\u{E007}';
const ZENDESK_SAMPLE: &str = include_str!("../../src/app/samples/zendesk.md");

const DRAFT_PREFIX: &str = "postmortem-reviewer.drafts.";

/// Every stored draft, parsed, in no particular order.
async fn stored_drafts(browser: &Browser) -> Vec<Value> {
    let v = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0]))
               .map(k => JSON.parse(localStorage.getItem(k)));",
            vec![json!(DRAFT_PREFIX)],
        )
        .await;
    v.as_array().cloned().unwrap_or_default()
}

async fn wait_until_stored(browser: &Browser, text: &str) {
    assert!(
        browser
            .eventually(
                "return Object.keys(localStorage).some(k => k.startsWith(arguments[0])
                   && JSON.parse(localStorage.getItem(k)).text === arguments[1]);",
                vec![json!(DRAFT_PREFIX), json!(text)],
            )
            .await,
        "never stored {text:?}: {:?}",
        stored_drafts(browser).await
    );
}

async fn editor_text(browser: &Browser) -> String {
    browser
        .js("return document.querySelector('[data-testid=editor]').value;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn click(browser: &Browser, selector: &str) {
    browser
        .js(
            "const el = document.querySelector(arguments[0]);
             if (!el) throw new Error('no ' + arguments[0]);
             el.click();",
            vec![json!(selector)],
        )
        .await;
}

async fn titles(browser: &Browser) -> Vec<String> {
    let v = browser
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item] .draft-title')].map(e => e.textContent);",
            vec![],
        )
        .await;
    v.as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect()
}

/// Reloads the page, and only once: `Browser::open` would load it again.
async fn reload(browser: &Browser) {
    browser.client.refresh().await.expect("reload");
    assert!(browser.eventually("return !!document.querySelector('[data-testid=editor]');", vec![]).await, "the app did not start again");
}

/// Keeps every blob the page offers as a download, to read it back.
async fn capture_downloads(browser: &Browser) {
    browser
        .js(
            "window.downloads = [];
             const create = URL.createObjectURL;
             URL.createObjectURL = b => { window.downloads.push(b); return create(b); };",
            vec![],
        )
        .await;
}

async fn last_download(browser: &Browser) -> String {
    assert!(browser.eventually("return window.downloads.length > 0;", vec![]).await, "nothing was downloaded");
    let v = browser.js("return window.downloads[window.downloads.length - 1].text();", vec![]).await;
    v.as_str().unwrap().to_string()
}

async fn problem(browser: &Browser) -> Value {
    browser
        .js(
            "const b = document.querySelector('[data-testid=status-banner]');
             return b.hidden ? null : b.dataset.problem;",
            vec![],
        )
        .await
}

#[tokio::test]
async fn typed_text_and_overrides_come_back_after_a_reload() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    let text = "# Login outage\n\nWe broke logins at 10:02 UTC and fixed them at 10:40 UTC.\n";
    browser.paste(text).await;
    click(&browser, "[data-criterion=B4] [data-testid=override]").await;
    browser
        .js(
            "document.querySelector('[data-criterion=B4] [data-testid=override-verdict]').value = 'met';
             document.querySelector('[data-criterion=B4] [data-testid=override-note]').value = 'the team said so';
             document.querySelector('[data-criterion=B4] [data-testid=override-save]').click();",
            vec![],
        )
        .await;
    assert!(
        browser
            .eventually(
                "return Object.keys(localStorage).some(k => k.startsWith(arguments[0])
                   && JSON.parse(localStorage.getItem(k)).overrides.B4?.note === 'the team said so');",
                vec![json!(DRAFT_PREFIX)],
            )
            .await
    );
    reload(&browser).await;
    assert_eq!(editor_text(&browser).await, text);
    assert!(
        browser
            .eventually(
                "const c = document.querySelector('[data-criterion=B4]');
                 return c.dataset.overridden === 'true' && c.dataset.verdict === 'met';",
                vec![],
            )
            .await
    );
    assert_eq!(titles(&browser).await, ["Login outage"]);
    browser.close().await;
}

#[tokio::test]
async fn a_pasted_blog_post_is_named_by_its_front_matter_title() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    let post = "---\nlayout: post\ntitle: \"Mail outage\"\n---\n\nMail was delayed from 14:02 UTC to 15:30 UTC.\n";
    browser.paste(post).await;
    wait_until_stored(&browser, post).await;
    assert_eq!(titles(&browser).await, ["Mail outage"]);
    // Front matter without a title: named by the first words after it,
    // not by its "---" fence.
    let untitled = "---\nurl: https://blog.example.org/post\ncategories: []\n\n---\n\nOn 2023-07-20 crate downloads broke.\n";
    browser.paste(untitled).await;
    wait_until_stored(&browser, untitled).await;
    assert_eq!(titles(&browser).await, ["On 2023-07-20 crate downloads broke."]);
    browser.close().await;
}

#[tokio::test]
async fn a_version_1_draft_is_migrated() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser
        .js(
            "localStorage.clear();
             localStorage.setItem('postmortem-reviewer.draft', JSON.stringify({version: 1, text: '# Old draft\\nkept',
               overrides: {R1: {verdict: 'met', note: 'old note'}}}));",
            vec![],
        )
        .await;
    reload(&browser).await;
    assert_eq!(editor_text(&browser).await, "# Old draft\nkept");
    wait_until_stored(&browser, "# Old draft\nkept").await;
    let stored = stored_drafts(&browser).await;
    assert_eq!(stored[0]["version"], 2);
    assert_eq!(stored[0]["overrides"]["R1"]["note"], "old note");
    let legacy = browser.js("return localStorage.getItem('postmortem-reviewer.draft');", vec![]).await;
    assert_eq!(legacy, Value::Null, "the version 1 key is removed once migrated");
    browser.close().await;
}

#[tokio::test]
async fn three_drafts_rename_delete_and_undo() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# First\none").await;
    for text in ["# Second\ntwo", "# Third\nthree"] {
        click(&browser, "[data-testid=new-draft]").await;
        browser.paste(text).await;
        wait_until_stored(&browser, text).await;
    }
    assert_eq!(titles(&browser).await, ["Third", "Second", "First"]);
    // Each says when it was edited as a person would, to the minute, not
    // as a log line with its seconds.
    let when = browser.js("return [...document.querySelectorAll('.draft-when')].map(w => w.textContent);", vec![]).await;
    let year = browser.js("return String(new Date().getFullYear());", vec![]).await;
    for said in when.as_array().unwrap().iter().map(|w| w.as_str().unwrap()) {
        let has_seconds = said.as_bytes().windows(6).any(|w| {
            w[0].is_ascii_digit() && w[1] == b':' && w[2..4].iter().all(u8::is_ascii_digit) && w[4] == b':' && w[5].is_ascii_digit()
        });
        assert!(said.starts_with("edited ") && said.contains(year.as_str().unwrap()) && !has_seconds, "{when}");
    }

    browser
        .js("document.querySelector('[data-testid=rename-input]').value = 'Renamed third';", vec![])
        .await;
    click(&browser, "[data-testid=rename-draft]").await;
    assert!(browser.eventually("return document.querySelector('[data-testid=draft-item] .draft-title').textContent === 'Renamed third';", vec![]).await);

    // Open "First" from the list, then delete it.
    browser
        .js(
            "[...document.querySelectorAll('[data-testid=draft-item]')]
               .find(li => li.textContent.includes('First')).querySelector('button').click();",
            vec![],
        )
        .await;
    assert_eq!(editor_text(&browser).await, "# First\none");
    click(&browser, "[data-testid=delete-draft]").await;
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 2;", vec![]).await);
    assert_eq!(stored_drafts(&browser).await.len(), 2);
    click(&browser, "[data-testid=undo-delete]").await;
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 3;", vec![]).await);
    wait_until_stored(&browser, "# First\none").await;
    assert_eq!(editor_text(&browser).await, "# First\none");

    reload(&browser).await;
    assert_eq!(editor_text(&browser).await, "# First\none", "the last open draft is open again");
    let mut after = titles(&browser).await;
    after.sort();
    assert_eq!(after, ["First", "Renamed third", "Second"]);
    browser.close().await;
}

#[tokio::test]
async fn full_storage_keeps_the_text_and_says_so() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Big one\nfirst words").await;
    wait_until_stored(&browser, "# Big one\nfirst words").await;
    // Fill what is left with junk, in smaller pieces as it fills up.
    browser
        .js(
            "let size = 1 << 20, i = 0;
             while (size > 16) {
               try { localStorage.setItem('junk' + i++, 'x'.repeat(size)); } catch (e) { size >>= 1; }
             }",
            vec![],
        )
        .await;
    let more = format!("# Big one\nfirst words\n{}", "and then more words ".repeat(200));
    browser.paste(&more).await;
    assert!(
        browser.eventually("const b = document.querySelector('[data-testid=status-banner]'); return !b.hidden && b.dataset.problem === 'not-saved';", vec![]).await,
        "no banner: {:?}",
        problem(&browser).await
    );
    assert_eq!(editor_text(&browser).await, more, "the text stays in the editor");
    assert!(browser.js("return !!document.querySelector('[data-testid=download-unsaved]');", vec![]).await.as_bool().unwrap());
    let largest = browser.js("return document.querySelector('[data-testid=largest-drafts]').textContent;", vec![]).await;
    assert!(largest.as_str().unwrap().contains("Big one"), "{largest}");
    capture_downloads(&browser).await;
    click(&browser, "[data-testid=download-unsaved]").await;
    assert!(last_download(&browser).await.contains("and then more words"));

    // A second draft that cannot be saved either, then room again: the
    // next save that works stores both, and the banner goes.
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Second\nalso unsaved").await;
    browser
        .js("Object.keys(localStorage).filter(k => k.startsWith('junk')).forEach(k => localStorage.removeItem(k));", vec![])
        .await;
    browser.paste("# Second\nsaved at last").await;
    wait_until_stored(&browser, "# Second\nsaved at last").await;
    wait_until_stored(&browser, &more).await;
    assert_eq!(problem(&browser).await, Value::Null);
    browser.close().await;
}

/// A copy of the release build with a host page that frames it in `sandbox`.
fn site_framing_the_app_in(sandbox: &str) -> std::path::PathBuf {
    let site = copy_of_dist();
    std::fs::write(
        site.join("host.html"),
        format!("<!doctype html><title>Host</title><iframe sandbox=\"{sandbox}\" src=\"index.html\" width=\"1200\" height=\"800\"></iframe>"),
    )
    .unwrap();
    site
}

/// Whether every stylesheet of the page loaded (one blocked, as by a
/// failed integrity check, has no `sheet`).
async fn styled(browser: &Browser) -> bool {
    browser
        .eventually(
            "const links = [...document.querySelectorAll('link[rel=stylesheet]')];
             return links.length === 2 && links.every(l => !!l.sheet);",
            vec![],
        )
        .await
}

#[tokio::test]
async fn in_a_scripts_only_sandbox_the_app_starts_styled_as_a_session_with_the_documented_headers() {
    // An opaque origin: the page's own scripts, WebAssembly and stylesheets
    // are cross-origin fetches, allowed by the documented headers.
    let site = site_framing_the_app_in("allow-scripts");
    let server = StaticServer::start(site.clone(), "", documented_headers());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/host.html")).await.unwrap();
    browser.client.enter_frame(0).await.unwrap();
    assert!(browser.eventually("return !!document.querySelector('[data-testid=editor]');", vec![]).await, "the app did not start in the frame");
    assert!(styled(&browser).await, "a stylesheet was blocked in the frame");
    assert!(
        browser.eventually("const b = document.querySelector('[data-testid=status-banner]'); return !b.hidden && b.dataset.problem === 'unavailable';", vec![]).await,
        "no banner: {:?}",
        problem(&browser).await
    );
    browser.paste("# In a frame\nWe broke logins at 10:02 UTC and fixed them at 10:40 UTC.").await;
    assert!(browser.eventually("return document.querySelectorAll('[data-criterion]').length === 12;", vec![]).await);
    click(&browser, "[data-testid=new-draft]").await;
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 2;", vec![]).await);
    // Both drafts may carry the same millisecond, so their order is not asserted.
    let mut kept = titles(&browser).await;
    kept.sort();
    assert_eq!(kept, ["In a frame", "Untitled draft"]);
    let violations: Vec<String> = browser.console().await.into_iter().filter(|l| l.contains("Security Policy")).collect();
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    browser.close().await;
    let _ = std::fs::remove_dir_all(site);
}

#[tokio::test]
async fn in_a_sandbox_allowing_its_own_origin_the_app_keeps_drafts_with_no_extra_header() {
    let site = site_framing_the_app_in("allow-scripts allow-same-origin allow-downloads");
    let csp_only = documented_headers().into_iter().filter(|(name, _)| name != "Access-Control-Allow-Origin").collect();
    let server = StaticServer::start(site.clone(), "", csp_only);
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/host.html")).await.unwrap();
    browser.client.enter_frame(0).await.unwrap();
    assert!(browser.eventually("return !!document.querySelector('[data-testid=editor]');", vec![]).await, "the app did not start in the frame");
    assert!(styled(&browser).await, "a stylesheet was blocked in the frame");
    browser.paste("# Kept in a frame\nwords").await;
    wait_until_stored(&browser, "# Kept in a frame\nwords").await;
    assert_eq!(problem(&browser).await, Value::Null);
    browser.close().await;
    let _ = std::fs::remove_dir_all(site);
}

#[tokio::test]
async fn a_corrupted_draft_is_set_aside_and_the_app_starts() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    let raw = "{\"version\":2,\"id\":\"dbad\",\"text\":\"cut sh";
    browser
        .js("localStorage.setItem(arguments[0] + 'dbad', arguments[1]);", vec![json!(DRAFT_PREFIX), json!(raw)])
        .await;
    reload(&browser).await;
    assert!(
        browser.eventually("const b = document.querySelector('[data-testid=status-banner]'); return !b.hidden && b.dataset.problem === 'quarantined';", vec![]).await,
        "no banner: {:?}",
        problem(&browser).await
    );
    let kept = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('postmortem-reviewer.quarantine.'))
               .map(k => localStorage.getItem(k));",
            vec![],
        )
        .await;
    assert_eq!(kept, json!([raw]), "the raw value is kept untouched under a quarantine key");
    // On a phone the message, which names the long storage key, stays
    // inside its banner and the screen.
    browser.client.set_window_size(360, 740).await.expect("resize the window");
    assert!(browser.eventually("return innerWidth <= 360;", vec![]).await, "not phone-sized");
    let fits = "const banner = document.querySelector('[data-testid=status-banner]');
        const b = banner.getBoundingClientRect(), p = banner.querySelector('p').getBoundingClientRect();
        return { inside: p.left >= b.left && p.right <= b.right && b.right <= innerWidth, sideways: document.documentElement.scrollWidth > innerWidth };";
    let seen = browser.js(fits, vec![]).await;
    assert_eq!(seen, json!({ "inside": true, "sideways": false }), "the quarantine message at 360 px");
    capture_downloads(&browser).await;
    click(&browser, "[data-testid=download-quarantined]").await;
    assert!(last_download(&browser).await.contains(raw));
    browser.paste("still works").await;
    wait_until_stored(&browser, "still works").await;
    browser.close().await;
}

#[tokio::test]
async fn two_windows_on_one_draft_show_the_conflict_and_keep_both() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Shared draft\nbase").await;
    wait_until_stored(&browser, "# Shared draft\nbase").await;
    browser.js("window.other = window.open(location.href, 'other');", vec![]).await;
    assert!(
        browser.eventually("return !!window.other.document?.querySelector('[data-testid=editor]')?.value.includes('base');", vec![]).await,
        "the second window did not open the same draft"
    );
    // Both windows edit before either saves.
    browser
        .js(
            "for (const [w, text] of [[window.other, '# Shared draft\\nfrom the other window'], [window, '# Shared draft\\nfrom this window']]) {
               const ed = w.document.querySelector('[data-testid=editor]');
               ed.focus(); ed.select();
               w.document.execCommand('insertText', false, text);
             }",
            vec![],
        )
        .await;
    assert!(
        browser
            .eventually(
                "return [window, window.other].some(w => !!w.document.querySelector('[data-testid=conflict-banner]'));",
                vec![]
            )
            .await,
        "no conflict shown"
    );
    browser
        .js(
            "const w = [window, window.other].find(w => w.document.querySelector('[data-testid=conflict-banner]'));
             w.document.querySelector('[data-testid=keep-both]').click();",
            vec![],
        )
        .await;
    let both = ["# Shared draft\nfrom the other window", "# Shared draft\nfrom this window"];
    for text in both {
        wait_until_stored(&browser, text).await;
    }
    assert!(browser.js("return ![window, window.other].some(w => !!w.document.querySelector('[data-testid=conflict-banner]'));", vec![]).await.as_bool().unwrap());
    browser.close().await;
}

#[tokio::test]
async fn a_backup_restores_every_draft() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Alpha\na").await;
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Beta\nb").await;
    wait_until_stored(&browser, "# Beta\nb").await;
    wait_until_stored(&browser, "# Alpha\na").await;
    capture_downloads(&browser).await;
    click(&browser, "[data-testid=export-backup]").await;
    let backup = last_download(&browser).await;
    click(&browser, "[data-testid=export-draft-markdown]").await;
    assert_eq!(last_download(&browser).await, "# Beta\nb\n");

    browser.js("localStorage.clear();", vec![]).await;
    reload(&browser).await;
    assert_eq!(titles(&browser).await, ["Untitled draft"]);
    let import = "const input = document.querySelector('[data-testid=import-backup]');
                  const files = new DataTransfer();
                  files.items.add(new File([arguments[0]], 'backup.json', {type: 'application/json'}));
                  input.files = files.files;
                  input.dispatchEvent(new Event('change', {bubbles: true}));";
    browser.js(import, vec![json!(backup)]).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 3;", vec![]).await);
    let mut names = titles(&browser).await;
    names.sort();
    assert_eq!(names, ["Alpha", "Beta", "Untitled draft"]);
    assert_eq!(stored_drafts(&browser).await.len(), 2);

    // The same backup again changes nothing; one with an edited draft asks.
    let edited = backup.replace("# Alpha\\na", "# Alpha\\nchanged");
    browser.js(import, vec![json!(edited)]).await;
    assert!(browser.eventually("return !!document.querySelector('[data-testid=import-clashes]');", vec![]).await);
    assert!(stored_drafts(&browser).await.iter().any(|d| d["text"] == "# Alpha\na"), "not overwritten");
    click(&browser, "[data-testid=import-as-copies]").await;
    wait_until_stored(&browser, "# Alpha\nchanged").await;
    wait_until_stored(&browser, "# Alpha\na").await;
    browser.close().await;
}

#[tokio::test]
async fn a_share_link_opens_as_a_new_draft_in_another_browser() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let sender = Browser::start().await;
    sender.open(&url).await;
    let text = "# Shared outage\n\nWe broke logins at 10:02 UTC and fixed them at 10:40 UTC. We are sorry.\n";
    sender.paste(text).await;
    click(&sender, "[data-testid=share-link]").await;
    assert!(sender.eventually("return !!document.querySelector('[data-testid=share-url]');", vec![]).await);
    let link = sender.js("return document.querySelector('[data-testid=share-url]').value;", vec![]).await;
    let link = link.as_str().unwrap().to_string();
    assert!(link.contains("#share="), "{link}");

    // Too long for a link: random text does not compress.
    sender
        .js(
            "let t = ''; while (t.length < 120000) t += Math.random().toString(36).slice(2);
             const ed = document.querySelector('[data-testid=editor]');
             ed.focus(); ed.select(); document.execCommand('insertText', false, t);",
            vec![],
        )
        .await;
    click(&sender, "[data-testid=share-link]").await;
    assert!(sender.eventually("return !!document.querySelector('[data-testid=share-too-long]');", vec![]).await);
    sender.close().await;

    let receiver = Browser::start().await;
    receiver.open(&link).await;
    assert!(
        receiver.eventually("return document.querySelector('[data-testid=editor]').value === arguments[0];", vec![json!(text)]).await,
        "the shared text is not shown: {:?}",
        editor_text(&receiver).await
    );
    wait_until_stored(&receiver, text).await;
    assert!(titles(&receiver).await.contains(&"Shared outage".to_string()));
    let hash = receiver.js("return location.hash;", vec![]).await;
    assert_eq!(hash, "", "the fragment is dropped so a reload does not import it twice");
    receiver.close().await;
}

#[tokio::test]
async fn a_draft_from_a_newer_version_opens_read_only_and_is_never_written() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    let raw = r##"{"version":3,"id":"dnew","text":"# From the future\nkept","edited":1,"tags":["new field"]}"##;
    browser
        .js(
            "localStorage.clear();
             localStorage.setItem(arguments[0] + 'dnew', arguments[1]);
             localStorage.setItem('postmortem-reviewer.last-open', 'dnew');",
            vec![json!(DRAFT_PREFIX), json!(raw)],
        )
        .await;
    reload(&browser).await;
    assert_eq!(editor_text(&browser).await, "# From the future\nkept");
    assert!(browser.eventually("return !document.querySelector('[data-testid=read-only-banner]').hidden;", vec![]).await);
    assert!(browser.js("return document.querySelector('[data-testid=editor]').readOnly;", vec![]).await.as_bool().unwrap());
    // Even a change that gets in (here by script) is never saved over it.
    browser
        .js(
            "const ed = document.querySelector('[data-testid=editor]');
             ed.value = '# From the future\\nchanged';
             ed.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![],
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    browser.client.refresh().await.unwrap();
    let stored = browser.js("return localStorage.getItem(arguments[0] + 'dnew');", vec![json!(DRAFT_PREFIX)]).await;
    assert_eq!(stored, json!(raw));
    browser.close().await;
}

#[tokio::test]
async fn loading_a_sample_opens_a_new_draft_and_keeps_the_open_one() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    let mine = "# My own words\nwritten by hand";
    browser.paste(mine).await;
    wait_until_stored(&browser, mine).await;

    click(&browser, "[data-testid=load-sample]").await;
    assert!(
        browser.eventually("return document.querySelector('[data-testid=editor]').value === arguments[0];", vec![json!(ZENDESK_SAMPLE)]).await,
        "the sample is not in the editor"
    );
    wait_until_stored(&browser, ZENDESK_SAMPLE).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    wait_until_stored(&browser, mine).await;
    assert_eq!(titles(&browser).await.len(), 2, "{:?}", titles(&browser).await);
    // The notice says where the other text went, until typing moves on.
    let notice = "return document.querySelector('[data-testid=editor-notice]').textContent;";
    assert!(browser.js(notice, vec![]).await.as_str().unwrap().contains("still in your drafts"));
    browser.js("const e = document.querySelector('[data-testid=editor]'); e.focus(); e.setSelectionRange(e.value.length, e.value.length);", vec![]).await;
    crate::ui::press(&browser, &['x', '\u{E003}']).await;
    assert!(
        browser.eventually(&notice.replace("return ", "return !"), vec![]).await,
        "the notice outlived typing: {}",
        browser.js(notice, vec![]).await
    );
    wait_until_stored(&browser, ZENDESK_SAMPLE).await;
    // The same sample again opens its draft again rather than a copy.
    click(&browser, "[data-testid=load-sample]").await;
    assert_eq!(titles(&browser).await.len(), 2, "{:?}", titles(&browser).await);

    reload(&browser).await;
    assert!(titles(&browser).await.contains(&"My own words".to_string()), "{:?}", titles(&browser).await);
    wait_until_stored(&browser, mine).await;
    browser.close().await;
}

#[tokio::test]
async fn new_draft_from_the_keyboard_puts_the_caret_in_the_editor() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# First\none").await;
    wait_until_stored(&browser, "# First\none").await;
    // New draft is in the drafts menu: open it first, as a person would.
    browser.js("document.querySelector('.drafts-fold').open = true; document.querySelector('[data-testid=new-draft]').focus();", vec![]).await;
    assert_eq!(browser.js("return document.activeElement?.dataset.testid ?? null;", vec![]).await, json!("new-draft"));
    let mut keys = KeyActions::new("keyboard".to_string()).then(KeyAction::Down { value: ENTER }).then(KeyAction::Up { value: ENTER });
    for key in "Typed at once".chars() {
        keys = keys.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    }
    browser.client.perform_actions(keys).await.expect("press keys");
    assert_eq!(editor_text(&browser).await, "Typed at once", "what was typed after New draft");
    let focused = browser.js("return document.activeElement?.dataset.testid ?? null;", vec![]).await;
    assert_eq!(focused, json!("editor"));
    assert_eq!(titles(&browser).await.len(), 2, "{:?}", titles(&browser).await);
    wait_until_stored(&browser, "# First\none").await;
    wait_until_stored(&browser, "Typed at once").await;
    browser.close().await;
}

/// A postmortem of at least `bytes` bytes whose lines all differ.
fn long_postmortem(bytes: usize) -> String {
    let mut text = String::from("# A long outage\n\n## Timeline\n\n");
    let mut minute = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "- {:02}:{:02} UTC: we checked replica {minute} of the payments database and found its queue {} entries behind.\n",
            minute / 60 % 24,
            minute % 60,
            minute * 7
        ));
        minute += 1;
    }
    text
}

#[tokio::test]
async fn a_large_file_opens_whole_as_a_new_draft_beside_the_open_one() {
    let dir = std::env::temp_dir().join(format!("pmr-large-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("long-outage.md");
    let text = long_postmortem(148 * 1024);
    std::fs::write(&file, &text).unwrap();

    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    let mine = "# Before the file\nmy words";
    browser.paste(mine).await;
    wait_until_stored(&browser, mine).await;

    let input = browser.client.find(Locator::Css("[data-testid=file-input]")).await.unwrap();
    let started = Instant::now();
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    // Patient, so a slow machine does not fail it: the time is printed, not asserted.
    let arrived = browser
        .eventually_within(
            Duration::from_secs(60),
            "return document.querySelector('[data-testid=editor]').value.length === arguments[0];",
            vec![json!(text.encode_utf16().count())],
        )
        .await;
    println!("opening a {} KB file took {:?}", text.len() / 1024, started.elapsed());
    assert!(arrived, "the file never arrived whole");
    assert_eq!(editor_text(&browser).await, text);
    wait_until_stored(&browser, &text).await;
    wait_until_stored(&browser, mine).await;
    let now = titles(&browser).await;
    assert!(now.contains(&"Before the file".to_string()) && now.contains(&"A long outage".to_string()), "{now:?}");
    browser.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// Whether leaving the page now would ask first (the app cancels
/// `beforeunload`): a synthetic event, as headless Chromium shows no dialog.
async fn leaving_asks_first(browser: &Browser) -> bool {
    browser
        .js(
            "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;",
            vec![],
        )
        .await
        .as_bool()
        .unwrap()
}

#[tokio::test]
async fn with_storage_full_leaving_asks_first_until_everything_is_saved() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Draft A\nfirst words").await;
    wait_until_stored(&browser, "# Draft A\nfirst words").await;
    assert!(!leaving_asks_first(&browser).await, "nothing unsaved: leaving need not ask");
    browser
        .js(
            "let size = 1 << 20, i = 0;
             while (size > 16) {
               try { localStorage.setItem('junk' + i++, 'x'.repeat(size)); } catch (e) { size >>= 1; }
             }",
            vec![],
        )
        .await;
    let unsaved = format!("# Draft A\nfirst words\n{}", "and words that do not fit ".repeat(200));
    browser.paste(&unsaved).await;
    assert!(browser.eventually("return document.querySelector('[data-testid=status-banner]').dataset.problem === 'not-saved';", vec![]).await);
    // Switching away keeps A's text in this tab, and leaving still asks.
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Draft B\nnot saved either").await;
    assert!(leaving_asks_first(&browser).await, "a reload would lose the unsaved drafts without a word");
    browser
        .js(
            "[...document.querySelectorAll('[data-testid=draft-item]')]
               .find(li => li.textContent.includes('Draft A')).querySelector('button').click();",
            vec![],
        )
        .await;
    assert_eq!(editor_text(&browser).await, unsaved, "A's unsaved text is kept in this tab");

    // Room again: the next save stores everything, and leaving no longer asks.
    browser
        .js("Object.keys(localStorage).filter(k => k.startsWith('junk')).forEach(k => localStorage.removeItem(k));", vec![])
        .await;
    browser.paste(&format!("{unsaved}\nthe end")).await;
    wait_until_stored(&browser, &format!("{unsaved}\nthe end")).await;
    wait_until_stored(&browser, "# Draft B\nnot saved either").await;
    assert!(!leaving_asks_first(&browser).await, "everything is saved: leaving need not ask");
    browser.close().await;
}

/// Fills what is left of storage with junk, in smaller pieces as it fills
/// up, to the last character.
async fn fill_storage(browser: &Browser) {
    browser
        .js(
            "let size = 1 << 20, i = 0;
             while (size >= 1) {
               try { localStorage.setItem('junk' + i++, 'x'.repeat(size)); } catch (e) { size >>= 1; }
             }",
            vec![],
        )
        .await;
}

async fn open_draft_titled(browser: &Browser, title: &str) {
    browser
        .js(
            "const li = [...document.querySelectorAll('[data-testid=draft-item]')]
               .find(li => li.querySelector('.draft-title').textContent === arguments[0]);
             if (!li) throw new Error('no draft titled ' + arguments[0]);
             li.querySelector('button').click();",
            vec![json!(title)],
        )
        .await;
}

/// The titles the drafts list marks as not saved, kept only in this tab, sorted.
async fn titles_kept_only_here(browser: &Browser) -> Vec<String> {
    let v = browser
        .js(
            "return [...document.querySelectorAll('[data-testid=draft-item]')]
               .filter(li => li.querySelector('[data-testid=draft-not-saved]'))
               .map(li => li.querySelector('.draft-title').textContent).sort();",
            vec![],
        )
        .await;
    v.as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn with_storage_full_new_duplicate_and_rename_are_kept_and_marked_until_there_is_room() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Draft A\nfirst words").await;
    wait_until_stored(&browser, "# Draft A\nfirst words").await;
    // A large old draft, which the person deletes later to make room.
    browser
        .js(
            "localStorage.setItem(arguments[0] + 'dbig', JSON.stringify({version: 2, id: 'dbig', title: null,
               text: '# Big old draft\\n' + 'x'.repeat(200000), overrides: {}, created: 1, edited: 1}));",
            vec![json!(DRAFT_PREFIX)],
        )
        .await;
    reload(&browser).await;
    assert_eq!(editor_text(&browser).await, "# Draft A\nfirst words");
    fill_storage(&browser).await;

    // Type in A, switch away, create, duplicate, rename: nothing can be stored.
    let unsaved_a = "# Draft A\nfirst words\nand words that do not fit";
    browser.paste(unsaved_a).await;
    assert!(browser.eventually("return document.querySelector('[data-testid=status-banner]').dataset.problem === 'not-saved';", vec![]).await);
    open_draft_titled(&browser, "Big old draft").await;
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Draft B\nnew while full").await;
    click(&browser, "[data-testid=duplicate-draft]").await;
    assert!(browser.eventually("return document.querySelector('[data-testid=rename-input]').value === 'Draft B (copy)';", vec![]).await);
    browser
        .js("document.querySelector('[data-testid=rename-input]').value = 'Renamed while full';", vec![])
        .await;
    click(&browser, "[data-testid=rename-draft]").await;
    let marked = ["Draft A", "Draft B", "Renamed while full"];
    assert!(
        browser.eventually_async(|| async { titles_kept_only_here(&browser).await == marked }).await,
        "the list does not mark what is kept only in this tab: {:?} of {:?}",
        titles_kept_only_here(&browser).await,
        titles(&browser).await
    );
    assert!(browser.js("return !!document.querySelector('[data-testid=unstored-note]');", vec![]).await.as_bool().unwrap());
    assert!(leaving_asks_first(&browser).await, "a reload would lose them without a word");
    open_draft_titled(&browser, "Draft A").await;
    assert_eq!(editor_text(&browser).await, unsaved_a, "A's unsaved text is kept in this tab");

    // Deleting the big draft makes room: everything is stored at once.
    open_draft_titled(&browser, "Big old draft").await;
    click(&browser, "[data-testid=delete-draft]").await;
    wait_until_stored(&browser, unsaved_a).await;
    wait_until_stored(&browser, "# Draft B\nnew while full").await;
    assert!(
        stored_drafts(&browser).await.iter().any(|d| d["title"] == "Renamed while full" && d["text"] == "# Draft B\nnew while full"),
        "the renamed duplicate was not stored: {:?}",
        stored_drafts(&browser).await
    );
    assert!(browser.eventually_async(|| async { titles_kept_only_here(&browser).await.is_empty() }).await);
    assert!(browser.js("return !document.querySelector('[data-testid=unstored-note]');", vec![]).await.as_bool().unwrap());
    assert_eq!(problem(&browser).await, Value::Null);
    assert!(!leaving_asks_first(&browser).await, "everything is saved: leaving need not ask");
    reload(&browser).await;
    let mut after = titles(&browser).await;
    after.sort();
    assert_eq!(after, marked);
    browser.close().await;
}

#[tokio::test]
async fn when_another_window_makes_room_every_unsaved_edit_here_is_stored() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Draft X\nbase").await;
    wait_until_stored(&browser, "# Draft X\nbase").await;
    fill_storage(&browser).await;
    // This window edits X, which cannot be stored, then switches to a new draft Y.
    let unsaved_x = "# Draft X\nbase\nwords from this window, not saved";
    browser.paste(unsaved_x).await;
    assert!(browser.eventually("return document.querySelector('[data-testid=status-banner]').dataset.problem === 'not-saved';", vec![]).await);
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Draft Y\nalso only in this window").await;

    // The other window makes room, then edits X.
    browser.js("window.other = window.open(location.href, 'other');", vec![]).await;
    assert!(
        browser.eventually("return !!window.other.document?.querySelector('[data-testid=editor]');", vec![]).await,
        "the second window did not start"
    );
    browser
        .js(
            "const s = window.other.localStorage;
             Object.keys(s).filter(k => k.startsWith('junk')).forEach(k => s.removeItem(k));",
            vec![],
        )
        .await;
    browser
        .js(
            "const li = [...window.other.document.querySelectorAll('[data-testid=draft-item]')]
               .find(li => li.querySelector('.draft-title').textContent === 'Draft X');
             li.querySelector('button').click();",
            vec![],
        )
        .await;
    assert!(
        browser
            .eventually("return window.other.document.querySelector('[data-testid=editor]').value === arguments[0];", vec![json!(unsaved_x)])
            .await,
        "this window's unsaved words never reached the other window: it shows {:?}",
        browser.js("return window.other.document.querySelector('[data-testid=editor]').value;", vec![]).await
    );
    browser
        .js(
            "const ed = window.other.document.querySelector('[data-testid=editor]');
             ed.focus(); ed.setSelectionRange(ed.value.length, ed.value.length);
             window.other.document.execCommand('insertText', false, '\\nwords from the other window');",
            vec![],
        )
        .await;
    wait_until_stored(&browser, &format!("{unsaved_x}\nwords from the other window")).await;
    wait_until_stored(&browser, "# Draft Y\nalso only in this window").await;
    assert!(browser.eventually_async(|| async { titles_kept_only_here(&browser).await.is_empty() }).await);
    assert_eq!(problem(&browser).await, Value::Null);
    assert!(!leaving_asks_first(&browser).await, "everything is saved: leaving need not ask");
    browser.close().await;
}

#[tokio::test]
async fn a_conflict_left_unanswered_keeps_both_texts_when_its_window_closes() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.paste("# Shared draft\nbase").await;
    wait_until_stored(&browser, "# Shared draft\nbase").await;
    browser.js("window.other = window.open(location.href, 'other');", vec![]).await;
    assert!(
        browser.eventually("return !!window.other.document?.querySelector('[data-testid=editor]')?.value.includes('base');", vec![]).await,
        "the second window did not open the same draft"
    );
    // The other window edits; this one edits and saves first (a pagehide
    // saves at once), so the conflict shows in the other window.
    browser
        .js(
            "for (const [w, text] of [[window.other, '# Shared draft\\nfrom the other window, never chosen'], [window, '# Shared draft\\nfrom this window']]) {
               const ed = w.document.querySelector('[data-testid=editor]');
               ed.focus(); ed.select();
               w.document.execCommand('insertText', false, text);
             }",
            vec![],
        )
        .await;
    browser.js("window.dispatchEvent(new Event('pagehide'));", vec![]).await;
    assert!(
        browser.eventually("return !!window.other.document.querySelector('[data-testid=conflict-banner]');", vec![]).await,
        "no conflict shown in the other window"
    );
    // Closed without choosing.
    browser.js("window.other.close();", vec![]).await;
    wait_until_stored(&browser, "# Shared draft\nfrom this window").await;
    wait_until_stored(&browser, "# Shared draft\nfrom the other window, never chosen").await;
    assert!(
        browser
            .eventually_async(|| async { titles(&browser).await.contains(&"Shared draft (this tab's copy)".to_string()) })
            .await,
        "the other window's text is not a draft of its own here: {:?}",
        titles(&browser).await
    );
    assert_eq!(editor_text(&browser).await, "# Shared draft\nfrom this window");
    browser.close().await;
}

#[tokio::test]
async fn on_a_phone_deleting_a_draft_closes_the_menu_over_its_undo_and_enter_undoes_it() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.client.set_window_size(360, 740).await.expect("resize the window");
    browser.open(&server.url("/")).await;
    assert!(browser.eventually("return innerWidth <= 360;", vec![]).await, "not phone-sized");
    browser.paste("# First\none").await;
    click(&browser, "[data-testid=new-draft]").await;
    browser.paste("# Second\ntwo").await;
    wait_until_stored(&browser, "# Second\ntwo").await;
    // Delete from the open menu, from the keyboard.
    browser.js("document.querySelector('.drafts-fold').open = true; document.querySelector('[data-testid=delete-draft]').focus();", vec![]).await;
    let press_enter = || KeyActions::new("keyboard".to_string()).then(KeyAction::Down { value: ENTER }).then(KeyAction::Up { value: ENTER });
    browser.client.perform_actions(press_enter()).await.expect("press Enter");
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 1;", vec![]).await, "not deleted");
    // The Undo beside "Deleted" is in sight, not under the menu, and has focus.
    let undo_in_sight = "const undo = document.querySelector('[data-testid=undo-delete]');
        if (!undo) return false;
        const r = undo.getBoundingClientRect();
        return !document.querySelector('.drafts-fold').open && document.activeElement === undo
          && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === undo;";
    let seen = browser.eventually(undo_in_sight, vec![]).await;
    let state = browser
        .js(
            "return { open: document.querySelector('.drafts-fold').open, focus: document.activeElement?.dataset.testid ?? null };",
            vec![],
        )
        .await;
    assert!(seen, "Undo hidden or without focus after Delete: {state}");
    browser.client.perform_actions(press_enter()).await.expect("press Enter");
    assert!(browser.eventually("return document.querySelectorAll('[data-testid=draft-item]').length === 2;", vec![]).await, "Enter did not undo");
    wait_until_stored(&browser, "# Second\ntwo").await;
    browser.close().await;
}
