"""How long the Markdown renderer takes on hostile bodies of 1 MiB (issue 20).

    PYTHONPATH=. python bench/markdown_shapes.py [size]

Each shape goes through the editors' preview (refused or rendered, as the form does), the
public page's rendering and the search index's plain text; at 1 MiB every step should
stay well under a second."""

import sys
import time

from portal.rendering import plain_text, preview, refusal, render_markdown

SHAPES = {
    "nested bullets": "- ",
    "nested numbers": "1. ",
    "nested quotes": "> ",
    "brackets": "[",
    "image brackets": "![",
    "open links": "<a href=",
    "closed links": "[a](b) ",
    "emphasis": "*a _b ",
    "backticks": "`a ``",
    "entities": "&amp;&#x41;",
    "table cells": "| a ",
    "html blocks": "<div>\n",
    "link references": "[a]: b\n",
    "indented": "    - x\n",
    "misnested tags": "<b><i></b></i>",
    "open paragraphs": "<p>a",
    "open anchors": "<a>",
    "nested tables": "<table><tr><td>",
    "prose": "Words in a paragraph, plain and ordinary. ",
}


def main(size: int = 1024 * 1024) -> None:
    slowest = 0.0
    for name, unit in SHAPES.items():
        text = (unit * (size // len(unit) + 1))[: size - 1] + "x"
        times = []
        for step in (preview, render_markdown.__wrapped__, plain_text):
            start = time.perf_counter()
            step(text)
            times.append(time.perf_counter() - start)
        refused = refusal(text) is not None
        slowest = max(slowest, *times)
        print(
            f"{name:16} editor preview {times[0]:6.3f} s (refused: {refused!s:5})"
            f"  page {times[1]:6.3f} s  plain text {times[2]:6.3f} s"
        )
    print(f"slowest: {slowest:.3f} s for {size:,} characters")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1024 * 1024)
