"""The learner-visible text of the course sources, as blocks (heading, paragraph, list item, ...).

Parsing uses myst-parser's own markdown-it set-up, so code fences, inline code, roles and
targets are recognised exactly as the build recognises them. What a learner never sees is
left out: code, URLs, citation keys, labels, directive options, the targets of ``{term}``
and ``{doc}`` roles, HTML tags, math and substitutions.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import ROOT

# Directives whose body is not prose (code, includes, generated lists).
SKIP_BODY = {"code", "code-block", "code-cell", "sourcecode", "math", "bibliography", "include",
             "literalinclude", "toctree", "raw", "image", "list-table-raw"}
# Directives whose argument is a visible title (for the others it is a label or a path).
TITLED = {"admonition", "exercise", "dropdown", "card", "grid-item-card", "tab-item", "figure",
          "topic", "sidebar"}
# Roles whose content is visible: `text <target>` shows "text"; a bare target shows a title
# taken from elsewhere, so it is skipped.
VISIBLE_ROLES = {"term", "doc", "ref", "abbr", "sub", "sup", "guilabel", "kbd"}

URL = re.compile(r"(?:https?|mailto|ftp)://\S+|www\.\S+|\S+@\S+\.\w+")
# file names and web addresses without a scheme: data/mijn-week.csv, 113.nl
PATHLIKE = re.compile(r"[\w./-]+\.(?:csv|ipynb|py|md|pdf|html|txt|nl|com|org)\b")
SUBST = re.compile(r"\{\{.*?\}\}")
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass
class Block:
    """One unit of visible text: ``kind`` is heading, paragraph, item, cell, title, comment,
    message or docstring; ``code`` marks content without text (code, an include, a list)."""

    kind: str
    text: str
    line: int  # 1-based line in the source file (approximate inside directives)
    level: int = 0  # heading level, 0 for other blocks
    foreign: str = ""  # the text in *italics*: by Dutch convention, foreign words and titles


def _md():
    from course import markdown

    return markdown.parser()


def clean(text: str) -> str:
    """Remove URLs, substitutions and HTML tags; squeeze white space."""
    text = SUBST.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = URL.sub(" ", text)
    text = PATHLIKE.sub(" ", text)
    return " ".join(text.split())


def _inline_text(token) -> tuple[str, str]:
    """(visible text, the part of it in italics)."""
    parts: list[str] = []
    italic: list[str] = []
    depth = 0
    for child in token.children or []:
        if child.type == "em_open":
            depth += 1
        elif child.type == "em_close":
            depth -= 1
            italic.append(" ")
        elif child.type in ("text", "text_special"):
            parts.append(child.content)
            if depth:
                italic.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "myst_role":
            name = child.meta.get("name", "")
            if name in VISIBLE_ROLES:
                content = child.content
                if "<" in content and content.rstrip().endswith(">"):
                    parts.append(content[: content.rindex("<")])
                elif name in ("term", "abbr", "sub", "sup", "guilabel", "kbd"):
                    parts.append(re.sub(r"\s*\(.*\)$", "", content) if name == "abbr" else content)
            # cite, math, numref, eq, ...: not prose
        elif child.type == "image":
            parts.append(" ")  # alt text is checked by the site tests
        # code_inline, html_inline, math_inline, myst_target, link hrefs: skipped
    return clean("".join(parts)), clean("".join(italic))


def _split_options(body: str) -> str:
    """Drop a directive's ``:key: value`` lines or ``---`` YAML block from the top of its body."""
    from course import markdown

    return markdown.split_options(body)[1]


def markdown_blocks(source: str, line_offset: int = 0) -> list[Block]:
    """Visible text blocks of a MyST Markdown string."""
    blocks: list[Block] = []
    tokens = _md().parse(source)
    context: list[str] = []  # open container kinds: item, cell
    heading_level = 0
    for tok in tokens:
        line = (tok.map[0] + 1 if tok.map else 0) + line_offset
        if tok.type == "heading_open":
            heading_level = int(tok.tag[1])
            context.append("heading")
        elif tok.type == "heading_close":
            context.pop()
        elif tok.type in ("list_item_open",):
            context.append("item")
        elif tok.type in ("list_item_close",):
            context.pop()
        elif tok.type in ("th_open", "td_open", "dt_open"):
            context.append("cell")
        elif tok.type in ("th_close", "td_close", "dt_close"):
            context.pop()
        elif tok.type == "inline":
            text, italic = _inline_text(tok)
            if not context:
                kind = "paragraph"
            else:
                kind = context[-1]
            if kind == "heading":
                blocks.append(Block("heading", text, line, heading_level, italic))
            elif text:
                blocks.append(Block(kind, text, line, 0, italic))
        elif tok.type in ("fence", "colon_fence"):
            info = tok.info.strip()
            m = re.match(r"^\{([\w:-]+)\}\s*(.*)$", info)
            if not m:
                blocks.append(Block("code", "", line))  # plain code block: content, not text
                continue
            name, argument = m.group(1), m.group(2)
            if name in TITLED and argument:
                blocks.append(Block("title", clean(argument), line))
            if name in SKIP_BODY:
                blocks.append(Block("code", "", line))  # generated or included content
                continue
            body = _split_options(tok.content)
            offset = line + (tok.content.count("\n") - body.count("\n"))
            if name == "glossary":  # a term line (kind "cell"), then its indented definition
                for n, ln in enumerate(body.split("\n")):
                    if ln.strip() and not ln[:1].isspace():
                        blocks.append(Block("cell", clean(ln), offset + n))
                    elif ln.strip():
                        blocks.extend(markdown_blocks(ln.strip(), offset + n))
                continue
            blocks.extend(markdown_blocks(body, offset))
    return blocks


