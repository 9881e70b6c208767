"""Dutch citation styles (pybtex ships only English labels; sphinxcontrib-bibtex only square
brackets):

* ``cursus_nl``: the source list, APA-like, with Dutch words ("Beschikbaar via"): authors as
  surname and initials, DOIs and URLs as links, no doubled punctuation after a title that ends
  in "?" or "!", sorted alphabetically on the plain author name (a corporate author written in
  braces sorts by its first word, not after every person);
* ``author_year_nl``: in-text "(Auteur & Auteur, 2020; Auteur et al., 2021)" with round brackets
  and "&", as in Dutch APA usage, instead of "[Auteur and Auteur, 2020]".

Both are registered when this module is imported (pybtex and sphinxcontrib-bibtex look plugins up
by name while reading ``_config.yml``'s ``bibtex_*_style``).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field

from pybtex.plugin import register_plugin
from pybtex.style.formatting import BaseStyle, toplevel
from pybtex.style.sorting.author_year_title import SortingStyle
from pybtex.style.template import field, href, join, names, optional, sentence, tag, words
from sphinxcontrib.bibtex import plugin as bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle


class DutchSorting(SortingStyle):
    """Alphabetical on the author as printed: braces around a corporate name are not sorted
    (pybtex keeps them, so every organisation would come after every person)."""

    def person_key(self, person) -> str:
        return super().person_key(person).replace("{", "").replace("}", "")


register_plugin("pybtex.style.sorting", "cursus_nl", DutchSorting)


class DutchStyle(BaseStyle):
    """APA-like: Auteur, A., & Auteur, B. (jaar). Titel. *Tijdschrift*, 3(2), 1-10. doi."""

    default_name_style = "lastfirst"
    default_label_style = "alpha"
    default_sorting_style = "cursus_nl"

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("abbreviate_names", True)   # APA: initials
        super().__init__(**kwargs)

    def format_names(self, role: str):
        return names(role, sep=", ", sep2=", & ", last_sep=", & ")

    def _doi_url(self):
        url = join["https://doi.org/", field("doi", raw=True)]
        return optional[href(url)[url]]

    def _url(self):
        url = field("url", raw=True)
        return optional[words["Beschikbaar via", href(url)[url]]]

    def get_article_template(self, e):
        volume_issue = optional[
            join[tag("em")[field("volume")], optional["(", field("number"), ")"]]
        ]
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            sentence[field("title")],
            sentence(sep=", ")[tag("em")[field("journal")], volume_issue, optional[field("pages")]],
            self._doi_url(),
        ]

    def get_misc_template(self, e):
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            sentence[tag("em")[field("title")]],
            optional[sentence[field("howpublished")]],
            optional[sentence[field("note")]],
            self._url(),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_names("author"),
            join["(", field("year"), ")."],
            sentence[tag("em")[field("title")]],
            optional[sentence[field("publisher")]],
            self._url(),
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
