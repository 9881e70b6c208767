/* The final test (eindtoets) on book/afronden/eindtoets: draw, attempt, hand-in, result.
 *
 * The item bank comes from the build as window.CURSUS_EINDTOETS (course/sphinxext/eindtoets.py).
 * An attempt draws the test length from the bank, evenly over the modules (each module's quota),
 * with at most maxKennis "kennis" questions per module (so at least 60 % applies knowledge); a case
 * is drawn whole. A retake takes questions that earlier attempts did not show, where the bank
 * allows. Options are shown in a random order; the draw and the order are kept in the attempt, so
 * a reload shows the same test. No feedback until it is handed in. The first attempt counts.
 *
 * Storage (contract toets/scorm): localStorage key PREFIX + "eindtoets", JSON
 *   {"v":1,"p":[{"s":started,"i":[[id,[order],[chosen original indexes]],...],"h":handed in|null,
 *                "r":score,"m":max,"g":1|0}]}   (r/m/g only after hand-in)
 * Events on document: "cursus:eindtoets" with {fase:"gestart"|"ingeleverd", poging, ...}.
 * Every text from the bank is set with textContent; nothing is parsed as markup. No LMS API here.
 */
(function () {
  "use strict";

  var DATA = window.CURSUS_EINDTOETS;
  var C = window.cursus;
  var root = document.getElementById("cursus-eindtoets");
  if (!DATA || !C || !root) { return; }

  var KEY = C.prefix + "eindtoets";
  var LETTERS = "abcde";
  var el = C.el, clear = C.clear;

  var QUESTIONS = new Map();   // id -> question (with .unit)
  DATA.eenheden.forEach(function (u) {
    u.vragen.forEach(function (q) { q.unit = u; QUESTIONS.set(q.id, q); });
  });

  // ---- storage ---------------------------------------------------------------------------------

  function read() {
    var raw;
    try { raw = window.localStorage.getItem(KEY); } catch (e) { raw = null; }
    if (!raw) { return { v: 1, p: [] }; }
    try {
      var state = JSON.parse(raw);
      if (state && state.v === 1 && Array.isArray(state.p)) { return state; }
    } catch (e) { /* unreadable: start again, keep nothing broken */ }
    return { v: 1, p: [] };
  }

  function write(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch (e) { return false; }
  }

  function now() { return new Date().toISOString().replace(/\.\d{3}Z$/, "Z"); }

  // ---- the draw ----------------------------------------------------------------------------------

  function shuffle(list, random) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  function knowledge(unit) {
    return unit.vragen.filter(function (q) { return q.niveau === "kennis"; }).length;
  }

  /** Units for one module: fresh ones first, then seen ones; within the quota and the kennis cap. */
  function drawModule(units, quota, maxKennis, seen, random) {
    var fresh = [], old = [];
    shuffle(units, random).forEach(function (u) {
      (u.vragen.some(function (q) { return seen.has(q.id); }) ? old : fresh).push(u);
    });
    var order = fresh.concat(old);
    var passes = [maxKennis, quota];   // the second pass only if the bank cannot keep the cap
    for (var p = 0; p < passes.length; p++) {
      var chosen = [], left = quota, k = 0;
      for (var i = 0; i < order.length && left > 0; i++) {
        var u = order[i], n = u.vragen.length, kn = knowledge(u);
        if (n <= left && k + kn <= passes[p]) { chosen.push(u); left -= n; k += kn; }
      }
      if (left === 0) { return chosen; }
    }
    return chosen;
  }

  /** A new draw: a list of [id, option order, []] in the order shown. */
  function draw(seen, random) {
    random = random || Math.random;
    var units = [];
    DATA.modules.forEach(function (m) {
      var mine = DATA.eenheden.filter(function (u) { return u.module === m.nummer; });
      units = units.concat(drawModule(mine, m.quota, m.maxKennis, seen, random));
    });
    var items = [];
    shuffle(units, random).forEach(function (u) {
      u.vragen.forEach(function (q) {
        var order = shuffle(q.opties.map(function (_, i) { return i; }), random);
        items.push([q.id, order, []]);
      });
    });
    return items;
  }

  function seenIds(state) {
    var seen = new Set();
    state.p.forEach(function (a) { a.i.forEach(function (it) { seen.add(it[0]); }); });
    return seen;
  }

  function isRight(q, chosen) {
    if (chosen.length !== q.sleutel.length) { return false; }
    return q.sleutel.every(function (k) { return chosen.indexOf(k) >= 0; });
  }

  function score(attempt) {
    var r = 0, m = 0;
    attempt.i.forEach(function (it) {
      var q = QUESTIONS.get(it[0]);
      if (!q) { return; }
      m += 1;
      if (isRight(q, it[2])) { r += 1; }
    });
    return { r: r, m: m, g: m > 0 && r >= Math.ceil(m * DATA.cesuur - 1e-9) ? 1 : 0 };
  }

  function needed(m) { return Math.ceil(m * DATA.cesuur - 1e-9); }

  function letters(indexes) {
    return indexes.slice().sort(function (a, b) { return a - b; })
      .map(function (i) { return LETTERS.charAt(i); }).join(",");
  }

  function dispatch(detail) {
    document.dispatchEvent(new CustomEvent("cursus:eindtoets", { detail: detail }));
  }

  // ---- views ---------------------------------------------------------------------------------------

  function heading(text) {
    var h = el("h2", { tabindex: "-1", "class": "cursus-toets-kop" }, text);
    return h;
  }

  function percent(r, m) { return m ? Math.round(100 * r / m) + "%" : "0%"; }

  function current(state) {
    var last = state.p[state.p.length - 1];
    return last && !last.h ? last : null;
  }

  function render(focus) {
    var state = read();
    clear(root);
    var open = current(state);
    if (open) { showAttempt(state, open); } else if (state.p.length) { showResult(state, state.p.length - 1); } else {
      showStart(state);
    }
    if (focus) {
      var h = root.querySelector(".cursus-toets-kop");
      if (h) { h.focus(); }
    }
  }

  function showStart(state) {
    root.appendChild(heading("Klaar om te beginnen?"));
    root.appendChild(el("p", {}, "De toets heeft " + DATA.lengte + " vragen uit alle vier de modules. Je bent geslaagd met " +
      needed(DATA.lengte) + " of meer goed (" + Math.round(DATA.cesuur * 100) + "%). Je ziet de uitleg bij je antwoorden pas als je de toets hebt ingeleverd."));
    startButton(state, "Start de toets");
  }

  function startButton(state, label) {
    var button = el("button", { type: "button", "class": "cursus-knop cursus-toets-start" }, label);
    var status = el("p", { "class": "cursus-status", role: "status" });
    button.addEventListener("click", function () {
      var fresh = read();
      var attempt = { s: now(), i: draw(seenIds(fresh)), h: null };
      fresh.p.push(attempt);
      if (!write(fresh)) {
        status.textContent = "Je browser staat geen opslag toe, dus de toets kan niet worden bewaard. Sta opslag toe en probeer het opnieuw.";
        return;
      }
      dispatch({ fase: "gestart", poging: fresh.p.length });
      render(true);
    });
    root.appendChild(button);
    root.appendChild(status);
  }

  function showAttempt(state, attempt) {
    var number = state.p.length;
    root.appendChild(heading(number === 1 ? "De eindtoets" : "De eindtoets, poging " + number));
    root.appendChild(el("p", {}, number === 1
      ? "Dit is je eerste poging: die telt. Je antwoorden worden in deze browser bewaard, ook als je de pagina sluit."
      : "Dit is een herkansing: je eerste poging blijft de poging die telt. Je krijgt zoveel mogelijk andere vragen."));
    var form = el("form", { "class": "cursus-toets", novalidate: "novalidate" });
    var lastCase = null;
    attempt.i.forEach(function (it, n) {
      var q = QUESTIONS.get(it[0]);
      if (!q) { return; }
      if (q.unit.situatie && q.unit !== lastCase) {
        var box = el("div", { "class": "cursus-toets-casus" });
        box.appendChild(el("p", { "class": "cursus-toets-casus-titel" }, "Casus bij de vragen " + (n + 1) + " tot en met " +
          (n + q.unit.vragen.length)));
        box.appendChild(el("p", {}, q.unit.situatie));
        form.appendChild(box);
      }
      lastCase = q.unit.situatie ? q.unit : null;
      var fieldset = el("fieldset", { "class": "cursus-toets-vraag", id: "vraag-" + (n + 1) });
      var legend = el("legend");
      legend.appendChild(el("span", { "class": "cursus-toets-nummer" }, "Vraag " + (n + 1) + " van " + attempt.i.length + ". "));
      legend.appendChild(document.createTextNode(q.vraag));
      fieldset.appendChild(legend);
      it[1].forEach(function (original, shown) {
        var inputId = "toets-" + (n + 1) + "-" + shown;
        var row = el("div", { "class": "cursus-optie" });
        var input = el("input", { type: q.type === "meer" ? "checkbox" : "radio", name: "toets-" + (n + 1), id: inputId,
          value: String(original) });
        if (it[2].indexOf(original) >= 0) { input.checked = true; }
        var label = el("label", { "for": inputId });
        label.appendChild(el("span", { "class": "cursus-letter" }, "ABCDE".charAt(shown) + ". "));
        label.appendChild(document.createTextNode(q.opties[original]));
        row.appendChild(input);
        row.appendChild(label);
        fieldset.appendChild(row);
      });
      form.appendChild(fieldset);
    });
    var count = el("p", { "class": "cursus-status cursus-toets-teller" });
    var status = el("p", { "class": "cursus-status", role: "status" });
    function answered() { return attempt.i.filter(function (it) { return it[2].length > 0; }).length; }
    function showCount() { count.textContent = "Beantwoord: " + answered() + " van " + attempt.i.length + "."; }
    form.addEventListener("change", function (event) {
      var input = event.target;
      var n = Number(input.name.replace("toets-", "")) - 1;
      var it = attempt.i[n];
      if (!it) { return; }
      var chosen = Array.prototype.filter.call(form.querySelectorAll("input[name='" + input.name + "']"),
        function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
      it[2] = chosen;
      var fresh = read();
      if (fresh.p.length && !fresh.p[fresh.p.length - 1].h) {
        fresh.p[fresh.p.length - 1] = attempt;
        if (!write(fresh)) { status.textContent = "Let op: je antwoord kon niet worden bewaard in deze browser."; }
      }
      showCount();
    });
    var button = el("button", { type: "submit", "class": "cursus-knop" }, "Inleveren");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var open = attempt.i.length - answered();
      if (open > 0 && !window.confirm("Je hebt " + open + (open === 1 ? " vraag" : " vragen") +
        " nog niet beantwoord. Wil je de toets toch inleveren?")) {
        status.textContent = "De toets is nog niet ingeleverd.";
        return;
      }
      handIn(attempt);
    });
    showCount();
    form.appendChild(count);
    form.appendChild(button);
    form.appendChild(status);
    root.appendChild(form);
  }

  function handIn(attempt) {
    var state = read();
    var index = state.p.length - 1;
    if (index < 0 || state.p[index].h) { render(true); return; }
    var result = score(attempt);
    attempt.h = now();
    attempt.r = result.r; attempt.m = result.m; attempt.g = result.g;
    state.p[index] = attempt;
    write(state);
    dispatch({
      fase: "ingeleverd", poging: index + 1, score: result.r, max: result.m, geslaagd: result.g === 1,
      items: attempt.i.filter(function (it) { return QUESTIONS.has(it[0]); }).map(function (it) {
        var q = QUESTIONS.get(it[0]);
        return { id: it[0], type: "choice", antwoord: letters(it[2]), juist: isRight(q, it[2]), doel: q.doel };
      })
    });
    render(true);
  }

  function showResult(state, index) {
    var attempt = state.p[index];
    var counts = state.p[0];
    var passed = attempt.g === 1;
    root.appendChild(heading(passed ? "Geslaagd" : "Nog niet geslaagd"));
    var summary = el("p", { "class": "cursus-toets-score " + (passed ? "cursus-juist" : "cursus-onjuist") });
    summary.appendChild(el("strong", {}, "Je score: " + attempt.r + " van " + attempt.m + " (" + percent(attempt.r, attempt.m) + "). "));
    summary.appendChild(document.createTextNode(passed ? "Je hebt de eindtoets gehaald."
      : "Je hebt " + needed(attempt.m) + " goed nodig om te slagen."));
    root.appendChild(summary);
    root.appendChild(el("p", {}, index === 0 ? "Dit is je eerste poging: die telt."
      : "Dit was poging " + (index + 1) + ". Je eerste poging telt: " + counts.r + " van " + counts.m + ", " +
        (counts.g === 1 ? "geslaagd." : "niet geslaagd.")));
    root.appendChild(el("h3", {}, "Je antwoorden met uitleg"));
    var list = el("ol", { "class": "cursus-toets-uitslag" });
    attempt.i.forEach(function (it) {
      var q = QUESTIONS.get(it[0]);
      if (!q) { return; }
      var right = isRight(q, it[2]);
      var item = el("li", { "class": right ? "cursus-juist" : "cursus-onjuist" });
      if (q.unit.situatie) { item.appendChild(el("p", { "class": "cursus-toets-casus-kort" }, "Casus: " + q.unit.situatie)); }
      item.appendChild(el("p", { "class": "cursus-toets-vraagtekst" }, q.vraag));
      item.appendChild(el("p", {}, (right ? "Goed. " : "Niet goed. ") + "Jouw antwoord: " +
        (it[2].length ? it[2].map(function (o) { return q.opties[o]; }).join(" + ") : "geen antwoord") + "."));
      var feedback = el("ul", { "class": "cursus-toets-feedback" });
      it[1].forEach(function (o) {
        if (it[2].indexOf(o) < 0 && q.sleutel.indexOf(o) < 0) { return; }
        var line = el("li");
        line.appendChild(el("strong", {}, q.opties[o] + " "));
        line.appendChild(document.createTextNode(q.feedback[o]));
        feedback.appendChild(line);
      });
      item.appendChild(feedback);
      var reread = el("p", { "class": "cursus-toets-herlees" }, "Lees nog eens: ");
      reread.appendChild(el("a", { href: q.herlees.href }, q.herlees.titel));
      item.appendChild(reread);
      list.appendChild(item);
    });
    root.appendChild(list);
    root.appendChild(el("p", {}, "Wil je nog eens oefenen? Een nieuwe poging krijgt zoveel mogelijk andere vragen. Je eerste poging blijft de poging die telt."));
    startButton(state, "Maak de toets opnieuw");
  }

  // Used by the browser tests to check the draw rules on many draws; holds no data of its own.
  window.cursusToets = { draw: draw, score: score, needed: needed };

  render(false);
})();
