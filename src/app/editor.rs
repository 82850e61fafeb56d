//! The editor: a transparent `<textarea>` over a mirror that renders the
//! same text with the review's evidence marked. The textarea keeps the
//! browser's caret, selection, undo and spell check; the mirror only
//! paints. Also the file picker, file drop and the Markdown preview.

use super::drafts_panel::Drafts;
use super::{AppState, Notice, TextChange, dom, effect, handler, live, watch};
use crate::engine::{self, CriterionId};
use crate::preview::{self, Edit, Highlight, Shown};
use leptos::prelude::*;
use leptos::either::Either;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, MouseEvent};

/// "R1 Start time and end time · P2 Sound like a human"
fn criteria_label(ids: &[CriterionId]) -> String {
    ids.iter()
        .map(|&id| format!("{id} {}", engine::guidance(id).name))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let drafts = expect_context::<Drafts>();
    let (editor, mirror) = (state.editor, state.mirror);
    let initial_text = state.text.get_untracked();
    // Where the browser puts the caret in a restored text: at its end.
    let caret = RwSignal::new(initial_text.encode_utf16().count() as u32);
    let hover_label = NodeRef::<leptos::html::Div>::new();
    let dragging = RwSignal::new(false);
    // The criterion whose highlights alone are shown, from the legend.
    let only = RwSignal::new(None::<CriterionId>);

    let sync_scroll = move || {
        if let (Some(ta), Some(m)) = (editor.get_untracked(), mirror.get_untracked()) {
            m.set_scroll_top(ta.scroll_top());
            m.set_scroll_left(ta.scroll_left());
        }
    };
    let update_caret = move || {
        if let Some(ta) = editor.get_untracked() {
            caret.set(ta.selection_start().ok().flatten().unwrap_or(0));
        }
    };
    // The caret line follows the caret when no key or click moved it too:
    // after code replaced the text and set the selection (a sample, a
    // file, a section; effects run once that code is done).
    watch(move || state.text.track(), move |_, _| update_caret(), false);

    // Each edit rebuilds the HTML of the lines it touched (of all lines
    // after anything but a keystroke) and writes only the lines that
    // changed to the page (what costs: parsing and layout). The highlights
    // are set after every change of the text, placed in it: following
    // them, not the text, renders each edit once.
    let rendered: Rc<RefCell<(Vec<String>, Option<Shown>)>> = Rc::default();
    effect(move || {
        let Some(m) = mirror.get() else { return };
        let change = state.take_unrendered();
        let mut rendered = rendered.borrow_mut();
        let (lines, rendered_shown) = &mut *rendered;
        state.shown.with(|shown| {
            state.marks.with(|marks| {
                state.text.with_untracked(|t| {
                    let typed = match change {
                        TextChange::Typed(edit) if rendered_shown == shown => {
                            lines_around_edit(lines.len(), t, marks, shown.as_ref(), edit)
                        }
                        _ => None,
                    };
                    match typed {
                        Some((first, replaced, fresh)) => {
                            dom::patch_mirror(&m, first, &lines[first..first + replaced], &fresh);
                            lines.splice(first..first + replaced, fresh);
                        }
                        None => {
                            let fresh = preview::mirror_lines(t, marks, shown.as_ref());
                            dom::patch_mirror(&m, 0, lines, &fresh);
                            *lines = fresh;
                        }
                    }
                })
            });
            rendered_shown.clone_from(shown);
        });
        sync_scroll();
    });
    // Rendered only while shown; the HTML is sanitised by `markdown_html`.
    let preview_box = NodeRef::<leptos::html::Div>::new();
    effect(move || {
        let Some(target) = preview_box.get() else {
            return;
        };
        if state.preview.get() {
            state
                .text
                .with(|t| target.set_inner_html(&preview::markdown_html(t)));
        } else {
            target.set_inner_html("");
        }
    });

    let on_pointer = move |ev: MouseEvent| {
        let ids: Vec<CriterionId> = dom::evidence_at_point(ev.client_x(), ev.client_y())
            .iter()
            .filter_map(|id| CriterionId::parse(id))
            .collect();
        // Set directly, not through a signal: it follows every pointer move.
        if let Some(label) = hover_label.get_untracked() {
            if ids.is_empty() {
                let _ = label.set_attribute("hidden", "");
            } else {
                label.set_text_content(Some(&criteria_label(&ids)));
                // Through the CSSOM: the CSP refuses style attributes.
                let style = web_sys::HtmlElement::style(&label);
                let _ = style.set_property("left", &format!("{}px", ev.client_x() + 14));
                let _ = style.set_property("top", &format!("{}px", ev.client_y() + 18));
                let _ = label.remove_attribute("hidden");
            }
        }
        ids
    };
    // A file dropped anywhere on the page opens as a draft: dropped beside
    // the editor, the browser would leave the app to show the file. One
    // handler for the three events, so its listener is compiled once.
    let on_file_drag = move |ev: web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<DragEvent>() else { return };
        let transfer = ev.data_transfer();
        match ev.type_().as_str() {
            "dragover" if transfer.as_ref().is_some_and(|dt| dt.types().includes(&"Files".into(), 0)) => {
                ev.prevent_default();
                dragging.set(true);
            }
            // Out of the window (nothing entered in its place), or dropped.
            "dragleave" if ev.related_target().is_none() => dragging.set(false),
            "drop" => {
                dragging.set(false);
                // Dragged text has no file: the textarea inserts it as usual.
                if let Some(file) = transfer.and_then(|dt| dt.files()).and_then(|files| files.get(0)) {
                    ev.prevent_default();
                    open_file(state, drafts, file);
                }
            }
            _ => {}
        }
    };
    for event in ["dragover", "dragleave", "drop"] {
        window_event_listener_untyped(event, on_file_drag);
    }

    view! {
        <section class="editor-pane" class:dragging=live(move || dragging.get()) aria-labelledby="editor-heading">
            <div class="pane-head">
                <h2 id="editor-heading">"Your postmortem"</h2>
                <button
                    type="button"
                    class="button"
                    data-testid="preview-toggle"
                    aria-pressed=live(move || state.preview.get().to_string())
                    aria-controls="preview"
                    on:click=handler(move |_| state.preview.update(|p| *p = !*p))
                >
                    {live(move || if state.preview.get() { "Back to editing" } else { "Preview" })}
                    // On a phone "Preview" alone, so the heading beside it
                    // keeps one line.
                    <span class="wide-only" hidden=live(move || state.preview.get())>" Markdown"</span>
                </button>
            </div>
            <div
                class="editor-stack"
                data-filter=live(move || only.get().map(|id| id.as_str()))
                hidden=live(move || state.preview.get())
            >
                // Scrollable, so the browser would make it a Tab stop; it
                // only paints what the textarea above it holds.
                <div class="mirror" aria-hidden="true" tabindex="-1" node_ref=mirror></div>
                <textarea
                    id="editor"
                    class="editor"
                    data-testid="editor"
                    node_ref=editor
                    spellcheck="true"
                    // On a phone the tagline is hidden: the empty editor
                    // says what happens to the text, and that it stays here.
                    placeholder="Paste or type your postmortem here, drop a file on this box, or load a sample. It is checked against twelve criteria as you write, in this browser only."
                    aria-labelledby="editor-heading"
                    aria-describedby="caret-context"
                    prop:value=initial_text
                    on:input=handler(move |_| {
                        if let Some(ta) = editor.get_untracked() {
                            state.note_typing();
                            state.text.set(ta.value());
                        }
                        update_caret();
                    })
                    // What the person turns to next may use the review:
                    // it is not left waiting for typing to resume.
                    on:blur=handler(move |_| state.review_if_due())
                    on:scroll=handler(move |_| sync_scroll())
                    on:keyup=handler(move |_| update_caret())
                    on:focus=handler(move |_| update_caret())
                    on:click=handler(move |ev: MouseEvent| {
                        update_caret();
                        if let Some(&first) = on_pointer(ev).first() {
                            state.open_criterion(first);
                        }
                    })
                    on:mousemove=handler(move |ev: MouseEvent| {
                        on_pointer(ev);
                    })
                    on:mouseleave=handler(move |_| {
                        if let Some(label) = hover_label.get_untracked() {
                            let _ = label.set_attribute("hidden", "");
                        }
                    })
                ></textarea>
            </div>
            <div
                class="legend"
                role="group"
                aria-label="Highlights shown"
                hidden=live(move || state.preview.get() || state.has_no_text())
            >
                <button
                    type="button"
                    class="legend-chip"
                    data-testid="legend-all"
                    aria-pressed=live(move || only.get().is_none().to_string())
                    on:click=handler(move |_| only.set(None))
                >
                    "All"
                </button>
                {CriterionId::ALL
                    .into_iter()
                    .map(|id| {
                        let name = engine::guidance(id).name;
                        let passages = move || state.review.with(|r| r.get(id).evidence.len());
                        view! {
                            <button
                                type="button"
                                class=format!("legend-chip tier-{}", preview::tier_class(id))
                                data-legend=id.as_str()
                                data-testid=format!("legend-{id}")
                                title=name
                                aria-pressed=live(move || (only.get() == Some(id)).to_string())
                                on:click=handler(move |_| only.update(|o| *o = if *o == Some(id) { None } else { Some(id) }))
                            >
                                <span class="legend-id">{id.as_str()}</span>
                                <span class="visually-hidden">{format!(" {name}, passages: ")}</span>
                                <span class="legend-count">{live(passages)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div
                id="preview"
                class="preview"
                data-testid="preview"
                role="region"
                aria-label="Markdown preview"
                tabindex="0"
                hidden=live(move || !state.preview.get())
                node_ref=preview_box
            ></div>
            <div class="hover-label" aria-hidden="true" hidden node_ref=hover_label></div>
            // An empty editor has no highlight to move the caret into.
            <div class="caret-context" id="caret-context" data-testid="caret-context" hidden=live(move || state.has_no_text())>
                {move || {
                    let ids = state.criteria_at_caret(caret.get());
                    match ids.first().copied() {
                        None => {
                            Either::Left(view! {
                                <span class="muted">
                                    "Move the caret into a highlight to see which criterion it supports."
                                </span>
                            })
                        }
                        Some(first) => {
                            Either::Right(view! {
                                <span>"At the caret: evidence for " {criteria_label(&ids)} ". "</span>
                                <button
                                    type="button"
                                    class="link-button"
                                    data-testid="caret-open"
                                    on:click=handler(move |_| {
                                        state.open_criterion(first);
                                        focus_card(first);
                                    })
                                >
                                    {format!("Show {first} in the review")}
                                </button>
                            })
                        }
                    }
                }}
            </div>
            <p
                class="notice"
                role="status"
                data-testid="editor-notice"
                data-kind=live(move || state.notice.with(|n| n.as_ref().map(|n| if n.is_error { "error" } else { "info" })))
            >
                {live(move || state.notice.with(|n| n.as_ref().map(|n| n.message.clone())))}
            </p>
        </section>
    }
}

/// What typed `edit` changed in the mirror's `rendered` lines: from line
/// `first`, `replaced` lines become the lines around the edit, rebuilt;
/// the others stay as they were (their highlights only moved with the
/// text). `None` when the lines rendered were not the text before the edit.
fn lines_around_edit(
    rendered: usize,
    text: &str,
    marks: &[Highlight],
    shown: Option<&Shown>,
    edit: Edit,
) -> Option<(usize, usize, Vec<String>)> {
    let (first, fresh) = preview::mirror_lines_around(text, marks, shown, edit.start..edit.start + edit.inserted);
    let total = text.as_bytes().iter().filter(|&&b| b == b'\n').count() + 1;
    let replaced = (rendered + fresh.len()).checked_sub(total)?;
    (first + replaced <= rendered).then_some((first, replaced, fresh))
}

/// Moves focus to a criterion card's heading (for keyboard users who
/// asked to go there).
pub fn focus_card(id: CriterionId) {
    if let Some(heading) = document()
        .query_selector(&format!("[data-criterion=\"{id}\"] h4"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// Opens a file as a draft, or explains in the notice why not and leaves
/// the text as it was.
fn open_file(state: AppState, drafts: Drafts, file: web_sys::File) {
    let name = file.name();
    spawn_local(async move {
        match dom::read_text_file(file).await {
            Ok(text) => drafts.open_text(state, text, &format!("\u{201c}{name}\u{201d}")),
            Err(message) => state.notice.set(Some(Notice {
                message: format!("{message} Your text is unchanged."),
                is_error: true,
            })),
        }
    });
}

#[component]
pub fn FilePicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let drafts = expect_context::<Drafts>();
    view! {
        <input
            type="file"
            id="file-input"
            class="file-input"
            data-testid="file-input"
            accept="text/*,.md,.markdown,.txt,.html,.htm,.erb,.qmd,.rst,.adoc,.org"
            on:change=handler(move |ev| {
                let input: HtmlInputElement = event_target(&ev);
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    open_file(state, drafts, file);
                }
                // Picking the same file again must fire another change.
                input.set_value("");
            })
        />
        <label for="file-input" class="button">"Open file…"</label>
    }
}
