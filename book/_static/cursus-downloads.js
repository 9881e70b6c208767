/*
 * Download links with their format and size: "Handboek (PDF, 1,1 MB)".
 *
 * The pages link to downloads/<name> (course/outputs.py); the sizes are only known after the
 * print step, which writes downloads/lijst.js (window.cursusDownloads = {name: bytes}). This
 * script loads that list and adds the label to each link with class "cursus-download"; a link to
 * a file that is not there gets no label. Pages are never rewritten after the build
 * (course/sphinxext/downloads.py).
 */
(function () {
  "use strict";

  var FORMATS = { pdf: "PDF", zip: "zip", epub: "EPUB", csv: "CSV", html: "HTML", pptx: "PowerPoint", txt: "tekst" };
  var MARK = "downloads/";

  function size(bytes) {
    if (bytes < 1000 * 1000) { return Math.max(1, Math.round(bytes / 1000)) + " kB"; }
    return (bytes / 1000 / 1000).toFixed(1).replace(".", ",") + " MB";
  }

  function nameOf(link) {
    var href = link.getAttribute("href") || "";
    var at = href.lastIndexOf(MARK);
    return at < 0 ? "" : href.slice(at + MARK.length).split("#")[0].split("?")[0];
  }

  function label(sizes) {
    Array.prototype.forEach.call(document.querySelectorAll("a.cursus-download"), function (link) {
      var name = nameOf(link);
      if (!Object.prototype.hasOwnProperty.call(sizes, name) || link.querySelector(".cursus-download-info")) { return; }
      var extension = name.split(".").pop().toLowerCase();
      var info = document.createElement("span");
      info.className = "cursus-download-info";
      info.textContent = " (" + (FORMATS[extension] || extension) + ", " + size(Number(sizes[name])) + ")";
      link.appendChild(info);
    });
  }

  function start() {
    if (!document.querySelector("a.cursus-download")) { return; }
    var root = document.documentElement.getAttribute("data-content_root") || "";
    var script = document.createElement("script");
    script.src = root + MARK + "lijst.js";
    script.onload = function () {
      var sizes = window.cursusDownloads;
      if (sizes && typeof sizes === "object") { label(sizes); }
    };
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
