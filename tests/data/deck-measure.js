// Measures every step of a reveal.js deck in the page (tests/test_kit_round2.py evaluates it with
// Playwright): per step the smallest visible text size and how far text reaches, in slide pixels.
/* global Reveal, document, requestAnimationFrame, NodeFilter, getComputedStyle */
async () => {
  const out = [];
  const total = Reveal.getTotalSlides();
  for (let h = 0; h < total; h++) {
    Reveal.slide(h, 0, -1);
    const steps = Reveal.getCurrentSlide().querySelectorAll('.fragment').length ? 2 : 1;
    for (let f = -1; f < steps - 1; f++) {
      Reveal.slide(h, 0, f);
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      const section = Reveal.getCurrentSlide();
      let min = 999, bottom = 0, right = 0, small = '';
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const el = node.parentElement;
        if (el.closest('aside.notes')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || el.closest('.fragment:not(.visible):not(.fade-out)') || el.closest('.fade-out.visible')) continue;
        const size = parseFloat(style.fontSize);
        if (size < min) { min = size; small = node.textContent.trim().slice(0, 40); }
        let top = 0, left = 0, e = el;
        while (e && e !== section) { top += e.offsetTop; left += e.offsetLeft; e = e.offsetParent; }
        bottom = Math.max(bottom, top + el.offsetHeight);
        right = Math.max(right, left + el.offsetWidth);
      }
      out.push({h, f, min, small, bottom, right, title: section.querySelector('h1,h2').textContent.slice(0, 30)});
    }
  }
  return out;
}
