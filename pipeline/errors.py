"""The errors newsbrief raises on purpose.

Only ``cli.py`` turns them into messages for a person; every message says what to do next.
A user error (``ConfigError``, ``InputError``) is kept apart from a model that misbehaved
(``ModelError``) and from an endpoint that could not be reached (``EndpointError``).
"""


class NewsbriefError(Exception):
    """Base class: anything newsbrief reports to the user as a clean message."""


class ConfigError(NewsbriefError):
    """The tool is configured wrongly (missing extra, bad flag, unknown prompt)."""


class InputError(NewsbriefError):
    """The input folder or a file in it cannot be used."""


class EndpointError(NewsbriefError):
    """The model endpoint could not be reached or kept failing after retries."""


class ModelError(NewsbriefError):
    """The model answered, but never with something that passed validation."""


class ReplayError(NewsbriefError):
    """A replayed cassette has no recorded answer for a request."""


class EndpointConfigError(ConfigError):
    """The endpoint is configured wrongly in a way no retry fixes: unreachable host, a
    rejected key, an unknown model or path. Stops the run at once (exit 2), one message."""


REDACTED = "[redacted]"


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with every configured secret (of 8 characters or more) replaced by
    ``[redacted]``: for anything a server sends back that is shown or stored."""
    for secret in secrets:
        if secret and len(secret) >= 8 and secret in text:
            text = text.replace(secret, REDACTED)
    return text


class OutputError(NewsbriefError):
    """The brief could not be written (a full disk, a folder gone read-only); nothing was."""


class BatchPending(NewsbriefError):
    """With ``--batch``: the question is queued for the next batch; ask again after the model's
    ``flush_batch`` (``pipeline.model.batch``). Never reaches the user."""
