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

  // A swap that fails on the server (a 5xx: the database or the rate-limit store is away)
  // would otherwise leave the reader with nothing happening. Fall back to what the page
  // does without JavaScript: load the address, or post the form, so the server's own
  // translated error page (or, if it has recovered, the result) is shown.
  document.addEventListener("htmx:responseError", function (event) {
    const detail = event.detail;
    if (!detail.xhr || detail.xhr.status < 500) {
      return;
    }
    const verb = detail.requestConfig && detail.requestConfig.verb;
    const form = detail.elt && detail.elt.closest && detail.elt.closest("form");
    if (verb === "get" && detail.pathInfo && detail.pathInfo.finalRequestPath) {
      window.location.assign(detail.pathInfo.finalRequestPath);
    } else if (form) {
      form.submit();
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
