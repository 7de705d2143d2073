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


def test_english_by_the_link_in_the_header_and_back(client):
    page = client.get("/anslutna/?q=ideell").content.decode()
    assert 'href="/sprak/en/?next=/anslutna/%3Fq%3Dideell"' in page
    response = client.get("/sprak/en/", {"next": "/anslutna/?q=ideell"})
    assert response.status_code == 302
    assert response["Location"] == "/anslutna/?q=ideell"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="en">' in page
    assert 'href="/sprak/sv/?next=/anslutna/%3Fq%3Dideell"' in page
    client.get("/sprak/sv/", {"next": "/"})
    assert '<html lang="sv">' in client.get("/").content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example.org/", "//evil.example.org/", ""])
def test_the_language_link_never_leaves_the_site(client, next_url):
    response = client.get("/sprak/en/", {"next": next_url})
    assert response["Location"] == "/"


def test_an_unknown_language_in_the_link_is_not_found(client):
    response = client.get("/sprak/xx/", {"next": "/"})
    assert response.status_code == 404
    assert "django_language" not in response.cookies


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
