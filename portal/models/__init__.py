"""The data model: makers, updates with per-language translations, tags, revisions, editors,
readers' feedback and the site's state."""

from portal.models.content import (
    Maker,
    MakerTranslation,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
    update_tags,
)
from portal.models.editors import Editor, LoginFailure
from portal.models.feedback import Feedback
from portal.models.revisions import Revision
from portal.models.state import ContentChange, SiteState

__all__ = [
    "ContentChange",
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
