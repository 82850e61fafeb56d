//! The web app: an editor that shows the review's evidence in the text
//! itself, and the review beside it. Components only render what
//! [`engine::review`] returns and what the person set by hand; the review
//! logic stays in the engine.

mod announcer;
mod dom;
mod drafts_panel;
mod editor;
mod embed;
mod review_panel;
mod samples;
mod storage;
mod timeline_panel;

use crate::engine::{self, CriterionId, Review};
use crate::export::{self, Overrides};
use crate::preview::{self, Edit, Highlight, Shown, byte_to_utf16, utf16_to_byte};
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;
use storage::{StorageProblem, Theme};
use wasm_bindgen::JsCast;

/// A message about the last thing done to the editor's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Notice {
    pub message: String,
    pub is_error: bool,
}

/// What the components share.
#[derive(Clone, Copy)]
pub(crate) struct AppState {
    pub text: RwSignal<String>,
    pub overrides: RwSignal<Overrides>,
    /// The engine's review of the text, as of the last pause in typing
    /// (see [`AppState::follow_text`]).
    pub review: RwSignal<Review>,
    /// The review's passages, placed in the text as it is now: what the
    /// highlights show. Set after every change of the text, and moved
    /// with each keystroke until typing pauses and the review catches up.
    pub marks: RwSignal<Vec<Highlight>>,
    /// The review with the verdicts set by hand: what the review panel,
    /// the exports and a host page get, so none contradicts another.
    pub seen: Memo<Review>,
    /// The criterion last opened from a highlight in the text.
    pub opened: RwSignal<Option<CriterionId>>,
    /// The passage last shown in the text, from a criterion card or the
    /// timeline.
    pub shown: RwSignal<Option<Shown>>,
    pub preview: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    pub editor: NodeRef<html::Textarea>,
    pub mirror: NodeRef<html::Div>,
    /// What typing leaves for later. One stored value, not one per field:
    /// each is an arena slot whose creation is compiled inline.
    typing: StoredValue<Typing>,
}

/// What the handlers of the editor keep between a keystroke and the
/// review and rendering that follow it; nothing renders from it.
#[derive(Default)]
struct Typing {
    /// Whether the text's next change was typed in the editor.
    next_change_typed: bool,
    /// The review typing put off, due when typing pauses.
    review_due: Option<TimeoutHandle>,
    /// The change of the text the mirror has not rendered yet.
    unrendered: TextChange,
}

/// A change of the text the mirror has not rendered yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum TextChange {
    #[default]
    None,
    /// One typed edit, which only moved the highlights away from it: the
    /// mirror rebuilds the lines around it alone.
    Typed(Edit),
    /// Anything else: the mirror rebuilds every line.
    Other,
}

/// How long typing pauses before the review runs: longer than the time
/// between two keystrokes of someone typing steadily, so the review
/// neither delays a keystroke nor moves highlights mid-word.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// The most bytes a typed change inserts or removes to count as typing: a
/// key, an autocorrected word, a composed character. A paste, a cut or an
/// inserted section is bigger, and is reviewed at once.
const TYPED_CHANGE_MAX_BYTES: usize = 32;

impl AppState {
    /// Inserts `section` at byte `at` through the textarea, so the
    /// browser's undo can take it back, and shows it: the editor (leaving
    /// the Markdown preview), scrolled to the section, which is selected,
    /// with focus in the editor, so the person sees what was added and can
    /// type over its placeholders.
    pub fn insert_section(&self, at: usize, section: &str) {
        if self.preview.get_untracked() {
            // A hidden textarea takes neither focus nor the insertion: leave
            // the preview, and insert once the editor is drawn again.
            self.preview.set(false);
            let (state, section) = (*self, section.to_string());
            request_animation_frame(move || state.insert_into_editor(at, &section));
        } else {
            self.insert_into_editor(at, section);
        }
    }

