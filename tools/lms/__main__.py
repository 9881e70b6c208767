"""Build the SCORM packages: ``python -m tools.lms [--html DIR] [--out DIR]`` (see tools/lms/__init__.py)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tools import lms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", type=Path, default=lms.SITE, help="the built site (default: _build/html)")
    parser.add_argument("--out", type=Path, default=lms.OUT, help="where the zips go (default: _build/lms)")
    args = parser.parse_args()
    start = time.perf_counter()
    zips = [lms.package(version, args.html, args.out) for version in lms.VERSIONS]
    for path in zips:
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    if args.html == lms.SITE and args.out == lms.OUT:
        lms.publish(zips, args.html)
    print(f"SCORM-pakketten: {len(zips)} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
