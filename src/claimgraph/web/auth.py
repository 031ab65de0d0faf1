"""Sign-in for the web pages: argon2 password hashes, a signed session cookie, CSRF tokens.

The session is Starlette's SessionMiddleware (itsdangerous-signed with `settings.secret`,
HttpOnly, SameSite=Lax). There is no published default secret: without CLAIMGRAPH_SECRET each
store generates its own on first use (`store_secret`, a row in the app_settings table). The
cookie holds the user name, the user's current `session_key` and a CSRF token; the role is read
from the store on every request, and the key is rotated on logout, password reset and role
change, so those revoke every earlier cookie at once. A cookie naming an unknown user, a stale
key or no key gets the same answer as no session at all.

Sign-in is throttled (`LoginThrottle`): failures are counted per account name (known or not, so
the answer tells nothing about which names exist) and per client address, and past a few free
tries each further one doubles the wait (429 with Retry-After). Password hashing runs in a
worker thread so a burst of sign-ins does not stall every other request.
"""

from __future__ import annotations

import hmac
import math
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import HTTPException, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from claimgraph.store.db import Store
from claimgraph.store.models import AppSettingRow, UserRow
from claimgraph.web.security import client_address

ROLES = ("reader", "editor", "admin")
EDITOR_ROLES = frozenset({"editor", "admin"})
MAX_FORM_BYTES = 64 * 1024
_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong name costs as much as a wrong password.
_DUMMY_HASH = _hasher.hash("claimgraph-no-such-user")
MIN_SECRET_CHARS = 32  # what `serve` asks of CLAIMGRAPH_SECRET before listening beyond loopback
SECRET_SETTING = "session_secret"


class LoginRequired(Exception):
    """Raised by `require_editor` for anonymous callers; the app turns it into a redirect."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


# ---------------------------------------------------------------- secret


def strong_secret(secret: str | None) -> bool:
    """Long enough not to be guessed (the generated ones are 43 characters)."""
    return bool(secret) and len(secret or "") >= MIN_SECRET_CHARS


def store_secret(store: Store) -> str:
    """This store's session secret, made (secrets.token_urlsafe(32)) and saved in the
    app_settings table on first use; two processes starting at once agree on the first one."""
    with store.session() as s:
        row = s.get(AppSettingRow, SECRET_SETTING)
        if row is not None:
            return row.value
    try:
        with store.session() as s:
            s.add(AppSettingRow(name=SECRET_SETTING, value=secrets.token_urlsafe(32)))
    except IntegrityError:  # another process saved one first: use theirs
        pass
    with store.session() as s:
        row = s.get(AppSettingRow, SECRET_SETTING)
        if row is None:
            raise RuntimeError("app_settings: the session secret could not be stored")
        return row.value


def session_secret(configured: str | None, store: Store) -> str:
    """CLAIMGRAPH_SECRET when set, else the store's generated secret (never a fixed default)."""
    return configured if configured else store_secret(store)


def _new_session_key(row: UserRow) -> None:
    row.session_key = secrets.token_urlsafe(32)


# ---------------------------------------------------------------- users


def add_user(*, session: Session, name: str, password: str, role: str = "reader") -> UserRow:
    """Create (or reset) a user; the password is stored only as an argon2id hash. A reset
    revokes the user's open sessions."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not name.strip() or len(name) > 255:
        raise ValueError("name must be 1-255 characters")
    if len(password) < 8:
        raise ValueError("password must be at least 8 characters")
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        row = UserRow(name=name, password_hash=_hasher.hash(password), role=role, active=True)
        session.add(row)
    else:
        row.password_hash, row.role, row.active = _hasher.hash(password), role, True
    _new_session_key(row)
    session.flush()
    return row


def find_user(*, session: Session, name: str) -> UserRow | None:
    """The user row by name, active or not (for administration, never for sign-in)."""
    return session.scalar(select(UserRow).where(UserRow.name == name))


def list_users(*, session: Session) -> list[dict[str, Any]]:
    """Every account without its hash, oldest first (for `claimgraph users list`)."""
    return [
        {
            "name": r.name,
            "role": r.role,
            "active": r.active,
            "created_at": r.created_at.isoformat() if r.created_at else None,
        }
        for r in session.scalars(select(UserRow).order_by(UserRow.id))
    ]


def set_role(*, session: Session, name: str, role: str) -> UserRow | None:
    """Change a user's role; their open sessions are revoked (they sign in again under the new
    role). None when there is no such user."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    row = find_user(session=session, name=name)
    if row is not None:
        row.role = role
        _new_session_key(row)
        session.flush()
    return row


def remove_user(*, session: Session, name: str) -> bool:
    """Delete an account; an open session of theirs stops working at its next request."""
    row = find_user(session=session, name=name)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def get_user(*, session: Session, name: str) -> UserRow | None:
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    return row if row is not None and row.active else None


def authenticate(*, session: Session, name: str, password: str) -> UserRow | None:
    """The user if the password matches (rehashing old parameters), else None."""
    row = get_user(session=session, name=name)
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    return row


# ---------------------------------------------------------------- sign-in throttling


