"""Local Sphinx extension for the course. Each part does one small job no maintained
package does for us (see CONTRIBUTING.md, "Own code and why"):

1. ``singlehtml`` support with sphinx-exercise loaded: sphinx-exercise registers node
   handlers for ``singlehtml``, after which Sphinx no longer falls back to the ``html``
   handlers of the other extensions (sphinx-design, myst-nb, ...), and the build crashes
   with "unknown node type". We copy the missing ``html`` handlers to ``singlehtml``.
2. Titles: sphinx-exercise calls every solution "Oplossing van Opgave N". Reflection has
   no single right answer, so solutions with the class ``denkrichtingen`` are titled
   "Denkrichtingen bij Opgave N"; self-check questions are titled "Vraag N" and their
   answers "Feedback bij vraag N".
3. Dutch citation styles: a pybtex style (``cursus_nl``) for the source list, APA-like,
   with Dutch words ("Beschikbaar via") since pybtex ships only English labels; and an
   in-text style (``author_year_nl``): "(Auteur & Auteur, 2020; Auteur et al., 2021)" with
   round brackets and "&", as in Dutch APA usage, instead of "[Auteur and Auteur, 2020]".
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

from docutils import nodes
from pybtex.plugin import register_plugin
from pybtex.style.formatting import BaseStyle, toplevel
from pybtex.style.template import field, join, names, optional, sentence, tag, words
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex import plugin as bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

# --- 1. singlehtml handlers -------------------------------------------------------------


def _copy_html_handlers(app: Sphinx) -> None:
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    html = handlers.get("html", {})
    single = handlers.setdefault("singlehtml", {})
    for node_name, funcs in html.items():
        single.setdefault(node_name, funcs)


# --- 2. solution titles -----------------------------------------------------------------

SOLUTION_PREFIX = {"denkrichtingen": "Denkrichtingen bij", "zelftoets": "Feedback bij"}


class DutchSolutionTitles(SphinxPostTransform):
    """Runs after sphinx-exercise resolved the titles (its priority is 21 and 22).

    Self-check questions are written with ``:nonumber:`` and a subtitle "Vraag N"; they are
    titled just "Vraag N" (not "Opgave (Vraag N)"), and their feedback "Feedback bij vraag N".
    """

    default_priority = 30

    def run(self) -> None:
        from sphinx_exercise.nodes import exercise_node, solution_node

        registry = getattr(self.env, "sphinx_exercise_registry", {})
        for node in self.document.findall(exercise_node):
            if "zelftoets" in node.get("classes", []) and node.children and isinstance(node[0], nodes.title):
                subtitle = _subtitle(node[0])
                if subtitle:
                    node[0].children = []
                    node[0] += nodes.Text(subtitle)
        for node in self.document.findall(solution_node):
            if not node.children or not isinstance(node[0], nodes.title):
                continue
            title = node[0]
            if "denkrichtingen" in node.get("classes", []):
                _replace_first_text(title, SOLUTION_PREFIX["denkrichtingen"])
                node["title"] = SOLUTION_PREFIX["denkrichtingen"]
                continue
            target = registry.get(node.get("target_label"), {}).get("node")
            if target is None or "zelftoets" not in target.get("classes", []):
                continue
            node["classes"].append("zelftoets-feedback")
            _replace_first_text(title, SOLUTION_PREFIX["zelftoets"] + " ")
            subtitle = _subtitle(title)
            for ref in title.findall(nodes.reference):
                if subtitle:
                    ref.children = [nodes.Text(subtitle.lower())]
                break
            node["title"] = SOLUTION_PREFIX["zelftoets"]


def _subtitle(title: nodes.title) -> str:
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


# --- 3. Dutch bibliography style --------------------------------------------------------


class DutchStyle(BaseStyle):
    """APA-like: Auteur, A., & Auteur, B. (jaar). Titel. *Tijdschrift*, 3(2), 1-10. doi."""

    default_name_style = "lastfirst"
    default_label_style = "alpha"
    default_sorting_style = "author_year_title"

    def format_names(self, role: str):
        return names(role, sep=", ", sep2=", & ", last_sep=", & ")

    def _doi_url(self):
        return optional[
            join["https://doi.org/", field("doi", raw=True)]
        ]

    def get_article_template(self, e):
        volume_issue = optional[
            join[tag("em")[field("volume")], optional["(", field("number"), ")"]]
        ]
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            join[field("title"), "."],
            sentence(sep=", ")[tag("em")[field("journal")], volume_issue, optional[field("pages")]],
            self._doi_url(),
        ]

    def get_misc_template(self, e):
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            join[tag("em")[field("title")], "."],
            optional[sentence[field("howpublished")]],
            optional[sentence[field("note")]],
            optional[words["Beschikbaar via", field("url", raw=True)]],
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            join[tag("em")[field("title")], "."],
            optional[sentence[field("publisher")]],
            optional[words["Beschikbaar via", field("url", raw=True)]],
        ]

    get_techreport_template = get_book_template
    get_online_template = get_misc_template


register_plugin("pybtex.style.formatting", "cursus_nl", DutchStyle)


def _round(**kwargs) -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ", **kwargs)


@dataclass
class DutchAuthorYear(AuthorYearReferenceStyle):
    bracket_parenthetical: BracketStyle = dc_field(default_factory=_round)
    bracket_textual: BracketStyle = dc_field(default_factory=_round)
    bracket_author: BracketStyle = dc_field(default_factory=_round)
    bracket_label: BracketStyle = dc_field(default_factory=_round)
    bracket_year: BracketStyle = dc_field(default_factory=_round)
    person: PersonStyle = dc_field(
        default_factory=lambda: PersonStyle(sep2=" & ", last_sep=", & ", other=" et al.")
    )


bibtex_plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_nl", DutchAuthorYear)


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _copy_html_handlers)
    app.add_post_transform(DutchSolutionTitles)
    app.add_css_file("cursus.css")
    app.add_css_file("print.css", media="print")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
