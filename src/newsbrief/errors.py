"""Errors newsbrief raises. Each says what happened and what to do.

    NewsbriefError
    ├── InputError        an input cannot be read or holds nothing to brief
    │   └── NothingToBrief   no input at all could be briefed
    ├── ConfigError       an unknown name or a bad setting (encoder, format, ...)
    └── StoreError        the story database is not ours, too new, or unreachable
"""


class NewsbriefError(Exception):
    """Base of every error newsbrief raises on purpose."""


class InputError(NewsbriefError):
    """An input cannot be read or holds nothing to brief."""


class NothingToBrief(InputError):
    """No input at all could be briefed."""


class ConfigError(NewsbriefError):
    """An unknown name or a bad setting."""


class StoreError(NewsbriefError):
    """The story database is not ours, from a newer schema, or unreachable."""
