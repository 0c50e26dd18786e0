"""Mail over SMTP from `SMTP_URL` (smtp://user:password@host:587/?starttls=1, or smtps://
for implicit TLS) with the standard library: a multipart text and HTML message per mail."""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app

TIMEOUT = 30  # seconds for each SMTP step


class MailError(Exception):
    """The mail was not sent. `permanent` when the server refused the address (5xx)."""

    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


def enabled() -> bool:
    """Digests exist only when a mail server is configured."""
    return bool(current_app.config.get("SMTP_URL"))


def connect() -> smtplib.SMTP:
    """An open, logged-in connection to the configured server."""
    url = urlsplit(current_app.config["SMTP_URL"])
    options = parse_qs(url.query)
    context = ssl.create_default_context()
    try:
        if url.scheme == "smtps":
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                url.hostname, url.port or 465, timeout=TIMEOUT, context=context
            )
        else:
            server = smtplib.SMTP(url.hostname, url.port or 25, timeout=TIMEOUT)
            if options.get("starttls", ["0"])[0] in ("1", "true", "yes"):
                server.starttls(context=context)
        if url.username:
            server.login(unquote(url.username), unquote(url.password or ""))
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"cannot reach the mail server: {error}") from error
    return server


def message(to: str, subject: str, text: str, html: str, headers: dict | None = None):
    """A multipart/alternative mail: the text part complete on its own, then the HTML."""
    mail = EmailMessage()
    mail["From"] = current_app.config["MAIL_FROM"]
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = make_msgid(domain=current_app.config["MAIL_FROM"].rpartition("@")[2])
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(text)
    mail.add_alternative(html, subtype="html")
    return mail


def send(server: smtplib.SMTP, mail: EmailMessage) -> None:
    """Send one mail; MailError says whether the refusal was for good (5xx) or for now."""
    try:
        server.send_message(mail)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        raise MailError(str(error), permanent=all(code >= 500 for code in codes)) from error
    except smtplib.SMTPResponseException as error:
        raise MailError(str(error), permanent=error.smtp_code >= 500) from error
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(str(error)) from error


def send_one(mail: EmailMessage) -> None:
    """Connect, send one mail, disconnect (the web pages' confirmation mails)."""
    server = connect()
    try:
        send(server, mail)
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            server.quit()
