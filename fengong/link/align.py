"""Score every (lower task, higher task) pair and propose alignments.

score = w_text · text similarity + w_units · unit agreement, where unit agreement is half the overlap (Jaccard)
of the two tasks' national keys and half whether their leads share a key. For each source task the best
candidate at or above the threshold is proposed as ``localises``; the next ones (up to ``top``) as ``related``.
Task numbers are not used: a lower plan may number, order and group its tasks differently.
"""

from __future__ import annotations

from dataclasses import dataclass

from fengong.link.similarity import TOKENISERS, TfIdf
from fengong.link.tasks import PlanTask
from fengong.link.units import CounterpartKeys


@dataclass(frozen=True)
class Settings:
    """How pairs are scored and chosen; ``describe`` is what the graph records as the method."""

    tokens: str = "char"
    text_weight: float = 0.6
    unit_weight: float = 0.4
    threshold: float = 0.25
    top: int = 1

    def describe(self) -> str:
        grams = {"char": "character 2-3-grams", "word": "jieba words", "char+word": "jieba words + character "
                 "2-3-grams"}[self.tokens]
        return (f"TF-IDF cosine of {grams} × {self.text_weight:g} + counterpart agreement × {self.unit_weight:g}; "
                f"best per source task at ≥ {self.threshold:g}")


@dataclass(frozen=True)
class Alignment:
    """One proposed pair and its scores."""

    source: str
    target: str
    match: str  # localises | partial | related
    score: float
    text: float
    units: float
    method: str
    status: str = "proposed"  # proposed | accepted | rejected
    reviewer: str = ""
    note: str = ""


def unit_agreement(source: PlanTask, target: PlanTask, keys: CounterpartKeys) -> float:
    """0–1: overlap of the tasks' national keys (half) and whether their leads share one (half)."""
    a = set().union(*(keys.keys(u) for u in source.units)) if source.units else set()
    b = set().union(*(keys.keys(u) for u in target.units)) if target.units else set()
    overlap = len(a & b) / len(a | b) if a | b else 0.0
    lead_a = keys.keys(source.lead) if source.lead else frozenset()
    lead_b = keys.keys(target.lead) if target.lead else frozenset()
    return 0.5 * overlap + 0.5 * (1.0 if lead_a & lead_b else 0.0)


class Scorer:
    """The scores of every (source, target) pair of two plans, computed once."""

    def __init__(self, sources: list[PlanTask], targets: list[PlanTask], keys: CounterpartKeys, settings: Settings):
        self.sources, self.targets, self.settings = sources, targets, settings
        tfidf = TfIdf([t.text for t in [*sources, *targets]], TOKENISERS[settings.tokens])
        self.table: dict[tuple[str, str], tuple[float, float, float]] = {}
        for i, s in enumerate(sources):
            for j, t in enumerate(targets):
                text = tfidf.cosine(i, len(sources) + j)
                units = unit_agreement(s, t, keys)
                self.table[s.iri, t.iri] = (settings.text_weight * text + settings.unit_weight * units, text, units)

    def alignment(self, source: str, target: str, match: str, method: str | None = None, **review) -> Alignment:
        """The pair as an alignment carrying its scores."""
        score, text, units = self.table[source, target]
        return Alignment(source, target, match, round(score, 4), round(text, 4), round(units, 4),
                         method or self.settings.describe(), **review)

    def propose(self) -> list[Alignment]:
        """The proposed alignments, source tasks in order, best candidate first."""
        proposals = []
        for s in self.sources:
            ranked = sorted(self.targets, key=lambda t: (-self.table[s.iri, t.iri][0], t.number))
            for rank, t in enumerate(ranked[: self.settings.top]):
                if self.table[s.iri, t.iri][0] < self.settings.threshold:
                    break
                proposals.append(self.alignment(s.iri, t.iri, "localises" if rank == 0 else "related"))
        return proposals
