//! Browser tests: the release build in `dist/`, served on 127.0.0.1, in
//! real headless Chromium. Run by scripts/test.sh after `trunk build --release`.

mod drafts;
mod embedding;
mod glance;
mod harness;
mod latency;
mod layout;
mod reference;
mod shipping;
mod suggestions;
mod timeline;
mod typing;
mod ui;

#[path = "../support/corpus.rs"]
mod corpus;
