"""``python -m newsbrief``: the command line under the project's own name (the code lives in
``pipeline``; ``python -m pipeline`` is the same)."""
