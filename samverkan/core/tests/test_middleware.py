import pytest

pytestmark = pytest.mark.django_db


def test_swedish_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_english_when_chosen_and_back(client):
    response = client.post("/sprak/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.content.decode()
    response = client.post("/sprak/", {"language": "sv", "next": "/"}, follow=True)
    assert '<html lang="sv">' in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_swedish(client):
    client.cookies["django_language"] = "xx"
    assert '<html lang="sv">' in client.get("/").content.decode()


def test_security_headers_are_set(client):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
