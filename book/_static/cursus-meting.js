/* Voor- en nameting: how sure the learner is, per objective (1-5), before module 1 and after the
 * final test. The objectives come from the build (window.CURSUS_EINDTOETS.doelen, plain text).
 * Stored only in this browser: PREFIX + "meting:voor" / "meting:na", JSON {"M1.1": 3, ...}; these
 * keys never go to an LMS (contract toets/scorm), and "Alles wissen" removes them with the rest.
 * The page with data-meting="na" shows both ratings side by side. Text is set with textContent only.
 */
(function () {
  "use strict";

  var DATA = window.CURSUS_EINDTOETS;
  var C = window.cursus;
  var root = document.getElementById("cursus-meting");
  if (!DATA || !C || !root) { return; }
  var which = root.getAttribute("data-meting") === "na" ? "na" : "voor";
  var el = C.el, clear = C.clear;
  var LABELS = ["niet zeker", "een beetje zeker", "redelijk zeker", "zeker", "heel zeker"];
  var MODULES = new Map();
  ((window.CURSUS_INDEX || {}).modules || []).forEach(function (m) { MODULES.set(m.number, m.title); });

  function key(kind) { return C.prefix + "meting:" + kind; }

  function read(kind) {
    var raw;
    try { raw = window.localStorage.getItem(key(kind)); } catch (e) { raw = null; }
    try {
      var found = JSON.parse(raw || "{}");
      return found && typeof found === "object" && !Array.isArray(found) ? found : {};
    } catch (e) { return {}; }
  }

  function write(kind, value) {
    try { window.localStorage.setItem(key(kind), JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  var status = el("p", { "class": "cursus-status", role: "status" });
  var compare = el("div", { "class": "cursus-meting-vergelijking" });

  function form() {
    var saved = read(which);
    var box = el("form", { "class": "cursus-meting", novalidate: "novalidate" });
    var module = null;
    DATA.doelen.forEach(function (d) {
      if (d.module !== module) {
        module = d.module;
        box.appendChild(el("h2", {}, MODULES.get(module) || "Module " + module));
      }
      var fieldset = el("fieldset", { "class": "cursus-meting-doel" });
      var legend = el("legend");
      legend.appendChild(el("span", { "class": "cursus-letter" }, d.code + " "));
      legend.appendChild(document.createTextNode(d.tekst));
      fieldset.appendChild(legend);
      var row = el("div", { "class": "cursus-meting-schaal" });
      LABELS.forEach(function (label, i) {
        var id = "meting-" + which + "-" + d.code.replace(".", "-") + "-" + (i + 1);
        var option = el("span", { "class": "cursus-optie" });
        var input = el("input", { type: "radio", name: "meting-" + d.code, id: id, value: String(i + 1) });
        if (saved[d.code] === i + 1) { input.checked = true; }
        option.appendChild(input);
        option.appendChild(el("label", { "for": id }, (i + 1) + " " + label));
        row.appendChild(option);
      });
      fieldset.appendChild(row);
      box.appendChild(fieldset);
    });
    box.addEventListener("change", function (event) {
      var code = event.target.name.replace("meting-", "");
      var current = read(which);
      current[code] = Number(event.target.value);
      status.textContent = write(which, current) ? "Bewaard in deze browser."
        : "Niet bewaard: je browser staat geen opslag toe.";
      showComparison();
    });
    return box;
  }

  function showComparison() {
    clear(compare);
    var before = read("voor"), after = read("na");
    if (which !== "na" || !Object.keys(before).length && !Object.keys(after).length) { return; }
    compare.appendChild(el("h2", {}, "Voor en na, naast elkaar"));
    var table = el("table", { "class": "cursus-meting-tabel" });
    var head = el("tr");
    ["Leerdoel", "Voor de training", "Na de toets"].forEach(function (t) { head.appendChild(el("th", { scope: "col" }, t)); });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    DATA.doelen.forEach(function (d) {
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, d.code + " " + d.tekst));
      [before[d.code], after[d.code]].forEach(function (v) {
        tr.appendChild(el("td", {}, typeof v === "number" && v >= 1 && v <= 5 ? v + " (" + LABELS[v - 1] + ")" : "niet ingevuld"));
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    compare.appendChild(table);
  }

  clear(root);
  root.appendChild(form());
  root.appendChild(status);
  root.appendChild(compare);
  showComparison();
})();
