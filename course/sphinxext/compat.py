"""Compatibility fixes between the pinned packages (no behaviour of our own).

1. sphinx-exercise registers node handlers for ``singlehtml`` (and other HTML-family builders),
   after which Sphinx no longer falls back to the ``html`` handlers of the other extensions
   (sphinx-design, myst-nb, ...), and the build crashes with "unknown node type". For every
   HTML-family builder that is not ``html`` itself (``singlehtml``, ``epub``), the missing
   ``html`` handlers are copied.
2. sphinxcontrib-bibtex asks pybtex for its plain-text backend once per citation, and pybtex
   answers by scanning every installed package's entry points (about 8 ms each time: 1.5 s per
   build here). Registering the backend as a runtime plugin answers from memory.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def copy_html_handlers(app: Sphinx) -> None:
    if app.builder.format != "html" or app.builder.name == "html":
        return
    handlers = app.registry.translation_handlers
    html = handlers.get("html", {})
    own = handlers.setdefault(app.builder.name, {})
    for node_name, funcs in html.items():
        own.setdefault(node_name, funcs)


def register_pybtex_backends() -> None:
    from pybtex.backends.plaintext import Backend
    from pybtex.plugin import _RUNTIME_PLUGINS, register_plugin

    if "plaintext" not in _RUNTIME_PLUGINS.get("pybtex.backends", {}):
        register_plugin("pybtex.backends", "plaintext", Backend)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", copy_html_handlers)
    register_pybtex_backends()
