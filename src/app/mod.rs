//! The web app: a text area and the review of what is in it.

use crate::engine::{self, Verdict};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let review = Memo::new(move |_| engine::review(&text.get()));
    view! {
        <main class="app">
            <h1>"Postmortem Reviewer"</h1>
            <label for="editor">"Your postmortem (Markdown or plain text)"</label>
            <textarea
                id="editor"
                data-testid="editor"
                spellcheck="true"
                prop:value=move || text.get()
                on:input=move |ev| set_text.set(event_target_value(&ev))
            ></textarea>
            <p data-testid="summary">{move || review.get().summary}</p>
            <ul class="criteria">
                <For
                    each=move || review.get().criteria
                    key=|c| (c.id, c.verdict, c.reason.clone())
                    children=|c| {
                        let word = match c.verdict {
                            Verdict::Met => "met",
                            Verdict::Partial => "partial",
                            Verdict::Missing => "missing",
                        };
                        view! {
                            <li data-criterion=c.id.as_str() data-verdict=word>
                                <strong>{c.id.as_str()} " " {c.name}</strong>
                                " — " {word} ": " {c.reason}
                            </li>
                        }
                    }
                />
            </ul>
        </main>
    }
}
