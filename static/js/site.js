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
