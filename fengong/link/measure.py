"""Precision and recall of proposed alignments against known pairs."""

from __future__ import annotations

from dataclasses import dataclass

from fengong.link.align import Alignment


@dataclass(frozen=True)
class Measure:
    """Counts and rates of one comparison: a prediction is a ``localises`` proposal (the best per source task)."""

    predicted: int
    known: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.known if self.known else 0.0

    def __add__(self, other: Measure) -> Measure:
        return Measure(self.predicted + other.predicted, self.known + other.known, self.correct + other.correct)


def measure(proposals: list[Alignment], known: set[tuple[str, str]]) -> Measure:
    """Compare the best-candidate proposals with the known (source task, target task) pairs."""
    predicted = {(a.source, a.target) for a in proposals if a.match == "localises"}
    return Measure(len(predicted), len(known), len(predicted & known))
