"""The one exception type that crosses stage boundaries: it names a file and a cause."""

from __future__ import annotations


class ExtractError(Exception):
    """A file that cannot be read. ``code`` is stable and machine-readable.

    Codes: ``not_found``, ``empty``, ``too_large``, ``unsupported``, ``truncated``,
    ``encrypted``, ``corrupt``, ``malformed_xml``, ``binary_text``, ``image_bomb``,
    ``page_size``, ``too_many_pages``, ``ocr_failed``, ``ocr_timeout``, ``internal``.
    """

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "error": {"code": self.code, "message": self.message}}
