"""Every feedback row as CSV for a spreadsheet (`feedback-export`, the editors' inbox)."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from portal.extensions import db
from portal.models import Feedback, Maker, Update

COLUMNS = [
    "id",
    "created_at",
    "lang",
    "update",
    "maker",
    "useful",
    "message",
    "handled",
    "client_hash",
]
# A cell starting with one of these is a formula to Excel: a leading quote keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _update_slug(update: Update | None, lang: str) -> str:
    if update is None or not update.translations:
        return ""
    return update.best_translation(lang).slug


def rows() -> list[list[str]]:
    """The column names, then one row per feedback, oldest first."""
    updates = {u.id: u for u in db.session.scalars(select(Update))}
    makers = {m.id: m for m in db.session.scalars(select(Maker))}
    table = [COLUMNS]
    for item in db.session.scalars(select(Feedback).order_by(Feedback.created_at, Feedback.id)):
        update = updates.get(item.update_id)
        maker = update.maker if update else makers.get(item.maker_id)
        cells = [
            item.id,
            item.created_at.isoformat(timespec="seconds") + "Z",
            item.lang,
            _update_slug(update, item.lang),
            maker.slug if maker else "",
            {True: "yes", False: "no", None: ""}[item.useful],
            item.message,
            "yes" if item.handled else "no",
            item.client_hash,
        ]
        table.append([_cell(value) for value in cells])
    return table


def to_csv(table: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, as Excel opens it without asking."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    return buffer.getvalue().encode("utf-8-sig")
