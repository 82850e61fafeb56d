// Loads the WebAssembly app and its service worker. A file of its own, not
// an inline script, so the page works under a Content-Security-Policy of
// script-src 'self'. index.html runs the wasm-bindgen glue first, which
// defines wasm_bindgen.

wasm_bindgen({ module_or_path: "./postmortem-reviewer-web_bg.wasm" });

// Offline after the first load. A new deployment installs beside the running
// one and waits; the person chooses when to reload into it, so an edit in
// progress is never interrupted.
//
// The flag and the banner live at the module's top level, not inside the
// `if` below: Trunk's minifier hoists a function declared in a block out of
// it, and the hoisted banner then set a `reloading` it could no longer see
// (a ReferenceError in a module), so "Reload to update" did nothing.
let reloading = false;

function showUpdateBanner(worker) {
  if (document.querySelector("[data-testid=update-banner]")) return;
  const banner = document.createElement("div");
  banner.className = "update-banner";
  banner.setAttribute("role", "status");
  banner.dataset.testid = "update-banner";
  banner.textContent = "A new version of Postmortem Reviewer is ready. ";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload to update";
  button.dataset.testid = "update-reload";
  button.addEventListener("click", () => {
    reloading = true;
    worker.postMessage("skip-waiting");
  });
  banner.append(button);
  document.body.append(banner);
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("./sw.js")
    .then((registration) => {
      const offer = (worker) => {
        if (worker && navigator.serviceWorker.controller) showUpdateBanner(worker);
      };
      offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed") offer(worker);
        });
      });
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") registration.update().catch(() => {});
      });
    })
    .catch((error) => console.warn("Offline support is unavailable:", error));

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
}
