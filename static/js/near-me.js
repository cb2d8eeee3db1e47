/*
 * "Use my location": search near where the person is, without typing a postcode.
 *
 * Plain ES2017, no build step, loaded (deferred) by the pages with a search form; the CSP allows
 * no inline code. It enhances every form with an element marked `data-near-me` (the postcode
 * field's wrapper): where the browser can give a position, a "Use my location" button goes after
 * the postcode input. Pressing it asks for the position, writes it to hidden `lat` and `lng`
 * inputs (rounded to 5 decimals, about a metre), empties the postcode (a postcode wins over
 * lat/lng on the server) and submits the form.
 *
 * When the position cannot be had (permission refused, no fix, too slow) a plain-English
 * message appears beside the field in a role="alert" element and focus moves to the postcode
 * input, so the person can type one instead. Typing a postcode removes the hidden lat/lng: the
 * server would ignore them anyway, but the results' URL stays clean.
 *
 * Without JavaScript, or without geolocation (or on a page not served securely, where browsers
 * refuse it), nothing changes: the postcode field works as before.
 */
(function () {
    "use strict";

    const DECIMALS = 5;
    const POSITION_OPTIONS = {
        enableHighAccuracy: false, // a street is plenty; a quick answer matters more on a phone
        timeout: 10000,
        maximumAge: 5 * 60 * 1000,
    };
    // Some browsers never answer when the permission prompt is dismissed: give up by then.
    const GIVE_UP_AFTER = 30000;

    const LABEL = "Use my location";
    const BUSY_LABEL = "Finding your location\u2026";
    const TYPE_INSTEAD = " You can type your postcode instead, such as SE13 6LH.";
    const MESSAGES = {
        1: "You did not allow this site to use your location." + TYPE_INSTEAD,
        2: "We could not find your location." + TYPE_INSTEAD,
        3: "Finding your location took too long." + TYPE_INSTEAD,
    };
    const DEFAULT_MESSAGE = MESSAGES[2];

    let counter = 0;

    function round(value) {
        const factor = Math.pow(10, DECIMALS);
        return (Math.round(value * factor) / factor).toFixed(DECIMALS).replace(/\.?0+$/, "");
    }

    // Every control that submits with the form called `name`, including those outside it that
    // name it with form="…" (the search page's filters do).
    function controlsNamed(form, name) {
        return Array.prototype.filter.call(form.elements, function (control) {
            return control.name === name;
        });
    }

    function hiddenNamed(form, name) {
        return controlsNamed(form, name).filter(function (control) {
            return control.tagName === "INPUT" && control.type === "hidden";
        });
    }

    function setHidden(form, name, value) {
        const existing = controlsNamed(form, name);
        let input = existing[0];
        existing.slice(1).forEach(function (extra) {
            if (extra.type === "hidden") {
                extra.remove();
            }
        });
        if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            form.appendChild(input);
        }
        input.value = value;
    }

    function addDescribedBy(input, id) {
        const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
        if (ids.indexOf(id) === -1) {
            ids.push(id);
            input.setAttribute("aria-describedby", ids.join(" "));
        }
    }

    function removeDescribedBy(input, id) {
        const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (part) {
            return part && part !== id;
        });
        if (ids.length) {
            input.setAttribute("aria-describedby", ids.join(" "));
        } else {
            input.removeAttribute("aria-describedby");
        }
    }

    function enhance(wrapper) {
        const form = wrapper.closest("form");
        const postcode = wrapper.querySelector('input[name="postcode"]');
        if (!form || !postcode || wrapper.querySelector(".near-me__button")) {
            return;
        }
        counter += 1;
        const messageId = (postcode.id || "near-me-" + counter) + "-location-message";

        const button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary near-me__button";
        button.textContent = LABEL;

        // In the page from the start, so screen readers announce what is later written to it.
        const message = document.createElement("p");
        message.className = "near-me__message";
        message.id = messageId;
        message.setAttribute("role", "alert");

        postcode.insertAdjacentElement("afterend", button);
        button.insertAdjacentElement("afterend", message);
        wrapper.classList.add("near-me--ready");

        let request = 0; // answers to an older request, or after giving up, are ignored
        let giveUp = null;

        function setBusy(busy) {
            button.textContent = busy ? BUSY_LABEL : LABEL;
            if (busy) {
                button.setAttribute("aria-disabled", "true");
            } else {
                button.removeAttribute("aria-disabled");
            }
        }

        function clearMessage() {
            if (message.textContent) {
                message.textContent = "";
                removeDescribedBy(postcode, messageId);
            }
        }

        function stop() {
            request += 1;
            window.clearTimeout(giveUp);
            setBusy(false);
        }

        function fail(code) {
            stop();
            message.textContent = MESSAGES[code] || DEFAULT_MESSAGE;
            addDescribedBy(postcode, messageId);
            postcode.focus();
        }

        function succeed(position) {
            const coords = position && position.coords;
            const latitude = coords ? Number(coords.latitude) : NaN;
            const longitude = coords ? Number(coords.longitude) : NaN;
            if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
                fail(2);
                return;
            }
            window.clearTimeout(giveUp);
            clearMessage();
            setHidden(form, "lat", round(latitude));
            setHidden(form, "lng", round(longitude));
            postcode.value = "";
            // The button stays busy until the results page loads.
            if (typeof form.requestSubmit === "function") {
                form.requestSubmit();
            } else {
                form.submit();
            }
        }

        button.addEventListener("click", function () {
            if (button.getAttribute("aria-disabled") === "true") {
                return;
            }
            clearMessage();
            setBusy(true);
            request += 1;
            const current = request;
            giveUp = window.setTimeout(function () {
                if (current === request) {
                    fail(3);
                }
            }, GIVE_UP_AFTER);
            try {
                navigator.geolocation.getCurrentPosition(
                    function (position) {
                        if (current === request) {
                            succeed(position);
                        }
                    },
                    function (error) {
                        if (current === request) {
                            fail(error && error.code);
                        }
                    },
                    POSITION_OPTIONS
                );
            } catch (error) {
                fail(2);
            }
        });

        // A typed postcode wins on the server; take the coordinates out so the URL says so too.
        postcode.addEventListener("input", function () {
            if (!postcode.value.trim()) {
                return;
            }
            hiddenNamed(form, "lat").concat(hiddenNamed(form, "lng")).forEach(function (input) {
                input.remove();
            });
            clearMessage();
            if (button.getAttribute("aria-disabled") === "true") {
                stop(); // they chose to type instead of waiting
            }
        });

        // Back from the results (the page restored from the back-forward cache): ready again.
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) {
                stop();
            }
        });
    }

    function start() {
        if (!("geolocation" in navigator) || !navigator.geolocation ||
            window.isSecureContext === false) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll("[data-near-me]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
