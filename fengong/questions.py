"""The library of canned questions: the ``queries/*.rq`` files with their headers.

Each file starts with a header of ``#+ key: value`` lines (see ``queries/README.md``)::

    #+ name: tasks-led-by-agency
    #+ title@zh: 某单位牵头的任务
    #+ title@en: Tasks an agency leads
    #+ group: agency
    #+ description@en: …
    #+ param: agency | agency | 单位 IRI / the agency's IRI | https://w3id.org/fengong/id/agency/220000/01
    #+ example: agency=https://w3id.org/fengong/id/agency/220000/01

A parameter line may end in a fifth field ``optional`` (``#+ param: key | string | LABEL | | optional``): such
a parameter has no default and may be left out, and its variable then stays free (the query decides what that
means, e.g. ``FILTER (BOUND(?number) || BOUND(?key))``).

``group`` is the kind of question (a key of :data:`GROUPS`), by which the editor's picker lists them.

A parameter ``NAME`` is the variable ``?NAME`` of the query. Its value is checked against its type and turned
into an RDF term (:func:`bind`); the term is then given to the store in a ``VALUES`` block that pyoxigraph
writes (:func:`with_values`), so a value is always one term and can never change what the query says. (The
``VALUES`` block rather than pyoxigraph's ``substitutions``: Oxigraph applies substitutions after evaluating
the whole pattern, which made a one-plan question walk every plan; a remote store has no substitutions at
all.) Questions project their parameters, so an answer says what it was asked for.

A ``label`` parameter ``NAME`` is a name as printed or registered: ``?NAME`` is bound to the text, and
``?NAMELabel`` to each literal that text can be as a label (:data:`LABEL_LANGUAGES`), one ``VALUES`` row each
in every group that uses ``?NAMELabel``, so that ``?agency skos:prefLabel ?NAMELabel`` finds the agency through
the store's index. (Matching with
``FILTER (STR(?label) = ?NAME)`` instead walks every label and, on Oxigraph, joins every assignment of the
nation with them: 12 s against 0.1 s at national scale.)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox

from fengong import PROJECT_ROOT
from fengong.namespaces import ID
from fengong.textindex import KINDS

#: Where the questions live in a checkout.
QUERIES_DIR = PROJECT_ROOT / "queries"

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HEADER_LINE = re.compile(r"#\+\s*([A-Za-z]+)(?:@([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*))?\s*:\s?(.*)")
_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_VARIABLE_USE = re.compile(r"[?$](\w+)")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})")
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: The kinds of question (``#+ group:``), in the order the editor's picker lists them, with their titles.
GROUPS = {
    "plan": {"zh": "规划与任务", "en": "Plans and tasks"},
    "agency": {"zh": "单位", "en": "Agencies"},
    "cooperation": {"zh": "协作", "en": "Working together"},
    "levels": {"zh": "上下级规划", "en": "Across levels"},
    "reform": {"zh": "机构改革与承继", "en": "Reform and succession"},
}

#: The longest parameter value accepted (characters): questions take names and IRIs, not documents.
MAX_VALUE_LENGTH = 2000


class QuestionError(ValueError):
    """A ``queries/*.rq`` file whose header or body is not usable; the message names the file and line."""


class ParameterError(ValueError):
    """A parameter value that is missing or not of its declared type; the message is for the person asking."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: the query variable ``?name``, its type, a label for forms and a default."""

    name: str
    type: str
    label: str
    default: str | None
    #: Declared ``optional``: it may be left out, and its variable is then free.
    optional: bool = False

    @property
    def required(self) -> bool:
        """A parameter without a default must be given, unless it is optional."""
        return self.default is None and not self.optional


@dataclass(frozen=True)
class Search:
    """``#+ search: PARAMETER | VARIABLE | INDEX``: the question finds the ``?VARIABLE`` whose texts contain the
    string parameter, in the order the text index ``INDEX`` (a key of :data:`fengong.textindex.KINDS`) keeps.
    The service asks that index for one page of them and gives the store just those (:mod:`fengong.textindex`)."""

    parameter: str
    variable: str
    index: str


@dataclass(frozen=True)
class Question:
    """A canned question: its header and its SPARQL text (the whole file, header comments included)."""

    name: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    parameters: tuple[Parameter, ...]
    examples: tuple[dict[str, str], ...]
    query: str
    path: Path | None = field(default=None, compare=False)
    group: str = "plan"
    #: From ``#+ search: text | task | task-texts``: the service answers through a text index, a page at a time.
    search: Search | None = None

    def title(self, lang: str = "en") -> str:
        """The title in ``lang``, falling back to English, then Chinese."""
        return _pick(self.titles, lang)

    def description(self, lang: str = "en") -> str:
        """The description in ``lang``, falling back to English, then Chinese (empty if none)."""
        return _pick(self.descriptions, lang)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name``, or None."""
        return next((p for p in self.parameters if p.name == name), None)


def _pick(texts: dict[str, str], lang: str) -> str:
    for key in (lang, "en", "zh"):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


def _check_iri(value: str) -> ox.NamedNode:
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise ParameterError(f"not an absolute IRI (it needs a scheme such as https:): {value!r}")
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise ParameterError(f"not a valid IRI ({error}): {value!r}") from None


def _fengong_iri(kind: str):
    prefix = f"{ID}{kind}/"

    def convert(value: str) -> ox.NamedNode:
        if not value.startswith(prefix):
            raise ParameterError(f"a {kind} is named by an IRI starting with {prefix}, got {value!r}")
        return _check_iri(value)

    return convert


def _string(value: str) -> ox.Literal:
    return ox.Literal(value)


def _integer(value: str) -> ox.Literal:
    if not _INTEGER.fullmatch(value):
        raise ParameterError(f"not an integer: {value!r}")
    return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))


def _decimal(value: str) -> ox.Literal:
    if not _DECIMAL.fullmatch(value):
        raise ParameterError(f"not a decimal number: {value!r}")
    return ox.Literal(value, datatype=ox.NamedNode(_XSD + "decimal"))


def _boolean(value: str) -> ox.Literal:
    if value not in ("true", "false"):
        raise ParameterError(f"a boolean is true or false, got {value!r}")
    return ox.Literal(value, datatype=ox.NamedNode(_XSD + "boolean"))


def _date(value: str) -> ox.Literal:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"not a date in the form YYYY-MM-DD: {value!r}") from None
    return ox.Literal(day.isoformat(), datatype=ox.NamedNode(_XSD + "date"))


#: The languages a label is looked for in (besides none): those fengong's registries and readers write, and the
#: tags other registries use for Chinese. Lower case, as stores keep language tags.
LABEL_LANGUAGES = ("zh", "zh-cn", "zh-hans", "zh-hant", "en")


def label_forms(value: str) -> tuple[ox.Literal, ...]:
    """The literals the text ``value`` can be as a label: plain, then in each of :data:`LABEL_LANGUAGES`."""
    return (ox.Literal(value), *(ox.Literal(value, language=lang) for lang in LABEL_LANGUAGES))


#: Parameter types: each turns the text a person typed into one RDF term, or raises ParameterError.
PARAMETER_TYPES = {
    "iri": _check_iri,
    "agency": _fengong_iri("agency"),
    "plan": _fengong_iri("plan"),
    "string": _string,
    "label": _string,
    "integer": _integer,
    "decimal": _decimal,
    "boolean": _boolean,
    "date": _date,
}


def parse_question(text: str, source: str = "<question>", path: Path | None = None) -> Question:
    """Read one question from the text of a ``.rq`` file; ``source`` names it in error messages."""
    fields: dict[str, list[tuple[str | None, str, int]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#+"):
            if stripped and not stripped.startswith("#"):
                break  # the header ends where the query starts
            continue
        match = _HEADER_LINE.fullmatch(stripped)
        if not match:
            raise QuestionError(f"{source}:{number}: a header line reads '#+ key: value', got {stripped!r}")
        key, lang, value = match.group(1), match.group(2), match.group(3).strip()
        if key not in ("name", "title", "description", "group", "param", "example", "search"):
            raise QuestionError(f"{source}:{number}: unknown header key {key!r}")
        if (lang is not None) != (key in ("title", "description")):
            raise QuestionError(f"{source}:{number}: only title and description carry a language (title@zh)")
        fields.setdefault(key, []).append((lang, value, number))

    names = fields.get("name", [])
    if len(names) != 1 or not _NAME.fullmatch(names[0][1]):
        raise QuestionError(f"{source}: needs exactly one '#+ name:' of lower-case words joined by '-'")
    name = names[0][1]
    titles = _by_language(fields.get("title", []), source)
    if not {"zh", "en"} <= titles.keys():
        raise QuestionError(f"{source}: needs '#+ title@zh:' and '#+ title@en:'")
    descriptions = _by_language(fields.get("description", []), source)
    groups = fields.get("group", [])
    if len(groups) != 1 or groups[0][1] not in GROUPS:
        raise QuestionError(f"{source}: needs exactly one '#+ group:', one of {', '.join(GROUPS)}")
    parameters = tuple(_parse_parameter(value, f"{source}:{number}")
                       for _, value, number in fields.get("param", []))
    _check_parameters(parameters, _body(text), source)
    examples = tuple(_parse_example(value, parameters, f"{source}:{number}")
                     for _, value, number in fields.get("example", []))
    search = _parse_search(fields.get("search", []), parameters, _body(text), source)
    return Question(name, titles, descriptions, parameters, examples, text, path, groups[0][1], search)


def _parse_search(entries: list[tuple[str | None, str, int]], parameters: tuple[Parameter, ...], body: str,
                  source: str) -> Search | None:
    if not entries:
        return None
    if len(entries) > 1:
        raise QuestionError(f"{source}:{entries[1][2]}: only one '#+ search:' line")
    _, value, number = entries[0]
    parts = [part.strip() for part in value.split("|")]
    if len(parts) != 3 or not all(_VARIABLE.fullmatch(part) for part in parts[:2]):
        raise QuestionError(f"{source}:{number}: a search line reads 'PARAMETER | VARIABLE | INDEX'")
    parameter, variable, index = parts
    if not any(p.name == parameter and p.type == "string" for p in parameters):
        raise QuestionError(f"{source}:{number}: {parameter} is not a string parameter of the question")
    if not re.search(rf"[?$]{variable}\b", body):
        raise QuestionError(f"{source}:{number}: ?{variable} is not used in the query")
    if index not in KINDS:
        raise QuestionError(f"{source}:{number}: there is no text index {index!r}; known: {', '.join(KINDS)}")
    return Search(parameter, variable, index)


def _by_language(entries: list[tuple[str | None, str, int]], source: str) -> dict[str, str]:
    # Several lines in one language make one paragraph, so long descriptions stay readable in the file.
    texts: dict[str, str] = {}
    for lang, value, _ in entries:
        texts[lang] = f"{texts[lang]} {value}" if lang in texts else value
    return texts


def _parse_parameter(value: str, where: str) -> Parameter:
    parts = [part.strip() for part in value.split("|")]
    if len(parts) not in (4, 5) or (len(parts) == 5 and parts[4] != "optional"):
        raise QuestionError(f"{where}: a param reads 'NAME | TYPE | LABEL | DEFAULT' (DEFAULT may be empty), "
                            "or 'NAME | TYPE | LABEL | | optional'")
    name, kind, label, default = parts[:4]
    optional = len(parts) == 5
    if optional and default:
        raise QuestionError(f"{where}: an optional parameter has no default (it is left free when not given)")
    if not _VARIABLE.fullmatch(name):
        raise QuestionError(f"{where}: {name!r} is not a SPARQL variable name")
    if name.startswith("_"):
        raise QuestionError(f"{where}: {name!r}: names starting with _ are the API's own (_page, _size)")
    if kind not in PARAMETER_TYPES:
        raise QuestionError(f"{where}: unknown type {kind!r}; known: {', '.join(PARAMETER_TYPES)}")
    parameter = Parameter(name, kind, label, default or None, optional)
    if parameter.default is not None:
        try:
            PARAMETER_TYPES[kind](parameter.default)
        except ParameterError as error:
            raise QuestionError(f"{where}: the default of {name} is wrong: {error}") from None
    return parameter


def _body(text: str) -> str:
    """The query without its comment lines (the header among them)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _check_parameters(parameters: tuple[Parameter, ...], body: str, source: str) -> None:
    seen = set()
    for parameter in parameters:
        if parameter.name in seen:
            raise QuestionError(f"{source}: parameter {parameter.name} is declared twice")
        seen.add(parameter.name)
        if not re.search(rf"[?$]{parameter.name}\b", body):
            raise QuestionError(f"{source}: parameter {parameter.name} is not used as ?{parameter.name} "
                                "in the query")
        if parameter.type == "label" and not re.search(rf"[?$]{parameter.name}Label\b", body):
            raise QuestionError(f"{source}: label parameter {parameter.name} is looked up as "
                                f"?{parameter.name}Label, which the query does not use")


def _parse_example(value: str, parameters: tuple[Parameter, ...], where: str) -> dict[str, str]:
    example = dict(parse_qsl(value, keep_blank_values=True))
    declared = {p.name for p in parameters}
    unknown = example.keys() - declared
    if unknown:
        raise QuestionError(f"{where}: the example sets undeclared parameters {sorted(unknown)}")
    return example


def load_question(path: Path) -> Question:
    """Read one ``.rq`` file; its ``name`` must be its file name less ``.rq`` (it is the question's URL)."""
    question = parse_question(path.read_text(encoding="utf-8"), str(path), path)
    if question.name != path.stem:
        raise QuestionError(f"{path}: '#+ name: {question.name}' differs from the file name {path.stem}.rq")
    return question


def load_questions(directory: Path = QUERIES_DIR) -> dict[str, Question]:
    """Every question in ``directory`` (``*.rq``), by name, in file-name order."""
    return {q.name: q for q in (load_question(path) for path in sorted(Path(directory).glob("*.rq")))}


#: What :func:`bind` gives a variable: one term, or (for a label's forms) the terms it may be, one row each.
Binding = ox.NamedNode | ox.Literal | tuple[ox.Literal, ...]


def bind(question: Question, values: Mapping[str, str]) -> dict[ox.Variable, Binding]:
    """Check ``values`` (parameter name → text) against the question's parameters and turn them into terms.

    Missing values take the parameter's default; a missing optional value is left out (its variable stays free);
    a missing required value, an unknown name or a value of the wrong type raises :class:`ParameterError`. The
    result goes to :func:`with_values`.
    """
    unknown = [name for name in values if question.parameter(name) is None]
    if unknown:
        raise ParameterError(f"question {question.name} has no parameter {', '.join(sorted(unknown))}")
    bindings = {}
    for parameter in question.parameters:
        value = values.get(parameter.name)
        if value is None or value == "":
            value = parameter.default
        if value is None and parameter.optional:
            continue
        if value is None:
            raise ParameterError(f"parameter {parameter.name} ({parameter.label}) is required")
        if len(value) > MAX_VALUE_LENGTH:
            raise ParameterError(f"parameter {parameter.name} is longer than {MAX_VALUE_LENGTH} characters")
        try:
            bindings[ox.Variable(parameter.name)] = PARAMETER_TYPES[parameter.type](value)
        except ParameterError as error:
            raise ParameterError(f"parameter {parameter.name}: {error}") from None
        if parameter.type == "label":
            bindings[ox.Variable(parameter.name + "Label")] = label_forms(value)
    return bindings


def ask(store: ox.Store, question: Question, values: Mapping[str, str]):
    """Run ``question`` on a pyoxigraph store with ``values`` bound; returns pyoxigraph's query result."""
    return store.query(with_values(question.query, bind(question, values)))


def example_values(question: Question) -> dict[str, str]:
    """The values of the question's first example, completed by the parameters' defaults."""
    values = {p.name: p.default for p in question.parameters if p.default is not None}
    if question.examples:
        values.update(question.examples[0])
    return values


def example_query(question: Question, values: Mapping[str, str] | None = None) -> str:
    """The question as a free-standing query for the editor, where a person can read and change it: its title
    as a comment, its text without the header, and ``values`` (by default the example's) in a ``VALUES`` block
    at the start of each ``WHERE`` group (sub-queries included), each written by pyoxigraph as an RDF term.

    The API binds values the same way (:func:`bind`, then :func:`with_values`), on the text with its header.
    """
    lines = [line for line in question.query.splitlines() if not line.lstrip().startswith("#+")]
    text = f"# {question.title('zh')} / {question.title('en')}\n" + "\n".join(lines).strip() + "\n"
    values = {**example_values(question), **{name: value for name, value in (values or {}).items() if value}}
    if not question.parameters or not {p.name for p in question.parameters if p.required} <= set(values) \
            or not set(values) <= {p.name for p in question.parameters}:
        return text
    terms = bind(question, values)
    for parameter in question.parameters:
        if parameter.type == "label" and parameter.name in values:
            terms[ox.Variable(parameter.name + "Label")] = editor_label(values[parameter.name])
    return with_values(text, terms)


def editor_label(value: str) -> ox.Literal:
    """The one form of a name the editor's copy of a question looks for, so that its parameters read as one
    ``VALUES`` line: English for a name in Latin letters, else Chinese (the languages fengong writes labels in;
    the API looks for every form of :func:`label_forms`)."""
    return ox.Literal(value, language="en" if value.isascii() else "zh")


def _group_end(text: str, start: int) -> int:
    """The index just past the ``}`` closing the group whose ``{`` is at ``start`` (braces in strings and
    comments skipped; a ``#`` starts a comment only after white space, since IRIs hold ``#`` too)."""
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else char
            i += len(quote)
            while i < len(text) and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
            continue
        if char == "#" and (i == 0 or text[i - 1].isspace()):
            i = text.find("\n", i)
            if i < 0:
                break
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


def with_values(text: str, terms: Mapping[ox.Variable, Binding]) -> str:
    """``text`` with ``terms`` (as :func:`bind` gives them) in ``VALUES`` blocks, each value written by
    pyoxigraph as an RDF term: how a store without pre-binding is given them.

    Single terms go in one block of one row at the start of every ``WHERE`` group, sub-queries included, so
    each sub-query is evaluated for the values asked about only. A variable with alternatives (a label's
    forms) gets a block of its own, one row per alternative, in the groups that use it themselves (not only
    in a sub-query of theirs): there the rows that find nothing drop out, where elsewhere they would multiply
    the answers."""
    single = {variable: term for variable, term in terms.items() if not isinstance(term, tuple)}
    every = ""
    if single:
        names = " ".join(f"?{variable.value}" for variable in single)
        every = f"\n  VALUES ({names}) {{ ({' '.join(str(term) for term in single.values())}) }}"
    inserts = []
    for start, own_variables in _where_groups(text):
        block = every + "".join(
            f"\n  VALUES ?{variable.value} {{ {' '.join(str(term) for term in alternatives)} }}"
            for variable, alternatives in terms.items()
            if isinstance(alternatives, tuple) and variable.value in own_variables)
        inserts.append((start, block))
    for position, block in reversed(inserts):
        text = text[:position] + block + text[position:]
    return text


@lru_cache(maxsize=512)
def _where_groups(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """Where each ``WHERE`` group of ``text`` starts, and the variables its own text uses (its sub-queries'
    groups left out). Kept per text: the service binds new values into the same few questions all the time,
    and reading the text character by character costs more than many a query."""
    groups = [(match.end(), _group_end(text, match.end() - 1)) for match in _WHERE.finditer(text)]
    found = []
    for start, end in groups:
        # The group's own text: its sub-queries' groups left out (in text order; one inside a group already
        # left out starts before the cursor).
        pieces, cursor = [], start
        for inner_start, inner_end in groups:
            if cursor <= inner_start and inner_end <= end and inner_start > start:
                pieces.append(text[cursor:inner_start])
                cursor = inner_end
        own = "".join(pieces) + text[cursor:end]
        found.append((start, frozenset(_VARIABLE_USE.findall(own))))
    return tuple(found)
