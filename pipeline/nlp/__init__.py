"""Stage 2: Dutch understanding. ``analyse.py`` reads as the flow; one module per fact."""
