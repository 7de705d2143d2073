"""Pytest fixtures and helpers for the whole Samverkan test suite.

Loaded for every test by the root ``conftest.py`` (``pytest_plugins``). Nothing here is a
mock: email goes through Django's real SMTP backend to a real SMTP server on loopback, and
pages are rendered by a real Chromium.

Email
-----
``smtp_server``
    A real aiosmtpd server on 127.0.0.1 with a free port, with Django's ``EMAIL_*``
    settings pointed at it for the duration of the test. It records every message it
    accepts as an :class:`email.message.EmailMessage` (``email.policy.default``), with the
    SMTP envelope in ``.envelope_from`` / ``.envelope_to``::

        from samverkan.core.testing import links_in

        def test_welcome_mail(client, db, smtp_server):
            client.post("/konto/registrera/", {"email": "anna@example.org"})
            (message,) = smtp_server.wait_for(1)
            assert message["Subject"] == "Välkommen till Samverkan"
            assert smtp_server.to("anna@example.org") == [message]
            login_url = links_in(message)[0]
            assert client.get(login_url).status_code == 200

    ``smtp_server.stop()`` / ``.start()`` take the server down and up again on the same
    port (retry tests); ``smtp_server.refuse(address)`` makes it answer ``RCPT TO`` for that
    address with a permanent 550 (bounce tests).

    Without this fixture pytest-django's test environment uses Django's in-memory
    ``locmem`` backend (``mail.outbox`` / the ``mailoutbox`` fixture): nothing reaches the
    settings' dead port 1 and nothing fails loudly, so a test about email should always ask
    for ``smtp_server``.

    Mail that the outbox sends "on commit" is only sent when a transaction really commits:
    with the ``db`` fixture (one rolled-back transaction per test) wrap the action in
    ``django_capture_on_commit_callbacks(execute=True)``, or use ``transactional_db``.

``links_in(message)``
    The http(s) links in a message's text/plain and text/html parts, in order.

Browser
-------
``browser`` (session), ``browser_context`` and ``page`` (per test)
    Playwright's sync API driving Debian's Chromium (``/usr/bin/chromium``, found with
    ``shutil.which("chromium")``); never a browser downloaded by Playwright. Every test gets
    a fresh context (no cookies or storage shared between tests) with locale ``sv-SE`` and
    time zone ``Europe/Stockholm``.

    A test that uses one of these fixtures is marked ``browser`` automatically. When no
    Chromium is installed, such tests are skipped, unless ``SAMVERKAN_REQUIRE_BROWSER=1``,
    in which case they fail (CI sets it).

    Use ``live_server`` for the address, never ``db``: ``live_server`` requests
    ``transactional_db`` by itself, so the data a test creates is committed and visible
    to the server thread. The flush after such a test empties every table, rows that data
    migrations made (the role groups) included, so later transactional tests must create
    what they need through the services (``role_grant`` get-or-creates its group) rather
    than rely on migration data; ``serialized_rollback=True`` is no cure here, as after
    another transactional test's flush it fails on duplicate content types::

        from samverkan.core.testing import assert_accessible

        def test_home_page_is_accessible(live_server, page):
            page.goto(live_server.url + "/")
            assert_accessible(page, "home page")

    Playwright's sync API keeps an asyncio event loop running in the main thread from the
    moment it starts until the end of the session, which makes Django refuse database
    access from test code (``SynchronousOnlyOperation``). The ``browser`` fixture therefore
    sets ``DJANGO_ALLOW_ASYNC_UNSAFE=true`` while Playwright runs, and browser tests are
    moved to the end of the run so that every other test keeps Django's check.

``assert_accessible(page, context="")``
    Runs axe-core (bundled with axe-playwright-python, nothing fetched) against the page
    for WCAG 2.0/2.1 A and AA and fails with a readable list of violations. ``context`` is
    a label for the failure message (e.g. ``"sign form with errors"``).
"""

from __future__ import annotations

import asyncio
import errno
import html
import logging
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import TYPE_CHECKING, Any

import pytest
from aiosmtpd.controller import Controller

if TYPE_CHECKING:
    from aiosmtpd.smtp import SMTP, Envelope, Session
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright
    from pytest_django.fixtures import SettingsWrapper

__all__ = [
    "AXE_TAGS",
    "CHROMIUM_ARGS",
    "ReceivedMessage",
    "SMTPTestServer",
    "assert_accessible",
    "chromium_executable",
    "links_in",
    "new_browser_context",
]

# --------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------

SMTP_HOST = "127.0.0.1"


