/*
 * My list, shared lists and their printed sheet: progressive enhancements. Every action still
 * works without JavaScript (form posts that come back to the list, a read-only link box, the
 * browser's own Print command).
 *
 * - "Copy link" beside the share link, where the browser can copy; a live region says it did.
 * - "Print this list" on the printable version.
 * - Move up, Move down and Remove send their form in the background, then the list is redrawn
 *   from the server (the share link, QR code and text message change with the order) and focus
 *   stays with the service that moved, or goes to the next one when one is removed.
 */
(function () {
    "use strict";

    function announce(text) {
        const status = document.querySelector("[data-list-status]");
        if (status) {
            status.textContent = "";
            window.setTimeout(function () { status.textContent = text; }, 50);
        }
    }

    // -- copy the share link ---------------------------------------------------------------

    function copyText(input) {
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(input.value);
        }
        // http:// outside localhost has no clipboard API: select and copy instead.
        input.select();
        const copied = document.execCommand && document.execCommand("copy");
        return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
    }

    function enhanceCopyButtons() {
        document.querySelectorAll("[data-copy-link]").forEach(function (button) {
            const input = document.getElementById(button.getAttribute("data-copy-link"));
            if (!input) {
                return;
            }
            const status = button.closest(".handover__option")
                .querySelector("[data-copy-status]");
            button.hidden = false;
            button.addEventListener("click", function () {
                copyText(input).then(function () {
                    button.textContent = "Link copied";
                    if (status) {
                        status.textContent = "The link to this list is copied.";
                    }
                    window.setTimeout(function () { button.textContent = "Copy link"; }, 3000);
                }, function () {
                    input.focus();
                    input.select();
                    if (status) {
                        status.textContent = "Could not copy: the link is selected, copy it " +
                            "with your device's Copy command.";
                    }
                });
            });
        });
    }

    // -- print ------------------------------------------------------------------------------

    function enhancePrintButton() {
        const button = document.querySelector("[data-print]");
        if (!button || typeof window.print !== "function") {
            return;
        }
        button.hidden = false;
        const hint = document.querySelector("[data-print-hint]");
        if (hint) {
            hint.hidden = true;
        }
        button.addEventListener("click", function () { window.print(); });
    }

    // -- reorder and remove, keeping focus ----------------------------------------------------

    function serviceName(item) {
        const heading = item && item.querySelector(".service-card__name");
        return heading ? heading.textContent.trim() : "";
    }

    // Where focus goes once the list is redrawn: the same button on the same service if it is
    // still there, its other move button at the top or bottom, else the service's name.
    function focusAfter(serviceId, action, fallbackId) {
        const item = document.getElementById("service-" + serviceId) ||
            (fallbackId && document.getElementById("service-" + fallbackId));
        let target = null;
        if (item && item.id === "service-" + serviceId) {
            target = item.querySelector("[data-list-action='" + action + "'] button") ||
                item.querySelector("[data-list-action] button");
        }
        if (!target && item) {
            target = item.querySelector(".service-card__name a");
        }
        if (!target) {
            target = document.querySelector("main h1");
            if (target) {
                target.setAttribute("tabindex", "-1");
            }
        }
        if (target) {
            target.focus();
        }
    }

    function redraw(html) {
        const fresh = new DOMParser().parseFromString(html, "text/html");
        const main = document.getElementById("main-content");
        const freshMain = fresh.getElementById("main-content");
        if (!main || !freshMain) {
            throw new Error("no list in the answer");
        }
        const email = document.getElementById("shortlist-email");
        const typed = email ? email.value : "";
        main.replaceChildren.apply(main, Array.from(freshMain.childNodes));
        const freshEmail = document.getElementById("shortlist-email");
        if (freshEmail && typed) {
            freshEmail.value = typed;
        }
        document.querySelectorAll("[data-shortlist-count]").forEach(function (count, index) {
            const freshCount = fresh.querySelectorAll("[data-shortlist-count]")[index];
            if (freshCount) {
                count.replaceChildren.apply(count, Array.from(freshCount.childNodes));
            }
        });
        enhanceList();
    }

    function moveOrRemove(event) {
        const form = event.target;
        if (!form.matches || !form.matches("[data-list-action]") || form.dataset.busy) {
            return;
        }
        event.preventDefault();
        form.dataset.busy = "true";
        const action = form.getAttribute("data-list-action");
        const item = form.closest(".shortlist__item");
        const serviceId = form.querySelector("input[name=service]").value;
        const name = serviceName(item);
        const neighbour = item.nextElementSibling || item.previousElementSibling;
        const fallbackId = neighbour ? neighbour.id.replace("service-", "") : null;
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            headers: {Accept: "application/json"},
            credentials: "same-origin",
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("status " + response.status);
            }
            return fetch(window.location.pathname, {credentials: "same-origin"});
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("status " + response.status);
            }
            return response.text();
        }).then(function (html) {
            redraw(html);
            focusAfter(serviceId, action, action === "remove" ? fallbackId : null);
            const items = Array.from(document.querySelectorAll(".shortlist__item"));
            const position = items.findIndex(function (other) {
                return other.id === "service-" + serviceId;
            });
            if (action === "remove") {
                announce("Removed " + name + ". " + items.length + " on your list.");
            } else {
                announce(name + " moved " + (action === "up" ? "up" : "down") + ": now " +
                    (position + 1) + " of " + items.length + ".");
            }
        }).catch(function () {
            delete form.dataset.busy;
            form.submit(); // as without JavaScript
        });
    }

    function enhanceList() {
        enhanceCopyButtons();
        if (!document.querySelector("[data-list-status]")) {
            const status = document.createElement("p");
            status.className = "visually-hidden";
            status.setAttribute("role", "status");
            status.setAttribute("data-list-status", "");
            document.body.appendChild(status);
        }
    }

    if (window.fetch && window.FormData && window.DOMParser) {
        document.addEventListener("submit", moveOrRemove);
    }
    enhanceList();
    enhancePrintButton();
})();
