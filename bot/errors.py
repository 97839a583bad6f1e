"""Errors whose message is one clear sentence a user may read (CLI stderr or a Discord reply)."""


class UserFacingError(Exception):
    """An expected failure: bad input, a refused file, a missing setting.

    `str(error)` is shown to the user as is, so it must be one plain sentence with no
    internal detail (paths of the server, stack frames, exception class names).
    """


class ConfigurationError(UserFacingError):
    """A required setting is missing or invalid."""
