"""Prompt templates: versioned files in the ``prompts`` package, rendered strictly.

A prompt is named ``NAME.vN`` and lives in ``prompts/NAME.vN.jinja``; an unknown name or a
missing variable is an error, never a silently different prompt. Changing a prompt means
bumping its version and re-recording the cassettes that use it.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from functools import cache

import jinja2

from ..errors import ConfigError

_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False
)


@cache
def load_prompt(name: str) -> jinja2.Template:
    """The template ``prompts/{name}.jinja``; ``ConfigError`` if there is none."""
    resource = importlib.resources.files("prompts") / f"{name}.jinja"
    if not resource.is_file():
        raise ConfigError(f"Unknown prompt '{name}': no prompts/{name}.jinja in the package.")
    return _ENV.from_string(resource.read_text(encoding="utf-8"))


def render_prompt(name: str, **variables: object) -> str:
    """Render a prompt; a variable the template uses but is not given raises ``ConfigError``."""
    try:
        return load_prompt(name).render(**variables)
    except jinja2.UndefinedError as error:
        raise ConfigError(
            f"Prompt '{name}' needs a variable that was not given: {error}"
        ) from error


def prompt_fingerprint(*names: str) -> str:
    """Short hash of the named prompts' source, for cache keys."""
    digest = hashlib.sha256()
    for name in names:
        resource = importlib.resources.files("prompts") / f"{name}.jinja"
        digest.update(resource.read_bytes())
    return digest.hexdigest()[:16]
