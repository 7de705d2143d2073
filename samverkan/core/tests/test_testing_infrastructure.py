"""Proof that the shared test fixtures in samverkan.core.testing really work.

Real SMTP server, real Chromium, real axe-core: nothing here is mocked. The module is also
its own urlconf (``urlpatterns`` below), so these tests need none of the project's URLs.
"""

from __future__ import annotations

import os
import smtplib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import EmailMultiAlternatives, send_mail
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.html import escape
from django.views.decorators.http import require_http_methods
from playwright.sync_api import Page

import samverkan
from samverkan.core.testing import SMTPTestServer, assert_accessible, links_in

SUBJECT = "Välkommen till Samverkan – åäö"
SENDER = "Samverkan <samverkan@example.org>"

# --------------------------------------------------------------------------------------
# A tiny site for these tests (used through @pytest.mark.urls)
# --------------------------------------------------------------------------------------


def _document(title: str, body: str) -> HttpResponse:
    return HttpResponse(
        "<!DOCTYPE html>\n"
        '<html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head>"
        f"<body><main><h1>{escape(title)}</h1>{body}</main></body></html>"
    )


def accessible_page(request: HttpRequest) -> HttpResponse:
    groups = "".join(f"<li>{escape(group.name)}</li>" for group in Group.objects.order_by("name"))
    return _document(
        "Föreningar i Älvstad",
        '<p>Här finns <a href="/otillganglig/">en sida med fel</a>.</p>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Kommunens logotyp">'
        f'<ul aria-label="Grupper">{groups}</ul>',
    )


