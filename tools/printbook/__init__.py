"""The print editions, made from the built site (``_build/html``) and its course index.

==============  ==================================================================================
module          job
==============  ==================================================================================
source          read every page once; one section per document, unique ids, links made internal
kit             what editions share: document, cover, contents, chapters, answers, writing lines
handbook        the learners' book (``handboek.pdf``)
worksheets      one A4 sheet per case and reflection (``werkbladen.pdf``, ``werkbladen/<id>.pdf``)
trainerguide    the trainer part, an answer key that points into the handbook, the worksheets
                (``trainershandleiding.pdf``)
worked          notebook chapters as worked examples: no code, output as text, numbered figures
render          WeasyPrint, the editions in parallel processes; bookmarks open, header scopes
epub            the handbook as an EPUB (``_build/epub/handboek.epub``)
downloads       the editions copied into the site (``downloads/``), links labelled with format and size
==============  ==================================================================================

``python -m tools.printbook`` (or ``make pdf``) writes the print HTML to ``_build/print/``, the
PDFs to ``_build/pdf/`` and the EPUB to ``_build/epub/``. The site must be built first (``make html``).
"""
