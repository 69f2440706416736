"""A line break ends a run of capitalised words where the text is not wrapped prose.

Capitalised words either side of one line break are read as one run, so that a name a narrow column
wrapped ("Grace\nOkafor") stays whole. Where the text is not wrapped, though, a line ends with its
words: a page's heading, a photographer's credit ("Ana Roe/Special to The Daily Courier"), a
signature, a caption. The next line's words then start a run of their own, so a paper or a body on
the line above ("The Daily Courier") never swallows the name that opens the caption below it ("Ruth
Mora stands in her kitchen") and takes it back with the body's. A text is not wrapped where some
line of it is longer than any column wraps (a paragraph written on one line).
"""

from __future__ import annotations

WRAPPED = 120  # no column wraps prose at more than this; a paragraph on one line is longer


def unwrapped(text: str) -> bool:
    """Is some line of ``text`` longer than a column wraps (so that its line breaks end lines)?"""
    return any(len(line) > WRAPPED for line in text.split("\n"))
