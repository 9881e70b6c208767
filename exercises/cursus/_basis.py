"""Shared plumbing for the learner-facing helpers (internal; English is fine here).

Every public, learner-facing function is wrapped with :func:`vriendelijk`. Inside, code
raises :class:`InvoerFout` with a one-line Dutch message when the learner's input is
wrong. The wrapper turns that into a single printed line (no traceback) and returns
``None``. Tests call the ``_``-prefixed internals or use :func:`melding_van` to get the
message as a string.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Prefix printed before every input problem, so learners recognise it at a glance.
LET_OP = "Let op: "


class InvoerFout(ValueError):
    """A problem with what the learner typed or supplied; the message is one Dutch line."""

    def __init__(self, melding: str) -> None:
        melding = " ".join(str(melding).split())  # always exactly one line
        super().__init__(melding)
        self.melding = melding


def vriendelijk(func: F) -> F:
    """Print an :class:`InvoerFout` as one friendly line instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InvoerFout as fout:
            print(LET_OP + fout.melding)
            return None

    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def melding_van(func: Callable[..., Any], *args: Any, **kwargs: Any) -> str | None:
    """Call the undecorated ``func`` and return its InvoerFout message, or None (for tests)."""
    kern = getattr(func, "__wrapped__", func)
    try:
        kern(*args, **kwargs)
    except InvoerFout as fout:
        return fout.melding
    return None


def beschrijf_type(waarde: Any) -> str:
    """A short Dutch name for the type of ``waarde``, for messages like 'je gaf een getal'."""
    namen = {
        bool: "waar/onwaar (True/False)",
        int: "een getal",
        float: "een getal",
        str: "tekst",
        list: "een lijst",
        tuple: "een rijtje (tuple)",
        dict: "een woordenboek (dict)",
        set: "een verzameling (set)",
        type(None): "niets (None)",
    }
    return namen.get(type(waarde), f"iets van het type {type(waarde).__name__}")


def is_getal(waarde: Any) -> bool:
    """True for int/float but not bool (True == 1 would otherwise sneak through)."""
    return isinstance(waarde, (int, float)) and not isinstance(waarde, bool)