def notebook_blocks(path: Path) -> list[Block]:
    """Markdown cells, plus the comments learners read in code cells."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    for n, cell in enumerate(nb["cells"], start=1):
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            for b in markdown_blocks(src):
                b.line = n  # cell number
                blocks.append(b)
        elif cell["cell_type"] == "code":
            blocks.append(Block("code", "", n))
            for ln in src.split("\n"):
                if "#" in ln:
                    comment = ln.split("#", 1)[1].strip()
                    if comment and not comment.startswith("!"):
                        blocks.append(Block("comment", clean(comment), n))
    return blocks


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                ids.add(id(body[0].value))
    return ids


def _public_docstrings(tree: ast.Module) -> list[tuple[str, int]]:
    """The module docstring and the docstrings of names in ``__all__``: what help() shows."""
    public: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            public = {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    out = []
    doc = ast.get_docstring(tree)
    if doc and public:
        out.append((doc, 1))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in public:
            d = ast.get_docstring(node)
            if d:
                out.append((d, node.lineno))
    return out


def _strip_code_lines(text: str) -> str:
    """Drop doctest lines, reST literal blocks (indented after ``::``), code-like lines and
    inline code from a docstring or message."""
    keep = []
    literal_indent = None
    for ln in text.split("\n"):
        s = ln.strip()
        indent = len(ln) - len(ln.lstrip())
        if literal_indent is not None:
            if not s or indent > literal_indent:
                continue
            literal_indent = None
        if s.endswith("::"):
            literal_indent = indent
            ln = ln.rstrip()[:-1]
        if s.startswith((">>>", "...", "from ", "import ")) or re.match(r"^[\w.]+\s*=|^[\w.]+\(", s) \
                or s.startswith(("{", "}")):
            continue
        keep.append(ln)
    text = "\n".join(keep)
    text = re.sub(r":\w+:`[^`]*`", " ", text)  # reST roles
    text = re.sub(r"``?[^`]*``?", " ", text)  # inline code in reST docstrings
    return text


# Keyword arguments whose string values are settings, not text (chart drawing, open()).
SETTING_KEYWORDS = {"loc", "ha", "va", "color", "colour", "fmt", "linestyle", "ls", "marker", "cmap",
                    "dtype", "mode", "encoding", "errors", "newline", "sep", "delimiter", "invalid",
                    "divide", "family", "weight", "style", "bbox_inches", "format"}


def _not_text_nodes(tree: ast.AST) -> set[int]:
    """String constants that a learner never reads: annotations and setting keywords."""
    skip: set[int] = set()

    def mark(sub):
        if sub is not None:
            for n in ast.walk(sub):
                skip.add(id(n))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            mark(node.returns)
            for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                mark(a.annotation)
        elif isinstance(node, ast.AnnAssign):
            mark(node.annotation)
        elif isinstance(node, ast.keyword) and node.arg in SETTING_KEYWORDS:
            mark(node.value)
    return skip


def _italic(s: str) -> str:
    return " ".join(re.findall(r"(?<![*\w])\*([^*]+)\*(?!\*)", s))


def python_blocks(path: Path) -> list[Block]:
    """Learner-visible strings of a helper module: messages (string literals with a space in
    them, f-string parts included) and the docstrings help() shows for its public names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstring_nodes(tree) | _not_text_nodes(tree)
    blocks: list[Block] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            if id(node) not in skip:
                text = "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)
                if " " in text.strip():
                    blocks.append(Block("message", clean(text), node.lineno, 0, _italic(text)))
            for v in node.values:  # the constant parts were handled here
                skip.add(id(v))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if " " in node.value.strip():
                blocks.append(Block("message", clean(_strip_code_lines(node.value)), node.lineno, 0,
                                    _italic(node.value)))
    for doc, lineno in _public_docstrings(tree):
        body = _strip_code_lines(doc)
        blocks.append(Block("docstring", clean(body), lineno, 0, _italic(body)))
    blocks.sort(key=lambda b: b.line)
    return blocks


def toc_files() -> list[Path]:
    """Every source file in _toc.yml, in reading order."""
    from course import model

    course = model.load(ROOT)
    return [p for p in (course.source(d) for d in course.docs()) if p is not None]


def learner_files() -> list[Path]:
    """Pages and notebooks in the toc, the include fragments they use, and the helper modules."""
    files = toc_files()
    files += sorted((ROOT / "book").rglob("_*.md"))
    files += sorted(p for p in (ROOT / "exercises" / "cursus").glob("*.py"))
    return [f for f in files if "_build" not in f.parts]


def blocks_of(path: Path) -> list[Block]:
    if path.suffix == ".md":
        return markdown_blocks(path.read_text(encoding="utf-8"))
    if path.suffix == ".ipynb":
        return notebook_blocks(path)
    if path.suffix == ".py":
        return python_blocks(path)
    raise ValueError(f"unknown source type: {path}")


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
