"""The errors a user can meet. Each carries a one-line message written for a person.

The CLI turns every :class:`FurikaeriError` into that line on stderr and exit code 2.
"""


class FurikaeriError(Exception):
    """Base class: something the user can fix or should know about."""

    exit_code = 2


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
