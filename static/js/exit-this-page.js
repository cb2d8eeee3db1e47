/*
 * "Exit this page", after the GOV.UK Design System's component, for the pages of sensitive needs
 * and their services (templates/_exit_this_page.html).
 *
 * Without JavaScript the button is a plain link to an everyday website. With it:
 * - pressing the button, or the Shift key 3 times within 5 seconds, hides the page at once and
 *   replaces it with that website using location.replace, so this page leaves the history and
 *   the back button does not return to it;
 * - Shift counts only when pressed on its own, so typing capital letters never leaves the page;
 *   a polite live region says how many more presses are needed.
 */
(function () {
    "use strict";

    const container = document.querySelector("[data-exit-this-page]");
    const button = container && container.querySelector("a[href]");
    if (!button) {
        return;
    }
    const PRESSES = 3;
    const WINDOW_MS = 5000;

    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    container.appendChild(status);

    const indicator = document.createElement("span");
    indicator.className = "exit-this-page__indicator";
    indicator.setAttribute("aria-hidden", "true");
    for (let index = 0; index < PRESSES; index += 1) {
        indicator.appendChild(document.createElement("span"));
    }
    button.appendChild(indicator);

    let presses = 0;
    let timer = null;
    let lastKeyWasModified = false;

    function showPresses() {
        indicator.classList.toggle("exit-this-page__indicator--visible", presses > 0);
        Array.prototype.forEach.call(indicator.children, function (dot, index) {
            dot.classList.toggle("exit-this-page__indicator-dot--on", index < presses);
        });
    }

    function reset() {
        presses = 0;
        if (timer) {
            window.clearTimeout(timer);
            timer = null;
        }
        showPresses();
    }

    function exitPage(event) {
        if (event) {
            event.preventDefault();
        }
        reset();
        // Hide the page before the next one has loaded: someone may be walking in.
        const overlay = document.createElement("div");
        overlay.className = "exit-this-page__overlay";
        overlay.setAttribute("role", "alert");
        overlay.textContent = "Loading.";
        document.body.appendChild(overlay);
        document.body.classList.add("exit-this-page--exiting");
        document.title = "Loading";
        window.location.replace(button.href);
    }

    button.addEventListener("click", exitPage);

    document.addEventListener("keyup", function (event) {
        // Shift on its own: a Shift released after another key (a capital letter) was pressed
        // with it does not count.
        if (event.key === "Shift" && !lastKeyWasModified) {
            presses += 1;
            showPresses();
            if (presses >= PRESSES) {
                exitPage();
                return;
            }
            const left = PRESSES - presses;
            status.textContent = "Shift, press " + left + " more " + (left === 1 ? "time" : "times") +
                " to exit.";
            if (timer) {
                window.clearTimeout(timer);
            }
            timer = window.setTimeout(function () {
                reset();
                status.textContent = "Exit this page expired.";
            }, WINDOW_MS);
        } else if (timer) {
            reset();
            status.textContent = "";
        }
        lastKeyWasModified = event.shiftKey;
    }, true);

    // Coming back from the browser's cache (another tab's history, say): show the page again.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
            document.body.classList.remove("exit-this-page--exiting");
            Array.prototype.forEach.call(
                document.querySelectorAll(".exit-this-page__overlay"),
                function (overlay) { overlay.remove(); }
            );
        }
    });
})();
