"""Translation workflow: per-field status (`status.py`), machine-translation drafts
(`machine.py`, its backends; `markdown.py`, what the machine must not touch), the glossary,
and their routes in the editors' area (`views.py`, on the editor blueprint)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.translation import machine, status

    machine.init_app(app)
    app.jinja_env.globals["machine_translated"] = status.machine_translated
    app.jinja_env.globals["machine_translation_on"] = machine.configured
    app.jinja_env.globals["translation_states"] = status.states
    app.jinja_env.globals["translatable_fields"] = tuple(status.FIELDS)
    app.jinja_env.globals["machine_marks"] = status.machine_marks
