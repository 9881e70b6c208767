/* Course script: reflection journal, self-checks, module progress.
 *
 * Progressive enhancement: without this script every page still shows the exercises, the
 * self-check options and the feedback (as dropdowns). With it:
 *  - every reflection exercise (div.exercise.reflectie) gets a labelled text field whose
 *    content is kept in this browser's localStorage as you type, and restored later; when the
 *    same answer changes in another tab, the learner is told and offered both versions;
 *  - every self-check question (div.exercise.zelftoets) becomes a set of radio buttons with a
 *    "Controleer" button and a live region that shows the feedback for the chosen option;
 *  - the module's closing page gets a "Module klaar" switch; the start page shows progress
 *    (each module a link) and "Ga verder waar je was";
 *  - the page "Mijn reflecties" lists the answers, copies them, exports them as readable text
 *    (.txt) and as a file that imports back exactly (.json), imports (showing what is new,
 *    identical or would be replaced, and asking before replacing), prints and wipes them.
 * Nothing is sent anywhere. What a learner typed is only ever inserted as text
 * (textContent / value), never as HTML.
 */
(function () {
  "use strict";

  // Keys carry this course's own prefix, so that "Alles wissen" never touches another site's
  // or course's data on the same origin (e.g. several courses opened from one folder).
  var PREFIX = "sociale-media-mentale-gezondheid:";
  var REFLECTION = PREFIX + "reflectie:";
  var PROGRESS = PREFIX + "voortgang:";
  // The last checked answer per self-check question: {"k": letter, "j": 1 right / 0 not} (contract toets/scorm).
  var SELF_CHECK = PREFIX + "zelftoets:";
  var LAST_PAGE = PREFIX + "laatste-pagina";
  // Before version 0.2 the keys started with the generic "cursus:"; they are moved once.
  var LEGACY = ["cursus:reflectie:", "cursus:voortgang:"];
  var JOURNAL_PAGE = "book/bijlagen/mijn-reflecties.html";
  var COURSE = "Sociale media en mentale gezondheid";
  var EXPORT_KIND = "mijn-reflecties";
  var IMPORT_LIMIT = 10 * 1024 * 1024;   // bytes; an export with every answer is far smaller
  // An export holds one answer per reflection; a file with far more is not one of ours.
  var MAX_ANSWERS = 1000;
  var TOO_MANY = "Dit bestand bevat meer dan " + MAX_ANSWERS + " antwoorden. Zo'n bestand maakt deze site niet; het is beschadigd of ergens anders gemaakt. Er is niets veranderd.";
  var TOO_BIG = "Dit bestand is te groot om in te lezen (meer dan 10 MB). Kies het bestand mijn-reflecties.json dat je op deze pagina hebt gedownload. Er is niets veranderd.";
  var ID = /^[A-Za-z0-9_-]{1,200}$/;
  var INDEX = window.CURSUS_INDEX || { modules: [], reflections: [] };

  // ---- storage that may be missing, blocked or full ----------------------------------------

  var SAVED = "bewaard", FULL = "vol", BLOCKED = "geblokkeerd";
  var NOT_SAVED = {};
  NOT_SAVED[FULL] = "Niet bewaard: de opslag van je browser is vol. Download je antwoorden op de pagina Mijn reflecties en maak ruimte, bijvoorbeeld door de gegevens van andere websites te wissen.";
  NOT_SAVED[BLOCKED] = "Niet bewaard: je browser staat geen opslag toe.";

  function isQuotaError(e) {
    return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      e.code === 22 || e.code === 1014);
  }

  var store = (function () {
    var ls = null;
    try {
      ls = window.localStorage;
      var probe = PREFIX + "probe";
      ls.setItem(probe, "1");
      ls.removeItem(probe);
    } catch (e) {
      // A full storage still lets us read: only a storage we cannot touch counts as blocked.
      if (!isQuotaError(e)) { ls = null; }
    }
    return {
      ok: ls !== null,
      area: ls,
      get: function (key) {
        try { return ls ? ls.getItem(key) : null; } catch (e) { return null; }
      },
      /** Returns SAVED, FULL or BLOCKED. */
      set: function (key, value) {
        if (!ls) { return BLOCKED; }
        try { ls.setItem(key, value); return SAVED; } catch (e) { return isQuotaError(e) ? FULL : BLOCKED; }
      },
      remove: function (key) {
        try { if (ls) { ls.removeItem(key); return SAVED; } } catch (e) { /* blocked */ }
        return BLOCKED;
      },
      /** This course's keys only. */
      keys: function () {
        var out = [];
        try {
          if (ls) {
            for (var i = 0; i < ls.length; i++) {
              var k = ls.key(i);
              if (k !== null && k.indexOf(PREFIX) === 0) { out.push(k); }
            }
          }
        } catch (e) { /* blocked */ }
        return out;
      }
    };
  })();

  /** Moves answers and progress saved under the old generic prefix, losing nothing. */
  function migrateLegacyKeys() {
    if (!store.ok) { return; }
    var old = [];
    try {
      for (var i = 0; i < store.area.length; i++) { old.push(store.area.key(i)); }
    } catch (e) { return; }
    // Only keys that name one of this course's reflections or modules: another course opened
    // from the same folder may use the same generic prefix for its own.
    var own = {};
    own[LEGACY[0]] = function (id) { return KNOWN.has(id); };
    own[LEGACY[1]] = function (id) { return INDEX.modules.some(function (m) { return String(m.id) === id; }); };
    old.forEach(function (key) {
      LEGACY.forEach(function (legacy) {
        if (!key || key.indexOf(legacy) !== 0 || !own[legacy](key.slice(legacy.length))) { return; }
        var target = PREFIX + legacy.slice("cursus:".length) + key.slice(legacy.length);
        var value = store.get(key);
        var current = store.get(target);
        if (current === null && store.set(target, value) !== SAVED) { return; }   // keep the old key
        if (current === null || current === value) { store.remove(key); }
      });
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function pagename() {
    // documentation_options.js declares a global const, which is not a property of window.
    return (typeof DOCUMENTATION_OPTIONS !== "undefined" && DOCUMENTATION_OPTIONS.pagename) || "";
  }

  function rootUrl() {
    return document.documentElement.getAttribute("data-content_root") || "";
  }

  function moduleOf(name) {
    var folder = name.indexOf("/") >= 0 ? name.slice(0, name.lastIndexOf("/")) : "";
    for (var i = 0; i < INDEX.modules.length; i++) {
      if (INDEX.modules[i].id === folder) { return INDEX.modules[i]; }
    }
    return null;
  }

  /** A paragraph with text, one link, and more text. */
  function sentenceWithLink(before, href, label, after) {
    var p = el("p");
    p.appendChild(document.createTextNode(before));
    p.appendChild(el("a", { href: href }, label));
    p.appendChild(document.createTextNode(after));
    return p;
  }

  // ---- 1. reflection fields -----------------------------------------------------------------

  /** Open reflection fields by storage key, for the cross-tab listener (no prototype keys). */
  var openFields = new Map();

  function enhanceReflections() {
    var boxes = document.querySelectorAll("div.exercise.reflectie[id]");
    Array.prototype.forEach.call(boxes, function (box) {
      var id = box.id;
      var key = REFLECTION + id;
      var wrap = el("div", { "class": "cursus-reflectie-veld" });
      var fieldId = "antwoord-" + id;
      var hintId = "antwoord-uitleg-" + id;
      wrap.appendChild(el("label", { "for": fieldId }, "Jouw antwoord"));
      var hint = store.ok
        ? sentenceWithLink("Wat je typt, bewaart alleen deze browser op dit apparaat. Je vindt al je antwoorden terug op de pagina ",
          rootUrl() + JOURNAL_PAGE, "Mijn reflecties", ".")
        : el("p", {}, "Je browser staat geen opslag toe. Wat je hier typt, wordt niet bewaard als je de pagina sluit.");
      hint.id = hintId;
      hint.className = "cursus-uitleg";
      wrap.appendChild(hint);
      var area = el("textarea", { id: fieldId, rows: "6", "aria-describedby": hintId, spellcheck: "true" });
      var lastSaved = store.get(key) || "";
      area.value = lastSaved;
      var status = el("p", { "class": "cursus-status", role: "status" });
      var conflict = el("div", { "class": "cursus-conflict", role: "alert", hidden: "hidden" });

      function say(message) { if (status.textContent !== message) { status.textContent = message; } }

      function save() {
        var result = area.value === "" ? store.remove(key) : store.set(key, area.value);
        if (result === SAVED) { lastSaved = area.value; }
        say(result === SAVED ? "Bewaard in deze browser." : NOT_SAVED[result]);
      }
      var typedHere = false;
      area.addEventListener("input", function () { typedHere = true; save(); });

      function showConflict(other) {
        clear(conflict);
        conflict.hidden = false;
        conflict.appendChild(el("p", {}, "Let op: je hebt dit antwoord ook in een ander tabblad veranderd. " +
          "Welke versie wil je houden? Hieronder staat de versie uit het andere tabblad; in het tekstveld staat die uit dit tabblad."));
        conflict.appendChild(el("div", { "class": "cursus-antwoord" }, other));
        var useOther = el("button", { type: "button", "class": "cursus-knop" }, "Houd de versie uit het andere tabblad");
        var keepMine = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Houd de versie uit dit tabblad");
        useOther.addEventListener("click", function () {
          area.value = other;
          save();
          conflict.hidden = true;
          area.focus();
        });
        keepMine.addEventListener("click", function () {
          save();
          conflict.hidden = true;
          area.focus();
        });
        conflict.appendChild(useOther);
        conflict.appendChild(keepMine);
      }

      // Another tab saved this answer. Untouched here: follow it, and say so. Typed here too:
      // keep this tab's text in the field and show the other version beside it, to choose.
      openFields.set(key, function (newValue) {
        var other = newValue === null ? "" : newValue;
        if (other === area.value) { lastSaved = other; return; }
        if (!typedHere) {
          area.value = other;
          lastSaved = other;
          say("Bijgewerkt: je hebt dit antwoord in een ander tabblad veranderd.");
        } else {
          showConflict(other);
        }
      });

      wrap.appendChild(area);
      wrap.appendChild(status);
      wrap.appendChild(conflict);
      box.appendChild(wrap);
    });
  }

  function listenToOtherTabs() {
    window.addEventListener("storage", function (event) {
      if (event.storageArea !== store.area || event.key === null) { return; }
      var handler = openFields.get(event.key);
      if (handler) { handler(event.newValue); }
    });
  }

  // ---- 2. self-checks -----------------------------------------------------------------------

  var LETTER = /^\s*([A-Z])\.\s*(Juist|Niet juist)?\.?\s*$/;

  function optionItems(list) {
    var items = [];
    Array.prototype.forEach.call(list ? list.children : [], function (li) {
      var strong = li.querySelector("strong");
      var match = strong && LETTER.exec(strong.textContent);
      if (match) { items.push({ li: li, strong: strong, letter: match[1], verdict: match[2] || "" }); }
    });
    return items;
  }

  function feedbackFor(question) {
    var links = document.querySelectorAll("div.solution.zelftoets-feedback .admonition-title a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === "#" + question.id) {
        return links[i].closest("div.solution");
      }
    }
    return null;
  }

  /** A copy of an option's text without its leading "A." label (built from nodes, not HTML). */
  function contentAfterLabel(item) {
    var frag = document.createDocumentFragment();
    var source = item.strong.parentNode;
    var started = false;
    Array.prototype.forEach.call(source.childNodes, function (child) {
      if (child === item.strong) { started = true; return; }
      if (started) { frag.appendChild(child.cloneNode(true)); }
    });
    return frag;
  }

  function enhanceSelfChecks() {
    var questions = document.querySelectorAll("div.exercise.zelftoets[id]");
    Array.prototype.forEach.call(questions, function (question, qi) {
      var list = question.querySelector("section ul, ul");
      var options = optionItems(list);
      var solution = feedbackFor(question);
      var answers = optionItems(solution && solution.querySelector("section ul, ul"));
      if (options.length < 2 || answers.length !== options.length) { return; }
      var byLetter = new Map();
      answers.forEach(function (a) { byLetter.set(a.letter, a); });
      if (!options.every(function (o) { return byLetter.has(o.letter); })) { return; }

      var titleNode = question.querySelector(".admonition-title");
      var title = titleNode ? titleNode.textContent.trim() : "Vraag " + (qi + 1);
      var form = el("form", { "class": "cursus-zelftoets", novalidate: "novalidate" });
      var fieldset = el("fieldset");
      fieldset.appendChild(el("legend", {}, "Kies je antwoord bij " + title.toLowerCase()));
      options.forEach(function (o) {
        var inputId = question.id + "-optie-" + o.letter;
        var row = el("div", { "class": "cursus-optie" });
        var input = el("input", { type: "radio", name: question.id + "-keuze", id: inputId, value: o.letter });
        var label = el("label", { "for": inputId });
        label.appendChild(el("span", { "class": "cursus-letter" }, o.letter + ". "));
        label.appendChild(contentAfterLabel(o));
        row.appendChild(input);
        row.appendChild(label);
        fieldset.appendChild(row);
      });
      form.appendChild(fieldset);
      var button = el("button", { type: "submit", "class": "cursus-knop" }, "Controleer");
      form.appendChild(button);
      var live = el("div", { "class": "cursus-feedback", role: "status", "aria-live": "polite" });
      form.appendChild(live);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = form.querySelector("input[type=radio]:checked");
        clear(live);
        live.className = "cursus-feedback";
        if (!chosen) {
          live.appendChild(el("p", {}, "Kies eerst een antwoord."));
          return;
        }
        var answer = byLetter.get(chosen.value);
        var right = answer.verdict === "Juist";
        store.set(SELF_CHECK + question.id, JSON.stringify({ k: chosen.value, j: right ? 1 : 0 }));
        live.className = "cursus-feedback " + (right ? "cursus-juist" : "cursus-onjuist");
        var p = el("p");
        p.appendChild(el("strong", {}, chosen.value + ". " + (right ? "Juist." : "Niet juist.")));
        p.appendChild(contentAfterLabel(answer));
        live.appendChild(p);
      });
      var saved;
      try { saved = JSON.parse(store.get(SELF_CHECK + question.id) || "null"); } catch (e) { saved = null; }
      var again = saved && typeof saved.k === "string" && form.querySelector("input[value='" + saved.k.replace(/[^A-Z]/g, "") + "']");
      if (again) { again.checked = true; }
      list.classList.add("cursus-vervangen");
      solution.classList.add("cursus-vervangen");
      list.parentNode.insertBefore(form, list.nextSibling);
    });
  }

  // ---- 3. progress and "Ga verder waar je was" ------------------------------------------------

  function isDone(moduleId) { return store.get(PROGRESS + moduleId) === "klaar"; }

  function addModuleSwitch() {
    var name = pagename();
    var module = moduleOf(name);
    if (!module || !/\/afsluiting$/.test(name)) { return; }
    var article = document.querySelector("article.bd-article") || document.querySelector("main");
    if (!article) { return; }
    var box = el("div", { "class": "cursus-module-klaar" });
    var button = el("button", { type: "button", "class": "cursus-knop cursus-schakelaar", "aria-pressed": "false" });
    var mark = el("span", { "aria-hidden": "true" });
    button.appendChild(mark);
    button.appendChild(document.createTextNode("Module klaar"));
    var status = el("p", { "class": "cursus-status", role: "status" });
    function render() {
      var done = isDone(module.id);
      button.setAttribute("aria-pressed", done ? "true" : "false");
      mark.textContent = done ? "✓ " : "";
    }
    button.addEventListener("click", function () {
      var done = !isDone(module.id);
      var result = done ? store.set(PROGRESS + module.id, "klaar") : store.remove(PROGRESS + module.id);
      document.dispatchEvent(new CustomEvent("cursus:voortgang", { detail: { module: module.id, klaar: done } }));
      render();
      status.textContent = result !== SAVED ? NOT_SAVED[result]
        : done ? "Deze module staat op klaar. Je ziet je voortgang op de startpagina."
          : "Deze module staat weer op nog niet klaar.";
    });
    box.appendChild(el("p", {}, store.ok
      ? "Klaar met deze module? Zet hem op klaar. Dit onthoudt alleen deze browser."
      : "Je browser staat geen opslag toe, dus je voortgang wordt niet bewaard."));
    // Without storage the switch cannot work: it is left out, not only explained (issue 27, P15).
    if (!store.ok) { article.appendChild(box); return; }
    box.appendChild(button);
    box.appendChild(status);
    render();
    article.appendChild(box);
  }

  /** The module whose pages (its notebook included) hold this page, or null. */
  function moduleHolding(name) {
    for (var i = 0; i < INDEX.modules.length; i++) {
      if ((INDEX.modules[i].docs || []).indexOf(name) !== -1) { return INDEX.modules[i]; }
    }
    return null;
  }

  /** Remembers the page a learner is reading, for "Ga verder waar je was" on the start page.
   *  Only a module's own pages count: a look at the glossary, the help page, Mijn reflecties or
   *  the trainer part is a side trip, not where she was. */
  function rememberPage() {
    var name = pagename();
    var heading = document.querySelector("article.bd-article h1, main h1");
    var module = moduleHolding(name);
    if (!store.ok || !heading || !module || document.getElementById("cursus-voortgang")) { return; }
    var title = heading.textContent.replace(/#$/, "").trim();
    store.set(LAST_PAGE, JSON.stringify({ page: name + ".html", title: title, module: module.title }));
  }

  /** Where "Ga verder" leads: the page she was on, while its module is not done; else the
   *  first module not done yet. Null when she has not started, or when all modules are done. */
  function resumeTarget() {
    var last = lastPage();
    var next = INDEX.modules.filter(function (m) { return !isDone(m.id); })[0];
    if (!last || !next) { return null; }
    var module = moduleHolding(last.page.replace(/\.html$/, ""));
    if (module && !isDone(module.id)) {
      return { href: rootUrl() + last.page, label: "Ga verder waar je was: ", title: last.title,
        module: module.title.split(" — ")[0] };
    }
    return { href: rootUrl() + next.uri, label: "Ga verder met de volgende module: ", title: next.title, module: "" };
  }

  function resumeParagraph(target, className) {
    var resume = el("p", { "class": className });
    var link = el("a", { href: target.href, "class": "cursus-verder-link" });
    link.appendChild(el("span", { "class": "cursus-verder-label" }, target.label));
    link.appendChild(document.createTextNode(target.title));
    resume.appendChild(link);
    if (target.module) { resume.appendChild(el("span", { "class": "cursus-verder-module" }, " (" + target.module + ")")); }
    return resume;
  }

  /** The line near the top of the start page (book/index.md, #cursus-verder-boven): it holds
   *  "Begin met module 1" in the page itself, so filling it in moves nothing. */
  function showResumeAtTop() {
    var top = document.getElementById("cursus-verder-boven");
    if (!top || !store.ok) { return; }
    var target = resumeTarget();
    var allDone = INDEX.modules.length && INDEX.modules.every(function (m) { return isDone(m.id); });
    if (!target && !allDone) { return; }
    var line = target ? resumeParagraph(target, "cursus-verder cursus-verder-boven")
      : el("p", { "class": "cursus-verder cursus-verder-boven" }, "Je hebt alle modules afgerond. Goed gedaan!");
    line.id = top.id;
    top.replaceWith(line);
  }

  function lastPage() {
    try {
      var data = JSON.parse(store.get(LAST_PAGE) || "null");
      if (data && typeof data.page === "string" && typeof data.title === "string" &&
          /^[\w./-]+\.html$/.test(data.page) && data.page.indexOf("..") < 0) { return data; }
    } catch (e) { /* not ours or damaged: ignore */ }
    return null;
  }

  function showProgress() {
    var target = document.getElementById("cursus-voortgang");
    if (!target || !INDEX.modules.length) { return; }
    clear(target);
    if (!store.ok) {
      target.appendChild(el("p", {}, "Je browser staat geen opslag toe. Daarom houdt deze site je voortgang niet bij."));
      return;
    }
    var resume = resumeTarget();
    if (resume) {
      target.appendChild(resumeParagraph(resume, "cursus-verder"));
    } else if (!lastPage()) {
      target.appendChild(sentenceWithLink("Je bent nog niet begonnen. ", rootUrl() + INDEX.modules[0].uri,
        "Begin met " + INDEX.modules[0].title, "."));
    }
    var done = INDEX.modules.filter(function (m) { return isDone(m.id); }).length;
    target.appendChild(el("p", { "class": "cursus-voortgang-tekst" },
      "Je hebt " + done + " van de " + INDEX.modules.length + " modules afgerond."));
    var list = el("ul", { "class": "cursus-voortgang-lijst" });
    INDEX.modules.forEach(function (m) {
      var item = el("li", { "class": isDone(m.id) ? "cursus-klaar" : "" });
      item.appendChild(el("a", { href: rootUrl() + m.uri }, m.title));
      item.appendChild(document.createTextNode(": " + (isDone(m.id) ? "klaar" : "nog niet klaar")));
      list.appendChild(item);
    });
    target.appendChild(list);
  }

  // ---- 4. "Mijn reflecties": data ---------------------------------------------------------------

  /** Saved answers by reflection id, in a Map (ids such as "constructor" are ordinary keys). */
  function answers() {
    var out = new Map();
    store.keys().forEach(function (k) {
      if (k.indexOf(REFLECTION) === 0) {
        var value = store.get(k);
        if (value !== null) { out.set(k.slice(REFLECTION.length), value); }
      }
    });
    return out;
  }

  var KNOWN = new Map();
  INDEX.reflections.forEach(function (r) { KNOWN.set(r.id, r); });

  function groups(saved) {
    var result = INDEX.modules.map(function (m) {
      return { module: m, items: INDEX.reflections.filter(function (r) { return r.module === m.id; }) };
    });
    var other = Array.from(saved.keys()).filter(function (id) { return !KNOWN.has(id); }).sort()
      .map(function (id) { return { id: id, title: id, question: "", module: "", page: "" }; });
    if (other.length) { result.push({ module: { id: "", title: "Overige antwoorden" }, items: other }); }
    return result;
  }

  function today() {
    return new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  /** Readable plain text: every module, exercise title, question and answer. */
  function exportText() {
    var saved = answers();
    var rule = "------------------------------------------------------------";
    var lines = ["Mijn reflecties", "Training " + COURSE, "Gemaakt op " + today() + ".", ""];
    if (!saved.size) { lines.push("Je hebt nog geen antwoorden geschreven."); }
    groups(saved).forEach(function (g) {
      var items = g.items.filter(function (r) { return saved.has(r.id); });
      if (!items.length) { return; }
      lines.push("", rule.replace(/-/g, "="), g.module.title, rule.replace(/-/g, "="), "");
      items.forEach(function (r) {
        lines.push(r.title);
        if (r.pageTitle) { lines.push("(bij: " + r.pageTitle + ")"); }
        lines.push("");
        if (r.question) { lines.push("Vraag:", r.question, ""); }
        lines.push("Mijn antwoord:", saved.get(r.id), "", rule, "");
      });
    });
    return lines.join("\n");
  }

  /** The file to import later: JSON, which keeps any text exactly. */
  function exportJson() {
    var saved = answers();
    var list = [];
    groups(saved).forEach(function (g) {
      g.items.forEach(function (r) {
        if (saved.has(r.id)) { list.push({ id: r.id, titel: r.title, antwoord: saved.get(r.id) }); }
      });
    });
    var progress = INDEX.modules.filter(function (m) { return isDone(m.id); }).map(function (m) { return String(m.id); });
    var last = lastPage();
    return JSON.stringify({ soort: EXPORT_KIND, cursus: COURSE, versie: 1, gemaakt: new Date().toISOString(),
      antwoorden: list, voortgang: progress, laatstePagina: last }, null, 1);
  }

  /** Legacy .md export (before 0.2): marker lines around each answer. One pass over the lines. */
  function parseLegacyMarkdown(text) {
    var found = new Map();
    var lines = text.split("\n");
    var open = null, body = [];
    var begin = /^<!-- cursus:([A-Za-z0-9_-]{1,200}) -->$/;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (open === null) {
        var m = begin.exec(line);
        if (m) { open = m[1]; body = []; }
      } else if (line === "<!-- /cursus:" + open + " -->") {
        found.set(open, body.join("\n"));
        open = null;
      } else {
        body.push(line);
      }
    }
    return found;
  }

  /** Reads an export. Returns {answers: Map} or {error: "Dutch message"}. Linear in the size. */
  function parseImport(text) {
    text = String(text);
    if (text.length > IMPORT_LIMIT) { return { error: TOO_BIG }; }
    var trimmed = text.replace(/^\uFEFF/, "").trim();
    if (trimmed.charAt(0) === "{") {
      var data;
      try { data = JSON.parse(trimmed); } catch (e) { data = null; }
      if (!data || data.soort !== EXPORT_KIND || !Array.isArray(data.antwoorden)) {
        return { error: "Dit bestand is geen export van Mijn reflecties, of het is beschadigd. Er is niets veranderd." };
      }
      if (data.antwoorden.length > MAX_ANSWERS) { return { error: TOO_MANY }; }
      var found = new Map();
      for (var i = 0; i < data.antwoorden.length; i++) {
        var item = data.antwoorden[i];
        if (!item || typeof item.id !== "string" || !ID.test(item.id) || typeof item.antwoord !== "string") {
          return { error: "Antwoord " + (i + 1) + " in dit bestand is beschadigd. Er is niets veranderd." };
        }
        found.set(item.id, item.antwoord);
      }
      var modules = Array.isArray(data.voortgang) ? data.voortgang.filter(function (id) {
        return typeof id === "string" && INDEX.modules.some(function (m) { return String(m.id) === id; });
      }) : [];
      var last = data.laatstePagina;
      var page = last && typeof last === "object" && typeof last.page === "string" && typeof last.title === "string" &&
        /^[\w./-]+\.html$/.test(last.page) && last.page.indexOf("..") < 0
        ? { page: last.page, title: last.title, module: typeof last.module === "string" ? last.module : "" } : null;
      return { answers: found, progress: modules, lastPage: page };
    }
    var legacy = parseLegacyMarkdown(text.replace(/\r\n/g, "\n"));
    if (legacy.size > MAX_ANSWERS) { return { error: TOO_MANY }; }
    if (legacy.size) { return { answers: legacy, progress: [], lastPage: null }; }
    return { error: "In dit bestand staan geen antwoorden die de site herkent. Kies het bestand mijn-reflecties.json dat je op deze pagina hebt gedownload." };
  }

  /** Sorts imported answers into new, identical and would-replace. */
  function planImport(found) {
    var saved = answers();
    // seen: what this browser held when the learner was asked; apply() compares again.
    var plan = { fresh: [], same: [], different: [], unknown: [], seen: new Map() };
    found.forEach(function (text, id) {
      if (!KNOWN.has(id)) { plan.unknown.push(id); return; }
      plan.seen.set(id, saved.has(id) ? saved.get(id) : null);
      if (!saved.has(id)) { plan.fresh.push(id); }
      else if (saved.get(id) === text) { plan.same.push(id); }
      else { plan.different.push(id); }
    });
    return plan;
  }

  function titleOf(id) { return KNOWN.has(id) ? KNOWN.get(id).title : id; }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type + ";charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function copyText(text) {
    function fallback() {
      var area = el("textarea", { "class": "cursus-kopieer", "aria-hidden": "true", readonly: "readonly" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  // ---- 5. "Mijn reflecties": the page -----------------------------------------------------------

  /** Over file:// every local HTML file the browser opens shares this storage. */
  function localFileWarning() {
    var site = (INDEX.substitutions || {}).site_url || "";
    var box = el("div", { "class": "cursus-waarschuwing cursus-lokaal", role: "note" });
    box.appendChild(el("p", {}, "Let op: je hebt de cursus geopend als bestand op je computer. Dan kan elk ander " +
      "HTML-bestand dat je in deze browser opent (bijvoorbeeld een bijlage uit een e-mail) je antwoorden ook lezen."));
    var advice = el("p", {}, "Schrijf je iets persoonlijks? Gebruik dan liever de website" + (site ? " " : "."));
    if (site) {
      advice.appendChild(el("a", { href: site }, site));
      advice.appendChild(document.createTextNode("."));
    }
    advice.appendChild(document.createTextNode(" Of download je antwoorden hieronder en wis ze daarna hier met Alles wissen."));
    box.appendChild(advice);
    return box;
  }

  function journalPage() {
    var target = document.getElementById("cursus-dagboek");
    if (!target) { return; }
    clear(target);
    if (!store.ok) {
      target.classList.add("cursus-dagboek-zonder-opslag");
      target.appendChild(el("p", { "class": "cursus-waarschuwing" },
        "Je browser staat geen lokale opslag toe (bijvoorbeeld in een privévenster of door een instelling van je organisatie). " +
        "Daarom worden je antwoorden niet bewaard. Je kunt de opdrachten wel maken; schrijf je antwoorden dan ergens anders op."));
      return;
    }
    if (location.protocol === "file:") { target.appendChild(localFileWarning()); }
    var status = el("p", { "class": "cursus-status", role: "status" });
    var tools = el("div", { "class": "cursus-dagboek-knoppen" });
    function button(label, extra) {
      var b = el("button", { type: "button", "class": "cursus-knop" + (extra ? " " + extra : "") }, label);
      tools.appendChild(b);
      return b;
    }
    var copyButton = button("Kopieer alles");
    var textButton = button("Download als tekst (.txt)");
    var jsonButton = button("Download om later te importeren (.json)");
    var printButton = button("Afdrukken");
    var importBox = el("div", { "class": "cursus-import" });
    importBox.appendChild(el("label", { "for": "cursus-import" }, "Eerder gedownload bestand importeren (.json)"));
    var importInput = el("input", { type: "file", id: "cursus-import", accept: ".json,.md,.txt,application/json,text/markdown,text/plain" });
    importBox.appendChild(importInput);
    var question = el("div", { "class": "cursus-import-vraag", role: "region", "aria-label": "Importeren", hidden: "hidden" });
    var list = el("div", { "class": "cursus-dagboek-lijst" });
    var wipeBox = el("div", { "class": "cursus-wissen" });
    var wipeButton = el("button", { type: "button", "class": "cursus-knop cursus-knop-wissen" }, "Alles wissen");
    wipeBox.appendChild(wipeButton);
    [tools, importBox, question, status, list, wipeBox].forEach(function (n) { target.appendChild(n); });

    function render() {
      clear(list);
      var saved = answers();
      list.appendChild(el("p", {}, saved.size === 0
        ? "Je hebt nog geen antwoorden geschreven. Bij elke reflectie-opdracht staat een tekstveld."
        : "Je hebt " + saved.size + " van de " + INDEX.reflections.length + " reflectie-opdrachten beantwoord."));
      groups(saved).forEach(function (g) {
        if (!g.items.length) { return; }
        var section = el("section", { "class": "cursus-dagboek-module", "aria-label": g.module.title });
        section.appendChild(el("h3", {}, g.module.title));
        g.items.forEach(function (r) {
          var item = el("div", { "class": "cursus-dagboek-item", "data-reflectie": r.id });
          var heading = el("h4");
          if (r.page) {
            heading.appendChild(el("a", { href: rootUrl() + r.page + "#" + r.id }, r.title));
          } else {
            heading.textContent = r.title;
          }
          item.appendChild(heading);
          if (r.question) { item.appendChild(el("p", { "class": "cursus-vraag" }, r.question)); }
          item.appendChild(saved.has(r.id)
            ? el("div", { "class": "cursus-antwoord" }, saved.get(r.id))
            : el("p", { "class": "cursus-leeg" }, "Nog geen antwoord."));
          section.appendChild(item);
        });
        list.appendChild(section);
      });
    }

    copyButton.addEventListener("click", function () {
      copyText(exportText()).then(function () {
        status.textContent = "Al je antwoorden staan nu op je klembord. Plak ze in een document of e-mail aan jezelf.";
      }, function () {
        status.textContent = "Kopiëren lukte niet in deze browser. Gebruik Download als tekst.";
      });
    });
    textButton.addEventListener("click", function () {
      download("mijn-reflecties.txt", exportText(), "text/plain");
      status.textContent = "Het bestand mijn-reflecties.txt staat in je downloads. Je kunt het met elk tekstprogramma openen.";
    });
    jsonButton.addEventListener("click", function () {
      download("mijn-reflecties.json", exportJson(), "application/json");
      status.textContent = "Het bestand mijn-reflecties.json staat in je downloads. Bewaar het: daarmee zet je je antwoorden later terug, ook op een ander apparaat.";
    });
    printButton.addEventListener("click", function () { window.print(); });
    wipeButton.addEventListener("click", function () {
      if (!window.confirm("Weet je zeker dat je al je antwoorden, je voortgang en je toetsresultaten uit deze browser wilt wissen? Dit kun je niet ongedaan maken.")) {
        status.textContent = "Er is niets gewist.";
        return;
      }
      store.keys().forEach(store.remove);
      try {   // the theme's sidebar position, kept for this tab only (course/sphinxext/storage.py)
        for (var i = window.sessionStorage.length - 1; i >= 0; i--) {
          var key = window.sessionStorage.key(i);
          if (key && key.indexOf(PREFIX) === 0) { window.sessionStorage.removeItem(key); }
        }
      } catch (e) { /* blocked */ }
      render();
      status.textContent = "Alle antwoorden, je voortgang en je toetsresultaten zijn uit deze browser gewist.";
    });

    /** Writes the chosen answers, reading each stored one again first: an answer that changed
     *  since the learner was asked (another tab) is left as it is and counted. Progress and the
     *  last page come along: a module done in the file is done here; the file's last page when
     *  this browser has none of its own (or only this page, which it shows while importing). */
    function takesLastPage() {
      var mine = lastPage();
      return !mine || mine.page === JOURNAL_PAGE;
    }

    function apply(parsed, plan, ids, skipped) {
      var found = parsed.answers;
      var failed = new Map();
      var changed = 0;
      ids.forEach(function (id) {
        if (store.get(REFLECTION + id) !== plan.seen.get(id)) { changed++; return; }
        var result = store.set(REFLECTION + id, found.get(id));
        if (result !== SAVED) { failed.set(id, result); }
      });
      var modules = 0;
      (parsed.progress || []).forEach(function (id) {
        if (!isDone(id) && store.set(PROGRESS + id, "klaar") === SAVED) { modules++; }
      });
      if (parsed.lastPage && takesLastPage()) { store.set(LAST_PAGE, JSON.stringify(parsed.lastPage)); }
      render();
      var parts = [(ids.length - failed.size - changed) + " antwoorden ingelezen."];
      if (skipped) { parts.push(skipped); }
      if (changed) {
        parts.push(changed + " antwoorden zijn intussen in deze browser veranderd (bijvoorbeeld in een ander tabblad) en zijn niet overschreven.");
      }
      if (plan.unknown.length) {
        parts.push(plan.unknown.length + " antwoorden horen bij geen opdracht van deze cursus en zijn overgeslagen.");
      }
      if (modules) { parts.push("Voortgang overgenomen: " + modules + (modules === 1 ? " module" : " modules") + " op klaar."); }
      if (failed.size) {
        var reason = Array.from(failed.values()).indexOf(FULL) >= 0 ? "de opslag van je browser is vol" : "je browser staat geen opslag toe";
        parts.push(failed.size + " konden niet worden bewaard: " + reason + ".");
      }
      status.textContent = parts.join(" ");
    }

    function ask(parsed, plan) {
      clear(question);
      question.hidden = false;
      question.appendChild(el("p", {}, "In dit bestand staan " + plan.fresh.length + " nieuwe antwoorden en " +
        plan.same.length + " antwoorden die hier al precies zo staan. " + plan.different.length +
        " antwoorden zijn anders dan wat in deze browser staat:"));
      var names = el("ul");
      plan.different.forEach(function (id) { names.appendChild(el("li", {}, titleOf(id))); });
      question.appendChild(names);
      question.appendChild(el("p", {}, "Wil je die vervangen door de versie uit het bestand? Dan ben je de versie in deze browser kwijt."));
      var replace = el("button", { type: "button", "class": "cursus-knop" }, "Vervang ze door het bestand");
      var onlyNew = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Alleen nieuwe antwoorden toevoegen");
      var cancel = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Niets importeren");
      function done() { question.hidden = true; clear(question); importInput.focus(); }
      replace.addEventListener("click", function () {
        done();
        apply(parsed, plan, plan.fresh.concat(plan.different), plan.same.length ? plan.same.length + " stonden er al." : "");
      });
      onlyNew.addEventListener("click", function () {
        done();
        apply(parsed, plan, plan.fresh, plan.different.length + " antwoorden in deze browser zijn niet veranderd.");
      });
      cancel.addEventListener("click", function () { done(); status.textContent = "Er is niets geïmporteerd."; });
      [replace, onlyNew, cancel].forEach(function (b) { question.appendChild(b); });
      replace.focus();
    }

    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) { return; }
      question.hidden = true;
      if (file.size > IMPORT_LIMIT) {
        status.textContent = TOO_BIG;
        importInput.value = "";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        importInput.value = "";
        var parsed = parseImport(String(reader.result));
        if (parsed.error) { status.textContent = parsed.error; return; }
        var plan = planImport(parsed.answers);
        var extra = parsed.progress.some(function (id) { return !isDone(id); }) || (parsed.lastPage && takesLastPage());
        if (plan.different.length) {
          status.textContent = "";
          ask(parsed, plan);
        } else if (!plan.fresh.length && !extra && !plan.unknown.length) {
          status.textContent = "Alle " + plan.same.length + " antwoorden uit dit bestand staan hier al. Er is niets veranderd.";
        } else {
          apply(parsed, plan, plan.fresh, plan.same.length ? plan.same.length + " stonden er al." : "");
        }
      };
      reader.onerror = function () { importInput.value = ""; status.textContent = "Het bestand kon niet worden gelezen. Er is niets veranderd."; };
      reader.readAsText(file);
    });
    render();
  }

  // sphinx-togglebutton names its buttons "Toggle hidden content" (English, same for all).
  function dutchToggleLabels() {
    Array.prototype.forEach.call(document.querySelectorAll("button.toggle-button"), function (button) {
      var title = button.parentNode ? button.parentNode.textContent.trim() : "";
      button.setAttribute("aria-label", title ? title + ": tonen of verbergen" : "Tonen of verbergen");
    });
  }

  function start() {
    document.documentElement.classList.add("cursus-js");
    migrateLegacyKeys();
    enhanceReflections();
    listenToOtherTabs();
    enhanceSelfChecks();
    addModuleSwitch();
    rememberPage();
    showProgress();
    showResumeAtTop();
    journalPage();
  }

  // Shared with cursus-site.js, and used by the browser tests; holds no data of its own.
  window.cursus = {
    storageAvailable: store.ok, prefix: PREFIX, el: el, clear: clear, rootUrl: rootUrl, pagename: pagename,
    exportText: exportText, exportJson: exportJson, parseImport: parseImport
  };

  if (document.readyState === "complete") {
    dutchToggleLabels();
  } else {
    window.addEventListener("load", dutchToggleLabels);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
