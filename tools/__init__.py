"""Command-line tools around the book: the print editions (``printbook``), the content quality
gates (``quality``), the module anatomy check (``anatomy``), the benchmark and system set-up.
Run them from the repository root as modules, e.g. ``python -m tools.printbook``."""
