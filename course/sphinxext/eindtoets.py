"""The final test on the site: the item bank reaches the test page as data written by the build.

``_config.yml`` sets ``cursus_eindtoets`` (test length and pass mark, read through
:func:`course.toets.settings`). The job loads the bank once per build with every check on
(objectives from the modules, pages from the toc), and writes ``_static/cursus-eindtoets.js``
(``window.CURSUS_EINDTOETS = {...}``: a script, not JSON, so that pages opened from a folder can
read it). Only the pages that need it load it, before ``cursus-toets.js``. Text stays text: the
browser script sets every string with ``textContent``; the JSON escapes ``<``, ``>`` and ``&`` so
no string can end the script.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_config_value("cursus_eindtoets", {"lengte": 20, "cesuur": 0.7}, "html", types=[dict])
