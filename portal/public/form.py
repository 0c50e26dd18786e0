"""A listing's filter options (templates/macros/listing.html), assembled from kept pieces.

A listing's form offers some fifty options (makers, types, audiences, levels, the most
used tags), each a checkbox, its label and a live count, and an htmx swap sends every
count again out of band. Rendered by Jinja that was a macro call and a dozen escapes per
option and request, a fifth of a listing. Here an option's markup around what changes per
request (its checked state and its count) is kept under what it shows: the facet, the
value and the label text (`_option`). So a kept piece can never be stale: a renamed maker
or a relabelled tag is another key, and the old one is no longer asked for (the cache is a
bounded LRU). The label texts come from `queries.facet_options`, per content version.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import pass_context
from markupsafe import Markup, escape

from portal.i18n import translations
from portal.public import bp


@lru_cache(maxsize=4096)
def _option(name: str, value: str, label: str) -> tuple[str, str, str]:
    """A checkbox's markup before its checked state, before its count's class, and its
    count's opening before the class (for the out-of-band copy); all escaped."""
    name, value = escape(name), escape(value)
    count = f'<span id="count-{name}-{value}" class="facet-count'
    checkbox = f'<input type="checkbox" id="f-{name}-{value}" name="{name}" value="{value}"'
    return f'<label class="check">{checkbox}', f"> {escape(label)} {count}", count


def _count(opening: str, count: int, none: str, swap: str = "") -> str:
    """A facet count: `opening` (the span's start, up to its class) and the rest; `none`
    says "(no results)" to a screen reader, `swap` makes it an out-of-band swap."""
    if count:
        return f'{opening}"{swap}>{count}</span>'
    return f'{opening} facet-none"{swap}>0<span class="visually-hidden"> {none}</span></span>'


def _none(context) -> str:
    """ "(no results)" in the page's language; a translation is markup, as in a template's _()."""
    return Markup(translations(context).gettext("(no results)"))


@bp.app_template_global()
@pass_context
def facet_checkboxes(context, name: str, options, chosen, counts: dict[str, int]) -> Markup:
    """The checkboxes of one facet, one line each: `options` are (value, label) pairs,
    `chosen` the values checked, `counts` value → updates (none: 0)."""
    lines, none = [], _none(context)
    for value, label in options:
        checkbox, after, _ = _option(name, value, str(label))
        checked = " checked" if value in chosen else ""
        count = _count(after, counts.get(value, 0), none)
        lines.append(f"  {checkbox}{checked}{count}</label>\n")
    return Markup("".join(lines))


@bp.app_template_global()
@pass_context
def facet_counts_oob(context, facet_options: dict, counts: dict[str, dict[str, int]]) -> Markup:
    """Every option's count, to be swapped in out of band after an htmx swap."""
    found, none, swap = [], _none(context), ' data-hx-swap-oob="true"'
    for name, (_, options) in facet_options.items():
        for value, label in options:
            opening = _option(name, value, str(label))[2]
            found.append(_count(opening, counts[name].get(value, 0), none, swap))
    return Markup("".join(found))
