/*
 * A service's locations on a small map: a progressive enhancement of the list of addresses on
 * the service page, which stays as it is for anyone who cannot use the map.
 *
 * Plain ES2017, no build step; loaded (deferred) after map-common.js by
 * directory/templates/directory/service_page.html. The CSP allows no inline code, so the
 * locations come from <script type="application/json" id="service-map-data"> ([{"name",
 * "address": [lines], "latitude", "longitude", "approximate"}]) and the tile server, marker
 * images and Leaflet's files from data attributes on <div id="service-map" hidden>. The box is
 * shown at once, and Leaflet loaded and the map built when it comes near the screen: on a phone
 * it is well below the first screen, and many never scroll that far. Without data, without a
 * located venue, or if Leaflet cannot load, the addresses stay as they are.
 *
 * Keyboard: each marker is a button in the tab order (Leaflet); Enter or Space opens its popup
 * (the venue's name and address) and moves focus into it; Escape or the close button closes it
 * and puts focus back on the marker. Arrow keys pan and +/- zoom when the map itself has focus.
 */
(function () {
    "use strict";

    const maps = window.DirectoryMaps || {};
    const readJson = maps.readJson;
    const toNumber = maps.toNumber;
    const element = maps.element;

    function text(value) {
        return typeof value === "string" ? value.trim() : "";
    }

    // [{name, address: [lines], approximate, latitude, longitude}] for the located venues only.
    function placesOf(data) {
        const places = [];
        (Array.isArray(data) ? data : []).forEach(function (item) {
            if (!item || typeof item !== "object") {
                return;
            }
            const latitude = toNumber(item.latitude);
            const longitude = toNumber(item.longitude);
            if (latitude === null || longitude === null ||
                Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                return;
            }
            places.push({
                name: text(item.name),
                address: (Array.isArray(item.address) ? item.address : []).map(text).filter(Boolean),
                approximate: item.approximate === true,
                latitude,
                longitude,
            });
        });
        return places;
    }

    // The popup: the venue's name, then its address. Built from DOM nodes, never HTML strings.
    function popupContent(place) {
        const content = element("div", "service-map__popup");
        content.tabIndex = -1; // focus goes here when the keyboard opened the popup
        if (place.name) {
            content.appendChild(element("p", "service-map__popup-title", place.name));
        }
        if (place.address.length) {
            const address = element("p", "service-map__popup-address");
            place.address.forEach(function (line, index) {
                if (index) {
                    address.appendChild(document.createElement("br"));
                }
                address.appendChild(document.createTextNode(line));
            });
            content.appendChild(address);
        }
        if (place.approximate) {
            content.appendChild(element("p", "service-map__popup-meta", "Position approximate"));
        }
        return content;
    }

    function markerLabel(place) {
        const parts = [place.name, place.address.join(", ")].filter(Boolean);
        return parts.length ? parts.join(", ") : "Service location";
    }

    function buildMap(L, container, places) {
        const map = L.map(container, {
            maxZoom: 19,
            scrollWheelZoom: false, // the page scrolls past the map until the map has focus
            // On a touch screen one finger scrolls the page, not the small map; the zoom buttons
            // and two fingers still work.
            dragging: !L.Browser.mobile,
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
        const popupOptions = {
            maxWidth: Math.max(120, Math.min(280, container.clientWidth - 136)),
            autoPanPaddingTopLeft: L.point(56, 16),
            autoPanPaddingBottomRight: L.point(16, 16),
        };
        const group = L.featureGroup();
        places.forEach(function (place) {
            const label = markerLabel(place);
            const marker = L.marker([place.latitude, place.longitude], {
                icon,
                keyboard: true,
                title: label,
                alt: label,
            });
            marker.bindPopup(popupContent(place), popupOptions);
            group.addLayer(marker);
        });
        map.addLayer(group);

        if (places.length === 1) {
            map.setView([places[0].latitude, places[0].longitude], places[0].approximate ? 13 : 15);
        } else {
            map.fitBounds(group.getBounds(), {padding: [32, 32], maxZoom: 15});
        }
        // static/js/map-keyboard.js; without it the markers still work with Leaflet's own keys.
        if (window.DirectoryMaps && window.DirectoryMaps.addKeyboardPopups) {
            window.DirectoryMaps.addKeyboardPopups(map, group, ".service-map__popup");
        }
        return map;
    }

    function start() {
        const container = document.getElementById("service-map");
        if (!readJson || !maps.loadLibraries || !container) {
            return;
        }
        const places = placesOf(readJson("service-map-data"));
        if (!places.length) {
            return;
        }
        if (!container.getAttribute("role")) {
            container.setAttribute("role", "region");
        }
        if (!container.getAttribute("aria-label")) {
            container.setAttribute("aria-label", "Map of where this service is");
        }
        // Shown before it is built: Leaflet needs the container's size.
        container.hidden = false;

        function build() {
            maps.loadLibraries(container).then(function (L) {
                buildMap(L, container, places);
            }).catch(function (error) {
                // The addresses are all anyone needs: take the map away rather than show a
                // broken one.
                container.hidden = true;
                if (window.console) {
                    window.console.error("Service map:", error);
                }
            });
        }

        if (!("IntersectionObserver" in window)) {
            build();
            return;
        }
        const watcher = new IntersectionObserver(function (entries) {
            if (entries.some(function (entry) { return entry.isIntersecting; })) {
                watcher.disconnect();
                build();
            }
        }, {rootMargin: "300px 0px"});
        watcher.observe(container);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
