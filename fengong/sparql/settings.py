"""Every setting of the service, declared once: name, default, help text.

The same registry feeds the ``fengong serve`` options, the documentation and the ``/-/settings`` page
(in the manner of Datasette's ``SETTINGS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One setting: its name (also the CLI option ``--name-with-dashes``), default, type and help text."""

    name: str
    default: Any
    help: str

    @property
    def kind(self) -> type:
        """The Python type of the value (``list`` for repeatable settings)."""
        return type(self.default)

    @property
    def secret(self) -> bool:
        """Whether the value must never be shown (``/-/settings`` shows only whether it is set)."""
        return self.name.endswith("_token")


SETTINGS: tuple[Setting, ...] = (
    Setting("query_time_limit_s", 10.0,
            "Hard limit on the run time of one query, in seconds. A query still running then is cancelled "
            "(its worker process is killed, which frees its memory) and the client gets 503."),
    Setting("max_rows", 10000,
            "Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer. A longer answer is cut and "
            "flagged: the header 'Fengong-Truncated: true' and, in SPARQL JSON, 'fengong:truncated'."),
    Setting("max_body_bytes", 1_000_000,
            "Largest request body accepted, in bytes; a larger one gets 413."),
    Setting("body_time_limit_s", 10.0,
            "Most time a client may take to send a request body, in seconds; a slower one gets 408 and the "
            "connection is closed (a worker thread is never held by a stalled upload)."),
    Setting("public_base_url", "",
            "The address clients reach the service at (e.g. 'https://data.example.org/fengong' behind a reverse "
            "proxy), used for every absolute URL the service writes and as the base IRI of queries; the Host "
            "header is never used. Empty: http://HOST:PORT of --host and --port."),
    Setting("query_memory_limit_mb", 2048,
            "Address-space limit of each query worker process, in MiB (0 = none). A query that needs more "
            "is stopped and the client gets 503."),
    Setting("update_token", "",
            "Bearer token that allows SPARQL Update on /update ('Authorization: Bearer <token>'); needs --store, "
            "so that an accepted update survives a worker restart. Empty: the service is read-only and every "
            "update is refused with 403."),
    Setting("federation_allowlist", [],
            "IRI prefixes that SERVICE and LOAD may reach (repeatable). Empty: SERVICE and LOAD are refused "
            "before any connection is attempted."),
    Setting("cors", True,
            "Send 'Access-Control-Allow-Origin: *' on query answers (never with credentials)."),
    Setting("union_default_graph", True,
            "When a request names no dataset, the default graph is the union of all graphs (as Fuseki's "
            "unionDefaultGraph)."),
    Setting("workers", 2,
            "Number of gunicorn worker processes (1 when an update token is set: updates change one copy)."),
    Setting("threads", 4,
            "Threads per worker process, each serving one request at a time."),
    Setting("query_workers", 0,
            "Query worker processes per worker process: how many queries it evaluates at once; the other "
            "requests wait for one to be free (at most the time limit and a second, then 503). 0: as many "
            "as the machine has CPUs (at least 2, at most --threads). Each holds its own copy of the store "
            "pages it has read."),
    Setting("access_log", True,
            "Write one line per request to standard output (gunicorn's access log; it costs a noticeable "
            "share of a short query's time, docs/benchmarks.md)."),
    Setting("answer_cache_mb", 64,
            "Memory for recent query answers in each worker process, in MiB (0 = none): a query asked again "
            "before the data changes (a load or an update) is answered without being evaluated."),
    Setting("cache_max_age_s", 0,
            "How long clients may use a query answer without asking again, in seconds (Cache-Control "
            "max-age). 0: they ask every time, with If-None-Match, and get 304 while the data is unchanged."),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def resolve_settings(config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults overlaid with the known keys of ``config``, each value coerced to its setting's type."""
    config = config or {}
    values = {}
    for setting in SETTINGS:
        value = config.get(setting.name, setting.default)
        values[setting.name] = coerce(setting, value)
    return values


def coerce(setting: Setting, value: Any) -> Any:
    """``value`` as the type of ``setting`` (strings from the command line or the environment included)."""
    if setting.kind is bool and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
            raise ValueError(f"setting {setting.name}: expected true or false, got {value!r}")
        return lowered in {"1", "true", "yes", "on"}
    if setting.kind is list:
        if isinstance(value, str):
            return [value] if value else []
        return list(value)
    try:
        return setting.kind(value)
    except (TypeError, ValueError) as error:
        expected = setting.kind.__name__
        raise ValueError(f"setting {setting.name}: expected {expected}, got {value!r}") from error


def public_settings(values: dict[str, Any]) -> list[dict[str, Any]]:
    """The settings as shown on ``/-/settings``: name, value (secrets as a set/unset flag), default, help."""
    shown = []
    for setting in SETTINGS:
        value = values[setting.name]
        shown.append({
            "name": setting.name,
            "value": bool(value) if setting.secret else value,
            "default": bool(setting.default) if setting.secret else setting.default,
            "help": setting.help,
        })
    return shown


def get_setting(name: str) -> Setting:
    """The declared setting called ``name``."""
    return _BY_NAME[name]


def settings_markdown() -> str:
    """The settings as the Markdown page ``docs/settings.md`` (regenerate: ``python -m fengong.sparql.settings``)."""
    lines = [
        "# Service settings",
        "",
        "Generated from `fengong/sparql/settings.py` by `python -m fengong.sparql.settings > docs/settings.md`;",
        "a test checks that this page and the registry agree. Each setting is a `fengong serve` option",
        "(`--name-with-dashes`) and an environment variable (`FENGONG_NAME`); the running service shows the",
        "values in force at `/-/settings`.",
        "",
        "| setting | option | default | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for setting in SETTINGS:
        option = "--" + setting.name.replace("_", "-")
        if setting.kind is bool:
            option += f" / --no-{option[2:]}"
        default = "(empty)" if setting.default in ("", []) else f"`{setting.default}`"
        lines.append(f"| `{setting.name}` | `{option}` | {default} | {setting.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")
