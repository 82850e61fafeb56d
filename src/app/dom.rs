//! Small browser operations the components need: editing the textarea so
//! the browser's own undo keeps working, reading dropped files, downloads,
//! the clipboard and scrolling.

use crate::input::{MAX_BYTES, decode};
use crate::preview::{ChangedLines, changed_lines};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlTextAreaElement};

/// Replaces UTF-16 range `start..end` of the textarea with `text` as if the
/// person typed it, so Ctrl+Z takes it back, and selects what was inserted.
/// Returns the new value: where the browser has no `insertText` command the
/// value is set directly (without undo) and the caller updates its state.
pub fn replace_in_editor(editor: &HtmlTextAreaElement, start: u32, end: u32, text: &str) -> String {
    let _ = editor.focus();
    let _ = editor.set_selection_range(start, end);
    let typed = document()
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !typed {
        let _ = editor.set_range_text_with_start_and_end(text, start, end);
    }
    let inserted = text.encode_utf16().count() as u32;
    let _ = editor.set_selection_range(start, start + inserted);
    editor.value()
}

fn document() -> Option<web_sys::HtmlDocument> {
    web_sys::window()?.document()?.dyn_into().ok()
}

/// Reads a dropped or picked file as text, or says why not, naming the file.
/// Any extension: postmortems live in `.md`, `.txt`, `.html`, `.html.md.erb`,
/// `.qmd`, `.rst` …, and the content tells text from binary (`decode`).
pub async fn read_text_file(file: web_sys::File) -> Result<String, String> {
    let name = file.name();
    // Refuse an oversized file before reading it into memory.
    if file.size() > MAX_BYTES as f64 {
        let err = crate::input::InputError::TooLarge(file.size() as usize);
        return Err(format!("\u{201c}{name}\u{201d} was not opened: it {err}."));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("\u{201c}{name}\u{201d} could not be read."))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = decode(&bytes).map_err(|err| format!("\u{201c}{name}\u{201d} was not opened: it {err}."))?;
    // Opened, an empty file would show an empty draft, or the blank one
    // already open "as the draft Untitled draft".
    if text.trim().is_empty() {
        return Err(format!("\u{201c}{name}\u{201d} was not opened: it is empty."));
    }
    Ok(text)
}

/// Offers `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    // Some browsers read the blob after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Copies text to the clipboard; `false` when the browser refused.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The criteria (data-evidence) of every highlight under a point of the
/// page: the textarea lies on top of the mirror, so this looks through it.
pub fn evidence_at_point(x: i32, y: i32) -> Vec<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = document
        .elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|el| el.get_attribute("data-evidence"))
        .collect();
    crate::sorting::sort_stably(&mut ids, |a, b| a.cmp(b));
    ids.dedup();
    ids
}

/// Scrolls the textarea (and so the mirror) to show the first mirror
/// element matching `selector` a third of the way down.
pub fn scroll_editor_to(editor: &HtmlTextAreaElement, mirror: &Element, selector: &str) {
    let Some(target) = mirror
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let top = target.offset_top() - editor.client_height() / 3;
    editor.set_scroll_top(top.max(0));
    mirror.set_scroll_top(editor.scroll_top());
    // On a narrow screen the editor may be above the fold.
    reveal(editor);
}

/// Scrolls an element into view within its scrolling ancestors, only as
/// far as needed.
pub fn reveal(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Brings the mirror from showing `old` lines to showing `new` ones from
/// its line `at` on (the lines before and after are left as they are),
/// touching only the lines that changed, so the browser re-lays out only
/// those (and keeps the others' highlights as they are). Each line is a
/// `<div>` of escaped HTML from [`crate::preview`].
pub fn patch_mirror(mirror: &Element, at: usize, old: &[String], new: &[String]) {
    let Some(document) = mirror.owner_document() else {
        return;
    };
    let ChangedLines {
        prefix,
        old_end,
        new_end,
    } = changed_lines(old, new);
    let children = mirror.children();
    let prefix_at = at + prefix;
    let kept = (old_end - prefix).min(new_end - prefix);
    // A review may change highlights far apart: the lines between them
    // are kept as they are.
    for i in (prefix..prefix + kept).filter(|&i| old[i] != new[i]) {
        if let Some(line) = children.item((at + i) as u32) {
            line.set_inner_html(&new[i]);
        }
    }
    for _ in kept..(old_end - prefix) {
        if let Some(line) = children.item((prefix_at + kept) as u32) {
            line.remove();
        }
    }
    let before = children.item((prefix_at + kept) as u32);
    for html in &new[prefix + kept..new_end] {
        if let Ok(line) = document.create_element("div") {
            line.set_inner_html(html);
            let _ = mirror.insert_before(&line, before.as_ref().map(|b| b.as_ref()));
        }
    }
}

/// Whether the layout is side by side (matches the CSS breakpoint).
pub fn is_wide_layout() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 50rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}