def inaccessible_page(request: HttpRequest) -> HttpResponse:
    # The deliberate error: an image without a text alternative (WCAG 1.1.1).
    return _document(
        "En sida med fel",
        '<p>Bilden saknar alt-text.</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    )


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """Sends an invitation with a signed link, as the real account views will."""
    if request.method == "POST":
        address = request.POST["email"]
        link = request.build_absolute_uri(
            reverse("welcome", args=[signing.dumps(address, salt="test-invite")])
        )
        send_mail(
            SUBJECT,
            f"Hej!\n\nÖppna länken för att komma igång: {link}\n\nHälsningar,\nÄlvstads kommun",
            SENDER,
            [address],
        )
        return _document(
            "Inbjudan skickad", f"<p>Vi har skickat en länk till {escape(address)}.</p>"
        )
    token = escape(get_token(request))
    return _document(
        "Bjud in",
        '<form method="post" action="/inbjudan/">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        '<label for="email">E-postadress</label>'
        '<input id="email" name="email" type="email" autocomplete="email" required>'
        '<button type="submit">Skicka inbjudan</button></form>',
    )


def welcome(request: HttpRequest, token: str) -> HttpResponse:
    address = signing.loads(token, salt="test-invite", max_age=3600)
    return _document("Välkommen", f"<p>Välkommen, {escape(address)}!</p>")


urlpatterns = [
    path("tillganglig/", accessible_page),
    path("otillganglig/", inaccessible_page),
    path("inbjudan/", invite),
    path("valkommen/<str:token>/", welcome, name="welcome"),
]

pytestmark = pytest.mark.urls(__name__)


# --------------------------------------------------------------------------------------
# smtp_server
# --------------------------------------------------------------------------------------


def test_send_mail_reaches_the_smtp_server_intact(smtp_server: SMTPTestServer) -> None:
    sent = send_mail(
        SUBJECT,
        "Hej Anna!\n\nLogga in här: https://samverkan.example/konto/logga-in/abc/.\n",
        SENDER,
        ["Anna@Example.org"],
    )

    assert sent == 1
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == SUBJECT
    assert message["To"] == "Anna@Example.org"
    assert message.envelope_from == "samverkan@example.org"
    assert message.envelope_to == ("Anna@Example.org",)
    assert "Hej Anna!" in message.get_content()
    assert smtp_server.to("anna@example.org") == [message]
    assert smtp_server.to("someone.else@example.org") == []
    assert links_in(message) == ["https://samverkan.example/konto/logga-in/abc/"]


def test_the_server_can_go_down_and_come_back(smtp_server: SMTPTestServer) -> None:
    port = smtp_server.port
    smtp_server.stop()
    assert not smtp_server.running

    with pytest.raises(ConnectionRefusedError):
        send_mail(SUBJECT, "Första försöket", SENDER, ["anna@example.org"])

    smtp_server.start()
    assert smtp_server.running
    assert smtp_server.port == port
    send_mail(SUBJECT, "Andra försöket", SENDER, ["anna@example.org"])

    (message,) = smtp_server.wait_for(1)
    assert message.get_content().strip() == "Andra försöket"


def test_a_refused_recipient_gets_a_permanent_550(smtp_server: SMTPTestServer) -> None:
    smtp_server.refuse("Studsar@example.org")

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send_mail(SUBJECT, "Studsar", SENDER, ["studsar@example.org"])

    code, reason = refused.value.recipients["studsar@example.org"]
    assert code == 550
    assert b"studsar@example.org" in reason
    assert smtp_server.messages == []

    # With another, accepted recipient the message still goes to that one only.
    send_mail(SUBJECT, "Delvis", SENDER, ["studsar@example.org", "bertil@example.org"])
    (message,) = smtp_server.wait_for(1)
    assert message.envelope_to == ("bertil@example.org",)

    smtp_server.accept("studsar@example.org")
    send_mail(SUBJECT, "Nu går det", SENDER, ["studsar@example.org"])
    assert len(smtp_server.to("studsar@example.org")) == 1


def test_wait_for_fails_readably_and_clear_forgets(smtp_server: SMTPTestServer) -> None:
    send_mail(SUBJECT, "Ett", SENDER, ["anna@example.org"])

    with pytest.raises(AssertionError, match=r"at least 2 email\(s\) within 0.2 s, got 1"):
        smtp_server.wait_for(2, timeout=0.2)

    smtp_server.clear()
    assert smtp_server.messages == []
    assert smtp_server.to("anna@example.org") == []


def test_links_in_reads_both_parts_decoded(smtp_server: SMTPTestServer) -> None:
    long_line = "Lång rad med åäö " * 20  # forces quoted-printable or base64 encoding
    message = EmailMultiAlternatives(
        SUBJECT,
        f"{long_line}\nBekräfta (https://samverkan.example/bekrafta/1/?a=1&b=2), tack.\n"
        "Läs mer på http://example.org/om.",
        SENDER,
        ["anna@example.org"],
    )
    message.attach_alternative(
        f"<p>{long_line}</p>"
        '<p><a href="https://samverkan.example/bekrafta/1/?a=1&amp;b=2">Bekräfta</a> '
        '<a href="https://samverkan.example/avregistrera/">Avregistrera</a></p>',
        "text/html",
    )
    message.attach("bilaga.txt", "https://not-a-link-we-want.example/", "text/plain")
    message.send()

    (received,) = smtp_server.wait_for(1)
    assert links_in(received) == [
        "https://samverkan.example/bekrafta/1/?a=1&b=2",
        "http://example.org/om",
        "https://samverkan.example/avregistrera/",
    ]


def test_http_request_that_sends_email(client, smtp_server: SMTPTestServer) -> None:
    """The pattern for view tests: the test client posts, the real SMTP server receives."""
    response = client.post("/inbjudan/", {"email": "cecilia@example.org"})
    assert response.status_code == 200

    (message,) = smtp_server.to("cecilia@example.org")
    assert message["Subject"] == SUBJECT
    (link,) = links_in(message)
    assert link.startswith("http://testserver/valkommen/")
    assert "Välkommen, cecilia@example.org!" in client.get(link).content.decode()


# --------------------------------------------------------------------------------------
# Browser and accessibility
# --------------------------------------------------------------------------------------


def test_accessible_page_passes_under_the_strict_csp(
    live_server, page: Page, request: pytest.FixtureRequest
) -> None:
    # Data created by the test is visible to the live server (transactional_db), and the
    # ORM works although Playwright's event loop runs in this thread.
    Group.objects.create(name="Föreningsrådet")

    response = page.goto(live_server.url + "/tillganglig/")

    assert response is not None and response.ok
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.get_by_role("listitem").filter(has_text="Föreningsrådet").count() == 1
    assert page.evaluate("navigator.language") == "sv-SE"
    assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "Europe/Stockholm"
    assert request.node.get_closest_marker("browser") is not None
    assert_accessible(page, "accessible test page")


def test_assert_accessible_fails_on_an_image_without_alt(live_server, page: Page) -> None:
    page.goto(live_server.url + "/tillganglig/")
    page.get_by_role("link", name="en sida med fel").click()
    page.wait_for_url("**/otillganglig/")

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, "deliberately broken page")

    report = str(failure.value)
    assert "1 accessibility violation(s)" in report
    assert "/otillganglig/ (deliberately broken page)" in report
    assert "image-alt [critical]: Images must have alternative text" in report
    assert "   - img   <img src=" in report


