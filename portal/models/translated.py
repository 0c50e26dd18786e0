"""Text in a language, one way for every model with per-language rows (`translations`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from portal.i18n import current_language, languages


class Translated:
    """A model whose `translations` relationship holds one row per language (`row.lang`).

    `lang` defaults to the page's language (portal.i18n), so templates never pass it."""

    translations: list[Any]

    def translation(self, lang: str | None = None) -> Any | None:
        """The row in `lang`, or None when there is no text in it."""
        lang = lang or current_language()
        return next((row for row in self.translations if row.lang == lang), None)

    def best_translation(self, lang: str | None = None) -> Any | None:
        """The row in `lang`, else in the site's first language that has one, else any;
        None without any text."""
        for code in (lang or current_language(), *languages()):
            if found := self.translation(code):
                return found
        return self.translations[0] if self.translations else None

    def translation_or_new(self, lang: str) -> Any:
        """The row in `lang`, added empty when there is none yet (to be written)."""
        found = self.translation(lang)
        if found is None:
            row_class = inspect(type(self)).relationships["translations"].mapper.class_
            found = row_class(lang=lang)
            self.translations.append(found)
        return found
