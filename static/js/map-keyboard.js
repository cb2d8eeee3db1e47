/*
 * Keyboard use of a Leaflet map's markers, shared by the results map (results-map.js) and a
 * service's map (service-map.js); loaded, deferred, before either.
 *
 * Enter or Space on a marker opens its popup and moves focus into it (the element that
 * `focusSelector` finds in the popup); Escape closes the popup wherever focus is in the map, and
 * focus goes back to the marker it came from. Leaflet alone closes popups on Escape only while
 * the map itself has focus, and never moves focus.
 */
(function () {
    "use strict";

    function addKeyboardPopups(map, group, focusSelector) {
        let keyboardMarker = null;
        let openPopup = null;

        map.getContainer().addEventListener("keydown", function (event) {
            if ((event.key === "Escape" || event.key === "Esc") && openPopup) {
                event.preventDefault();
                event.stopPropagation();
                map.closePopup();
            }
        });

        group.on("keydown", function (event) {
            const key = event.originalEvent && event.originalEvent.key;
            const marker = event.layer;
            if (!marker || typeof marker.getPopup !== "function" || !marker.getPopup()) {
                return; // a cluster: markercluster zooms in on Enter
            }
            if (key === "Enter" || key === " " || key === "Spacebar") {
                keyboardMarker = marker;
            }
            if (key === " " || key === "Spacebar") {
                event.originalEvent.preventDefault(); // no page scroll
                marker.togglePopup();
            }
        });

        map.on("popupopen", function (event) {
            openPopup = event.popup;
            if (!keyboardMarker || keyboardMarker.getPopup() !== event.popup) {
                return;
            }
            const popupElement = event.popup.getElement();
            const target = popupElement && popupElement.querySelector(focusSelector);
            if (target) {
                target.focus();
            }
        });

        map.on("popupclose", function (event) {
            if (openPopup === event.popup) {
                openPopup = null;
            }
            const marker = keyboardMarker;
            if (!marker || marker.getPopup() !== event.popup) {
                return;
            }
            keyboardMarker = null;
            const popupElement = event.popup.getElement();
            const active = document.activeElement;
            const focusWasInPopup = !active || active === document.body ||
                (popupElement && popupElement.contains(active));
            const icon = marker.getElement();
            if (focusWasInPopup && icon && document.body.contains(icon)) {
                icon.focus();
            }
        });
    }

    window.DirectoryMaps = window.DirectoryMaps || {};
    window.DirectoryMaps.addKeyboardPopups = addKeyboardPopups;
})();