class LoginThrottle:
    """Failed sign-ins per key ("user:NAME", "addr:ADDRESS") with exponential backoff.

    `free` failures cost nothing; then the key waits `base` seconds, and each further failure
    doubles the wait (at most `most`). A key forgets its failures `most` seconds after
    the last one. Kept in process memory (one `serve` process per store): a restart forgives.
    The table is bounded: past `max_keys`, the oldest keys are dropped first.
    """

    def __init__(
        self,
        *,
        free_per_user: int = 5,
        free_per_address: int = 20,
        base: float = 1.0,
        most: float = 900.0,
        max_keys: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free = {"user": free_per_user, "addr": free_per_address}
        self.base, self.most, self.max_keys, self.clock = base, most, max_keys, clock
        self._fails: dict[str, tuple[int, float]] = {}  # key -> (failures, time of the last)
        self._lock = threading.Lock()

    @staticmethod
    def keys(name: str, address: str) -> tuple[str, str]:
        return f"user:{name.strip().casefold()[:255]}", f"addr:{address}"

    def _delay(self, key: str, count: int) -> float:
        over = count - self.free[key.split(":", 1)[0]]
        return 0.0 if over < 0 else min(self.base * 2**over, self.most)

    def wait(self, *keys: str) -> int:
        """Seconds until these keys may try again (0: now)."""
        now, longest = self.clock(), 0.0
        with self._lock:
            for key in keys:
                count, last = self._fails.get(key, (0, 0.0))
                if count and now - last >= self.most:
                    self._fails.pop(key, None)
                    continue
                longest = max(longest, last + self._delay(key, count) - now)
        return math.ceil(longest) if longest > 0 else 0

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                count, last = self._fails.pop(key, (0, 0.0))
                self._fails[key] = (1 if now - last >= self.most else count + 1, now)
            while len(self._fails) > self.max_keys:  # dicts keep insertion order: oldest first
                self._fails.pop(next(iter(self._fails)))

    def succeeded(self, user_key: str) -> None:
        """A right password clears the account's count (not the address's: one good account
        must not launder an address's guesses at others)."""
        with self._lock:
            self._fails.pop(user_key, None)


def login_throttle(request: Request) -> LoginThrottle:
    """The app's throttle, made on first use (tests may put their own on app.state first)."""
    state = request.app.state
    throttle = getattr(state, "login_throttle", None)
    if throttle is None:
        throttle = state.login_throttle = LoginThrottle()
    return throttle


async def throttled_sign_in(
    request: Request, store: Store, name: str, password: str
) -> tuple[UserRow | None, int]:
    """(user, 0) on success, (None, 0) on a wrong name or password, (None, seconds) while this
    account or address must wait; the session is started on success. Hashing runs off the
    event loop."""
    throttle = login_throttle(request)
    keys = throttle.keys(name, client_address(request))
    wait = throttle.wait(*keys)
    if wait:
        return None, wait

    def check() -> UserRow | None:
        with store.session() as s:
            user = authenticate(session=s, name=name, password=password)
            if user is not None:
                login(request, user)
            return user

    user = await run_in_threadpool(check)
    if user is None:
        throttle.failed(*keys)
    else:
        throttle.succeeded(keys[0])
    return user, 0


# ---------------------------------------------------------------- session and CSRF


def current_user(request: Request, session: Session) -> UserRow | None:
    """The signed-in user, or None for anything else: no cookie, an unknown or disabled user,
    a revoked or missing session key - one answer, so a cookie cannot probe for names."""
    name, key = request.session.get("user"), request.session.get("sid")
    if not isinstance(name, str) or not isinstance(key, str):
        return None
    row = get_user(session=session, name=name)
    stored = row.session_key if row is not None else None
    if stored is None or not hmac.compare_digest(stored.encode(), key.encode()):
        return None
    return row


def login(request: Request, user: UserRow) -> None:
    """Start a fresh session (new CSRF token) so a pre-login token cannot be replayed; the
    cookie carries the user's session key (made here when the user has none yet)."""
    if user.session_key is None:
        _new_session_key(user)
    request.session.clear()
    request.session["user"] = user.name
    request.session["sid"] = user.session_key
    request.session["csrf"] = secrets.token_urlsafe(32)


def logout(request: Request, session: Session | None = None) -> None:
    """End the session; with a store session, also rotate the user's key so a copy of the old
    cookie (stolen, or still in another browser) stops working too."""
    user = current_user(request, session) if session is not None else None
    if user is not None:
        _new_session_key(user)
        session.flush()  # type: ignore[union-attr]
    request.session.clear()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use; every form posts it back."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, form: dict[str, str]) -> None:
    expected = request.session.get("csrf")
    given = form.get("csrf_token", "")
    if not isinstance(expected, str) or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "missing or invalid CSRF token; reload the page and try again")


async def read_form(request: Request) -> dict[str, str]:
    """A small urlencoded form, parsed by hand (no python-multipart dependency); one value each."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise HTTPException(415, "forms must be application/x-www-form-urlencoded")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "form too large")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, "malformed form") from exc
    return {k: v[0] for k, v in parsed.items() if "\x00" not in v[0]}


def require_editor(request: Request, session: Session) -> UserRow:
    """The signed-in editor/admin; anonymous → LoginRequired (redirect), others → 403."""
    user = current_user(request, session)
    if user is None:
        raise LoginRequired(str(request.url.path))
    if user.role not in EDITOR_ROLES:
        raise HTTPException(403, "the editors' queue needs the editor or admin role")
    return user


def same_origin(request: Request) -> bool:
    """CSRF defence for JSON posts: Origin (or, lacking it, Referer) must be this host."""
    host = request.headers.get("host", "")
    allowed = {f"http://{host}", f"https://{host}"}
    origin = request.headers.get("origin")
    if origin:
        return origin in allowed
    referer = request.headers.get("referer", "")
    return any(referer == a or referer.startswith(a + "/") for a in allowed)


def user_context(request: Request, user: UserRow | None) -> dict[str, Any]:
    """What every template needs to show the signed-in state (and the logout form's token).

    Anonymous readers get no token here, so plain page views set no cookie."""
    return {"user": user, "csrf_token": csrf_token(request) if user else ""}
