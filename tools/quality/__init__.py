"""Content quality gates for the course text (run by tests/test_quality.py).

Small modules, one job each:

- ``text``: which files a learner reads, and the learner-visible text in them (MyST pages,
  notebook markdown cells, messages of the helper package), without code, URLs, roles,
  citation keys and directive options;
- ``spelling``: Dutch spelling with Debian's hunspell-nl dictionary (through Debian's
  hunspell) plus the reviewed project word list ``woordenlijst.txt``;
- ``readability``: Flesch-Douma score, average sentence length and long sentences per page
  (``make readability`` prints the report);
- ``links``: every local link and #anchor in the built site resolves; external links are
  https and listed in ``_build/reports/externe-links.txt``;
- ``references``: the bibliography and the citations agree;
- ``placeholders``: no TODO, FIXME, XXX, lorem ipsum or empty sections;
- ``html``: the Nu HTML Checker (npm's vnu-jar, run with Java) on the built site.
"""

from course import ROOT  # noqa: F401  (the repository root)
