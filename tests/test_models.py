"""The models' one way to their text in a language (portal/models/translated.py)."""

from __future__ import annotations

import pytest
from flask import g, render_template_string

from portal.extensions import db
from portal.models import Maker, MakerTranslation, Tag, TagTranslation, Update


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_text_comes_in_the_page_language_else_another(app, make_update, lang):
    both = make_update(en={"title": "Both EN"}, nl={"title": "Beide NL"})
    dutch_only = make_update(nl={"title": "Alleen NL"})
    with app.test_request_context(f"/{lang}/"):
        g.lang = lang
        both, dutch_only = db.session.get(Update, both), db.session.get(Update, dutch_only)
        assert both.best_translation().title == {"en": "Both EN", "nl": "Beide NL"}[lang]
        assert both.translation().lang == lang
        assert dutch_only.best_translation().title == "Alleen NL"
        assert (dutch_only.translation() is None) == (lang == "en")
        assert dutch_only.best_translation("en").lang == "nl"  # an explicit language too
        assert Update(translations=[]).best_translation() is None
        # Templates ask without passing the language, and see when a text is foreign.
        page = render_template_string(
            "{% for u in items %}{% set t = u.best_translation() %}"
            "{{ t.title }}{% if t is foreign %} ({{ t.lang }}){% endif %};{% endfor %}",
            items=[both, dutch_only],
        )
        assert page == {"en": "Both EN;Alleen NL (nl);", "nl": "Beide NL;Alleen NL;"}[lang]


def test_labels_and_descriptions_fall_back_when_untranslated(app):
    with app.test_request_context("/nl/"):
        g.lang = "nl"
        tag = Tag(slug="agents", translations=[TagTranslation(lang="en", label="Agents")])
        maker = Maker(slug="acme", name="Acme", translations=[])
        maker.translations.append(MakerTranslation(lang="en", description="Builds AI."))
        assert (tag.label(), tag.label("en")) == ("agents", "Agents")
        assert (maker.description(), maker.description("en")) == ("", "Builds AI.")


def test_translation_or_new_adds_one_row_per_language(app, make_maker, make_tag):
    make_maker("acme", "Acme")
    make_tag("agents", en="Agents")
    with app.app_context():
        tag = db.session.scalar(db.select(Tag).filter_by(slug="agents"))
        maker = db.session.scalar(db.select(Maker).filter_by(slug="acme"))
        update = Update(translations=[])
        assert tag.translation_or_new("en") is tag.translation("en")  # the existing row
        new = update.translation_or_new("nl")
        assert update.translation_or_new("nl") is new and update.translations == [new]
        assert (type(new).__name__, new.lang) == ("UpdateTranslation", "nl")
        maker.translation_or_new("en").description = "Changed"
        db.session.commit()
    with app.app_context():
        maker = db.session.scalar(db.select(Maker).filter_by(slug="acme"))
        assert sorted((t.lang, t.description) for t in maker.translations) == [
            ("en", "Changed"),
            ("nl", "Acme bouwt AI."),
        ]
