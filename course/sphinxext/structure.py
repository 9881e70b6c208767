"""The course index: what later steps need to know about the course, written once by the build.

While Sphinx reads a document, this job records its cases (and gives every case box its stable
id, e.g. ``m1-casus-noor``), reflections (with the question's text), self-check questions (with
the right option) and the ids of their solutions. The records live in the environment, per
document, so an incremental build only re-reads what changed (``env-purge-doc`` /
``env-merge-info``). After the build they are combined with the course model (parts, modules,
objectives) into one index, written as

* ``_static/course-index.json``: read by the print editions (``tools/printbook``) and the tests;
* ``_static/cursus-index.js``: the part the browser scripts use (modules, reflections, the
  vocabulary, the site's address) as ``window.CURSUS_INDEX`` for ``cursus.js`` (a script, because pages opened from
  a local folder cannot fetch JSON; a subset, because every page loads it).

Both are rewritten only when their content changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from course import model
from course import vocabulary as V

ENV_KEY = "course_structure"
JSON_NAME = model.INDEX_FILE.name
JS_NAME = "cursus-index.js"


def record(env, docname: str) -> dict:
    """The record of one document (created empty on first use)."""
    store = env.__dict__.setdefault(ENV_KEY, {})
    return store.setdefault(docname, {"cases": [], "reflections": [], "selfchecks": [], "solutions": {},
                                      "plans": []})


def _is_exercise(node) -> bool:
    return type(node).__name__ in ("exercise_node", "exercise_enumerable_node")


def _subtitle(node) -> str:
    found = list(node.findall(nodes.subtitle))
    return found[0].astext().strip() if found else ""


def _content_text(node) -> str:
    body = [c for c in node.children if not isinstance(c, (nodes.title, nodes.subtitle))
            and type(c).__name__ != "exercise_title"]
    return " ".join(" ".join(c.astext() for c in body).split())


def _option_letters(node, pattern) -> list[tuple[str, str]]:
    """(letter, verdict) of list items that start with a bold label like 'A.' or 'A. Juist.'."""
    out = []
    for item in node.findall(nodes.list_item):
        strong = next(iter(item.findall(nodes.strong)), None)
        m = pattern.match(strong.astext()) if strong is not None else None
        if m:
            out.append((m.group(1), m.group(2) if m.re.groups > 1 else ""))
    return out


def collect(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: record this document's cases, exercises and solutions; give cases their id."""
    env = app.env
    docname = env.docname
    course = model.load(Path(env.srcdir))
    module = course.module_of(docname)
    rec = record(env, docname)
    rec.update(cases=[], reflections=[], selfchecks=[], solutions={})  # plans: set while parsing
    taken = {c["id"] for d, r in env.__dict__.get(ENV_KEY, {}).items() if d != docname for c in r["cases"]}
    for node in doctree.findall(nodes.Element):
        classes = node.get("classes", [])
        if _is_exercise(node) and node.get("ids"):
            ident = node["ids"][0]
            if V.REFLECTION in classes:
                rec["reflections"].append({"id": ident, "title": _subtitle(node), "question": _content_text(node)})
            elif V.SELF_CHECK in classes:
                options = _option_letters(node, V.OPTION)
                rec["selfchecks"].append({"id": ident, "title": _subtitle(node), "options": [o for o, _ in options]})
        elif type(node).__name__ == "solution_node" and node.get("ids"):
            rec["solutions"][node.get("target_label", "")] = {
                "id": node["ids"][0], "verdicts": _option_letters(node, V.VERDICT),
                "thinking": V.THINKING in classes}
        elif isinstance(node, nodes.admonition) and V.CASE in classes:
            title = node[0].astext() if node.children and isinstance(node[0], nodes.title) else ""
            ident = base = V.case_id(module.number if module else None, title)
            n = 2
            while ident in taken or ident in doctree.ids:
                ident, n = f"{base}-{n}", n + 1
            node["ids"].insert(0, ident)
            doctree.ids[ident] = node
            taken.add(ident)
            rec["cases"].append({"id": ident, "title": title})


def purge(app: Sphinx, env, docname: str) -> None:
    env.__dict__.get(ENV_KEY, {}).pop(docname, None)


def merge(app: Sphinx, env, docnames, other) -> None:
    store = env.__dict__.setdefault(ENV_KEY, {})
    for docname, rec in getattr(other, ENV_KEY, {}).items():
        if docname in docnames:
            store[docname] = rec


