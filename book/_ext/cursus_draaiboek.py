"""Local Sphinx extension: lesson plans (draaiboeken) from YAML, and worksheet ids.

No maintained package renders a timed lesson plan from data with links into the book, so
this small extension does two jobs (see CONTRIBUTING.md, "Own code and why"):

1. ``{draaiboek} draaiboeken/plan.yml``: reads a plan, checks it and renders it: the set-up
   (duration, group size, room, online, preparation) and per session a table of activities.
   Start times are computed from the durations; a goal is written as ``M1.2`` (module 1,
   objective 2) and its text is taken from that module's *Leerdoelen* list, so it exists
   once. Bad data stops the build with a message naming the file, the line and the row.
2. Worksheet ids: every reflection exercise (its label, e.g. ``m1-reflectie-2``) and every
   case (``m1-casus-noor``, from the module and the first name in the title; the id is put
   on the case's box) is a worksheet. Plans refer to them, ``{werkbladen}`` lists them, and
   ``tools/printhtml.py`` turns the same boxes of the built HTML into A4 worksheets.

``load_plan`` works without Sphinx, so tests can check plans directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

logger = logging.getLogger(__name__)

#: Allowed methods (werkvormen); "pauze" is a break and needs no goal.
WERKVORMEN = ("plenair", "tweetallen", "kleine groepen", "individueel", "pauze")
MATERIAL_KINDS = ("werkblad", "pagina", "notebook")
PLAN_KEYS = {"duur", "groepsgrootte", "ruimte", "online", "voorbereiding", "sessies"}
SESSION_KEYS = {"titel", "duur", "begintijd", "activiteiten"}
ACTIVITY_KEYS = {"titel", "duur", "werkvorm", "doelen", "materiaal", "notities"}
GOAL = re.compile(r"^M(\d)\.(\d+)$")
LINE = "__regel__"


class DraaiboekError(ValueError):
    """Bad plan data; the message names the file, the line and the row."""


# --- loading and checking -------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


@dataclass
class Activity:
    titel: str
    duur: int
    werkvorm: str
    doelen: list[tuple[int, int]]
    materiaal: list[tuple[str, str]]
    notities: str
    regel: int
    start: int = 0  # minutes after the session's start


@dataclass
class Session:
    titel: str
    duur: int
    begintijd: int  # minutes after midnight
    activiteiten: list[Activity]
    regel: int


@dataclass
class Plan:
    path: Path
    duur: int
    groepsgrootte: str
    ruimte: str
    online: str
    voorbereiding: list[str]
    sessies: list[Session] = field(default_factory=list)

    def worksheets(self) -> list[str]:
        return [t for s in self.sessies for a in s.activiteiten for k, t in a.materiaal if k == "werkblad"]


def clock(minutes: int) -> str:
    """Minutes after midnight as a Dutch clock time: 810 -> '13:30'."""
    return f"{minutes // 60 % 24:d}:{minutes % 60:02d}"


def load_plan(path: Path, objectives: dict[int, list[str]] | None = None,
              docs: set[str] | None = None, worksheets: set[str] | None = None) -> Plan:
    """Read and check one plan. ``objectives`` (module -> texts), ``docs`` (document names)
    and ``worksheets`` (ids) are checked when given. Raises :class:`DraaiboekError`."""
    path = Path(path)
    name = path.as_posix()

    def fail(line: int | None, where: str, msg: str) -> DraaiboekError:
        place = f"{name}, regel {line}" if line else name
        return DraaiboekError(f"draaiboek {place}{' (' + where + ')' if where else ''}: {msg}")

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise fail(None, "", "bestand niet gevonden") from None
    except yaml.YAMLError as exc:
        raise fail(None, "", f"geen geldige YAML: {exc}") from None
    if not isinstance(data, dict):
        raise fail(None, "", "het bestand moet een lijst van sleutels zijn (duur, sessies, ...)")

    def keys(d: dict, allowed: set[str], required: set[str], where: str) -> None:
        unknown = sorted(set(d) - allowed - {LINE})
        if unknown:
            raise fail(d.get(LINE), where, f"onbekende sleutel(s) {', '.join(unknown)}; toegestaan: {', '.join(sorted(allowed))}")
        missing = sorted(required - set(d))
        if missing:
            raise fail(d.get(LINE), where, f"ontbrekende sleutel(s): {', '.join(missing)}")

    def minutes(d: dict, key: str, where: str) -> int:
        value = d.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise fail(d.get(LINE), where, f"'{key}' moet een positief aantal minuten zijn, niet {value!r}")
        return value

    def text(d: dict, key: str, where: str) -> str:
        value = d.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(d.get(LINE), where, f"'{key}' moet een tekst zijn")
        return value.strip()

    keys(data, PLAN_KEYS, PLAN_KEYS, "")
    prep = data["voorbereiding"]
    if not isinstance(prep, list) or not prep or not all(isinstance(p, str) and p.strip() for p in prep):
        raise fail(data.get(LINE), "", "'voorbereiding' moet een lijst van teksten zijn")
    plan = Plan(path, minutes(data, "duur", ""), text(data, "groepsgrootte", ""), text(data, "ruimte", ""),
                text(data, "online", ""), [p.strip() for p in prep])
    if not isinstance(data["sessies"], list) or not data["sessies"]:
        raise fail(data.get(LINE), "", "'sessies' moet een lijst met minstens één sessie zijn")

    for s_no, sess in enumerate(data["sessies"], 1):
        where_s = f"sessie {s_no}"
        if not isinstance(sess, dict):
            raise fail(data.get(LINE), where_s, "een sessie moet sleutels hebben (titel, duur, begintijd, activiteiten)")
        keys(sess, SESSION_KEYS, SESSION_KEYS, where_s)
        start = str(sess["begintijd"])
        m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", start)
        if not m:
            raise fail(sess.get(LINE), where_s, f"'begintijd' moet een tijd zijn als \"13:30\", niet {start!r}")
        session = Session(text(sess, "titel", where_s), minutes(sess, "duur", where_s),
                          int(m.group(1)) * 60 + int(m.group(2)), [], sess[LINE])
        if not isinstance(sess["activiteiten"], list) or not sess["activiteiten"]:
            raise fail(sess.get(LINE), where_s, "'activiteiten' moet een lijst zijn")
        offset = 0
        for a_no, act in enumerate(sess["activiteiten"], 1):
            where = f"sessie {s_no}, activiteit {a_no}"
            if not isinstance(act, dict):
                raise fail(sess.get(LINE), where, "een activiteit moet sleutels hebben (titel, duur, werkvorm, ...)")
            if isinstance(act.get("titel"), str):
                where += f" '{act['titel']}'"
            werkvorm = act.get("werkvorm")
            if werkvorm not in WERKVORMEN:
                raise fail(act[LINE], where, f"onbekende werkvorm {werkvorm!r}; kies uit {', '.join(WERKVORMEN)}")
            is_break = werkvorm == "pauze"
            required = {"titel", "duur", "werkvorm"} | (set() if is_break else {"doelen", "notities"})
            keys(act, ACTIVITY_KEYS, required, where)
            goals: list[tuple[int, int]] = []
            raw_goals = act.get("doelen", [])
            if not isinstance(raw_goals, list) or (not is_break and not raw_goals):
                raise fail(act[LINE], where, "'doelen' moet een lijst zijn, zoals [M1.2]")
            for goal in raw_goals:
                gm = GOAL.match(str(goal))
                if not gm:
                    raise fail(act[LINE], where, f"doel {goal!r} heeft niet de vorm M<module>.<nummer>, zoals M1.2")
                module, number = int(gm.group(1)), int(gm.group(2))
                if objectives is not None:
                    if module not in objectives:
                        raise fail(act[LINE], where, f"doel {goal}: module {module} bestaat niet")
                    if not 1 <= number <= len(objectives[module]):
                        raise fail(act[LINE], where, f"doel {goal}: module {module} heeft {len(objectives[module])} leerdoelen")
                goals.append((module, number))
            materials: list[tuple[str, str]] = []
            raw_mat = act.get("materiaal", [])
            if not isinstance(raw_mat, list):
                raise fail(act[LINE], where, "'materiaal' moet een lijst zijn")
            for item in raw_mat:
                pairs = [(k, v) for k, v in item.items() if k != LINE] if isinstance(item, dict) else []
                if len(pairs) != 1 or pairs[0][0] not in MATERIAL_KINDS or not isinstance(pairs[0][1], str):
                    raise fail(act[LINE], where, f"materiaal {item!r}: gebruik één van {', '.join(MATERIAL_KINDS)}, zoals 'werkblad: m1-casus-noor'")
                kind, target = pairs[0]
                if kind in ("pagina", "notebook") and docs is not None and target.lstrip("/") not in docs:
                    raise fail(item.get(LINE, act[LINE]), where, f"{kind} '{target}' bestaat niet in het boek")
                if kind == "werkblad" and worksheets is not None and target not in worksheets:
                    raise fail(item.get(LINE, act[LINE]), where, f"werkblad '{target}' bestaat niet")
                materials.append((kind, target))
            notes = act.get("notities", "")
            if not isinstance(notes, str):
                raise fail(act[LINE], where, "'notities' moet een tekst zijn")
            activity = Activity(text(act, "titel", where), minutes(act, "duur", where), werkvorm, goals,
                                materials, notes.strip(), act[LINE], offset)
            offset += activity.duur
            session.activiteiten.append(activity)
        if offset != session.duur:
            raise fail(sess[LINE], where_s, f"de activiteiten duren samen {offset} minuten, de sessie {session.duur}")
        plan.sessies.append(session)
    total = sum(s.duur for s in plan.sessies)
    if total != plan.duur:
        raise fail(data[LINE], "", f"de sessies duren samen {total} minuten, het draaiboek {plan.duur}")
    return plan


def read_objectives(srcdir: Path) -> dict[int, list[str]]:
    """Module number -> its numbered Leerdoelen (MyST source), from ``book/mN-*/index.md``."""
    out: dict[int, list[str]] = {}
    for index in sorted(Path(srcdir).glob("book/m[0-9]-*/index.md")):
        module = int(index.parent.name[1])
        text = index.read_text(encoding="utf-8")
        part = re.split(r"^## Leerdoelen[ \t]*$", text, maxsplit=1, flags=re.M)
        section = part[1].split("\n## ")[0] if len(part) == 2 else ""
        out[module] = [t.strip().rstrip(";.").strip() for t in re.findall(r"^\d+\. (.+)$", section, re.M)]
    return out


def module_index(srcdir: Path, module: int) -> str:
    found = sorted(Path(srcdir).glob(f"book/m{module}-*/index.md"))
    return found[0].relative_to(srcdir).with_suffix("").as_posix() if found else ""


# --- worksheet ids ---------------------------------------------------------------------------


def _slug(word: str) -> str:
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_word.lower()).strip("-")


def case_id(docname: str, title: str) -> str:
    """'book/m1-spectrum/02-het-spectrum', 'Casus: Noor (16) en ...' -> 'm1-casus-noor'."""
    module = re.search(r"(?:^|/)(m\d)-", docname)
    name = title.split(":", 1)[-1].strip().split()[0] if ":" in title else title
    return f"{module.group(1) if module else 'boek'}-casus-{_slug(name)}"


def _collect_worksheets(app: Sphinx, doctree: nodes.document) -> None:
    """Give every case box an id and record the worksheets of this document."""
    env = app.env
    store = env.__dict__.setdefault("cursus_werkbladen", {})
    docname = env.docname
    for node in doctree.findall(nodes.Element):
        classes = node.get("classes", [])
        if type(node).__name__ == "exercise_enumerable_node" or type(node).__name__ == "exercise_node":
            if "reflectie" in classes and node.get("ids"):
                subtitles = [n for n in node.findall(nodes.subtitle)]
                title = subtitles[0].astext() if subtitles else node["ids"][0]
                store[node["ids"][0]] = {"docname": docname, "kind": "reflectie", "title": title}
        elif isinstance(node, nodes.admonition) and "casus" in classes:
            title = node.children[0].astext() if node.children and isinstance(node[0], nodes.title) else ""
            ident = base = case_id(docname, title)
            n = 2
            while ident in store and store[ident]["docname"] != docname or ident in node.document.ids:
                ident, n = f"{base}-{n}", n + 1
            node["ids"].insert(0, ident)
            node.document.ids[ident] = node
            store[ident] = {"docname": docname, "kind": "casus", "title": title}


def _purge(app: Sphinx, env, docname: str) -> None:
    store = getattr(env, "cursus_werkbladen", {})
    for key in [k for k, v in store.items() if v["docname"] == docname]:
        del store[key]


def _merge(app: Sphinx, env, docnames, other) -> None:
    env.__dict__.setdefault("cursus_werkbladen", {}).update(getattr(other, "cursus_werkbladen", {}))


# --- rendering --------------------------------------------------------------------------------


class werkblad_ref(nodes.Inline, nodes.TextElement):
    """A link to a worksheet, resolved when all documents are read."""


class werkbladen_lijst(nodes.General, nodes.Element):
    """Placeholder for the list of all worksheets."""


def _table(headers: list[str], widths: list[int], classes: list[str]) -> tuple[nodes.table, nodes.tbody]:
    table = nodes.table(classes=classes + ["colwidths-given"])  # docutils writes the widths
    group = nodes.tgroup(cols=len(headers))
    table += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    row = nodes.row()
    for h in headers:
        row += nodes.entry("", nodes.paragraph(text=h))
    head += row
    group += head
    body = nodes.tbody()
    group += body
    return table, body


class DraaiboekDirective(SphinxDirective):
    """Render a lesson plan from YAML: set-up, then one table of activities per session."""

    required_arguments = 1
    has_content = False
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        rel, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        objectives = read_objectives(srcdir)
        for module in objectives:
            self.env.note_dependency(str(srcdir / (module_index(srcdir, module) + ".md")))
        try:
            plan = load_plan(Path(path), objectives, set(self.env.found_docs))
        except DraaiboekError as exc:
            display = Path(path).relative_to(srcdir).as_posix() if Path(path).is_relative_to(srcdir) else path
            raise self.error(str(exc).replace(Path(path).as_posix(), display)) from None

        container = nodes.container(classes=["draaiboek"] + self.options.get("class", []))
        setup = nodes.definition_list(classes=["draaiboek-opzet"])

        def item(term: str, body: list[nodes.Node]) -> None:
            li = nodes.definition_list_item()
            li += nodes.term(text=term)
            definition = nodes.definition()
            definition.extend(body)
            li += definition
            setup.append(li)

        n_sessions = len(plan.sessies)
        total = f"{plan.duur} minuten" + (f" in {n_sessions} bijeenkomsten" if n_sessions > 1 else "")
        item("Duur", [nodes.paragraph(text=total)])
        item("Groepsgrootte", [self._para(plan.groepsgrootte)])
        item("Ruimte", [self._para(plan.ruimte)])
        item("Online", [self._para(plan.online)])
        prep = nodes.bullet_list()
        for p in plan.voorbereiding:
            prep += nodes.list_item("", self._para(p))
        item("Voorbereiding", [prep])
        container += setup

        for session in plan.sessies:
            end = session.begintijd + session.duur
            container += nodes.rubric(
                text=f"{session.titel} ({clock(session.begintijd)}–{clock(end)}, {session.duur} minuten)",
                classes=["draaiboek-sessie"])
            table, body = _table(["Start", "Duur", "Activiteit", "Werkvorm", "Doel", "Materiaal", "Aanwijzingen"],
                                 [7, 7, 14, 11, 23, 16, 28], ["draaiboek-tabel"])
            for act in session.activiteiten:
                row = nodes.row(classes=["pauze"] if act.werkvorm == "pauze" else [])
                row += nodes.entry("", nodes.paragraph(text=clock(session.begintijd + act.start), classes=["starttijd"]))
                row += nodes.entry("", nodes.paragraph(text=f"{act.duur} min"))
                row += nodes.entry("", nodes.paragraph("", "", nodes.strong(text=act.titel)))
                row += nodes.entry("", nodes.paragraph(text=act.werkvorm, classes=["werkvorm"]))
                goals = nodes.entry()
                for module, number in act.doelen:
                    para = nodes.paragraph(classes=["doel"])
                    para += self._inline(f"{{doc}}`M{module}.{number} </{module_index(srcdir, module)}>`: ")
                    para += self._inline(objectives[module][number - 1])
                    goals += para
                row += goals
                mats = nodes.entry()
                for kind, target in act.materiaal:
                    para = nodes.paragraph(classes=["materiaal"])
                    if kind == "werkblad":
                        para += werkblad_ref(target, "", werkblad=target, plan=rel, regel=act.regel)
                    else:
                        if kind == "notebook":
                            para += nodes.Text("Notebook: ")
                        para += self._inline(f"{{doc}}`/{target.lstrip('/')}`")
                    mats += para
                row += mats
                row += nodes.entry("", *([self._para(act.notities)] if act.notities else []))
                body += row
            container += table
        return [container]

    def _inline(self, text: str) -> list[nodes.Node]:
        parsed, messages = self.state.inline_text(text, self.lineno)
        return parsed + messages

    def _para(self, text: str) -> nodes.paragraph:
        para = nodes.paragraph()
        para += self._inline(" ".join(text.split()))
        return para


class WerkbladenDirective(SphinxDirective):
    """A table of every worksheet with a link to its place in the book."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [werkbladen_lijst()]


