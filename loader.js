// Loads the WebAssembly app. A file of its own, not an inline script, so the
// page works under a Content-Security-Policy of script-src 'self'.
import init from "./postmortem-reviewer-web.js";

init({ module_or_path: "./postmortem-reviewer-web_bg.wasm" });
