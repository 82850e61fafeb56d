//! The WebAssembly entry point: mount the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(postmortem_reviewer::app::App);
}
