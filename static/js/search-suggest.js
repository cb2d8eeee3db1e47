/*
 * Search as you type: the search boxes marked data-suggest become alphagov's accessible
 * autocomplete (a WAI-ARIA combobox), suggesting needs and services from
 * /api/search/suggest?q= as the words are typed.
 *
 * A progressive enhancement of a plain text box, which is what anyone without JavaScript gets.
 * The library (static/vendor/accessible-autocomplete/, from npm) is loaded only when someone
 * starts to use a search box, so pages stay light; its URLs come from this script's own
 * data attributes (the hashed names of production's static files). The new box takes the old
 * one's id, name, value and label; focus moves to it before the old box goes, so a phone's
 * keyboard stays up.
 *
 * Keys: Up and Down move through the suggestions, Enter on one opens it; Enter with none
 * highlighted searches for the words as typed, as the plain box did.
 */
(function () {
    "use strict";

    const script = document.currentScript;
    const inputs = Array.from(document.querySelectorAll("input[data-suggest]"));
    if (!script || !inputs.length || !window.fetch || !window.Promise) {
        return;
    }
    const endpoint = script.getAttribute("data-endpoint");
    const libraryUrl = script.getAttribute("data-library");
    const stylesheetUrl = script.getAttribute("data-stylesheet");
    if (!endpoint || !libraryUrl) {
        return;
    }
    const MIN_LENGTH = 2;
    const DELAY_MS = 150;

    let loading = null;

    function loadLibrary() {
        if (!loading) {
            loading = new Promise(function (resolve, reject) {
                if (stylesheetUrl) {
                    const link = document.createElement("link");
                    link.rel = "stylesheet";
                    link.href = stylesheetUrl;
                    document.head.appendChild(link);
                }
                const tag = document.createElement("script");
                tag.src = libraryUrl;
                tag.onload = function () {
                    return window.accessibleAutocomplete ? resolve() : reject(new Error("no library"));
                };
                tag.onerror = reject;
                document.head.appendChild(tag);
            });
        }
        return loading;
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (character) {
            return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[character];
        });
    }

    // Only addresses on this site: a suggestion can never send anyone elsewhere.
    function sameSite(url) {
        return typeof url === "string" && /^\/(?!\/)/.test(url);
    }

    function suggestionsFrom(data) {
        const list = data && Array.isArray(data.suggestions) ? data.suggestions : [];
        return list.filter(function (item) {
            return item && typeof item.label === "string" && sameSite(item.url);
        });
    }

    // The words of anything the plain box was described by (its hint), for the new box.
    function describedBy(input) {
        return (input.getAttribute("aria-describedby") || "").split(/\s+/)
            .map(function (id) { return document.getElementById(id); })
            .filter(Boolean)
            .map(function (node) { return node.textContent.trim(); })
            .join(" ");
    }

    function enhance(input) {
        if (!input.isConnected || input.hasAttribute("data-suggest-done")) {
            return;
        }
        input.setAttribute("data-suggest-done", "");
        const form = input.form;
        const id = input.id;
        const hint = describedBy(input);

        let pending = null;
        let controller = null;
        function source(query, populateResults) {
            window.clearTimeout(pending);
            if (controller) {
                controller.abort();
            }
            pending = window.setTimeout(function () {
                controller = window.AbortController ? new AbortController() : null;
                fetch(endpoint + "?q=" + encodeURIComponent(query), {
                    headers: {Accept: "application/json"},
                    credentials: "same-origin",
                    signal: controller ? controller.signal : undefined,
                }).then(function (response) {
                    return response.ok ? response.json() : {};
                }).then(function (data) {
                    // Suggestions that come back after the person has left the box would
                    // open a menu over the next field: only the box in use shows them.
                    const fresh = document.getElementById(id);
                    populateResults(fresh && document.activeElement === fresh ?
                        suggestionsFrom(data) : []);
                }).catch(function () {
                    // Aborted by a newer query, or offline: the box still searches.
                });
            }, DELAY_MS);
        }

        function open(suggestion) {
            if (!suggestion || !sameSite(suggestion.url)) {
                return;
            }
            let url = suggestion.url;
            // A need's results near the place already typed in the same form.
            const postcode = form && form.elements.postcode;
            if (suggestion.type === "need" && postcode && postcode.value && postcode.value.trim()) {
                url += (url.indexOf("?") === -1 ? "?" : "&") + "postcode=" +
                    encodeURIComponent(postcode.value.trim());
            }
            window.location.assign(url);
        }

        const wrapper = document.createElement("div");
        wrapper.className = "suggest";
        input.parentNode.insertBefore(wrapper, input);
        input.id = id + "--plain"; // the label now names the new box
        window.accessibleAutocomplete({
            element: wrapper,
            id: id,
            name: input.name,
            defaultValue: input.value,
            minLength: MIN_LENGTH,
            confirmOnBlur: false,
            showNoOptionsFound: false,
            displayMenu: "overlay",
            inputClasses: input.className,
            menuClasses: "suggest__menu",
            // Chromium makes a scrolling box with no tabbable children a Tab stop of its own;
            // the menu is reached with the arrow keys, never with Tab (focus would be stranded
            // in it when it closes behind the box's blur).
            menuAttributes: {tabIndex: "-1"},
            source: source,
            onConfirm: open,
            templates: {
                inputValue: function (suggestion) {
                    return suggestion && typeof suggestion === "object" ? suggestion.label : "";
                },
                suggestion: function (suggestion) {
                    if (!suggestion || typeof suggestion !== "object") {
                        return escapeHtml(suggestion || "");
                    }
                    const kind = suggestion.type === "need" ? "help with this need" : "service";
                    return escapeHtml(suggestion.label) +
                        ' <span class="suggest__kind">(' + kind + ")</span>";
                },
            },
            tAssistiveHint: function () {
                return (hint ? hint + ". " : "") + "As you type, suggestions appear below: use " +
                    "up and down arrows to review them and Enter to open one.";
            },
        });
        const fresh = document.getElementById(id);
        if (!fresh) {
            input.id = id; // the library did not render: keep the plain box
            wrapper.remove();
            return;
        }
        fresh.setAttribute("spellcheck", input.getAttribute("spellcheck") || "true");
        // Enter with no suggestion highlighted searches for the words, as the plain box did.
        wrapper.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && event.target === fresh &&
                !fresh.getAttribute("aria-activedescendant")) {
                event.stopPropagation(); // past the library, which would hold the form back
            }
        }, true);
        // Someone typing in the old box (or who reached it with Tab while the library loaded)
        // goes on in the new one, caret and all; focus never falls to the page's body.
        if (document.activeElement === input) {
            const at = input.selectionStart;
            fresh.focus();
            input.remove();
            keepCaret(fresh, at === null ? fresh.value.length : at);
        } else {
            input.remove();
        }
    }

    // The library selects the whole box when focus arrives, on its next render (a microtask
    // away): a key typed next would replace the words already typed. Put the caret back after
    // that render, before any key can reach the box.
    function keepCaret(box, at) {
        if (box.setSelectionRange) {
            box.setSelectionRange(at, at);
            Promise.resolve().then(function () {
                if (document.activeElement === box) {
                    box.setSelectionRange(at, at);
                }
            });
        }
    }

    function start(event) {
        const input = event.currentTarget;
        loadLibrary().then(function () { enhance(input); }, function () {
            // No library (not installed, or blocked): the plain box works as before.
        });
    }

    inputs.forEach(function (input) {
        // A box showing an error keeps its error message tied to it: leave it plain.
        if (input.getAttribute("aria-invalid") === "true") {
            return;
        }
        ["focus", "pointerdown"].forEach(function (type) {
            input.addEventListener(type, start, {once: true});
        });
    });
})();
