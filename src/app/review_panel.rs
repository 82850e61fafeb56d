//! The review beside the editor: the summary, the three tiers with their
//! counts, one card per criterion, overrides and export.

use super::drafts_panel::Drafts;
use super::editor::focus_card;
use super::timeline_panel::TimelinePanel;
use super::{AppState, dom, effect, handler, live, samples};
use crate::engine::{self, CriterionId, Tier, Verdict};
use crate::export::{self, Override, verdict_icon};
use crate::preview::Shown;
use leptos::prelude::*;
use leptos::either::Either;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

const VERDICTS: [Verdict; 3] = [Verdict::Met, Verdict::Partial, Verdict::Missing];

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "Met",
        Verdict::Partial => "Partial",
        Verdict::Missing => "Missing",
    }
}

/// A verdict in a few words, after its name in the scorecard's legend.
fn verdict_meaning(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => ": the text does it.",
        Verdict::Partial => ": a start, with something to add.",
        Verdict::Missing => ": not found in the text.",
    }
}

#[component]
pub fn ReviewPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let override_count = move || state.overrides.with(|o| o.len());
    let is_empty = move || state.has_no_text();
    view! {
        <section class="review-pane" aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1">"Review"</h2>
            <StartHere />
            <div class="review-body" data-testid="review-body" hidden=live(is_empty)>
                <Scorecard />
                // The verdict in a sentence: the scorecard above already gives the
                // counts and the next thing to add, which the summary repeats.
                <p class="summary" data-testid="summary">{live(move || state.seen.with(|r| engine::verdict_in_a_sentence(&r.criteria, &r.tiers)))}</p>
                // Export and print under the verdict, where a person who has
                // read it looks next: below twelve cards they were a long
                // scroll and some forty Tab presses away.
                <ExportBar />
                <TimelinePanel />
                <p class="override-count" data-testid="override-count" hidden=live(move || override_count() == 0)>
                    {live(move || match override_count() {
                        1 => "1 verdict is set by hand; the counts below include it.".to_string(),
                        n => format!("{n} verdicts are set by hand; the counts below include them."),
                    })}
                </p>
                {Tier::ALL.into_iter().map(|tier| view! { <TierSection tier /> }).collect_view()}
            </div>
        </section>
    }
}

/// What an empty editor's review says: how to begin, not twelve cards
/// that each say "missing".
#[component]
fn StartHere() -> impl IntoView {
    let state = expect_context::<AppState>();
    let is_empty = move || state.has_no_text();
    let drafts = expect_context::<Drafts>();
    let sample = &samples::SAMPLES[0];
    view! {
        <div class="start" data-testid="start" hidden=live(move || !is_empty())>
            <p class="start-lead">"The review of your postmortem appears here as you write. To begin:"</p>
            <ol class="start-steps">
                <li>"Paste or type it in the editor, or drop a text file (.md, .txt, .html …) on it."</li>
                <li>
                    // Each control is named as in the toolbar, where the
                    // person will find it again.
                    <label for="file-input" class="button small">"Open file…"</label>
                    " from your computer."
                </li>
                <li>
                    <button
                        type="button"
                        class="button small"
                        data-testid="start-sample"
                        on:click=handler(move |_| {
                            drafts.open_text(state, sample.text.to_string(), &format!("the sample \u{201c}{}\u{201d}", sample.label));
                        })
                    >
                        "Load sample"
                    </button>
                    {format!(" \u{201c}{}\u{201d} to see a review first.", sample.label)}
                </li>
            </ol>
            <p class="muted">
                "Twelve criteria in three tiers: prerequisites (tone), requirements (facts) and bonus. Each is met, partial or missing, with its evidence highlighted in your text and, for a gap, what to add."
            </p>
        </div>
    }
}

