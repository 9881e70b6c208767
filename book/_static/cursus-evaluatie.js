/* The course evaluation for self-paced learners (book/afronden/evaluatie): a few questions, kept
 * only in this browser (PREFIX + "evaluatie", JSON; like the journal it never goes to an LMS), with
 * "Kopieer" and "Download als tekst" to send it to her organisation herself. Text is only ever set
 * with textContent/value; the export is plain text.
 */
(function () {
  "use strict";

  var C = window.cursus;
  var root = document.getElementById("cursus-evaluatie");
  if (!C || !root) { return; }
  var el = C.el, clear = C.clear;
  var KEY = C.prefix + "evaluatie";
  var TITLE = "Evaluatie van de training Sociale media en mentale gezondheid";
  var QUESTIONS = [
    { id: "bruikbaar", kind: "keuze", text: "Hoe bruikbaar is de training voor je werk?",
      options: ["1 niet bruikbaar", "2", "3", "4", "5 heel bruikbaar"] },
    { id: "niveau", kind: "keuze", text: "Hoe vond je het niveau?", options: ["te makkelijk", "goed", "te moeilijk"] },
    { id: "module", kind: "keuze", text: "Welke module had je het meest aan?",
      options: ["module 1", "module 2", "module 3", "module 4"] },
    { id: "meenemen", kind: "tekst", text: "Wat neem je mee naar je werk?" },
    { id: "beter", kind: "tekst", text: "Wat kan er beter aan de training?" },
    { id: "tijd", kind: "tekst", text: "Hoeveel tijd heb je ongeveer aan de training besteed?" },
    { id: "aanraden", kind: "keuze", text: "Zou je de training een collega aanraden?", options: ["ja", "misschien", "nee"] }
  ];

  function read() {
    var raw;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { raw = null; }
    try {
      var found = JSON.parse(raw || "{}");
      return found && typeof found === "object" && !Array.isArray(found) ? found : {};
    } catch (e) { return {}; }
  }

  function write(value) {
    try { window.localStorage.setItem(KEY, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  function asText() {
    var saved = read();
    var lines = [TITLE, ""];
    QUESTIONS.forEach(function (q) {
      lines.push(q.text);
      lines.push(typeof saved[q.id] === "string" && saved[q.id].trim() ? saved[q.id] : "(niet ingevuld)");
      lines.push("");
    });
    return lines.join("\n");
  }

  var status = el("p", { "class": "cursus-status", role: "status" });

  function render() {
    clear(root);
    var saved = read();
    var form = el("form", { "class": "cursus-evaluatie-formulier", novalidate: "novalidate" });
    QUESTIONS.forEach(function (q) {
      if (q.kind === "tekst") {
        var id = "evaluatie-" + q.id;
        form.appendChild(el("label", { "for": id, "class": "cursus-evaluatie-vraag" }, q.text));
        var area = el("textarea", { id: id, name: q.id, rows: "3", "class": "cursus-reflectie-veld" });
        area.value = typeof saved[q.id] === "string" ? saved[q.id] : "";
        form.appendChild(area);
        return;
      }
      var fieldset = el("fieldset");
      fieldset.appendChild(el("legend", { "class": "cursus-evaluatie-vraag" }, q.text));
      q.options.forEach(function (label, i) {
        var optionId = "evaluatie-" + q.id + "-" + i;
        var row = el("div", { "class": "cursus-optie" });
        var input = el("input", { type: "radio", name: q.id, id: optionId, value: label });
        if (saved[q.id] === label) { input.checked = true; }
        row.appendChild(input);
        row.appendChild(el("label", { "for": optionId }, label));
        fieldset.appendChild(row);
      });
      form.appendChild(fieldset);
    });
    function save(event) {
      var target = event.target;
      if (!target.name) { return; }
      var current = read();
      current[target.name] = target.value;
      status.textContent = write(current) ? "Bewaard in deze browser." : "Niet bewaard: je browser staat geen opslag toe.";
    }
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    root.appendChild(form);

    var buttons = el("div", { "class": "cursus-dagboek-knoppen" });
    var copy = el("button", { type: "button", "class": "cursus-knop" }, "Kopieer de evaluatie");
    var download = el("button", { type: "button", "class": "cursus-knop" }, "Download als tekst");
    buttons.appendChild(copy);
    buttons.appendChild(download);
    root.appendChild(buttons);
    root.appendChild(status);
    copy.addEventListener("click", function () {
      var text = asText();
      var done = function () { status.textContent = "De evaluatie staat op je klembord. Plak hem in een e-mail of document."; };
      var failed = function () { status.textContent = "Kopiëren lukt niet in deze browser. Gebruik Download als tekst."; };
      if (navigator.clipboard && navigator.clipboard.writeText) { navigator.clipboard.writeText(text).then(done, failed); } else { failed(); }
    });
    download.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([asText()], { type: "text/plain;charset=utf-8" }));
      var link = el("a", { href: url, download: "evaluatie.txt" });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      status.textContent = "Het bestand evaluatie.txt staat in je downloads.";
    });
  }

  render();
})();
