"""Configuration precedence: flag > environment > default."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.extract import ARTICLE_PROMPT
from pipeline.model.templates import load_prompt, render_prompt
from pipeline.settings import DUMMY_API_KEY, EMBEDDED_MODEL, REMOTE_DEFAULT_MODEL, resolve_settings


def test_defaults_mean_the_embedded_model():
    settings = resolve_settings(env={"HOME": "/home/u"})
    assert settings.embedded
    assert settings.model == EMBEDDED_MODEL
    assert settings.api_key == DUMMY_API_KEY
    assert settings.cache_dir == Path.home() / ".cache" / "newsbrief"


def test_environment_configures_a_remote_endpoint():
    env = {
        "OPENAI_BASE_URL": "http://localhost:11434/v1",
        "OPENAI_API_KEY": "sk-env",
        "XDG_CACHE_HOME": "/x",
    }
    settings = resolve_settings(env=env)
    assert not settings.embedded
    assert (settings.base_url, settings.api_key, settings.model) == (
        "http://localhost:11434/v1", "sk-env", REMOTE_DEFAULT_MODEL,
    )  # fmt: skip
    assert settings.cache_dir == Path("/x/newsbrief")


def test_flags_win_over_environment():
    env = {
        "OPENAI_BASE_URL": "http://env/v1",
        "NEWSBRIEF_MODEL": "env-model",
        "NEWSBRIEF_CACHE_DIR": "/c",
    }
    settings = resolve_settings(
        base_url="http://flag/v1", model="flag-model", api_key="sk-flag", env=env
    )
    assert (settings.base_url, settings.model, settings.api_key) == (
        "http://flag/v1",
        "flag-model",
        "sk-flag",
    )
    assert settings.cache_dir == Path("/c")


def test_unknown_prompt_and_missing_variable_fail_loudly():
    with pytest.raises(ConfigError, match="Unknown prompt 'nope.v9'"):
        load_prompt("nope.v9")
    with pytest.raises(ConfigError, match="needs a variable"):
        render_prompt(ARTICLE_PROMPT)


def test_the_article_size_limit_comes_from_flag_then_environment_then_default():
    from pipeline.errors import InputError
    from pipeline.settings import DEFAULT_MAX_ARTICLE_CHARS

    assert resolve_settings(env={}).max_article_chars == DEFAULT_MAX_ARTICLE_CHARS
    env = {"NEWSBRIEF_MAX_ARTICLE_CHARS": "5000"}
    assert resolve_settings(env=env).max_article_chars == 5000
    assert resolve_settings(env=env, max_article_chars=70).max_article_chars == 70
    with pytest.raises(InputError, match="NEWSBRIEF_MAX_ARTICLE_CHARS='lots'"):
        resolve_settings(env={"NEWSBRIEF_MAX_ARTICLE_CHARS": "lots"})
