/* Search page helpers (Sphinx's own search, see CONTRIBUTING.md "Search: why Sphinx's").
 *
 * Runs on search.html only, after searchtools.js and before Sphinx starts the query
 * (deferred scripts run before DOMContentLoaded). It:
 *  - makes the index's lookup tables prototype-free, so that any word finishes ("constructor");
 *  - ranks a page first when its title holds every word of the query, so "zelftoets module 2"
 *    finds that module's self-check (titles carry their module, see course/sphinxext/search.py);
 *  - gives Sphinx's English or formal ("u") status lines friendly Dutch "je" text, and adds a
 *    link to the begrippenlijst when nothing was found;
 *  - shows snippets when the site is opened from a folder (file://): Sphinx fetches each
 *    result page for its snippet, which browsers refuse there; we load the page's plain text
 *    from _static/zoektekst/<page>.js with a script tag instead.
 */
(function () {
  "use strict";

  if (typeof Search === "undefined" || !document.getElementById("search-results")) { return; }

  var NOTHING = "Je zoekopdracht gaf geen resultaten. Probeer een ander woord, een korter woord of minder woorden.";
  if (typeof Documentation !== "undefined" && Documentation.addTranslations) {
    Documentation.addTranslations({
      messages: {
        "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.": NOTHING,
        "Search finished, found ${resultCount} page(s) matching the search query.": "Klaar met zoeken: ${resultCount} pagina('s) gevonden.",
        "Preparing search...": "Zoeken wordt voorbereid...",
        "Searching": "Bezig met zoeken"
      },
      plural_expr: "(n != 1)"
    });
  }

  function words(text) {
    return String(text || "").toLowerCase().split(/[^\p{Letter}\p{Number}]+/u).filter(Boolean);
  }

  var query = words(new URLSearchParams(window.location.search).get("q"));

  // The index's lookup tables are plain objects, so a word such as "constructor" or "__proto__"
  // found Object.prototype's members there and the search never finished. Copies without a
  // prototype answer every word that is not in the index with undefined; searchtools.js calls
  // their hasOwnProperty, which each copy keeps as a hidden own method (search words are lower
  // case, so no query reaches it). searchindex.js usually runs before this script; when it
  // comes later, setIndex does the same.
  var own = Object.prototype.hasOwnProperty;
  var TABLES = ["terms", "titleterms", "alltitles", "indexentries", "objects", "objnames", "objtypes"];
  function withoutPrototype(index) {
    TABLES.forEach(function (name) {
      var table = index && index[name];
      if (!table || typeof table !== "object" || Array.isArray(table) || Object.getPrototypeOf(table) === null) { return; }
      var copy = Object.create(null);
      Object.defineProperty(copy, "hasOwnProperty", { value: function (key) { return own.call(copy, key); } });
      Object.keys(table).forEach(function (key) { copy[key] = table[key]; });
      index[name] = copy;
    });
    return index;
  }
  if (Search._index) { withoutPrototype(Search._index); }
  var originalSetIndex = Search.setIndex;
  Search.setIndex = function (index) { return originalSetIndex(withoutPrototype(index)); };

  // A word such as "één" or "nóg" is no stop word, but its stem ("een", "nog") is, and the
  // index leaves stop words out: such a word would make every page fail the query.
  var originalParse = Search._parseQuery;
  Search._parseQuery = function (q) {
    var parsed = originalParse(q);
    parsed[1].forEach(function (term) {
      if (stopwords.indexOf(term) !== -1) { parsed[1].delete(term); }
    });
    return parsed;
  };

  // A page whose title is (nearly) the query comes first: the bonus grows with the share of
  // the title's words that the query names, so "zelftoets module 2" ranks "Zelftoets —
  // Module 2" above "Module 2 — ..." pages that merely mention both words.
  var TITLE_BONUS = 20;
  var previous = Scorer.score;
  Scorer.score = function (result) {
    var score = previous ? previous(result) : result[4];
    var title = words(result[1].replace(/<[^>]*>/g, " "));
    var named = title.filter(function (t) {
      return query.some(function (w) { return t === w || (w.length > 2 && t.indexOf(w) === 0); });
    });
    var all = query.length > 0 && query.every(function (w) {
      return title.some(function (t) { return t === w || (w.length > 2 && t.indexOf(w) === 0); });
    });
    return all ? score + Math.round(TITLE_BONUS * named.length / title.length) : score;
  };

  var root = document.documentElement.getAttribute("data-content_root") || "";

  // Snippets come from the page's article, as the file:// texts do (course/sphinxext/search.py):
  // Sphinx takes the whole [role=main], whose first words are the theme's header buttons
  // ("Afdrukken of opslaan als PDF"). Print-only parts are not shown on the site either.
  var vocabulary = (window.CURSUS_INDEX && window.CURSUS_INDEX.vocabulary) || {};
  var NOT_TEXT = ".headerlink, script, style" + (vocabulary.printOnly ? ", ." + vocabulary.printOnly : "");
  var originalHtmlToText = Search.htmlToText;
  Search.htmlToText = function (html, anchor) {
    var article = new DOMParser().parseFromString(html, "text/html").querySelector("article.bd-article");
    if (!article) { return originalHtmlToText(html, anchor); }
    article.querySelectorAll(NOT_TEXT).forEach(function (el) { el.remove(); });
    var part = null;
    try { part = anchor ? article.querySelector(anchor) : null; } catch (e) { part = null; }
    return (part || article).textContent.replace(/\s+/g, " ").trim();
  };
  // The summary starts at the last search term it finds in the text; the terms are stems
  // ("gespreksleidrad"), which a text rarely holds, so the words as typed come last (the first
  // typed word last of all).
  var originalSummary = Search.makeSearchSummary;
  Search.makeSearchSummary = function (html, keywords, anchor) {
    return originalSummary(html, Array.from(keywords || []).concat(query.slice().reverse()), anchor);
  };

  function glossaryHint() {
    var p = document.createElement("p");
    p.className = "cursus-zoeken-hulp";
    p.appendChild(document.createTextNode("Zoek je de betekenis van een woord? Kijk in de "));
    var a = document.createElement("a");
    a.href = root + "book/bijlagen/begrippenlijst.html";
    a.textContent = "begrippenlijst";
    p.appendChild(a);
    p.appendChild(document.createTextNode("."));
    return p;
  }

  var originalQuery = Search.query;
  Search.query = function (q) {
    originalQuery(q);
    if (Search.output && !Search.output.children.length && Search.status) {
      Search.status.textContent = NOTHING;
      Search.status.parentNode.insertBefore(glossaryHint(), Search.status.nextSibling);
    }
  };

  // ---- snippets over file:// --------------------------------------------------------------

  if (window.location.protocol !== "file:") { return; }
  var waiting = Object.create(null);
  var texts = Object.create(null);
  function addSummary(item, text) {
    if (item.querySelector("p.context")) { return; }
    var html = document.createElement("div");
    html.setAttribute("role", "main");
    html.textContent = text;
    var summary = Search.makeSearchSummary(new XMLSerializer().serializeToString(html), query, "");
    if (summary) { item.appendChild(summary); }
  }
  window.cursusZoektekst = function (docname, text) {
    texts[docname] = text;
    (waiting[docname] || []).forEach(function (item) { addSummary(item, text); });
    delete waiting[docname];
  };
  function docnameOf(item) {
    var link = item.querySelector("a[href]");
    if (!link) { return null; }
    var href = link.getAttribute("href").split("#")[0];
    var suffix = (typeof DOCUMENTATION_OPTIONS !== "undefined" && DOCUMENTATION_OPTIONS.LINK_SUFFIX) || ".html";
    return href.slice(-suffix.length) === suffix ? href.slice(0, -suffix.length) : href;
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (item) {
        if (item.nodeName !== "LI") { return; }
        var docname = docnameOf(item);
        if (!docname) { return; }
        if (docname in texts) { addSummary(item, texts[docname]); return; }
        if (!waiting[docname]) {
          waiting[docname] = [];
          var script = document.createElement("script");
          script.src = root + "_static/zoektekst/" + docname.replace(/\//g, "--") + ".js";
          document.body.appendChild(script);
        }
        waiting[docname].push(item);
      });
    });
  }).observe(document.getElementById("search-results"), { childList: true, subtree: true });
})();
