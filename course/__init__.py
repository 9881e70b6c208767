"""The course model: what the course consists of, known once.

- ``course.model``: the table of contents (read with sphinx-external-toc's own parser), the parts,
  the modules with their pages, notebook, self-check and closing page, titles and objectives;
- ``course.vocabulary``: the markup vocabulary (class names, label patterns, case ids);
- ``course.markdown``: MyST sources read on myst-parser tokens (headings, sections, directives);
- ``course.plans``: lesson plans (YAML) loaded and checked, without Sphinx;
- ``course.sphinxext``: the Sphinx extension (one ``setup()``, one file per job), which also
  writes the course index the print editions, the browser script and the tests read.

Nothing here needs Sphinx except ``course.sphinxext``. See ARCHITECTURE.md.
"""

from pathlib import Path

#: The repository root (the folder with ``_config.yml`` and ``_toc.yml``).
ROOT = Path(__file__).resolve().parent.parent
