"""Writing makers and tags through the ORM (so page cache and search follow)."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.i18n import languages
from portal.models import Maker, Tag, Update, update_tags


def maker_data(maker: Maker) -> dict:
    data = {"slug": maker.slug, "name": maker.name, "website": maker.website}
    data["feed_url"] = maker.feed_url or ""
    return data | {f"description_{lang}": maker.description(lang) for lang in languages()}


def save_maker(maker: Maker, form) -> None:
    maker.slug, maker.name, maker.website = (
        form.slug.data,
        form.name.data.strip(),
        form.website.data or "",
    )
    maker.feed_url = (form.feed_url.data or "").strip() or None
    for lang in languages():
        description = form[f"description_{lang}"].data or ""
        maker.translation_or_new(lang).description = description.strip()
    db.session.add(maker)
    db.session.commit()


def tag_data(tag: Tag) -> dict:
    labels = {f"label_{t.lang}": t.label for t in tag.translations}
    return {"slug": tag.slug} | {f"label_{lang}": "" for lang in languages()} | labels


def save_tag(tag: Tag, form) -> None:
    """Slug and labels; an empty label means none in that language (its slug shows)."""
    tag.slug = form.slug.data
    for lang in languages():
        if label := (form[f"label_{lang}"].data or "").strip():
            tag.translation_or_new(lang).label = label
        elif found := tag.translation(lang):
            tag.translations.remove(found)
    db.session.add(tag)
    db.session.commit()


def merge_tags(source: Tag, target: Tag) -> None:
    """Every update tagged `source` gets `target` instead; `source` is removed."""
    tagged = db.session.scalars(
        select(Update).join(update_tags).where(update_tags.c.tag_id == source.id)
    ).all()
    for update in tagged:
        update.tags = [t for t in update.tags if t.id != source.id]
        if target not in update.tags:
            update.tags.append(target)
    db.session.flush()
    db.session.delete(source)
    db.session.commit()
