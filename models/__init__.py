"""Kamerwacht's rule files, lexicons and trained models, shipped as the package data ``pipeline.models``.

Nothing here is code the pipeline imports; see ``README.md`` in this folder and ``pipeline/resources.py``.
"""
