//! Keystroke latency: the time from a typed character to the text and its
//! highlights showing it, on a 5,000-word and a 20,000-word draft; the long
//! tasks (> 50 ms, as the browser's 'longtask' PerformanceObserver reports
//! them) while typing and in the second after, when the review typing put
//! off runs; and after how many keystrokes of a typed sentence the
//! highlights changed. A benchmark, not a test: it prints figures and
//! asserts nothing about time. Run it with `scripts/latency-bench.sh`.

use crate::harness::{dist_dir, Browser, StaticServer};
use crate::typing::{draft_of, type_sentence, SENTENCE};
use serde_json::json;

struct Run {
    words: usize,
    /// Input event → the text's mirror and highlights updated, and all a
    /// keystroke updates (the effects run in the input's task; a zero
    /// timeout lets queued ones run too). The review waits for a pause.
    to_update: Vec<f64>,
    /// Input event → the end of the next frame painted after it.
    to_frame: Vec<f64>,
    long_tasks: usize,
    longest_task: f64,
    /// Long tasks in the second after the last keystroke: the review
    /// that typing put off.
    settle_tasks: Vec<f64>,
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
               const typing = longTasks.splice(0);
               await new Promise(r => setTimeout(r, 1000));
               for (const e of observer.takeRecords()) longTasks.push(e.duration);
               observer.disconnect();
               done({ update, frame, longTasks: typing, settleTasks: longTasks });
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
        settle_tasks: numbers("settleTasks"),
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn print(run: &Run, budget: u32) {
    println!(
        "keystroke → text and highlights updated, {} words, {} keystrokes:\n  \
         p50 {:.1} ms   p95 {:.1} ms   max {:.1} ms   (budget: p95 ≤ {budget} ms)\n  \
         to the end of the next frame: p50 {:.1} ms   p95 {:.1} ms\n  \
         long tasks (> 50 ms) while typing: {}{}\n  \
         long tasks in the second after typing stops: {}{}",
        run.words,
        run.to_update.len(),
        pct(&run.to_update, 0.5),
        pct(&run.to_update, 0.95),
        run.to_update.last().unwrap(),
        pct(&run.to_frame, 0.5),
        pct(&run.to_frame, 0.95),
        run.long_tasks,
        if run.long_tasks > 0 { format!(" (longest {:.0} ms)", run.longest_task) } else { String::new() },
        run.settle_tasks.len(),
        run.settle_tasks.last().map_or(String::new(), |t| format!(" (longest {t:.0} ms)")),
    );
}

#[tokio::test]
#[ignore = "a benchmark: scripts/latency-bench.sh runs it"]
async fn keystroke_latency_at_5000_and_20000_words() {
    let small = type_into(5_000, 120).await;
    let large = type_into(20_000, 60).await;
    let fast = highlight_changes(5_000, 0).await;
    let steady = highlight_changes(5_000, 150).await;
    println!("\nlatency benchmark (release build, headless Chromium):");
    print(&small, 16);
    print(&large, 33);
    println!("highlights changed while typing a {}-character sentence into 5,000 words:", SENTENCE.len());
    for (cadence, changes) in [("one keystroke a frame", fast), ("one keystroke every 150 ms", steady)] {
        println!("  {cadence}: {changes}");
    }
    println!("  (budget at 20,000 words: no long task while typing)\n");
}

/// After how many keystrokes of [`SENTENCE`], typed `interval_ms` apart
/// into a draft of `words` words, the highlights changed: on other lines,
/// and at all.
async fn highlight_changes(words: usize, interval_ms: u32) -> String {
    let server = StaticServer::start(dist_dir(), "", vec![]);
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.paste(&draft_of(words)).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-evidence]').length > 0;", vec![]).await);
    let typed = type_sentence(&browser, SENTENCE, interval_ms).await;
    browser.close().await;
    let count = |flags: &[bool]| flags.iter().filter(|&&c| c).count();
    format!(
        "after {} keystrokes on other lines, {} at all (of {} highlight pieces)",
        count(&typed.changed_elsewhere),
        count(&typed.changed_anywhere),
        typed.pieces
    )
}
