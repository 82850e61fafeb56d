//! Typing into a long draft: the highlights away from the sentence being
//! typed stay where they are while the person types, and once typing
//! stops they are the engine's review of the text as typed. The latency
//! benchmark counts the same changes per keystroke.

use crate::corpus;
use crate::harness::Browser;
use crate::ui::{close_without_panics, open_app};
use postmortem_reviewer::engine;
use postmortem_reviewer::preview::byte_to_utf16;
use serde_json::json;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Corpus postmortems stitched together until they pass `words` words: real
/// prose, headings, lists and tables in real proportions.
pub fn draft_of(words: usize) -> String {
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

/// What a person adds to a paragraph: 70 characters, with a time and an
/// action, so the review of that passage may well change.
pub const SENTENCE: &str = " We paged the on-call engineer at 14:05 UTC and rolled back the deploy.";

/// A page function: every highlight piece in the mirror as
/// `[line, UTF-16 offset in the line, length, criterion, passage index]`,
/// in document order. A passage crossing lines has a piece on each.
const HIGHLIGHT_PIECES: &str = "
    function highlightPieces() {
      const mirror = document.querySelector('.mirror');
      const lineOf = new Map();
      Array.from(mirror.children).forEach((line, i) => lineOf.set(line, i));
      const range = document.createRange();
      return Array.from(mirror.querySelectorAll('mark[data-evidence]')).map(mark => {
        let line = mark;
        while (line.parentElement !== mirror) line = line.parentElement;
        range.setStart(line, 0);
        range.setEnd(mark, 0);
        return [lineOf.get(line), range.toString().length, mark.textContent.length,
                mark.dataset.evidence, Number(mark.dataset.index)];
      });
    }";

/// What typing a sentence did to the highlights.
pub struct Typed {
    /// After each keystroke, whether the highlights on lines other than
    /// the one typed into differed from those after the keystroke before.
    pub changed_elsewhere: Vec<bool>,
    /// The same, counting the line typed into too.
    pub changed_anywhere: Vec<bool>,
    /// How many highlight pieces the mirror shows when typing stopped.
    pub pieces: usize,
    /// The editor's text when typing stopped.
    pub text: String,
}

/// Types `sentence` one character at a time at the end of a prose line in
/// the middle of the editor's text, `interval_ms` apart (0: one frame
/// apart), and compares the highlights away from that line after each
/// keystroke with those before it. Line numbers and offsets within lines
/// are the positions compared: typing within one line moves neither.
pub async fn type_sentence(browser: &Browser, sentence: &str, interval_ms: u32) -> Typed {
    let script = format!(
        "{HIGHLIGHT_PIECES}
         const done = arguments[arguments.length - 1];
         const [sentence, interval] = arguments;
         const ed = document.querySelector('[data-testid=editor]');
         const text = ed.value;
         // The end of the first line past the middle that is a sentence of prose.
         let at = text.indexOf('\\n', Math.floor(text.length / 2));
         while (true) {{
           const start = text.lastIndexOf('\\n', at - 1) + 1;
           const line = text.slice(start, at);
           if (line.length > 60 && line.endsWith('.') && /^[A-Z]/.test(line)) break;
           at = text.indexOf('\\n', at + 1);
         }}
         const typedLine = text.slice(0, at).split('\\n').length - 1;
         const pieces = () => highlightPieces().map(p => p.slice(0, 4));
         const elsewhere = all => JSON.stringify(all.filter(p => p[0] !== typedLine));
         ed.focus();
         (async () => {{
           let all = pieces();
           let before = elsewhere(all), beforeAll = JSON.stringify(all);
           const changed = [], changedAll = [];
           for (const ch of sentence) {{
             ed.setSelectionRange(at, at);
             document.execCommand('insertText', false, ch);
             at += ch.length;
             await new Promise(r => interval
               ? setTimeout(r, interval)
               : requestAnimationFrame(() => setTimeout(r, 0)));
             all = pieces();
             const now = elsewhere(all), nowAll = JSON.stringify(all);
             changed.push(now !== before);
             changedAll.push(nowAll !== beforeAll);
             before = now;
             beforeAll = nowAll;
           }}
           done({{ changed, changedAll, text: ed.value, pieces: all.length }});
         }})().catch(e => done(String(e)));"
    );
    let result = browser
        .client
        .execute_async(&script, vec![json!(sentence), json!(interval_ms)])
        .await
        .expect("type a sentence");
    let flags = |key: &str| -> Vec<bool> {
        result[key]
            .as_array()
            .unwrap_or_else(|| panic!("typing failed in the page: {result}"))
            .iter()
            .map(|c| c.as_bool().unwrap())
            .collect()
    };
    Typed {
        changed_elsewhere: flags("changed"),
        changed_anywhere: flags("changedAll"),
        pieces: result["pieces"].as_u64().unwrap() as usize,
        text: result["text"].as_str().unwrap().to_string(),
    }
}

/// Each passage the mirror marks, by criterion and index, as the UTF-16
/// range of the editor's text it covers.
async fn marked_passages(browser: &Browser) -> BTreeMap<(String, u64), (u64, u64)> {
    let pieces = browser
        .js(
            &format!(
                "{HIGHLIGHT_PIECES}
                 const lines = document.querySelector('[data-testid=editor]').value.split('\\n');
                 const lineStart = [0];
                 for (const line of lines) lineStart.push(lineStart[lineStart.length - 1] + line.length + 1);
                 return highlightPieces().map(([line, offset, length, id, index]) =>
                   [id, index, lineStart[line] + offset, lineStart[line] + offset + length]);"
            ),
            vec![],
        )
        .await;
    let mut passages = BTreeMap::new();
    for piece in pieces.as_array().unwrap() {
        let key = (piece[0].as_str().unwrap().to_string(), piece[1].as_u64().unwrap());
        let (start, end) = (piece[2].as_u64().unwrap(), piece[3].as_u64().unwrap());
        let range = passages.entry(key).or_insert((start, end));
        range.0 = range.0.min(start);
        range.1 = range.1.max(end);
    }
    passages
}

/// The engine's evidence for `text`, as [`marked_passages`] reads it.
fn review_passages(text: &str) -> BTreeMap<(String, u64), (u64, u64)> {
    engine::review(text)
        .criteria
        .iter()
        .flat_map(|c| {
            c.evidence.iter().enumerate().map(move |(i, e)| {
                (
                    (c.id.as_str().to_string(), i as u64),
                    (byte_to_utf16(text, e.start) as u64, byte_to_utf16(text, e.end) as u64),
                )
            })
        })
        .collect()
}

#[tokio::test]
async fn typing_a_sentence_leaves_the_other_highlights_alone_and_ends_on_the_review() {
    let (_server, browser) = open_app().await;
    browser.paste(&draft_of(5_000)).await;
    assert!(browser.eventually("return document.querySelectorAll('[data-evidence]').length > 0;", vec![]).await);

    let typed = type_sentence(&browser, SENTENCE, 0).await;
    let changed: Vec<usize> = typed
        .changed_elsewhere
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c)
        .map(|(i, _)| i + 1)
        .collect();
    assert!(
        changed.is_empty(),
        "typing one sentence changed the highlights on other lines after keystrokes {changed:?} of {}",
        SENTENCE.len()
    );

    // The lines around each edit were rebuilt alone: the mirror must still
    // show the text as it is, line for line, also after typing a line
    // break and deleting one.
    const MIRROR_SHOWS_THE_TEXT: &str = "
        const lines = document.querySelector('[data-testid=editor]').value.split('\\n');
        const shown = Array.from(document.querySelector('.mirror').children, l => l.textContent);
        return shown.length === lines.length && lines.every((l, i) => (l || ' ') === shown[i]);";
    assert_eq!(browser.js(MIRROR_SHOWS_THE_TEXT, vec![]).await, json!(true), "after typing a sentence");
    let edits = [
        ("document.execCommand('insertText', false, '\\nA new line.')", "after typing a line break"),
        ("document.execCommand('delete')", "after deleting one"),
    ];
    for (edit, what) in edits {
        browser
            .js(
                &format!(
                    "const ed = document.querySelector('[data-testid=editor]');
                     const at = ed.value.indexOf('\\n', Math.floor(ed.value.length / 3));
                     ed.setSelectionRange(at, at + 1);
                     const before = ed.value;
                     {edit};
                     if (ed.value === before) throw new Error('nothing edited');"
                ),
                vec![],
            )
            .await;
        assert_eq!(browser.js(MIRROR_SHOWS_THE_TEXT, vec![]).await, json!(true), "{what}");
    }
    let typed = Typed {
        text: browser.js("return document.querySelector('[data-testid=editor]').value;", vec![]).await.as_str().unwrap().to_string(),
        ..typed
    };

    // The review runs once typing stops: wait for it, then compare.
    let want = review_passages(&typed.text);
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut shown = marked_passages(&browser).await;
    while shown != want && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        shown = marked_passages(&browser).await;
    }
    assert_eq!(shown, want, "once typing stopped, the highlights are not the review of the text as typed");
    close_without_panics(browser).await;
}
