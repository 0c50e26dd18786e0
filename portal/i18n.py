"""Language in the URL: the /<lang>/ prefix, the locale selector, switcher links.

Templates translate through Flask-Babel's catalogs, but not through its per-call lookup:
Flask-Babel's template `gettext` finds the catalog anew for every string (the locale and
the catalog cache through `g`, four context-local lookups each), and a listing translates
some 250 strings. The catalog cannot change during one render, so a context processor
puts it in the template context once per `render_template` (`TRANSLATIONS`), read after
any `force_locale` around the render, and the template callables (`translations`) take it
from there. A template rendered without that context (a macro called from Python, such as
a kept teaser) asks Flask-Babel as before.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel import Locale, dates
from babel.lists import format_list
from flask import Flask, abort, current_app, g, request, url_for
from flask_babel import force_locale, get_locale, get_translations, to_user_timezone
from jinja2 import pass_context

from portal import vocab
from portal.extensions import babel


def languages() -> dict[str, str]:
    """Code → own-language name of every language the site is published in."""
    return current_app.config["LANGUAGES"]


def language_name(code: str) -> str:
    """A language's name in the page's language, for use in a sentence: 'Engels' on a Dutch page."""
    return Locale.parse(code).get_display_name(get_locale()) or code


# Names in the author field are separated by commas; " and " is read as one too (older entries).
PEOPLE_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+")


def people(value: str) -> list[str]:
    """The names in a free-text author field: 'A, B and C' → ['A', 'B', 'C']."""
    return [name for name in PEOPLE_SEPARATOR.split(value or "") if name]


def people_list(value: str) -> str:
    """The names joined the page's way: 'A, B and C' / 'A, B en C'."""
    return format_list(people(value), locale=get_locale())


def default_language() -> str:
    return next(iter(languages()))


def current_language() -> str:
    return g.get("lang") or default_language()


def is_foreign(text) -> bool:
    """Whether a text (anything with a `lang`; None is not) is in another language than the page."""
    return text is not None and text.lang != current_language()


def pull_lang(endpoint, values) -> None:
    """Take `lang` out of the URL values into g; an unsupported code is a 404."""
    if values is None or "lang" not in values:
        return
    lang = values.pop("lang")
    if lang not in languages():
        g.lang = best_language()
        abort(404)
    g.lang = lang


def add_lang(endpoint, values) -> None:
    """Put g.lang back into every url_for call of a language-prefixed route."""
    if "lang" in values or not g.get("lang"):
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = g.lang


def best_language() -> str:
    """The reader's language: the URL prefix, an explicit switch cookie, Accept-Language."""
    prefix = request.path.strip("/").split("/", 1)[0]
    if prefix in languages():
        return prefix
    chosen = request.cookies.get("lang")
    if chosen in languages():
        return chosen
    return request.accept_languages.best_match(list(languages())) or default_language()


@lru_cache(maxsize=4096)
def _formatted(day: date, pattern: str, locale: str) -> str:
    return dates.format_date(day, pattern, locale=locale)


def format_date(value: date, pattern: str) -> str:
    """Flask-Babel's format_date (a moment as a day in the site's time zone), each day,
    pattern and language formatted once: pages show the same few hundred days."""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _formatted(value, pattern, str(get_locale()))


def long_date(value) -> str:
    """'11 July 2025' / '11 juli 2025' in the page's language."""
    return format_date(value, "d MMMM y")


def month_name(value) -> str:
    """'March 2025' / 'maart 2025'."""
    return format_date(value, "LLLL y")


def month_short(value) -> str:
    """'Mar' / 'mrt'."""
    return format_date(value, "LLL").rstrip(".")


def month_labels(days: list[date]) -> list[tuple[str, str]]:
    """Each day's `month_short` and `month_name` (days, not moments), the page's language
    looked up once for them all."""
    locale = str(get_locale())
    return [
        (_formatted(day, "LLL", locale).rstrip("."), _formatted(day, "LLLL y", locale))
        for day in days
    ]


@lru_cache(maxsize=64)
def _vocabulary(name: str, locale: str) -> tuple[tuple[str, str], ...]:
    with force_locale(locale):
        return tuple((value, str(label)) for value, label in getattr(vocab, name).items())


def vocab_labels(name: str, lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """A vocabulary of portal.vocab, by name ("TYPES"), as (value, label) pairs in the
    page's language (or `lang`): translated once per language and worker, since the code's
    vocabularies and the catalogs do not change while the app runs."""
    return _vocabulary(name, lang or str(get_locale()))


def absolute(path: str) -> str:
    """An absolute URL on the configured site, or on the requested host."""
    base = current_app.config.get("SITE_URL") or request.host_url.rstrip("/")
    return base + path


def switch_url(lang: str) -> str:
    """The same page in `lang`: views may say so in g.alternates, else the same route."""
    alternates = g.get("alternates")
    if alternates is not None:
        return alternates.get(lang) or url_for("public.front", lang=lang)
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        args = dict(request.view_args or {})
        args["lang"] = lang
        path = url_for(request.endpoint, **args)
        query = request.query_string.decode("latin-1")
        return path + ("?" + query if query else "")
    return url_for("public.front", lang=lang)


TRANSLATIONS = "babel_translations"  # the template context's catalog (module docstring)


def translations(context):
    """The catalog of the template being rendered (see the module docstring)."""
    return context.get(TRANSLATIONS) or get_translations()


def _bound_catalog() -> dict:
    return {TRANSLATIONS: get_translations()}


def install_gettext(app: Flask) -> None:
    """Jinja's gettext callables (newstyle, as Flask-Babel installs them), reading the
    catalog from the template context; see the module docstring."""
    app.context_processor(_bound_catalog)
    app.jinja_env.install_gettext_callables(
        gettext=pass_context(lambda c, s: translations(c).ugettext(s)),
        ngettext=pass_context(lambda c, s, p, n: translations(c).ungettext(s, p, n)),
        pgettext=pass_context(lambda c, ctx, s: translations(c).upgettext(ctx, s)),
        npgettext=pass_context(lambda c, ctx, s, p, n: translations(c).unpgettext(ctx, s, p, n)),
        newstyle=True,
    )


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=current_language)
    install_gettext(app)
    app.url_value_preprocessor(pull_lang)
    app.url_defaults(add_lang)
    app.jinja_env.filters.update(
        long_date=long_date, month_name=month_name, month_short=month_short, people_list=people_list
    )
    app.jinja_env.tests["foreign"] = is_foreign
    app.jinja_env.globals.update(
        languages=languages,
        language_name=language_name,
        people=people,
        switch_url=switch_url,
        absolute=absolute,
        vocab_labels=vocab_labels,
    )
