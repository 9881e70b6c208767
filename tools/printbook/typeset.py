"""A typesetting pass over a print edition's HTML before it is rendered: the text is set as book
text (issue 24).

* straight quotes become curly ones, decided by their context in the whole block (a paragraph,
  list item or cell), not per text node: an opening quote after the start of the block, a space
  or an opening bracket, a closing one elsewhere; an apostrophe between letters, before a year
  ('80) and in ’s and ’t;
* a hyphen used as a minus sign (" -3", "(-0,2") becomes U+2212, a spaced hyphen used as a dash
  an en dash, and a range of clock times (21:00-22:00) gets an en dash; phone numbers
  (0800-0113) and words with a hyphen stay as they are;
* words the hyphenation patterns break badly break only where :data:`HYPHENATION` says
  (Expertise-centrum, sociale-media-gebruik), and names and brands in :data:`UNBROKEN` not at
  all (a span with ``hyphens: manual``, soft hyphens at the allowed places);
* English titles in the list of sources get ``lang="en"`` (:func:`mark_english`), so they are
  hyphenated, and read aloud, as English;
* code, addresses and the values of attributes are never touched.

The signs the body font lacks (→, ☐, ○) come from :mod:`tools.printbook.glyphs`.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

#: Elements whose text is one run for the context of a quote.
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption",
          "blockquote", "div", "section", "main", "nav", "article", "aside", "header", "footer", "body",
          "ul", "ol", "dl", "table", "tr", "tbody", "thead", "figure", "summary", "details"}
#: Text inside these is left exactly as it is.
SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math"}
SKIP_CLASSES = {"adres", "adres-deel"}
OPENERS = set(" \t\n\u00a0([{‘“/–—-\u2212")
_TIME_RANGE = re.compile(r"\b(\d{1,2}[:.]\d{2})-(\d{1,2}[:.]\d{2})\b")
_MINUS = re.compile(r"(^|[\s(\[=])-(?=\d)")
_DASH = re.compile(r"(?<=\S) - (?=\S)")


def _skipped(node: NavigableString) -> bool:
    for parent in node.parents:
        if parent.name in SKIP or SKIP_CLASSES & set(parent.get("class", []) if isinstance(parent, Tag) else []):
            return True
    return False


def _block_of(node: NavigableString) -> Tag | None:
    for parent in node.parents:
        if parent.name in BLOCKS:
            return parent
    return None


def quotes(text: str, before: str = "") -> str:
    """Curly quotes and apostrophes for ``text``; ``before`` is the text of the block before it."""
    out = []
    prev = before[-1:] if before else ""
    for i, ch in enumerate(text):
        nxt = text[i + 1:i + 2]
        after = text[i + 2:i + 3]
        if ch == '"':
            ch = "“" if (prev == "" or prev in OPENERS) else "”"
        elif ch == "'":
            if prev.isalnum() and nxt.isalpha():
                ch = "’"                                     # foto's, O'Day
            elif (prev == "" or prev in OPENERS) and (nxt.isdigit() or (nxt in "st" and not after.isalpha())):
                ch = "’"                                     # '80, 's avonds, 't
            elif prev == "" or prev in OPENERS:
                ch = "‘"
            else:
                ch = "’"
        out.append(ch)
        prev = ch
    return "".join(out)


def dashes(text: str, before: str = "") -> str:
    """Minus signs, dashes and ranges of clock times (see the module's docstring); ``before`` is
    the text of the block before ``text`` (a hyphen after "0800" in another element stays)."""
    prefix = before[-1:] if before else ""
    text = prefix + text
    text = _TIME_RANGE.sub(r"\1–\2", text)
    text = _MINUS.sub(lambda m: m.group(1) + "\u2212", text)
    return _DASH.sub(" – ", text)[len(prefix):]


#: Words the Dutch patterns hyphenate badly: where they may break ("-"), case as written.
HYPHENATION = {
    "Expertisecentrum": "Expertise-centrum",
    "socialemediagebruik": "sociale-media-gebruik",
    "Socialemediagebruik": "Sociale-media-gebruik",
    "gameverslaving": "game-verslaving",
    "Zelfmoordpreventie": "Zelfmoord-preventie",
    "Kindertelefoon": "Kinder-telefoon",
    "Digitalisering": "Digitali-sering",
    "Trimbos-instituut": "Trimbos-instituut",
}
#: Names and brands that never break.
UNBROKEN = ("Instagram", "TikTok", "Facebook", "Snapchat", "WhatsApp", "YouTube", "Netflix", "Fortnite",
            "Trimbos", "Valkenburg", "Eisingerich", "Kanapathipillai", "Heimberg", "Keijsers", "Eijnden")
_WORDS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, [*HYPHENATION, *UNBROKEN]), key=len, reverse=True))
                    + r")\b")
MANUAL = "afbreken-handmatig"


def _soft_hyphens(word: str, marked: str) -> str:
    """``marked`` is ``word`` with "-" where it may break: those become soft hyphens; a hyphen of
    the word itself (Trimbos-instituut) stays."""
    out, j = [], 0
    for ch in marked:
        if ch == "-" and word[j:j + 1] != "-":
            out.append("\u00ad")
        else:
            out.append(ch)
            j += 1
    return "".join(out)


def hyphenation(root: Tag) -> int:
    """Put the words of :data:`HYPHENATION` and :data:`UNBROKEN` in a span that breaks only at
    the soft hyphens given (none for a name); return how many were marked."""
    from bs4 import BeautifulSoup

    soup = root if isinstance(root, BeautifulSoup) else next(p for p in root.parents if p.parent is None)
    count = 0
    for node in list(root.find_all(string=_WORDS)):
        if type(node) is not NavigableString or _skipped(node) or MANUAL in (node.parent.get("class") or []):
            continue
        pieces = _WORDS.split(str(node))
        new = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                if piece:
                    new.append(NavigableString(piece))
                continue
            span = soup.new_tag("span", attrs={"class": MANUAL})
            span.string = _soft_hyphens(piece, HYPHENATION.get(piece, piece))
            new.append(span)
            count += 1
        for item in reversed(new):
            node.insert_after(item)
        node.extract()
    return count


_ENGLISH = {"the", "and", "of", "in", "on", "with", "among", "use", "social", "a", "an", "to", "from", "is",
            "are", "for", "as", "by", "review", "study", "digital", "world", "effect", "adolescents"}
_DUTCH = {"de", "het", "een", "en", "van", "voor", "met", "op", "bij", "naar", "over", "jongeren", "sociale"}


def english(text: str) -> bool:
    """Whether a title is English: more English than Dutch function words."""
    words = re.findall(r"[a-z]+", text.lower())
    return sum(w in _ENGLISH for w in words) > max(1, sum(w in _DUTCH for w in words))


def mark_english(root: Tag) -> int:
    """``lang="en"`` on the English titles of the list of sources (div.citation) and on their
    journals: the title is the text after "(year). " in an entry, the journal its first <em>;
    return the number of titles marked."""
    from bs4 import BeautifulSoup

    soup = root if isinstance(root, BeautifulSoup) else next(p for p in root.parents if p.parent is None)
    count = 0
    for entry in root.select("div.citation p"):
        for node in list(entry.find_all(string=True, recursive=False)):
            m = re.search(r"(\(\d{4}[a-z]?\)\.\s+)(.+)$", str(node), re.S)
            if not m or not english(m.group(2)):
                continue
            title = soup.new_tag("span", attrs={"lang": "en"})
            title.string = m.group(2)
            node.insert_after(title)
            node.replace_with(NavigableString(str(node)[:m.start(2)]))
            count += 1
            journal = entry.find("em")      # an English paper's journal is English too
            if journal is not None:
                journal["lang"] = "en"
            break
    return count


def typeset(root: Tag) -> int:
    """Set the text under ``root`` as book text, in place; return the number of text nodes changed."""
    changed = 0
    context: dict[int, str] = {}          # id(block) -> its text so far
    for node in list(root.find_all(string=True)):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or _skipped(node):
            continue
        block = _block_of(node)
        key = id(block)
        before = context.get(key, "")
        new = quotes(dashes(str(node), before), before)
        context[key] = before + new
        if new != str(node):
            node.replace_with(NavigableString(new))
            changed += 1
    return changed
