/*
 * What the results map (results-map.js) and a service's map (service-map.js) share: reading
 * their data, numbers, DOM nodes and marker icons, and loading Leaflet and its plugins only when
 * a map is about to be shown. Loaded, deferred, before either map's script.
 *
 * The library files' URLs come from data attributes on the map's container (production's
 * hashed static file names): data-map-scripts (space-separated, loaded in that order) and
 * data-map-stylesheets.
 */
(function () {
    "use strict";

    function readJson(id) {
        const node = document.getElementById(id);
        if (!node) {
            return null;
        }
        try {
            return JSON.parse(node.textContent);
        } catch (error) {
            return null;
        }
    }

    function toNumber(value) {
        if (value === null || value === undefined || value === "") {
            return null;
        }
        const number = Number(value);
        return Number.isFinite(number) ? number : null;
    }

    function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text) {
            node.textContent = text;
        }
        return node;
    }

    function markerIcon(L, container) {
        const iconUrl = container.getAttribute("data-marker-icon");
        if (!iconUrl) {
            return new L.Icon.Default();
        }
        // Explicit URLs: Leaflet's own guess reads them from leaflet.css, which breaks on the
        // hashed file names of the production static files storage.
        return L.icon(Object.assign({}, L.Icon.Default.prototype.options, {
            iconUrl,
            iconRetinaUrl: container.getAttribute("data-marker-icon-retina") || iconUrl,
            shadowUrl: container.getAttribute("data-marker-shadow") || null,
        }));
    }

    function addScript(url) {
        return new Promise(function (resolve, reject) {
            const existing = document.querySelector('script[src="' + url + '"]');
            if (existing && existing.dataset.loaded) {
                resolve();
                return;
            }
            const tag = existing || document.createElement("script");
            tag.addEventListener("load", function () {
                tag.dataset.loaded = "true";
                resolve();
            });
            tag.addEventListener("error", function () { reject(new Error("could not load " + url)); });
            if (!existing) {
                tag.src = url;
                document.head.appendChild(tag);
            }
        });
    }

    function addStylesheet(url) {
        if (!document.querySelector('link[rel="stylesheet"][href="' + url + '"]')) {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = url;
            document.head.appendChild(link);
        }
    }

    function words(value) {
        return (value || "").split(/\s+/).filter(Boolean);
    }

    // Leaflet and whatever the container lists, once: a promise of window.L.
    function loadLibraries(container) {
        words(container.getAttribute("data-map-stylesheets")).forEach(addStylesheet);
        return words(container.getAttribute("data-map-scripts")).reduce(function (previous, url) {
            return previous.then(function () { return addScript(url); });
        }, Promise.resolve()).then(function () {
            if (!window.L || typeof window.L.map !== "function") {
                throw new Error("Leaflet did not load");
            }
            return window.L;
        });
    }

    window.DirectoryMaps = Object.assign(window.DirectoryMaps || {}, {
        readJson,
        toNumber,
        element,
        markerIcon,
        loadLibraries,
    });
})();
