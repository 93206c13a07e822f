"""Versioned prompt templates (``NAME.vN.jinja``), loaded by ``pipeline.templates``."""
