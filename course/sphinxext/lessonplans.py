"""Lesson plans (draaiboeken) on the site, and the links to worksheets.

No maintained Sphinx extension renders a timed lesson plan from data: sphinx-design and
list-tables lay out text but cannot compute start times, check that durations add up, or take an
objective's text from a module's *Leerdoelen* so it exists once. So:

1. ``{draaiboek} draaiboeken/plan.yml`` loads a plan with :func:`course.plans.load_plan` (bad data
   stops the build with a message naming the file, line and field) and renders it: the set-up
   (duration, group size, room, online, preparation), then per session one card per activity:
   clock time, title, duration and method; then goal, materials and instructions at full width.
   Plan text is inserted as text; its only references, ``{doc}`` links to course pages, become
   ordinary cross-references.
2. ``{werkbladen}`` lists every worksheet (every case and reflection of the modules) with a link
   to its place in the book. Worksheet references in plans are resolved after all documents are
   read; an unknown worksheet fails the build (file and line of the plan).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from course import model, outputs, plans
from course import vocabulary as V
from course.sphinxext import structure

logger = logging.getLogger(__name__)


class werkblad_ref(nodes.Inline, nodes.TextElement):
    """A link to a worksheet (or, with ``soort="zelftoets"``, a self-check question), resolved when
    all documents are read."""


class werkbladen_lijst(nodes.General, nodes.Element):
    """Placeholder for the list of all worksheets."""


def _segments(segments, docname: str) -> list[nodes.Node]:
    """Plan text as docutils nodes: text stays text; ``{doc}`` references become cross-references."""
    out: list[nodes.Node] = []
    for seg in segments:
        if isinstance(seg, str):
            out.append(nodes.Text(seg))
        else:
            label = nodes.inline("", seg.label or seg.target, classes=["xref", "std", "std-doc"])
            ref = addnodes.pending_xref("", label,
                                        refdomain="std", reftype="doc", reftarget="/" + seg.target,
                                        refexplicit=bool(seg.label), refwarn=True, refdoc=docname)
            out.append(ref)
    return out


#: How the plan page names a form in an activity's materials (``formulier: presentielijst``).
FORMS = {plans.ATTENDANCE: "Presentielijst (in het printpakket)",
         plans.EVALUATION: "Evaluatieformulier (in het printpakket)"}
#: How the plan page names the kind of round (``ronde``).
ROUNDS = {"iedereen": "iedereen om de beurt (reken 20 seconden per persoon)",
          "wie wil": "wie iets wil zeggen, niet iedereen om de beurt"}


class DraaiboekDirective(SphinxDirective):
    """Render a lesson plan from YAML: the set-up, then one card per activity per session."""

    required_arguments = 1
    has_content = False
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        srcdir = Path(self.env.srcdir)
        rel, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        course = model.load(srcdir)
        objectives = {m.number: course.objectives(m) for m in course.modules}
        for m in course.modules:
            self.env.note_dependency(str(course.source(m.index)))
        display = Path(path).relative_to(srcdir).as_posix() if Path(path).is_relative_to(srcdir) else path
        try:
            plan = plans.load_plan(Path(path), objectives, set(self.env.found_docs), name=display)
        except plans.DraaiboekError as exc:
            raise self.error(str(exc)) from None
        rec = structure.record(self.env, self.env.docname)
        rec["plans"].append(display)
        rec["uses_worksheets"] = True

        doc = self.env.docname
        text = lambda segments, classes=(): nodes.paragraph("", "", *_segments(segments, doc),  # noqa: E731
                                                             classes=list(classes))
        container = nodes.container(classes=["draaiboek"] + self.options.get("class", []))
        setup = nodes.definition_list(classes=["draaiboek-opzet"])

        def item(parent: nodes.definition_list, term: str, body: list[nodes.Node]) -> None:
            li = nodes.definition_list_item()
            li += nodes.term(text=term)
            definition = nodes.definition()
            definition.extend(body)
            li += definition
            parent += li

        n_sessions = len(plan.sessies)
        total = f"{plan.duur} minuten" + (f" in {n_sessions} bijeenkomsten" if n_sessions > 1 else "")
        item(setup, "Duur", [nodes.paragraph(text=total)])
        item(setup, "Groepsgrootte", [text(plan.groepsgrootte)])
        item(setup, "Ruimte", [text(plan.ruimte)])
        item(setup, "Online", [text(plan.online)])
        prep = nodes.bullet_list()
        for p in plan.voorbereiding:
            prep += nodes.list_item("", text(p))
        item(setup, "Voorbereiding", [prep])
        for term, texts in (("Benodigdheden", plan.benodigdheden), ("Vooraf voor deelnemers", plan.vooraf)):
            if texts:
                listing = nodes.bullet_list()
                for p in texts:
                    listing += nodes.list_item("", text(p))
                item(setup, term, [listing])
        container += setup
        container += self._kit(plan, Path(display).stem)

        for session in plan.sessies:
            end = session.begintijd + session.duur
            container += nodes.rubric(
                text=f"{session.titel} ({plans.clock(session.begintijd)}–{plans.clock(end)}, {session.duur} minuten)",
                classes=["draaiboek-sessie"])
            goals = nodes.definition_list(classes=["draaiboek-leerdoelen"])
            listing = nodes.bullet_list()
            for g in session.leerdoelen:
                listing += nodes.list_item("", text(g))
            item(goals, "Leerdoelen (op één dia)", [listing])
            container += goals
            cards = nodes.enumerated_list(classes=["draaiboek-activiteiten"])
            for act in session.activiteiten:
                card = nodes.list_item(classes=["draaiboek-activiteit"] + (["pauze"] if act.is_break else []))
                head = nodes.paragraph(classes=["draaiboek-kop"])
                head += nodes.inline(text=plans.clock(session.begintijd + act.start), classes=["starttijd"])
                head += nodes.Text(" ")
                head += nodes.strong(text=act.titel, classes=["draaiboek-titel"])
                head += nodes.Text(" ")
                head += nodes.inline(text=f"{act.duur} min", classes=["duur"])
                head += nodes.Text(" · ")
                head += nodes.inline(text=act.werkvorm, classes=["werkvorm"])
                card += head
                details = nodes.definition_list(classes=["draaiboek-details"])
                if act.doelen:
                    goals = []
                    for module, number in act.doelen:
                        para = nodes.paragraph(classes=["doel"])
                        para += self._inline(f"{{doc}}`M{module}.{number} </{course.module(module).index}>`: ")
                        para += self._inline(objectives[module][number - 1])
                        goals.append(para)
                    item(details, "Doel", goals)
                if act.materiaal:
                    mats = []
                    for kind, target, line in act.materiaal:
                        para = nodes.paragraph(classes=["materiaal"])
                        if kind in ("werkblad", "zelftoets"):
                            para += werkblad_ref(target, "", werkblad=target, soort=kind, plan=display, regel=line)
                        elif kind == "kernpunten":
                            module = course.module(int(target[1:]))
                            para += _segments([plans.DocRef(module.closing, f"Kernpunten van module {module.number}")],
                                              doc)
                        elif kind == "formulier":
                            para += nodes.Text(FORMS[target])
                        elif kind == "sectie":
                            para["classes"].append("materiaal-dia")
                            page, anchor = target.lstrip("/").split("#")
                            para += nodes.Text("Dia met een deel van ")
                            para += _segments([plans.DocRef(page, "")], doc)
                            para += nodes.Text(f" (#{anchor})")
                        elif kind == "grafiek":
                            notebook, number = target.lstrip("/").split("#")
                            para += nodes.Text(f"Grafiek {number} uit ")
                            para += _segments([plans.DocRef(notebook, "")], doc)
                        else:
                            if kind == "notebook":
                                para += nodes.Text("Notebook: ")
                            para += _segments([plans.DocRef(target.lstrip("/"), "")], doc)
                        mats.append(para)
                    item(details, "Materiaal", mats)
                if act.opdracht:
                    item(details, "Opdracht", [text(act.opdracht)])
                if act.rollen:
                    roles = nodes.bullet_list(classes=["rollen"])
                    for role in act.rollen:
                        para = nodes.paragraph()
                        para += nodes.strong(text=role.rol + ": ")
                        para.extend(_segments(role.opdracht, doc))
                        roles += nodes.list_item("", para)
                    if act.waarnemer:
                        para = nodes.paragraph()
                        para += nodes.strong(text="Waarnemer: ")
                        para.extend(_segments(act.waarnemer, doc))
                        roles += nodes.list_item("", para)
                    item(details, "Rollen", [roles])
                if act.notities:
                    item(details, "Aanwijzingen", [text(act.notities)])
                if act.ronde:
                    item(details, "Ronde", [nodes.paragraph(text=ROUNDS[act.ronde])])
                if act.horen:
                    listing = nodes.bullet_list()
                    for h in act.horen:
                        listing += nodes.list_item("", text(h))
                    item(details, "Wat je wilt horen", [listing])
                if act.schrappen:
                    item(details, "Als je uitloopt, schrap dan", [text(act.schrappen)])
                if details.children:
                    card += details
                cards += card
            container += cards
        return [container]

    def _kit(self, plan: plans.Plan, stem: str) -> nodes.Node:
        """Links to the plan's workshop kit in the site's downloads/ (made by ``make pdf``; names from
        course/outputs.py); on the site only. ``cursus-downloads.js`` adds format and size."""
        depth = self.env.docname.count("/")
        box = nodes.container(classes=["draaiboek-materiaal", V.WEB_ONLY])
        box += nodes.rubric(text="Workshopmateriaal", classes=["draaiboek-sessie"])
        intro = nodes.paragraph(text="Alles om deze workshop zonder internet te geven, ook samen in één map: ")
        whole = nodes.reference("", outputs.kit_zip(stem), refuri=outputs.href(depth, outputs.kit_zip(stem)),
                                classes=["cursus-download"])
        intro += whole
        box += intro
        listing = nodes.bullet_list(classes=["cursus-downloads"])
        for name, label in plans.kit_files(plan):
            para = nodes.paragraph()
            para += nodes.reference("", label, refuri=outputs.href(depth, outputs.kit_file(stem, name)),
                                    classes=["cursus-download"])
            listing += nodes.list_item("", para)
        box += listing
        return box

    def _inline(self, source: str) -> list[nodes.Node]:
        """Course text (an objective from a module's Leerdoelen), parsed as MyST inline."""
        parsed, messages = self.state.inline_text(source, self.lineno)
        return parsed + messages


class WerkbladenDirective(SphinxDirective):
    """A table of every worksheet with a link to its place in the book."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        structure.record(self.env, self.env.docname)["uses_worksheets"] = True
        return [werkbladen_lijst()]


def _module_records(env):
    """(docname, module, structure record) for every page of a module, in reading order."""
    course = model.load(Path(env.srcdir))
    records = env.__dict__.get(structure.ENV_KEY, {})
    for doc in course.docs():
        module = course.module_of(doc)
        if module is not None and doc in records:
            yield doc, module, records[doc]


def _selfchecks(env) -> dict[str, dict]:
    """Self-check question id -> {docname, title, module}, from the structure records."""
    return {q["id"]: {"docname": doc, "title": q["title"], "module": module.number}
            for doc, module, rec in _module_records(env) for q in rec["selfchecks"]}


def _worksheets(env) -> dict[str, dict]:
    """Worksheet id -> {docname, kind, title, module}, from the structure records."""
    out = {}
    for doc, module, rec in _module_records(env):
        for case in rec["cases"]:
            out[case["id"]] = {"docname": doc, "kind": V.CASE, "title": case["title"], "module": module.number}
        for ref in rec["reflections"]:
            out[ref["id"]] = {"docname": doc, "kind": V.REFLECTION, "title": ref["title"], "module": module.number}
    return out


def _table(headers: list[str], classes: list[str]) -> tuple[nodes.table, nodes.tbody]:
    """A table whose columns size to their content (no inline widths: the site's
    Content-Security-Policy allows no style attributes on pages that search results read)."""
    table = nodes.table(classes=classes + ["colwidths-auto"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    row = nodes.row()
    for h in headers:
        row += nodes.entry("", nodes.paragraph(text=h))
    head += row
    group += head
    body = nodes.tbody()
    group += body
    return table, body


def _sheet_download(fromdoc: str, ident: str, text: str, web_only: bool = True) -> nodes.reference:
    """A link to the single worksheet's PDF in downloads/; ``web_only`` next to a reference that
    print keeps (paper cannot download)."""
    classes = ["cursus-download", "cursus-werkblad-download"] + ([V.WEB_ONLY] if web_only else [])
    return nodes.reference("", text, refuri=outputs.href(fromdoc.count("/"), outputs.worksheet(ident)),
                           classes=classes)


class ResolveWorksheets(SphinxPostTransform):
    """Turn worksheet references into links; an unknown worksheet fails the build."""

    default_priority = 40

    def run(self) -> None:
        sheets = _worksheets(self.env)
        questions = _selfchecks(self.env) if any(True for _ in self.document.findall(werkblad_ref)) else {}
        fromdoc = self.env.docname
        for ref in list(self.document.findall(werkblad_ref)):
            target = ref["werkblad"]
            kind = ref.get("soort", "werkblad")
            info = (questions if kind == "zelftoets" else sheets).get(target)
            if info is None:
                logger.warning(f"draaiboek {ref['plan']}, regel {ref['regel']}: {kind} '{target}' bestaat niet",
                               location=ref, type="draaiboek", subtype=kind)
                ref.replace_self(nodes.Text(target))
                continue
            label = (f"Zelftoets module {info['module']}, {info['title'].lower()}" if kind == "zelftoets"
                     else f"Werkblad {target}: {V.case_name(info['title'])}")
            link = make_refnode(self.app.builder, fromdoc, info["docname"], target, nodes.Text(label))
            link["classes"].append("werkblad-ref" if kind == "werkblad" else "zelftoets-ref")
            if kind == "werkblad":
                ref.replace_self([link, nodes.Text(" "), _sheet_download(fromdoc, target, "Download werkblad")])
            else:
                ref.replace_self(link)
        for placeholder in list(self.document.findall(werkbladen_lijst)):
            table, body = _table(["Werkblad", "Module", "Soort", "Titel"], ["werkbladen-tabel"])
            for ident, info in sorted(sheets.items(), key=lambda kv: (kv[1]["module"], kv[1]["kind"], kv[0])):
                row = nodes.row()
                row += nodes.entry("", nodes.paragraph("", "", _sheet_download(fromdoc, ident, ident, web_only=False)))
                row += nodes.entry("", nodes.paragraph(text=str(info["module"])))
                row += nodes.entry("", nodes.paragraph(text=info["kind"]))
                para = nodes.paragraph()
                para += make_refnode(self.app.builder, fromdoc, info["docname"], ident, nodes.Text(info["title"]))
                row += nodes.entry("", para)
                body += row
            placeholder.replace_self(table)


def rewrite_worksheet_users(app: Sphinx, env) -> list[str]:
    """When the worksheets changed (a case renamed, a reflection added), the pages that link or
    list worksheets are written again, although their own source did not change."""
    sheets = sorted((k, v["docname"], v["title"]) for k, v in _worksheets(env).items())
    if getattr(env, "course_worksheets_seen", None) == sheets:
        return []
    env.course_worksheets_seen = sheets
    return [doc for doc, rec in env.__dict__.get(structure.ENV_KEY, {}).items() if rec.get("uses_worksheets")]


#: The start-time field of a plan page (book/_static), loaded only on pages with a plan.
START_SCRIPT = "cursus-draaiboek.js"


def add_start_time_script(app: Sphinx, pagename, templatename, context, doctree) -> None:
    records = app.env.__dict__.get(structure.ENV_KEY, {})   # read only: no record for pages without one
    if app.builder.format == "html" and records.get(pagename, {}).get("plans"):
        app.add_js_file(START_SCRIPT, defer="defer")


def setup(app: Sphinx) -> None:
    app.connect("env-get-updated", rewrite_worksheet_users)
    app.connect("html-page-context", add_start_time_script)
    app.add_node(werkblad_ref)
    app.add_node(werkbladen_lijst)
    app.add_directive("draaiboek", DraaiboekDirective)
    app.add_directive("werkbladen", WerkbladenDirective)
    app.add_post_transform(ResolveWorksheets)
