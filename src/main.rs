//! The WebAssembly entry point: mount the app. Trunk builds this for
//! wasm32; a native build (as `cargo test` makes of every binary) only says
//! where to look instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(postmortem_reviewer::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("postmortem-reviewer-web is the browser app: build it with `trunk build --release`.");
    eprintln!("To review a file natively, run `postmortem-review FILE`.");
    std::process::exit(2);
}
