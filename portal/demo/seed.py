"""Loading the demo content (`content.toml`, beside this module): only what the database is
missing, so seeding twice adds nothing."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import datetime, time
from decimal import Decimal
from importlib import resources

from slugify import slugify
from sqlalchemy import select

from portal.extensions import db
from portal.i18n import languages
from portal.models import (
    Change,
    ChangeTranslation,
    Maker,
    MakerTranslation,
    Product,
    ProductTranslation,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
)


def demo_content() -> dict:
    """The demo tags, makers and updates, as written in portal/demo/content.toml."""
    text = resources.files("portal").joinpath("demo", "content.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _in_languages(texts: dict) -> list[tuple[str, object]]:
    """(lang, text) for every configured language that `texts` has, in the site's order."""
    return [(lang, texts[lang]) for lang in languages() if texts.get(lang)]


def _missing(model, specs: list[dict], make: Callable[[dict], object]) -> dict:
    """Every row of `model` by slug, after adding one made by `make` for each missing spec."""
    known = {row.slug: row for row in db.session.scalars(select(model))}
    for spec in specs:
        if spec["slug"] not in known:
            known[spec["slug"]] = row = make(spec)
            db.session.add(row)
    return known


def _tag(spec: dict) -> Tag:
    labels = _in_languages(spec["label"])
    return Tag(
        slug=spec["slug"],
        translations=[TagTranslation(lang=lang, label=label) for lang, label in labels],
    )


def _maker(spec: dict) -> Maker:
    texts = _in_languages(spec["description"])
    return Maker(
        slug=spec["slug"],
        name=spec["name"],
        website=spec["website"],
        translations=[MakerTranslation(lang=lang, description=text) for lang, text in texts],
    )


def _translation(lang: str, text: dict) -> UpdateTranslation:
    translation = UpdateTranslation(
        lang=lang,
        slug=slugify(text["title"], max_length=120, word_boundary=True),
        title=text["title"],
        lede=text["lede"],
        body=text["body"].strip(),
        impact=text["impact"],
    )
    translation.takeaways = text["takeaways"]
    return translation


def seed_demo() -> int:
    """Add the demo makers, tags and updates that are missing; return how many updates."""
    content = demo_content()
    tags = _missing(Tag, content["tags"], _tag)
    makers = _missing(Maker, content["makers"], _maker)
    known = {
        (u.source_url, u.published_at.date().isoformat(), u.maker.slug)
        for u in db.session.scalars(select(Update))
    }
    added = 0
    for spec in content["updates"]:
        day = datetime.combine(spec["published"], time(12))
        key = (spec["source_url"], day.date().isoformat(), spec["maker"])
        texts = _in_languages(spec)
        if key in known or not texts:  # known, or written in no language the site has
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
            translations=[_translation(lang, text) for lang, text in texts],
        )
        db.session.add(update)
        known.add(key)
        added += 1
    _changes(content, makers)
    db.session.commit()
    return added


def _product(makers: dict) -> Callable[[dict], Product]:
    def make(spec: dict) -> Product:
        texts = _in_languages(spec["description"])
        return Product(
            slug=spec["slug"],
            maker=makers[spec["maker"]],
            name=spec["name"],
            translations=[ProductTranslation(lang=lang, description=t) for lang, t in texts],
        )

    return make


def _changes(content: dict, makers: dict) -> None:
    """The demo products, and the changes of every demo update that has none yet."""
    products = _missing(Product, content.get("products", []), _product(makers))
    db.session.flush()
    updates = {(u.maker.slug, u.published_at.date()): u for u in db.session.scalars(select(Update))}
    fresh = {key: u for key, u in updates.items() if not u.changes}
    for spec in content.get("changes", []):
        update = fresh.get((spec["update"]["maker"], spec["update"]["published"]))
        if update is None:
            continue
        prices = {name: Decimal(spec[name]) for name in ("old_price", "new_price") if name in spec}
        texts = _in_languages(spec["description"])
        update.changes.append(
            Change(
                kind=spec["kind"],
                effective_date=spec["date"],
                products=[products[slug] for slug in spec["products"]],
                price_unit=spec.get("unit"),
                currency=spec.get("currency"),
                translations=[ChangeTranslation(lang=lang, description=t) for lang, t in texts],
                **prices,
            )
        )
