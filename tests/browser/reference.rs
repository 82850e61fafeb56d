//! A first-time visitor pastes the reference postmortem and sees the
//! reviewers' verdicts.

use crate::corpus;
use crate::harness::{dist_dir, Browser, StaticServer, CRITERIA};
use serde_json::json;

#[tokio::test]
async fn pasting_the_reference_case_shows_its_label_row() {
    let case = corpus::reference_case();
    let want: Vec<String> = case.labels.iter().map(|v| v.as_str().to_string()).collect();

    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.paste(&case.text).await;
    browser
        .eventually(
            "return arguments[0].every((v, i) =>
               document.querySelector(`[data-criterion=${arguments[1][i]}]`)?.dataset.verdict === v);",
            vec![json!(want), json!(CRITERIA)],
        )
        .await;
    assert_eq!(browser.verdicts().await, want);
    let summary = browser
        .js("return document.querySelector('[data-testid=summary]').textContent", vec![])
        .await;
    let review = postmortem_reviewer::engine::review(&case.text);
    assert_eq!(summary, json!(postmortem_reviewer::engine::verdict_in_a_sentence(&review.criteria, &review.tiers)), "the verdict in a sentence");
    browser.close().await;
}
