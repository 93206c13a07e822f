"""Typed schemas: what the model is asked for (``model_io``), what one article yields
(``extraction``) and the merged brief (``brief``). ``export`` writes their JSON Schemas."""

from .brief import Brief
from .extraction import ArticleExtraction
from .model_io import ArticleNotes, article_notes_model

__all__ = ["ArticleExtraction", "ArticleNotes", "Brief", "article_notes_model"]
