"""Downloading an attachment a member gave us: its declared size first, then bounded failure.

`Attachment.read()` has no size cap and fetches from whatever URL Discord gives, so the size
Discord declares is checked before a byte is downloaded, and any failure to fetch (an HTTP
error, a dropped connection, a timeout) becomes one sentence instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

import aiohttp
import discord

from bot.errors import UserFacingError


async def read_attachment(attachment: discord.Attachment, check_size: Callable[[int], None]) -> bytes:
    """The attachment's bytes; `check_size` raises a UserFacingError for a size over its limit."""
    check_size(attachment.size)
    try:
        return await attachment.read()
    except (discord.HTTPException, aiohttp.ClientError, TimeoutError):
        raise UserFacingError(f"I could not download {attachment.filename[:100]}; please share it again.") from None
