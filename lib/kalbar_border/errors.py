"""One exception type for every failure a user can cause or fix.

The message is always one line naming the file, row or field and what was expected, so
that a failed pipeline run can print it verbatim.
"""


class CompendiumError(Exception):
    """A user-facing error whose ``str()`` is a single self-explanatory line."""

    def __init__(self, message: str):
        # Newlines would split the one-line contract when the pipeline prints the message.
        super().__init__(" ".join(str(message).split()))
