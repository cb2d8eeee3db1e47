/*
 * Search page filters: shown open by default, so they work without JavaScript. On a phone the
 * long list would push the results off the screen, so there they start folded away; the
 * "Filter results" summary opens them. Desktop widths keep them open beside the results.
 */
(function () {
  "use strict";
  var details = document.querySelector(".search-filters__details");
  if (!details || !window.matchMedia) {
    return;
  }
  if (!window.matchMedia("(min-width: 56em)").matches) {
    details.open = false;
  }
})();
