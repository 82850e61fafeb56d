//! The incident's timeline under the scorecard, as
//! [`crate::timeline_view`] builds it from the engine's; a click on any
//! part that carries a passage (an event's button, its marker on the
//! chart, a note's link) shows that passage in the text.

use super::AppState;
use crate::timeline_view::timeline_html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

/// The byte range a clicked element of the timeline carries, if any.
fn clicked_passage(ev: &MouseEvent) -> Option<std::ops::Range<usize>> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let carrier = target.closest("[data-start]").ok()??;
    let read = |name| carrier.get_attribute(name)?.parse::<usize>().ok();
    Some(read("data-start")?..read("data-end")?)
}

#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only a change to the timeline replaces its HTML, not every keystroke.
    let html = Memo::new(move |_| state.review.with(|r| timeline_html(&r.timeline)));
    view! {
        <section
            class="timeline"
            aria-labelledby="timeline-heading"
            data-testid="timeline"
            on:click=move |ev| {
                if let Some(passage) = clicked_passage(&ev) {
                    state.show_passage(passage);
                }
            }
        >
            <h3 id="timeline-heading">"Timeline"</h3>
            <div inner_html=move || html.get()></div>
        </section>
    }
}