def test_browser_and_email_end_to_end(live_server, page: Page, smtp_server) -> None:
    """A visitor submits a form, gets the email, and follows its link in the browser."""
    page.goto(live_server.url + "/inbjudan/")
    assert_accessible(page, "invitation form")
    page.get_by_label("E-postadress").fill("david@example.org")
    page.get_by_role("button", name="Skicka inbjudan").click()
    page.get_by_role("heading", name="Inbjudan skickad").wait_for()

    (message,) = smtp_server.wait_for(1)
    assert message.envelope_to == ("david@example.org",)
    (link,) = links_in(message)
    assert link.startswith(live_server.url)
    page.goto(link)
    assert page.get_by_role("main").inner_text().endswith("Välkommen, david@example.org!")


# --------------------------------------------------------------------------------------
# How browser tests are scheduled, skipped or failed (checked in a separate pytest run)
# --------------------------------------------------------------------------------------


def _run_pytest(tmp_path: Path, source: str, *, path: str, require: str | None) -> str:
    """Run ``source`` as a one-file pytest session with our plugin; return exit code + output."""
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["samverkan.core.testing"]\n')
    (tmp_path / "test_scratch.py").write_text(textwrap.dedent(source))
    env = {
        **os.environ,
        "PATH": path,
        "PYTHONPATH": str(Path(samverkan.__file__).resolve().parent.parent),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    # This process's browser fixture may have set it; the child must start clean.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("SAMVERKAN_REQUIRE_BROWSER", None)
    if require is not None:
        env["SAMVERKAN_REQUIRE_BROWSER"] = require
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-rsfE", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return f"exit code {completed.returncode}\n{completed.stdout}{completed.stderr}"


NEEDS_BROWSER = """
    def test_needs_browser(page):
        raise AssertionError("must not run without Chromium")
"""


def test_browser_tests_skip_without_chromium(tmp_path: Path) -> None:
    (tmp_path / "bin").mkdir()
    output = _run_pytest(tmp_path, NEEDS_BROWSER, path=str(tmp_path / "bin"), require=None)
    assert output.startswith("exit code 0"), output
    assert "1 skipped" in output, output
    assert "Chromium was not found" in output, output


def test_browser_tests_fail_without_chromium_when_required(tmp_path: Path) -> None:
    (tmp_path / "bin").mkdir()
    output = _run_pytest(tmp_path, NEEDS_BROWSER, path=str(tmp_path / "bin"), require="1")
    assert output.startswith("exit code 1"), output
    assert "Chromium was not found on PATH" in output, output
    assert "SAMVERKAN_REQUIRE_BROWSER=1" in output, output
    assert "must not run" not in output, output


@pytest.mark.browser
def test_browser_tests_run_last_and_alone_relax_the_async_check(tmp_path: Path) -> None:
    source = """
        import os

        def test_in_the_browser(page):
            assert os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"

        def test_without_a_browser():
            assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
    """
    output = _run_pytest(tmp_path, source, path=os.environ["PATH"], require="1")
    assert output.startswith("exit code 0"), output
    assert "2 passed" in output, output
    assert output.index("::test_without_a_browser PASSED") < output.index(
        "::test_in_the_browser PASSED"
    ), output
