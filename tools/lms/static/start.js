/* The SCO's launch page: the one place that talks to the LMS (SCORM 1.2 or 2004).
 *
 * 1. Finds the LMS API the standard way (ADL's algorithm: up the window.parent chain, then the
 *    opener's), initialises the session once.
 * 2. Restores the course state from suspend_data into this browser's localStorage (so that a
 *    learner resumes on another computer), then opens the site in the frame at the bookmark.
 * 3. Exposes window.cursusLMS for cursus-lms.js on every site page: page(name) sets the
 *    bookmark, sync() sends the state, eindtoets(detail) records the test's interactions.
 *    localStorage "storage" events from the frame (same origin) trigger sync() as well.
 * 4. On pagehide: session time, exit "suspend", commit, Terminate / LMSFinish.
 *
 * What reaches the LMS: module progress, self-check results and the final test's state (in a
 * compact suspend_data, at most 4,096 characters in 1.2), the bookmark, completion, success,
 * score, one interaction per test item, session time. Never the journal (reflectie:*), never the
 * voor-/nameting (meting:*), never any other key: only the keys named below are read.
 * Everything from the LMS is treated as data: parsed, checked, and written back as plain strings.
 */
(function () {
  "use strict";

  var PREFIX = "sociale-media-mentale-gezondheid:";
  var PROGRESS = PREFIX + "voortgang:";
  var SELF_CHECK = PREFIX + "zelftoets:";
  var TEST = PREFIX + "eindtoets";
  var LAST_PAGE = PREFIX + "laatste-pagina";
  /** A hash of the LMS learner id: the state of another learner on a shared computer is not merged. */
  var LEARNER = PREFIX + "lms:leerder";
  var ROOT = document.documentElement;
  var VERSION = ROOT.getAttribute("data-scorm") === "2004" ? "2004" : "1.2";
  var SITE = ROOT.getAttribute("data-site") || "site";
  /** cmi.suspend_data: CMIString4096 in 1.2 (scorm-again accepts more; the spec does not). */
  var LIMIT = VERSION === "2004" ? 64000 : 4096;
  var INDEX = window.CURSUS_INDEX || { modules: [] };
  var ID = /^[A-Za-z0-9_.-]{1,64}$/;
  var LABEL = /^[A-Za-z0-9_-]{1,200}$/;
  var PAGE = /^[A-Za-z0-9_./-]{1,240}\.html$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

  var status = document.getElementById("cursus-lms-status");
  var frame = document.getElementById("cursus-lms-frame");

  function say(text) { if (status) { status.textContent = text; } }

  // ---- 1. the API -----------------------------------------------------------------------------

  function findIn(win, name) {
    var tries = 0;
    try {
      while (!win[name] && win.parent && win.parent !== win && tries < 500) { tries++; win = win.parent; }
      return win[name] || null;
    } catch (e) { return null; }   // a window of another origin on the way: not ours to read
  }

  function findAPI(name) {
    var api = findIn(window, name);
    if (!api && window.opener) { api = findIn(window.opener, name); }
    return api;
  }

  var CMI = VERSION === "2004" ? {
    location: "cmi.location", suspend: "cmi.suspend_data", learner: "cmi.learner_id",
    exit: "cmi.exit", session: "cmi.session_time", raw: "cmi.score.raw", min: "cmi.score.min",
    max: "cmi.score.max", count: "cmi.interactions._count"
  } : {
    location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", learner: "cmi.core.student_id",
    exit: "cmi.core.exit", session: "cmi.core.session_time", raw: "cmi.core.score.raw",
    min: "cmi.core.score.min", max: "cmi.core.score.max", count: "cmi.interactions._count"
  };

  var api = findAPI(VERSION === "2004" ? "API_1484_11" : "API");
  var call = VERSION === "2004" ? {
    init: function () { return api.Initialize(""); },
    get: function (k) { return api.GetValue(k); },
    set: function (k, v) { return api.SetValue(k, v); },
    commit: function () { return api.Commit(""); },
    finish: function () { return api.Terminate(""); }
  } : {
    init: function () { return api.LMSInitialize(""); },
    get: function (k) { return api.LMSGetValue(k); },
    set: function (k, v) { return api.LMSSetValue(k, v); },
    commit: function () { return api.LMSCommit(""); },
    finish: function () { return api.LMSFinish(""); }
  };

  var started = Date.now();
  /** The hash of this learner's id, written into localStorage at the start (see restore). */
  var mine = null;
  var live = false;
  var finished = false;
  /** What was last written, so that only changes are sent (and committed). */
  var sent = {};

  function get(key) {
    try { var v = call.get(key); return typeof v === "string" ? v : String(v === undefined || v === null ? "" : v); }
    catch (e) { return ""; }
  }

  function set(key, value) {
    value = String(value);
    if (sent[key] === value) { return false; }
    var ok;
    try { ok = String(call.set(key, value)) === "true"; } catch (e) { ok = false; }
    if (ok) { sent[key] = value; }
    return ok;
  }

  // ---- storage -------------------------------------------------------------------------------

  var ls = null;
  try { ls = window.localStorage; ls.getItem(PREFIX + "probe"); } catch (e) { ls = null; }

  function read(key) { try { return ls ? ls.getItem(key) : null; } catch (e) { return null; } }
  function write(key, value) { try { if (ls) { ls.setItem(key, value); } } catch (e) { /* full or blocked */ } }
  function remove(key) { try { if (ls) { ls.removeItem(key); } } catch (e) { /* blocked */ } }

  function courseKeys() {
    var out = [];
    try {
      for (var i = 0; ls && i < ls.length; i++) {
        var k = ls.key(i);
        if (k !== null && k.indexOf(PREFIX) === 0) { out.push(k); }
      }
    } catch (e) { /* blocked */ }
    return out;
  }

  /** FNV-1a (32 bit): enough to tell two learners apart, and not the id itself. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  // ---- the state: read from localStorage, compact form, back -----------------------------------

  function isInt(n, lo, hi) { return typeof n === "number" && Math.floor(n) === n && n >= lo && n <= hi; }

  function digits(list) {
    if (!Array.isArray(list) || list.length > 36) { return null; }
    var out = "";
    for (var i = 0; i < list.length; i++) {
      if (!isInt(list[i], 0, 35)) { return null; }
      out += DIGITS.charAt(list[i]);
    }
    return out;
  }

  function undigits(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS.indexOf(text.charAt(i));
      if (d < 0) { return null; }
      out.push(d);
    }
    return out;
  }

  /** One attempt of the eindtoets JSON, checked; null when damaged. */
  function cleanAttempt(p) {
    if (!p || typeof p !== "object" || typeof p.s !== "string" || !STAMP.test(p.s) || !Array.isArray(p.i)) { return null; }
    var items = [];
    for (var j = 0; j < p.i.length && j < 200; j++) {
      var it = p.i[j];
      if (!Array.isArray(it) || typeof it[0] !== "string" || !ID.test(it[0]) || digits(it[1]) === null || digits(it[2]) === null) { return null; }
      items.push([it[0], it[1].slice(), it[2].slice()]);
    }
    var out = { s: p.s, i: items, h: null };
    if (typeof p.h === "string" && STAMP.test(p.h)) {
      if (!isInt(p.r, 0, 10000) || !isInt(p.m, 1, 10000) || p.r > p.m || (p.g !== 0 && p.g !== 1)) { return null; }
      out.h = p.h; out.r = p.r; out.m = p.m; out.g = p.g;
    }
    return out;
  }

  function localTest() {
    try {
      var data = JSON.parse(read(TEST) || "null");
      if (!data || data.v !== 1 || !Array.isArray(data.p)) { return null; }
      var attempts = [];
      for (var i = 0; i < data.p.length; i++) {
        var a = cleanAttempt(data.p[i]);
        if (a) { attempts.push(a); }
      }
      return attempts.length ? { v: 1, p: attempts } : null;
    } catch (e) { return null; }
  }

  /** What goes to the LMS, read from localStorage: modules done, self-checks, the test. */
  function collect() {
    var modules = [];
    INDEX.modules.forEach(function (m) {
      if (read(PROGRESS + m.id) === "klaar") { modules.push(m.number); }
    });
    var checks = {};
    courseKeys().forEach(function (k) {
      if (k.indexOf(SELF_CHECK) !== 0) { return; }
      var label = k.slice(SELF_CHECK.length);
      try {
        var v = JSON.parse(read(k));
        if (LABEL.test(label) && v && typeof v.k === "string" && /^[A-Z]$/.test(v.k) && (v.j === 0 || v.j === 1)) {
          checks[label] = v.k + v.j;
        }
      } catch (e) { /* not a result: skip */ }
    });
    return { modules: modules, checks: checks, test: localTest() };
  }

  function packAttempt(a, withItems) {
    var items = withItems ? a.i.map(function (it) { return it[0] + "|" + digits(it[1]) + "|" + digits(it[2]); }).join(",") : "";
    return a.h ? [a.s, items, a.h, a.r, a.m, a.g] : [a.s, items];
  }

  /** The compact suspend_data, never longer than the limit. What gives way first: attempts
   * between the first (it counts) and the latest, then the self-check results, then the items
   * of the latest attempt, then those of the first; the first attempt's result always stays. */
  function encode(state, limit) {
    var attempts = state.test ? state.test.p : [];
    var keep = attempts.map(function (a, i) { return { a: a, n: i + 1, items: true }; });
    var checks = Object.keys(state.checks).sort().map(function (k) { return k + ":" + state.checks[k]; });
    function text() {
      var out = { v: 1, m: state.modules.join(",") };
      if (checks.length) { out.z = checks.join(","); }
      if (keep.length) {
        out.n = attempts.length;
        out.e = keep.map(function (k) { return [k.n].concat(packAttempt(k.a, k.items)); });
      }
      return JSON.stringify(out);
    }
    var result = text();
    while (result.length > limit && keep.length > 2) { keep.splice(1, 1); result = text(); }
    while (result.length > limit && checks.length) { checks.pop(); result = text(); }
    for (var i = keep.length - 1; result.length > limit && i >= 0; i--) { keep[i].items = false; result = text(); }
    if (result.length > limit && keep.length > 1) { keep.splice(1, 1); result = text(); }
    return result;
  }

  /** suspend_data back to the state (null when it is not ours or damaged). */
  function decode(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || data.v !== 1 || typeof data.m !== "string" || !/^(\d{1,3}(,\d{1,3})*)?$/.test(data.m)) { return null; }
    var state = { modules: [], checks: {}, test: null };
    (data.m ? data.m.split(",") : []).forEach(function (d) { state.modules.push(parseInt(d, 10)); });
    if (typeof data.z === "string" && data.z) {
      data.z.split(",").forEach(function (pair) {
        var m = /^([A-Za-z0-9_-]{1,200}):([A-Z])([01])$/.exec(pair);
        if (m) { state.checks[m[1]] = m[2] + m[3]; }
      });
    }
    if (Array.isArray(data.e)) {
      var attempts = [];
      data.e.forEach(function (row) {
        if (!Array.isArray(row) || row.length < 3 || typeof row[2] !== "string") { return; }
        var items = [];
        var ok = true;
        (row[2] ? row[2].split(",") : []).forEach(function (cell) {
          var parts = cell.split("|");
          var order = parts.length === 3 ? undigits(parts[1]) : null;
          var chosen = parts.length === 3 ? undigits(parts[2]) : null;
          if (!order || !chosen || !ID.test(parts[0])) { ok = false; return; }
          items.push([parts[0], order, chosen]);
        });
        var p = { s: row[1], i: items, h: row[3] === undefined ? null : row[3], r: row[4], m: row[5], g: row[6] };
        var clean = ok ? cleanAttempt(p) : null;
        if (clean) { attempts.push(clean); }
      });
      if (attempts.length) { state.test = { v: 1, p: attempts }; }
    }
    return state;
  }

  /** Writes the LMS's state into localStorage; keys this browser already has stay as they are,
   * except when the state on this computer belongs to another learner. */
  function restore(remote, learner) {
    if (!ls) { return; }
    mine = hash(learner || "");
    var owner = read(LEARNER);
    var other = owner !== null && owner !== mine;
    if (other) {
      courseKeys().forEach(function (k) {
        if (k.indexOf(PROGRESS) === 0 || k.indexOf(SELF_CHECK) === 0 || k === TEST || k === LAST_PAGE) { remove(k); }
      });
    }
    write(LEARNER, mine);
    if (!remote) { return; }
    INDEX.modules.forEach(function (m) {
      if (remote.modules.indexOf(m.number) >= 0) { write(PROGRESS + m.id, "klaar"); }
    });
    Object.keys(remote.checks).forEach(function (label) {
      if (read(SELF_CHECK + label) === null) {
        var v = remote.checks[label];
        write(SELF_CHECK + label, JSON.stringify({ k: v.charAt(0), j: v.charAt(1) === "1" ? 1 : 0 }));
      }
    });
    var local = localTest();
    if (remote.test && (!local || local.p.length < remote.test.p.length)) {
      write(TEST, JSON.stringify(remote.test));
    }
  }

  // ---- what the LMS gets -------------------------------------------------------------------------

  function pad(n, w) { var s = String(n); while (s.length < w) { s = "0" + s; } return s; }

  function sessionTime() {
    var secs = Math.max(0, Math.round((Date.now() - started) / 1000));
    var h = Math.floor(secs / 3600), m = Math.floor(secs % 3600 / 60), s = secs % 60;
    if (VERSION === "2004") { return "PT" + h + "H" + m + "M" + s + "S"; }
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(s, 2);
  }

  function sync() {
    if (!live || finished) { return; }
    // Storage blocked, wiped ("Alles wissen" on a shared computer) or taken over by another
    // learner in another tab: what this browser holds is not this learner's state any more, and
    // the LMS keeps the record it has.
    if (!ls || mine === null || read(LEARNER) !== mine) { return; }
    var state = collect();
    var changed = set(CMI.suspend, encode(state, LIMIT));
    var total = INDEX.modules.length;
    var allDone = total > 0 && state.modules.length >= total;
    var attempts = state.test ? state.test.p : [];
    var first = attempts.length && attempts[0].h ? attempts[0] : null;
    var handedIn = attempts.some(function (a) { return !!a.h; });
    var complete = allDone && handedIn;
    if (first) {
      if (VERSION === "2004") {
        changed = set(CMI.min, "0") || changed;
        changed = set(CMI.max, String(first.m)) || changed;
        changed = set(CMI.raw, String(first.r)) || changed;
        changed = set("cmi.score.scaled", (first.r / first.m).toFixed(4).replace(/\.?0+$/, "")) || changed;
      } else {
        // 1.2: the LMS compares score.raw with the manifest's masteryscore (a percentage).
        changed = set(CMI.min, "0") || changed;
        changed = set(CMI.max, "100") || changed;
        changed = set(CMI.raw, String(Math.round(first.r / first.m * 100))) || changed;
      }
    }
    if (VERSION === "2004") {
      changed = set("cmi.completion_status", complete ? "completed" : "incomplete") || changed;
      changed = set("cmi.success_status", first ? (first.g ? "passed" : "failed") : "unknown") || changed;
      var measure = (state.modules.length + (handedIn ? 1 : 0)) / (total + 1);
      changed = set("cmi.progress_measure", measure.toFixed(4).replace(/\.?0+$/, "") || "0") || changed;
    } else {
      changed = set("cmi.core.lesson_status", complete && first ? (first.g ? "passed" : "failed") : "incomplete") || changed;
    }
    if (changed) { set(CMI.session, sessionTime()); call.commit(); }
  }

  function page(name) {
    if (!live || finished || typeof name !== "string") { return; }
    var location = name + ".html";
    if (!PAGE.test(location) || location.indexOf("..") >= 0) { return; }
    if (set(CMI.location, location)) { call.commit(); }
  }

  function time12(stamp) {
    var d = new Date(stamp);
    return pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2);
  }

  function time2004(stamp) {
    var d = new Date(stamp);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2) + "T" + time12(stamp);
  }

  /** One interaction per item of a handed-in attempt (the event's detail, checked). */
  function eindtoets(detail) {
    if (!live || finished || !detail || detail.fase !== "ingeleverd" || !Array.isArray(detail.items)) { sync(); return; }
    var n = parseInt(get(CMI.count), 10);
    if (!(n >= 0)) { n = 0; }
    var now = new Date().toISOString();
    var attempt = isInt(detail.poging, 1, 10000) ? detail.poging : 1;
    detail.items.slice(0, 200).forEach(function (item) {
      // An item left unanswered has the answer "" (recorded as wrong, without a response).
      if (!item || typeof item.id !== "string" || !ID.test(item.id) || typeof item.antwoord !== "string" ||
          !/^([a-z](,[a-z])*)?$/.test(item.antwoord) || typeof item.juist !== "boolean") { return; }
      var base = "cmi.interactions." + n + ".";
      set(base + "id", item.id);
      set(base + "type", "choice");
      if (typeof item.doel === "string" && ID.test(item.doel)) { set(base + "objectives.0.id", item.doel); }
      if (VERSION === "2004") {
        set(base + "timestamp", time2004(now));
        set(base + "description", "Eindtoets, poging " + attempt);
        if (item.antwoord) { set(base + "learner_response", item.antwoord.split(",").join("[,]")); }
        set(base + "result", item.juist ? "correct" : "incorrect");
      } else {
        set(base + "time", time12(now));
        if (item.antwoord) { set(base + "student_response", item.antwoord); }
        set(base + "result", item.juist ? "correct" : "wrong");
      }
      n++;
    });
    sync();
    call.commit();
  }

  function finish() {
    if (!live || finished) { return; }
    sync();
    set(CMI.session, sessionTime());
    set(CMI.exit, "suspend");
    try { call.commit(); call.finish(); } catch (e) { /* the LMS window may be gone already */ }
    finished = true;
  }

  // ---- start ----------------------------------------------------------------------------------

  function open(location) {
    var target = SITE + "/book/index.html";
    if (location && PAGE.test(location) && location.indexOf("..") < 0) { target = SITE + "/" + location; }
    frame.setAttribute("src", target);
  }

  if (!api) {
    window.cursusLMS = null;
    say("De leeromgeving is niet gevonden. Je kunt de training lezen, maar je voortgang en je eindtoets worden niet doorgegeven.");
    open("");
    return;
  }
  try { live = String(call.init()) === "true"; } catch (e) { live = false; }
  if (!live) {
    window.cursusLMS = null;
    say("De leeromgeving reageert niet. Je kunt de training lezen, maar je voortgang wordt niet doorgegeven. Sluit het venster en open de training opnieuw om het nog eens te proberen.");
    open("");
    return;
  }
  var location = get(CMI.location);
  restore(decode(get(CMI.suspend)), get(CMI.learner));
  window.cursusLMS = Object.freeze({
    version: VERSION,
    page: page,
    sync: sync,
    eindtoets: eindtoets,
    encode: encode,
    decode: decode,
    limit: LIMIT
  });
  window.addEventListener("storage", function (e) {
    if (e.key === null || (typeof e.key === "string" && e.key.indexOf(PREFIX) === 0)) { sync(); }
  });
  window.addEventListener("pagehide", finish);
  sync();
  open(location);
})();