/// The review at a glance: each criterion's verdict as a chip, three tiers
/// of four, with the tier's count, and the one thing to add next.
#[component]
fn Scorecard() -> impl IntoView {
    let state = expect_context::<AppState>();
    // As the summary orders it: prerequisites first, then requirements,
    // then bonus; within a tier, missing before partial.
    let next = move || {
        state.seen.with(|r| {
            Tier::ALL.into_iter().find_map(|tier| {
                [Verdict::Missing, Verdict::Partial].into_iter().find_map(|v| {
                    r.criteria
                        .iter()
                        .find(|c| c.tier == tier && c.verdict == v)
                        .map(|c| (c.id, c.verdict, c.suggestion.clone().unwrap_or_default()))
                })
            })
        })
    };
    view! {
        <div class="scorecard" data-testid="scorecard">
            <table class="score-grid">
                <caption class="visually-hidden">"The twelve criteria, by tier"</caption>
                {Tier::ALL.into_iter().map(|tier| {
                    let met = move || state.seen.with(|r| r.tiers.iter().find(|t| t.tier == tier).map_or(0, |t| t.met));
                    view! {
                        // The tier's name above its four chips, so the chips
                        // keep the width for their words on a phone.
                        <tbody class=format!("tier-{}", tier.name().to_ascii_lowercase())>
                            <tr>
                                <th scope="rowgroup" colspan="4" class="score-tier">
                                    {tier.name()}
                                    <span class="score-tier-count" data-testid="score-tier-count">{live(move || format!("{} of 4 met", met()))}</span>
                                </th>
                            </tr>
                            <tr>
                                {CriterionId::ALL
                                    .into_iter()
                                    .filter(|id| id.tier() == tier)
                                    .map(|id| view! { <td><VerdictChip id /></td> })
                                    .collect_view()}
                            </tr>
                        </tbody>
                    }
                }).collect_view()}
            </table>
            // What the three verdicts mean, for whoever meets them first:
            // the chips give only an icon, an id and a word.
            <p class="score-legend" data-testid="score-legend">
                {VERDICTS.map(|v| view! {
                    <span class=format!("legend-verdict verdict-{v}")>
                        <strong><span aria-hidden="true">{verdict_icon(v)}</span>" "{verdict_word(v)}</strong>
                        {verdict_meaning(v)}
                    </span>
                    " "
                })}
                "Press a criterion to see why, with its evidence and what to add."
            </p>
            {move || match next() {
                None => Either::Left(view! {
                    <p class="next" data-testid="next-step">"Every criterion is met. Nothing to add."</p>
                }),
                Some((id, verdict, suggestion)) => Either::Right(view! {
                    <p class="next" data-testid="next-step" data-criterion-next=id.as_str()>
                        <strong>{if verdict == Verdict::Missing { "Next to add: " } else { "Next to strengthen: " }}</strong>
                        <button
                            type="button"
                            class="link-button"
                            data-testid="next-open"
                            on:click=handler(move |_| {
                                state.open_criterion(id);
                                focus_card(id);
                            })
                        >
                            {format!("{id} {}", engine::guidance(id).name)}
                        </button>
                        ". "
                        {suggestion}
                    </p>
                }),
            }}
        </div>
    }
}

/// One criterion in the scorecard: icon and word, never colour alone; a
/// press goes to its card.
#[component]
fn VerdictChip(id: CriterionId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let verdict = move || state.seen.with(|r| r.get(id).verdict);
    let name = engine::guidance(id).name;
    view! {
        <button
                type="button"
                class=live(move || format!("chip verdict-{}", verdict()))
                data-chip=id.as_str()
                data-testid=format!("chip-{id}")
                data-verdict=live(move || verdict().as_str())
                title=name
                on:click=handler(move |_| {
                    state.open_criterion(id);
                    focus_card(id);
                })
            >
                <span class="chip-icon" aria-hidden="true">{live(move || verdict_icon(verdict()))}</span>
                <span class="chip-id">{id.as_str()}</span>
                <span class="visually-hidden">{format!(" {name}:")}</span>
            <span class="chip-word">{live(move || verdict_word(verdict()))}</span>
        </button>
    }
}

