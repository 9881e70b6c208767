"""The course's Sphinx extension: one ``setup()``, one module per job.

============  =====================================================================================
job           module
============  =====================================================================================
compat        fixes between the pinned packages (singlehtml/epub handlers, a slow pybtex lookup)
titles        Dutch titles for solutions and self-check questions
citations     Dutch citation styles (source list and in-text)
validhtml     markup fixes so every page passes the Nu HTML Checker
lightpages    a light, private site: unused assets left out, CSS purged, icon fonts subset (cached)
lessonplans   lesson plans from YAML (``{draaiboek}``) and worksheet links (``{werkbladen}``)
structure     the course index (cases, reflections, self-checks, worksheets) for later steps
search        results that name their module, glossary terms kept, snippets over file://
notebooks     notebook outputs follow the helper package (cache cleared, notebooks read again)
runtime       notebook pages run in the learner's browser (Pyodide from the site, panel, assets)
csp           a Content-Security-Policy on every page: only the site's own scripts and styles
eindtoets     the final test's item bank as data for the test page (course/toets.py)
============  =====================================================================================

``_config.yml`` loads it with ``sphinx: local_extensions: {course.sphinxext: .}``. Why each job
is our own code and not a package: CONTRIBUTING.md, "Own code and why".
"""

from __future__ import annotations

from sphinx.application import Sphinx

from course.sphinxext import (_pages, citations, compat, csp, eindtoets, lessonplans, lightpages,  # noqa: F401
                              notebooks, runtime, search, structure, titles, validhtml)

#: The course's own scripts in book/_static, loaded (deferred) on every page after the index, in this order.
COURSE_SCRIPTS = ("cursus.js", "cursus-site.js", "cursus-zoeken.js", "cursus-lms.js")


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _pages.note)
    for job in (compat, titles, validhtml, lightpages, lessonplans, structure, search, notebooks, runtime, eindtoets,
                csp):
        job.setup(app)
    app.add_css_file("cursus.css")
    app.add_css_file("print.css", media="print")
    for script in COURSE_SCRIPTS:
        app.add_js_file(script, defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2.0", "env_version": 2}
