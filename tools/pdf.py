"""Build the PDFs: singlehtml build -> print HTML (tools/printhtml.py) -> WeasyPrint.

Writes the handbook (handboek.pdf), the trainer guide (trainershandleiding.pdf), the worksheet
bundle (werkbladen.pdf) and one PDF per worksheet (werkbladen/<id>.pdf), all in _build/pdf/.

Usage: python tools/pdf.py [--skip-sphinx]
The singlehtml build runs with -W -n --keep-going like the site, so a warning fails it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from printhtml import build_print_html, build_trainer_html, build_worksheets_html  # noqa: E402

SINGLEHTML = ROOT / "_build" / "singlehtml"
PDF_DIR = ROOT / "_build" / "pdf"


def build_singlehtml() -> None:
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
           "--builder", "singlehtml", "-W", "-n", "--keep-going"]
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit("De singlehtml-build is mislukt; zie de meldingen hierboven.")


def render_pdf(html: Path, target: Path) -> Path:
    from weasyprint import HTML

    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(filename=str(html), base_url=str(html.parent)).write_pdf(
        str(target),
        pdf_variant="pdf/ua-1",  # tagged PDF with /Lang, title and structure for screen readers
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-sphinx", action="store_true", help="reuse an existing singlehtml build")
    args = parser.parse_args()
    start = time.perf_counter()
    if not args.skip_sphinx:
        build_singlehtml()
    html = build_print_html(SINGLEHTML)
    pdf = render_pdf(html, PDF_DIR / "handboek.pdf")
    print(f"Handboek: {pdf.relative_to(ROOT)} ({pdf.stat().st_size // 1024} KB, {time.perf_counter() - start:.1f} s)")
    build_trainer_edition()


def build_trainer_edition() -> None:
    """The trainer guide and the worksheets, from the same singlehtml build."""
    start = time.perf_counter()
    guide = render_pdf(build_trainer_html(SINGLEHTML), PDF_DIR / "trainershandleiding.pdf")
    print(f"Trainershandleiding: {guide.relative_to(ROOT)} ({guide.stat().st_size // 1024} KB, "
          f"{time.perf_counter() - start:.1f} s)")
    start = time.perf_counter()
    bundle_html, singles = build_worksheets_html(SINGLEHTML)
    bundle = render_pdf(bundle_html, PDF_DIR / "werkbladen.pdf")
    sheet_dir = PDF_DIR / "werkbladen"
    if sheet_dir.exists():
        for old in sheet_dir.glob("*.pdf"):  # a worksheet whose exercise was removed
            old.unlink()
    for ident, html in singles.items():
        render_pdf(html, sheet_dir / f"{ident}.pdf")
    print(f"Werkbladen: {bundle.relative_to(ROOT)} en {len(singles)} losse bladen in "
          f"{sheet_dir.relative_to(ROOT)}/ ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
