/*
 * Search results on a map: a progressive enhancement of the results list.
 *
 * Plain ES2017, no build step; loaded (deferred) after map-common.js by
 * search/templates/search/_results_map.html. The CSP allows no inline code, so everything the
 * script needs comes from data: the results in <script type="application/json"
 * id="results-map-data">, the search origin in id="results-map-origin", and the tile server,
 * marker images and the map libraries' files in data attributes on <div id="results-map" hidden>.
 *
 * Without data, or without any located venue, it does nothing and the list stays as it is.
 * Otherwise it adds a "Show map" button before the map. Leaflet and leaflet.markercluster are
 * loaded, and the map built, the first time it is shown: a page whose map is never opened never
 * downloads them. If they cannot load, the button goes and the list stays.
 *
 * Keyboard: markers and clusters are buttons in the tab order (Leaflet); Enter or Space opens a
 * marker's popup and moves focus to its link; Escape or the close button closes it and puts
 * focus back on the marker. Arrow keys pan and +/- zoom when the map itself has focus.
 */
(function () {
    "use strict";

    const METRES_PER_MILE = 1609.344;

    const maps = window.DirectoryMaps || {};
    const readJson = maps.readJson;
    const toNumber = maps.toNumber;
    const element = maps.element;

    function validLatLng(latitude, longitude) {
        return latitude !== null && longitude !== null &&
            Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    }

    // One entry per located venue: [{result, location, latitude, longitude}].
    function placesOf(results) {
        const places = [];
        results.forEach(function (result) {
            if (!result || typeof result !== "object" || !Array.isArray(result.locations)) {
                return;
            }
            result.locations.forEach(function (location) {
                if (!location || typeof location !== "object") {
                    return;
                }
                const latitude = toNumber(location.latitude);
                const longitude = toNumber(location.longitude);
                if (validLatLng(latitude, longitude)) {
                    places.push({result, location, latitude, longitude});
                }
            });
        });
        return places;
    }

    function originOf(data) {
        if (!data || typeof data !== "object") {
            return null;
        }
        const latitude = toNumber(data.latitude);
        const longitude = toNumber(data.longitude);
        if (!validLatLng(latitude, longitude)) {
            return null;
        }
        const radius = toNumber(data.radius_miles);
        return {latitude, longitude, radiusMiles: radius !== null && radius > 0 ? radius : null};
    }

    function milesText(miles) {
        const rounded = Math.round(miles * 10) / 10;
        return rounded + (rounded === 1 ? " mile away" : " miles away");
    }

    // The popup: the service as a link, then the venue. Built from DOM nodes, never HTML strings.
    function popupContent(place, locatedCount) {
        const content = element("div", "results-map__popup");
        const title = element("p", "results-map__popup-title");
        const link = element("a", null, String(place.result.name || "Service"));
        const url = place.result.url;
        if (typeof url === "string" && /^(\/(?!\/)|https?:\/\/)/i.test(url)) {
            link.href = url; // a path on this site, or a web address: nothing like javascript:
        }
        title.appendChild(link);
        content.appendChild(title);

        const venue = [place.location.name, place.location.postcode]
            .filter(function (part) { return typeof part === "string" && part.trim(); })
            .join(", ");
        if (venue) {
            content.appendChild(element("p", "results-map__popup-venue", venue));
        }

        const miles = toNumber(place.result.distance_miles);
        if (miles !== null) {
            const distance = locatedCount > 1 ? "Nearest venue " + milesText(miles) : milesText(miles);
            content.appendChild(element("p", "results-map__popup-meta", distance));
        }
        return content;
    }

    // Cluster icons as markercluster draws them, plus words for screen readers.
    function clusterIcon(L) {
        return function (cluster) {
            const count = cluster.getChildCount();
            const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
            return L.divIcon({
                html: "<div><span>" + Number(count) +
                    '<span class="visually-hidden"> places here</span></span></div>',
                className: "marker-cluster marker-cluster-" + size,
                iconSize: L.point(40, 40),
            });
        };
    }

    function summaryText(places) {
        const services = new Set(places.map(function (place) { return place.result; })).size;
        return "The map shows " + (places.length === 1 ? "1 place" : places.length + " places") +
            " for " + (services === 1 ? "1 service" : services + " services") + " on this page. " +
            "Services available across the area, and any without an address, are in the list only.";
    }

    function buildMap(L, container, places, origin) {
        const map = L.map(container, {
            maxZoom: 19, // markercluster needs a finite one, even with no tile layer
            scrollWheelZoom: false, // the page scrolls past the map until the map has focus
        });
        map.on("focus", function () { map.scrollWheelZoom.enable(); });
        map.on("blur", function () { map.scrollWheelZoom.disable(); });

        const tilesUrl = (container.getAttribute("data-tiles-url") || "").trim();
        if (tilesUrl) {
            L.tileLayer(tilesUrl, {
                attribution: container.getAttribute("data-tiles-attribution") || "",
                maxZoom: 19,
            }).addTo(map);
        }

        const icon = maps.markerIcon(L, container);
        const group = L.markerClusterGroup({
            showCoverageOnHover: false,
            maxClusterRadius: 50,
            iconCreateFunction: clusterIcon(L),
        });
        const locatedCount = new Map();
        places.forEach(function (place) {
            locatedCount.set(place.result, (locatedCount.get(place.result) || 0) + 1);
        });

        // Popups fit beside the zoom buttons (top left), even on a 320px screen.
        const popupOptions = {
            maxWidth: Math.max(120, Math.min(280, container.clientWidth - 136)),
            autoPanPaddingTopLeft: L.point(56, 16),
            autoPanPaddingBottomRight: L.point(16, 16),
        };
        const bounds = L.latLngBounds([]);
        places.forEach(function (place) {
            const name = String(place.result.name || "Service");
            const where = place.location.name || place.location.postcode || "";
            const marker = L.marker([place.latitude, place.longitude], {
                icon,
                keyboard: true,
                title: where ? name + ", " + where : name,
                alt: where ? name + ", " + where : name,
            });
            marker.bindPopup(popupContent(place, locatedCount.get(place.result)), popupOptions);
            group.addLayer(marker);
            bounds.extend(marker.getLatLng());
        });
        map.addLayer(group);

        if (origin) {
            const centre = L.latLng(origin.latitude, origin.longitude);
            if (origin.radiusMiles) {
                const metres = origin.radiusMiles * METRES_PER_MILE;
                L.circle(centre, {
                    radius: metres,
                    interactive: false,
                    className: "results-map__search-area",
                    color: "#1d70b8",
                    weight: 2,
                    fillOpacity: 0.06,
                }).addTo(map);
                bounds.extend(centre.toBounds(metres * 2));
            }
            L.circleMarker(centre, {
                radius: 6,
                interactive: false,
                color: "#0b0c0c",
                weight: 2,
                fillColor: "#ffdd00",
                fillOpacity: 1,
            }).addTo(map);
            bounds.extend(centre);
        }

        map.fitBounds(bounds, {padding: [24, 24], maxZoom: 16});
        // static/js/map-keyboard.js; without it the markers still work with Leaflet's own keys.
        if (window.DirectoryMaps && window.DirectoryMaps.addKeyboardPopups) {
            window.DirectoryMaps.addKeyboardPopups(map, group, "a[href]");
        }
        return map;
    }

    // The map, built; null (and the reason in the console) when it cannot be.
    function buildOnce(L, container, places, origin) {
        try {
            return buildMap(L, container, places, origin);
        } catch (error) {
            if (window.console) {
                window.console.error("Results map:", error);
            }
            return null;
        }
    }

    function start() {
        const container = document.getElementById("results-map");
        if (!readJson || !maps.loadLibraries || !container || !container.parentNode) {
            return;
        }
        const results = readJson("results-map-data");
        if (!Array.isArray(results)) {
            return;
        }
        const places = placesOf(results);
        if (!places.length) {
            return;
        }
        const origin = originOf(readJson("results-map-origin"));

        if (!container.getAttribute("role")) {
            container.setAttribute("role", "region");
        }
        if (!container.getAttribute("aria-label")) {
            container.setAttribute("aria-label", "Map of the services on this page");
        }

        const toggle = element("button", "button button--secondary results-map__toggle", "Show map");
        toggle.type = "button";
        toggle.setAttribute("aria-controls", container.id);
        toggle.setAttribute("aria-expanded", "false");

        const note = element("p", "results-map__note", summaryText(places));
        note.hidden = true;

        container.parentNode.insertBefore(toggle, container);
        container.parentNode.insertBefore(note, container);

        // The list is all anyone needs: take the map away rather than show a broken one.
        function giveUp() {
            toggle.remove();
            note.remove();
            container.hidden = true;
        }

        let map = null;
        toggle.addEventListener("click", function () {
            if (toggle.getAttribute("aria-busy") === "true") {
                return;
            }
            const show = container.hidden;
            container.hidden = !show;
            note.hidden = !show;
            toggle.setAttribute("aria-expanded", show ? "true" : "false");
            toggle.textContent = show ? "Hide map" : "Show map";
            if (!show) {
                if (map) {
                    map.closePopup();
                }
                return;
            }
            if (map) {
                map.invalidateSize();
                return;
            }
            toggle.setAttribute("aria-busy", "true");
            maps.loadLibraries(container).then(function (L) {
                toggle.removeAttribute("aria-busy");
                if (typeof L.markerClusterGroup !== "function") {
                    throw new Error("leaflet.markercluster did not load");
                }
                map = buildOnce(L, container, places, origin);
                if (!map) {
                    giveUp();
                }
            }).catch(function (error) {
                if (window.console) {
                    window.console.error("Results map:", error);
                }
                giveUp();
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
