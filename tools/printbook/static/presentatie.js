/* Starts a workshop deck (tools/printbook/slides.py). reveal.js and its notes plugin are copied
 * next to this file from npm; nothing is loaded from another host. Keys: arrows or space to go on,
 * F full screen, S speaker view (notes, the next slide and a timer), Esc overview.
 *
 * reveal.js takes settings from the address (`?url=...`) and obeys messages from any window that
 * holds the deck in a frame. Neither may steer the deck: this script removes every setting from
 * the address before reveal.js reads it, except the fixed ones the speaker view gives the two
 * previews it frames itself; reveal.js's own message interface is off, and the three calls the
 * speaker view makes are taken only from windows of the deck's own origin (from a folder: from the
 * speaker view that frames a preview). Inside another site's
 * frame the deck does not start at all (a meta policy cannot set frame-ancestors). */
(function () {
  "use strict";

  // What reveal.js's speaker view (plugin/notes.js) puts in the address of its previews.
  var PREVIEW = {
    receiver: "", progress: "false", history: "false", transition: "none", autoSlide: "0",
    backgroundTransition: "none", scrollActivationWidth: "false", postMessageEvents: "true",
    controls: "false",
  };
  // The calls the speaker view sends (to the deck that opened it and to its previews).
  var CALLS = { setState: true, next: true, triggerKey: true };

  function sameOrigin(win) {
    try {
      return Boolean(win) && win.location.origin === window.location.origin;
    } catch (e) {
      return false;   // another origin: reading its location throws
    }
  }

  function refuse() {
    var root = document.querySelector(".reveal");
    if (root) {
      root.hidden = true;
    }
    var p = document.createElement("p");
    p.className = "presentatie-geweigerd";
    p.textContent = "Deze presentatie start alleen in een eigen venster, niet in een andere website. ";
    var a = document.createElement("a");
    a.href = window.location.pathname;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = "Open de presentatie apart";
    p.appendChild(a);
    document.body.appendChild(p);
  }

  function previewAddress(search) {
    var params = new URLSearchParams(search);
    if (!params.has("receiver")) {
      return false;
    }
    var ok = true;
    params.forEach(function (value, key) {
      if (!Object.prototype.hasOwnProperty.call(PREVIEW, key) || PREVIEW[key] !== value) {
        ok = false;
      }
    });
    return ok;
  }

  // From a folder (file://) a framed deck cannot read even its own speaker view's location, and no
  // web site can frame a file: the frame check and the preview's messages rely on that.
  var local = window.location.protocol === "file:";
  var framed = window.parent !== window;
  if (framed && !local && !sameOrigin(window.parent)) {
    refuse();
    return;
  }
  var preview = framed && previewAddress(window.location.search);
  if (window.location.search && !preview) {
    var clean = window.location.pathname + window.location.hash;
    try {
      window.history.replaceState(null, "", clean);
    } catch (e) {
      window.location.replace(clean);
      return;
    }
  }

  window.addEventListener("message", function (event) {
    var fromSpeakerView = preview && local && event.source === window.parent;
    if (!(sameOrigin(event.source) || fromSpeakerView) || typeof event.data !== "string") {
      return;
    }
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!data || typeof data.method !== "string" || !Object.prototype.hasOwnProperty.call(CALLS, data.method)) {
      return;
    }
    window.Reveal[data.method].apply(window.Reveal, Array.isArray(data.args) ? data.args : []);
  });

  window.Reveal.initialize({
    hash: true,
    width: 1280,
    height: 720,
    margin: 0.03,
    center: false,
    transition: "none",
    slideNumber: "c/t",
    postMessage: false,
    postMessageEvents: false,   // the speaker view's current-slide preview turns it on in its address
    plugins: [window.RevealNotes],
  });
}());
