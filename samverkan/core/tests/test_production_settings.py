"""The production settings pass Django's deployment checks and send the security headers.

Production settings are loaded in a separate process (they refuse to start without their
environment), with a throwaway SQLite database and the environment a real installation
gives them.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PROBE = r"""
import json, django
django.setup()
from django.test import Client
client = Client()
plain = client.get("/finns-inte/", HTTP_HOST="samverkan.example.se")
secure = client.get("/finns-inte/", HTTP_HOST="samverkan.example.se", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "secure_status": secure.status_code,
    "headers": dict(secure.headers),
}))
"""


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "samverkan.example.se",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "SAMVERKAN_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing(tmp_path):
    result = _run(
        ["-m", "django", "check", "--deploy", "--fail-level", "DEBUG"], _production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SECRET_KEY", "insecure-too-short", "SECRET_KEY must be a long random value"),
        ("ALLOWED_HOSTS", "", "ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(tmp_path, variable, value, message):
    result = _run(["-m", "django", "check"], _production_env(tmp_path, **{variable: value}))
    assert result.returncode != 0
    assert message in result.stderr


def test_production_sends_the_security_headers(tmp_path):
    env = _production_env(tmp_path)
    collected = _run(["-m", "django", "collectstatic", "--noinput", "-v", "0"], env)
    assert collected.returncode == 0, collected.stderr
    result = _run(["-c", PROBE], env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])

    # Plain HTTP is sent to HTTPS; over HTTPS the page (here a 404) carries every header.
    assert answer["plain_status"] == 301
    assert answer["plain_location"] == "https://samverkan.example.se/finns-inte/"
    assert answer["secure_status"] == 404
    headers = answer["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = dict(
        (part.split(" ", 1) + [""])[:2] for part in headers["Content-Security-Policy"].split("; ")
    )
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy.get("script-src", policy["default-src"])
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
