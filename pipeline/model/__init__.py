"""The model wing: everything that talks to a language model.

``session`` is the seam the pipeline sees (``Model``, ``ModelSession``); ``client`` asks an
OpenAI-compatible endpoint through instructor, with retries and re-asks; ``embedded`` and
``embedded_server`` run the offline llama.cpp model; ``replay`` records and replays cassettes;
``templates`` renders the prompts; ``usage`` counts calls and tokens. Importing this package
imports neither ``openai`` nor ``instructor``.
"""
