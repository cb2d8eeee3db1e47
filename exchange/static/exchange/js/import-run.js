// An import run's page, while the run goes on: ask for its status every two seconds, move the
// progress bar and the status line, and load the page again (with its report) when it ends.
// Without JavaScript a <noscript> meta refresh reloads the whole page instead.
(function () {
  "use strict";
  const section = document.querySelector("[data-import-run]");
  if (!section || section.getAttribute("data-finished") === "true") return;
  const url = section.getAttribute("data-import-run");
  const bar = document.querySelector("[data-run-progress]");
  const count = document.querySelector("[data-run-count]");
  const status = document.querySelector("[data-run-status]");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        if (run.finished) { window.location.reload(); return; }
        status.textContent = run.status_label + (run.stage ? ": " + run.stage : "");
        if (run.total) {
          bar.max = run.total;
          bar.value = run.done;
          bar.textContent = run.percent + "%";
          count.textContent = run.done + " of " + run.total;
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
