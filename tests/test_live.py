"""Against a live model: the embedded one (the 'local' extra), or OPENAI_BASE_URL when set.

Skipped by default; run with ``pytest --live``. One short article, so a CPU run takes about a
minute: it checks the whole path a real run takes, including the embedded server's
structured outputs, and that what the model says survives only when the article backs it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.model.session import ModelSession
from pipeline.render import render_markdown
from pipeline.rules.grounding import grounded_name
from pipeline.run import run_folder
from pipeline.settings import resolve_settings

# A live test reaches its model: the embedded server on loopback, or OPENAI_BASE_URL.
pytestmark = [pytest.mark.live, pytest.mark.block_network(allowed_hosts=[".*"])]

EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk"
SHORT = "000_3b5266f5af1c6cdf.txt"


def test_a_live_model_extracts_an_article_with_every_quote_verbatim_and_grounded(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(EXAMPLE / SHORT, folder / SHORT)
    text = (folder / SHORT).read_text(encoding="utf-8")

    with ModelSession(resolve_settings()) as session:
        report = run_folder(folder, session)

    assert not report.failed and not report.brief.unjudged
    assert report.usage["calls"] >= 1 and report.usage["completion_tokens"] > 0
    (extraction,) = report.extractions
    assert extraction.quotes and extraction.figures
    for quote in extraction.quotes:
        assert quote.text in text
        assert quote.speaker is None or grounded_name(quote.speaker, text), quote.speaker
    assert any(q.speaker and "Rutte" in q.speaker for q in extraction.quotes)
    markdown = render_markdown(report.brief)
    assert "## Who said what" in markdown and "[S1]" in markdown
