"""The service the UI, page, question and SHACL tests share, started with the fixtures of conftest.py.

Test modules load it with ``pytest_plugins = ["ui_fixtures"]``; the data it serves is in :mod:`ui_data`.
"""

from __future__ import annotations

import pytest
from ui_data import DATA_FILES, ROOT


@pytest.fixture(scope="session")
def ui_service(live_service):
    """A running service on the UI fixture data."""
    return live_service(data_files=DATA_FILES)


@pytest.fixture(scope="session")
def jilin_service(live_service, tmp_path_factory):
    """A running service on the whole Jilin plan (the screens are checked at its real size)."""
    from jilin_graph import jilin_files

    return live_service(data_files=[*jilin_files(tmp_path_factory.mktemp("jilin")),
                                    *sorted((ROOT / "shapes").glob("*.ttl"))])
