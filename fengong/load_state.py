"""Whether the last load into an on-disk store finished.

A load into an on-disk store writes many batches; a process killed half-way leaves a store that opens
fine and holds part of the data. So a load is recorded in a marker file in the store's directory: "loading"
(with the files) before the first batch, "complete" after the last one is flushed. A store whose marker
says "loading" is refused when it is opened to be served as it is (:func:`fengong.store.open_store`);
loading the files again completes it.

The record also says which derived graphs (:mod:`fengong.scale.derived`) were computed from the data as it is
now: ``derived`` maps each to a digest of its definition. Every load and every update starts by dropping it
(:func:`changing`), and the derivation that follows writes it back (:func:`derived`), so a process killed in
between leaves a store whose derived graphs are derived again when it is next served.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fengong.atomic import write_atomically

MARKER = "fengong-load.json"
COMPLETE, LOADING, UNKNOWN = "complete", "loading", "unknown"


def _write(location: Path, state: str, files: list) -> None:
    record = {"state": state, "files": [str(path) for path in files],
              "at": datetime.now(UTC).isoformat(timespec="seconds")}
    _save(location, record)


def _save(location: Path, record: dict) -> None:
    write_atomically(Path(location) / MARKER, json.dumps(record, ensure_ascii=False) + "\n")


def begin(location: Path, files: list) -> None:
    """Record that a load of ``files`` into the store at ``location`` starts."""
    _write(location, LOADING, files)


def finish(location: Path, files: list) -> None:
    """Record that the load of ``files`` finished and was flushed."""
    _write(location, COMPLETE, files)


def changing(location: Path) -> None:
    """Record that the data is about to change (an update): the derived graphs no longer follow from it."""
    record = read(location)
    if record.pop("derived", None) is not None:
        _save(location, record)


def derived(location: Path, digests: dict[str, str]) -> None:
    """Record that the derived graphs of ``digests`` (graph → digest of its definition) follow from the data."""
    _save(location, {**read(location), "derived": digests})


def read(location: Path) -> dict:
    """The last load's record: ``state`` ("complete", "loading", or "unknown" for a store without one),
    ``files``, ``at``, and ``derived`` when the derived graphs follow from the data."""
    try:
        return json.loads((Path(location) / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"state": UNKNOWN, "files": [], "at": None}
