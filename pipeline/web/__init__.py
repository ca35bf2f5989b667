"""The read-only view of the store: ``lookup`` (one thing by any spelling of its id, named as people
name it; what ``kamer show`` prints), ``search`` (the full-text index), ``app`` (``kamer serve``)."""
