"""The rules wing: what the text of an article can show without judgement.

Pure functions of strings, one module per kind of fact: ``text`` (paragraphs, the one sentence
splitter, time phrases), ``quotes`` (quotation spans and speaker cues), ``figures`` (numbers
and their claimants), ``claims`` (who confirms or denies), ``entities`` (one name per person
or body), ``dates`` (time phrases as dates), ``grounding`` (is a model's answer named in the
article) and ``vocabulary`` (the named word lists they share). Every module here is part of
the extraction cache's key (``pipeline.cache``).
"""
