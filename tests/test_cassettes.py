"""Recorded cassettes must never carry credentials."""

from __future__ import annotations

import re
from pathlib import Path

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
SECRET = re.compile(
    r"(?i)authorization|api[-_]key|bearer\s|sk-(?!no-key-required)[A-Za-z0-9]{8,}|set-cookie"
)


def test_cassettes_exist():
    assert list(CASSETTES.rglob("*.yaml")), "no cassettes recorded"


def test_no_cassette_contains_a_key_or_auth_header():
    for cassette in CASSETTES.rglob("*.yaml"):
        text = cassette.read_text(encoding="utf-8")
        match = SECRET.search(text)
        assert match is None, f"{cassette}: {match.group()!r}"
