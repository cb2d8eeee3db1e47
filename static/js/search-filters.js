/*
 * The search page on a phone and with a mouse: results first, filters that apply themselves.
 *
 * Without JavaScript the filters are open and an "Apply filters" button sits next to them, and
 * the folded search form opens with its "Change search" summary. With it:
 * - on a phone the long list of filters starts folded away behind "Filter results (n chosen)";
 *   on a wide screen the folded search form opens, as there is room for it;
 * - ticking or unticking a filter applies it at once (a hint above the filters says so, as
 *   WCAG 3.2.2 asks), and the Apply buttons go; the page comes back with focus on that box.
 */
(function () {
    "use strict";
    const form = document.getElementById("search-form");
    const filters = document.querySelector(".search-filters__details");
    const wide = window.matchMedia && window.matchMedia("(min-width: 56em)").matches;

    const change = document.querySelector("[data-search-change]");
    if (change && wide) {
        change.open = true;
    }
    if (!filters || !form) {
        return;
    }

    // Back from applying a filter: that box, with focus, in the open list.
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    const returning = target && target.matches(".facet__checkbox") && filters.contains(target);
    if (!wide && !returning) {
        filters.open = false;
    }
    if (returning) {
        filters.open = true;
        target.focus();
    }

    if (!window.URLSearchParams || !window.FormData) {
        return;
    }
    filters.querySelectorAll("[data-apply-filters]").forEach(function (button) {
        button.hidden = true;
    });
    filters.querySelectorAll("[data-filters-hint]").forEach(function (hint) {
        hint.hidden = false;
    });
    filters.addEventListener("change", function (event) {
        const box = event.target;
        if (!box.matches || !box.matches(".facet__checkbox")) {
            return;
        }
        // As the form would send it (page 1), then back to this box.
        const query = new URLSearchParams(new FormData(form)).toString();
        window.location.assign(form.action + (query ? "?" + query : "") + "#" + box.id);
    });
})();
