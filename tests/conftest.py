"""Shared fixtures: isolated user state, recorded model traffic, the example folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model.replay import VCR_CONFIG, json_body

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk"
CASSETTES = ROOT / "cassettes"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--live",
        action="store_true",
        help="also run tests marked 'live', which call the embedded model or OPENAI_BASE_URL",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--live"):
        return
    skip = pytest.mark.skip(reason="talks to a live model; run with --live")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip)


def pytest_recording_configure(config: pytest.Config, vcr) -> None:
    vcr.register_matcher("json_body", json_body)


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return dict(VCR_CONFIG)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.split(".")[-1])


@pytest.fixture(autouse=True)
def _isolated_user_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's cache or sees the user's endpoint or key."""
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("OPENAI_BASE_URL", "NEWSBRIEF_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Transport retries happen at once (the backoff itself is tested on its own)."""
    monkeypatch.setattr("pipeline.model.client._wait", lambda state: 0)


@pytest.fixture
def example() -> Path:
    return EXAMPLE
