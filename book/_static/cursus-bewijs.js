/* Bewijs van deelname: after a pass, the learner types her name and her browser makes a PDF.
 *
 * pdf-lib and @pdf-lib/fontkit (npm, copied into _static/vendor/pdf-lib with their licences by
 * course/sphinxext/eindtoets.py) and the course font as TrueType (cursus-lettertype.js) load only
 * when she asks for the PDF. Nothing is sent anywhere and the name is not stored. The PDF holds the
 * name, the date of the passed attempt, the course title and version, the score, the study load,
 * the objectives and the honest line: proof of participation, not an accreditation.
 */
(function () {
  "use strict";

  var DATA = window.CURSUS_EINDTOETS;
  var C = window.cursus;
  var root = document.getElementById("cursus-bewijs");
  if (!DATA || !C || !root) { return; }
  var el = C.el, clear = C.clear;
  var MAX_NAME = 80;
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december"];
  var HONEST = "Dit is een bewijs van deelname, geen accreditatie. De deelnemer heeft het zelf gemaakt op de website " +
    "van de training, na het halen van de eindtoets. De training is niet geaccrediteerd door een beroepsregister. " +
    "De uren kun je zelf opgeven als vrije ruimte / informeel leren (SKJ) of als overige deskundigheidsbevordering " +
    "(Registerplein). Of het register ze meetelt, beslist het register.";

  function passed() {
    var state;
    try { state = JSON.parse(window.localStorage.getItem(C.prefix + "eindtoets") || "null"); } catch (e) { state = null; }
    if (!state || state.v !== 1 || !Array.isArray(state.p)) { return null; }
    for (var i = 0; i < state.p.length; i++) {
      var a = state.p[i];
      if (a && a.h && a.g === 1) { return { attempt: a, number: i + 1 }; }
    }
    return null;
  }

  function dutchDate(iso) {
    var d = new Date(iso);
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  function hours(h) { return String(h).replace(".", ",") + " uur"; }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("niet geladen: " + src)); };
      document.head.appendChild(s);
    });
  }

  function bytes(base64) {
    var text = window.atob(base64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i); }
    return out;
  }

  function libraries() {
    var base = C.rootUrl() + "_static/vendor/pdf-lib/";
    if (window.PDFLib && window.fontkit && window.CURSUS_LETTERTYPE) { return Promise.resolve(); }
    return loadScript(base + "pdf-lib.min.js").then(function () { return loadScript(base + "fontkit.umd.min.js"); })
      .then(function () { return loadScript(base + "cursus-lettertype.js"); });
  }

  /** Lines of at most `width` points, broken between words. */
  function wrap(text, font, size, width) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      var attempt = line ? line + " " + word : word;
      if (line && font.widthOfTextAtSize(attempt, size) > width) { lines.push(line); line = word; } else { line = attempt; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  function makePdf(name, result) {
    var PDF = window.PDFLib;
    return PDF.PDFDocument.create().then(function (doc) {
      doc.registerFontkit(window.fontkit);
      return Promise.all([doc.embedFont(bytes(window.CURSUS_LETTERTYPE.regular), { subset: true }),
        doc.embedFont(bytes(window.CURSUS_LETTERTYPE.bold), { subset: true })]).then(function (fonts) {
        var regular = fonts[0], bold = fonts[1];
        var missing = Array.from(new Set(Array.from(name).filter(function (ch) {
          return regular.getCharacterSet().indexOf(ch.codePointAt(0)) < 0 || bold.getCharacterSet().indexOf(ch.codePointAt(0)) < 0;
        })));
        if (missing.length) {
          var error = new Error("tekens");
          error.missing = missing;
          throw error;
        }
        var a = result.attempt, course = DATA.cursus;
        var page = doc.addPage([595.28, 841.89]);
        var left = 64, width = 595.28 - 2 * left, y = 841.89 - 90;
        var ink = PDF.rgb(0.1, 0.1, 0.1), accent = PDF.rgb(0.043, 0.431, 0.412);
        function text(t, font, size, color, gap) {
          wrap(t, font, size, width).forEach(function (line) {
            page.drawText(line, { x: left, y: y, size: size, font: font, color: color || ink });
            y -= size * 1.35;
          });
          y -= gap || 0;
        }
        page.drawRectangle({ x: 40, y: 40, width: 595.28 - 80, height: 841.89 - 80, borderColor: accent, borderWidth: 1.5 });
        text("Bewijs van deelname", bold, 28, accent, 14);
        text(name, bold, 22, ink, 6);
        text("heeft de open training " + course.titel + " gevolgd en de eindtoets gehaald.", regular, 13, ink, 14);
        [["Training", course.titel + ", versie " + course.versie],
          ["Datum", dutchDate(a.h)],
          ["Eindtoets", a.r + " van " + a.m + " goed (" + Math.round(100 * a.r / a.m) + "%), geslaagd" +
            (result.number === 1 ? " bij de eerste poging" : " bij poging " + result.number)],
          ["Studiebelasting", "ongeveer " + hours(course.studielast)]].forEach(function (row) {
          page.drawText(row[0], { x: left, y: y, size: 11, font: bold, color: ink });
          wrap(row[1], regular, 11, width - 110).forEach(function (line) {
            page.drawText(line, { x: left + 110, y: y, size: 11, font: regular, color: ink });
            y -= 15;
          });
          y -= 3;
        });
        y -= 10;
        text("Leerdoelen van de training", bold, 12, accent, 2);
        DATA.doelen.forEach(function (d) {
          wrap(d.code + "  " + d.tekst, regular, 8.6, width).forEach(function (line) {
            page.drawText(line, { x: left, y: y, size: 8.6, font: regular, color: ink });
            y -= 10.5;
          });
          y -= 2;
        });
        y -= 12;
        text(HONEST, regular, 9.5, ink, 8);
        text("Gebaseerd op de kennispagina Sociale media en mentale gezondheid van het Expertisecentrum Digitalisering " +
          "en Welzijn (Trimbos-instituut). " + course.adres, regular, 8.5, ink, 0);
        doc.setTitle("Bewijs van deelname: " + course.titel);
        doc.setSubject(course.titel + ", versie " + course.versie);
        doc.setLanguage("nl-NL");
        doc.setCreator(course.titel);
        return doc.save();
      });
    });
  }

  function cleanName(raw) { return raw.replace(/\s+/g, " ").trim(); }

  function render() {
    clear(root);
    var result = passed();
    if (!result) {
      root.appendChild(el("p", { "class": "cursus-waarschuwing" }, "Je hebt de eindtoets in deze browser nog niet gehaald. " +
        "Na een geslaagde poging kun je hier je bewijs van deelname maken."));
      var link = el("p");
      link.appendChild(el("a", { href: "eindtoets.html" }, "Naar de eindtoets"));
      root.appendChild(link);
      return;
    }
    var a = result.attempt;
    root.appendChild(el("p", {}, "Je hebt de eindtoets gehaald op " + dutchDate(a.h) + ", met " + a.r + " van " + a.m +
      " goed. Typ je naam zoals die op het bewijs moet staan."));
    var form = el("form", { "class": "cursus-bewijs-formulier", novalidate: "novalidate" });
    form.appendChild(el("label", { "for": "cursus-bewijs-naam" }, "Je naam"));
    var input = el("input", { type: "text", id: "cursus-bewijs-naam", name: "naam", autocomplete: "name",
      maxlength: String(MAX_NAME), "class": "cursus-bewijs-naam" });
    form.appendChild(input);
    var button = el("button", { type: "submit", "class": "cursus-knop" }, "Maak het bewijs (PDF)");
    form.appendChild(button);
    var status = el("p", { "class": "cursus-status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = cleanName(input.value);
      if (!name) { status.textContent = "Typ eerst je naam."; input.focus(); return; }
      if (name.length > MAX_NAME) { status.textContent = "Je naam is te lang (meer dan " + MAX_NAME + " tekens)."; return; }
      button.disabled = true;
      status.textContent = "Het bewijs wordt gemaakt, in je eigen browser.";
      libraries().then(function () { return makePdf(name, result); }).then(function (pdf) {
        var url = URL.createObjectURL(new Blob([pdf], { type: "application/pdf" }));
        var link = el("a", { href: url, download: "bewijs-van-deelname.pdf" });
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        status.textContent = "Het bestand bewijs-van-deelname.pdf staat in je downloads. Je naam is nergens bewaard.";
      }).catch(function (e) {
        status.textContent = e && e.missing
          ? "Je naam bevat tekens die het lettertype van het bewijs niet kent: " + e.missing.join(" ") + ". Schrijf ze zonder deze tekens."
          : "Het bewijs kon niet worden gemaakt. Laad de pagina opnieuw en probeer het nog eens.";
      }).then(function () { button.disabled = false; });
    });
    root.appendChild(form);
  }

  render();
})();