#[component]
fn TierSection(tier: Tier) -> impl IntoView {
    let state = expect_context::<AppState>();
    let counts = move || {
        state.seen.with(|r| {
            r.tiers
                .iter()
                .find(|t| t.tier == tier)
                .map(|t| (t.met, t.partial, t.missing))
                .unwrap_or_default()
        })
    };
    let slug = tier.name().to_ascii_lowercase();
    let heading_id = format!("tier-{slug}");
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("tier tier-{slug}") aria-labelledby=labelled_by>
            <h3 id=heading_id>
                <span class="tier-name">{tier.name()}</span>
                <span class="tier-counts" data-testid=format!("tier-counts-{slug}")>
                    {live(move || {
                        let (met, partial, missing) = counts();
                        format!("{met} met · {partial} partial · {missing} missing")
                    })}
                </span>
            </h3>
            <ul class="cards">
                {CriterionId::ALL
                    .into_iter()
                    .filter(|id| id.tier() == tier)
                    .map(|id| view! { <CriterionCard id /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CriterionCard(id: CriterionId) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Plain closures, not memos: each reads one field of the review, and
    // every memo type costs the WebAssembly its own code.
    let verdict = move || state.seen.with(|r| r.get(id).verdict);
    let is_overridden = move || state.seen.with(|r| r.get(id).set_by_hand.is_some());
    // The card's quotes, as a memo: a review that changed other cards'
    // passages leaves this card's list as it is.
    let quotes = Memo::new(move |_| state.review.with(|r| r.get(id).evidence.iter().map(|e| e.text.clone()).collect::<Vec<_>>()));
    let evidence_count = move || quotes.with(Vec::len);
    let has_suggestion = move || state.seen.with(|r| r.get(id).suggestion.is_some());
    let editing = RwSignal::new(false);
    let expanded = RwSignal::new(false);
    // Where focus goes back to when the override form closes or the
    // verdict is reset: the control that opened it, not the page's top.
    let override_button = NodeRef::<leptos::html::Button>::new();
    let refocus = move || {
        if let Some(button) = override_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let is_opened = move || state.opened.get() == Some(id);
    let heading_id = format!("card-{id}");
    let labelled_by = heading_id.clone();

    let show_next_evidence = move |_| {
        let count = untrack(evidence_count);
        if count == 0 {
            return;
        }
        let next = match state.shown.get_untracked() {
            Some(Shown::Evidence(shown, i)) if shown == id => (i + 1) % count,
            _ => 0,
        };
        state.preview.set(false);
        state.shown.set(Some(Shown::Evidence(id, next)));
        // The mirror is re-rendered on the next microtask; the passage's
        // position does not depend on the class it gains.
        if let (Some(editor), Some(mirror)) =
            (state.editor.get_untracked(), state.mirror.get_untracked())
        {
            dom::scroll_editor_to(
                &editor,
                &mirror,
                &format!("mark[data-evidence=\"{id}\"][data-index=\"{next}\"]"),
            );
        }
    };
    let shown_label = move || {
        let count = evidence_count();
        match state.shown.get() {
            Some(Shown::Evidence(shown, i)) if shown == id => format!("Show in text ({} of {count})", i + 1),
            _ if count == 1 => "Show in text".to_string(),
            _ => format!("Show in text ({count} passages)"),
        }
    };
    let insert_skeleton = move |_| {
        let skeleton = engine::guidance(id).skeleton;
        let insertion = state
            .text
            .with_untracked(|t| export::skeleton_insertion(t, skeleton));
        state.insert_section(insertion.at, &insertion.text);
    };

    view! {
        <li
            class=live(move || format!("card verdict-{}", verdict()))
            class:opened=live(is_opened)
            data-criterion=id.as_str()
            data-verdict=live(move || verdict().as_str())
            data-overridden=live(move || is_overridden().then_some("true"))
        >
            <article aria-labelledby=labelled_by>
                <h4 id=heading_id tabindex="-1">
                    <span class="verdict">
                        <span class="verdict-icon" aria-hidden="true">{live(move || verdict_icon(verdict()))}</span>
                        <span class="verdict-word">{live(move || verdict_word(verdict()))}</span>
                    </span>
                    <span class="criterion-id">{id.as_str()}</span>
                    <span class="criterion-name">{engine::guidance(id).name}</span>
                </h4>
                // A verdict set by hand replaces the engine's reason with
                // the person's: the reason argued for the verdict they set
                // aside. What the engine says stays in a line, as Reset
                // goes back to it; its suggestion stays below.
                <div class="overridden" data-testid="override-status" hidden=live(move || !is_overridden())>
                    <p>
                        <strong>"Set by hand"</strong>
                        {live(move || {
                            state.seen.with(|r| {
                                r.get(id).set_by_hand.as_ref().map(|hand| match hand.note.trim() {
                                    "" => ", with no note.".to_string(),
                                    note => format!(": {note}"),
                                })
                            })
                        })}
                    </p>
                    <p class="engine-verdict">
                        {live(move || {
                            state.seen.with(|r| {
                                r.get(id).set_by_hand.as_ref().map(|hand| {
                                    format!("The review says {}; Reset goes back to it.", hand.engine_verdict)
                                })
                            })
                        })}
                    </p>
                </div>
                <p class="reason" data-testid="reason" hidden=live(is_overridden)>{live(move || state.review.with(|r| r.get(id).reason.clone()))}</p>
                <p class="suggestion" hidden=live(move || !has_suggestion())>
                    <strong>"To add: "</strong>
                    {live(move || state.seen.with(|r| r.get(id).suggestion.clone()))}
                </p>
                <details
                    class="evidence"
                    prop:open=live(is_opened)
                    hidden=live(move || evidence_count() == 0)
                    on:toggle=handler(move |ev| expanded.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open()))
                >
                    <summary>{live(move || format!("Evidence ({})", evidence_count()))}</summary>
                    // Quotes exist only while shown: twelve closed lists need
                    // not be rebuilt on every keystroke.
                    <ol>
                        {move || {
                            expanded
                                .get()
                                .then(|| {
                                    quotes.with(|quotes| {
                                        quotes
                                            .iter()
                                            .map(|quote| view! { <li><blockquote>{quote.clone()}</blockquote></li> })
                                            .collect_view()
                                    })
                                })
                        }}
                    </ol>
                </details>
                <div class="card-actions">
                    <button
                        type="button"
                        class="button small"
                        data-testid="show-evidence"
                        hidden=live(move || evidence_count() == 0)
                        on:click=handler(show_next_evidence)
                    >
                        {live(shown_label)}
                    </button>
                    <button
                        type="button"
                        class="button small"
                        data-testid="insert-skeleton"
                        hidden=live(move || !has_suggestion())
                        on:click=handler(insert_skeleton)
                    >
                        "Insert section"
                    </button>
                    <button
                        type="button"
                        class="button small"
                        data-testid="override"
                        node_ref=override_button
                        aria-expanded=live(move || editing.get().to_string())
                        on:click=handler(move |_| editing.update(|e| *e = !*e))
                    >
                        {live(move || if is_overridden() { "Edit verdict" } else { "Set verdict…" })}
                    </button>
                    <button
                        type="button"
                        class="button small"
                        data-testid="override-reset"
                        hidden=live(move || !is_overridden())
                        on:click=handler(move |_| {
                            state.overrides.update(|o| {
                                o.remove(&id);
                            });
                            editing.set(false);
                            refocus();
                        })
                    >
                        "Reset"
                    </button>
                </div>
                {move || editing.get().then(|| view! { <OverrideForm id editing refocus /> })}
            </article>
        </li>
    }
}

/// Sets a criterion's verdict by hand, with a note on why. The fields are
/// read when the form is saved, so typing a note re-renders nothing.
#[component]
fn OverrideForm(id: CriterionId, editing: RwSignal<bool>, refocus: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (current, note) = state.overrides.with_untracked(|o| match o.get(&id) {
        Some(o) => (o.verdict, o.note.clone()),
        None => (
            state.review.with_untracked(|r| r.get(id).verdict),
            String::new(),
        ),
    });
    let select_id = format!("override-verdict-{id}");
    let select_label_for = select_id.clone();
    let note_id = format!("override-note-{id}");
    let note_label_for = note_id.clone();
    let note_field = NodeRef::<leptos::html::Textarea>::new();
    let verdict_field = NodeRef::<leptos::html::Select>::new();
    // The form opens where the keyboard is going: on its first field.
    effect(move || {
        if let Some(select) = verdict_field.get() {
            let _ = select.focus();
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = document()
            .get_element_by_id(&format!("override-verdict-{id}"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| Verdict::parse(&select.value()));
        let note = note_field
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        if let Some(verdict) = chosen {
            state.overrides.update(|o| {
                o.insert(id, Override { verdict, note });
            });
        }
        editing.set(false);
        refocus();
    };
    view! {
        <form
            class="override-form"
            on:submit=handler(save)
            // Escape cancels, as it closes the drafts menu.
            on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    editing.set(false);
                    refocus();
                }
            })
            aria-label=format!("Set the verdict of {id} by hand")
        >
            <label for=select_label_for>"Verdict"</label>
            <select id=select_id class="select" data-testid="override-verdict" node_ref=verdict_field>
                {VERDICTS
                    .into_iter()
                    .map(|v| {
                        view! {
                            <option value=v.as_str() selected=v == current>
                                {verdict_word(v)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for=note_label_for>"Note (why)"</label>
            <textarea id=note_id rows="2" data-testid="override-note" node_ref=note_field prop:value=note></textarea>
            <div class="card-actions">
                <button type="submit" class="button small primary" data-testid="override-save">
                    "Save verdict"
                </button>
                <button
                    type="button"
                    class="button small"
                    data-testid="override-cancel"
                    on:click=handler(move |_| {
                        editing.set(false);
                        refocus();
                    })
                >
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

/// How long "Copied the review as …" stays beside the export buttons.
const COPIED_NOTE_LASTS: std::time::Duration = std::time::Duration::from_secs(4);

#[component]
fn ExportBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(String::new());
    let markdown = move || state.seen.with(export::markdown);
    let json = move || state.seen.with(|r| r.to_json());
    let copy = move |text: String, what: &'static str| {
        spawn_local(async move {
            if dom::copy_to_clipboard(&text).await {
                // A confirmation that stayed would go on vouching for a
                // review the text has since moved past: it goes after a
                // few seconds, unless a later copy has replaced it. A
                // refusal stays, since it says what to do instead.
                let copied = format!("Copied the review as {what}.");
                status.set(copied.clone());
                set_timeout(
                    move || {
                        if status.with_untracked(|now| *now == copied) {
                            status.set(String::new());
                        }
                    },
                    COPIED_NOTE_LASTS,
                );
            } else {
                status.set("The browser did not allow copying; use Download instead.".to_string());
            }
        });
    };
    view! {
        <div class="export" role="group" aria-label="Export the review">
            <button
                type="button"
                class="button small"
                data-testid="export-markdown"
                on:click=handler(move |_| dom::download("postmortem-review.md", "text/markdown;charset=utf-8", &markdown()))
            >
                "Download Markdown"
            </button>
            <button
                type="button"
                class="button small"
                data-testid="copy-markdown"
                on:click=handler(move |_| copy(markdown(), "Markdown"))
            >
                "Copy Markdown"
            </button>
            <button
                type="button"
                class="button small"
                data-testid="export-json"
                on:click=handler(move |_| dom::download("postmortem-review.json", "application/json", &json()))
            >
                "Download JSON"
            </button>
            <button
                type="button"
                class="button small"
                data-testid="copy-json"
                on:click=handler(move |_| copy(json(), "JSON"))
            >
                "Copy JSON"
            </button>
            <button
                type="button"
                class="button small"
                data-testid="print"
                on:click=handler(move |_| {
                    let _ = window().print();
                })
            >
                "Print"
            </button>
            <span class="export-status" role="status" data-testid="export-status">{live(move || status.get())}</span>
        </div>
    }
}
