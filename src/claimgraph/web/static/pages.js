// Behaviour every page shares, loaded in <head>: marks the page as scripted (CSS folds the nav
// into a menu on a phone only then), the menu button, filter boxes that start closed on a
// phone, and the fields an inline error message names (aria-invalid, first one focused).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var narrow = window.matchMedia("(max-width: 700px)");

  function ready() {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("main-nav");
    if (toggle && nav) {
      toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) { var first = nav.querySelector("a"); if (first) first.focus(); }
      });
      nav.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape" && nav.classList.contains("open")) {
          nav.classList.remove("open");
          toggle.setAttribute("aria-expanded", "false");
          toggle.focus();
        }
      });
    }
    var bad = Array.prototype.map.call(document.querySelectorAll("#form-errors li[data-field]"),
      function (li) { return li.getAttribute("data-field"); });
    if (narrow.matches && !bad.length) {
      document.querySelectorAll("details[data-narrow-closed]").forEach(function (d) { d.open = false; });
    }
    var first = null;
    bad.forEach(function (name) {
      document.querySelectorAll("form [name]").forEach(function (f) {
        if (f.name !== name) return;
        f.setAttribute("aria-invalid", "true");
        f.setAttribute("aria-describedby", "form-errors");
        if (!first) first = f;
      });
    });
    if (first) first.focus({ preventScroll: false });
  }

  // Filter forms (GET) send only the fields that have a value: clean, shareable URLs, and no
  // empty number field for the server to refuse. Re-enabled when the page comes back (bfcache).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("filters") || (form.method || "get").toLowerCase() !== "get") return;
    Array.prototype.forEach.call(form.elements, function (f) {
      if (f.name && !f.disabled && f.type !== "submit" && (f.value === "" || f.value === undefined)) {
        f.disabled = true;
        f.dataset.emptied = "1";
      }
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[data-emptied]").forEach(function (f) { f.disabled = false; delete f.dataset.emptied; });
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
