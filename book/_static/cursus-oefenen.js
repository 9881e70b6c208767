/**
 * "Zelf proberen in je browser" on a notebook page (issue 13).
 *
 * The build puts a panel (section.cursus-oefenen, course/sphinxext/runtime.py) on every notebook
 * page. Nothing loads before the learner clicks its button. Then a module Web Worker
 * (cursus-oefenen-worker.js) loads Pyodide and the course's own Python files from this site,
 * and every code cell of the page runs there in order, as "Run all" in Jupyter. The cells the
 * notebook marks with a tag (class tag_oefenen, named in the panel's data-cel) become labelled
 * editable fields ("oefenveld") with "Uitvoeren": it runs that cell and every cell below it (the
 * notebook asks the learner to run the cells below again), each output in place of the page's own.
 * The learner reads "stap" for a cell, never "cel", "kernel" or "helper".
 *
 * A mistake stops the run: when a cell cannot run (a "fout" part) or the glue says a value the
 * cells below need was refused (a "stop" part, cursus_oefenen.py), the cells below are emptied
 * and say they did not run, so no chart from an earlier input stays in view; the field's own
 * note quotes the first "Let op" line, wherever it is. "Stop", and a time limit per cell, end
 * the worker (also while the cells above run again after a stop); the fields keep their text.
 * What she types is kept in this browser (localStorage, per page and field) until she presses
 * "Opnieuw beginnen". A chart drawn from her input gets her caption, not the example's.
 *
 * The cell tagged tag_oefenen-bestand (module 4) also gets a file picker: the file is read in
 * the browser and written into Python's in-memory file system, never sent; kept in this
 * browser's storage only when the learner ticks the box.
 *
 * Output is text (textContent) and charts as <img src="data:image/svg+xml,..."> (an SVG in an
 * image cannot run script, and opened on its own a data: document has no origin of this site). No inline script, no inline handlers, no eval.
 */
