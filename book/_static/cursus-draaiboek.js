/* Lesson plan pages (issue 25): a start-time field per session that recomputes the clock times of
 * its activity cards and its heading, so a trainer who starts at 15:30 prints a plan with the right
 * times. The plan's own times are computed from its durations (course/plans.py); this script reads
 * them from the page, keeps each activity's minutes after the start, and writes new clock times.
 * It builds its field with the DOM (no inline code, so the page's Content-Security-Policy holds) and
 * needs no connection. Loaded only on pages with a plan (course/sphinxext/lessonplans.py). */
(function () {
  "use strict";

  var DAY = 24 * 60;

  function minutesOf(text) {
    var m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  }

  function clock(minutes) {
    var m = ((minutes % DAY) + DAY) % DAY;
    return Math.floor(m / 60) + ":" + String(m % 60).padStart(2, "0");
  }

  function setUp(cards, number) {
    var times = Array.prototype.slice.call(cards.querySelectorAll("li.draaiboek-activiteit .starttijd"));
    if (!times.length) { return; }
    var first = minutesOf(times[0].textContent);
    if (first === null) { return; }
    var offsets = times.map(function (t) { return (minutesOf(t.textContent) - first + DAY) % DAY; });
    var rubric = cards.previousElementSibling;
    while (rubric && !rubric.classList.contains("draaiboek-sessie")) { rubric = rubric.previousElementSibling; }
    var heading = rubric ? rubric.textContent : "";
    var span = /\((\d{1,2}:\d{2})–(\d{1,2}:\d{2}),/.exec(heading);
    var length = span ? (minutesOf(span[2]) - minutesOf(span[1]) + DAY) % DAY : null;

    var field = document.createElement("p");
    field.className = "draaiboek-begintijd";
    var label = document.createElement("label");
    var id = "draaiboek-begintijd-" + number;
    label.htmlFor = id;
    label.textContent = "Begintijd van deze sessie ";
    var input = document.createElement("input");
    input.type = "time";
    input.id = id;
    input.step = 300;
    input.value = clock(first).padStart(5, "0");
    var note = document.createElement("span");
    note.className = "draaiboek-begintijd-uitleg";
    note.setAttribute("aria-live", "polite");
    note.textContent = " De tijden hieronder rekenen mee; print daarna de pagina.";
    field.appendChild(label);
    field.appendChild(input);
    field.appendChild(note);
    cards.parentNode.insertBefore(field, cards);

    input.addEventListener("input", function () {
      var start = minutesOf(input.value);
      if (start === null) { return; }
      times.forEach(function (t, i) { t.textContent = clock(start + offsets[i]); });
      if (rubric && span && length !== null) {
        rubric.textContent = heading.replace(span[0], "(" + clock(start) + "–" + clock(start + length) + ",");
      }
      note.textContent = " Begintijd " + clock(start) + ": de tijden hieronder zijn aangepast; print daarna de pagina.";
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".draaiboek ol.draaiboek-activiteiten"), setUp);
})();
