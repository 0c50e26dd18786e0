"""Command-line tasks: `flask --app wsgi seed-demo`."""

from __future__ import annotations

from datetime import datetime, time

import click
from flask import Flask
from slugify import slugify
from sqlalchemy import select

from portal.extensions import db
from portal.models import (
    Maker,
    MakerTranslation,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
)


def _tags() -> dict[str, Tag]:
    from portal.seed_data import TAGS

    known = {tag.slug: tag for tag in db.session.scalars(select(Tag))}
    for spec in TAGS:
        if spec["slug"] not in known:
            tag = Tag(slug=spec["slug"])
            tag.translations = [
                TagTranslation(lang=lang, label=spec[lang]) for lang in ("en", "nl")
            ]
            db.session.add(tag)
            known[tag.slug] = tag
    return known


def _makers() -> dict[str, Maker]:
    from portal.seed_data import MAKERS

    known = {maker.slug: maker for maker in db.session.scalars(select(Maker))}
    for spec in MAKERS:
        if spec["slug"] not in known:
            maker = Maker(slug=spec["slug"], name=spec["name"], website=spec["website"])
            maker.translations = [
                MakerTranslation(lang=lang, description=text)
                for lang, text in spec["description"].items()
            ]
            db.session.add(maker)
            known[maker.slug] = maker
    return known


def _translation(lang: str, text: dict) -> UpdateTranslation:
    translation = UpdateTranslation(
        lang=lang,
        slug=text.get("slug") or slugify(text["title"], max_length=120, word_boundary=True),
        title=text["title"],
        lede=text["lede"],
        body=text["body"].strip(),
        impact=text["impact"],
    )
    translation.takeaways = text["takeaways"]
    return translation


def seed_demo() -> int:
    """Add the demo makers, tags and updates that are missing; return how many updates."""
    from portal.seed_data import UPDATES

    tags, makers = _tags(), _makers()
    known = {
        (u.source_url, u.published_at.date().isoformat(), u.maker.slug)
        for u in db.session.scalars(select(Update))
    }
    added = 0
    for spec in UPDATES:
        day = datetime.combine(datetime.fromisoformat(spec["published"]).date(), time(12))
        key = (spec["source_url"], day.date().isoformat(), spec["maker"])
        if key in known:
            continue
        update = Update(
            maker=makers[spec["maker"]],
            type=spec["type"],
            source_url=spec["source_url"],
            published_at=day,
            status="published",
            audience=spec["audience"],
            level=spec["level"],
            importance=spec["importance"],
            author=spec["author"],
            tags=[tags[slug] for slug in spec["tags"]],
            translations=[
                _translation(lang, spec[lang]) for lang in ("en", "nl") if spec.get(lang)
            ],
        )
        db.session.add(update)
        known.add(key)
        added += 1
    db.session.commit()
    return added


def init_app(app: Flask) -> None:
    @app.cli.command("seed-demo")
    def seed_demo_command() -> None:
        """Fill the database with the demo makers and updates (idempotent)."""
        added = seed_demo()
        click.echo(f"Added {added} demo updates.")
