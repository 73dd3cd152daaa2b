"""A document parser's elements written out one a line, each opened by its category → the text they hold.

unstructured partitions a document into elements (``partition_html``, ``partition_pdf``, ``partition_docx`` …), each
of a category (Title, NarrativeText, ListItem, Table, UncategorizedText, Header, Footer, PageNumber …), and a
corpus builder may write them out one a line as ``f"{e.category}: {e}"``::

    Title: 河南省推动银发经济高质量发展若干措施
    UncategorizedText: （一）完善老年助餐服务网络。…（责任单位：省民政厅、省商务厅、省财政厅）
    Table: <table><tr><td>序号</td>…</table>

The category is the tool's, not the document's: it hides the label opening the line (``（一）``) from the outline.
A text whose lines open so (:func:`category_lines`: five such lines or more, of two categories or more, and six in
ten of its lines; an element's text broken over lines goes on unprefixed) is read without the prefixes
(:func:`render`); an element's own text is kept whole, its page numbers and running heads too (the readers know
them as furniture, and a page number between a paragraph's halves tells that they are one). A line that merely
opens with an English word and a colon (``Note: …``, ``Title: …`` in a record), or a text with a few such lines,
is left as it is. One character for one but the prefixes dropped, so spans are put back into the file
(:class:`fengong.readers.markup.Rendering`).
"""

from __future__ import annotations

import re

from fengong.readers.markup import Rendering
from fengong.records import SourceText

# unstructured's element categories (``Element.category``, ``ElementType``)
CATEGORIES = (
    "Title", "Text", "UncategorizedText", "NarrativeText", "BulletedText", "Paragraph", "Abstract", "Threading",
    "Form", "Field-Name", "Value", "Link", "CompositeElement", "Image", "Picture", "FigureCaption", "Figure",
    "Caption", "List", "ListItem", "List-item", "Checked", "Unchecked", "CheckBoxChecked", "CheckBoxUnchecked",
    "RadioButtonChecked", "RadioButtonUnchecked", "Address", "EmailAddress", "PageBreak", "Formula", "Table",
    "TableChunk", "Header", "Headline", "Subheadline", "Page-header", "Section-header", "Footer", "Footnote",
    "Page-footer", "PageNumber", "CodeSnippet", "FormKeysValues", "DocumentData",
)
PREFIX = re.compile(rf"^(?P<category>{'|'.join(sorted(map(re.escape, CATEGORIES), key=len, reverse=True))}): ?",
                    re.MULTILINE)
MIN_LINES = 5
SHARE = 0.6


def category_lines(text: str) -> bool:
    """True for a text of elements written out one a line, each opened by its category (see the module docstring)."""
    found = list(PREFIX.finditer(text))
    if len(found) < MIN_LINES or len({m.group("category") for m in found}) < 2:
        return False
    lines = sum(1 for line in text.splitlines() if line.strip())
    return len(found) >= SHARE * lines


def render(source: SourceText) -> Rendering:
    """``source`` without the category opening each element's line."""
    raw = source.raw
    dropped = {i for m in PREFIX.finditer(raw) for i in range(m.start(), m.end())}
    kept = [i for i in range(len(raw)) if i not in dropped]
    return Rendering(source, "".join(raw[i] for i in kept), kept, [i + 1 for i in kept], rendered_from=None)
