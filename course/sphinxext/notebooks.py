"""Notebook outputs follow the helper package they import.

jupyter-cache keys a notebook's stored outputs on the notebook's own code, and Sphinx re-reads a
notebook only when the notebook file changes. A change to the Dutch helper package
(``exercises/cursus/``) changes what every notebook prints and draws, yet would leave both the
cached outputs and the pages as they were. So, before reading, this job compares a hash of the
helper package with the one of the last build; when it differs, it removes the cached executions
and asks Sphinx to read every notebook again (they are executed once more). A page edit re-runs no
notebook; a notebook edit re-runs only that notebook.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course import model
from course import vocabulary as V

logger = logging.getLogger(__name__)


def helper_hash(srcdir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted((srcdir / V.HELPER_PACKAGE).glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def notebooks_follow_helpers(app: Sphinx, env, added, changed, removed) -> list[str]:
    srcdir = Path(env.srcdir)
    stamp = helper_hash(srcdir)
    if getattr(env, "course_helper_hash", None) == stamp:
        return []
    first = getattr(env, "course_helper_hash", None) is None
    env.course_helper_hash = stamp
    notebooks = model.load(srcdir).notebooks
    # myst-nb opens the cache at this path as given (relative to the working directory).
    setting = getattr(app.config, "nb_execution_cache_path", None)  # absent without myst-nb
    cache = Path(setting or ".jupyter_cache")
    if setting is not None and cache.exists():
        from jupyter_cache import get_cache

        get_cache(str(cache)).clear_cache()
        if not first:
            logger.info("the helper package changed: the notebooks are executed again")
    return notebooks


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", notebooks_follow_helpers)