(function () {
  "use strict";

  const panel = document.querySelector("section.cursus-oefenen");
  if (!panel) { return; }
  const shared = window.cursus || {};
  const STORE = (shared.prefix || "sociale-media-mentale-gezondheid:") + "oefenen-bestand";
  const OWN_FOLDER = "eigen-bestand/";
  const EDITS = (shared.prefix || "sociale-media-mentale-gezondheid:") + "oefenen:" + location.pathname.split("/").slice(-2).join("/") + ":";
  //: Seconds one step may take before Python is stopped (an endless loop, a huge number); the
  //: panel's data-tijdslimiet (course/sphinxext/runtime.py).
  function limit() { return Number(panel.dataset.tijdslimiet) || 30; }
  const SHOWN_EXAMPLE = "tag_" + (panel.dataset.voorbeeldfout || "voorbeeld-fout");
  const LET_OP = "Let op";
  const startRow = panel.querySelector(".cursus-oefenen-knoppen");
  const startButton = panel.querySelector(".cursus-oefenen-start");
  const status = panel.querySelector(".cursus-oefenen-status");
  startRow.hidden = false;
  panel.querySelector(".cursus-oefenen-privacy").hidden = false;
  const duration = panel.querySelector(".cursus-oefenen-duur");
  if (duration) { duration.hidden = false; }

  const cells = Array.from(document.querySelectorAll("div.cell")).map(function (el, index) {
    const pre = el.querySelector(".cell_input pre");
    return {
      el: el, index: index,
      code: pre ? pre.textContent.replace(/\n$/, "") : "",
      editable: el.classList.contains(panel.dataset.cel),
      file: el.classList.contains(panel.dataset.bestand),
      example: el.classList.contains(SHOWN_EXAMPLE),
      field: null, output: null, note: null, runButton: null, stopButton: null
    };
  });

  let worker = null;
  let pending = new Map();
  let nextId = 1;
  let running = null;          // {from, current} while cells run

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function say(text) { status.textContent = text; }

  // --- the worker ----------------------------------------------------------------------------

  // A worker started from its own address gets no Content-Security-Policy (a static site sends
  // no headers, and a meta policy does not reach a worker); one started from a blob: address
  // inherits this page's policy. So the worker is a small blob that imports the real worker
  // script: Python in it can then reach this site only, never another host. The import is a
  // dynamic one (a static import would be fetched as a worker script, and worker-src allows
  // blob: only, so that Python cannot start a worker without the policy); messages that arrive
  // before the real script listens are kept and handed to it.
  let workerAddress = null;

  function newWorker() {
    if (!workerAddress) {
      const real = JSON.stringify(new URL(panel.dataset.werker, location.href).href);
      const source = [
        "const vroeg = [];",
        "const bewaar = (e) => vroeg.push(e.data);",
        "self.addEventListener('message', bewaar);",
        "import(" + real + ").then(() => {",
        "  self.removeEventListener('message', bewaar);",
        "  vroeg.forEach((data) => self.dispatchEvent(new MessageEvent('message', { data: data })));",
        "}, (fout) => { setTimeout(() => { throw fout; }); });",
      ].join("\n");
      workerAddress = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    }
    worker = new Worker(workerAddress, { type: "module" });
    pending = new Map();
    worker.addEventListener("message", function (event) {
      const msg = event.data || {};
      if (msg.soort === "voortgang") { progress(msg.bytes); return; }
      const waiting = pending.get(msg.id);
      if (!waiting) { return; }
      pending.delete(msg.id);
      if (msg.soort === "mislukt") { waiting.reject(new Error(msg.melding)); } else { waiting.resolve(msg); }
    });
    worker.addEventListener("error", function (event) {
      event.preventDefault();
      pending.forEach(function (w) { w.reject(new Error(event.message || "worker")); });
      pending.clear();
    });
  }

  function call(message, transfer) {
    const id = nextId++;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      worker.postMessage(Object.assign({ id: id }, message), transfer || []);
    });
  }

  // --- output --------------------------------------------------------------------------------

  function outputOf(cell) {
    if (!cell.output) {
      cell.output = cell.el.querySelector(".cell_output");
      if (!cell.output) {
        cell.output = el("div", { "class": "cell_output docutils container" });
        cell.el.appendChild(cell.output);
      }
      // The page's numbered figures (caption and anchor), kept around the charts the runtime draws.
      cell.figures = Array.from(cell.output.querySelectorAll("figure")).map(function (f) { return f.cloneNode(true); });
    }
    return cell.output;
  }

  function clearOutput(out) {
    while (out.firstChild) { out.removeChild(out.firstChild); }
  }

  function ownFigure(page) {
    const figure = page.cloneNode(true);
    figure.removeAttribute("id");
    figure.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    const caption = figure.querySelector("figcaption");
    if (caption) {
      while (caption.firstChild) { caption.removeChild(caption.firstChild); }
      caption.appendChild(el("p", { "class": "cursus-oefenen-eigen-bijschrift" },
        "Jouw versie: getekend met wat je in de oefenvelden hierboven hebt ingevuld."));
    }
    return figure;
  }

  function notRun(cell, text) {
    const out = outputOf(cell);
    clearOutput(out);
    const box = el("div", { "class": "output stream cursus-oefenen-niet" });
    box.appendChild(el("p", {}, text));
    out.appendChild(box);
  }

  function firstWarning(parts) {
    const found = parts.find(function (p) { return p.tekst && (p.soort === "fout" || p.tekst.indexOf(LET_OP) === 0); });
    return found ? found.tekst.split("\n")[0] : null;
  }

  function show(cell, parts) {
    const out = outputOf(cell);
    clearOutput(out);
    // A caption describes the page's own chart: it stays only while this field and every field
    // above hold the example; a chart from her own input gets her caption.
    const own = cells.some(function (c) { return c.index <= cell.index && c.field && c.field.value !== c.code; });
    const figures = cell.figures.map(function (f) { return own ? ownFigure(f) : f.cloneNode(true); });
    parts.forEach(function (part) {
      if (part.soort === "svg") {
        // A data: address, not blob:: a blob: image opened in its own tab would be a document
        // of this site (script in the SVG would run here); a data: one has no origin of its own.
        const url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(String(part.svg));
        const img = el("img", { src: url, alt: part.alt, "class": "cursus-oefenen-grafiek" });
        img.addEventListener("load", scrollableCharts);
        const figure = figures.shift();
        const place = figure && figure.querySelector("img");
        if (place) {
          place.replaceWith(img);
          out.appendChild(figure);
        } else {
          out.appendChild(img);
        }
      } else if (part.soort === "stop") {
        // (no output: the glue's sign that the cells below cannot use this cell's result)
      } else {
        const box = el("div", { "class": "output stream highlight-myst-ansi notranslate" +
          (part.soort === "fout" ? " cursus-oefenen-fout" : "") });
        const inner = el("div", { "class": "highlight" });
        // As the built notebook page: its <pre> drops the text's last line end.
        inner.appendChild(el("pre", {}, part.tekst.replace(/\n$/, "")));
        box.appendChild(inner);
        out.appendChild(box);
      }
    });
  }

  // --- running cells -------------------------------------------------------------------------

  function codeOf(cell) { return cell.field ? cell.field.value : cell.code; }

  function setBusy(from, busy) {
    cells.forEach(function (c) {
      if (c.runButton) { c.runButton.disabled = busy; }
      if (c.stopButton) { c.stopButton.hidden = !(busy && c === from); }
      if (c.file && c.picker) { c.picker.disabled = busy; }
    });
  }

  //: One cell in the worker, within the time limit (a timeout stops Python like the Stop button).
  function runCode(cell) {
    return new Promise(function (resolve, reject) {
      const timer = setTimeout(function () { reject(new Error("tijd")); }, limit() * 1000);
      call({ soort: "uitvoeren", code: codeOf(cell) }).then(function (reply) { clearTimeout(timer); resolve(reply); },
        function (e) { clearTimeout(timer); reject(e); });
    });
  }

  //: Runs cells[start..]; returns {ok, warning, stoppedAt} or null when Python was stopped.
  async function runFrom(start, origin) {
    running = { from: origin, current: start };
    setBusy(origin, true);
    let warning = null;
    try {
      for (let i = start; i < cells.length; i++) {
        const cell = cells[i];
        if (cell.example) { continue; }   // the page's own example of a message (module 4) stays as built
        running.current = i;
        cell.el.setAttribute("aria-busy", "true");
        const reply = await runCode(cell);
        cell.el.removeAttribute("aria-busy");
        show(cell, reply.delen);
        const seen = firstWarning(reply.delen);
        if (seen && !warning) { warning = { text: seen, cell: cell }; }
        if (reply.delen.some(function (p) { return p.soort === "fout" || p.soort === "stop"; })) {
          for (let j = i + 1; j < cells.length; j++) {
            if (!cells[j].example && cells[j].code) {
              notRun(cells[j], "Deze stap is niet uitgevoerd, omdat een stap hierboven een melding gaf. Verbeter dat en klik opnieuw op Uitvoeren.");
            }
          }
          return { ok: false, warning: { text: seen, cell: cell } };
        }
      }
      return { ok: true, warning: warning };
    } catch (e) {
      if (e && e.message === "tijd" && running) {
        const from = running.from, stuck = cells[running.current];
        running = null;
        setBusy(origin, false);
        await stop(from, stuck, "Deze stap duurde langer dan " + limit() + " seconden en is gestopt.");
      }
      return null;   // stopped: stop() has said what happened
    } finally {
      cells.forEach(function (c) { c.el.removeAttribute("aria-busy"); });
      running = null;
      setBusy(origin, false);
    }
  }

  async function runCell(cell) {
    if (running || restarting) { return; }
    cell.note.textContent = "Bezig met uitvoeren…";
    const below = cells.slice(cell.index + 1).filter(function (c) { return c.code && !c.example; }).length;
    // After Python started empty (a stop while the steps above ran again), the steps above this
    // field run first, so that what they define (the helpers' import) is there again.
    const from = emptyStart ? 0 : cell.index;
    emptyStart = false;
    const result = await runFrom(from, cell);
    if (!result) { return; }
    const where = result.warning && result.warning.cell !== cell
      ? " (in een stap hieronder" + (result.warning.cell.field ? ", oefenveld " + result.warning.cell.number : "") + ")" : "";
    if (!result.ok) {
      cell.note.textContent = "Niet gelukt" + where + ": " + result.warning.text +
        (below ? " De stappen eronder zijn niet uitgevoerd." : "");
    } else if (result.warning) {
      cell.note.textContent = "Klaar, maar let op de melding" + where + ": " + result.warning.text;
    } else {
      cell.note.textContent = below
        ? "Klaar. Dit oefenveld en de " + (below === 1 ? "stap" : below + " stappen") + " eronder zijn opnieuw uitgevoerd; de uitkomst staat onder elke stap."
        : "Klaar. De uitkomst staat hieronder.";
    }
    // A message is shown where she is looking: her field's note comes into view.
    if (result.warning) { cell.note.scrollIntoView({ block: "center" }); }
  }

  let restarting = null;   // {cell} while Python starts again after a stop
  let emptyStart = false;  // Python started empty: the next run starts at the first step

  async function stop(cell, stuckCell, reason) {
    if (restarting) {
      // Stop while the cells above run again: end that too; Python starts empty.
      worker.terminate();
      pending.forEach(function (w) { w.reject(new Error("gestopt")); });
      pending.clear();
      restarting.cancelled = true;
      return;
    }
    if (!running && !stuckCell) { return; }
    const stuck = stuckCell || cells[running.current];
    worker.terminate();
    pending.forEach(function (w) { w.reject(new Error("gestopt")); });
    pending.clear();
    show(stuck, [{ soort: "fout", tekst: (reason || "Gestopt.") + " Deze stap bleef doorgaan, misschien omdat de code zich steeds herhaalt. Verander de code en klik opnieuw op Uitvoeren." }]);
    for (let j = stuck.index + 1; j < cells.length; j++) {
      if (!cells[j].example && cells[j].code) { notRun(cells[j], "Deze stap is niet uitgevoerd, omdat Python hierboven is gestopt."); }
    }
    const note = (cell || stuck).note || { textContent: "" };
    note.textContent = "Gestopt. Python start opnieuw en voert de stappen erboven opnieuw uit…";
    restarting = { cell: cell, cancelled: false };
    const me = restarting;
    setBusy(cell, true);
    if (cell && cell.stopButton) { cell.stopButton.hidden = false; }
    newWorker();
    try {
      await call({ soort: "start" });
      for (let i = 0; i < stuck.index && !me.cancelled; i++) {
        if (!cells[i].code) { continue; }
        show(cells[i], (await runCode(cells[i])).delen);
      }
      note.textContent = "Gestopt. Python is opnieuw gestart en de stappen erboven zijn opnieuw uitgevoerd. Je kunt verder; wat je typte, staat er nog.";
    } catch (e) {
      worker.terminate();
      newWorker();
      try { await call({ soort: "start" }); } catch (e2) { /* reported below */ }
      emptyStart = true;
      note.textContent = "Gestopt. Python is leeg opnieuw gestart; wat je typte, staat er nog. Verander de code die bleef doorgaan en klik op Uitvoeren: de stappen erboven worden dan ook opnieuw uitgevoerd.";
    } finally {
      restarting = null;
      setBusy(cell, false);
    }
  }

  // --- editable fields -----------------------------------------------------------------------

  // The file field (module 4) is not kept: the file it names is gone when the page closes.
  function savedEdit(cell) {
    if (cell.file) { return null; }
    try { return localStorage.getItem(EDITS + cell.index); } catch (e) { return null; }
  }

  function keepEdit(cell) {
    if (cell.file) { return; }
    try {
      if (cell.field.value === cell.code) { localStorage.removeItem(EDITS + cell.index); } else { localStorage.setItem(EDITS + cell.index, cell.field.value); }
    } catch (e) { /* storage blocked: the field still works, nothing is kept */ }
  }

  function makeEditable(cell, number, total) {
    const id = "cursus-oefenen-veld-" + cell.index;
    cell.number = number;
    const box = el("div", { "class": "cursus-oefenen-cel" });
    box.appendChild(el("label", { "for": id, "class": "cursus-oefenen-label" },
      "Oefenveld " + number + " van " + total + ": verander de tekst en klik op Uitvoeren"));
    const saved = savedEdit(cell);
    const lines = (saved || cell.code).split("\n").length;
    cell.field = el("textarea", { id: id, "class": "cursus-oefenen-code", rows: String(Math.min(20, lines + 1)),
      spellcheck: "false", autocapitalize: "off", autocomplete: "off", autocorrect: "off", wrap: "soft" });
    cell.field.value = saved !== null ? saved : cell.code;
    cell.field.addEventListener("input", function () { keepEdit(cell); });
    cell.field.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.shiftKey) { event.preventDefault(); runCell(cell); }
    });
    box.appendChild(cell.field);
    if (cell.file) { box.appendChild(filePicker(cell)); }
    const actions = el("div", { "class": "cursus-oefenen-acties" });
    cell.runButton = el("button", { type: "button", "class": "cursus-knop" }, "Uitvoeren");
    cell.runButton.addEventListener("click", function () { runCell(cell); });
    cell.stopButton = el("button", { type: "button", "class": "cursus-knop cursus-knop-wissen" }, "Stop");
    cell.stopButton.hidden = true;
    cell.stopButton.addEventListener("click", function () { stop(cell); });
    const reset = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Opnieuw beginnen");
    reset.addEventListener("click", function () {
      cell.field.value = cell.code;
      keepEdit(cell);
      cell.note.textContent = "Het voorbeeld staat er weer; wat je had getypt, is gewist. Klik op Uitvoeren om het uit te voeren.";
    });
    actions.append(cell.runButton, cell.stopButton, reset);
    box.appendChild(actions);
    cell.note = el("p", { "class": "cursus-oefenen-melding", role: "status" });
    if (saved !== null && saved !== cell.code) {
      cell.note.textContent = "Je eigen versie van de vorige keer staat er weer. Opnieuw beginnen zet het voorbeeld terug.";
    }
    box.appendChild(cell.note);
    const input = cell.el.querySelector(".cell_input");
    input.hidden = true;
    input.parentNode.insertBefore(box, input.nextSibling);
  }

  // --- module 4: the learner's own file ------------------------------------------------------

  function safeName(name) {
    const clean = name.normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[-.]+/, "");
    return (clean || "mijn-dagboek.csv").slice(-80);
  }

  function toBase64(bytes) {
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }

  function fromBase64(text) {
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  // The diary this browser keeps ({naam, inhoud: base64}), null, or DAMAGED when what is stored
  // cannot be one (edited by hand, cut off by a full storage): then the learner gets a message.
  const DAMAGED = {};
  function stored() {
    let raw;
    try { raw = localStorage.getItem(STORE); } catch (e) { return null; }
    if (raw === null) { return null; }
    try {
      const data = JSON.parse(raw);
      if (data && typeof data.naam === "string" && data.naam && typeof data.inhoud === "string" &&
          data.inhoud.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(data.inhoud)) { return data; }
    } catch (e) { /* damaged */ }
    return DAMAGED;
  }

  async function useFile(cell, name, bytes) {
    const path = OWN_FOLDER + safeName(name);
    await call({ soort: "bestand", pad: path, bytes: bytes.buffer.slice(0) });
    const assign = /^(\s*[A-Za-z_]\w*\s*=\s*)(["']).*\2/m;
    const variable = (cell.code.match(/^\s*([A-Za-z_]\w*)\s*=/) || [null, "mijn_bestand"])[1];
    cell.field.value = assign.test(cell.field.value)
      ? cell.field.value.replace(assign, "$1\"" + path + "\"")
      : variable + " = \"" + path + "\"";
    await runCell(cell);
  }

  function filePicker(cell) {
    const box = el("div", { "class": "cursus-oefenen-bestand" });
    const id = "cursus-oefenen-bestand-" + cell.index;
    box.appendChild(el("label", { "for": id }, "Of kies je eigen dagboek (een CSV-bestand)"));
    cell.picker = el("input", { type: "file", id: id, accept: ".csv,text/csv,text/plain" });
    box.appendChild(cell.picker);
    box.appendChild(el("p", { "class": "cursus-oefenen-uitleg" },
      "Je browser leest het bestand alleen hier, op je eigen computer. Het gaat niet naar internet " +
      "en het bestand zelf verandert niet. Als je de pagina sluit, is het weer weg, tenzij je hieronder kiest om het te bewaren."));
    const keepId = id + "-bewaren";
    const keepRow = el("p", { "class": "cursus-oefenen-bewaren" });
    const keep = el("input", { type: "checkbox", id: keepId });
    keepRow.append(keep, " ", el("label", { "for": keepId },
      "Bewaar mijn dagboek in deze browser, op dit apparaat, zodat ik het later niet opnieuw hoef te kiezen"));
    box.appendChild(keepRow);
    // Without storage the diary cannot be kept: the choice is left out, not only explained.
    if (!shared.storageAvailable) { keepRow.hidden = true; }
    const storedRow = el("p", { "class": "cursus-oefenen-bewaard" });
    box.appendChild(storedRow);
    const message = el("p", { "class": "cursus-oefenen-melding", role: "status" });
    box.appendChild(message);

    let last = null;
    function keepOrForget() {
      if (!keep.checked || !last) {
        if (!keep.checked) { try { localStorage.removeItem(STORE); } catch (e) { /* blocked */ } }
        showStored();
        return;
      }
      try {
        localStorage.setItem(STORE, JSON.stringify({ naam: last.name, inhoud: toBase64(last.bytes) }));
        message.textContent = "Bewaard in deze browser. Wissen kan hieronder, of met Alles wissen op de pagina Mijn reflecties.";
      } catch (e) {
        keep.checked = false;
        message.textContent = "Niet bewaard: je browser staat dat niet toe of de opslag is vol. Je kunt het bestand wel gewoon gebruiken.";
      }
      showStored();
    }

    function showStored() {
      while (storedRow.firstChild) { storedRow.removeChild(storedRow.firstChild); }
      const saved = stored();
      if (!saved) { return; }
      if (saved === DAMAGED) {
        const forget = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Wis het bewaarde dagboek");
        forget.addEventListener("click", function () {
          try { localStorage.removeItem(STORE); } catch (e) { /* blocked */ }
          keep.checked = false;
          message.textContent = "Het beschadigde dagboek is gewist. Kies je bestand opnieuw.";
          showStored();
        });
        storedRow.append("Het dagboek dat in deze browser bewaard is, is beschadigd en kan niet worden gebruikt. " +
          "Wis het en kies je bestand opnieuw. ", forget);
        return;
      }
      keep.checked = true;
      const use = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Gebruik het bewaarde dagboek");
      const wipe = el("button", { type: "button", "class": "cursus-knop cursus-knop-licht" }, "Wis het bewaarde dagboek");
      use.addEventListener("click", async function () {
        last = { name: saved.naam, bytes: fromBase64(saved.inhoud) };
        await useFile(cell, last.name, last.bytes);
      });
      wipe.addEventListener("click", function () {
        try { localStorage.removeItem(STORE); } catch (e) { /* blocked */ }
        keep.checked = false;
        message.textContent = "Het bewaarde dagboek is gewist uit deze browser.";
        showStored();
      });
      storedRow.append("In deze browser is een dagboek bewaard: " + saved.naam + ". ", use, " ", wipe);
    }

    cell.picker.addEventListener("change", async function () {
      const chosen = cell.picker.files && cell.picker.files[0];
      if (!chosen || running) { return; }
      last = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
      message.textContent = "Gekozen: " + chosen.name + ". Het notebook leest het nu.";
      keepOrForget();
      await useFile(cell, last.name, last.bytes);
    });
    keep.addEventListener("change", keepOrForget);
    showStored();
    return box;
  }

  // --- the button ----------------------------------------------------------------------------

  function explainFileUrl() {
    const index = window.CURSUS_INDEX || {};
    const site = (index.substitutions || {}).site_url || "";
    const text = el("p", { "class": "cursus-oefenen-uitleg" });
    text.append("Zelf proberen werkt niet als je de cursus als map op je eigen computer opent: je browser " +
      "blokkeert dan wat Python nodig heeft. Open de cursus daarom op de website ");
    text.appendChild(el("a", { href: site }, site));
    text.append(". Je kunt ook het oefenpakket hieronder downloaden en de oefeningen in Jupyter openen.");
    status.replaceWith(text);
    text.setAttribute("role", "status");
  }

  // --- loading: progress in MB and seconds left ---------------------------------------------

  let loading = null;
  let bar = null;

  function mb(bytes) { return (bytes / 1e6).toFixed(1).replace(".", ","); }

  function progress(bytes) {
    if (!loading) { return; }
    const total = Math.max(loading.total, bytes);
    if (bar) { bar.max = total; bar.value = bytes; }
    const seconds = (Date.now() - loading.started) / 1000;
    let text = "Python wordt geladen: " + mb(bytes) + " van " + mb(total) + " MB";
    if (seconds >= 1 && bytes > 0 && bytes < total) {
      const left = Math.max(1, Math.round((total - bytes) / (bytes / seconds)));
      text += ", nog ongeveer " + left + (left === 1 ? " seconde" : " seconden");
    } else if (bytes >= total) {
      text += ". Python start nu…";
    }
    say(text + (bytes < total ? "…" : ""));
  }

  async function begin() {
    if (location.protocol === "file:") { explainFileUrl(); startButton.disabled = true; return; }
    if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
      say("Je browser kan Python niet uitvoeren. Probeer een recente versie van Chrome, Edge, Firefox of Safari, of download het oefenpakket.");
      return;
    }
    startButton.disabled = true;
    loading = { started: Date.now(), total: Number(panel.dataset.bytes) || 0 };
    say("Python wordt geladen…");
    bar = el("progress", { "class": "cursus-oefenen-voortgang", max: String(loading.total || 1), value: "0",
      "aria-label": "Python laden" });
    status.parentNode.insertBefore(bar, status);
    newWorker();
    try {
      await call({ soort: "start" });
    } catch (e) {
      worker.terminate();
      startButton.disabled = false;
      say("Python kon niet laden. Controleer je verbinding met deze website en probeer het opnieuw.");
      return;
    }
    loading = null;
    if (bar) { bar.remove(); bar = null; }
    const editable = cells.filter(function (c) { return c.editable; });
    editable.forEach(function (c, i) { makeEditable(c, i + 1, editable.length); });
    say("Python is geladen. De stappen worden in je browser uitgevoerd…");
    const result = await runFrom(0, null);
    startRow.hidden = true;
    say(result && !result.ok
      ? "Klaar met laden, maar een stap gaf een melding: " + result.warning.text + " Verbeter dat in het oefenveld en klik op Uitvoeren."
      : "Klaar: alle stappen zijn in je browser uitgevoerd. Verander nu een oefenveld en klik op Uitvoeren.");
    if (editable.length) {
      editable[0].field.focus();
      editable[0].field.setSelectionRange(0, 0);   // the start of the code in view, also on a phone
      editable[0].field.scrollLeft = 0;
    }
  }

  // A chart wider than its box (a phone) scrolls sideways: the box can then be reached and
  // scrolled by keyboard too, and says what it holds.
  function scrollableCharts() {
    document.querySelectorAll("div.cell_output, div.cell_output > figure").forEach(function (box) {
      if (!box.querySelector(":scope > img")) { return; }
      // A figure is named by its caption; a bare output box gets a name of its own.
      const named = box.tagName !== "FIGURE";
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        if (named) {
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", "Grafiek: schuif opzij om alles te zien");
        }
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  scrollableCharts();
  window.addEventListener("resize", scrollableCharts);
  window.addEventListener("load", scrollableCharts);

  startButton.addEventListener("click", begin);
})();
