"""The nesting check that keeps too deep texts from pyoxigraph's recursive parsers (fengong.nesting)."""

from __future__ import annotations

import pytest

from fengong.nesting import MAX_DEPTH, TooDeep, check_depth


def test_many_brackets_side_by_side_are_not_deep():
    # More brackets than the limit, but never more than two open at once.
    check_depth("SELECT * WHERE {" + " OPTIONAL { ?s ?p ?o }" * (MAX_DEPTH * 2) + " }", "sparql")


def test_deep_nesting_is_refused_with_its_place():
    text = "SELECT * WHERE {\n" + "{" * MAX_DEPTH + "}" * MAX_DEPTH + "}"
    with pytest.raises(TooDeep) as refused:
        check_depth(text, "sparql")
    assert (refused.value.line, refused.value.column) == (2, MAX_DEPTH)


def test_escaped_brackets_count_as_brackets():
    # \u007B is "{": few brackets as written, too deep once read.
    text = "SELECT * WHERE " + "\\u007B" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1)
    with pytest.raises(TooDeep):
        check_depth(text, "sparql")


def test_brackets_in_strings_and_comments_do_not_count():
    text = 'SELECT * WHERE { ?s ?p "' + "{" * (MAX_DEPTH * 2) + '" } # ' + "(" * (MAX_DEPTH * 2)
    check_depth(text, "sparql")
