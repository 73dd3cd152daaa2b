"""The review loop: proposals → a CSV people edit (one row per pair) → their decisions back into alignments.

The reviewer fills ``decision`` (accept / reject, or 接受 / 拒绝; empty leaves the pair proposed), may change
``match`` (localises / partial / related) and add ``reviewer`` and ``note``. A row for a pair the method did not
propose, with decision accept, adds that pair (method ``review``): people can supply what the method missed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from fengong.link.align import Alignment, Scorer
from fengong.link.tasks import PlanTask

COLUMNS = ["source_task", "source_number", "source_text", "source_units", "target_task", "target_number",
           "target_text", "target_units", "match", "score", "text_score", "unit_score", "decision", "reviewer",
           "note"]
DECISIONS = {"accept": "accepted", "accepted": "accepted", "接受": "accepted",
             "reject": "rejected", "rejected": "rejected", "拒绝": "rejected", "": "proposed"}
MATCHES = {"localises", "partial", "related"}


class ReviewError(ValueError):
    """A review file that cannot be applied; the message names the file and line."""


def to_csv(alignments: list[Alignment], tasks: dict[str, PlanTask]) -> str:
    """The review sheet: each pair with both texts and unit lists, so a person can decide without the graph."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for a in alignments:
        s, t = tasks[a.source], tasks[a.target]
        writer.writerow({
            "source_task": a.source, "source_number": s.number, "source_text": s.text,
            "source_units": "、".join(u.name for u in s.units), "target_task": a.target,
            "target_number": t.number, "target_text": t.text, "target_units": "、".join(u.name for u in t.units),
            "match": a.match, "score": f"{a.score:.4f}", "text_score": f"{a.text:.4f}",
            "unit_score": f"{a.units:.4f}", "decision": {"accepted": "accept", "rejected": "reject"}.get(a.status, ""),
            "reviewer": a.reviewer, "note": a.note,
        })
    return out.getvalue()


def apply_decisions(alignments: list[Alignment], path: Path, scorer: Scorer) -> list[Alignment]:
    """``alignments`` with the decisions of the review file at ``path`` applied (and reviewer-added pairs)."""
    by_pair = {(a.source, a.target): a for a in alignments}
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheets often save UTF-8 with a byte-order mark
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot read the review file ({exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"source_task", "target_task", "decision"} - set(reader.fieldnames or ())
    if missing:
        raise ReviewError(f"{path}: line 1: the header lacks the column(s) {sorted(missing)}")
    for row in reader:
        line = reader.line_num
        pair = (row["source_task"].strip(), row["target_task"].strip())
        decision = (row.get("decision") or "").strip().lower()
        if decision not in DECISIONS:
            raise ReviewError(f"{path}: line {line}: decision {row['decision']!r} is not accept, reject or empty")
        match = (row.get("match") or "localises").strip()
        if match not in MATCHES:
            raise ReviewError(f"{path}: line {line}: match {match!r} is not one of {sorted(MATCHES)}")
        if (pair[0], pair[1]) not in scorer.table:
            raise ReviewError(f"{path}: line {line}: {pair[0]!r} → {pair[1]!r} is not a pair of a task of the "
                              f"source plan and a task of the target plan")
        status = DECISIONS[decision]
        who, note = (row.get("reviewer") or "").strip(), (row.get("note") or "").strip()
        if pair in by_pair:
            by_pair[pair] = replace(by_pair[pair], status=status, match=match, reviewer=who, note=note)
        elif status == "accepted":
            by_pair[pair] = scorer.alignment(*pair, match, method="review", status=status, reviewer=who, note=note)
    return list(by_pair.values())
