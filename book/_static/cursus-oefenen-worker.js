/**
 * The Python of "Zelf proberen in je browser": a module Web Worker, so the page never freezes
 * and "Stop" can end an endless loop by terminating it (cursus-oefenen.js starts a new one).
 *
 * Everything comes from the site itself: Pyodide from ../_python/pyodide/ and one zip
 * (../_python/oefenen.zip) with the helper package `cursus`, drawsvg, the data files and
 * cursus_oefenen.py, the glue that runs a cell as Jupyter would (see course/sphinxext/runtime.py).
 * No eval or new Function here; Pyodide itself needs 'wasm-unsafe-eval' (see CONTRIBUTING.md).
 *
 * Messages in:  {soort: "start"} | {soort: "uitvoeren", id, code} | {soort: "bestand", id, pad, bytes}
 * Messages out (with the id of the message they answer): {soort: "klaar", bytes} | {soort: "uitvoer", id, delen} | {soort: "bewaard", id}
 *               {soort: "mislukt", melding}; without an id, while starting: {soort: "voortgang", bytes}
 */
const BASE = new URL("../_python/", import.meta.url);
const HOME = "/home/pyodide/oefenen";
let python = null;
let voerUit = null;

// Every download of the start (the runtime, the standard library, the course's zip) is counted,
// so the page can show "5,2 van 14 MB, nog ongeveer 12 seconden" (at most ten messages a second).
const gewoneFetch = self.fetch.bind(self);
let geladen = 0;
let gemeld = 0;
function meld(klaar) {
  const nu = Date.now();
  if (klaar || nu - gemeld > 100) {
    gemeld = nu;
    self.postMessage({ soort: "voortgang", bytes: geladen });
  }
}
self.fetch = async (...args) => {
  const antwoord = await gewoneFetch(...args);
  if (!antwoord.body) { return antwoord; }
  const lezer = antwoord.body.getReader();
  const stroom = new ReadableStream({
    async pull(controller) {
      const { done, value } = await lezer.read();
      if (done) { meld(true); controller.close(); return; }
      geladen += value.byteLength;
      meld(false);
      controller.enqueue(value);
    },
    cancel(reden) { return lezer.cancel(reden); }
  });
  return new Response(stroom, { status: antwoord.status, statusText: antwoord.statusText, headers: antwoord.headers });
};

async function start() {
  // Imported after fetch is wrapped, so Pyodide's downloads are counted too.
  const { loadPyodide } = await import("../_python/pyodide/pyodide.mjs");
  python = await loadPyodide({
    indexURL: new URL("pyodide/", BASE).href,
    packages: []        // the standard library only; the course's own files come in oefenen.zip
  });
  const antwoord = await fetch(new URL("oefenen.zip", BASE));
  if (!antwoord.ok) { throw new Error("oefenen.zip: " + antwoord.status); }
  const zip = await antwoord.arrayBuffer();
  python.FS.mkdirTree(HOME);
  python.unpackArchive(zip, "zip", { extractDir: HOME });
  python.FS.chdir(HOME);
  const sys = python.pyimport("sys");
  sys.path.insert(0, HOME);
  voerUit = python.pyimport("cursus_oefenen").voer_uit_json;
  return zip.byteLength;
}

const gestart = start();

self.addEventListener("message", async (event) => {
  const bericht = event.data || {};
  try {
    if (bericht.soort === "start") {
      self.postMessage({ soort: "klaar", id: bericht.id, bytes: await gestart });
    } else if (bericht.soort === "uitvoeren") {
      await gestart;
      const delen = JSON.parse(voerUit(String(bericht.code)));
      self.postMessage({ soort: "uitvoer", id: bericht.id, delen: delen });
    } else if (bericht.soort === "bestand") {
      await gestart;
      const map = bericht.pad.split("/").slice(0, -1).join("/");
      if (map) { python.FS.mkdirTree(HOME + "/" + map); }
      python.FS.writeFile(HOME + "/" + bericht.pad, new Uint8Array(bericht.bytes));
      self.postMessage({ soort: "bewaard", id: bericht.id });
    }
  } catch (fout) {
    self.postMessage({ soort: "mislukt", id: bericht.id, melding: String(fout && fout.message || fout) });
  }
});
