"""The built site passes the Nu HTML Checker (tests/test_quality.py).

Three errors come from the packages, not from our text; each fix is small and local:

1. sphinx-exercise gives the body of every exercise the id ``exercise-content`` and of every
   solution ``solution-content``, so a page with two exercises has duplicate ids. We drop those
   ids (nothing links to them) and keep the names as classes.
2. pydata-sphinx-theme's search field has ``autocorrect="off"``, an attribute HTML does not have
   (Safari-only). The theme includes that template by the relative name
   ``../components/search-field.html``, which an override in ``book/_templates`` cannot shadow;
   so the attribute is removed from the pages written in this build, after the build.
3. sphinx-external-toc writes the root ``index.html`` as a bare ``<meta>`` redirect, without
   doctype, ``<title>`` or ``lang``. We write a complete Dutch redirect page first (it only writes
   one when none exists), with a visible link for browsers that ignore the redirect.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from course.sphinxext import _pages

DUPLICATE_IDS = ("exercise-content", "solution-content")
AUTOCORRECT = re.compile(r'\s+autocorrect="[^"]*"')

REDIRECT = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p><a href="{url}">Ga naar de training: {title}</a></p>
</body>
</html>
"""


class UniqueExerciseIds(SphinxPostTransform):
    """Runs after sphinx-exercise's own transforms (priorities 21 and 22)."""

    default_priority = 900

    def run(self) -> None:
        for section in self.document.findall(nodes.section):
            for name in DUPLICATE_IDS:
                if name in section["ids"]:
                    section["ids"].remove(name)
                    section["classes"].append(name)


def finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path in sorted(_pages.written(app)):
        if path.exists():
            text = path.read_text(encoding="utf-8")
            fixed = AUTOCORRECT.sub("", text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
    root = app.config.root_doc
    if app.builder.name == "html" and root != "index":
        title = html.escape(app.config.html_title or app.config.project)
        url = html.escape(f"{root}.html")
        (outdir / "index.html").write_text(REDIRECT.format(title=title, url=url), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.add_post_transform(UniqueExerciseIds)
    # priority 400: before sphinx-external-toc (500), which then leaves our index.html alone
    app.connect("build-finished", finish, priority=400)
