/* Site helpers for every device (issue 11). Runs after cursus.js and uses its small helpers.
 *
 *  - Menu and "Inhoud van deze pagina": the theme opens them as a modal <dialog>; when one
 *    closes, focus goes back to the button that opened it (the theme's own code blurs that
 *    button on click, so focus would otherwise fall to the top of the page).
 *  - "Projecteer" on every case box: a full-screen view with only the case's title and
 *    text in large type, for a trainer's projector. The outcome or discussion that follows the
 *    box on the page is never shown. Esc or "Sluiten" closes it; focus returns.
 *  - "Denkrichtingen" titles are plain toggles: the link in the title (back to the exercise)
 *    made the page jump instead of opening the dropdown.
 *  - The short help notice on module pages folds to one line on a phone, with a button that
 *    shows the help lines.
 */
(function () {
  "use strict";

  // ---- search marks only on the page opened from the results -----------------------------------
  // Sphinx keeps the searched words in localStorage and marks them on whatever page opens next.
  // The search page (cursus-zoeken.js) notes which result she opened; any other page forgets the
  // words before Sphinx's highlighter (a DOMContentLoaded handler) reads them.
  (function () {
    try {
      var target = sessionStorage.getItem("sociale-media-mentale-gezondheid:zoekresultaat");
      sessionStorage.removeItem("sociale-media-mentale-gezondheid:zoekresultaat");
      var here = window.location.pathname;
      if (document.getElementById("search-results")) { return; }
      if (!target || target !== here) { localStorage.removeItem("sphinx_highlight_terms"); }
    } catch (e) { /* storage blocked: Sphinx cannot keep the words either */ }
  })();

  var cursus = window.cursus;
  if (!cursus) { return; }
  var el = cursus.el;

  // ---- menu and page contents ------------------------------------------------------------------

  function returnFocusFromDrawers() {
    [[".primary-toggle", "pst-primary-sidebar-modal"], [".secondary-toggle", "pst-secondary-sidebar-modal"]]
      .forEach(function (pair) {
        var dialog = document.getElementById(pair[1]);
        if (!dialog) { return; }
        var opener = null;
        Array.prototype.forEach.call(document.querySelectorAll(pair[0]), function (toggle) {
          toggle.addEventListener("click", function () { opener = toggle; }, true);
        });
        dialog.setAttribute("aria-label", pair[1].indexOf("primary") >= 0 ? "Menu" : "Inhoud van deze pagina");
        dialog.addEventListener("close", function () {
          var target = opener;
          opener = null;
          // After the theme's own close handler (it moves the sidebar back, then focuses <body>).
          if (target) { setTimeout(function () { target.focus(); }, 0); }
        });
      });
  }

  // ---- Projecteer -------------------------------------------------------------------------------

  var projector = null;

  function projectorDialog() {
    if (projector) { return projector; }
    var dialog = el("dialog", { "class": "cursus-projecteer", "aria-labelledby": "cursus-projecteer-titel" });
    var close = el("button", { type: "button", "class": "cursus-knop cursus-projecteer-sluiten" }, "Sluiten (Esc)");
    var title = el("h2", { id: "cursus-projecteer-titel" });
    // The text is a stop of its own, so Tab stays in the dialog and PageDown scrolls it.
    var body = el("div", { "class": "cursus-projecteer-tekst", tabindex: "0", role: "region",
      "aria-labelledby": "cursus-projecteer-titel" });
    dialog.appendChild(close);
    dialog.appendChild(title);
    dialog.appendChild(body);
    close.addEventListener("click", function () { dialog.close(); });
    // Sphinx's search highlighting swallows Escape on some pages; close explicitly.
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
      // Tab goes round inside the dialog (it left it, and then Esc no longer closed it: F12).
      if (event.key === "Tab") {
        event.preventDefault();
        // Two stops: Tab and Shift+Tab both go to the other one.
        (document.activeElement === close ? body : close).focus();
      }
    });
    // Esc closes it wherever the focus is.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && dialog.open) { event.preventDefault(); dialog.close(); }
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("cursus-projecteert");
      cursus.clear(body);
      if (dialog.opener) { dialog.opener.focus(); dialog.opener = null; }
    });
    document.body.appendChild(dialog);
    projector = { dialog: dialog, title: title, body: body, close: close };
    return projector;
  }

  function project(box, button) {
    var view = projectorDialog();
    var heading = box.querySelector(".admonition-title");
    view.title.textContent = heading ? heading.textContent.trim() : "";
    cursus.clear(view.body);
    Array.prototype.forEach.call(box.children, function (child) {
      if (child === heading || child.classList.contains("cursus-projecteer-knop")) { return; }
      var copy = child.cloneNode(true);
      [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(function (n) {
        if (n.removeAttribute) { n.removeAttribute("id"); }
      });
      view.body.appendChild(copy);
    });
    view.dialog.opener = button;
    document.documentElement.classList.add("cursus-projecteert");
    view.dialog.showModal();
    view.close.focus();
  }

  function addProjectButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("div.admonition.casus"), function (box) {
      var heading = box.querySelector(".admonition-title");
      var name = heading ? heading.textContent.trim() : "deze casus";
      var button = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht cursus-projecteer-knop",
        "aria-label": "Projecteer " + name }, "Projecteer");
      button.addEventListener("click", function () { project(box, button); });
      box.appendChild(button);
    });
  }

  // ---- Denkrichtingen: the title is a toggle, not a link ------------------------------------------

  function plainDropdownTitles() {
    var links = document.querySelectorAll("div.solution.dropdown .admonition-title a.reference.internal");
    Array.prototype.forEach.call(links, function (link) {
      var span = el("span", { "class": "cursus-titel-verwijzing" }, link.textContent);
      link.parentNode.replaceChild(span, link);
    });
  }

  // ---- help notice: one line on a phone ---------------------------------------------------------

  function foldHelpNotice() {
    Array.prototype.forEach.call(document.querySelectorAll("div.admonition.hulp-kort"), function (box, i) {
      var title = box.querySelector(".admonition-title");
      if (!title) { return; }
      var bodyId = "cursus-hulp-" + i;
      var body = el("div", { id: bodyId, "class": "cursus-hulp-tekst" });
      Array.prototype.slice.call(box.children).forEach(function (child) {
        if (child !== title) { body.appendChild(child); }
      });
      box.appendChild(body);
      var button = el("button", { type: "button", "class": "cursus-hulp-knop", "aria-expanded": "false",
        "aria-controls": bodyId }, "Toon hulplijnen");
      button.addEventListener("click", function () {
        var open = box.classList.toggle("cursus-hulp-open");
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.textContent = open ? "Verberg hulplijnen" : "Toon hulplijnen";
      });
      title.appendChild(button);
      box.classList.add("cursus-hulp-vouwbaar");
    });
  }

  // The Content-Security-Policy allows no inline handlers: the theme's onclick="window.print()"
  // becomes data-cursus-klik="afdrukken" in the build (course/sphinxext/csp.py) and is bound here.
  var CLICK_ACTIONS = { afdrukken: function () { window.print(); } };

  function bindClickActions() {
    document.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target.closest("[data-cursus-klik]") : null;
      var action = target && CLICK_ACTIONS[target.getAttribute("data-cursus-klik")];
      if (action) { event.preventDefault(); action(); }
    });
  }

  function start() {
    bindClickActions();
    returnFocusFromDrawers();
    addProjectButtons();
    plainDropdownTitles();
    foldHelpNotice();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