def _module_of(docname: str) -> str:
    m = re.search(r"(?:^|/)m(\d)-", docname)
    return m.group(1) if m else ""


class ResolveWorksheets(SphinxPostTransform):
    """Turn worksheet references into links; an unknown worksheet fails the build."""

    default_priority = 40

    def run(self) -> None:
        store = getattr(self.env, "cursus_werkbladen", {})
        fromdoc = self.env.docname
        for ref in list(self.document.findall(werkblad_ref)):
            target = ref["werkblad"]
            info = store.get(target)
            if info is None:
                logger.warning(f"draaiboek {ref['plan']}, regel {ref['regel']}: werkblad '{target}' bestaat niet",
                               location=ref, type="draaiboek", subtype="werkblad")
                ref.replace_self(nodes.Text(target))
                continue
            link = make_refnode(self.app.builder, fromdoc, info["docname"], target,
                                nodes.Text(f"Werkblad {target}: {_plain_title(info['title'])}"))
            link["classes"].append("werkblad-ref")
            ref.replace_self(link)
        for placeholder in list(self.document.findall(werkbladen_lijst)):
            table, body = _table(["Werkblad", "Module", "Soort", "Titel"], [16, 8, 10, 40], ["werkbladen-tabel"])
            for ident, info in sorted(store.items(), key=lambda kv: (_module_of(kv[1]["docname"]), kv[1]["kind"], kv[0])):
                row = nodes.row()
                row += nodes.entry("", nodes.paragraph(text=ident))
                row += nodes.entry("", nodes.paragraph(text=_module_of(info["docname"])))
                row += nodes.entry("", nodes.paragraph(text=info["kind"]))
                para = nodes.paragraph()
                para += make_refnode(self.app.builder, fromdoc, info["docname"], ident, nodes.Text(info["title"]))
                row += nodes.entry("", para)
                body += row
            placeholder.replace_self(table)


def _plain_title(title: str) -> str:
    """'Casus: Noor (16) en de vakantiefoto's' -> 'Noor (16) en de vakantiefoto's'."""
    return title.split(":", 1)[1].strip() if title.startswith("Casus:") else title


def setup(app: Sphinx) -> dict:
    app.add_node(werkblad_ref)
    app.add_node(werkbladen_lijst)
    app.add_directive("draaiboek", DraaiboekDirective)
    app.add_directive("werkbladen", WerkbladenDirective)
    app.connect("doctree-read", _collect_worksheets)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.add_post_transform(ResolveWorksheets)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0", "env_version": 1}