    fn insert_into_editor(&self, at: usize, section: &str) {
        let Some(editor) = self.editor.get_untracked() else {
            return;
        };
        let Some((start, first_line)) = self.text.with_untracked(|t| {
            let before = t.get(..at)?;
            // The section's first line, past the blank lines that part it
            // from the text before.
            let blank = section.len() - section.trim_start_matches('\n').len();
            Some((byte_to_utf16(t, at) as u32, before.matches('\n').count() + blank))
        }) else {
            return;
        };
        let value = dom::replace_in_editor(&editor, start, start, section);
        // The browser's input event has normally updated the text already.
        if self.text.with_untracked(|t| *t != value) {
            self.text.set(value);
        }
        // The mirror draws the new lines before the next frame; then the
        // line to scroll to is there, one block per line.
        let state = *self;
        request_animation_frame(move || {
            if let (Some(editor), Some(mirror)) = (state.editor.get_untracked(), state.mirror.get_untracked()) {
                dom::scroll_editor_to(&editor, &mirror, &format!(":scope > div:nth-child({})", first_line + 1));
            }
        });
    }

    /// Opens a criterion's card from its evidence in the text, without
    /// taking the caret away from the editor.
    pub fn open_criterion(&self, id: CriterionId) {
        self.opened.set(Some(id));
        // Stacked on a narrow screen, scrolling to the card would pull the
        // page away from where the person is typing.
        if dom::is_wide_layout()
            && let Some(card) = card_element(id)
        {
            dom::reveal(&card);
        }
    }

    /// Shows a passage that is not evidence (a timeline event's): marks it
    /// in the mirror, scrolls the editor to it and selects it there, so
    /// going back to the editor starts from it. Focus stays where it is.
    pub fn show_passage(&self, passage: std::ops::Range<usize>) {
        self.preview.set(false);
        let (start, end, line) = self.text.with_untracked(|t| {
            (
                byte_to_utf16(t, passage.start) as u32,
                byte_to_utf16(t, passage.end) as u32,
                t.get(..passage.start).map_or(0, |before| before.matches('\n').count()),
            )
        });
        self.shown.set(Some(Shown::Passage(passage)));
        if let (Some(editor), Some(mirror)) = (self.editor.get_untracked(), self.mirror.get_untracked()) {
            let _ = editor.set_selection_range(start, end);
            // The mirror marks the passage on the next microtask; the line
            // it starts on is already there, one block per line.
            dom::scroll_editor_to(&editor, &mirror, &format!(":scope > div:nth-child({})", line + 1));
        }
    }

    /// Whether the editor holds no words yet (whitespace aside): then
    /// there is nothing reviewed to show, only how to start.
    pub fn has_no_text(&self) -> bool {
        self.text.with(|t| t.trim().is_empty())
    }

    /// The criteria whose highlights cover UTF-16 offset `caret`.
    pub fn criteria_at_caret(&self, caret: u32) -> Vec<CriterionId> {
        self.text.with(|t| {
            let at = utf16_to_byte(t, caret as usize);
            self.marks.with(|m| preview::criteria_at(m, at))
        })
    }

    /// Says that the editor's text is about to change by typing.
    pub fn note_typing(&self) {
        self.typing.update_value(|t| t.next_change_typed = true);
    }

