/* Search page helpers (Sphinx's own search, see CONTRIBUTING.md "Search: why Sphinx's").
 *
 * Runs on search.html only, after searchtools.js and before Sphinx starts the query
 * (deferred scripts run before DOMContentLoaded). It:
 *  - searches the course's word for what people type ("screentime" -> "schermtijd"), puts the
 *    help page first for crisis words and learner pages before trainer pages on equal scores
 *    (the lists are in course/vocabulary.py, read through the course index);
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

  var settings = ((window.CURSUS_INDEX && window.CURSUS_INDEX.vocabulary) || {}).search || {};
  var synonyms = settings.synonyms || {};
  var typed = String(new URLSearchParams(window.location.search).get("q") || "");

  function plain(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The words people type -> the course's words (course/vocabulary.py, SEARCH_SYNONYMS): a
  // phrase or a word of the query, with or without accents, is searched as the course says it.
  var replaced = [];
  function expand(q) {
    var out = " " + words(q).join(" ").normalize("NFC") + " ";
    var plainOut = plain(out);
    Object.keys(synonyms).sort(function (a, b) { return b.length - a.length; }).forEach(function (key) {
      var needle = " " + plain(key) + " ";
      var at = plainOut.indexOf(needle);
      if (at === -1) { return; }
      replaced.push([out.slice(at + 1, at + needle.length - 1), synonyms[key]]);
      out = out.slice(0, at) + " " + synonyms[key] + " " + out.slice(at + needle.length);
      plainOut = plain(out);
    });
    return out.trim();
  }
  var expanded = expand(typed);
  var query = words(expanded);

  // Crisis words (SEARCH_CRISIS) put the help page first, whatever else the query asks.
  var crisis = (settings.crisis || []).some(function (word) {
    var w = plain(word);
    return w.indexOf(" ") !== -1 ? (" " + plain(words(typed).join(" ")) + " ").indexOf(" " + w) !== -1
      : words(typed).some(function (t) { return plain(t).indexOf(w) === 0; });
  });

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
    var parsed = originalParse(q === typed || q.trim() === typed.trim() ? expanded : expand(q));
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
    var part;
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

  // Results come back lowest first (Sphinx shows them from the end). On equal scores Sphinx
  // orders by title, which put "Afsluiting", "Begeleiding" and "Draaiboek" (trainer pages)
  // before the content pages: learner pages now come first, then Sphinx's order. A crisis word
  // puts the help page at the very top.
  var trainer = {};
  (settings.trainerDocs || []).forEach(function (doc) { trainer[doc] = true; });
  var originalPerform = Search._performSearch;
  Search._performSearch = function () {
    var results = originalPerform.apply(Search, arguments).map(function (r, i) { return [r, i]; });
    results.sort(function (a, b) {
      return (a[0][4] - b[0][4]) || ((trainer[b[0][0]] ? 1 : 0) - (trainer[a[0][0]] ? 1 : 0)) || (a[1] - b[1]);
    });
    results = results.map(function (pair) { return pair[0]; });
    if (crisis && settings.helpPage && Search._index) {
      var number = Search._index.docnames.indexOf(settings.helpPage);
      if (number !== -1) {
        results = results.filter(function (r) { return r[0] !== settings.helpPage; });
        var top = results.length ? results[results.length - 1][4] : 0;
        results.push([settings.helpPage, Search._index.titles[number], "", null, top + 1, Search._index.filenames[number]]);
      }
    }
    return results;
  };

  // Say which course word was searched for the word she typed.
  function synonymNote() {
    var p = document.createElement("p");
    p.className = "cursus-zoeken-hulp cursus-zoeken-synoniem";
    p.textContent = replaced.map(function (pair) {
      return "Gezocht op \u201c" + pair[1] + "\u201d: zo heet \u201c" + pair[0] + "\u201d in deze training.";
    }).join(" ");
    return p;
  }

  var originalQuery = Search.query;
  Search.query = function (q) {
    originalQuery(q);
    if (replaced.length && Search.status && !document.querySelector(".cursus-zoeken-synoniem")) {
      Search.status.parentNode.insertBefore(synonymNote(), Search.status);
    }
    if (Search.output && !Search.output.children.length && Search.status) {
      Search.status.textContent = NOTHING;
      Search.status.parentNode.insertBefore(glossaryHint(), Search.status.nextSibling);
    }
  };

  // The result she opens may show the searched words marked (cursus-site.js clears them on
  // any other page).
  document.getElementById("search-results").addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link) { return; }
    try { sessionStorage.setItem("sociale-media-mentale-gezondheid:zoekresultaat", new URL(link.href, window.location.href).pathname); } catch (e) { /* blocked */ }
  });

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
