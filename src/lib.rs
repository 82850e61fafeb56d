//! Reviews incident postmortems against the twelve criteria of the
//! "Upside of Downtime" framework.
//!
//! [`engine`] is pure Rust (`text → Review`) and runs everywhere: the
//! `postmortem-review` CLI, the tests and benchmarks, and the web app, which
//! sits behind the default `web` feature and is built for wasm32 only.

pub mod drafts;
pub mod embed;
pub mod engine;
pub mod export;
pub mod input;
pub mod json_text;
pub mod preview;
pub mod sorting;
pub mod timeline_view;

#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod app;

#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
#[cfg(not(target_arch = "wasm32"))]
pub mod learn;
#[cfg(not(target_arch = "wasm32"))]
pub mod timeline_agreement;
