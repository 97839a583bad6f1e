"""Resume reading: uploaded bytes → `ResumeText`, safely and within limits.

`read_resume` sniffs the real type, parses PDF/DOCX/ODT/RTF/HTML in a killable worker
process (plain text and Markdown in-process), and finds sections, dated positions, years of
experience, degrees and contact presence. Refusals are `ResumeError`s (UserFacingError).
"""

from bot.resumes.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedDocument,
    EncryptedPdf,
    ExecutableFile,
    ImageFile,
    LegacyWordFile,
    NoText,
    ParseTimeout,
    ResumeError,
    ScannedPdf,
    TooLarge,
    TooManyPages,
    UnsafeXml,
    UnsupportedType,
    ZipBomb,
)
from bot.resumes.limits import ResumeLimits
from bot.resumes.reader import read_resume

__all__ = [
    "CorruptFile",
    "EmptyFile",
    "EncryptedDocument",
    "EncryptedPdf",
    "ExecutableFile",
    "ImageFile",
    "LegacyWordFile",
    "NoText",
    "ParseTimeout",
    "ResumeError",
    "ResumeLimits",
    "ScannedPdf",
    "TooLarge",
    "TooManyPages",
    "UnsafeXml",
    "UnsupportedType",
    "ZipBomb",
    "read_resume",
]
