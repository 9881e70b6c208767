"""Which HTML pages this build wrote, for the post-build steps that touch pages (kept on the
application object: it is not part of the pickled environment)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

_ATTR = "_course_written_pages"


def note(app: Sphinx, pagename, templatename, context, doctree) -> None:
    written(app).add(Path(app.builder.get_outfilename(pagename)))


def written(app: Sphinx) -> set[Path]:
    if not hasattr(app, _ATTR):
        setattr(app, _ATTR, set())
    return getattr(app, _ATTR)
