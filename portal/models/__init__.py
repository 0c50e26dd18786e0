"""The data model: makers, updates with per-language translations, tags, revisions, editors,
readers' feedback, digest subscribers and the site's state."""

from portal.models.content import (
    Maker,
    MakerTranslation,
    Tag,
    TagTranslation,
    Update,
    UpdateTranslation,
    update_tags,
)
from portal.models.desk import DeskItem, JobLock, UpdateSource
from portal.models.editors import Editor, LoginFailure
from portal.models.feedback import Feedback
from portal.models.products import (
    Change,
    ChangeTranslation,
    Product,
    ProductTranslation,
    change_products,
)
from portal.models.revisions import Revision
from portal.models.state import ContentChange, SiteState
from portal.models.subscribers import DigestSend, Subscriber
from portal.models.translation_status import FieldStatus, GlossaryTerm

__all__ = [
    "ContentChange",
    "DigestSend",
    "DeskItem",
    "Change",
    "ChangeTranslation",
    "Product",
    "ProductTranslation",
    "change_products",
    "Editor",
    "Feedback",
    "JobLock",
    "FieldStatus",
    "GlossaryTerm",
    "LoginFailure",
    "Maker",
    "MakerTranslation",
    "Revision",
    "SiteState",
    "Subscriber",
    "Tag",
    "TagTranslation",
    "Update",
    "UpdateSource",
    "UpdateTranslation",
    "update_tags",
]
