// Starts Pagefind's search UI. Result URLs are made relative to wherever the site is
// served from, so search works at "/" and under a sub-path such as "/repo-name/".
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  const root = new URL(element.dataset.siteRoot, window.location.href).pathname;
  new PagefindUI({ element: "#search", baseUrl: root, showSubResults: true, showImages: false, autofocus: true });
});
