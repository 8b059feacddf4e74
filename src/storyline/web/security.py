"""Access control for the web app: an optional bearer token (or login cookie) and CSRF tokens on forms."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

__all__ = ["CSRF_COOKIE", "SESSION_COOKIE", "Guard", "is_loopback"]

SESSION_COOKIE = "storyline_session"
CSRF_COOKIE = "storyline_csrf"


def is_loopback(host: str) -> bool:
    """Whether ``host`` names only this machine (127.0.0.0/8, ::1, localhost)."""
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Guard:
    """Checks a request's credentials against the configured token (no token: everyone is let in)."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self._session = hashlib.sha256(b"storyline-session:" + self.token.encode("utf-8")).hexdigest() if self.token else None

    @property
    def required(self) -> bool:
        return self.token is not None

    def session_value(self) -> str:
        """The login cookie's value: derived from the token, never the token itself."""
        assert self._session is not None
        return self._session

    def bearer_ok(self, authorization: str | None) -> bool:
        if not self.token or not authorization:
            return False
        scheme, _, value = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode("utf-8"), self.token.encode("utf-8"))

    def token_ok(self, candidate: str) -> bool:
        return bool(self.token) and hmac.compare_digest(candidate.encode("utf-8"), self.token.encode("utf-8"))  # type: ignore[union-attr]

    def allowed(self, authorization: str | None, session: str | None) -> bool:
        if not self.required:
            return True
        if self.bearer_ok(authorization):
            return True
        return session is not None and hmac.compare_digest(session.encode("utf-8"), self.session_value().encode("utf-8"))


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, submitted: str | None) -> bool:
    return bool(cookie) and bool(submitted) and hmac.compare_digest(cookie.encode("utf-8"), submitted.encode("utf-8"))  # type: ignore[union-attr]
