"""The controlled vocabularies of an update, with their translated labels."""

from flask_babel import lazy_gettext as _l

TYPES = {
    "article": _l("Article"),
    "release": _l("Release"),
    "video": _l("Video"),
    "paper": _l("Paper"),
    "podcast": _l("Podcast"),
}

# The section an update of each type belongs to, besides "Updates".
TYPE_SECTIONS = {
    "article": _l("Articles"),
    "release": _l("Releases"),
    "video": _l("Videos"),
    "paper": _l("Papers"),
    "podcast": _l("Podcasts"),
}

AUDIENCES = {
    "everyone": _l("Everyone"),
    "developers": _l("Developers"),
    "business": _l("Business"),
    "researchers": _l("Researchers"),
    "creators": _l("Creators"),
    "policymakers": _l("Policymakers"),
}

LEVELS = {
    "beginner": _l("Beginner"),
    "intermediate": _l("Intermediate"),
    "expert": _l("Expert"),
}

# The name of each facet a reader filters by (portal.queries.FACETS), as a legend.
FACET_NAMES = {
    "maker": _l("AI maker"),
    "type": _l("Type"),
    "audience": _l("Audience"),
    "level": _l("Level"),
    "tag": _l("Tags"),
}

# Minimum importance a reader can ask for (updates are rated 1–5).
IMPORTANCE = {"3": _l("Notable and up"), "4": _l("Important and up"), "5": _l("Major only")}

SORTS = {"newest": _l("Newest first"), "important": _l("Most important first")}

# An update's status as editors see it ("scheduled": published with a future time).
STATUSES = {
    "draft": _l("Draft"),
    "in_review": _l("In review"),
    "scheduled": _l("Scheduled"),
    "published": _l("Published"),
    "deleted": _l("Deleted"),
}
# What `updates.status` holds ("scheduled" is only shown, never stored); "in_review" waits
# for a chief (portal/editor/review.py) and, like a draft, is never shown to readers.
STORED_STATUSES = ("draft", "in_review", "published", "deleted")

# The feedback inbox's views of readers' messages.
FEEDBACK_STATES = {"unhandled": _l("Unhandled"), "handled": _l("Handled"), "all": _l("All")}

# What a change recorded on an update is (portal.calendar), in the order an editor picks.
CHANGE_KINDS = {
    "launch": _l("Launch"),
    "price": _l("Price change"),
    "deprecation": _l("Deprecation"),
    "retirement": _l("Retirement"),
    "behaviour": _l("API or behaviour change"),
    "availability": _l("Availability"),
    "terms": _l("Terms or policy"),
}

# What a price is per.
PRICE_UNITS = {
    "1m-input-tokens": _l("per 1M input tokens"),
    "1m-output-tokens": _l("per 1M output tokens"),
    "month": _l("per month"),
    "user-month": _l("per user per month"),
    "request": _l("per request"),
    "image": _l("per image"),
    "minute": _l("per minute"),
}

# Currencies a price may be in (ISO 4217).
CURRENCIES = ("USD", "EUR", "GBP")
