"""Text similarity of task descriptions: TF-IDF weighted cosine over character n-grams or jieba words.

Plan texts share much boilerplate (提高工作质量和水平, 结合本地实际); inverse document frequency over the tasks of
both plans weights it down, so what a task is about (职业技能培训, 无障碍环境建设) decides the score.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable

_PUNCTUATION = re.compile(r"[\s，。、；：,.;:（）()“”\"'《》〈〉【】\[\]!！?？—\-·]+")


def char_ngrams(text: str, sizes: tuple[int, ...] = (2, 3)) -> list[str]:
    """Character n-grams of each punctuation-free run of ``text``."""
    grams = []
    for run in _PUNCTUATION.split(text):
        for n in sizes:
            grams += [run[i : i + n] for i in range(len(run) - n + 1)]
    return grams


@functools.cache
def _jieba():
    import jieba  # imported on first use: loading its dictionary takes a second that char n-grams do not need

    jieba.setLogLevel(logging.WARNING)  # its progress lines on stderr would mix with fengong's messages
    return jieba


def words(text: str) -> list[str]:
    """jieba's segmentation of ``text``, without punctuation and single characters (mostly function words)."""
    return [w for w in _jieba().lcut(_PUNCTUATION.sub(" ", text)) if len(w.strip()) > 1]


def words_and_ngrams(text: str) -> list[str]:
    """Both representations in one bag: words catch terms, n-grams catch rewordings jieba splits differently."""
    return [*words(text), *char_ngrams(text)]


TOKENISERS: dict[str, Callable[[str], list[str]]] = {
    "char": char_ngrams,
    "word": words,
    "char+word": words_and_ngrams,
}


class TfIdf:
    """TF-IDF vectors of a fixed collection of texts, and the cosine of any two of them."""

    def __init__(self, texts: list[str], tokenise: Callable[[str], list[str]]):
        bags = [Counter(tokenise(t)) for t in texts]
        df = Counter(term for bag in bags for term in bag)
        n = len(bags)
        self.vectors = []
        for bag in bags:
            vector = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) for t, c in bag.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors.append({t: v / norm for t, v in vector.items()})

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())