def build_index(app: Sphinx) -> dict:
    """The whole index, in reading order, from the model and the per-document records."""
    env = app.env
    course = model.load(Path(env.srcdir))
    store = env.__dict__.get(ENV_KEY, {})
    title = lambda doc: env.titles[doc].astext() if doc in env.titles else doc  # noqa: E731
    uri = lambda doc: app.builder.get_target_uri(doc)  # noqa: E731
    modules = []
    for m in course.modules:
        modules.append({"id": m.folder, "number": m.number, "code": m.code, "caption": m.caption,
                        "title": title(m.index), "index": m.index, "uri": uri(m.index),
                        "pages": list(m.pages), "notebook": m.notebook, "selfcheck": m.selfcheck,
                        "closing": m.closing, "docs": list(m.docs), "objectives": course.objectives(m)})
    docs, cases, reflections, selfchecks, plans = [], [], [], [], []
    for doc in course.docs():
        module = course.module_of(doc)
        folder = module.folder if module else None
        docs.append({"doc": doc, "title": title(doc), "uri": uri(doc), "part": course.part_of(doc),
                     "module": folder,
                     # only where true: this index is loaded by every page of the site
                     **({"webOnly": True} if env.metadata.get(doc, {}).get(V.PAGE_DISPLAY) == V.WEB_ONLY else {})})
        rec = store.get(doc)
        if rec is None:
            continue
        where = {"doc": doc, "module": folder, "page": uri(doc), "pageTitle": title(doc)}
        for case in rec["cases"]:
            cases.append({**case, **where})
        for ref in rec["reflections"]:
            solution = rec["solutions"].get(ref["id"], {})
            reflections.append({**ref, **where, "thinking": solution.get("id")})
        for q in rec["selfchecks"]:
            solution = rec["solutions"].get(q["id"], {})
            right = [letter for letter, verdict in solution.get("verdicts", []) if verdict == V.RIGHT]
            selfchecks.append({**q, **where, "feedback": solution.get("id"),
                               "correct": right[0] if len(right) == 1 else None})
        plans.extend({"file": p, "doc": doc} for p in rec.get("plans", []))
    in_modules = [r for r in cases + reflections if r["module"]]
    order = {d["doc"]: i for i, d in enumerate(docs)}
    worksheets = [r["id"] for r in sorted(in_modules, key=lambda r: order[r["doc"]])]
    return {
        "title": app.config.html_title or app.config.project,
        "root": course.root_doc,
        "substitutions": course.substitutions,
        "vocabulary": {"case": V.CASE, "reflection": V.REFLECTION, "selfCheck": V.SELF_CHECK,
                       "thinking": V.THINKING, "feedback": V.FEEDBACK, "helpNotice": V.HELP_NOTICE,
                       "webOnly": V.WEB_ONLY, "printOnly": V.PRINT_ONLY,
                       "search": V.search_settings([d for p in course.parts if p.caption == V.TRAINER_PART
                                                    for c in p.chapters for d in (c.doc, *c.sections)])},
        "parts": [{"caption": p.caption, "chapters": [{"doc": c.doc, "sections": list(c.sections)}
                                                     for c in p.chapters]} for p in course.parts],
        "docs": docs, "modules": modules, "cases": cases, "reflections": reflections,
        "selfchecks": selfchecks, "worksheets": worksheets, "plans": plans,
    }


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    data = build_index(app)
    _write_if_changed(static / JSON_NAME, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    _write_if_changed(static / JS_NAME, "window.CURSUS_INDEX = " + json.dumps(browser_subset(data), ensure_ascii=False,
                                                                             separators=(",", ":")) + ";\n")


#: What the browser scripts read of the index (every page loads it, so it stays small).
BROWSER_FIELDS = {"modules": ("id", "number", "title", "uri", "docs"),
                  "reflections": ("id", "title", "question", "module", "page", "pageTitle")}


def browser_subset(data: dict) -> dict:
    subset = {key: [{f: item[f] for f in fields} for item in data[key]] for key, fields in BROWSER_FIELDS.items()}
    subset["vocabulary"] = data["vocabulary"]
    subset["substitutions"] = {"site_url": data["substitutions"].get("site_url", "")}
    return subset


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", collect)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", write, priority=800)
    app.add_js_file(JS_NAME, defer="defer")
