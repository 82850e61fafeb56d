//! Keystroke latency: the time from a typed character to the review and the
//! highlights showing it, on a 5,000-word and a 20,000-word draft, and the
//! long tasks (> 50 ms, as the browser's 'longtask' PerformanceObserver
//! reports them) while typing at 20,000 words. A benchmark, not a test: it
//! prints figures and asserts nothing about time. Run it with
//! `scripts/latency-bench.sh`.

use crate::corpus;
use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::json;

/// Corpus postmortems stitched together until they pass `words` words: real
/// prose, headings, lists and tables in real proportions.
fn draft_of(words: usize) -> String {
    let cases = corpus::load();
    let mut draft = String::new();
    'fill: loop {
        for case in &cases {
            draft.push_str(&case.text);
            draft.push_str("\n\n");
            if draft.split_ascii_whitespace().count() >= words {
                break 'fill;
            }
        }
    }
    draft
}

struct Run {
    words: usize,
    /// Input event → the review, highlights and panel updated (the effects
    /// run in the input's task; a zero timeout lets queued ones run too).
    to_update: Vec<f64>,
    /// Input event → the end of the next frame painted after it.
    to_frame: Vec<f64>,
    long_tasks: usize,
    longest_task: f64,
}

/// Types `keystrokes` characters, one at a time, at the end of a line in the
/// middle of a draft of `words` words, waiting for a frame between them as a
/// person's typing would.
async fn type_into(words: usize, keystrokes: usize) -> Run {
    let draft = draft_of(words);
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.paste(&draft).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-evidence]').length > 0;", vec![]).await);

    let samples = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const ed = document.querySelector('[data-testid=editor]');
             const mirror = document.querySelector('.mirror');
             const n = arguments[0];
             const update = [], frame = [], longTasks = [];
             const observer = new PerformanceObserver(list => {
               for (const e of list.getEntries()) longTasks.push(e.duration);
             });
             observer.observe({ type: 'longtask' });
             let at = Math.floor(ed.value.length / 2);
             at = ed.value.indexOf('\\n', at);
             ed.focus();
             (async () => {
               // Let the paste's own work finish before the clock starts.
               await new Promise(r => setTimeout(r, 200));
               longTasks.length = 0;
               for (let i = 0; i < n; i++) {
                 ed.setSelectionRange(at, at);
                 const t0 = performance.now();
                 document.execCommand('insertText', false, i % 2 ? 'x' : ' ');
                 await new Promise(r => setTimeout(r, 0));
                 const t1 = performance.now();
                 if (!mirror.textContent.length) throw new Error('mirror empty');
                 await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                 const t2 = performance.now();
                 update.push(t1 - t0);
                 frame.push(t2 - t0);
                 at += 1;
               }
               // Long tasks are reported after they end: one more frame.
               await new Promise(r => setTimeout(r, 100));
               for (const e of observer.takeRecords()) longTasks.push(e.duration);
               observer.disconnect();
               done({ update, frame, longTasks });
             })().catch(e => done(String(e)));",
            vec![json!(keystrokes)],
        )
        .await
        .expect("run the keystroke benchmark");
    let numbers = |key: &str| -> Vec<f64> {
        let mut v: Vec<f64> = samples[key]
            .as_array()
            .unwrap_or_else(|| panic!("the benchmark failed in the page: {samples}"))
            .iter()
            .filter_map(|v| v.as_f64())
            .collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v
    };
    let long = numbers("longTasks");
    browser.close().await;
    Run {
        words: draft.split_ascii_whitespace().count(),
        to_update: numbers("update"),
        to_frame: numbers("frame"),
        long_tasks: long.len(),
        longest_task: long.last().copied().unwrap_or(0.0),
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn print(run: &Run, budget: u32) {
    println!(
        "keystroke → updated review and highlights, {} words, {} keystrokes:\n  \
         p50 {:.1} ms   p95 {:.1} ms   max {:.1} ms   (budget: p95 ≤ {budget} ms)\n  \
         to the end of the next frame: p50 {:.1} ms   p95 {:.1} ms\n  \
         long tasks (> 50 ms) while typing: {}{}",
        run.words,
        run.to_update.len(),
        pct(&run.to_update, 0.5),
        pct(&run.to_update, 0.95),
        run.to_update.last().unwrap(),
        pct(&run.to_frame, 0.5),
        pct(&run.to_frame, 0.95),
        run.long_tasks,
        if run.long_tasks > 0 { format!(" (longest {:.0} ms)", run.longest_task) } else { String::new() },
    );
}

#[tokio::test]
#[ignore = "a benchmark: scripts/latency-bench.sh runs it"]
async fn keystroke_latency_at_5000_and_20000_words() {
    let small = type_into(5_000, 120).await;
    let large = type_into(20_000, 60).await;
    println!("\nlatency benchmark (release build, headless Chromium):");
    print(&small, 16);
    print(&large, 33);
    println!("  (budget at 20,000 words: no long task while typing)\n");
}
