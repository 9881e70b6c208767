/* The course inside an organisation's learning platform (the SCORM packages of tools/lms).
 *
 * Inert on the public site: it does something only when this page is shown in the frame of the
 * package's launch page, which sets window.cursusLMS (tools/lms/static/start.js). Then it
 *  - tells the launch page which page is open (the LMS's bookmark);
 *  - passes on the course's events: "cursus:voortgang" (a module set to klaar or not) and
 *    "cursus:eindtoets" (the final test started or handed in, with its items);
 *  - marks the page with the class cursus-in-lms.
 * It never calls an LMS API itself and never reads the journal: the launch page reads only
 * the keys that go to the LMS (see docs in tools/lms/__init__.py).
 */
(function () {
  "use strict";

  var lms = null;
  try {
    lms = window.parent !== window && window.parent.cursusLMS ? window.parent.cursusLMS : null;
  } catch (e) {
    lms = null;   // a parent of another origin: not a package of this course
  }
  if (!lms) { return; }

  document.documentElement.classList.add("cursus-in-lms");

  function pagename() {
    return (typeof DOCUMENTATION_OPTIONS !== "undefined" && DOCUMENTATION_OPTIONS.pagename) || "";
  }

  var name = pagename();
  if (name) { lms.page(name); }
  document.addEventListener("cursus:voortgang", function () { lms.sync(); });
  document.addEventListener("cursus:eindtoets", function (event) { lms.eindtoets(event.detail); });
})();