    /// Brings the highlights and the review to a change of the text from
    /// `old`. Typing moves the highlights with the words they mark and
    /// puts the review off until it pauses: the keystroke's frame never
    /// waits for the engine, and highlights away from the caret stay put.
    /// Any other change (a paste, a file, a sample, a draft) is reviewed
    /// at once.
    fn follow_text(&self, old: Option<&String>) {
        // A shown passage that is not evidence is bytes of the text as it
        // was: after an edit it would mark the wrong words. Cleared here,
        // with the highlights, so the mirror renders the edit once.
        if self.shown.with_untracked(|s| matches!(s, Some(Shown::Passage(_)))) {
            self.shown.set(None);
        }
        let (due, typed) = self
            .typing
            .try_update_value(|t| (t.review_due.take(), std::mem::take(&mut t.next_change_typed)))
            .unwrap_or_default();
        if let Some(due) = due {
            due.clear();
        }
        // A notice tells what last happened to the draft ("Opened … as a
        // new draft"); typing in it moves on, so an information notice
        // goes. An error stays until something replaces it.
        if typed && self.notice.with_untracked(|n| n.as_ref().is_some_and(|n| !n.is_error)) {
            self.notice.set(None);
        }
        let edit = old.map(|old| self.text.with_untracked(|new| Edit::between(old, new)));
        match edit {
            Some(edit) if typed && edit.removed.max(edit.inserted) <= TYPED_CHANGE_MAX_BYTES => {
                self.marks.update(|marks| preview::move_highlights(marks, edit));
                let this = *self;
                let due = set_timeout_with_handle(
                    move || {
                        this.typing.update_value(|t| t.review_due = None);
                        this.review_now(false);
                    },
                    TYPING_PAUSE,
                );
                self.typing.update_value(|t| {
                    t.unrendered = match t.unrendered {
                        TextChange::None => TextChange::Typed(edit),
                        _ => TextChange::Other,
                    };
                    t.review_due = due.ok();
                });
            }
            _ => {
                self.typing.update_value(|t| t.unrendered = TextChange::Other);
                self.review_now(true);
            }
        }
    }

    /// The change of the text since the mirror last took it.
    pub fn take_unrendered(&self) -> TextChange {
        self.typing.try_update_value(|t| std::mem::take(&mut t.unrendered)).unwrap_or_default()
    }

    /// Runs the review typing put off, if any: before the person does
    /// something with the review (the editor lost focus to do it).
    pub fn review_if_due(&self) {
        if let Some(due) = self.typing.try_update_value(|t| t.review_due.take()).flatten() {
            due.clear();
            self.review_now(false);
        }
    }

    /// Reviews the text and shows what changed: a review or highlights
    /// equal to those shown are not set again, so nothing re-renders. The
    /// mirror follows the text through the highlights, so after a change
    /// of the text (`text_changed`) they are set even when equal.
    fn review_now(&self, text_changed: bool) {
        let review = self.text.with_untracked(|t| engine::review(reviewed_part(t)));
        let marks = preview::highlights(&review);
        if text_changed || self.marks.with_untracked(|m| *m != marks) {
            self.marks.set(marks);
        }
        if self.review.with_untracked(|r| *r != review) {
            self.review.set(review);
        }
    }
}

/// The part of the text the engine reviews: all of it up to the input
/// limit, so a huge paste keeps every character but the page stays
/// responsive. Evidence offsets stay valid, as the part is a prefix.
fn reviewed_part(text: &str) -> &str {
    if text.len() <= crate::input::MAX_BYTES {
        return text;
    }
    let mut end = crate::input::MAX_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// What an element does on an event. Every handler of the app is this one
/// type per event type: tachys compiles the code that attaches a handler
/// once per handler type.
pub(crate) fn handler<E>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// A value of the page that follows the signals it reads: a text, an
/// attribute, a property. Every one of the app is this one type per value
/// type: tachys compiles the effect that renders a reactive value once per
/// closure type.
pub(crate) fn live<T>(f: impl FnMut() -> T + Send + 'static) -> Box<dyn FnMut() -> T + Send> {
    Box::new(f)
}

/// Runs `f` once the app is mounted, and again whenever a signal it read
/// changes. Every effect of the app goes through this one closure type:
/// `Effect::new` compiles its own copy of the effect's task for each
/// closure type it is given, some 3 KB of WebAssembly apiece.
pub(crate) fn effect(f: impl FnMut() + 'static) {
    let erased: Box<dyn FnMut()> = Box::new(f);
    Effect::new(erased);
}

/// Runs `handler` whenever what `deps` reads changes (and first, when
/// `immediate`), with the new and the previous value of `deps`; the
/// handler's own reads are not followed. `Effect::watch` does the same
/// with a task of its own per closure type; this goes through [`effect`].
pub(crate) fn watch<D: 'static>(
    mut deps: impl FnMut() -> D + 'static,
    mut handler: impl FnMut(&D, Option<&D>) + 'static,
    immediate: bool,
) {
    let mut previous: Option<D> = None;
    let mut first = true;
    effect(move || {
        let now = deps();
        if immediate || !std::mem::take(&mut first) {
            untrack(|| handler(&now, previous.as_ref()));
        }
        previous = Some(now);
    });
}

