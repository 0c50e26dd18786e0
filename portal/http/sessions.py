"""The session cookie, opened only when a request carries one.

Flask opens the session of every request, and its cookie session builds a signing
serializer (a key derivation) to do so, even for the readers' pages, which never carry a
session cookie: only editors log in. Without the cookie the session is new and empty
whichever way it is made, so `SessionInterface` makes it directly and leaves the signing
to the requests that have something signed to read. Saving is unchanged.
"""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface


class SessionInterface(SecureCookieSessionInterface):
    def open_session(self, app: Flask, request):
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


def init_app(app: Flask) -> None:
    app.session_interface = SessionInterface()