class ReceivedMessage(EmailMessage):
    """A message as the test SMTP server received it.

    An ordinary :class:`email.message.EmailMessage` parsed with ``email.policy.default``
    (headers are decoded: ``message["Subject"]`` is the real text, ``get_content()`` gives
    decoded bodies), plus the SMTP envelope, which is what was really delivered to whom
    (Bcc recipients appear only here).
    """

    #: The address given in ``MAIL FROM``.
    envelope_from: str = ""
    #: The accepted addresses given in ``RCPT TO`` (refused ones are not included).
    envelope_to: tuple[str, ...] = ()
    #: The message exactly as received, before parsing.
    raw: bytes = b""


_PARSER = BytesParser(_class=ReceivedMessage, policy=policy.default)


class _Handler:
    """aiosmtpd handler: refuses configured recipients, hands accepted mail to the server."""

    def __init__(self, owner: SMTPTestServer) -> None:
        self._owner = owner

    async def handle_MAIL(  # aiosmtpd calls the hook by this name
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        delay = self._owner.delay
        if delay:  # a slow server: the sender may give up waiting
            await asyncio.sleep(delay)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(  # aiosmtpd calls the hook by this name
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if self._owner.is_refused(address):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # aiosmtpd calls the hook by this name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        raw = envelope.original_content or b""
        self._owner._receive(envelope.mail_from or "", list(envelope.rcpt_tos), raw)
        return "250 2.0.0 Message accepted for delivery"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class SMTPTestServer:
    """A real SMTP server on loopback that records what it receives.

    Thread-safe: the server runs in its own thread (aiosmtpd's ``Controller``); the test
    reads ``messages`` and calls the helpers from the main thread.

    Guarantees:

    * ``host``/``port`` stay the same across ``stop()``/``start()``, so Django's settings
      remain valid and a retried delivery reaches the restarted server;
    * ``messages`` holds every accepted message in arrival order, until ``clear()``;
    * a message with no accepted recipient is never recorded.
    """

    def __init__(self, host: str = SMTP_HOST, port: int | None = None) -> None:
        self.host = host
        self.port = port if port is not None else _free_port(host)
        #: Every message accepted so far, in order of arrival.
        self.messages: list[ReceivedMessage] = []
        self._refused: set[str] = set()
        #: Seconds the server waits before answering ``MAIL FROM`` (see ``slow()``).
        self.delay = 0.0
        self._condition = threading.Condition()
        self._controller: Controller | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._controller is not None

    def start(self) -> None:
        """Start listening on ``host:port``. Returns once the server answers connections."""
        if self._controller is not None:
            return
        # Keep aiosmtpd's per-connection INFO lines out of failure reports.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        attempts = 5
        for attempt in range(attempts):
            # A stopped aiosmtpd Controller has closed its event loop: always use a new one.
            controller = Controller(
                _Handler(self), hostname=self.host, port=self.port, ready_timeout=5.0
            )
            try:
                controller.start()
            except OSError as error:
                controller.loop.close()
                # Another process took the port between choosing it and binding it, or a
                # restart raced the previous listener's close: wait a moment and retry.
                if error.errno != errno.EADDRINUSE or attempt == attempts - 1:
                    raise
                time.sleep(0.2)
            else:
                self._controller = controller
                return

    def stop(self) -> None:
        """Stop listening; connections are then refused until ``start()`` is called."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def slow(self, seconds: float) -> None:
        """Wait ``seconds`` before answering each ``MAIL FROM`` (0: answer at once)."""
        self.delay = seconds

    # -- recipients that bounce --------------------------------------------------------

    def refuse(self, address: str) -> None:
        """Answer ``RCPT TO:<address>`` with ``550`` from now on (case-insensitive).

        Django's SMTP backend then raises ``smtplib.SMTPRecipientsRefused`` when no
        recipient of the message was accepted; when some were, the message goes to the
        others only.
        """
        with self._condition:
            self._refused.add(address.casefold())

    def accept(self, address: str) -> None:
        """Undo ``refuse(address)``."""
        with self._condition:
            self._refused.discard(address.casefold())

    def is_refused(self, address: str) -> bool:
        """Whether ``refuse()`` was called for this address."""
        with self._condition:
            return address.casefold() in self._refused

    # -- reading what arrived ----------------------------------------------------------

    def _receive(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> None:
        message = _PARSER.parsebytes(raw)
        assert isinstance(message, ReceivedMessage)
        message.envelope_from = mail_from
        message.envelope_to = tuple(rcpt_tos)
        message.raw = raw
        with self._condition:
            self.messages.append(message)
            self._condition.notify_all()

    def wait_for(self, count: int, timeout: float = 5) -> list[ReceivedMessage]:
        """Wait until at least ``count`` messages have arrived and return them all.

        Fails the test (``AssertionError``) after ``timeout`` seconds, listing what did
        arrive. Use it for mail sent from another thread (the live server, a worker).
        """
        __tracebackhide__ = True
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self.messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    received = "".join(
                        f"\n  - to {', '.join(m.envelope_to)}: {m['Subject']!r}"
                        for m in self.messages
                    )
                    raise AssertionError(
                        f"Expected at least {count} email(s) within {timeout} s, "
                        f"got {len(self.messages)}:{received or ' none'}"
                    )
                self._condition.wait(remaining)
            return list(self.messages)

    def to(self, address: str) -> list[ReceivedMessage]:
        """The messages whose SMTP envelope delivered them to ``address`` (case-insensitive)."""
        wanted = address.casefold()
        with self._condition:
            return [
                message
                for message in self.messages
                if any(rcpt.casefold() == wanted for rcpt in message.envelope_to)
            ]

    def clear(self) -> None:
        """Forget the messages received so far (refusals stay)."""
        with self._condition:
            self.messages.clear()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<SMTPTestServer {self.host}:{self.port} {state}, {len(self.messages)} message(s)>"


@pytest.fixture
def smtp_server(settings: SettingsWrapper) -> Iterator[SMTPTestServer]:
    """A running :class:`SMTPTestServer` that Django's email backend delivers to.

    For the test's duration ``EMAIL_BACKEND`` is Django's SMTP backend and ``EMAIL_HOST``/
    ``EMAIL_PORT`` point at the server, without TLS or authentication. Settings are global,
    so mail sent by the live server's thread arrives here too. The server is always stopped
    at teardown, even if the test stopped and restarted it.
    """
    server = SMTPTestServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    try:
        yield server
    finally:
        server.stop()


_URL_RE = re.compile(r"""https?://[^\s<>"'`]+""", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)]}»”’"


def links_in(message: EmailMessage) -> list[str]:
    """The http(s) URLs in the text/plain and then the text/html parts of ``message``.

    Bodies are decoded first (quoted-printable, base64, charsets), HTML entities such as
    ``&amp;`` are unescaped, sentence punctuation after a link in running text is dropped,
    and each URL is listed once, at its first appearance. Attachments are ignored.
    """
    plain: list[str] = []
    rich: list[str] = []
    for part in message.walk():
        if part.is_multipart() or part.is_attachment():
            continue
        content_type = part.get_content_type()
        if content_type not in ("text/plain", "text/html"):
            continue
        assert isinstance(part, EmailMessage)
        text = str(part.get_content())
        target = plain if content_type == "text/plain" else rich
        for match in _URL_RE.findall(text):
            url = match.rstrip(_TRAILING_PUNCTUATION)
            if content_type == "text/html":
                url = html.unescape(url)
            target.append(url)
    return list(dict.fromkeys(plain + rich))


# --------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------

#: Fixtures that start Chromium; a test using any of them is marked ``browser``.
BROWSER_FIXTURES = frozenset({"browser", "browser_context", "page"})

#: Chromium's switches: no sandbox (we run as root in CI), and no background traffic,
#: which this machine's closed network would refuse many times a start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

#: Every browser context a test gets: Swedish, in Swedish time.
CONTEXT_DEFAULTS: dict[str, Any] = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm"}

REQUIRE_BROWSER_VARIABLE = "SAMVERKAN_REQUIRE_BROWSER"


def chromium_executable() -> str | None:
    """The path of Debian's Chromium (``/usr/bin/chromium``), or ``None`` if not installed."""
    return shutil.which("chromium")


def browser_required() -> bool:
    """Whether a missing Chromium must fail the run (``SAMVERKAN_REQUIRE_BROWSER=1``)."""
    return os.environ.get(REQUIRE_BROWSER_VARIABLE, "") == "1"


def _missing_browser_message() -> str:
    return "Chromium was not found on PATH (install Debian's package: apt-get install chromium)"


def pytest_configure(config: pytest.Config) -> None:
    """Declare the ``browser`` marker unless pyproject.toml already does."""
    if not any(line.startswith("browser:") for line in config.getini("markers")):
        config.addinivalue_line(
            "markers",
            "browser: runs a real Chromium through Playwright (skipped when no Chromium "
            f"is found, unless {REQUIRE_BROWSER_VARIABLE}=1)",
        )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests that use the browser fixtures, skip them without Chromium, run them last.

    Running them last keeps Django's async-safety check for every other test (see the
    module docstring). The sort is stable, so pytest-django's order is kept within both
    groups.
    """
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    if chromium_executable() is None and not browser_required():
        skip = pytest.mark.skip(
            reason=f"{_missing_browser_message()}; set {REQUIRE_BROWSER_VARIABLE}=1 to fail"
        )
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(skip)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Fail a browser test loudly when Chromium is required but missing."""
    if item.get_closest_marker("browser") and browser_required() and chromium_executable() is None:
        pytest.fail(f"{_missing_browser_message()} and {REQUIRE_BROWSER_VARIABLE}=1.")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless Debian Chromium driven by Playwright, shared by the whole session.

    Guarantees: the executable is ``shutil.which("chromium")``, never a Playwright
    download; ``DJANGO_ALLOW_ASYNC_UNSAFE=true`` is set exactly while Playwright runs and
    restored afterwards. Skips (or fails, with ``SAMVERKAN_REQUIRE_BROWSER=1``) without
    Chromium. Prefer ``page``; use this only to open extra contexts (e.g. two users).
    """
    executable = chromium_executable()
    if executable is None:
        if browser_required():
            pytest.fail(f"{_missing_browser_message()} and {REQUIRE_BROWSER_VARIABLE}=1.")
        pytest.skip(_missing_browser_message())

    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves its event loop "running" in this thread until it stops,
    # and Django's @async_unsafe then refuses the ORM (including pytest-django's own
    # flush after transactional tests). Allow it for exactly that period.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright: Playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def new_browser_context(browser: Browser, **options: Any) -> BrowserContext:
    """A new context with the project's defaults (sv-SE, Europe/Stockholm), overridable.

    The context is *not* given ``bypass_csp``: pages run under the site's real Content
    Security Policy, so a test sees what a visitor's browser would block.
    """
    context = browser.new_context(**{**CONTEXT_DEFAULTS, **options})
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def browser_context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context (own cookies and storage) for this test, closed afterwards."""
    context = new_browser_context(browser)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Page:
    """A blank page in a fresh context: locale sv-SE, time zone Europe/Stockholm.

    Actions and expectations time out after 10 s instead of Playwright's 30 s.
    """
    return browser_context.new_page()


# --------------------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------------------

#: The WCAG levels the municipality must meet (the Swedish DOS law refers to EN 301 549,
#: i.e. WCAG 2.1 AA).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def _axe_script() -> str:
    # axe-playwright-python ships axe-core's axe.min.js inside the wheel: nothing is
    # fetched over the network.
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def _format_results(results: list[dict[str, Any]], *, with_summary: bool) -> list[str]:
    indent = "  "
    lines: list[str] = []
    for number, rule in enumerate(results, start=1):
        impact = rule.get("impact") or "no impact given"
        lines.append(f"{indent}{number}. {rule['id']} [{impact}]: {rule['help']}")
        lines.append(f"{indent}   {rule.get('helpUrl', '')}")
        for node in rule.get("nodes", []):
            target = " ".join(
                ", ".join(part) if isinstance(part, list) else str(part)
                for part in node.get("target", [])
            )
            snippet = " ".join(str(node.get("html", "")).split())
            if len(snippet) > 160:
                snippet = snippet[:157] + "..."
            lines.append(f"{indent}   - {target}   {snippet}")
            if with_summary and node.get("failureSummary"):
                # "Fix any of the following:\n  reason\n  reason" -> one line per heading.
                for block in str(node["failureSummary"]).split("\n\n"):
                    heading, *reasons = [line.strip() for line in block.splitlines()]
                    lines.append(f"{indent}     {heading} {'; '.join(reasons)}")
    return lines


def assert_accessible(page: Page, context: str = "") -> None:
    """Fail unless axe-core finds no WCAG 2.0/2.1 A or AA violation on the page as it is now.

    ``context`` labels the failure (e.g. ``"sign form after a failed submit"``). The
    message lists every violation (rule id, impact, help text, the target selectors and
    HTML of each failing element) and then axe's "incomplete" results, the checks it could
    not decide and a person must review; incomplete results alone do not fail.

    axe is injected with ``page.evaluate``, which runs through the DevTools protocol and is
    not subject to the page's Content Security Policy (``script-src 'self'``), so no
    ``bypass_csp`` is needed and the page keeps its real policy. Only the top document is
    checked, not the contents of iframes.
    """
    __tracebackhide__ = True
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_script())
    results: dict[str, Any] = page.evaluate(
        "options => axe.run(document, options)",
        {
            "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
            "resultTypes": ["violations", "incomplete"],
        },
    )
    violations = results["violations"]
    if not violations:
        return
    label = f" ({context})" if context else ""
    lines = [
        f"{len(violations)} accessibility violation(s) on {page.url}{label}, "
        f"checked with axe-core {results.get('testEngine', {}).get('version', '?')} "
        f"for {', '.join(AXE_TAGS)}:",
        *_format_results(violations, with_summary=True),
    ]
    incomplete = results.get("incomplete") or []
    if incomplete:
        lines.append(f"and {len(incomplete)} check(s) axe could not decide (review by hand):")
        lines.extend(_format_results(incomplete, with_summary=False))
    raise AssertionError("\n".join(lines))
