//! Keystroke latency on a 5,000-word draft: the time from a typed character
//! to the review and the highlights showing it. A benchmark, not a test: it
//! prints figures and asserts nothing about time. Run it with
//! `scripts/latency-bench.sh`.

use crate::corpus;
use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::json;

const KEYSTROKES: usize = 120;

#[tokio::test]
#[ignore = "a benchmark: scripts/latency-bench.sh runs it"]
async fn keystroke_to_updated_highlights_on_5000_words() {
    let mut draft = String::new();
    'fill: loop {
        for case in corpus::load() {
            draft.push_str(&case.text);
            draft.push_str("\n\n");
            if draft.split_ascii_whitespace().count() >= 5_000 {
                break 'fill;
            }
        }
    }
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.paste(&draft).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-evidence]').length > 0;", vec![]).await);

    // Each keystroke: type one character at the end of a line in the middle
    // of the draft, then wait for the mirror to hold it. The review, the
    // highlights and the panel update in the same task as the input event;
    // a zero timeout lets any queued effects run before the clock stops.
    let samples = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const ed = document.querySelector('[data-testid=editor]');
             const mirror = document.querySelector('.mirror');
             const n = arguments[0];
             const times = [];
             let at = Math.floor(ed.value.length / 2);
             at = ed.value.indexOf('\\n', at);
             ed.focus();
             (async () => {
               for (let i = 0; i < n; i++) {
                 ed.setSelectionRange(at, at);
                 const t0 = performance.now();
                 document.execCommand('insertText', false, i % 2 ? 'x' : ' ');
                 await new Promise(r => setTimeout(r, 0));
                 const t1 = performance.now();
                 if (!mirror.textContent.length) throw new Error('mirror empty');
                 times.push(t1 - t0);
                 at += 1;
                 await new Promise(r => requestAnimationFrame(() => r()));
               }
               done(times);
             })().catch(e => done(String(e)));",
            vec![json!(KEYSTROKES)],
        )
        .await
        .expect("run the keystroke benchmark");
    let mut times: Vec<f64> = samples
        .as_array()
        .unwrap_or_else(|| panic!("the benchmark failed in the page: {samples}"))
        .iter()
        .filter_map(|v| v.as_f64())
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    let words = draft.split_ascii_whitespace().count();
    println!(
        "\nkeystroke → updated review and highlights, {words}-word draft, {} keystrokes:\n  p50 {:.1} ms   p95 {:.1} ms   max {:.1} ms   (budget: p95 ≤ 16 ms)\n",
        times.len(),
        pct(0.5),
        pct(0.95),
        times.last().unwrap()
    );
    browser.close().await;
}
