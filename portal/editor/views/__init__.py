"""The editors' routes, one module per area of the editors' area:

- `auth.py`: the login wall in front of every editor page, login and logout.
- `updates.py`: the dashboard, the update form and its live preview, history, delete.
- `taxonomy.py`: makers and tags.
- `inbox.py`: readers' feedback.
- `preview.py`: the signed draft preview, outside the wall (its own blueprint).

What they do beyond answering a request lives beside this package: `writing.py`,
`conflicts.py`, `accounts.py`, `taxonomy_changes.py`, `preview_links.py`, `queries.py`.
"""

from portal.editor.views import auth, inbox, preview, taxonomy, updates  # noqa: F401

# The translation routes (machine drafts, status matrix, glossary) sit on this blueprint.
from portal.translation import views as translation_views  # noqa: E402,F401
