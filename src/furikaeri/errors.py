"""The errors a user can meet. Each carries a one-line message written for a person, in
English and, where it is given, in Japanese (``ja=``).

The CLI turns every :class:`FurikaeriError` into that line on stderr and exit code 2, in the
language of the command (:func:`furikaeri.cli.app.ui_language`).
"""


class FurikaeriError(Exception):
    """Base class: something the user can fix or should know about."""

    exit_code = 2

    def __init__(self, message: str = "", *, ja: str | None = None):
        super().__init__(message)
        self.ja = ja

    def said_in(self, code: str | None) -> str:
        """The message in language ``code`` (English where no Japanese was given)."""
        return self.ja if code == "ja" and self.ja else str(self)


class AudioError(FurikaeriError):
    """An audio file is missing, empty, corrupt or not audio."""


class ModelError(FurikaeriError):
    """The Whisper model cannot be found, assembled or verified offline."""


class DeviceError(FurikaeriError):
    """No usable microphone, or the device failed."""


class StoreError(FurikaeriError):
    """The practice database cannot be opened, migrated or written."""


class QuestionError(FurikaeriError):
    """A question set or company file is missing or malformed."""


class UsageError(FurikaeriError):
    """Options that do not fit together."""
