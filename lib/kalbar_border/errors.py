"""One exception type for every failure a user can cause or fix.

The message is always one line naming the file, row or field and what was expected, so
that a failed pipeline run can print it verbatim.
"""


class CompendiumError(Exception):
    """A user-facing error whose ``str()`` is a single self-explanatory line (in English).

    An error raised with ``key`` (a label of :mod:`kalbar_border.figures.labels` whose
    placeholders ``values`` fill) can also be said in the reader's language: :meth:`said`.
    ``message`` is then ignored, the English label is the message."""

    def __init__(self, message: str = "", *, key: str | None = None, **values):
        self.key, self.values = key, values
        if key is not None:
            message = self.said("en")
        # Newlines would split the one-line contract when the pipeline prints the message.
        super().__init__(" ".join(str(message).split()))

    def said(self, lang: str) -> str:
        """The message in ``lang`` (the English one when the error has no label)."""
        if self.key is None:
            return str(self)
        from .figures.labels import label  # labels imports this module

        values = {name: (value.said(lang) if isinstance(value, Said) else value) for name, value in self.values.items()}
        return " ".join(label(self.key, lang).format(**values).split())


class Said:
    """A part of an error message that is itself a label (``key``) with ``values``: said in the
    language the whole message is said in."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values

    def said(self, lang: str) -> str:
        from .figures.labels import label

        # A part may itself hold parts ("the path of {kinds}", kinds a Said of its own).
        values = {name: (value.said(lang) if isinstance(value, Said) else value) for name, value in self.values.items()}
        return label(self.key, lang).format(**values)
