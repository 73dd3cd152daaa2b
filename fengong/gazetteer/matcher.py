"""Finding known names inside a string in one pass (Aho-Corasick), longest first.

The grammar must tell `省发展改革委、教育厅、科技厅` or `市委组织部（人才办）` apart into units, and a unit from the
task text around it; looking every substring up in a dictionary would cost a scan per character and per length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int
    end: int  # exclusive, as in a slice
    name: str
    value: T


class NameMatcher(Generic[T]):
    """Known names (each with a value) found in text: leftmost first, the longest at a place, never overlapping."""

    def __init__(self, names: dict[str, T]):
        self._automaton = ahocorasick.Automaton()
        for name, value in names.items():
            self._automaton.add_word(name, (name, value))
        self._empty = not names
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match[T]]:
        if self._empty:
            return []
        hits = sorted(((end + 1 - len(name), end + 1, name, value)
                       for end, (name, value) in self._automaton.iter(text)), key=lambda h: (h[0], -h[1]))
        found: list[Match[T]] = []
        reach = 0
        for start, end, name, value in hits:
            if start >= reach:
                found.append(Match(start, end, name, value))
                reach = end
        return found

    def __contains__(self, name: str) -> bool:
        return not self._empty and self._automaton.exists(name)
