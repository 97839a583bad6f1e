"""Why a resume could not be read, each as one sentence the uploader can act on.

Every class carries a default sentence; callers pass a more precise one when they know
the numbers (sizes, pages). The single-argument constructor keeps them picklable, so the
parsing worker process can raise them and the parent re-raises the same object.
"""

from __future__ import annotations

from bot.errors import UserFacingError


class ResumeError(UserFacingError):
    """A resume file was refused or could not be read."""

    default = "I could not read this resume file."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default)


class EmptyFile(ResumeError):
    default = "The file is empty; upload your resume as a PDF or DOCX."


class NoText(ResumeError):
    default = "I found no text in this file; check that it is your resume and upload it again."


class TooLarge(ResumeError):
    default = "This file is too large for a resume."


class TooManyPages(ResumeError):
    default = "This document has far more pages than a resume."


class UnsupportedType(ResumeError):
    default = "I can read resumes in PDF, DOCX, ODT, RTF, HTML, Markdown or plain text, and this file is none of these."


class ImageFile(UnsupportedType):
    default = "This is an image, not a document; upload your resume as a PDF or DOCX instead."


class ExecutableFile(UnsupportedType):
    default = "This is a program, not a document, so I refused it; upload your resume as a PDF or DOCX."


class LegacyWordFile(UnsupportedType):
    default = "This is an old Word .doc file; open it in Word or LibreOffice, save it as DOCX or PDF, and upload that."


class EncryptedDocument(ResumeError):
    default = "This document is password-protected; save a copy without the password and upload that."


class EncryptedPdf(EncryptedDocument):
    default = "This PDF is password-protected; save a copy without the password and upload that."


class ScannedPdf(ResumeError):
    default = (
        "This PDF looks scanned: it has no text layer, only pictures of pages; "
        "export a text PDF from the original document (Word, Google Docs, …) and upload that."
    )


class CorruptFile(ResumeError):
    default = "This file looks damaged or truncated; export it again and upload the new copy."


class ParseTimeout(ResumeError):
    default = "Reading this file took too long, so I stopped; export it again as a simple PDF or DOCX."


class ZipBomb(ResumeError):
    default = "This document unpacks to far more data than any resume needs, so I refused it."


class UnsafeXml(ResumeError):
    default = "This document contains XML entity declarations that resumes never use, so I refused it for safety."
