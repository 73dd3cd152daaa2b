"""``fengong build``: the documents under ``data/sources/`` and the registry → ``data/graphs/fengong.trig``.

The output is one TriG file (one named graph per plan and per registry jurisdiction), written to a temporary
file beside it and renamed into place, so an interrupted or failed build leaves the previous file intact. The
serialisation is canonical (graphs, subjects and objects sorted), so the same input gives the same bytes.
"""

from __future__ import annotations

import glob
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from fengong.documents import read_document, sidecars
from fengong.graph import plan_graph, registry_graph
from fengong.plans import plan_graphs
from fengong.records import PlanRecord, Problem, ReadError
from fengong.registry import Registry, Unresolved, default_registry_paths, load_registry

OUTPUT = Path("data/graphs/fengong.trig")
#: Graphs of other parts that need no source text: ``make(root, registry, slugs of the plans read) → [Graph]``.
EXTRA_GRAPHS = [plan_graphs]


@dataclass
class BuildResult:
    plans: list[PlanRecord] = field(default_factory=list)
    graphs: list[Graph] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def build_graphs(root: Path, progress=None) -> BuildResult:
    """Read every document and the registry; make their named graphs. Raises ``ReadError`` on unreadable input."""
    registry: Registry = load_registry(default_registry_paths(root))
    result = BuildResult()
    documents = sidecars(root / "data" / "sources")
    if not documents:
        raise ReadError([Problem(str(root / "data" / "sources"), 1, "no documents (*.meta.toml) to build")])
    for sidecar in progress(documents) if progress else documents:
        plan, problems = read_document(sidecar, root)
        graph, unresolved = plan_graph(plan, registry)
        result.plans.append(plan)
        result.graphs.append(graph)
        result.problems.extend(problems)
        result.unresolved.extend(unresolved)
    for code in sorted(registry.jurisdictions):
        result.graphs.append(registry_graph(registry.jurisdictions[code], registry))
    for extra in EXTRA_GRAPHS:
        result.graphs.extend(extra(root, registry, {plan.slug for plan in result.plans}))
    return result


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half of one.

    The file keeps the mode of the one it replaces (a new one gets 0666 less the umask, as ``open`` gives).
    The temporary file names the writing process: one left by a writer that was killed is removed here.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    return 0o022


def _remove_abandoned(path: Path) -> None:
    """Remove the temporary files of writers of ``path`` whose process has ended."""
    prefix = f".{path.name}."
    for leftover in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid = leftover.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user
        pass
    return True
