"""Dutch titles for solutions and self-check questions.

sphinx-exercise calls every solution "Oplossing van Opgave N". Reflection has no single right
answer, so solutions with the class ``denkrichtingen`` are titled "Denkrichtingen bij Opgave N";
self-check questions are written with ``:nonumber:`` and the title "Vraag N": they are titled just
"Vraag N" (not "Opgave (Vraag N)"), and their feedback "Feedback bij vraag N". sphinx-exercise
has no per-solution title, hence this post-transform.

The box label itself ("Opdracht 1", not sphinx-exercise's Dutch "Opgave 1") comes from the course's
catalogue ``book/_locale/nl/LC_MESSAGES/exercise.po``, put in front of the package's own before
sphinx-exercise reads it (``config-inited``).
"""

from __future__ import annotations

import gettext
from pathlib import Path

from docutils import nodes
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from course import vocabulary as V

SOLUTION_PREFIX = {V.THINKING: "Denkrichtingen bij", V.SELF_CHECK: "Feedback bij"}


class DutchSolutionTitles(SphinxPostTransform):
    """Runs after sphinx-exercise resolved the titles (its priorities are 21 and 22)."""

    default_priority = 30

    def run(self) -> None:
        from sphinx_exercise.nodes import exercise_node, solution_node

        registry = getattr(self.env, "sphinx_exercise_registry", {})
        for node in self.document.findall(exercise_node):
            if V.SELF_CHECK in node.get("classes", []) and node.children and isinstance(node[0], nodes.title):
                subtitle = subtitle_of(node[0])
                if subtitle:
                    node[0].children = []
                    node[0] += nodes.Text(subtitle)
        for node in self.document.findall(solution_node):
            if not node.children or not isinstance(node[0], nodes.title):
                continue
            title = node[0]
            if V.THINKING in node.get("classes", []):
                _replace_first_text(title, SOLUTION_PREFIX[V.THINKING])
                node["title"] = SOLUTION_PREFIX[V.THINKING]
                continue
            target = registry.get(node.get("target_label"), {}).get("node")
            if target is None or V.SELF_CHECK not in target.get("classes", []):
                continue
            node["classes"].append(V.FEEDBACK)
            _replace_first_text(title, SOLUTION_PREFIX[V.SELF_CHECK] + " ")
            subtitle = subtitle_of(title)
            for ref in title.findall(nodes.reference):
                if subtitle:
                    ref.children = [nodes.Text(subtitle.lower())]
                break
            node["title"] = SOLUTION_PREFIX[V.SELF_CHECK]


def subtitle_of(title: nodes.Element) -> str:
    """The text in the last parentheses of a title: "Opgave (Vraag 2)" -> "Vraag 2"."""
    text = title.astext()
    if text.endswith(")") and "(" in text:
        return text[text.rindex("(") + 1 : -1].strip()
    return ""


def _replace_first_text(title: nodes.title, new: str) -> None:
    for child in title.children:
        if isinstance(child, nodes.Text):
            title.replace(child, nodes.Text(new))
            return


class _PoCatalog(gettext.NullTranslations):
    """The messages of one .po file; anything it lacks goes to the fallback (the package's catalogue)."""

    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        if self._messages.get(message):
            return self._messages[message]
        return self._fallback.gettext(message) if self._fallback else message


def course_catalogue(app: Sphinx, config) -> None:
    """Put the course's ``exercise.po`` in front of sphinx-exercise's own catalogue."""
    from babel.messages.pofile import read_po

    for folder in config.locale_dirs:
        po = Path(app.srcdir, folder, config.language or "", "LC_MESSAGES", "exercise.po")
        if not po.is_file():
            continue
        with po.open("rb") as handle:
            messages = {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}
        ours = _PoCatalog(messages)
        theirs = locale.translators.get(("general", "exercise"))
        if theirs is not None:
            ours.add_fallback(theirs)
        locale.translators[("general", "exercise")] = ours
        return


def setup(app: Sphinx) -> None:
    # Before sphinx-exercise's own config-inited handler (priority 500) turns "Exercise" into its numfig format.
    app.connect("config-inited", course_catalogue, priority=400)
    app.add_post_transform(DutchSolutionTitles)
