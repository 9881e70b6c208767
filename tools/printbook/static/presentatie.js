/* Starts a workshop deck (tools/printbook/slides.py). reveal.js and its notes plugin are copied
 * next to this file from npm; nothing is loaded from another host. Keys: arrows or space to go on,
 * F full screen, S speaker view (notes, the next slide and a timer), Esc overview. */
Reveal.initialize({
  hash: true,
  width: 1280,
  height: 720,
  margin: 0.03,
  center: false,
  transition: "none",
  slideNumber: "c/t",
  plugins: [RevealNotes],
});
