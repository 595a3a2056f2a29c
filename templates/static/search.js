// Starts Pagefind's search UI. Result URLs are made relative to wherever the site is
// served from, so search works at "/" and under a sub-path such as "/repo-name/".
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  const root = new URL(element.dataset.siteRoot, window.location.href).pathname;
  new PagefindUI({ element: "#search", baseUrl: root, showSubResults: true, showImages: false, autofocus: true });
  // Pagefind's input has only a title; give it a name every assistive technology reads.
  const input = element.querySelector("input[type=text], input:not([type])");
  if (input) input.setAttribute("aria-label", "Search cities, articles and metrics");
});
