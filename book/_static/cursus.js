/* Course script: reflection journal, self-checks, module progress.
 *
 * Progressive enhancement: without this script every page still shows the exercises, the
 * self-check options and the feedback (as dropdowns). With it:
 *  - every reflection exercise (div.exercise.reflectie) gets a labelled text field whose
 *    content is kept in this browser's localStorage as you type, and restored later;
 *  - every self-check question (div.exercise.zelftoets) becomes a set of radio buttons with a
 *    "Controleer" button and a live region that shows the feedback for the chosen option;
 *  - the module's closing page gets a "Module klaar" switch, the start page shows progress;
 *  - the page "Mijn reflecties" lists, exports, imports, prints and wipes the answers.
 * Nothing is sent anywhere. What a learner typed is only ever inserted as text
 * (textContent / value), never as HTML.
 */
(function () {
  "use strict";

  var PREFIX = "cursus:";
  var REFLECTION = PREFIX + "reflectie:";
  var PROGRESS = PREFIX + "voortgang:";
  var INDEX = window.CURSUS_INDEX || { modules: [], reflections: [] };

  // ---- storage that may be missing or blocked ---------------------------------------------

  var store = (function () {
    var ls = null;
    try {
      ls = window.localStorage;
      var probe = PREFIX + "probe";
      ls.setItem(probe, "1");
      ls.removeItem(probe);
    } catch (e) {
      ls = null;
    }
    return {
      ok: ls !== null,
      get: function (key) {
        try { return ls ? ls.getItem(key) : null; } catch (e) { return null; }
      },
      set: function (key, value) {
        try { if (ls) { ls.setItem(key, value); return true; } } catch (e) { /* full or blocked */ }
        return false;
      },
      remove: function (key) {
        try { if (ls) { ls.removeItem(key); } } catch (e) { /* blocked */ }
      },
      keys: function () {
        var out = [];
        try {
          if (ls) { for (var i = 0; i < ls.length; i++) { out.push(ls.key(i)); } }
        } catch (e) { /* blocked */ }
        return out;
      }
    };
  })();

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
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

  function reflectionInfo(id) {
    for (var i = 0; i < INDEX.reflections.length; i++) {
      if (INDEX.reflections[i].id === id) { return INDEX.reflections[i]; }
    }
    return null;
  }

  // ---- 1. reflection fields -----------------------------------------------------------------

  function enhanceReflections() {
    var boxes = document.querySelectorAll("div.exercise.reflectie[id]");
    Array.prototype.forEach.call(boxes, function (box) {
      var id = box.id;
      var key = REFLECTION + id;
      var wrap = el("div", { "class": "cursus-reflectie-veld" });
      var fieldId = "antwoord-" + id;
      var hintId = "antwoord-uitleg-" + id;
      wrap.appendChild(el("label", { "for": fieldId }, "Jouw antwoord"));
      wrap.appendChild(el("p", { id: hintId, "class": "cursus-uitleg" }, store.ok
        ? "Wat je typt, bewaart alleen deze browser op dit apparaat. Je vindt al je antwoorden terug op de pagina Mijn reflecties."
        : "Je browser staat geen opslag toe. Wat je hier typt, wordt niet bewaard als je de pagina sluit."));
      var area = el("textarea", { id: fieldId, rows: "6", "aria-describedby": hintId, spellcheck: "true" });
      area.value = store.get(key) || "";
      var status = el("p", { "class": "cursus-status", role: "status" });
      area.addEventListener("input", function () {
        var saved = area.value === "" ? (store.remove(key), store.ok) : store.set(key, area.value);
        var message = saved ? "Bewaard in deze browser." : "Niet bewaard: je browser staat geen opslag toe.";
        if (status.textContent !== message) { status.textContent = message; }
      });
      wrap.appendChild(area);
      wrap.appendChild(status);
      box.appendChild(wrap);
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
      var byLetter = {};
      answers.forEach(function (a) { byLetter[a.letter] = a; });
      if (!options.every(function (o) { return byLetter[o.letter]; })) { return; }

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
        while (live.firstChild) { live.removeChild(live.firstChild); }
        live.className = "cursus-feedback";
        if (!chosen) {
          live.appendChild(el("p", {}, "Kies eerst een antwoord."));
          return;
        }
        var answer = byLetter[chosen.value];
        var right = answer.verdict === "Juist";
        live.className = "cursus-feedback " + (right ? "cursus-juist" : "cursus-onjuist");
        var p = el("p");
        p.appendChild(el("strong", {}, chosen.value + ". " + (right ? "Juist." : "Niet juist.")));
        p.appendChild(contentAfterLabel(answer));
        live.appendChild(p);
      });
      list.classList.add("cursus-vervangen");
      solution.classList.add("cursus-vervangen");
      list.parentNode.insertBefore(form, list.nextSibling);
    });
  }

  // ---- 3. progress --------------------------------------------------------------------------

  function isDone(moduleId) { return store.get(PROGRESS + moduleId) === "klaar"; }

  function addModuleSwitch() {
    var name = pagename();
    var module = moduleOf(name);
    if (!module || !/\/afsluiting$/.test(name)) { return; }
    var article = document.querySelector("article.bd-article") || document.querySelector("main");
    if (!article) { return; }
    var box = el("div", { "class": "cursus-module-klaar" });
    var button = el("button", { type: "button", "class": "cursus-knop", "aria-pressed": "false" });
    var mark = el("span", { "aria-hidden": "true" });
    button.appendChild(document.createTextNode("Module klaar"));
    button.appendChild(mark);
    var status = el("p", { "class": "cursus-status", role: "status" });
    function render() {
      var done = isDone(module.id);
      button.setAttribute("aria-pressed", done ? "true" : "false");
      mark.textContent = done ? " ✓" : "";
    }
    button.addEventListener("click", function () {
      var done = !isDone(module.id);
      var saved = done ? store.set(PROGRESS + module.id, "klaar") : (store.remove(PROGRESS + module.id), store.ok);
      render();
      status.textContent = !saved ? "Niet bewaard: je browser staat geen opslag toe."
        : done ? "Deze module staat op klaar. Je ziet je voortgang op de startpagina."
          : "Deze module staat weer op nog niet klaar.";
    });
    box.appendChild(el("p", {}, store.ok
      ? "Klaar met deze module? Zet hem op klaar. Dit onthoudt alleen deze browser."
      : "Je browser staat geen opslag toe, dus je voortgang wordt niet bewaard."));
    box.appendChild(button);
    box.appendChild(status);
    render();
    article.appendChild(box);
  }

  function showProgress() {
    var target = document.getElementById("cursus-voortgang");
    if (!target || !INDEX.modules.length) { return; }
    while (target.firstChild) { target.removeChild(target.firstChild); }
    if (!store.ok) {
      target.appendChild(el("p", {}, "Je browser staat geen opslag toe. Daarom houdt deze site je voortgang niet bij."));
      return;
    }
    var done = INDEX.modules.filter(function (m) { return isDone(m.id); }).length;
    target.appendChild(el("p", { "class": "cursus-voortgang-tekst" },
      "Je hebt " + done + " van de " + INDEX.modules.length + " modules afgerond."));
    var list = el("ul", { "class": "cursus-voortgang-lijst" });
    INDEX.modules.forEach(function (m) {
      list.appendChild(el("li", { "class": isDone(m.id) ? "cursus-klaar" : "" },
        m.title + ": " + (isDone(m.id) ? "klaar" : "nog niet klaar")));
    });
    target.appendChild(list);
  }

  // ---- 4. "Mijn reflecties" -----------------------------------------------------------------

  var BEGIN = "<!-- cursus:";
  var END = "<!-- /cursus:";

  function answers() {
    var out = {};
    store.keys().forEach(function (k) {
      if (k && k.indexOf(REFLECTION) === 0) { out[k.slice(REFLECTION.length)] = store.get(k); }
    });
    return out;
  }

  function groups() {
    var saved = answers();
    var result = INDEX.modules.map(function (m) {
      return { module: m, items: INDEX.reflections.filter(function (r) { return r.module === m.id; }) };
    });
    var known = {};
    INDEX.reflections.forEach(function (r) { known[r.id] = true; });
    var other = Object.keys(saved).filter(function (id) { return !known[id]; }).sort()
      .map(function (id) { return { id: id, title: id, module: "", page: "" }; });
    if (other.length) { result.push({ module: { id: "", title: "Overige antwoorden" }, items: other }); }
    return { saved: saved, groups: result };
  }

  function exportMarkdown() {
    var data = groups();
    var lines = ["# Mijn reflecties", "",
      "Training Sociale media en mentale gezondheid. Geëxporteerd op " + new Date().toLocaleDateString("nl-NL") + ".",
      "Laat de regels met <!-- cursus:... --> staan: daarmee kun je dit bestand later weer importeren.", ""];
    data.groups.forEach(function (g) {
      var items = g.items.filter(function (r) { return data.saved[r.id]; });
      if (!items.length) { return; }
      lines.push("## " + g.module.title, "");
      items.forEach(function (r) {
        lines.push("### " + r.title, "", BEGIN + r.id + " -->", data.saved[r.id], END + r.id + " -->", "");
      });
    });
    return lines.join("\n");
  }

  function parseMarkdown(text) {
    var found = {};
    var pattern = /<!-- cursus:([A-Za-z0-9_-]+) -->\n([\s\S]*?)\n<!-- \/cursus:\1 -->/g;
    var match;
    text = text.replace(/\r\n/g, "\n");
    while ((match = pattern.exec(text)) !== null) { found[match[1]] = match[2]; }
    return found;
  }

  function download(name, text) {
    var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function journalPage() {
    var target = document.getElementById("cursus-dagboek");
    if (!target) { return; }
    while (target.firstChild) { target.removeChild(target.firstChild); }
    if (!store.ok) {
      target.appendChild(el("p", { "class": "cursus-waarschuwing" },
        "Je browser staat geen lokale opslag toe (bijvoorbeeld in een privévenster of door een instelling van je organisatie). " +
        "Daarom worden je antwoorden niet bewaard. Je kunt de opdrachten wel maken; schrijf je antwoorden dan ergens anders op."));
      return;
    }
    var status = el("p", { "class": "cursus-status", role: "status" });
    var tools = el("div", { "class": "cursus-dagboek-knoppen" });
    var exportButton = el("button", { type: "button", "class": "cursus-knop" }, "Exporteren als bestand (.md)");
    var printButton = el("button", { type: "button", "class": "cursus-knop" }, "Afdrukken");
    var wipeButton = el("button", { type: "button", "class": "cursus-knop cursus-knop-wissen" }, "Alles wissen");
    var importLabel = el("label", { "for": "cursus-import" }, "Eerder geëxporteerd bestand importeren");
    var importInput = el("input", { type: "file", id: "cursus-import", accept: ".md,.txt,text/markdown,text/plain" });
    tools.appendChild(exportButton);
    tools.appendChild(printButton);
    tools.appendChild(wipeButton);
    var importBox = el("div", { "class": "cursus-import" });
    importBox.appendChild(importLabel);
    importBox.appendChild(importInput);
    var list = el("div", { "class": "cursus-dagboek-lijst" });
    target.appendChild(tools);
    target.appendChild(importBox);
    target.appendChild(status);
    target.appendChild(list);

    function render() {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var data = groups();
      var count = Object.keys(data.saved).length;
      list.appendChild(el("p", {}, count === 0
        ? "Je hebt nog geen antwoorden geschreven. Bij elke reflectie-opdracht staat een tekstveld."
        : "Je hebt " + count + " van de " + INDEX.reflections.length + " reflectie-opdrachten beantwoord."));
      data.groups.forEach(function (g) {
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
          var text = data.saved[r.id];
          item.appendChild(text
            ? el("div", { "class": "cursus-antwoord" }, text)
            : el("p", { "class": "cursus-leeg" }, "Nog geen antwoord."));
          section.appendChild(item);
        });
        list.appendChild(section);
      });
    }

    exportButton.addEventListener("click", function () {
      download("mijn-reflecties.md", exportMarkdown());
      status.textContent = "Het bestand mijn-reflecties.md staat in je downloads.";
    });
    printButton.addEventListener("click", function () { window.print(); });
    wipeButton.addEventListener("click", function () {
      if (!window.confirm("Weet je zeker dat je al je antwoorden en je voortgang uit deze browser wilt wissen? Dit kun je niet ongedaan maken.")) {
        status.textContent = "Er is niets gewist.";
        return;
      }
      store.keys().filter(function (k) { return k && k.indexOf(PREFIX) === 0; }).forEach(store.remove);
      render();
      status.textContent = "Alle antwoorden en je voortgang zijn uit deze browser gewist.";
    });
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        var found = parseMarkdown(String(reader.result));
        var ids = Object.keys(found);
        var failed = ids.filter(function (id) { return !store.set(REFLECTION + id, found[id]); });
        render();
        status.textContent = ids.length === 0
          ? "In dit bestand staan geen antwoorden die de site herkent."
          : (ids.length - failed.length) + " antwoorden ingelezen." + (failed.length ? " " + failed.length + " konden niet worden bewaard." : "");
        importInput.value = "";
      };
      reader.onerror = function () { status.textContent = "Het bestand kon niet worden gelezen."; };
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
    enhanceReflections();
    enhanceSelfChecks();
    addModuleSwitch();
    showProgress();
    journalPage();
  }

  // Exposed for the browser tests and for curious developers; holds no data of its own.
  window.cursus = { storageAvailable: store.ok, exportMarkdown: exportMarkdown, parseMarkdown: parseMarkdown };

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
