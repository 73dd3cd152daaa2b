"""Is this printed name a unit? The gazetteer first, then collectives, then the suffix heuristic.

The readers ask the lexicon before they accept a run of text as a unit name: a name the registries know
(official names, short forms, historical names, the local forms generated from the national pattern) is a
unit; so is a collective (各省级人民政府, 有关区县); a name that only ends like a body's name (…局, …中心) is
accepted as a fallback, and the answer says so, so that the graph and the report can mark it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from fengong.readers import vocabulary as v

_NOT_A_NAME = re.compile(r"[。；;：:，,“”\"《》\s]")
MAX_NAME = 30
# A collective is a description of bodies (各牵头单位, 有关区县, 各设区的市人民政府), never a clause with its own
# agent (对有关政策措施的解释由各牵头单位, 日常工作由各有关部门), the modal of a duty (各社区均需结合本社区) or
# how it is done (各省级农业农村部门按照职责分工抓好本地区).
_CLAUSE_IN_COLLECTIVE = re.compile(rf"(?<!自)由|设在|{v.DUTY_MODAL}|{v.DUTY_MANNER}")
# 各镇, 各乡, 各县（市、区）, 各镇〔街道〕, 各村（社区）: every place of a level of government, the bracket (in
# either kind of bracket) adding the kinds of place that stand with it — the governments of those places, a
# collective.
_PLACE_CLASS = re.compile(r"^各(?:[省市县区镇乡州盟旗村]|街道|自治[州县旗])$")
MIN_SUFFIXED = 3  # a name known by its ending alone has more than the ending: 财务司, not 州


class Lexicon:
    """The names a reader of a plan of one jurisdiction accepts as units, and how (see :meth:`recognise`).

    ``known`` answers whether the gazetteer knows a printed name: the registry's names for the plan's
    jurisdiction and those above it, the local forms generated from the national pattern, historical names;
    ``body`` names the body a known name stands for (区纪委 and 区监委 are one body, working as one).
    """

    def __init__(self, known: Callable[[str], bool] = lambda name: False,
                 body: Callable[[str], object] = lambda name: name):
        self.known = known
        self.body = body

    def recognise(self, name: str) -> str | None:
        """``gazetteer``, ``collective`` or ``suffix`` for a unit name, None for text that is not one."""
        if not name or len(name) > MAX_NAME or _NOT_A_NAME.search(name) or _unclosed(name):
            return None  # …, or a name cut inside its bracket (各村（社区 of 各村（社区）都要…)
        if self.known(name):
            return "gazetteer"
        if (v.COLLECTIVE.match(name) and (_ends_like_bodies(name) or _PLACE_CLASS.match(_without_bracket(name)))
                and not name.startswith(v.NOT_A_NAME_START)
                and not _CLAUSE_IN_COLLECTIVE.search(name)):  # 对有关政策措施的解释由各牵头单位: a clause
            return "collective"
        if (len(name) >= MIN_SUFFIXED and _ends_like_bodies(name) and not name.startswith(v.NOT_A_NAME_START)
                and not (name.startswith(v.MEASURE_VERBS) and not v.REMIT_BODY.match(name))
                and not v.CLAUSE_WORDS.search(_without_bracket(name))):
            return "suffix"
        return None


_OPENER = re.compile("[" + re.escape("".join(v.OPENERS)) + "]")


def _unclosed(name: str) -> bool:
    # most names hold no bracket: one search before counting each kind (this runs for every piece of text looked up)
    return _OPENER.search(name) is not None and any(
        name.count(opener) > name.count(closer) for opener, closer in v.OPENERS.items())


def _without_bracket(name: str) -> str:
    """``市委组织部（人才办）`` → ``市委组织部``, ``自然保护地管理司〔国家公园管理办公室〕`` → ``自然保护地管理司``: the
    body the bracket qualifies or names again; OCR of a scan prints 〔〕 as ``[]`` (省市场监管局[知识产权局])."""
    return re.sub(r"[（(〈〔［\[].*?[）)〉〕］\]]$", "", name)


def _ends_like_bodies(name: str) -> bool:
    bare = _without_bracket(name)
    if (bare.endswith(v.NOT_A_SECTION + v.NOT_A_TOWNSHIP + v.NOT_A_BANK)
            or (bare.endswith(v.TOWNSHIPS) and len(bare) < MIN_SUFFIXED)):
        # a township is named by its place: 正定镇, not 镇〔街道〕
        return False
    return bare.endswith(v.UNIT_SUFFIXES) or bare.endswith(("区县", "市州", "区镇", "县区", "县市", "地区", "城市",
                                                            "地方", "社区", "街道", "乡镇", "企业", "高校"))


@cache
def lexicon_for(jurisdiction: str | None) -> Lexicon:
    """The lexicon of a plan of ``jurisdiction`` (national when unknown), on the project's registries."""
    from fengong.registry import NATIONAL

    registry = project_registry()
    code = jurisdiction if jurisdiction and registry.ensure(jurisdiction) is not None else NATIONAL
    return Lexicon(lambda name: registry.knows(name, code), lambda name: registry.resolve(name, code).iri)


@cache
def project_registry():
    """The project's registries, loaded once per process: the gazetteer the readers recognise names with."""
    from fengong import PROJECT_ROOT
    from fengong.registry import default_registry_paths, load_registry

    return load_registry(default_registry_paths(PROJECT_ROOT))
