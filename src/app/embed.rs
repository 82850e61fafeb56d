//! The reviewer inside a host page's `<iframe>`: the compact layout for
//! `?embed=1`, and the `postMessage` bridge. What is accepted is decided by
//! [`crate::embed`]; this module only moves messages between it and the
//! browser.

use super::{AppState, effect};
use super::drafts_panel::Drafts;
use crate::embed::{self, EmbedConfig, HostMessage};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Reads the page's URL, and when it asks for embedding, sets the compact
/// layout and starts listening to the allowed host origins.
pub fn start(state: AppState, drafts: Drafts) {
    let search = window().location().search().unwrap_or_default();
    let config = embed::config_from_query(&search);
    if config.compact
        && let Some(root) = document().document_element()
    {
        let _ = root.set_attribute("data-embed", "");
    }
    if config.hosts.is_empty() {
        return;
    }
    let Some(parent) = window().parent().ok().flatten() else {
        return;
    };

    let listener_config = config.clone();
    let on_message = window_event_listener(leptos::ev::message, move |event| {
        let data = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        match embed::accept(&listener_config, &event.origin(), &data) {
            // Its own draft: the frame may share storage with the
            // standalone app, where the person's own draft is open.
            Ok(HostMessage::Load { text }) => drafts.open_text(state, text, "the text sent by the host page"),
            Err(why) => web_sys::console::warn_1(&JsValue::from_str(&why.to_string())),
        }
    });
    on_cleanup(move || on_message.remove());

    post(&parent, &config, &embed::ready_message());
    effect(move || {
        let message = state.seen.with(embed::review_message);
        post(&parent, &config, &message);
    });
}

/// Sends to each allowed origin; the browser drops a message whose target
/// origin is not the parent's, so the review reaches only an allowed host.
fn post(parent: &web_sys::Window, config: &EmbedConfig, message: &str) {
    let Ok(value) = js_sys::JSON::parse(message) else {
        return;
    };
    for host in &config.hosts {
        let _ = parent.post_message(&value, host);
    }
}
