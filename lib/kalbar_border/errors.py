"""One exception type for every failure a user can cause or fix.

The message is always one line naming the file, row or field and what was expected, so
that a failed pipeline run can print it verbatim. A message with a label is said in the
language of the run that raised it (:data:`LANG_ENV`, set by ``make reproduce PARAMS="LANG=id"``
for the run and the kernels it starts), English otherwise.
"""
import os
from contextlib import contextmanager

#: The environment variable naming the language errors are said in: set by the run command
#: (:func:`messages_in`) and inherited by its doit workers and their kernels, so an error raised
#: in a notebook reaches the terminal in the run's language.
LANG_ENV = "KALBAR_MESSAGES_LANG"


def messages_lang() -> str:
    """The language errors are said in: :data:`LANG_ENV` when it names a supported language
    (an unsupported one would make saying any error fail), else English."""
    lang = os.environ.get(LANG_ENV, "en")
    try:
        from .figures.labels import LANGS
    except ImportError:  # labels itself is being imported: nothing can be said but English
        return "en"
    return lang if lang in LANGS else "en"


@contextmanager
def messages_in(lang: str):
    """Errors raised inside (and in the processes started inside) are said in ``lang``."""
    saved = os.environ.get(LANG_ENV)
    os.environ[LANG_ENV] = lang
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(LANG_ENV, None)
        else:
            os.environ[LANG_ENV] = saved


class CompendiumError(Exception):
    """A user-facing error whose ``str()`` is a single self-explanatory line.

    An error raised with ``key`` (a label of :mod:`kalbar_border.figures.labels` whose
    placeholders ``values`` fill) can be said in any language (:meth:`said`); its ``str()`` is
    said in :func:`messages_lang`, English unless a run asked for another. ``message`` is then
    ignored. An error without ``key`` is English."""

    def __init__(self, message: str = "", *, key: str | None = None, **values):
        self.key, self.values = key, values
        if key is not None:
            message = self.said(messages_lang())
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


class Joined(Said):
    """Parts said one after another, ``sep`` between them: a computed list whose items are
    labels (one problem per variable), said in the language of the message holding it."""

    def __init__(self, parts, sep: str = "; "):
        super().__init__("")
        self.parts, self.sep = list(parts), sep

    def said(self, lang: str) -> str:
        return self.sep.join(part.said(lang) if isinstance(part, Said) else str(part) for part in self.parts)

    def __str__(self) -> str:
        return self.said("en")
