// Small progressive enhancements on top of htmx; the site works without this file.
(function () {
  "use strict";
  let appendedFrom = null;

  // "More updates" appends a page of teasers and replaces its own link: move focus to the
  // first new teaser so a keyboard reader carries on where they were, not on <body>.
  document.addEventListener("htmx:beforeRequest", function (event) {
    const trigger = event.detail.elt;
    if (trigger && trigger.closest && trigger.closest("#more-link")) {
      appendedFrom = document.querySelectorAll("#results .teasers > li").length;
    }
  });

  // Feedback forms: once htmx has swapped in the answer, move focus to the thank-you (a
  // status region, so it is announced too) or to the field that needs correcting.
  let feedbackBox = null;

  document.addEventListener("htmx:beforeRequest", function (event) {
    const trigger = event.detail.elt;
    const box = trigger && trigger.closest && trigger.closest("[data-feedback]");
    feedbackBox = box ? box.id : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    const box = feedbackBox && document.getElementById(feedbackBox);
    if (!box) {
      return;
    }
    feedbackBox = null;
    const next = box.querySelector(".thanks, [aria-invalid='true']");
    if (next) {
      next.focus();
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (appendedFrom === null) {
      return;
    }
    const item = document.querySelectorAll("#results .teasers > li")[appendedFrom];
    appendedFrom = null;
    const link = item && item.querySelector("h3 a, a");
    if (link) {
      link.focus();
    }
  });
})();
