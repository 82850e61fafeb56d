//! The same dist/ on any static host: offline after the first visit, new
//! deployments picked up, under a sub-path, and under a strict CSP.

use crate::harness::{copy_of_dist, dist_dir, Browser, StaticServer};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = "# Outage\n\nWe broke logins at 10:02 UTC and fixed them at 10:40 UTC. We are sorry.\n";

/// The Content-Security-Policy the README documents, read from deploy/_headers.
fn documented_csp() -> String {
    let headers = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deploy/_headers")).unwrap();
    headers
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))
        .expect("deploy/_headers sets a Content-Security-Policy")
        .to_string()
}

#[tokio::test]
async fn after_one_visit_the_app_works_with_the_server_gone() {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let url = server.url("/");
    let browser = Browser::start().await;
    browser.open(&url).await;
    browser.wait_for_offline_cache().await;

    drop(server);
    browser.client.refresh().await.expect("reload with no server");
    browser.open(&url).await;
    browser.paste(SAMPLE).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-criterion]').length === 12;", vec![]).await);
    assert!(browser.shows_a_review().await, "verdicts offline: {:?}", browser.verdicts().await);
    browser.close().await;
}

/// Serves a second build in place of the first (a changed file, a new
/// precache version), and waits until the page offers it.
async fn deploy_a_second_build_and_wait_for_the_offer(browser: &Browser, site: &Path) {
    let loader = site.join("loader.js");
    let mut js = std::fs::read_to_string(&loader).unwrap();
    js.push_str("\n// second build\n");
    std::fs::write(&loader, js).unwrap();
    let status = Command::new("bash")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/precache.sh"))
        .arg(site)
        .status()
        .unwrap();
    assert!(status.success());
    browser.js("navigator.serviceWorker.getRegistration().then(r => r.update());", vec![]).await;
    assert!(
        browser.eventually("return !!document.querySelector('[data-testid=update-banner]');", vec![]).await,
        "the page did not offer the new version"
    );
}

#[tokio::test]
async fn a_new_deployment_is_offered_and_loaded_on_request() {
    let site = copy_of_dist();
    let server = StaticServer::start(site.clone(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.wait_for_offline_cache().await;
    assert!(!browser.js("return !!document.querySelector('[data-testid=update-banner]')", vec![]).await.as_bool().unwrap());

    browser.js("window.beforeUpdate = true;", vec![]).await;
    deploy_a_second_build_and_wait_for_the_offer(&browser, &site).await;
    browser.js("document.querySelector('[data-testid=update-reload]').click();", vec![]).await;
    assert!(
        browser
            .eventually(
                "return window.beforeUpdate === undefined && !!document.querySelector('[data-testid=editor]');",
                vec![]
            )
            .await,
        "the page did not reload into the new version"
    );
    let served = browser.js("return fetch('./loader.js').then(r => r.text())", vec![]).await;
    assert!(served.as_str().unwrap_or("").contains("second build"), "the new build is what runs now");
    browser.close().await;
    let _ = std::fs::remove_dir_all(site);
}

/// Whether each of `selectors` is the element at the centre of its own
/// box (not under anything), and whether the update offer is clear of the
/// tab bar and inside the window.
const IN_SIGHT: &str = "const hit = css => { const el = document.querySelector(css); if (!el) return css + ' absent';
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el.contains(at) ? null : `${css} is under ${at?.className || at?.tagName}`; };
    const banner = document.querySelector('[data-testid=update-banner]').getBoundingClientRect();
    const tabs = document.querySelector('[data-testid=phone-tabs]').getBoundingClientRect();
    return { covered: arguments[0].map(hit).filter(Boolean),
             clear_of_tabs: banner.bottom <= tabs.top, inside: banner.left >= 0 && banner.right <= innerWidth,
             banner: [banner.top, banner.bottom], tabs: tabs.top };";

#[tokio::test]
async fn on_a_phone_the_update_offer_leaves_the_tab_bar_and_an_undo_in_reach() {
    let site = copy_of_dist();
    let server = StaticServer::start(site.clone(), "", vec![]);
    let browser = Browser::start().await;
    browser.client.set_window_size(360, 740).await.expect("resize the window");
    browser.open(&server.url("/")).await;
    assert!(browser.eventually("return innerWidth <= 360;", vec![]).await, "not phone-sized");
    browser.wait_for_offline_cache().await;
    browser.paste(SAMPLE).await;
    deploy_a_second_build_and_wait_for_the_offer(&browser, &site).await;

    let controls = json!(["[data-testid=tab-editor]", "[data-testid=tab-review]", "[data-testid=update-reload]"]);
    let seen = browser.js(IN_SIGHT, vec![controls.clone()]).await;
    assert_eq!(
        (&seen["covered"], &seen["clear_of_tabs"], &seen["inside"]),
        (&json!([]), &json!(true), &json!(true)),
        "the update offer covers the tab bar or leaves the window: {seen}"
    );
    // A draft deleted meanwhile: its Undo shows above the offer, not under it.
    browser.js("document.querySelector('[data-testid=new-draft]').click();", vec![]).await;
    browser.paste("# Second\ntwo").await;
    browser.js("document.querySelector('.drafts-fold').open = true; document.querySelector('[data-testid=delete-draft]').click();", vec![]).await;
    let mut with_undo = controls.as_array().unwrap().clone();
    with_undo.push(json!("[data-testid=undo-delete]"));
    let with_undo = json!(with_undo);
    assert!(
        browser
            .eventually(
                &format!("return !!document.querySelector('[data-testid=undo-delete]') && (() => {{ {IN_SIGHT} }})().covered.length === 0;"),
                vec![with_undo.clone()]
            )
            .await,
        "with a deleted draft's note, something is covered: {}",
        browser.js(IN_SIGHT, vec![with_undo]).await
    );
    browser.close().await;
    let _ = std::fs::remove_dir_all(site);
}

#[tokio::test]
async fn the_app_works_under_a_sub_path() {
    let server = StaticServer::start(dist_dir(), "/some/sub/path", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/some/sub/path/")).await;
    browser.paste(SAMPLE).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-criterion]').length === 12;", vec![]).await);
    assert!(browser.shows_a_review().await);
    browser.close().await;
}

#[tokio::test]
async fn the_documented_csp_is_satisfied() {
    let csp = documented_csp();
    let server = StaticServer::start(dist_dir(), "", vec![("Content-Security-Policy".into(), csp)]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.paste(SAMPLE).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-criterion]').length === 12;", vec![]).await);
    assert!(browser.shows_a_review().await);
    let violations: Vec<String> = browser
        .console()
        .await
        .into_iter()
        // chromedriver shortens long messages ("Conten…t Security Policy").
        .filter(|line| line.contains("Security Policy"))
        .collect();
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    browser.close().await;
}

/// The control for the test above: the console does show a CSP the app
/// breaks, so "no violations" there means something.
#[tokio::test]
async fn a_csp_the_app_breaks_is_reported() {
    let strict = documented_csp().replace(" 'wasm-unsafe-eval'", "");
    let server = StaticServer::start(dist_dir(), "", vec![("Content-Security-Policy".into(), strict)]);
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.unwrap();
    // The console drains as it is read: keep what each read returns.
    let seen = std::cell::RefCell::new(Vec::new());
    let reported = browser
        .eventually_async(|| async {
            let lines = browser.console().await;
            seen.borrow_mut().extend(lines);
            seen.borrow().iter().any(|l| l.contains("Security Policy"))
        })
        .await;
    assert!(reported, "a wasm-blocking CSP left no trace in the console: {:#?}", seen.borrow());
    browser.close().await;
}

