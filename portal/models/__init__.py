"""The content model: makers, updates with per-language translations, tags, people."""

from portal.models.content import (
    Maker,
    MakerTranslation,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
    update_tags,
)
from portal.models.editorial import LoginFailure, Revision
from portal.models.people import Editor, Feedback
from portal.models.state import SiteState

__all__ = [
    "Editor",
    "Feedback",
    "LoginFailure",
    "Maker",
    "MakerTranslation",
    "Revision",
    "SiteState",
    "Tag",
    "TagTranslation",
    "Update",
    "UpdateTranslation",
    "update_tags",
]
