"""MyST Markdown read with myst-parser's own markdown-it set-up (the one the build uses).

One place for what the tools and tests need from the sources: the first heading, the text under a
heading, numbered list items, and the fenced directives (cases, exercises, solutions) with their
options. Everything works on tokens, so code fences, nested directives and headings inside
directives are recognised exactly as the build recognises them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course import ROOT

_DIRECTIVE_INFO = re.compile(r"^\{([\w:-]+)\}\s*(.*)$")
_OPTION = re.compile(r"^\s*:([\w-]+):\s?(.*)$")


@functools.lru_cache(maxsize=4)
def parser(config: Path = ROOT / "_config.yml"):
    """myst-parser's markdown-it parser with the extensions enabled in ``_config.yml``."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    data = yaml.safe_load(config.read_text(encoding="utf-8")) if config.exists() else {}
    extensions = set((data or {}).get("parse", {}).get("myst_enable_extensions", []))
    return create_md_parser(MdParserConfig(enable_extensions=extensions), RendererHTML)


def tokens(text: str) -> list:
    return parser().parse(text)


@dataclass
class Directive:
    """A fenced directive: ``name`` and ``argument`` from ``{name} argument``, the ``:key: value``
    options, the body without options, and the 1-based line of the opening fence."""

    name: str
    argument: str
    options: dict[str, str] = field(default_factory=dict)
    body: str = ""
    line: int = 0

    @property
    def classes(self) -> list[str]:
        return self.options.get("class", "").split()


def split_options(content: str) -> tuple[dict[str, str], str]:
    """A directive's ``:key: value`` lines (or ``---`` YAML block) and the rest of its content."""
    lines = content.split("\n")
    options: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                data = yaml.safe_load("\n".join(lines[1:i])) or {}
                options = {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
                return options, "\n".join(lines[i + 1 :])
        return options, ""
    i = 0
    while i < len(lines) and (m := _OPTION.match(lines[i])):
        options[m.group(1)] = m.group(2).strip()
        i += 1
    return options, "\n".join(lines[i:])


def directives(text: str, name: str | None = None, line_offset: int = 0) -> list[Directive]:
    """Every fenced directive in ``text`` (nested ones too, in reading order), or those of one name."""
    found: list[Directive] = []
    for tok in tokens(text):
        if tok.type not in ("fence", "colon_fence"):
            continue
        m = _DIRECTIVE_INFO.match(tok.info.strip())
        if not m:
            continue
        options, body = split_options(tok.content)
        line = (tok.map[0] + 1 if tok.map else 0) + line_offset
        directive = Directive(m.group(1), m.group(2).strip(), options, body, line)
        if name is None or directive.name == name:
            found.append(directive)
        body_line = line + tok.content.count("\n") - body.count("\n")
        found.extend(directives(body, name, body_line))
    return found


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, source text, 0-based line) of every top-level heading."""
    out = []
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if tok.type == "heading_open" and tok.level == 0:
            out.append((int(tok.tag[1]), toks[i + 1].content.strip(), tok.map[0]))
    return out


def first_heading(text: str) -> str:
    """The source text of the first level-1 heading, or ''."""
    return next((t for level, t, _ in headings(text) if level == 1), "")


def section(text: str, title: str) -> str | None:
    """The source under the heading ``title`` up to the next heading of the same or a higher
    level; None when there is no such heading."""
    lines = text.split("\n")
    found = headings(text)
    for i, (level, heading, line) in enumerate(found):
        if heading == title:
            end = next((ln for lv, _, ln in found[i + 1 :] if lv <= level), len(lines))
            return "\n".join(lines[line + 1 : end])
    return None


def list_items(text: str, ordered: bool = True) -> list[str]:
    """The source of the items of the top-level (ordered or bullet) lists in ``text``."""
    kind = "ordered_list_open" if ordered else "bullet_list_open"
    out, depth, inside = [], 0, False
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if tok.type in ("ordered_list_open", "bullet_list_open"):
            depth += 1
            inside = inside or (depth == 1 and tok.type == kind)
        elif tok.type in ("ordered_list_close", "bullet_list_close"):
            depth -= 1
            if depth == 0:
                inside = False
        elif inside and depth == 1 and tok.type == "list_item_open":
            inline = next((t for t in toks[i + 1 :] if t.type == "inline"), None)
            if inline is not None:
                out.append(inline.content.strip())
    return out
