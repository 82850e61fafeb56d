//! The same dist/ on any static host: offline after the first visit, new
//! deployments picked up, under a sub-path, and under a strict CSP.

use crate::harness::{copy_of_dist, dist_dir, Browser, StaticServer};
use std::path::PathBuf;
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

#[tokio::test]
async fn a_new_deployment_is_offered_and_loaded_on_request() {
    let site = copy_of_dist();
    let server = StaticServer::start(site.clone(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.wait_for_offline_cache().await;
    assert!(!browser.js("return !!document.querySelector('[data-testid=update-banner]')", vec![]).await.as_bool().unwrap());

    // A second build served in place: a changed file, a new precache version.
    let loader = site.join("loader.js");
    let mut js = std::fs::read_to_string(&loader).unwrap();
    js.push_str("\n// second build\n");
    std::fs::write(&loader, js).unwrap();
    let status = Command::new("bash")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/precache.sh"))
        .arg(&site)
        .status()
        .unwrap();
    assert!(status.success());

    browser.js("window.beforeUpdate = true; navigator.serviceWorker.getRegistration().then(r => r.update());", vec![]).await;
    assert!(
        browser.eventually("return !!document.querySelector('[data-testid=update-banner]');", vec![]).await,
        "the page did not offer the new version"
    );
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

