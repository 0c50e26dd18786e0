"""The editors' routes, one module per area of the editors' area:

- `auth.py`: the login wall in front of every editor page, login and logout.
- `updates.py`: the dashboard, the update form and its live preview, history, delete.
- `taxonomy.py`: makers and tags; `products.py`: products (portal.calendar).
- `inbox.py`: readers' feedback.
- `desk.py`: the import desk (feed items grouped into stories).
- `preview.py`: the signed draft preview, outside the wall (its own blueprint).
- `review.py`: the "review before publishing" setting (a chief's).

What they do beyond answering a request lives beside this package: `writing.py`,
`conflicts.py`, `checks.py`, `review.py`, `accounts.py`, `taxonomy_changes.py`,
`preview_links.py`, `queries.py`.
"""

from portal.editor.views import (  # noqa: F401
    auth,
    desk,
    inbox,
    preview,
    products,
    review,
    taxonomy,
    updates,
)

# The translation routes (machine drafts, status matrix, glossary) sit on this blueprint.
from portal.translation import views as translation_views  # noqa: E402,F401