fn card_element(id: CriterionId) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!("[data-criterion=\"{id}\"]"))
        .ok()
        .flatten()
}

#[component]
pub fn App() -> impl IntoView {
    let opened = storage::open(drafts_panel::now(), drafts_panel::fresh_id);
    let problem = RwSignal::new(opened.problem.clone());
    let theme = RwSignal::new(opened.theme);
    let drafts = drafts_panel::Drafts::new(opened, problem);
    let (text, overrides) = (drafts.text, drafts.overrides);
    let review = RwSignal::new(text.with_untracked(|t| engine::review(reviewed_part(t))));
    let marks = RwSignal::new(review.with_untracked(preview::highlights));
    let seen = Memo::new(move |_| review.with(|r| overrides.with(|o| export::as_seen(r, o))));
    let state = AppState {
        text,
        overrides,
        review,
        marks,
        seen,
        opened: RwSignal::new(None),
        shown: RwSignal::new(None),
        preview: RwSignal::new(false),
        notice: RwSignal::new(None),
        editor: NodeRef::new(),
        mirror: NodeRef::new(),
        typing: StoredValue::new(Typing::default()),
    };
    provide_context(state);
    watch(move || text.get(), move |_, old| state.follow_text(old), false);
    embed::start(state, drafts);
    // Say once, when the text grows past the limit, that the rest is kept
    // but not reviewed; back under it, the notice goes, as it no longer
    // tells the truth.
    watch(
        move || text.with(|t| t.len() > crate::input::MAX_BYTES),
        move |&over, previous| {
            let message = format!(
                "This text is over {} MB: only its first {} MB are reviewed. All of it is kept.",
                crate::input::MAX_BYTES / 1_048_576,
                crate::input::MAX_BYTES / 1_048_576
            );
            if over && previous != Some(&true) {
                state.notice.set(Some(Notice { message, is_error: true }));
            } else if !over && state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.message == message)) {
                state.notice.set(None);
            }
        },
        true,
    );

    provide_context(drafts);
    drafts.keep_saved();

    effect(move || {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.get().as_str());
        }
    });
    let theme_label = move || format!("Colour theme: {}. Change theme", theme.get().as_str());
    let next_theme = move |_| {
        let next = match theme.get_untracked() {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        };
        theme.set(next);
        drafts.save_theme(next);
    };

    view! {
        <a class="skip-link" href="#editor">"Skip to the editor"</a>
        // One slim bar: the drafts are a menu in it, so the first screen
        // is the editor and the review.
        <header class="app-header">
            <div class="brand">
                <h1>"Postmortem Reviewer"</h1>
                <p class="tagline">
                    "Checks a postmortem against the twelve "
                    <cite>"Upside of Downtime"</cite>
                    " criteria. Private: your text never leaves this browser."
                </p>
            </div>
            <drafts_panel::DraftsPanel />
            <div class="toolbar" role="group" aria-label="Document">
                <SamplePicker />
                <editor::FilePicker />
                <button
                    type="button"
                    class="button"
                    data-testid="theme-toggle"
                    aria-label=live(theme_label)
                    title=live(theme_label)
                    on:click=handler(next_theme)
                >
                    // Below 1440 px its icon alone (drawn by the CSS for the
                    // page's theme), so the header keeps to one row from
                    // 1024 px up and to two on a phone; its title names it
                    // to a pointer.
                    <span class="theme-icon" aria-hidden="true"></span>
                    <span class="theme-name">{live(move || format!("Theme: {}", theme.get().as_str()))}</span>
                </button>
            </div>
        </header>
        <div
            class="banner"
            role="status"
            data-testid="status-banner"
            data-problem=live(move || problem.with(|p| p.as_ref().map(problem_kind)))
            hidden=live(move || problem.with(|p| p.is_none()))
        >
            <p>{live(move || problem.with(|p| p.as_ref().map(|p| p.to_string())))}</p>
            <drafts_panel::StorageActions />
            <button
                type="button"
                class="button small"
                data-testid="status-dismiss"
                on:click=handler(move |_| problem.set(None))
            >
                "Dismiss"
            </button>
        </div>
        <main class="workspace" id="main">
            <editor::Editor />
            <review_panel::ReviewPanel />
        </main>
        <footer class="app-footer">
            <p>
                "The review is a guide, not a grade: set any verdict by hand when you know better. Drafts are kept in this browser only."
            </p>
        </footer>
        <PhoneTabs />
        <announcer::Announcer />
    }
}

