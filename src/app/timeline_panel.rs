//! The incident's timeline under the scorecard, as
//! [`crate::timeline_view`] builds it from the engine's; a click on any
//! part that carries a passage (an event's button, its marker on the
//! chart, a note's link) shows that passage in the text.

use super::{AppState, handler, live};
use crate::engine::timeline::Timeline;
use crate::timeline_view::timeline_html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

/// The passage a click on the timeline shows: the event's or the note's
/// whose index the clicked element (or its ancestor) carries.
fn clicked_passage(ev: &MouseEvent, timeline: &Timeline) -> Option<std::ops::Range<usize>> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let carrier = target.closest("[data-event], [data-note]").ok()??;
    let index = |name| carrier.get_attribute(name)?.parse::<usize>().ok();
    match index("data-event") {
        Some(i) => timeline.events.get(i).map(|e| e.start..e.end),
        None => timeline
            .notes
            .get(index("data-note")?)
            .and_then(|n| Some(n.start?..n.end?)),
    }
}

#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section
            class="timeline"
            aria-labelledby="timeline-heading"
            data-testid="timeline"
            on:click=handler(move |ev| {
                if let Some(passage) = state.review.with_untracked(|r| clicked_passage(&ev, &r.timeline)) {
                    state.show_passage(passage);
                }
            })
        >
            <h3 id="timeline-heading">"Timeline"</h3>
            // Only a change to what the timeline shows replaces its HTML,
            // not every review: an inner HTML equal to the last is not set
            // again (so no memo, whose machinery is compiled per type).
            <div inner_html=live(move || state.review.with(|r| timeline_html(&r.timeline)))></div>
        </section>
    }
}
