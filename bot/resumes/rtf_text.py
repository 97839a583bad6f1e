"""RTF → plain text with striprtf (pure Python: it runs in the worker, under the time limit)."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def rtf_text(data: bytes) -> str:
    """RTF is 7-bit with escapes; `\\ansicpgN` names the code page those escapes use."""
    match = _CODEPAGE.search(data[:4096])
    encoding = f"cp{int(match.group(1))}" if match else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    text: str = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
    return text