/// On a phone the review is below the editor: this bar, always in reach
/// at the bottom of the screen, goes from one to the other in one tap and
/// shows the counts meanwhile. Hidden by CSS where both are side by side.
#[component]
fn PhoneTabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move |verdict: engine::Verdict| {
        state.seen.with(|r| r.criteria.iter().filter(|c| c.verdict == verdict).count())
    };
    let to_review = move |_| {
        if let Some(heading) = document()
            .get_element_by_id("review-heading")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // To the top of the screen, so the scorecard shows whole.
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    };
    let to_editor = move |_| {
        if let Some(editor) = state.editor.get_untracked() {
            let _ = editor.focus();
            dom::reveal(&editor);
        }
    };
    view! {
        <nav class="phone-tabs" aria-label="Views" data-testid="phone-tabs">
            <button type="button" class="phone-tab" data-testid="tab-editor" on:click=handler(to_editor)>
                "Write"
            </button>
            <button type="button" class="phone-tab" data-testid="tab-review" on:click=handler(to_review)>
                "Review "
                // An empty editor has nothing reviewed yet: no "✗12".
                {[engine::Verdict::Met, engine::Verdict::Partial, engine::Verdict::Missing]
                    .map(|v| view! {
                        <span class="tab-count" hidden=live(move || state.has_no_text())>
                            <span aria-hidden="true">{export::verdict_icon(v)}</span>
                            {live(move || count(v))}
                            <span class="visually-hidden">{format!(" {v},")}</span>
                        </span>
                    })}
            </button>
        </nav>
    }
}

fn problem_kind(problem: &StorageProblem) -> &'static str {
    match problem {
        StorageProblem::Unavailable => "unavailable",
        StorageProblem::NotSaved { .. } => "not-saved",
        StorageProblem::Quarantined { .. } => "quarantined",
        StorageProblem::Unreadable => "unreadable",
    }
}

#[component]
fn SamplePicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let drafts = expect_context::<drafts_panel::Drafts>();
    let chosen = move || {
        document()
            .get_element_by_id("sample-choice")
            .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| select.value().parse::<usize>().ok())
            .and_then(|i| samples::SAMPLES.get(i))
            .unwrap_or(&samples::SAMPLES[0])
    };
    view! {
        <label class="visually-hidden" for="sample-choice">"Sample postmortem"</label>
        <select
            id="sample-choice"
            class="select"
            data-testid="sample-choice"
        >
            {samples::SAMPLES
                .iter()
                .enumerate()
                .map(|(i, s)| view! { <option value=i.to_string()>{s.label}</option> })
                .collect_view()}
        </select>
        <button
            type="button"
            class="button"
            data-testid="load-sample"
            on:click=handler(move |_| {
                let sample = chosen();
                drafts.open_text(state, sample.text.to_string(), &format!("the sample \u{201c}{}\u{201d}", sample.label));
            })
        >
            "Load"
            <span class="wide-only">" sample"</span>
        </button>
    }
}
