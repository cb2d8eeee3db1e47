/*
 * "Add to my list" without a page reload. The buttons are ordinary form POSTs that work without
 * JavaScript; this sends the same POST in the background (asking for JSON), flips the button
 * between "Add to my list" and "Remove from my list", updates the count in the header and says
 * what happened in a polite live region. Any failure falls back to the ordinary form submit.
 */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) {
    return;
  }

  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function updateCount(count) {
    const counts = document.querySelectorAll("[data-shortlist-count]");
    counts.forEach(function (element) {
      element.textContent = "";
      if (count > 0) {
        element.appendChild(document.createTextNode(" (" + count));
        const hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = count === 1 ? " service" : " services";
        element.appendChild(hidden);
        element.appendChild(document.createTextNode(")"));
      }
    });
  }

  function flip(form, inList) {
    const button = form.querySelector("button");
    const hidden = button.querySelector(".visually-hidden");
    const name = hidden ? hidden.textContent : "";
    form.action = form.action.replace(inList ? "/add/" : "/remove/", inList ? "/remove/" : "/add/");
    form.setAttribute("data-in-list", inList ? "true" : "false");
    button.textContent = inList ? "Remove from my list" : "Add to my list";
    if (name) {
      const span = document.createElement("span");
      span.className = "visually-hidden";
      span.textContent = name;
      button.appendChild(span);
    }
  }

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches || !form.matches("[data-shortlist-toggle]") || form.dataset.busy) {
      return;
    }
    event.preventDefault();
    form.dataset.busy = "true";
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        delete form.dataset.busy;
        flip(form, data.in_list);
        updateCount(data.count);
        status.textContent = data.message + (data.count ? " " + data.count + " on your list." : "");
        form.querySelector("button").focus();
      })
      .catch(function () {
        delete form.dataset.busy;
        form.submit();
      });
  });
})();
